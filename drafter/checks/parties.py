"""party-mismatch: each party's name, organisationsnummer and signatory are written as in the spec;
party-signs-for: each signatory signs for its own party; party-legal-person: the party can sign at all."""

from __future__ import annotations

import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.formatting import genitiv
from drafter.checks.swedish import SPACE
from drafter.model.nodes import SignatureBlock
from drafter.spec.model import Party

ORGNR = re.compile(r"(?<![\d-])(\d{6})[-–‐](\d{4})(?![\d-])")
# "Street Minds (organisationsnummer 802524-2879)", "Street Minds, org.nr 802524-2879"
_LABEL = re.compile(rf"{SPACE}*(?:\(|,){SPACE}*(?:organisationsnummer|org\.?{SPACE}*nr\.?|orgnr){SPACE}*:?{SPACE}*$",
                    re.IGNORECASE)
_NAME_STOP = re.compile(r"[.;:()\n]|(?:^|\s)(?:och|samt|mellan|med|till|av)\s", re.IGNORECASE)


def _text_before(text: str, at: int) -> str | None:
    """The text before the "(organisationsnummer" label that ends at `at`, or None if no label is there."""
    label = _LABEL.search(text, 0, at)
    return text[:label.start()].rstrip(" ,\u00a0") if label else None


def _name_in(before: str) -> str | None:
    """The last name-like stretch of `before`, for a message: after the last word that cannot be in one."""
    stops = list(_NAME_STOP.finditer(before))
    name = before[stops[-1].end():] if stops else before
    return name.strip(" ,\u00a0") or None


def _ends_with_name(before: str, name: str) -> bool:
    """Names are matched as whole names, so "Riksförbundet Hem och Skola" or "S:t Lukas" are not split."""
    return before.casefold().endswith(name.casefold())


def names_of(party: Party) -> list[str]:
    """What a text may call a party before its number: its name, and for a kommun or region acting
    through a nämnd, the förvaltning (administration) or the nämnd, which carry the kommun's number."""
    names = [party.name]
    if party.sector == "offentlig":
        names += [n for n in (party.administration, party.committee) if n]
    return names


def check_party_mismatch(ctx: CheckContext):
    parties = ctx.spec.parties
    by_number: dict[str, list[tuple[int, Party]]] = {}
    for i, p in enumerate(parties):  # two parties may share a number: orgnr-duplicate says so
        by_number.setdefault(p.organisationsnummer, []).append((i, p))
    for piece in ctx.pieces:
        for m in ORGNR.finditer(piece.text):
            number = f"{m.group(1)}-{m.group(2)}"
            place = piece.clause or piece.fallback
            if number not in by_number:
                yield Finding("party-mismatch", "error",
                              f"Organisationsnumret {number} i texten hör inte till någon av parterna i specen "
                              f"({', '.join(f'{p.name} {p.organisationsnummer}' for p in parties)}).",
                              place, piece.document)
                continue
            owners = by_number[number]
            i, owner = owners[0]
            before = _text_before(piece.text, m.start())
            if before is None or any(_ends_with_name(before, n) for _, p in owners for n in names_of(p)):
                continue
            name = _name_in(before)
            if name is None:
                continue
            other = next((p for p in parties if all(p is not o for _, o in owners)
                          and any(_ends_with_name(before, n) for n in names_of(p))), None)
            if other:
                message = (f"{other.name} står med organisationsnummer {number}, som är {genitiv(owner.name)} nummer; "
                           f"{other.name} har {other.organisationsnummer} "
                           f"({ctx.where('parties', parties.index(other), 'organisationsnummer')}).")
            else:
                message = (f"Framför organisationsnummer {number} står '{name}', men numret hör till "
                           f"{owner.name} ({ctx.where('parties', i, 'name')}).")
            yield Finding("party-mismatch", "error", message, place, piece.document)
    yield from _signatories(ctx)


def _signatories(ctx: CheckContext):
    """A signature block signs for the spec's parties, with the spec's signatories."""
    parties = ctx.spec.parties
    for doc in ctx.documents:
        blocks = [b for s in doc.walk_sections() for b in s.blocks if isinstance(b, SignatureBlock)]
        blocks += [b for b in doc.preamble if isinstance(b, SignatureBlock)]
        for block in blocks:
            for signed in block.signatories:
                if not signed.name:
                    continue
                match = [(i, p, s) for i, p in enumerate(parties) for s in p.every_signatory
                         if s.name == signed.name]
                if not match:
                    yield Finding("party-mismatch", "error",
                                  f"{signed.name} skriver under ({signed.signs_for}) men är inte undertecknare "
                                  "för någon part i specen.",
                                  ctx.where("parties"), doc.kind)
                    continue
                i, party, signatory = match[0]
                if signed.title and signatory.title != signed.title:
                    yield Finding("party-mismatch", "error",
                                  f"{signed.name} skriver under som {signed.title}, men specen anger "
                                  f"{signatory.title}.",
                                  ctx.where("parties", i, "signatory", "title"), doc.kind)


def check_legal_person(ctx: CheckContext):
    """party-legal-person: a förvaltning signs for nobody; the party is the kommun or region through its nämnd."""
    for i, party in enumerate(ctx.spec.parties):
        if party.sector == "offentlig" and party.kind in ("förvaltning", "stadsdelsförvaltning"):
            owner = party.municipality or "kommunen eller regionen"
            yield Finding("party-legal-person", "warning",
                          f"{party.name} står som part, men en {party.kind} är varken juridisk person eller organ "
                          f"och kan inte ingå avtal. Parten är {owner}, som handlar genom nämnden: skriv name: "
                          f"{party.municipality or '[kommunen]'}, kind: kommun, committee: "
                          f"{party.committee or '[nämnden]'} och administration: {party.name}.",
                          ctx.where("parties", i, "kind"))


def _names(signs_for: str, name: str | None) -> bool:
    """`signs_for` names `name` as a whole name ("föreningen Street Minds" names Street Minds)."""
    if not name:
        return False
    return re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", signs_for.casefold()) is not None


def check_signs_for(ctx: CheckContext):
    """party-signs-for: a signatory binds the party it stands under. A nämnd binds its kommun or region,
    so "socialnämnden i Stockholms stad" signs for a public party of Stockholms stad."""
    for i, party in enumerate(ctx.spec.parties):
        for j, signatory in enumerate(party.signatories):
            signs_for = signatory.signs_for
            if not signs_for or _names(signs_for, party.name) or _names(signs_for, party.municipality):
                continue
            if party.sector == "offentlig" and party.committee and signs_for.casefold() == party.committee.casefold():
                continue
            path: tuple[str | int, ...] = ("parties", i, "signatories", j, "signs_for")
            if path not in ctx.loaded.positions:
                path = ("parties", i, "signatory", "signs_for")
            whose = f"parten heter {party.name}"
            if party.sector == "offentlig" and party.municipality:
                whose += f" och hör till {party.municipality}"
            yield Finding("party-signs-for", "warning",
                          f"{signatory.name or signatory.title.capitalize()} skriver under för {signs_for}, men "
                          f"{whose}. Den som skriver under binder den part hen står under: rätta signs_for eller "
                          "för undertecknaren till rätt part.", ctx.where(*path))


CHECKS = [check_party_mismatch, check_signs_for, check_legal_person]
