"""A spec's agreement as it stands after all its amendments, as spec data with no amendments.

What `drafter renew` carries over and what `drafter compare` compares by default: the parties, budget rows,
figures and texts as the last tillägg left them (not as first signed), with the tillägg's point changes
folded into the outline (a new point becomes a section, a repealed one goes).
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

from drafter.model.nodes import Document
from drafter.spec.model import Spec


@dataclass
class RepealedText:
    """A text of the spec's own (`texts:` KEY) that a tillägg took out of the agreement: its point
    repealed, or given a clause or a new text under another key, and used by no other document."""

    key: str
    text: str
    number: int  # the tillägg
    point: str  # the point's number in the signed agreement, "2.3"
    heading: str
    replaced: bool = False  # the point given a new wording (a clause, or a text under another key), not repealed


@dataclass
class Standing:
    """A spec's agreement as it stands after all its amendments, as spec data with no amendments:
    what `renew` carries over and what `compare` compares by default."""

    data: dict  # the spec's data: the amended parties, budget and figures, the outline with the point changes
    spec: Spec  # the data as last amended (before the outline is folded)
    documents: list  # every document the old spec builds
    amended: Document | None = None  # the agreement as the last tillägg numbers it ("3.2 a"), when there is one
    repealed: list[RepealedText] = field(default_factory=list)  # texts no longer in force, left out of `data`


def standing(loaded, library, through: int | None = None) -> Standing:
    """The agreement as it stands after all its tillägg, or after tillägg nr `through` and those before it."""
    from drafter.assemble import assemble_all

    documents, states = assemble_all(loaded, library)
    amendments = loaded.spec.amendments
    if through is not None:
        count = next(i + 1 for i, a in enumerate(amendments) if a.number == through)
        amendments, states = amendments[:count], states[:count]
    last = states[-1].loaded if states else loaded
    data = copy.deepcopy({k: v for k, v in last.data.items() if k != "amendments"})
    signed = next(d for d in documents if d.kind == "agreement")
    texts = data.setdefault("texts", {})
    written = dict(texts)
    out_of_force: dict[str, tuple[int, str, str, bool]] = {}
    _fold_amendments(data, amendments, signed, texts, out_of_force)
    repealed = _repealed(data, texts, written, out_of_force, documents)
    if not texts:
        data.pop("texts")
    return Standing(data, last.spec, documents, states[-1].consolidated if states else None, repealed)


def _repealed(data: dict, texts: dict, written: dict, out_of_force: dict[str, tuple[int, str, str, bool]],
              documents: list) -> list[RepealedText]:
    """Take out of `texts` each text a tillägg took out of the agreement (`out_of_force`: key → tillägg,
    point, heading, whether replaced) that nothing else shows: not the outline as folded, not the tjänsteutlåtande (one
    key gives one text in every document). The spec's own (`written`) are returned, to be told;
    a text the fold itself made for an inserted point that a later tillägg repealed goes unsaid."""
    shown = {s.name for doc in documents if doc.kind == "proposal" for s in doc.walk_sections() if s.name}
    repealed = []
    for key, (number, point, heading, replaced) in out_of_force.items():
        if key not in texts or key in shown or _names_key(data.get("outline"), key):
            continue
        text = texts.pop(key)
        if key in written:
            repealed.append(RepealedText(key, text, number, point, heading, replaced))
    return repealed


def _names_key(items, key: str) -> bool:
    """Whether an outline (a list, or a standard outline's `add:` and `replace:`) still has a section `key`."""
    if isinstance(items, dict):
        added = [a.get("item") for a in items.get("add") or () if isinstance(a, dict)]
        replaced = list((items.get("replace") or {}).values()) if isinstance(items.get("replace"), dict) else []
        return _names_key(added + replaced, key)
    for item in items if isinstance(items, list) else ():
        if isinstance(item, dict) and (item.get("key") == key or _names_key(item.get("sections"), key)):
            return True
    return False


def latest_representatives(data: dict, spec) -> None:
    """Each party signed for by its latest representative (`representatives:`), as plain signatories."""
    for party, written in zip(spec.parties, data.get("parties") or []):
        if not party.representatives or not isinstance(written, dict):
            continue
        people = [s.model_dump(exclude_none=True) for s in party.signatories_on(dt.date.max)]
        for key in ("signatory", "signatories", "representatives"):
            written.pop(key, None)
        if len(people) == 1:
            written["signatory"] = people[0]
        else:
            written["signatories"] = people


# --- the tillägg's point changes, into the outline ------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _fold_amendments(data: dict, amendments, signed, texts: dict,
                     out_of_force: dict[str, tuple[int, str, str, bool]] | None = None) -> None:
    """Each replaced, repealed or inserted point of the tillägg, as the outline of the new agreement.

    A point is found as the amendment code finds it (drafter/assemble/amendments.py): by its number in
    the signed agreement, whose section is known by its clause (else heading) and occurrence, so two
    sections with one heading, or one clause used twice, are two points here too. A standard outline's
    change names a section by what the outline names it (its key or clause id, `Section.name`), never by
    its heading. A new wording of the partnership's own text (texts: KEY) becomes that text, under the
    section's own heading (a renewed tjänsteutlåtande that shows the key shows the text in force, as one
    key gives one text in every document); a point a tillägg inserted ("5.1 a") can be changed by a later
    one. Every change is placed against the outline as written, then carried out, so a repeal cannot shift
    a later change. `out_of_force` is told each text key whose section a tillägg repealed or replaced
    (key → tillägg, point, heading, whether replaced), for `_repealed` to take out of `texts` when nothing else shows it."""
    from drafter.assemble.amendments import identities
    from drafter.model.nodes import walk_sections

    by_number = {s.number: (key, s) for key, s in identities(signed.sections) if s.number}
    outline = data.get("outline")
    slots = _outline_slots(outline) if isinstance(outline, list) else {}
    edits: dict[int, tuple[list, dict[int, dict]]] = {}  # id(list) → (the list, {index: what happens to it})
    gone = out_of_force if out_of_force is not None else {}
    inserted: dict[str, dict] = {}  # "5.1 a" → the outline item a tillägg inserted (changed in place later)
    after: dict[str, list[dict]] = {}  # "5.1" → the items inserted after it, in order
    for amendment in amendments:
        for c, change in enumerate(amendment.changes):
            point = change.point
            if point in inserted:
                key = inserted[point].get("key")
                _change_inserted(inserted[point], change, amendment.number, c, texts)
                if key and (change.remove or inserted[point].get("key") != key):
                    gone[key] = (amendment.number, point, inserted[point].get("heading") or "", not change.remove)
                continue
            if point is None or point not in by_number:
                continue
            target, section = by_number[point]
            keeps = change.replace and change.text and not change.clause and _own_text(section, texts)
            if change.remove or change.replace:  # the point's own texts and its sub-points' go out of force
                gone.update({s.name: (amendment.number, point, section.heading, bool(change.replace))
                             for s in walk_sections([section])
                             if s.clause is None and s.name and not (keeps and s is section)})
            if keeps:
                texts[section.name] = change.text  # the section keeps its place, key and heading
                if not change.heading or change.heading == section.heading:
                    continue
            new_item = _new_item(change, amendment.number, c, texts,
                                 section.name if change.replace and not change.clause and _own_text(
                                     section, texts) else None,
                                 change.heading or (section.heading if change.replace else None))
            if change.insert_after:
                new_item = new_item or {}
                siblings = after.setdefault(point, [])
                inserted[f"{point} {LETTERS[min(len(siblings), 25)]}"] = new_item
            if isinstance(outline, dict):
                if section.name:  # a sub-heading inside a clause's text has no name an outline can change
                    _apply_to_standard(outline, section.name, change, new_item, after.get(point, []))
            elif target in slots:
                items, index = slots[target]
                edit = edits.setdefault(id(items), (items, {}))[1].setdefault(index, {"after": []})
                if change.remove:
                    edit["remove"] = True
                elif change.replace:
                    edit["replace"] = new_item or {}
                elif change.insert_after:
                    edit["after"].append(new_item)
            if change.insert_after and new_item is not None:
                after[point].append(new_item)
    for items, by_index in edits.values():
        rebuilt = []
        for index, item in enumerate(items):
            edit = by_index.get(index, {"after": []})
            if "replace" in edit:
                item = edit["replace"]  # a new wording replaces the point with its sub-points, as the tillägg does
            if not edit.get("remove"):
                rebuilt.append(item)
            rebuilt += [i for i in edit["after"] if not i.get("_removed")]
        items[:] = rebuilt
    if isinstance(outline, dict) and "add" in outline:
        outline["add"] = [a for a in outline["add"] if not (isinstance(a["item"], dict) and a["item"].get("_removed"))]
        if not outline["add"]:
            del outline["add"]


def _own_text(section, texts: dict) -> bool:
    """Whether the section is the partnership's own text (texts: KEY) without sub-points: a new wording
    of it is a new text under the same key."""
    return section.clause is None and bool(section.name) and section.name in texts and not section.sections


def _new_item(change, number: int, c: int, texts: dict, key: str | None, heading: str | None) -> dict | None:
    """The outline item of a new wording or a new point: its clause, or its text under a key of its own."""
    if not (change.clause or change.text):
        return None
    item: dict = {"clause": change.clause} if change.clause else {}
    if change.text:
        key = key or f"tillagg-{number}-{c + 1}"
        texts[key] = change.text
        item["key"] = key
    if heading:
        item["heading"] = heading
    return item


def _change_inserted(item: dict, change, number: int, c: int, texts: dict) -> None:
    """A later tillägg's change of a point an earlier one inserted: its item, changed where it stands."""
    if change.remove:
        item["_removed"] = True
    elif change.replace:
        heading = change.heading or item.get("heading")
        if change.text and not change.clause and item.get("key"):
            texts[item["key"]] = change.text
        elif change.clause or change.text:
            item.clear()
            item.update(_new_item(change, number, c, texts, None, None) or {})
        if heading:
            item["heading"] = heading


def _outline_slots(items: list) -> dict[str, tuple[list, int]]:
    """Each outline item by the identity its section has in the document (clause, else heading, counted
    when it repeats, in reading order, as `identities` counts them): the list that holds it and where."""
    from collections import Counter

    seen: Counter[str] = Counter()
    slots: dict[str, tuple[list, int]] = {}

    def walk(level: list) -> None:
        for index, item in enumerate(level):
            base = _ident_of(item)
            if base is not None:
                seen[base] += 1
                slots[base if seen[base] == 1 else f"{base}#{seen[base]}"] = (level, index)
            if isinstance(item, dict) and isinstance(item.get("sections"), list):
                walk(item["sections"])

    walk(items)
    return slots


def _base(key: str) -> str:
    """"#Villkor" of "#Villkor#2", "villkor/period" of "villkor/period#2": the identity without its count."""
    head, mark, count = key.rpartition("#")
    return head if mark and head and count.isdigit() else key


def _apply_to_standard(outline: dict, name: str, change, new_item: dict | None, before: list[dict]) -> None:
    """The change as a standard outline's remove, replace or add, naming the section by its key or
    clause id; a second point inserted after one goes after the first (`before`: those inserted so far)."""
    if change.remove:
        replaced = outline.get("replace", {})
        replaced.pop(name, None)
        if not replaced:
            outline.pop("replace", None)
        outline.setdefault("remove", []).append(name)
    elif change.replace:
        outline.setdefault("replace", {})[name] = new_item
    elif change.insert_after:
        anchor = _item_name(before[-1]) if before else None
        outline.setdefault("add", []).append({"after": anchor or name, "item": new_item})


def _item_name(item: dict) -> str | None:
    """How a standard outline's change names an item the fold wrote: its key, else its clause id."""
    return item.get("key") or (item["clause"].partition("@")[0] if item.get("clause") else None)


def _ident_of(item) -> str | None:
    if isinstance(item, str):
        return item.partition("@")[0]
    if not isinstance(item, dict):
        return None
    if item.get("clause"):
        return item["clause"].partition("@")[0]
    return f"#{item['heading']}" if item.get("heading") else None
