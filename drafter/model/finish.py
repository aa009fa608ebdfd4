"""The last transforms on every assembled document, before checks and writers see it:
the spec's status and the house style on its metadata, and the keep-together marks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.assemble.roles import ADMINISTRATIONS, legal_person
from drafter.house_style import apply_house_style, for_party, load_house_style
from drafter.model.keep import mark_keep_together

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary
    from drafter.model.nodes import Document
    from drafter.spec.load import LoadedSpec


def finish_documents(documents: list["Document"], loaded: "LoadedSpec", library: "ClauseLibrary") -> None:
    public = loaded.spec.public
    administration = public.administration or (public.name if public.kind in ADMINISTRATIONS else None)
    house = for_party(load_house_style(library.root), legal_person(public), administration)
    apply_house_style(documents, house, loaded.spec.document.status)
    for doc in documents:
        mark_keep_together(doc)
