"""Which writer makes which file: one registry, so that a new format is one line here.

A writer is a function `Document -> bytes` that only translates the model (pandoc's writers);
it is imported when first asked for, so a build that writes only DOCX never loads Typst.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.model.nodes import Document

Writer = Callable[["Document"], bytes]

# format (the file suffix) → "module:function"
WRITERS: dict[str, str] = {
    "docx": "drafter.writers.docx:docx_bytes",
    "pdf": "drafter.writers.pdf:pdf_bytes",  # Typst; `--pdf-engine libreoffice` converts the DOCX instead
}


def writer(file_format: str) -> Writer:
    """The writer of one format, e.g. writer("docx")(doc) -> the DOCX bytes."""
    module, _, name = WRITERS[file_format].partition(":")
    function: Writer = getattr(import_module(module), name)
    return function
