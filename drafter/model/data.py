"""The model as plain data (dicts, lists, strings), like pandoc's JSON AST.

The Typst writer hands this to its template as JSON, so no user text is ever
read as markup. Every node carries its type name under "type".
"""

from __future__ import annotations

import dataclasses
import datetime as dt


def to_data(node):
    if dataclasses.is_dataclass(node):
        data = {"type": type(node).__name__}
        for f in dataclasses.fields(node):
            if not f.metadata.get("provenance"):  # where a node came from is not content
                data[f.name] = to_data(getattr(node, f.name))
        return data
    if isinstance(node, (list, tuple)):
        return [to_data(n) for n in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    return node
