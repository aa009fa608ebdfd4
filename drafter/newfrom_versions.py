"""`drafter new --from`: the library's current reviewed texts for a new partnership, as `drafter new` gives.

The spec a new partnership starts from often names its shared clauses without a version, so that they
resolve to the newest version fastställd somewhere (for the street-minds specs: v1, approved only for
socialnämnden, with "skall" and a notice that takes effect "1 januari kommande år"). A new
partnership gets, for each shared clause, the version the standard outlines pin for it, else the newest
granskad or fastställd one (never utkast or upphävd), pinned `id@N` so that a later approval cannot
change its text. The clauses the standard outline has and the old spec lacks (parter/insatser: the
own contribution; villkor/havning, which parter/vardegrund@2 refers to) are added at their place. What
was chosen, and why, becomes a comment in the new spec.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.assemble.standard_outline import read_standard
from drafter.clauses.library import ClauseLibrary, ClauseNotFound, ClauseVersion
from drafter.errors import DrafterError, Where
from drafter.spec.model import OutlineItem
from drafter.spec.refs import split_ref

if TYPE_CHECKING:
    from drafter.spec.load import LoadedSpec

REVIEWED = ("granskad", "fastställd")
DECISION = "tjansteutlatande/forslag-till-beslut"  # and -stadsdelsnamnd: a proposal has one of them
_REF = re.compile(r"""\bref\(\s*["']([^"']+)["']""")


@dataclass
class Choices:
    """What the version choice did, for the new spec's comment."""

    by_standard: dict[str, list[str]] = field(default_factory=dict)  # standard name → refs it pinned
    newest: list[str] = field(default_factory=list)  # refs no standard pins: the newest reviewed version
    changed: list[str] = field(default_factory=list)  # "id v1 → v2" where the old spec's text differs
    kept: list[str] = field(default_factory=list)  # refs kept as written: no reviewed version
    added: list[str] = field(default_factory=list)  # refs added from the standard outline
    written: list[str] = field(default_factory=list)  # standard outlines without versions, written out
    instead: list[str] = field(default_factory=list)  # an older version whose references the document holds
    unresolved: list[str] = field(default_factory=list)  # "id@N → target" references still unsatisfied


class VersionChooser:
    """Pins every shared clause of a new spec's outline to the library's reviewed version."""

    def __init__(self, library: ClauseLibrary, standards: list[str], source_name: str):
        self.library = library
        self.source_name = source_name
        self.choices = Choices()
        self._seen: set[str] = set()
        self._unpinned: set[str] = set()  # the old spec's references without a version
        self.standards = {name: read_standard(name, library.root, Where(name))[0].outline for name in standards}
        self.pins: dict[str, tuple[int, str]] = {}  # clause id → (version, the standard pinning it)
        for name, outline in self.standards.items():
            for item in _walk(outline):
                clause_id, pinned = split_ref(item.clause) if item.clause else ("", None)
                if pinned is not None and clause_id not in self.pins:
                    self.pins[clause_id] = (pinned, name)

    def pin(self, ref: str) -> str:
        """`id@N`: the standard's version, else the newest reviewed; `ref` itself when there is none, or
        when the clause belongs to one partnership (newfrom.py has replaced those)."""
        clause_id, pinned = split_ref(ref)
        try:
            versions = self.library.versions(clause_id)
        except ClauseNotFound:
            return ref  # `drafter check` reports it on the new spec
        if any(v.meta.partnership for v in versions):
            return ref
        if pinned is None and ref not in self._unpinned:
            self._unpinned.add(ref)
        if clause_id in self.pins:
            number, standard = self.pins[clause_id]
            chosen = f"{clause_id}@{number}"
            self._record(ref, chosen, versions, self.choices.by_standard.setdefault(standard, []))
            return chosen
        reviewed = [v for v in versions if v.meta.status in REVIEWED]
        if not reviewed:
            if ref not in self._seen:
                self._seen.add(ref)
                self.choices.kept.append(ref)
            return ref
        chosen = reviewed[-1].ref
        self._record(ref, chosen, versions, self.choices.newest)
        return chosen

    def _record(self, ref: str, chosen: str, versions: list[ClauseVersion], group: list[str]) -> None:
        if chosen in self._seen:
            return
        self._seen.add(chosen)
        group.append(chosen)
        was = _resolved(ref, versions)
        if was is not None and was != chosen:
            self.choices.changed.append(f"{split_ref(ref)[0]} v{split_ref(was)[1]} → v{split_ref(chosen)[1]}")

    def outline(self, outline: object, standard: str, document: str = "överenskommelsen") -> object:
        """The outline with its shared clauses pinned and the standard's missing clauses added; a standard
        outline with changes only has the changes pinned."""
        if isinstance(outline, dict) and "standard" in outline:
            out = dict(outline)
            if isinstance(out.get("replace"), dict):
                out["replace"] = {k: self._item(v) for k, v in out["replace"].items()}
            if isinstance(out.get("add"), list):
                out["add"] = [{**a, "item": self._item(a.get("item"))} if isinstance(a, dict) else a
                              for a in out["add"]]
            return out
        if not isinstance(outline, list):
            return outline
        items = [self._item(item) for item in outline]
        self._add_missing(items, self.standards[standard])
        self._references(items, document)
        return items

    def _item(self, raw: object) -> object:
        if isinstance(raw, str):
            return self.pin(raw)
        if not isinstance(raw, dict):
            return raw
        item = dict(raw)
        if isinstance(item.get("clause"), str):
            item["clause"] = self.pin(item["clause"])
        if isinstance(item.get("sections"), list):
            item["sections"] = [self._item(s) for s in item["sections"]]
        return item

    def _add_missing(self, items: list, standard: list[OutlineItem]) -> None:
        """Each clause of the standard outline that `items` lacks, after the nearest section before it in
        the standard that `items` has (as the first subsection when that is its parent), else before
        the signatures."""
        flat = list(_flat(standard, None))
        present = _present(items)
        for index, (names, item, parent) in enumerate(flat):
            if not item.clause or names & present or self._has_its_like(item.clause, present):
                continue
            ref = item.clause if split_ref(item.clause)[1] is not None else self.pin(item.clause)
            earlier = list(reversed(flat[:index]))
            sibling = next((f for f in earlier if f[2] is parent and f[0] & present), None)
            above = next((f for f in earlier if f[1] is parent and f[0] & present), None) if parent else None
            before = sibling or above or next((f for f in earlier if f[0] & present), None)
            placed = before is not None and _insert(items, before[0], ref, first_child=before is above)
            after = next((f for f in flat[index + 1:] if f[0] & present), None) if not placed else None
            if after is not None:
                placed = _insert(items, after[0], ref, first_child=False, before=True)
            if not placed:
                last = items[-1] if items else None
                signing = last is not None and "signering/signering" in _names(last)
                items.insert(len(items) - 1 if signing else len(items), ref)
            present |= names
            self.choices.added.append(ref)
            self._seen.add(ref)

    def _has_its_like(self, ref: str, present: set[str]) -> bool:
        """The document has a section for what the clause says already: one with its heading (a text
        section "Ekonomiska konsekvenser"), or, for a decision clause, another decision clause."""
        clause_id = split_ref(ref)[0]
        if clause_id.startswith(DECISION) and any(name.startswith(DECISION) for name in present):
            return True
        try:
            heading = self.library.get(ref).meta.heading if split_ref(ref)[1] else ""
        except (ClauseNotFound, DrafterError):
            return False
        return bool(heading) and "{" not in heading and f"heading:{heading.strip().casefold()}" in present

    def _references(self, items: list, document: str) -> None:
        """A chosen version that refers to a clause the document lacks gives way to the newest reviewed
        version without such a reference (the proposal's Period: villkor/period@3 refers to the
        agreement's villkor/uppsagning); with none, the comment says so and build reports it with the
        spec's line."""
        present = _present(items)
        for ref in list(_refs(items)):
            missing = self._missing(ref, present)
            if not missing:
                continue
            clause_id, pinned = split_ref(ref)
            older = [v for v in self.library.versions(clause_id)
                     if v.meta.status in REVIEWED and pinned is not None and v.version < pinned
                     and not self._missing(v.ref, present)]
            if older:
                _replace(items, ref, older[-1].ref)
                self.choices.instead.append(f"{document}: {older[-1].ref} i stället för @{pinned} (@{pinned} "
                                            f"hänvisar till {', '.join(missing)}, som inte står i {document})")
            else:
                self.choices.unresolved += [f"{ref} → {t}" for t in missing if f"{ref} → {t}" not in
                                            self.choices.unresolved]

    def _missing(self, ref: str, present: set[str]) -> list[str]:
        try:
            version = self.library.get(ref)
        except (ClauseNotFound, DrafterError):
            return []
        return [t for t in dict.fromkeys(_REF.findall(version.body)) if t not in present]

    def comment(self) -> str:
        """The new spec's comment on the versions: what was chosen and why."""
        c = self.choices
        lines = ["Klausulversionerna är bibliotekets granskade texter, som drafter new väljer dem, med version",
                 "(id@N), så att ett senare beslut om någon version inte ändrar texten."]
        if self._unpinned:
            lines += [f"{self.source_name} angav {len(self._unpinned)} av dem utan version, vilket ger den senaste "
                      "fastställda", "versionen, ofta v1 och fastställd för en annan nämnd."]
        for standard, refs in c.by_standard.items():
            lines += _wrapped(f"  enligt standardmallen {standard}:", refs)
        lines += [f"  {note}" for note in c.written]
        lines += _wrapped("  senaste granskade eller fastställda (ingen standardmall anger någon):", c.newest)
        lines += _wrapped(f"  tillagda från standardmallen, på sin plats ({self.source_name} saknade dem):",
                          c.added)
        lines += _wrapped(f"  en annan text än i {self.source_name}:", c.changed)
        lines += _wrapped("  utan granskad version, kvar som de stod:", c.kept)
        lines += [f"  {line}" for line in c.instead]
        lines += _wrapped("  hänvisar till en klausul som saknas (drafter check visar raden):", c.unresolved)
        return "".join(f"# {line}\n" for line in lines)


def _resolved(ref: str, versions: list[ClauseVersion]) -> str | None:
    """The version `ref` resolves to as the old spec wrote it (unpinned: the newest fastställd)."""
    from drafter.clauses.library import pick

    clause_id, pinned = split_ref(ref)
    try:
        return pick(clause_id, pinned, versions).ref
    except DrafterError:
        return None


def _wrapped(head: str, refs: list[str], width: int = 96) -> list[str]:
    if not refs:
        return []
    lines, line = [], head
    for i, ref in enumerate(refs):
        word = ref + ("," if i < len(refs) - 1 else "")
        if len(line) + 1 + len(word) > width:
            lines.append(line)
            line = "    " + word
        else:
            line += " " + word
    return [*lines, line]


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.sections)


def _flat(items: list[OutlineItem], parent):
    """(names, item, parent item) of a standard outline's sections, in reading order."""
    for item in items:
        names = {split_ref(item.clause)[0]} if item.clause else set()
        names |= {item.key} if item.key else set()
        names |= {f"heading:{item.heading.strip().casefold()}"} if item.heading and not item.clause else set()
        yield names, item, parent
        yield from _flat(item.sections, item)


def _names(item: object) -> set[str]:
    """An outline item's names as the spec writes it: clause id, key, and a heading of its own."""
    if isinstance(item, str):
        return {split_ref(item)[0]}
    if not isinstance(item, dict):
        return set()
    names = {split_ref(str(item["clause"]))[0]} if item.get("clause") else set()
    names |= {str(item["key"])} if item.get("key") else set()
    if item.get("heading") and not item.get("clause"):
        names.add(f"heading:{str(item['heading']).strip().casefold()}")
    return names


def _present(items: list) -> set[str]:
    from drafter.newfrom import outline_items

    return set().union(*(_names(item) for item in outline_items(items)))


def _refs(items: list):
    for item in items:
        ref = item if isinstance(item, str) else item.get("clause") if isinstance(item, dict) else None
        if isinstance(ref, str):
            yield ref
        if isinstance(item, dict) and isinstance(item.get("sections"), list):
            yield from _refs(item["sections"])


def _insert(items: list, after: set[str], ref: str, first_child: bool, before: bool = False) -> bool:
    """Insert `ref` after the item named `after` (first among its sections; with `before`, before it);
    False when not found."""
    for i, item in enumerate(items):
        if _names(item) & after:
            if first_child:
                if isinstance(item, str):
                    items[i] = item = {"clause": item}
                item["sections"] = [ref, *(item.get("sections") or [])]
            else:
                items.insert(i if before else i + 1, ref)
            return True
        if isinstance(item, dict) and isinstance(item.get("sections"), list):
            sections = list(item["sections"])
            if _insert(sections, after, ref, first_child, before):
                item["sections"] = sections
                return True
    return False


def _replace(items: list, old: str, new: str) -> None:
    for i, item in enumerate(items):
        if item == old:
            items[i] = new
        elif isinstance(item, dict):
            if item.get("clause") == old:
                item["clause"] = new
            if isinstance(item.get("sections"), list):
                _replace(item["sections"], old, new)


def written_out(outline: object, source: "LoadedSpec | None", path: tuple, library: ClauseLibrary,
                texts: dict[str, str], notes: list[str]) -> object:
    """A standard outline whose clauses have no version (overenskommelse, as `drafter import` writes
    it), with the source's changes applied, as a list of sections: so that each clause can be pinned.
    Its text sections' questions go into `texts`; one of the generic outlines (pinned) stays as it is."""
    from drafter.assemble.standard_outline import resolve_outline

    if source is None or not (isinstance(outline, dict) and "standard" in outline):
        return outline
    name = str(outline["standard"])
    try:
        model = read_standard(name, library.root, Where(name))[0]
    except DrafterError:
        return outline  # `drafter check` reports it on the new spec
    if all(split_ref(item.clause)[1] is not None for item in _walk(model.outline) if item.clause):
        return outline
    model_outline = source.spec
    for field_name in path:
        model_outline = getattr(model_outline, field_name)
    placed = resolve_outline(model_outline, source, library.root, path)
    notes.append(f"standardmallen {name} anger klausulerna utan version: avsnitten står här utskrivna")
    return [_placed_data(p, texts) for p in placed]


def _placed_data(placed, texts: dict[str, str]) -> object:
    """A placed section as the spec writes it (newfrom.py's form), its text section's question kept."""
    from drafter.newfrom import _as_data

    item = placed.item
    if item.key and item.text and not item.block:
        texts.setdefault(item.key, item.text)
    data = _as_data(item.model_copy(update={"sections": []}))
    if placed.sections:
        data = {"clause": data} if isinstance(data, str) else data
        data["sections"] = [_placed_data(p, texts) for p in placed.sections]
    return data
