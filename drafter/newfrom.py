"""`drafter new --from SPEC`: another partnership's outline, without that partnership's texts.

A spec's outline mixes the shared library's clauses (villkor/…, organisation/…), which any partnership
may use, with clauses that belong to one partnership (front matter `partnership:`): its background,
aims, target group, the decision its nämnd took. A new partnership keeps the sections and the shared
clauses; each of the other partnership's clauses becomes the generic outline's section for the same
place (same heading, or same name: street-minds/malgrupp → the section `malgrupp`, with the template's
question to answer), or, where the generic outline has none, a section of the new partnership's own
text with a heading and a text to write. A clause that only makes sense for a renewal
(inledning/fornyad-overenskommelse) is left out: a new partnership renews nothing.

The figures the old texts cited go with them; those the kept clauses still cite stay, emptied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.assemble.standard_outline import read_standard
from drafter.clauses.library import ClauseLibrary, ClauseNotFound, ClauseVersion
from drafter.errors import Where
from drafter.spec.model import OutlineItem
from drafter.spec.refs import split_ref

# Shared clauses that say the agreement renews an earlier one: wrong in a new partnership.
RENEWAL_ONLY = ("inledning/fornyad-overenskommelse",)
HEADING_TO_WRITE = "[Rubrik]"
TEXT_TO_WRITE = "[Skriv texten här]"
_FIGURE = re.compile(r"\bfigures\s*(?:\.\s*(\w+)|\[\s*[\"'](\w+)[\"']\s*\])")


@dataclass
class Generic:
    """One section of a generic standard outline that may stand in for a partnership's clause."""

    item: OutlineItem

    @property
    def names(self) -> set[str]:
        name = self.item.key or (split_ref(self.item.clause)[0].rsplit("/", 1)[-1] if self.item.clause else "")
        return {name} if name else set()


@dataclass
class Carried:
    """What `new --from` did with the old outline: texts to write, and a note per replaced section."""

    texts: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    clause_ids: set[str] = field(default_factory=set)  # the library clauses the new outline uses


class OutlineCarrier:
    """Carries outlines of one spec (`source_name`) into a new partnership's spec."""

    def __init__(self, library: ClauseLibrary, source_name: str):
        self.library = library
        self.source_name = source_name
        self.carried = Carried()

    def outline(self, outline: object, standards: list[str]) -> object:
        """The outline (a list of sections, or a standard outline with changes) for the new spec;
        `standards`: the generic outlines whose sections stand in for the other partnership's clauses,
        the document's own first."""
        generic = [Generic(item) for name in standards for item in _walk(self._standard(name).outline)
                   if (item.clause or item.key) and not item.block]
        if isinstance(outline, dict) and "standard" in outline:
            return self._standard_changes(outline, generic)
        if isinstance(outline, list):
            return self._items(outline, generic)
        return outline

    def _standard(self, name: str):
        model, _ = read_standard(name, self.library.root, Where(name))
        return model

    def _standard_changes(self, outline: dict, generic: list[Generic]) -> dict:
        out = dict(outline)
        for item in _walk(self._standard(str(outline["standard"])).outline):
            self._uses(item)
        replace = {}
        for name, item in (outline.get("replace") or {}).items():
            new = self._items([item], generic)
            if new:  # a replacement with another partnership's clause: the standard's own section stays
                replace[name] = new[0]
        if "replace" in out:
            out["replace"] = replace
        if "add" in out:
            out["add"] = [{**a, "item": new[0]} for a in outline["add"] if isinstance(a, dict)
                          for new in [self._items([a.get("item")], generic)] if new]
        return out

    def _items(self, items: list, generic: list[Generic]) -> list:
        out: list = []
        for raw in items:
            out += self._item(raw, generic)
        return out

    def _item(self, raw: object, generic: list[Generic]) -> list:
        """The section(s) standing where `raw` stood: itself, its stand-in, or (left out) its subsections."""
        item: dict = {"clause": raw} if isinstance(raw, str) else dict(raw) if isinstance(raw, dict) else {}
        if not item:
            return [raw]
        if "sections" in item:
            sections = item["sections"]
            item["sections"] = self._items(sections if isinstance(sections, list) else [], generic)
            if not item["sections"]:
                del item["sections"]
        if not item.get("clause"):
            return [item]
        ref = str(item["clause"])
        clause_id, _ = split_ref(ref)
        if clause_id in RENEWAL_ONLY:
            self._note(f"{ref}: utelämnad (gäller bara en förnyad överenskommelse)")
            return list(item.get("sections") or [])
        version = self._version(ref)
        if version is None or not version.meta.partnership:
            self.carried.clause_ids.add(clause_id)
            return [raw if isinstance(raw, str) else item]
        new = self._stand_in(item, version, generic)
        return [new]

    def _stand_in(self, item: dict, version: ClauseVersion, generic: list[Generic]) -> dict | str:
        """The generic section for the place of another partnership's clause, else an own text."""
        own = [*item.get("sections", [])]
        written = item.get("heading")  # the old spec's heading for the section, when it gave one
        heading = written or version.meta.heading
        shown = version.id if "{" in heading else f"{version.id} ({heading})"
        match = _match(version, generic, written)
        if match is None:
            key = version.id.rsplit("/", 1)[-1].removeprefix("tu-")
            self.carried.texts.setdefault(key, TEXT_TO_WRITE)
            self._note(f"{shown}: ett eget avsnitt att skriva, med rubrik och texts: {key}")
            return {"key": key, "heading": HEADING_TO_WRITE, **({"sections": own} if own else {})}
        new = _as_data(match.item)
        for sub in _walk([match.item]):
            self._uses(sub)
        if isinstance(new, str):
            new = {"clause": new}
        if written and not match.item.sections:
            new["heading"] = written
        if own:
            new["sections"] = [*new.get("sections", []), *own]
        self._note(f"{shown}: standardmallens avsnitt "
                   + (f"{match.item.clause}" if match.item.clause else f"{match.item.name}")
                   + (f" (texts: {match.item.key})" if match.item.key and match.item.text is not None else ""))
        return new["clause"] if list(new) == ["clause"] else new

    def _note(self, note: str) -> None:
        if note not in self.carried.notes:
            self.carried.notes.append(note)

    def _uses(self, item: OutlineItem) -> None:
        if item.clause:
            self.carried.clause_ids.add(split_ref(item.clause)[0])
        if item.key and item.text:
            self.carried.texts.setdefault(item.key, item.text)

    def _version(self, ref: str) -> ClauseVersion | None:
        """The version a reference names (the newest when unpinned: `partnership:` is the clause's, not a
        version's); None when the library has none (`drafter check` reports it on the new spec)."""
        clause_id, pinned = split_ref(ref)
        try:
            versions = self.library.versions(clause_id)
        except ClauseNotFound:
            return None
        return next((v for v in versions if v.version == pinned), versions[-1])

    def figures_cited(self) -> set[str]:
        """The figures that some version of a clause the new outline uses cites."""
        cited: set[str] = set()
        for clause_id in self.carried.clause_ids:
            try:
                versions = self.library.versions(clause_id)
            except ClauseNotFound:
                continue
            for v in versions:
                cited |= {a or b for a, b in _FIGURE.findall(v.meta.heading + "\n" + v.body)}
        return cited


def _match(version: ClauseVersion, generic: list[Generic], written: str | None) -> Generic | None:
    """The generic section with the heading the old spec gave the section, else with the clause's
    heading, else with its name (tu-bakgrund → bakgrund; forslag-till-beslut →
    forslag-till-beslut-stadsdelsnamnd)."""
    for heading in (written, version.meta.heading):
        wanted = (heading or "").strip().casefold()
        found = next((g for g in generic if (g.item.heading or "").strip().casefold() == wanted), None)
        if wanted and found is not None:
            return found
    name = version.id.rsplit("/", 1)[-1].removeprefix("tu-")
    return next((g for g in generic if any(n == name or n.startswith(name + "-") for n in g.names)), None)


def _as_data(item: OutlineItem) -> dict | str:
    """An outline item as the spec writes it: a bare clause reference, else its fields."""
    dumped = item.model_dump(exclude_defaults=True, exclude={"text"})
    data = {name: dumped[name] for name in ("clause", "key", "heading", *dumped) if name in dumped}
    if item.sections:
        data["sections"] = [_as_data(s) for s in item.sections]
    return data["clause"] if list(data) == ["clause"] else data


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.sections)


# --- a partnership with children: the register extract (villkor/belastningsregister) -------------

REGISTER = "villkor/belastningsregister"
_AFTER = "villkor/sekretess"  # where the generic outlines' partnerships with children have it


def register_ref(library: ClauseLibrary) -> str:
    """The newest version in force of the register extract clause, pinned (`id@N`)."""
    versions = [v for v in library.versions(REGISTER) if v.meta.status != "upphävd"]
    return versions[-1].ref


def with_register(outline: object, ref: str) -> object:
    """The outline with the register extract after the secrecy clause (else last among the Villkor,
    else before the signatures), unless it has one already."""
    if isinstance(outline, dict) and "standard" in outline:
        if any(_names(a.get("item")) & {REGISTER} for a in outline.get("add") or [] if isinstance(a, dict)):
            return outline
        return {**outline, "add": [*(outline.get("add") or []), {"after": _AFTER, "item": ref}]}
    if not isinstance(outline, list) or REGISTER in _all_names(outline):
        return outline
    items = list(outline)
    if _insert_after(items, _AFTER, ref):
        return items
    villkor = next((i for i in items if isinstance(i, dict) and str(i.get("heading", "")).casefold() == "villkor"),
                   None)
    if villkor is not None:
        villkor["sections"] = [*(villkor.get("sections") or []), ref]
        return items
    last = items[-1] if items else None
    signing = last is not None and "signering" in _names(last)
    return [*items[:-1], ref, last] if signing else [*items, ref]


def _insert_after(items: list, name: str, ref: str) -> bool:
    for i, item in enumerate(items):
        if name in _names(item):
            items.insert(i + 1, ref)
            return True
        if isinstance(item, dict) and isinstance(item.get("sections"), list):
            sections = list(item["sections"])
            if _insert_after(sections, name, ref):
                item["sections"] = sections
                return True
    return False


def _names(item: object) -> set[str]:
    """The clause id of an outline item (a bare reference or `clause:`), as a set for testing."""
    ref = item if isinstance(item, str) else item.get("clause") if isinstance(item, dict) else None
    if not isinstance(ref, str):
        return set()
    clause_id = split_ref(ref)[0]
    return {clause_id, clause_id.split("/", 1)[0]}


def outline_items(items: list):
    """Every entry of an outline as written in a spec, its sections' entries after it, depth first."""
    for item in items:
        yield item
        if isinstance(item, dict) and isinstance(item.get("sections"), list):
            yield from outline_items(item["sections"])


def _all_names(items: list) -> set[str]:
    return set().union(*(_names(item) for item in outline_items(items)))
