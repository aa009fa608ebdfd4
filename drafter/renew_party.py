"""Renewal moves a public party written as its förvaltning to the current form.

A förvaltning is neither a legal person nor an organ and cannot sign (kommunallagen 3 kap. 3–5 §§,
6 kap. 1–3 §§): the party is the kommun or region, acting through its nämnd, with the förvaltning as
`administration` (what the importer writes and `party-legal-person` asks for). A förvaltning's
organisationsnummer is the kommun's, so it stays. The old agreement's clauses name the förvaltning
through `{{ public.name }}`; after the move that would print the kommun's name, so each such clause gets a
draft version (utkast) that writes `{{ forvaltning }}` and reads exactly as before: an agreement's text
changes only when a person decides it (a newer version, listed with the clause choices).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import yaml

from drafter.assemble.roles import ADMINISTRATIONS

_OWNER = re.compile(r"\bi ((?:Region|Landstinget) [A-ZÅÄÖ][\w-]+|[A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+)*s? (?:stad|kommun))\b")
_IN_TEXT = re.compile(r"\b((?:Region|Landstinget) [A-ZÅÄÖ][\w-]+|[A-ZÅÄÖ][\w-]+s (?:stad|kommun))\b")
_PUBLIC_NAME = re.compile(r"\bpublic\.name\b")
_KOMMUN_ORGNR = ("2120", "2321")  # kommuner and regioner are numbered in these series


@dataclass
class PartyMove:
    """What the renewal did with one public party, for the review report."""

    index: int  # the party's place in parties:
    what: str  # in Swedish
    text: str


def owner_of(party, bodies: list[str]) -> tuple[str | None, str]:
    """The kommun or region a förvaltning belongs to, and where that was read."""
    if party.municipality:
        return party.municipality, f"municipality: {party.municipality}"
    people = list(party.signatories) + [s for r in party.representatives
                                        for s in ([r.signatory] if r.signatory else []) + list(r.signatories)]
    for person in people:
        found = _OWNER.search(person.signs_for or "")
        if found:
            return found.group(1), f"signs_for: {person.signs_for}"
    if party.organisationsnummer.startswith(_KOMMUN_ORGNR):
        names = Counter(m.group(1) for body in bodies for m in _IN_TEXT.finditer(body))
        if names:
            name, _ = names.most_common(1)[0]
            return name, f"organisationsnumret {party.organisationsnummer} och texterna"
    return None, ""


def to_legal_person(data: dict, spec, bodies: list[str]) -> list[PartyMove]:
    """Each public party written as a förvaltning becomes its kommun or region, when that can be derived."""
    moves = []
    for i, (party, written) in enumerate(zip(spec.parties, data.get("parties") or [])):
        if party.sector != "offentlig" or party.kind not in ADMINISTRATIONS or not isinstance(written, dict):
            continue
        owner, how = owner_of(party, bodies)
        if owner is None:
            moves.append(PartyMove(i, f"{party.name} står som part, men en {party.kind} kan inte ingå avtal; "
                                      "kommunen kunde inte härledas, så parten står kvar. Skriv name: [kommunen], "
                                      f"kind: kommun, committee: {party.committee or '[nämnden]'} och "
                                      f"administration: {party.name}", f"name: {party.name}"))
            continue
        kind = "region" if owner.startswith(("Region ", "Landstinget ")) else "kommun"
        rest = {k: v for k, v in written.items()
                if k not in ("name", "sector", "kind", "organisationsnummer", "committee", "municipality",
                             "administration")}
        written.clear()
        written.update({"name": owner, "sector": "offentlig", "kind": kind,
                        "organisationsnummer": party.organisationsnummer})
        if party.committee:
            written["committee"] = party.committee
        written["administration"] = party.name
        written.update(rest)
        moves.append(PartyMove(i, f"parten är nu {owner} ({kind}, härlett ur {how})"
                                  + (f" genom {party.committee}" if party.committee else "")
                                  + f", med {party.name} som förvaltning: en {party.kind} är varken juridisk "
                                    "person eller organ och kan inte ingå avtal (kommunallagen 3 kap. 3–5 §§, "
                                    "6 kap. 1–3 §§); organisationsnumret är kommunens och står kvar",
                             f"name: {owner}, kind: {kind}, administration: {party.name}"))
    return moves


def draft_forvaltning_versions(used: dict[str, int], library,
                               partnership: str | None = None) -> tuple[dict[str, tuple[str, int]], list[str]]:
    """Each of the partnership's own clauses that names the public party: a draft version that names
    the förvaltning (`{{ forvaltning }}`), so its text reads as before, in the folder of the spec's
    `partnership` (draft_id). Returns the new pins {clause id: (draft's id, version)}, and the
    shared library's clauses (no `partnership:`) that name the party: those are never copied into
    partnership drafts — they now name the kommun, and the review says so."""
    pins: dict[str, tuple[str, int]] = {}
    shared: list[str] = []
    for clause_id, number in sorted(used.items()):
        version = library.get(f"{clause_id}@{number}")
        if not _PUBLIC_NAME.search(version.body):
            continue
        if version.meta.partnership:
            target = draft_id(clause_id, version.meta.partnership, partnership)
            pins[clause_id] = (target, _draft(clause_id, number, library, target, partnership))
        else:
            shared.append(f"{clause_id}@{number}")
    return pins, shared


def draft_id(clause_id: str, owner: str, partnership: str | None) -> str:
    """Where a draft of a partnership clause goes: its own folder, or, when the spec's `partnership:`
    names another, the same name in that partnership's folder (street-minds/bakgrund → gatans-rost/bakgrund)."""
    if not partnership or partnership == owner:
        return clause_id
    rest = clause_id.split("/", 1)[1] if clause_id.startswith(f"{owner}/") else clause_id.rsplit("/", 1)[-1]
    return f"{partnership}/{rest}"


def _draft(clause_id: str, number: int, library, target: str, partnership: str | None) -> int:
    """The draft's version number in `target`: an existing utkast or granskad version with this text,
    else a new file."""
    from drafter.clauses.library import ClauseNotFound

    front, body = _split((library.root / clause_id / f"v{number}.md").read_text(encoding="utf-8"))
    new_body = _PUBLIC_NAME.sub("forvaltning", body)
    folder = library.root / target
    try:
        versions = library.versions(target)
    except ClauseNotFound:  # the spec's partnership has no such clause yet: its first version
        versions = []
    for other in versions:
        if (target != clause_id or other.version > number) and other.meta.status in ("utkast", "granskad"):
            if _split((folder / f"v{other.version}.md").read_text(encoding="utf-8"))[1] == new_body:
                return other.version
    new = max((v.version for v in versions), default=0) + 1
    moved = "" if target == clause_id else (
        f" Den är en kopia av {clause_id}@{number} i partnerskapets egen mapp ({target.split('/', 1)[0]}/, "
        "specens partnership:).")
    meta = {"heading": front["heading"], "version": new, "status": "utkast",
            "rationale": f"Förnyelsen: parten är kommunen, som handlar genom nämnden, med förvaltningen som "
                         f"administration. {'v' if target == clause_id else clause_id + '@'}{number} skrev {{{{ public.name }}}} "
                         "för förvaltningen; "
                         f"v{new} skriver {{{{ forvaltning }}}} och läses likadant. Texten i övrigt är oförändrad."
                         + moved,
            **({"partnership": partnership or front["partnership"]} if front.get("partnership") else {})}
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100) + "---\n" + new_body
    from drafter.output import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / f"v{new}.md", text.encode("utf-8"))
    return new


def _split(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def repin(items, pins: dict[str, tuple[str, int]]) -> None:
    """Pinned references `id@N` of a list outline moved to the draft versions `draft-id@M`."""
    if not isinstance(items, list):
        return
    for i, item in enumerate(items):
        if isinstance(item, str) and item.partition("@")[0] in pins:
            items[i] = "{}@{}".format(*pins[item.partition("@")[0]])
        elif isinstance(item, dict):
            clause = item.get("clause")
            if clause and clause.partition("@")[0] in pins:
                item["clause"] = "{}@{}".format(*pins[clause.partition("@")[0]])
            repin(item.get("sections"), pins)


def move_public_party(data: dict, spec, used: dict[str, int], library, partnership: str | None = None) -> list:
    """The förvaltning as party becomes its kommun (to_legal_person); partnership texts that named
    it get draft versions that still do, in the folder of the new spec's `partnership`."""
    bodies = [str(t) for t in (data.get("texts") or {}).values()]
    bodies += [library.get(f"{c}@{v}").body for c, v in sorted(used.items())]
    moves = to_legal_person(data, spec, bodies)
    if not any(m.what.startswith("parten är nu") for m in moves):
        return moves
    pins, shared = draft_forvaltning_versions(used, library, partnership)
    repin(data.get("outline"), pins)
    if isinstance(data.get("proposal"), dict):
        repin(data["proposal"].get("outline"), pins)
    return (moves + [Drafted(clause_id, used[clause_id], new, target) for clause_id, (target, new) in pins.items()]
            + [Shared(ref) for ref in shared])


@dataclass
class Drafted:
    """A partnership clause given a draft version that writes {{ forvaltning }}, for the review report."""

    clause_id: str
    old: int
    new: int
    new_id: str = ""  # the draft's clause id, when not clause_id's (another partnership's folder)

    @property
    def draft(self) -> str:
        return self.new_id or self.clause_id


@dataclass
class Shared:
    """A clause of the shared library that names the public party, for the review report."""

    ref: str  # a clause of the shared library that writes {{ public.name }}
