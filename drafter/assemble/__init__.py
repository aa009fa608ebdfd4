"""Assembly: spec + clause library → the document models of one spec."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary
    from drafter.model.nodes import Document
    from drafter.spec.load import LoadedSpec


def assemble_documents(loaded: "LoadedSpec", library: "ClauseLibrary") -> list["Document"]:
    """Every document the spec defines, in build order: the agreement, then the proposal."""
    from drafter.assemble.agreement import assemble_agreement
    from drafter.assemble.proposal import assemble_proposal

    documents = [assemble_agreement(loaded, library)]
    if loaded.spec.proposal:
        documents.append(assemble_proposal(loaded, library))
    return documents
