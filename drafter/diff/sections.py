"""Two assembled documents side by side: sections matched by clause id.

Sections are taken in reading order (depth first, as printed) and matched with difflib on a key:
the clause id for a section made from a clause, else its heading (or, for a section without a
heading, the kind of block it holds). Two specs are compared by identity (`identity_key`): a section
of the spec's own text is the same section under its outline name (`texts:` key, `Section.name`)
whatever its heading now says, and only a section with no such name, or one whose name the other
document does not have, is matched by its heading. Matched sections whose text differs are "changed"; a
section whose key is on both sides but could not be matched in order was "moved" (it shows as
removed in one place and added in another, which is also how a tracked-changes DOCX shows a
move). A matched section whose number changed ("4.1" → "5.1") is "renumbered".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from drafter.diff.blocks import signature
from drafter.model.nodes import Document, Section


@dataclass
class SectionPair:
    old: Section | None
    new: Section | None
    moved: bool = False

    @property
    def status(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "same" if content(self.old) == content(self.new) else "changed"

    @property
    def renumbered(self) -> bool:
        return bool(self.old and self.new and self.old.label != self.new.label)

    @property
    def shown(self) -> Section:
        """The new section, or the old one for a removed section (a pair always has one)."""
        section = self.new if self.new is not None else self.old
        assert section is not None
        return section

    @property
    def clause_id(self) -> str | None:
        section = self.shown
        return section.clause.id if section.clause else None


def heading_line(section: Section) -> str:
    return f"{section.label} {section.heading}".strip()


def content(section: Section) -> tuple:
    """What must be equal for a section to be unchanged: its heading (without its number) and its
    own blocks' words, formatting and footnotes (blocks.signature), not its sub-sections."""
    return section.heading, signature(section.blocks)


def section_key(section: Section) -> tuple:
    if section.clause:
        return "clause", section.clause.id
    if section.heading:
        return "heading", section.heading
    return "blocks", tuple(type(b).__name__ for b in section.blocks)


def identity_key(section: Section) -> tuple:
    """What a section is across two specs: its clause, else its outline name (the `texts:` key, or a
    block's name), else its heading (section_key)."""
    if not section.clause and section.name:
        return "name", section.name
    return section_key(section)


def align_sections(old: Document, new: Document, key: Callable[[Section], tuple] = section_key) -> list[SectionPair]:
    """Every section of both documents once, in an order that keeps each document's reading order.
    With `key=identity_key`, the sections left unmatched whose identity the other document lacks are
    matched by heading among themselves (a `texts:` key renamed, a text that became a clause)."""
    a, b = list(old.walk_sections()), list(new.walk_sections())
    keys_a, keys_b = [key(s) for s in a], [key(s) for s in b]
    pairs: list[SectionPair] = []
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [SectionPair(x, y) for x, y in zip(a[i1:i2], b[j1:j2])]
        elif key is section_key or not (i1 < i2 and j1 < j2):
            pairs += [SectionPair(x, None) for x in a[i1:i2]] + [SectionPair(None, y) for y in b[j1:j2]]
        else:
            pairs += _by_heading(a[i1:i2], b[j1:j2], set(keys_a), set(keys_b), key)
    removed = {key(p.shown) for p in pairs if p.new is None}
    added = {key(p.shown) for p in pairs if p.old is None}
    for p in pairs:
        if (p.new is None and key(p.shown) in added) or (p.old is None and key(p.shown) in removed):
            p.moved = True
    return pairs


def _by_heading(a: list[Section], b: list[Section], keys_a: set, keys_b: set,
                key: Callable[[Section], tuple]) -> list[SectionPair]:
    """Sections left over between two matched runs: those whose identity the other document lacks
    anywhere are matched by heading, the others keep their identity (and show as moved)."""
    def loose(section: Section, other: set) -> tuple:
        if key(section) in other:
            return key(section)
        return ("heading", section.heading) if section.heading else section_key(section)

    return _matched(a, b, [loose(s, keys_b) for s in a], [loose(s, keys_a) for s in b])


def align_by_number(signed: Document, amended: Document) -> list[SectionPair]:
    """The signed agreement and the agreement as a tillägg left it, sections matched by their number: a
    tillägg never renumbers ("3.2 a" is inserted, a repealed point keeps its number), so a point given
    a new wording is one changed point even when a text replaced its clause."""
    a, b = list(signed.walk_sections()), list(amended.walk_sections())
    key = lambda s: ("number", s.number) if s.number else section_key(s)  # noqa: E731
    return _matched(a, b, [key(s) for s in a], [key(s) for s in b])


def _matched(a: list[Section], b: list[Section], keys_a: list, keys_b: list) -> list[SectionPair]:
    """The sections of a and b paired where their keys match in order (difflib); the rest alone."""
    pairs: list[SectionPair] = []
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [SectionPair(x, y) for x, y in zip(a[i1:i2], b[j1:j2])]
        else:
            pairs += [SectionPair(x, None) for x in a[i1:i2]] + [SectionPair(None, y) for y in b[j1:j2]]
    return pairs


def summary(pairs: list[SectionPair]) -> dict[str, int]:
    """How many sections were added, removed, moved, renumbered, changed and left as they were."""
    counts = {"added": 0, "removed": 0, "moved": 0, "renumbered": 0, "changed": 0, "same": 0}
    moved_keys = set()
    for p in pairs:
        if p.moved:
            moved_keys.add(section_key(p.shown))
            continue
        counts[p.status] += 1
        counts["renumbered"] += p.renumbered
    counts["moved"] = len(moved_keys)
    return counts
