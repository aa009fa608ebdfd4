"""Core properties (docProps/core.xml) from the model's metadata, with a fixed timestamp."""

from __future__ import annotations

import datetime as dt

from drafter.model.nodes import Metadata


def set_core_properties(document, meta: Metadata, when: dt.datetime) -> None:
    props = document.core_properties
    props.title = f"{meta.title} – {meta.mark}" if meta.mark else meta.title
    props.subject = meta.subject
    props.author = meta.author
    props.last_modified_by = meta.author
    props.keywords = ", ".join(meta.keywords)
    props.language = meta.language or "sv-SE"
    props.comments = ""
    props.category = ""
    props.revision = 1
    props.created = when
    props.modified = when
