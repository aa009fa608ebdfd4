"""The spec data two documents were built from, fact by fact: parties (what each is, too: a förvaltning
that becomes the kommun acting through its nämnd), period, budget, figures, the other amounts and
periods the texts state, and the nämnd's decision.

Pure: it reads validated spec objects (drafter.spec.model.Spec), never files.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class DataChange:
    what: str  # "Period: slut", "Budget: Personal"
    old: str  # "" when absent
    new: str


def data_changes(old_spec, new_spec) -> list[DataChange]:
    """Parties, period, budget (row by row and the sum), figures, other amounts and periods, the nämnd's
    decision and document data that differ."""
    old, new = _facts(old_spec), _facts(new_spec)
    if _undecided(new_spec):  # a renewal before the nämnd decides: not yet, rather than removed
        new.update({k: UNDECIDED for k in old if k.startswith("Beslut:") and k not in new})
    names = list(old) + [k for k in new if k not in old]
    groups = list(dict.fromkeys(k.split(":")[0] for k in names))
    # Group by what they are (parties, period, budget …), the budget's sum last in its group.
    names.sort(key=lambda k: (groups.index(k.split(":")[0]), k == "Budget: summa"))
    return [DataChange(k, old.get(k, ""), new.get(k, "")) for k in names if old.get(k, "") != new.get(k, "")]


UNDECIDED = "(ännu inte beslutat)"


def _undecided(spec) -> bool:
    """A draft whose nämnd has not decided yet: no decision, or one without its date. A final document
    (or a dated decision) that lacks a fact the older one had has lost it, and shows "–"."""
    return spec.document.status != "slutlig" and (spec.decision is None or spec.decision.date is None)


def _facts(spec) -> dict[str, str]:
    from drafter.formatting import kronor
    facts: dict[str, str] = {}
    for i, party in enumerate(spec.parties, start=1):
        label = f"Part {i}"
        facts[f"{label}: namn"] = party.name
        facts.update({f"{label}: {what}": value for what, value in _form(party).items() if value})
        facts[f"{label}: organisationsnummer"] = _unfilled(party.organisationsnummer)
        facts[f"{label}: företräds av"] = ", ".join(
            x for x in (party.signatory.name or "(namn saknas)", party.signatory.title) if x)
    period = spec.period
    facts["Period: start"] = _date(period.start)
    facts["Period: slut"] = _date(period.end)
    renewal = period.renewal
    if renewal:
        facts["Förlängning: enhet"] = str(renewal.unit)
        facts["Förlängning: som längst till"] = renewal.max_end.isoformat() if renewal.max_end else ""
        facts["Förlängning: uppsägning senast"] = str(renewal.notice_deadline or "")
    facts["Budget: antal månader"] = str(spec.budget.months)
    for row in spec.budget.rows:
        facts[f"Budget: {row.item}"] = kronor(row.amount)
    facts["Budget: summa"] = kronor(spec.budget.sum)
    for key, value in spec.figures.items():
        facts[f"Uppgift: {key}"] = str(value)
    for name, other in spec.other_amounts.items():
        facts[f"Annat belopp: {name}"] = kronor(other.amount) + (f" per {other.per}" if other.per else "") + \
            _about(other.kind, other.item)
    for name, span in spec.other_periods.items():
        facts[f"Annan period: {name}"] = f"{span.start.isoformat()}–{span.end.isoformat()}" + _about(span.kind, span.item)
    if spec.decision is not None:
        facts.update(_decision(spec.decision))
    facts["Dokument: datum"] = _date(spec.document.date)
    facts["Dokument: diarienummer"] = _unfilled(spec.document.diarienummer or "")  # trial14: was unlisted
    facts["Dokument: ämne"] = spec.document.subject
    facts["Dokument: ort"] = spec.document.place
    return facts


def _form(party) -> dict[str, str]:
    """What the party is, in the words of the spec form and the README: sektor, organisationsform (kind:
    förvaltning, kommun, ideell förening …; "kommun, genom socialnämnden" for the kommun acting through
    its nämnd), the nämnd it acts through or answers to, the förvaltning.

    "kommun eller region" is the municipality a förvaltning or nämnd belongs to, and for a kommun or
    region the party itself: a renewal that makes Stockholms stad the party instead of its
    Socialförvaltningen shows a new organisationsform, not a kommun lost."""
    public = party.name if party.kind in ("kommun", "region") else None
    form = f"{party.kind}, genom {party.committee}" if public and party.committee else party.kind
    return {"sektor": party.sector, "organisationsform": form,
            "kommun eller region": party.municipality or public or "",
            "nämnd": party.committee or "", "förvaltning": party.administration or ""}


def _date(value) -> str:
    return _unfilled(value.isoformat())


def _unfilled(value: str) -> str:
    """A placeholder still to fill in loads as a stand-in of the right type (drafter.spec.placeholders):
    "2001-01-02" for ÅÅÅÅ-MM-DD. The comparison shows the placeholder, never the stand-in as a fact."""
    from drafter.spec.placeholders import stand_in_text

    placeholder = stand_in_text(value)
    return f"{placeholder} (ej ifyllt)" if placeholder else value


def _about(kind: str, item: str | None) -> str:
    """" (egen insats, Bidrag från Arvsfonden)": what an other amount or period is; "annat" says nothing."""
    said = [x for x in (kind if kind != "annat" else None, item) if x]
    return f" ({', '.join(said)})" if said else ""


def _decision(decision) -> dict[str, str]:
    from drafter.formatting import kronor

    facts = {"Beslut: nämnd": decision.by or "", "Beslut: datum": decision.date.isoformat() if decision.date else "",
             "Beslut: paragraf": decision.paragraph or "", "Beslut: diarienummer": decision.diarienummer or ""}
    if decision.ceiling:
        facts["Beslut: tak"] = kronor(decision.ceiling.amount) + (
            " per år" if decision.ceiling.per == "år" else " för hela perioden")
    facts["Beslut: senast till"] = decision.latest_end.isoformat() if decision.latest_end else ""
    for delegation in decision.delegations:
        facts[f"Beslut: delegation till {delegation.to}"] = ", ".join(delegation.matters)
    return {k: v for k, v in facts.items() if v}
