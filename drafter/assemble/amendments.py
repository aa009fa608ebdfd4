"""Amendments (tillägg): the spec's state after each one, and the agreement as it then reads.

Each amendment changes data (`set:`, e.g. new budget rows or a signatory) and points of the signed
agreement, named by their signed numbers: a point gets a new wording, is removed, or a new point is
inserted after one ("3.5 a"). The consolidated agreement keeps every signed number; a point whose
text changed — by wording or through data — carries the line "Lydelse enligt tillägg nr N, …".
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from drafter.assemble.agreement import assemble_agreement
from drafter.assemble.standard_outline import Placed
from drafter.errors import DrafterError
from drafter.formatting import datum
from drafter.model.nodes import Document, Emph, Paragraph, Section, SignatureBlock, Text, walk_sections
from drafter.model.text import own_text
from drafter.spec.load import LoadedSpec, validate_spec
from drafter.spec.model import Amendment, OutlineItem


class AmendmentError(DrafterError):
    """An amendment that cannot be carried out: a finding (exit 1)."""

    exit_code = 1


class UnknownPoint(AmendmentError):
    """An amendment names a point the agreement does not have."""

    code = "amendment-point"


class EmptyAmendment(AmendmentError):
    """An amendment changes nothing in the agreement."""

    code = "amendment-empty"


@dataclass
class PointChange:
    kind: str  # "replace" (new wording, also through data), "remove", "insert"
    number: str  # the signed number, or the lettered one for an insertion ("3.5 a")
    section: Section  # as it reads after the amendment (without the consolidated text's notes)


@dataclass
class AmendedState:
    amendment: Amendment
    loaded: LoadedSpec  # the spec's data after amendments 1..N
    consolidated: Document  # the agreement as it reads after amendments 1..N
    changes: list[PointChange] = field(default_factory=list)  # what amendment N changed, in point order


def ident(section: Section) -> str:
    """What a section is, across versions of the agreement: its clause, else its heading."""
    return section.clause.id if section.clause else f"#{section.heading}"


def amended_states(loaded: LoadedSpec, library, signed: Document) -> list[AmendedState]:
    numbers = {ident(s): s.number for s in signed.walk_sections() if s.number}
    by_number = {number: key for key, number in numbers.items()}
    data = copy.deepcopy(loaded.data)
    positions = dict(loaded.positions)
    operations: list[tuple[int, int, object]] = []  # (amendment index, change index, change)
    previous = _plain(signed)
    last_change: dict[str, Amendment] = {}
    states = []
    for a, amendment in enumerate(loaded.spec.amendments):
        for c, change in enumerate(amendment.changes):
            where = loaded.where("amendments", a, "changes", c)
            if change.set is not None:
                for key, value in change.set.items():
                    _set(data, positions, key, value, ("amendments", a, "changes", c, "set", key), where)
            elif change.point not in by_number:
                raise UnknownPoint(
                    f"Tillägg nr {amendment.number} ändrar punkt {change.point}, men överenskommelsen har "
                    "ingen sådan punkt.", where,
                    f"Punkterna som finns: {', '.join(sorted(by_number, key=_order))}.")
            else:
                operations.append((a, c, change))
        state_data = {k: v for k, v in data.items() if k != "amendments"}
        spec = validate_spec(loaded.path, state_data, positions)
        state = LoadedSpec(loaded.path, spec, positions, [], state_data)
        inserted: dict[str, str] = {}
        removed: set[str] = set()
        consolidated = assemble_agreement(
            state, library, adjust=lambda sections, assembler, inserted=inserted, removed=removed: _apply(
                sections, assembler, operations, numbers, by_number, loaded, inserted, removed))
        plain = _plain(consolidated)
        changed = [key for key in plain if plain[key] != previous.get(key)]
        changed += [key for key in previous if key not in plain]
        signatories = any(key.split(".")[0] == "parties" for change in amendment.changes for key in change.set or {})
        if not changed and not signatories:
            raise EmptyAmendment(f"Tillägg nr {amendment.number} ändrar ingenting i "
                                 "överenskommelsen.", loaded.where("amendments", a),
                                 "Ta bort tillägget eller ange vad det ändrar.")
        for key in changed:
            last_change[key] = amendment
        changes = _changes(consolidated, changed, numbers, removed)  # as worded, before the notes are added
        _note_amended_points(consolidated, last_change)
        states.append(AmendedState(amendment, state, consolidated, changes))
        previous = plain
    return states


def _apply(sections, assembler, operations, numbers, by_number, loaded, inserted, removed) -> None:
    """Keep the signed numbers, and carry out the point changes of the amendments so far
    (`inserted` and `removed` are filled in: the points added and those that ceased to apply)."""
    for section in walk_sections(sections):
        if ident(section) in numbers:
            section.fixed_number = numbers[ident(section)]
    for a, c, change in operations:
        amendment = loaded.spec.amendments[a]
        siblings, index = _find(sections, by_number[change.point])
        target = siblings[index]
        locate = lambda *f, a=a, c=c: loaded.where("amendments", a, "changes", c, *f)  # noqa: E731
        if change.replace:
            new = assembler.section(Placed(_item(change, target.heading), locate))
            target.blocks, target.sections, target.clause = new.blocks, new.sections, new.clause or target.clause
            target.heading = change.heading or target.heading
        elif change.remove:
            removed.add(ident(target))
            target.blocks = [Paragraph([Emph([Text(
                f"Punkten har upphört att gälla enligt tillägg nr {amendment.number}, från och med den "
                f"{datum(amendment.effective)}.")])])]
            target.sections = []
        else:
            new = assembler.section(Placed(_item(change, change.heading), locate))
            letter = "abcdefghijklmnopqrstuvwxyz"[sum(k.startswith(f"{change.point} ") for k in inserted.values())]
            new.fixed_number = f"{change.point} {letter}"
            inserted[ident(new)] = new.fixed_number
            siblings.insert(index + 1 + sum(1 for s in siblings[index + 1:] if s.fixed_number and
                                            s.fixed_number.startswith(f"{change.point} ")), new)


def _item(change, heading) -> OutlineItem:
    if change.clause:
        return OutlineItem(clause=change.clause, heading=change.heading)
    return OutlineItem(heading=heading, text=change.text)


def _set(data: dict, positions: dict, key: str, value, source: tuple, where) -> None:
    """data["budget"]["rows"] = value for key "budget.rows"; positions then point at the amendment."""
    path = tuple(int(p) if p.isdigit() else p for p in key.split("."))
    target = data
    try:
        for part in path[:-1]:
            target = target[part]
        if isinstance(target, list) and not (isinstance(path[-1], int) and path[-1] < len(target)):
            raise KeyError(path[-1])
    except (KeyError, IndexError, TypeError):
        raise DrafterError(f"Uppgiften '{key}' finns inte i specen och kan inte ändras.", where,
                           "Skriv sökvägen till ett fält som finns, t.ex. budget.rows eller parties.1.signatory.") from None
    target[path[-1]] = value
    for old in [p for p in positions if p[:len(path)] == path]:
        del positions[old]
    positions[path] = positions.get(source, positions.get(source[:-1]))


def _plain(doc: Document) -> dict[str, str]:
    """Each point's own text (not its notes), by what it is."""
    return {ident(s): own_text(s, without=(SignatureBlock,)) for s in doc.walk_sections() if s.number}


def _note_amended_points(doc: Document, last_change: dict[str, Amendment]) -> None:
    for section in doc.walk_sections():
        amendment = last_change.get(ident(section))
        if amendment:
            section.blocks.append(Paragraph([Emph([Text(
                f"Lydelse enligt tillägg nr {amendment.number}, gäller från {datum(amendment.effective)}.")])]))


def _changes(doc: Document, changed: list[str], numbers: dict[str, str], removed: set[str]) -> list[PointChange]:
    found = []
    for section in doc.walk_sections():
        if ident(section) in changed and section.number:
            kind = "insert" if ident(section) not in numbers else "remove" if ident(section) in removed else "replace"
            found.append(PointChange(kind, section.number, copy.deepcopy(section)))
    return [c for c in found if not _inside_changed(c, found)]


def _inside_changed(change: PointChange, found: list[PointChange]) -> bool:
    """A sub-point of a point that is itself given a new wording is part of that wording."""
    return any(other is not change and change.number.startswith(f"{other.number}.") for other in found)


def _find(sections: list[Section], key: str) -> tuple[list[Section], int]:
    stack = [sections]
    while stack:
        siblings = stack.pop()
        for index, section in enumerate(siblings):
            if ident(section) == key:
                return siblings, index
            stack.append(section.sections)
    raise KeyError(key)


def _order(number: str) -> tuple:
    return tuple(int(p) for p in number.split("."))
