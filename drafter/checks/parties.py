"""party-mismatch: each party's name, organisationsnummer and signatory are written as in the spec."""

from __future__ import annotations

import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.formatting import genitiv
from drafter.checks.swedish import SPACE
from drafter.model.nodes import SignatureBlock

ORGNR = re.compile(r"(?<![\d-])(\d{6})[-–‐](\d{4})(?![\d-])")
# "Street Minds (organisationsnummer 802524-2879)", "Street Minds, org.nr 802524-2879"
_LABEL = re.compile(rf"{SPACE}*(?:\(|,){SPACE}*(?:organisationsnummer|org\.?{SPACE}*nr\.?|orgnr){SPACE}*:?{SPACE}*$",
                    re.IGNORECASE)
_NAME_STOP = re.compile(r"[.;:()\n]|(?:^|\s)(?:och|samt|mellan|med|till|av)\s", re.IGNORECASE)


def _name_before(text: str, at: int) -> str | None:
    """The name written before "(organisationsnummer" that ends at `at`, or None if no label is there."""
    label = _LABEL.search(text, 0, at)
    if not label:
        return None
    before = text[:label.start()]
    stops = list(_NAME_STOP.finditer(before))
    name = before[stops[-1].end():] if stops else before
    return name.strip(" ,\u00a0") or None


def check_party_mismatch(ctx: CheckContext):
    parties = ctx.spec.parties
    by_number = {p.organisationsnummer: (i, p) for i, p in enumerate(parties)}
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
            i, owner = by_number[number]
            name = _name_before(piece.text, m.start())
            if name is None or name.casefold().endswith(owner.name.casefold()):
                continue
            other = next((p for p in parties if p is not owner and name.casefold().endswith(p.name.casefold())), None)
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
                match = [(i, p) for i, p in enumerate(parties) if p.signatory.name == signed.name]
                if not match:
                    yield Finding("party-mismatch", "error",
                                  f"{signed.name} skriver under ({signed.signs_for}) men är inte undertecknare "
                                  "för någon part i specen.",
                                  ctx.where("parties"), doc.kind)
                    continue
                i, party = match[0]
                if signed.title and party.signatory.title != signed.title:
                    yield Finding("party-mismatch", "error",
                                  f"{signed.name} skriver under som {signed.title}, men specen anger "
                                  f"{party.signatory.title}.",
                                  ctx.where("parties", i, "signatory", "title"), doc.kind)


CHECKS = [check_party_mismatch]
