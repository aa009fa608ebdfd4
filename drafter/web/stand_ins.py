"""The web preview of a spec that still holds placeholders: the placeholder where its stand-in stood.

A spec with "ÅÅÅÅ-MM-DD" or "NNNNNN-NNNN" loads with a stand-in of the right type
(drafter/spec/placeholders.py) so that it can be assembled and checked; the documents would then read
"2 januari 2001" and "000000-0000" as if they were facts. A build refuses such a spec (every placeholder
is an error), so only the preview shows these documents; it gets a copy in which the model's provenance
says where a text read a placeholder's field, and the placeholder stands there instead of the stand-in.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from drafter.model.nodes import Document, Origin, Section, Text
from drafter.spec.placeholders import STANDING_ALONE, Placeholder, Shown, shown_instead
from drafter.swedish.format import tal

if TYPE_CHECKING:
    from drafter.spec.load import LoadedSpec

BUDGET_ROWS = "budget.rows."


def with_placeholders_shown(documents: list[Document], loaded: "LoadedSpec") -> list[Document]:
    """`documents` as the preview shows them: a copy with each stand-in replaced by its placeholder
    (the documents themselves are left as they are; without such placeholders they are returned)."""
    fields = placeholder_fields(loaded.placeholders)
    if not fields:
        return documents
    if any(key.startswith(BUDGET_ROWS) for key in fields):  # a sum of what is filled in so far
        fields["budget.total"] = [Shown(re.compile(STANDING_ALONE.format(re.escape(tal(loaded.spec.budget.sum)))),
                                        "N", False)]
    fields |= _renewal_dates(loaded, set(fields))  # computed from a stand-in: a date nobody set
    shown = _Shown(fields)
    out = copy.deepcopy(documents)
    for doc in out:
        shown.document(doc)
    return out


_COMPUTED_FROM = {"first_notice_deadline": ("period.end", "period.renewal.notice_deadline"),
                  "first_renewal_end": ("period.end", "period.renewal.unit", "period.renewal.max_end")}


def _renewal_dates(loaded: "LoadedSpec", placeholders: set[str]) -> dict[str, list[Shown]]:
    """The notice calendar's dates a clause reads (period.renewal.first_notice_deadline, …) that are
    computed from a placeholder's stand-in, each shown as ÅÅÅÅ-MM-DD where a text read it: no one set
    them. (Where the same date also stands for a field filled in, in the same section, the preview
    shows that one as ÅÅÅÅ-MM-DD too: a gap to fill, never a made-up date.)"""
    from drafter.assemble.context import first_renewal
    from drafter.swedish.format import datum

    if not any(key in placeholders for keys in _COMPUTED_FROM.values() for key in keys):
        return {}
    return {f"period.renewal.{key}": [Shown(re.compile(re.escape(datum(day))), "ÅÅÅÅ-MM-DD", False),
                                      Shown(re.compile(re.escape(day.isoformat())), "ÅÅÅÅ-MM-DD", False)]
            for key, day in first_renewal(loaded.spec).items()
            if day is not None and any(read in placeholders for read in _COMPUTED_FROM[key])}


def placeholder_fields(placeholders: Iterable[Placeholder]) -> dict[str, list[Shown]]:
    """"period.start" → what shows instead of its stand-in, for each placeholder that has a stand-in."""
    return {".".join(map(str, p.path)): rules for p in placeholders if (rules := shown_instead(p.text))}


class _Shown:
    def __init__(self, fields: dict[str, list[Shown]]):
        self.fields = fields
        # What no real value of a spec with the placeholder can be: replaced wherever it stands.
        self.distinct = list({s.pattern.pattern: s for rules in fields.values() for s in rules if s.distinct}.values())

    def rules_for(self, origin: Origin | None) -> list[Shown]:
        """The rules of every placeholder field the node with `origin` read (itself, or the fields it used)."""
        if origin is None:
            return []
        refs = [origin.ref, *(o.ref for o in origin.data)]  # a computed value: what it is, what it is made of
        rules: list[Shown] = []
        for ref in refs:
            for key, field_rules in self.fields.items():
                if key == ref or key.startswith(ref + "."):  # other_amounts.X is read, X.amount is open
                    rules += field_rules
        return rules

    def document(self, doc: Document) -> None:
        meta = doc.meta
        meta.title, meta.subtitle = self.apply(meta.title, self.distinct), self.apply(meta.subtitle, self.distinct)
        if meta.letterhead is not None:
            meta.letterhead.references = [(k, self.apply(v, self.distinct)) for k, v in meta.letterhead.references]
        self.texts(doc.preamble, self.distinct)
        for section in doc.sections:
            self.section(section, self.distinct)

    def section(self, section: Section, inherited: list[Shown]) -> None:
        # A clause's own subsections (its ### headings) carry no origin: they read what the clause read.
        rules = self.distinct + self.rules_for(section.origin) if section.origin is not None else inherited
        section.heading = self.apply(section.heading, rules)
        self.texts(section.blocks, rules)
        for sub in section.sections:
            self.section(sub, rules)

    def texts(self, blocks: list, rules: list[Shown]) -> None:
        for text in _texts(blocks):  # a span that knows its own field (a budget cell) answers for itself
            own = self.distinct + self.rules_for(text.origin) if text.origin is not None else rules
            text.text = self.apply(text.text, own)

    @staticmethod
    def apply(text: str, rules: list[Shown]) -> str:
        for rule in rules:
            text = rule.pattern.sub(rule.text, text)
        return text


def _texts(node) -> Iterator[Text]:
    """Every Text node in a block tree: paragraphs, lists, tables, footnotes, quotes, tracked changes."""
    if isinstance(node, Text):
        yield node
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from _texts(item)
    elif dataclasses.is_dataclass(node) and not isinstance(node, (type, Section, Origin)):
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            if isinstance(value, (list, tuple)) or dataclasses.is_dataclass(value):
                yield from _texts(value)
