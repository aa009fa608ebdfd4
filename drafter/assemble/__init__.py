"""Assembly: spec + clause library → the document models of one spec."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary
    from drafter.model.nodes import Document
    from drafter.spec.load import LoadedSpec


def assemble_documents(loaded: "LoadedSpec", library: "ClauseLibrary") -> list["Document"]:
    return assemble_all(loaded, library)[0]


def assemble_all(loaded: "LoadedSpec", library: "ClauseLibrary") -> tuple[list["Document"], list]:
    """Every document the spec defines, in build order (the agreement, the proposal, each addendum, and
    the agreement as it reads after the last addendum), and the spec's state after each amendment
    (drafter.assemble.amendments.AmendedState), so that checks can judge each addendum against the
    data in force when it is signed."""
    from drafter.assemble.agreement import assemble_agreement
    from drafter.assemble.proposal import assemble_proposal

    agreement = assemble_agreement(loaded, library)
    documents, states = [agreement], []
    if loaded.spec.proposal:
        documents.append(assemble_proposal(loaded, library))
    if loaded.spec.amendments:
        from drafter.assemble.addendum import assemble_addendum, consolidated_document
        from drafter.assemble.amendments import amended_states

        states = amended_states(loaded, library, agreement)
        signable = [state for state in states if state.signable]  # one that changes no text makes no tillägg
        for state in signable:
            addendum = assemble_addendum(state, loaded.spec, agreement)
            if state.amendment.proposal is not None:  # its tjänsteutlåtande first: the nämnd decides, then both sign
                documents.append(_amendment_proposal(loaded, library, states, state, addendum))
            documents.append(addendum)
        if signable:
            documents.append(consolidated_document(signable, loaded.spec))
    from drafter.model.finish import finish_documents

    finish_documents(documents, loaded, library)
    return documents, states


def _amendment_proposal(loaded, library, states: list, state, addendum: "Document") -> "Document":
    """Tillägg nr N's tjänsteutlåtande, with what it adds to the grant counted on what the earlier
    tillägg added to the signed agreement's (drafter/assemble/amendment_money.py)."""
    from drafter.assemble.amendment_money import added_money, signed_total
    from drafter.assemble.amendment_proposal import assemble_amendment_proposal

    from drafter.spec.frame import frames

    in_force = frames(loaded.spec, [s.loaded.spec for s in states])  # the nämnd's ceiling before and after each
    total, before = signed_total(loaded.spec), loaded.spec
    for earlier in states:
        money = added_money(before, earlier.loaded.spec, earlier.amendment.effective, total)
        if earlier is state:
            index = loaded.spec.amendments.index(state.amendment)
            return assemble_amendment_proposal(state, index, loaded, library, money, addendum,
                                               (in_force[index], in_force[index + 1]), before.period)
        total, before = money.after_total, earlier.loaded.spec
    raise AssertionError("the state is one of the spec's amended states")
