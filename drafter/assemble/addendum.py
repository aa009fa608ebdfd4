"""Tillägg (addendum) N and the consolidated agreement, from the amended states.

The addendum states its changes in Swedish drafting form: "Punkt 5.2 Ekonomisk ersättning ska ha
följande lydelse:" with the whole new wording set off below it (a Quote), "Punkt 2.7 … ska upphöra
att gälla.", "Det ska införas en ny punkt, 3.5 a, av följande lydelse:". Under the title it is dated
("Stockholm den 15 december 2026"). A reference in the quoted wording names a point of the agreement
as amended. The wording of these formulas is the house's, here.
"""

from __future__ import annotations

import dataclasses

from drafter.assemble.amendments import AmendedState, PointChange
from drafter.assemble.context import agreement_title, computed_origin, spec_origin
from drafter.assemble.data_blocks import signature_block, title_origin
from drafter.formatting import datum, genitiv, rakneord
from drafter.model.nodes import (
    Block, BulletList, Document, Metadata, Origin, Paragraph, Quote, Section, Strong, Text, walk_sections,
)
from drafter.model.numbering import number_document
from drafter.spec.frame import paid_period_around
from drafter.spec.model import Spec
from drafter.swedish.names import lista

AGREEMENT = "överenskommelse "  # the title's first word, made definite when the addendum names it


def assemble_addendum(state: AmendedState, signed_spec: Spec, signed: Document) -> Document:
    spec, amendment = state.loaded.spec, state.amendment
    title = f"Tillägg nr {amendment.number} till {lower_first(agreement_title(spec))}"
    place = f"{spec.document.place} den " if spec.document.place else ""
    sections = [
        Section("Parter", blocks=[BulletList([[Paragraph([Text(
            _party_line(p),
            computed_origin(state.loaded, ("parties", i), [("parties", i, "name"),
                                                          ("parties", i, "organisationsnummer")]))])]
            for i, p in enumerate(spec.parties)])]),
        Section("Överenskommelsen som ändras", blocks=[Paragraph([Text(
            _reference(signed_spec, signed, amendment), _reference_origin(state, signed))])]),
        Section("Ändringar", blocks=[b for change in state.changes for b in _change_blocks(change)]),
        Section("Ikraftträdande", blocks=[
            Paragraph([Text(f"Tillägget gäller från och med den {datum(amendment.effective)}.")]),
            *_transition(state, signed_spec),
            Paragraph([Text("I övrigt gäller överenskommelsen oförändrad.")]),
        ]),
        Section("Signering av tillägget", blocks=[
            Paragraph([Text(f"Tillägget är upprättat i {rakneord(len(spec.parties))} likalydande exemplar, "
                            "av vilka parterna tagit var sitt.")]),
            signature_block(spec, state.loaded, on=amendment.date),  # representatives as of its date
        ]),
    ]
    here = state.loaded.where("amendments", [a.number for a in signed_spec.amendments].index(amendment.number))
    for section in sections:  # drafter's own wording of tillägg N: placed at the amendment in the spec
        section.origin = Origin("computed", here.file, here.line, value=section.heading)
    doc = Document(
        kind="addendum",
        meta=Metadata(
            title=title, title_origin=title_origin(spec, state.loaded),
            subject=f"Tillägg nr {amendment.number}", author=spec.document.author or spec.public.name,
            keywords=["IOP", "tillägg", *(p.name for p in spec.partners)],
            diarienummer=spec.document.diarienummer, date=amendment.date, place=spec.document.place,
        ),
        preamble=[Paragraph([Text(f"{place}{datum(amendment.date)}")])],
        sections=sections,
        part=str(amendment.number),
    )
    doc.quotes = [s.clause for change in state.changes if change.kind != "remove"
                  for s in [change.section, *walk_sections(change.section.sections)] if s.clause]
    number_document(doc, against=state.consolidated)  # "punkt 5.7" in new wording: the amended agreement's
    if amendment.transition and (paid := paid_period_around(state.loaded.spec, amendment.effective)):
        # a transitional sentence names the part of a quarter paid in advance: period-mismatch knows it
        doc.periods += [paid, (amendment.effective, paid[1])]
    return doc


def _transition(state: AmendedState, signed_spec: Spec) -> list[Block]:
    """The tillägg's own transitional provision (`transition:`), after the day it applies: how a quarter
    already paid in advance is settled (the check amendment-paid-period asks for it)."""
    amendment = state.amendment
    if not amendment.transition:
        return []
    index = [a.number for a in signed_spec.amendments].index(amendment.number)
    origin = spec_origin(state.loaded, ("amendments", index, "transition"), amendment.transition)
    return [Paragraph([Text(" ".join(part.split()), origin)])
            for part in amendment.transition.split("\n\n") if part.strip()]


def consolidated_document(states: list[AmendedState], signed_spec: Spec) -> Document:
    """The agreement as it reads after amendments 1..N (already assembled and numbered), from the states
    of the amendments that were made as tillägg (one that changed no text was not), with their
    övergångsbestämmelser at the end. Its status ("konsoliderad", never "slutlig") is set with the
    spec's in drafter/house_style.py."""
    state = states[-1]
    doc = state.consolidated
    doc.kind = "consolidated"
    _add_transitions(doc, states, signed_spec)
    numbers = lista([str(s.amendment.number) for s in states])  # "1", "1 och 2", "1, 2 och 3"
    doc.meta.subtitle = f"Lydelse enligt tillägg nr {numbers}, gäller från {datum(state.amendment.effective)}"
    # Dated as a registrator files it: the day of the last tillägg it consolidates, never the later day
    # that tillägg takes effect (said in the subtitle); a date after the tillägg's would look like a new act.
    signed_on, doc.meta.date = doc.meta.date, state.amendment.date
    from drafter.assemble.unsigned import mark_unsigned

    return mark_unsigned(doc, signed_on, numbers)


TRANSITIONS = "Övergångsbestämmelser"


def _add_transitions(doc: Document, states: list[AmendedState], signed_spec: Spec) -> None:
    """Each tillägg's övergångsbestämmelse (`transition:`) after the agreement's text, under
    "Övergångsbestämmelser", one part per tillägg with the day it took effect: as a consolidated
    statute in SFS lists each amending act's (a reading copy that left them out hid how, say, a quarter
    paid in advance is settled). Unnumbered, so no point of the agreement moves."""
    parts = []
    for state in states:
        blocks = _transition(state, signed_spec)
        if not blocks:
            continue
        amendment = state.amendment
        here = state.loaded.where("amendments", [a.number for a in signed_spec.amendments].index(amendment.number))
        parts.append(Section(f"Tillägg nr {amendment.number}", numbered=False, level=2, origin=Origin(
            "computed", here.file, here.line, value=f"Tillägg nr {amendment.number}"), blocks=[
            Paragraph([Text(f"Tillägget gäller från och med den {datum(amendment.effective)}.")]), *blocks]))
        if paid := paid_period_around(state.loaded.spec, amendment.effective):
            doc.periods += [paid, (amendment.effective, paid[1])]  # as in the tillägg: period-mismatch knows them
    if not parts:
        return
    section = Section(TRANSITIONS, numbered=False, level=1, sections=parts, origin=parts[0].origin)
    last = doc.sections[-1] if doc.sections else None
    at = len(doc.sections) - (1 if last and not last.numbered and last.heading == "Bilagor" else 0)
    doc.sections.insert(at, section)  # after the text and its signatures, before any Bilagor


PROPOSED_TITLE = "Förslag till "  # Bilaga 1 of the packet is the tillägg proposed, not yet decided
PROPOSED = "förslag"  # the status of a tillägg in the packet that asks the nämnd to decide it
DECISION_LEAD = " Tillägget grundar sig på beslut av "


def proposed_addendum(addendum: Document, proposal: Document) -> Document:
    """Tillägg nr N as Bilaga 1 of the nämnd packet that asks for the decision on it: a copy titled
    "Förslag till tillägg nr N …", dated as the tjänsteutlåtande and under its diarienummer (the
    ärende's, `amendments[].proposal.diarienummer`), with status Förslag (Utkast while the
    spec is a draft), without the place and date of its signing and without the sentence naming the
    decision it rests on, which the nämnd has not yet taken. The tillägg to sign keeps them all."""
    import copy

    from drafter.house_style import house_letterhead

    doc = copy.deepcopy(addendum)
    doc.meta.title = PROPOSED_TITLE + lower_first(doc.meta.title)
    doc.meta.date = proposal.meta.date
    # A handling of the ärende the packet asks the nämnd to decide: filed, and headed, under its
    # diarienummer like every other page of the packet. Its text still names the agreement's.
    doc.meta.diarienummer = proposal.meta.diarienummer or doc.meta.diarienummer
    if doc.meta.status != "utkast":
        doc.meta.status = PROPOSED
    doc.preamble = []
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph) and len(block.inlines) == 1 and isinstance(block.inlines[0], Text):
                text = block.inlines[0]
                if DECISION_LEAD in text.text:
                    block.inlines[0] = dataclasses.replace(text, text=text.text.split(DECISION_LEAD)[0])
    if doc.meta.house is not None and addendum.meta.letterhead is not None:
        doc.meta.letterhead = house_letterhead(doc.meta, doc.meta.house)  # its status and date, not the tillägg's
    return doc


def _party_line(party) -> str:
    """The party as the agreement names it: a kommun or region acts through its nämnd (kommunallagen
    6 kap.), so the tillägg says "Åsby kommun (…), genom kultur- och fritidsnämnden" like the agreement."""
    line = f"{party.name} (organisationsnummer {party.organisationsnummer})"
    if party.kind in ("kommun", "region") and party.committee:
        line += f", genom {party.committee}"
    return line


def _reference(spec: Spec, signed: Document, amendment) -> str:
    dnr = f", diarienummer {spec.document.diarienummer}" if spec.document.diarienummer else ""
    decision = amendment.decision
    paragraph = f", {decision.paragraph}" if decision.paragraph else ""
    return (f"Detta tillägg ändrar {definite(signed.meta.title)}, daterad den {datum(spec.document.date)}{dnr}. "
            f"{DECISION_LEAD.lstrip()}{decision.by} den {datum(decision.date)}{paragraph}"
            f"{_delegation_basis(spec, decision.by)}.")


def _delegation_basis(spec: Spec, by: str) -> str:
    """A delegate's decision is the nämnd's decision (kommunallagen 6 kap. 37 §): the tillägg says so,
    so the other party and the revisorer see the mandate it rests on, not an official's own choice."""
    decision = spec.decision
    if decision is None:
        return ""
    committee = decision.by or spec.public.committee
    if not committee or _same_body(by, committee):
        return ""
    if not any(_same_body(by, d.to) for d in decision.delegations):
        return ""  # no mandate to cite: the check amendment-mandate reports it
    if decision.date is None:
        return f" med stöd av delegation från {committee}"
    paragraph = f", {decision.paragraph}" if decision.paragraph else ""
    return f" med stöd av delegation i {genitiv(committee)} beslut den {datum(decision.date)}{paragraph}"


def _same_body(a: str, b: str) -> bool:
    """"socialdirektören" and "socialdirektören enligt delegationsordningen" name the same decision-maker."""
    a, b = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))


def definite(title: str) -> str:
    """The agreement named by its title in running text: "överenskommelsen om …" for the usual
    title "Överenskommelse om …"; any other title quoted after "överenskommelsen"."""
    if title[:1].lower() + title[1:len(AGREEMENT)] == AGREEMENT:
        return "överenskommelsen " + title[len(AGREEMENT):]
    return f"överenskommelsen ”{title}”"


def _reference_origin(state: AmendedState, signed: Document):
    """The signed agreement named by its title, date and diarienummer: the spec fields behind them."""
    title = signed.meta.title_origin
    refs = [f.ref.split(".") for f in (title.data if title and title.data else ())]
    fields: list[tuple[int | str, ...]] = [tuple(int(p) if p.isdigit() else p for p in path) for path in refs]
    if title is not None and title.kind == "spec":
        fields.insert(0, ("document", "title"))
    return computed_origin(state.loaded, ("document",), [*fields, ("document", "diarienummer")])


def _change_blocks(change: PointChange) -> list:
    section = change.section
    if change.kind == "remove":
        return [Paragraph([Text(f"Punkt {change.number} {section.heading} ska upphöra att gälla.")])]
    lead = (f"Punkt {change.number} {section.heading} ska ha följande lydelse:" if change.kind == "replace"
            else f"Det ska införas en ny punkt, {change.number}, av följande lydelse:")
    quoted: list[Block] = [Paragraph([Strong([Text(f"{change.number} {section.heading}")])])]
    quoted += section.blocks
    for sub in walk_sections(section.sections):
        quoted.append(Paragraph([Strong([Text(f"{sub.number} {sub.heading}")])]))
        quoted += sub.blocks
    return [Paragraph([Text(lead)]), Quote(quoted)]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
