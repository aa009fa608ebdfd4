"""orgnr-invalid: each party's organisationsnummer is valid and its group digit fits the party's kind.

The first digit of an organisationsnummer is its group (Skatteverket, SKV 709): 2 stat, regioner,
kommuner och församlingar; 7 ekonomiska föreningar; 8 ideella föreningar och stiftelser; registrerade
trossamfund have 2 (Svenska kyrkan) or 8. The third digit is 2 or more, so that it is no personnummer.
"""

from __future__ import annotations

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.formatting import genitiv
from drafter.swedish.orgnr import orgnr_digits

GROUPS = {
    "kommun": "2", "region": "2", "nämnd": "2", "förvaltning": "2", "stadsdelsförvaltning": "2",
    "ideell förening": "8", "stiftelse": "8", "registrerat trossamfund": "28", "ekonomisk förening": "7",
    "aktiebolag med särskild vinstutdelningsbegränsning": "5", "registrerad idéburen organisation": "2578",
}
# Every kommun's organisationsnummer begins 212000-, every region's 232100- (no list of all is needed).
PUBLIC_PREFIXES = {"212000": "kommun", "232100": "region"}
GROUP_NAMES = {
    "1": "dödsbon", "2": "stat, regioner, kommuner och församlingar", "3": "utländska företag",
    "5": "aktiebolag", "6": "enkla bolag", "7": "ekonomiska föreningar", "8": "ideella föreningar och stiftelser",
    "9": "handelsbolag och kommanditbolag",
}


def check_orgnr(ctx: CheckContext):
    for i, party in enumerate(ctx.spec.parties):
        where = ctx.where("parties", i, "organisationsnummer")
        number = orgnr_digits(party.organisationsnummer)
        if number is None:
            yield Finding("orgnr-invalid", "error",
                          f"{genitiv(party.name)} organisationsnummer {party.organisationsnummer} är inte giltigt "
                          "(fel form eller kontrollsiffra).", where)
            continue
        if int(number[2]) < 2:
            yield Finding("orgnr-invalid", "error",
                          f"{genitiv(party.name)} nummer {party.organisationsnummer} är ett personnummer, inget "
                          "organisationsnummer (i ett organisationsnummer är tredje siffran 2 eller mer).", where)
            continue
        allowed = GROUPS.get(party.kind)
        if allowed and number[0] not in allowed:
            group = GROUP_NAMES.get(number[0], "ingen känd grupp")
            expected = " eller ".join(allowed)
            yield Finding("orgnr-invalid", "error",
                          f"{party.name} är angiven som {party.kind}, men organisationsnumret "
                          f"{party.organisationsnummer} börjar med {number[0]} ({group}); för {party.kind} "
                          f"börjar det med {expected}. Kontrollera numret eller kind.", where)




def check_public_number(ctx: CheckContext):
    """The public party's number is a kommun's or a region's: the legal person that is bound."""
    for i, party in enumerate(ctx.spec.parties):
        number = party.organisationsnummer.replace("-", "")
        if party.sector != "offentlig" or number[:6] in PUBLIC_PREFIXES or number[0] != "2":
            continue  # a number outside group 2 is already an error of check_orgnr
        yield Finding("orgnr-invalid", "warning",
                      f"{genitiv(party.name)} organisationsnummer {party.organisationsnummer} är inte en kommuns "
                      "(212000-NNNN) eller en regions (232100-NNNN). Den offentliga parten är kommunen eller regionen "
                      "som juridisk person; ange dess nummer.", ctx.where("parties", i, "organisationsnummer"))


def check_duplicate(ctx: CheckContext):
    """orgnr-duplicate: two parties with one organisationsnummer are one legal person, not two parties.

    Public parties of one kommun (two förvaltningar, two nämnder) are the kommun twice: a warning that
    says how to write it once. Any other pair is a number written wrong: an error."""
    seen: dict[str, list[int]] = {}
    for i, party in enumerate(ctx.spec.parties):
        seen.setdefault(party.organisationsnummer, []).append(i)
    for number, indexes in seen.items():
        if len(indexes) < 2:
            continue
        parties = [ctx.spec.parties[i] for i in indexes]
        names = " och ".join([", ".join(p.name for p in parties[:-1]), parties[-1].name])
        where = ctx.where("parties", indexes[1], "organisationsnummer")
        if all(p.sector == "offentlig" for p in parties):
            owner = next((p.municipality for p in parties if p.municipality), None) or "kommunen eller regionen"
            yield Finding("orgnr-duplicate", "warning",
                          f"{names} har samma organisationsnummer {number}: de är samma juridiska person, {owner}, "
                          f"som då står som part flera gånger. Ange {owner} som en part (kind: kommun eller "
                          "region) och nämnderna i committee, eller kontrollera numren.", where)
        else:
            yield Finding("orgnr-duplicate", "error",
                          f"{names} har samma organisationsnummer {number}, men två parter kan inte vara samma "
                          f"juridiska person. Kontrollera numret för {parties[1].name} (här) och för "
                          f"{parties[0].name} ({ctx.where('parties', indexes[0], 'organisationsnummer')}).", where)


CHECKS = [check_orgnr, check_public_number, check_duplicate]
