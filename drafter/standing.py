"""A spec's agreement as it stands after all its amendments, as spec data with no amendments.

What `drafter renew` carries over and what `drafter compare` compares by default: the parties, budget rows,
figures and texts as the last tillägg left them (not as first signed), with the tillägg's point changes
folded into the outline (a new point becomes a section, a repealed one goes).
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

from drafter.model.nodes import Document
from drafter.spec.model import Spec


@dataclass
class Standing:
    """A spec's agreement as it stands after all its amendments, as spec data with no amendments:
    what `renew` carries over and what `compare` compares by default."""

    data: dict  # the spec's data: the amended parties, budget and figures, the outline with the point changes
    spec: Spec  # the data as last amended (before the outline is folded)
    documents: list  # every document the old spec builds
    amended: Document | None = None  # the agreement as the last tillägg numbers it ("3.2 a"), when there is one


def standing(loaded, library) -> Standing:
    from drafter.assemble import assemble_all

    documents, states = assemble_all(loaded, library)
    last = states[-1].loaded if states else loaded
    data = copy.deepcopy({k: v for k, v in last.data.items() if k != "amendments"})
    signed = next(d for d in documents if d.kind == "agreement")
    texts = data.setdefault("texts", {})
    _fold_amendments(data, loaded.spec.amendments, signed, texts)
    if not texts:
        data.pop("texts")
    return Standing(data, last.spec, documents, states[-1].consolidated if states else None)


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


def _fold_amendments(data: dict, amendments, signed, texts: dict) -> None:
    """Each replaced, repealed or inserted point of the tillägg, as the outline of the new agreement.

    A point is found as the amendment code finds it (drafter/assemble/amendments.py): by its number in
    the signed agreement, whose section is known by its clause (else heading) and occurrence, so two
    sections with one heading, or one clause used twice, are two points here too. Every change is
    placed against the outline as written, then carried out, so a repeal cannot shift a later change."""
    from drafter.assemble.amendments import identities

    by_number = {s.number: key for key, s in identities(signed.sections) if s.number}
    outline = data.get("outline")
    slots = _outline_slots(outline) if isinstance(outline, list) else {}
    edits: dict[int, tuple[list, dict[int, dict]]] = {}  # id(list) → (the list, {index: what happens to it})
    for amendment in amendments:
        for c, change in enumerate(amendment.changes):
            if change.point is None or change.point not in by_number:
                continue
            target = by_number[change.point]
            new_item = None
            if change.clause or change.text:
                new_item = {"clause": change.clause} if change.clause else {}
                if change.text:
                    key = f"tillagg-{amendment.number}-{c + 1}"
                    texts[key] = change.text
                    new_item["key"] = key
                if change.heading:
                    new_item["heading"] = change.heading
            if isinstance(outline, dict):
                _apply_to_standard(outline, _base(target), change, new_item)
            elif target in slots:
                items, index = slots[target]
                edit = edits.setdefault(id(items), (items, {}))[1].setdefault(index, {"after": []})
                if change.remove:
                    edit["remove"] = True
                elif change.replace:
                    edit["replace"] = new_item or {}
                elif change.insert_after:
                    edit["after"].append(new_item)
    for items, by_index in edits.values():
        rebuilt = []
        for index, item in enumerate(items):
            edit = by_index.get(index, {"after": []})
            if "replace" in edit:
                old = item if isinstance(item, dict) else {"clause": item}
                item = {**{k: v for k, v in old.items() if k == "sections"}, **edit["replace"]}
            if not edit.get("remove"):
                rebuilt.append(item)
            rebuilt += edit["after"]
        items[:] = rebuilt


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


def _apply_to_standard(outline: dict, target: str, change, new_item: dict | None) -> None:
    name = target.lstrip("#")
    if change.remove:
        outline.setdefault("remove", []).append(name)
    elif change.replace:
        outline.setdefault("replace", {})[name] = new_item
    elif change.insert_after:
        outline.setdefault("add", []).append({"after": name, "item": new_item})


def _ident_of(item) -> str | None:
    if isinstance(item, str):
        return item.partition("@")[0]
    if not isinstance(item, dict):
        return None
    if item.get("clause"):
        return item["clause"].partition("@")[0]
    return f"#{item['heading']}" if item.get("heading") else None
