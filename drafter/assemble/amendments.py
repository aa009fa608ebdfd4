"""Amendments (tillägg): the spec's state after each one, and the agreement as it then reads.

Each amendment changes data (`set:`, e.g. new budget rows) and points of the signed agreement,
named by their numbers: a point gets a new wording, is repealed, or a new point is inserted after
one ("3.5 a"). A point is known by its number, which the consolidated agreement never changes: the
signed sections are matched to the re-assembled ones by clause (else heading) and occurrence, so two
sections with one heading, or one clause used twice, stay two points. A changed point carries one
note: "Lydelse enligt tillägg nr N, …", "Införd genom tillägg nr N, …" or, for a repealed one, only
the sentence that it has ceased to apply. An amendment that changes no text of the agreement (only a
new signatory, or data no text uses) has nothing to sign: a warning, and no addendum is made.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field

from drafter.assemble.agreement import assemble_agreement
from drafter.assemble.outline import UnresolvedReference
from drafter.assemble.standard_outline import Placed
from drafter.errors import DrafterError
from drafter.formatting import datum
from drafter.model.nodes import CrossRef, Document, Emph, Paragraph, Section, SignatureBlock, Text, walk_sections
from drafter.model.numbering import inlines_in
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
    """An amendment changes nothing, neither the agreement's text nor the spec's data."""

    code = "amendment-empty"


class RepealedReference(AmendmentError):
    """A point that still applies refers to a point an amendment repeals."""

    code = "amendment-repealed-ref"


class NothingToSign(AmendmentError):
    """An amendment changes data, but no text of the agreement: there is no tillägg to sign."""

    code = "amendment-nothing-to-sign"
    severity = "warning"


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
    notes: list[DrafterError] = field(default_factory=list)  # warnings about amendment N (drafter check)

    @property
    def signable(self) -> bool:
        """Whether amendment N changes the agreement's text, so that a tillägg is made to sign."""
        return bool(self.changes) or not any(isinstance(n, NothingToSign) for n in self.notes)


def ident(section: Section) -> str:
    """What a section is, across versions of the agreement: its clause, else its heading."""
    return section.clause.id if section.clause else f"#{section.heading}"


def identities(sections: list[Section]) -> list[tuple[str, Section]]:
    """Each section with what it is across versions of the agreement: its clause, else its heading,
    counted when it repeats ("#Villkor", "#Villkor#2"), in reading order."""
    seen: Counter[str] = Counter()
    found = []
    for section in walk_sections(sections):
        base = ident(section)
        seen[base] += 1
        found.append((base if seen[base] == 1 else f"{base}#{seen[base]}", section))
    return found


def amended_states(loaded: LoadedSpec, library, signed: Document) -> list[AmendedState]:
    numbers = {key: s.number for key, s in identities(signed.sections) if s.number}
    data = copy.deepcopy(loaded.data)
    positions = dict(loaded.positions)
    operations: list[tuple[int, int, object]] = []  # (amendment index, change index, change)
    previous = _plain(signed)
    previous_data = copy.deepcopy(_without_amendments(data))  # `data` is changed in place
    last_change: dict[str, tuple[str, Amendment]] = {}  # number → ("Lydelse enligt"/"Införd genom", amendment)
    removed_by: dict[str, tuple[Amendment, int, int]] = {}
    replaced_by: dict[str, tuple[Amendment, int, int]] = {}  # a new wording may leave out sub-points
    states = []
    for a, amendment in enumerate(loaded.spec.amendments):
        for c, change in enumerate(amendment.changes):
            if change.set is not None:
                where = loaded.where("amendments", a, "changes", c)
                for key, value in change.set.items():
                    if key.split(".")[0] in ("outline", "amendments"):
                        raise UnknownPoint(
                            f"Tillägg nr {amendment.number} ändrar '{key}' med set:, men punkterna i en "
                            "undertecknad överenskommelse ändras en och en, med sina nummer.", where,
                            "Skriv replace:, remove: eller insert_after: med punktens nummer (t.ex. \"5.2\").")
                    _set(data, positions, key, value, ("amendments", a, "changes", c, "set", key), where)
            else:
                operations.append((a, c, change))
                if change.remove:
                    removed_by.setdefault(change.remove, (amendment, a, c))
                elif change.replace:
                    replaced_by.setdefault(change.replace, (amendment, a, c))
        state_data = _without_amendments(data)
        spec = validate_spec(loaded.path, state_data, positions)
        state = LoadedSpec(loaded.path, spec, positions, [], state_data, loaded.records)
        removed: set[str] = set()
        try:
            consolidated = assemble_agreement(
                state, library, adjust=lambda sections, assembler, removed=removed: _apply(
                    sections, assembler, operations, numbers, loaded, removed))
        except UnresolvedReference as exc:
            _inside_repealed(exc, signed, removed, removed_by, replaced_by, loaded)
            raise
        _no_reference_to_repealed(consolidated, removed, removed_by, loaded)
        plain = _plain(consolidated)
        changed = [number for number in plain if plain[number] != previous.get(number)]
        notes: list[DrafterError] = []
        if not changed:
            if state_data == previous_data:
                raise EmptyAmendment(f"Tillägg nr {amendment.number} ändrar ingenting i "
                                     "överenskommelsen.", loaded.where("amendments", a),
                                     "Ta bort tillägget eller ange vad det ändrar.")
            notes.append(_nothing_to_sign(amendment, a, loaded))
        for number in changed:
            last_change[number] = ("Införd genom" if number not in previous else "Lydelse enligt", amendment)
        changes = _changes(consolidated, changed, previous, removed)  # as worded, before the notes are added
        _note_amended_points(consolidated, last_change, removed)
        states.append(AmendedState(amendment, state, consolidated, changes, notes))
        previous, previous_data = plain, copy.deepcopy(state_data)
    return states


def _without_amendments(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "amendments"}


def _nothing_to_sign(amendment: Amendment, a: int, loaded: LoadedSpec) -> NothingToSign:
    fields = [key for change in amendment.changes for key in change.set or {}]
    proposal = ", och inte heller tjänsteutlåtandet om det (proposal:)" if amendment.proposal is not None else ""
    money = [f for f in fields if f.split(".")[0] in ("budget", "other_amounts")]
    return NothingToSign(
        f"Tillägg nr {amendment.number} ändrar ingen text i överenskommelsen, bara uppgifter i specen "
        f"({', '.join(fields)}) som ingen punkt i överenskommelsen återger. Det finns inget att underteckna, "
        f"så inget tillägg nr {amendment.number} görs{proposal}; uppgifterna gäller från och med tillägget för "
        "de handlingar som görs senare (nästa tillägg, förnyelsen)."
        + (" Ett bidrag som överenskommelsen inte anger binder inte parterna: skriv in det i en punkt "
           "(insert_after eller replace)." if money else ""),
        loaded.where("amendments", a),
        "En ny ordförande eller en ny undertecknare ändrar inte överenskommelsen och kräver inget tillägg. "
        "Ska överenskommelsen ändras, ange vad som ändras (replace, remove, insert_after eller uppgifter "
        "som texten använder); annars kan tillägget tas bort.")


def _apply(sections, assembler, operations, numbers, loaded, removed) -> None:
    """Keep the signed numbers, and carry out the point changes of the amendments so far
    (`removed` is filled in with the numbers of the points that ceased to apply)."""
    for key, section in identities(sections):
        if key in numbers:
            section.fixed_number = numbers[key]
    whole: dict[str, Amendment] = {}  # points given a new wording or repealed so far: their sub-points go with them
    for a, c, change in operations:
        amendment = loaded.spec.amendments[a]
        point = change.point
        locate = lambda *f, a=a, c=c: loaded.where("amendments", a, "changes", c, *f)  # noqa: E731
        found = _find(sections, point)
        if found is None:
            where = loaded.where("amendments", a, "changes", c)
            parent = next((p for p in whole if point.startswith(f"{p}.")), None)
            if parent is not None:
                raise UnknownPoint(
                    f"Tillägg nr {amendment.number} ändrar punkt {point}, men den ingår i punkt {parent}, som "
                    f"tillägg nr {whole[parent].number} redan ger en ny lydelse eller låter upphöra.", where,
                    f"Skriv ändringen av punkt {point} i den nya lydelsen av punkt {parent}.")
            have = sorted({s.fixed_number for s in walk_sections(sections) if s.fixed_number}, key=_order)
            raise UnknownPoint(
                f"Tillägg nr {amendment.number} ändrar punkt {point}, men överenskommelsen har ingen sådan punkt.",
                where, f"Punkterna som finns: {', '.join(have)}.")
        if change.replace or change.remove:
            whole[point] = amendment
        siblings, index = found
        target = siblings[index]
        if change.replace:
            new = assembler.section(Placed(_item(change, target.heading), locate))
            target.blocks, target.sections, target.clause = new.blocks, new.sections, new.clause or target.clause
            target.heading = change.heading or target.heading
        elif change.remove:
            removed.add(point)
            target.blocks = [Paragraph([Emph([Text(
                f"Punkten har upphört att gälla genom tillägg nr {amendment.number} från och med den "
                f"{datum(amendment.effective)}.")])])]
            target.sections = []
        else:
            new = assembler.section(Placed(_item(change, change.heading), locate))
            after = [s for s in siblings if s.fixed_number and s.fixed_number.startswith(f"{point} ")]
            new.fixed_number = f"{point} {'abcdefghijklmnopqrstuvwxyz'[len(after)]}"
            siblings.insert(index + 1 + len(after), new)


def _no_reference_to_repealed(doc: Document, removed: set[str], removed_by: dict, loaded: LoadedSpec) -> None:
    """A point that still applies may not refer to a repealed one: its "enligt punkt 5.7" would
    point at nothing. The finding names both points and the amendment that repeals."""
    if not removed:
        return
    by_clause = {s.clause.id: s for s in doc.walk_sections() if s.clause and s.number}
    for section in doc.walk_sections():
        if _gone(section.number, removed):
            continue
        for inline in inlines_in(section.blocks):
            target = by_clause.get(inline.target) if isinstance(inline, CrossRef) else None
            if target is not None and target.number in removed:
                amendment, a, c = removed_by[target.number]
                raise _repealed_reference(
                    f"Punkt {section.number} {section.heading}", target,
                    f"som upphör att gälla genom tillägg nr {amendment.number}", loaded.where("amendments", a, "changes", c),
                    f"Ge i samma tillägg punkt {section.number} en ny lydelse utan hänvisningen "
                    f"(replace: \"{section.number}\" med text: eller en annan klausulversion), "
                    f"eller låt punkt {target.number} gälla.")


def _inside_repealed(exc: UnresolvedReference, signed: Document, removed: set[str], removed_by: dict,
                     replaced_by: dict, loaded: LoadedSpec) -> None:
    """A reference to a sub-point of a repealed point (it is gone with it), or one that a point's new
    wording leaves out, as the repealed-reference finding naming the points; otherwise the reference's
    own finding stands."""
    target = next((s for s in signed.walk_sections() if s.clause and s.clause.id == exc.target and s.number), None)
    if target is None:
        return
    whole = next((r for r in removed if target.number.startswith(f"{r}.")), None)
    if whole is None:
        whole = next((r for r in sorted(replaced_by, key=len) if target.number.startswith(f"{r}.")), None)
        if whole is None:
            return
        amendment, a, c = replaced_by[whole]
        raise _repealed_reference(
            _referrer(signed, exc.target, removed | {whole}), target,
            f"som inte finns kvar i den nya lydelsen av punkt {whole} enligt tillägg nr {amendment.number}",
            loaded.where("amendments", a, "changes", c),
            f"Behåll punkt {target.number} i den nya lydelsen, eller ge i samma tillägg den hänvisande punkten "
            "en ny lydelse utan hänvisningen.") from None
    amendment, a, c = removed_by[whole]
    raise _repealed_reference(
        _referrer(signed, exc.target, removed), target,
        f"som upphör att gälla med punkt {whole} genom tillägg nr {amendment.number}",
        loaded.where("amendments", a, "changes", c),
        "Ge i samma tillägg den hänvisande punkten en ny lydelse utan hänvisningen, eller låt punkten gälla.") from None


def _repealed_reference(referrer: str, target: Section, why: str, where, hint: str) -> RepealedReference:
    """The finding for a point still in force that refers to `target`, gone for the reason `why`."""
    return RepealedReference(f"{referrer} hänvisar till punkt {target.number} {target.heading}, {why}; "
                             "hänvisningen skulle peka på en punkt som inte längre gäller.", where, hint)


def _gone(number: str, removed: set[str]) -> bool:
    """Whether point `number` is repealed, itself or with a point it belongs to (5.7.1 with 5.7)."""
    return any(number == r or number.startswith(f"{r}.") for r in removed)


def _referrer(signed: Document, clause: str, removed: set[str]) -> str:
    """"Punkt 5.8 Uppsägning": the first point still in force whose signed text refers to `clause`."""
    users = [s for s in signed.walk_sections() if s.number and not _gone(s.number, removed)
             and any(isinstance(i, CrossRef) and i.target == clause for i in inlines_in(s.blocks))]
    return f"Punkt {users[0].number} {users[0].heading}" if users else "En punkt som fortsätter att gälla"


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
    """Each point's own text (not its notes, nor signatures: who signs is not the agreement's text),
    by its number."""
    return {s.number: own_text(s, without=(SignatureBlock,)) for s in doc.walk_sections() if s.number}


def _note_amended_points(doc: Document, last_change: dict[str, tuple[str, Amendment]], removed: set[str]) -> None:
    """One note under each point an amendment changed; a repealed point's own sentence is its note."""
    for section in doc.walk_sections():
        if section.number in last_change and section.number not in removed:
            how, amendment = last_change[section.number]
            section.blocks.append(Paragraph([Emph([Text(
                f"{how} tillägg nr {amendment.number}, gäller från {datum(amendment.effective)}.")])]))


def _changes(doc: Document, changed: list[str], previous: dict[str, str], removed: set[str]) -> list[PointChange]:
    found = []
    for section in doc.walk_sections():
        if section.number in changed:
            kind = "insert" if section.number not in previous else "remove" if section.number in removed else "replace"
            found.append(PointChange(kind, section.number, copy.deepcopy(section)))
    return [c for c in found if not _inside_changed(c, found)]


def _inside_changed(change: PointChange, found: list[PointChange]) -> bool:
    """A sub-point of a point that is itself given a new wording is part of that wording."""
    return any(other is not change and change.number.startswith(f"{other.number}.") for other in found)


def _find(sections: list[Section], number: str) -> tuple[list[Section], int] | None:
    stack = [sections]
    while stack:
        siblings = stack.pop()
        for index, section in enumerate(siblings):
            if section.fixed_number == number:
                return siblings, index
            stack.append(section.sections)
    return None


def _order(number: str) -> tuple:
    return tuple((int(p) if p.isdigit() else 0, p) for p in number.replace(" ", ".").split("."))
