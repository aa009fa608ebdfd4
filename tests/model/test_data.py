"""The model as plain data: every content field of every node, in field order, dates as ISO text."""

import dataclasses
import datetime as dt

from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.model.data import to_data
from drafter.model.nodes import Text
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE


def walked(node):
    """The plain walk to_data stands for, written out: dataclasses.fields on each node, every time."""
    if dataclasses.is_dataclass(node):
        out = {"type": type(node).__name__}
        for f in dataclasses.fields(node):
            if not f.metadata.get("provenance"):
                out[f.name] = walked(getattr(node, f.name))
        return out
    if isinstance(node, (list, tuple)):
        return [walked(n) for n in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    return node


def test_every_example_document_gives_what_the_plain_walk_gives_in_the_same_order():
    documents = assemble_documents(load_spec(EXAMPLE), ClauseLibrary(CLAUSES))
    assert len(documents) >= 2
    for doc in documents:
        data, expected = to_data(doc), walked(doc)
        assert data == expected
        assert repr(data) == repr(expected)  # the same key order: the JSON Typst reads is the same text


def test_a_text_subclass_and_a_date_inside_a_node_are_data_too():
    class Name(str):
        pass

    data = to_data([Text(Name("Street Minds")), dt.date(2026, 7, 1), (1, 2.5, None, True)])
    assert data == [{"type": "Text", "text": "Street Minds"}, "2026-07-01", [1, 2.5, None, True]]
