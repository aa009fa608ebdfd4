"""What the tjänsteutlåtande asks the nämnd to decide, against the agreement it asks it to approve.

prose-mismatch: the proposal of a renewed spec still asks the nämnd "att ingå" a partnership as if it
were new; the proposal delegates signing to one officer while the agreement names another signatory
(then the one who signs has no mandate from the decision). budget-amount: the decision or its cost
states the budget per year while the agreement also commits the nämnd's own money beyond it (an
`other_amounts` entry with `kind: annat` written out, drafter/assemble/amendment_money.is_grant): the
nämnd would decide less than the kommun signs for. Only the proposal's text is read.
"""

from __future__ import annotations

import dataclasses
import re
from fractions import Fraction

from drafter.spec.declared import is_grant
from drafter.checks.budget import sentence_around
from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.checks.swedish import SPACE, whole_months
from drafter.formatting import kronor, lista
from drafter.lazy_pattern import lazy
from drafter.spec.frame import per_year
from drafter.swedish.parse import RATE_MONTHS, find_amounts
from drafter.swedish.names import bestamd

_S = f"{SPACE}+"
# "ingå"/"ingår" then at most four articles and adjectives, then what is entered: "ingår en idéburen offentlig
# överenskommelse", "ingå ett IOP", "ingå avtal om"; or the passive "en överenskommelse ingås". Only those
# words may stand between, so "ingår i partnerskapet" (is part of) and "ingår även lokalhyra enligt avtalet"
# are not taken for entering one.
_BEFORE = (r"(?:en|ett|ny|nytt|nya|idéburen|idéburet|idéburna|offentlig|offentligt|offentliga|skriftlig|"
           r"skriftligt|fortsatt|förnyad|förnyat|sådan|sådant|denna|detta|den|det)")
_ENTERED = r"(?:IOP\b|partnerskap|överenskommels|avtal)"
ENTER = re.compile(rf"\bingå(?:r|s)?{_S}(?:{_BEFORE}{_S}){{0,4}}{_ENTERED}[\w-]*|"
                   rf"\b{_ENTERED}[\wåäö]*{_S}ingås\b", re.IGNORECASE)
_RENEWED = lazy(r"\bny(?:a|tt)?\b|förnya|fortsatt|fortsätt|på nytt|fortsättning", re.IGNORECASE)
SIGNS = re.compile(rf"\b(?:uppdra|uppdrar|uppdras|ge|ger|ges){_S}(?:åt{_S})?(?P<who>(?:[\wåäöÅÄÖ-]+{_S}){{0,2}}?"
                   rf"[\wåäöÅÄÖ-]+){_S}(?:i{_S}uppdrag{_S}|rätt{_S})?att{_S}(?:underteckna|teckna|skriva{_S}under)"
                   rf"(?={_S}(?:[\wåäöÅÄÖ-]+{_S}){{0,3}}?(?:överenskommels|avtal|partnerskap|IOP\b))",
                   re.IGNORECASE)
_NOT_SIGNER = re.compile(r"förening|organisation|parterna|partner", re.IGNORECASE)
_DECIDES = lazy(r"bevilja|anslå|kostnad|kostar|finansier|ersättning|bidrag|avsätt", re.IGNORECASE)


def _proposal_pieces(ctx: CheckContext):
    return [p for p in ctx.pieces if p.document == "proposal" and p.text]


def check_renewal_wording(ctx: CheckContext):
    """A renewed spec's proposal asks the nämnd to enter the partnership as if it were new."""
    if not ctx.spec.renews:
        return
    for piece in _proposal_pieces(ctx):
        for m in ENTER.finditer(piece.text):
            sentence = sentence_around(piece.text, m.start(), m.end())
            if _RENEWED.search(sentence):
                continue
            yield Finding("prose-mismatch", "warning",
                          f"Tjänsteutlåtandet säger \"{' '.join(m.group(0).split())}\", som om partnerskapet vore "
                          f"nytt, men specen förnyar {ctx.spec.renews} (renews:, {ctx.where('renews')}). Skriv att "
                          "nämnden föreslås godkänna en ny, förnyad överenskommelse som fortsätter partnerskapet för "
                          "den nya perioden, och beskriv i ärendet hur den förra perioden har gått (uppföljningen). "
                          f"Meningen: \"{sentence}\"",
                          ctx.place_of(piece, m.group(0).strip()), piece.document)
            break  # one a section: the rest of it reads the same


def _titles(ctx: CheckContext) -> list[str]:
    public = ctx.spec.public
    return [s.title for s in (public.signatories if public else []) if s.title]


def _same_person(who: str, title: str) -> bool:
    """"förvaltningsdirektören" for "förvaltningsdirektör", "nämndens ordförande" for "ordförande, äldrenämnden"."""
    words = {w.casefold() for w in re.findall(r"[\wåäöÅÄÖ-]+", who)}
    for word in re.findall(r"[\wåäöÅÄÖ-]+", title.split(",")[0]):
        if word.casefold() in words or bestamd(word).casefold() in words:
            return True
    return False


def _signer_words(title: str) -> str:
    """What the decision point can write for the signatory: the template, or for a title with its organ
    after a comma ("ordförande, äldrenämnden"), which the filter cannot inflect, the role in words."""
    if "," in title:
        return f"\"{bestamd(title.split(',')[0].strip())}\""
    return "{{ public.signatory.title | bestamd }}"


def check_signing_mandate(ctx: CheckContext):
    """The proposal gives one officer the task to sign while the agreement names another signatory."""
    titles = _titles(ctx)
    if not titles:
        return
    final = ctx.spec.document.status == "slutlig"
    for piece in _proposal_pieces(ctx):
        for m in SIGNS.finditer(piece.text):
            who = m.group("who")
            partner_words = {w.casefold() for p in ctx.spec.partners for w in p.name.split()}
            if _NOT_SIGNER.search(who) or {w.casefold() for w in who.split()} & partner_words:
                continue  # "ger föreningen rätt att teckna avtal": the partner's own signing, not the mandate
            if any(_same_person(who, title) for title in titles):
                continue
            public = ctx.spec.public
            names = lista([f"{s.name}, {s.title}" if s.name and s.title else str(s.name or s.title)
                           for s in public.signatories])
            finding = Finding(
                "prose-mismatch", "warning",
                f"Tjänsteutlåtandet föreslår att nämnden uppdrar åt {who} att underteckna, men överenskommelsen "
                f"undertecknas för {public.name} av {names} ({ctx.where('parties', ctx.spec.parties.index(public))}). "
                f"Den som undertecknar behöver nämndens uppdrag: skriv {_signer_words(titles[0])} i "
                "beslutspunkten, eller ange den som får uppdraget som undertecknare i specen. Meningen: "
                f"\"{sentence_around(piece.text, m.start(), m.end())}\"",
                ctx.place_of(piece, m.group(0).strip()), piece.document)
            yield dataclasses.replace(finding, severity="error") if final else finding


def _grants_per_year(ctx: CheckContext) -> list[tuple[str, Fraction]]:
    """(name, kronor per year) of the nämnd's own money beyond the budget (is_grant)."""
    spec = ctx.spec
    months = whole_months(spec.period.start, spec.period.end)
    found = []
    for name, amount in spec.other_amounts.items():
        if not is_grant(name, amount):
            continue
        if amount.per is not None:
            found.append((name, Fraction(amount.amount * 12, RATE_MONTHS[amount.per])))
        elif months:
            found.append((name, Fraction(amount.amount * 12, months)))
    return found


_FOR_MONTHS = lazy(rf"{SPACE}*(?:för|avseende){_S}(?P<n>\d{{1,3}}){_S}månader\b", re.IGNORECASE)


def _months_after(text: str, end: int) -> int | None:
    """"1 000 000 kr för 12 månader": the months an amount is said to cover, right after it."""
    m = _FOR_MONTHS.match(text, end)
    return int(m.group("n")) if m and int(m.group("n")) else None


def check_decided_cost(ctx: CheckContext):
    """The decision or its cost states the budget per year, leaving out the grant beyond the budget."""
    grants = _grants_per_year(ctx)
    if not grants:
        return
    budget = per_year(ctx.spec)
    total = budget + sum(g for _, g in grants)
    for piece in _proposal_pieces(ctx):
        for amount in find_amounts(piece.text):
            months = amount.months or _months_after(piece.text, amount.end)
            if not months or abs(amount.value * 12 / months - budget) > 1:
                continue
            sentence = sentence_around(piece.text, amount.start, amount.end)
            if not _DECIDES.search(sentence):
                continue
            others = lista([f"{kronor(round(g))} per år (other_amounts.{name}, {ctx.where('other_amounts', name)})"
                            for name, g in grants])
            yield Finding("budget-amount", "warning",
                          f"Tjänsteutlåtandet anger {amount.written} i meningen \"{sentence}\", budgetens belopp, "
                          f"men överenskommelsen förbinder också kommunen till {others}, med kind: annat nämndens "
                          f"egna medel: sammanlagt {kronor(round(total))} per år. Nämnden beslutar om hela "
                          "åtagandet: ange det sammanlagda beloppet, eller skriv ut också de andra beloppen med "
                          "{{ other_amounts.NAMN | kronor }}.",
                          ctx.place_of(piece, amount.written), piece.document)


CHECKS = [check_renewal_wording, check_signing_mandate, check_decided_cost]
