"""The tjänsteutlåtande that asks the nämnd to decide tillägg nr N (`amendments[].proposal:`).

Assembled like the agreement's tjänsteutlåtande (drafter/assemble/proposal.py), from the clause library:
a standard outline (clauses/outlines/iop-tjansteutlatande-tillagg/) unless the spec writes its own.
Its clauses read the spec as it stands after the tillägg, and `tillagg`: the tillägg's number, dates and
decision, the agreement it changes, what it changes (`andringar`) and what it adds to the grant
(`pengar`, computed once in drafter/assemble/amendment_money.py). The tillägg itself is Bilaga 1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.assemble.addendum import PROPOSED_TITLE, definite, lower_first
from drafter.assemble.amendment_money import AddedMoney
from drafter.assemble.context import agreement_title, budget_for_period, clause_context, computed_origin, spec_origin
from drafter.assemble.data_blocks import data_blocks
from drafter.assemble.outline import OutlineAssembler, number
from drafter.assemble.roles import legal_person
from drafter.clauses.outline_versions import ADDENDUM_PROPOSAL as STANDARD
from drafter.formatting import versal
from drafter.model.nodes import (
    BulletList, Document, Letterhead, Metadata, Official, Officials, OrderedList, Paragraph, Text,
)
from drafter.model.numbering import unnumber
from drafter.spec.model import AmendmentProposal, Handlaggare, StandardOutline

if TYPE_CHECKING:
    from drafter.spec.frame import Frame
    from drafter.assemble.amendments import AmendedState, PointChange
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.load import LoadedSpec
    from drafter.spec.model import Amendment, Period, Spec

KIND = "addendum-proposal"
DOCUMENT_TYPE = "Tjänsteutlåtande"


def assemble_amendment_proposal(state: "AmendedState", index: int, signed: "LoadedSpec", library: "ClauseLibrary",
                                money: AddedMoney, addendum: Document,
                                frames: "tuple[Frame, Frame] | None" = None, period_before: "Period | None" = None) -> Document:
    """Tillägg nr N's tjänsteutlåtande; `index`: the amendment's place in the spec, `signed`: the spec as
    signed (the agreement the tillägg changes), `addendum`: the tillägg as built (Bilaga 1), `period_before`: the
    period as the earlier tillägg left it (None: as signed)."""
    amendment = state.amendment
    proposal = amendment.proposal
    assert proposal is not None  # assemble_all calls this only for an amendment with a proposal
    loaded, spec = state.loaded, state.loaded.spec
    here = ("amendments", index, "proposal")
    context = clause_context(spec, "proposal", loaded)
    context["proposal"] = _effective(proposal, signed).model_dump(mode="python", exclude={"outline"})
    context["texts"] = dict(proposal.texts)
    context["tillagg"] = tillagg_context(state.amendment, signed.spec, [_change_line(c) for c in state.changes], money,
                                         frames, period_before)
    blocks = data_blocks(spec, loaded) | {
        "tjansteman": lambda: _officials(proposal, signed, here),
        "bilagor": lambda: OrderedList([[Paragraph([Text(PROPOSED_TITLE + lower_first(addendum.meta.title), computed_origin(
            loaded, ("amendments", index), [("amendments", index, "number")]))])]]),
        "andringar": lambda: BulletList([[Paragraph([Text(_change_line(c))])] for c in state.changes]),
    }
    assembler = OutlineAssembler(loaded, library, context, blocks)
    assembler.texts, assembler.texts_path = proposal.texts, (*here, "texts")
    outline = proposal.outline if proposal.outline is not None else StandardOutline(standard=STANDARD)
    sections = assembler.outline(outline, (*here, "outline"))
    for section in sections:
        unnumber(section)
    title = proposal.title or f"Tillägg nr {amendment.number} till {definite(agreement_title(signed.spec))}"
    doc = Document(
        kind=KIND,
        meta=Metadata(
            title=title,
            title_origin=(spec_origin(loaded, (*here, "title"), proposal.title) if proposal.title
                          else computed_origin(loaded, ("amendments", index), [("amendments", index, "number")])),
            subtitle=proposal.subtitle,
            subject=f"{DOCUMENT_TYPE} till {spec.public.committee or 'nämnden'} om tillägg nr {amendment.number}",
            author=spec.public.name,
            keywords=["IOP", DOCUMENT_TYPE, "tillägg", *(p.name for p in spec.partners)],
            diarienummer=proposal.diarienummer or spec.document.diarienummer,
            date=proposal.date,
            place=spec.document.place,
            letterhead=_letterhead(proposal, signed, spec.document.diarienummer, spec.public),
        ),
        sections=sections,
        part=str(amendment.number),
        amounts=money.amounts() + _ceiling_amounts(context["tillagg"]["tak"]),
        periods=[(signed.spec.period.start, signed.spec.period.end)],  # the bakgrund states the signed period
    )
    return number(doc, loaded)


def _effective(proposal: AmendmentProposal, signed: "LoadedSpec") -> AmendmentProposal:
    """The proposal with what it leaves out taken from the agreement's tjänsteutlåtande."""
    first = signed.spec.proposal
    if first is None:
        return proposal
    return proposal.model_copy(update={
        "department": proposal.department or first.department,
        "handlaggare": proposal.handlaggare or first.handlaggare,
        "officials": proposal.officials or first.officials,
    })


def _officials(proposal: AmendmentProposal, signed: "LoadedSpec", here: tuple) -> Officials:
    if proposal.officials:
        return Officials([Official(o.name, o.title, computed_origin(signed, (*here, "officials", i), [
            (*here, "officials", i, "name"), (*here, "officials", i, "title")])) for i, o in enumerate(proposal.officials)])
    first = signed.spec.proposal
    assert first is not None  # the spec's validation asks for officials when there is no proposal to take them from
    return Officials([Official(o.name, o.title, computed_origin(signed, ("proposal", "officials", i), [
        ("proposal", "officials", i, "name"), ("proposal", "officials", i, "title")]))
        for i, o in enumerate(first.officials)])


def _letterhead(proposal: AmendmentProposal, signed: "LoadedSpec", dnr: str | None, public) -> Letterhead:
    effective = _effective(proposal, signed)
    references = []
    if proposal.diarienummer or dnr:
        references.append(("Dnr", proposal.diarienummer or dnr or ""))
    references.append(("Datum", proposal.date.isoformat()))
    handlaggare: Handlaggare | None = effective.handlaggare
    if handlaggare:
        references.append(("Handläggare", handlaggare.name))
        if handlaggare.phone:
            references.append(("Telefon", handlaggare.phone))
    sender = [versal(public.administration or public.name)] + ([effective.department] if effective.department else [])
    recipient = f"Till {public.committee}" if public.committee else ""
    return Letterhead(sender, DOCUMENT_TYPE, references, recipient, organisation=legal_person(public))


def tillagg_context(amendment: "Amendment", spec: "Spec", changes: list[str], money: AddedMoney,
                    frames: "tuple[Frame, Frame] | None" = None, period_before: "Period | None" = None) -> dict:
    """What the tillägg clauses read as `tillagg`: amendment N of the agreement signed as `spec`, the
    sentences saying what it changes, the money it adds, the nämnd's ceiling in force before it
    and the new one it decides (`frames`: before and after it, drafter/spec/frame.py), and (`galler_till`)
    the end an earlier tillägg gave the agreement (`period_before`: the period before it; None when it is the signed one)."""
    moved = period_before.end if period_before is not None and period_before.end != spec.period.end else None
    return {
        "galler_till": moved,
        "tak": _ceiling_context(amendment, spec, frames),
        "nummer": amendment.number,
        "datum": amendment.date,
        "galler_fran": amendment.effective,
        "beslut": amendment.decision.model_dump(mode="python"),
        "overenskommelse": {"titel": definite(agreement_title(spec)), "datum": spec.document.date,
                            "diarienummer": spec.document.diarienummer, "start": spec.period.start,
                            "slut": spec.period.end, "per_ar": budget_for_period(spec)["per_year"],
                            "beslut": spec.decision.model_dump(mode="python") if spec.decision else None},
        "andringar": changes,
        "pengar": money.as_context(),
    }


def _change_line(change: "PointChange") -> str:
    heading = change.section.heading
    if change.kind == "remove":
        return f"Punkt {change.number} {heading} upphör att gälla."
    if change.kind == "insert":
        return f"En ny punkt, {change.number} {heading}, förs in."
    return f"Punkt {change.number} {heading} får en ny lydelse."



def _ceiling_context(amendment: "Amendment", spec: "Spec", frames: "tuple[Frame, Frame] | None") -> dict | None:
    """{"fore": the ceiling in force and the decision that set it, "nytt": the ceiling the nämnd decides
    with this tillägg when it is another (None: the tillägg stays within it)}; None without a ceiling."""
    if frames is None or frames[0].ceiling is None:
        return None
    before, after = frames
    assert before.ceiling is not None  # for mypy: tested above
    source: dict[str, object]
    if before.number is None:
        decision = spec.decision
        source = {"by": before.by, "date": decision.date if decision else None,
                  "paragraph": decision.paragraph if decision else None, "tillagg": None}
    else:
        setter = next(a for a in spec.amendments if a.number == before.number)
        source = {"by": before.by, "date": setter.decision.date, "paragraph": setter.decision.paragraph,
                  "tillagg": before.number}
    new = None
    if after.number == amendment.number and after.ceiling is not None and after.ceiling != before.ceiling:
        new = {"belopp": after.ceiling.amount, "per": after.ceiling.per}
    return {"fore": {"belopp": before.ceiling.amount, "per": before.ceiling.per, "beslut": source}, "nytt": new}


def _ceiling_amounts(tak: dict | None) -> list[tuple[int, int | None]]:
    """The ceilings the förslag till beslut states, as the budget-amount check reads them."""
    if tak is None:
        return []
    found = [tak["fore"]] + ([tak["nytt"]] if tak["nytt"] else [])
    return [(c["belopp"], 12 if c["per"] == "år" else None) for c in found]
