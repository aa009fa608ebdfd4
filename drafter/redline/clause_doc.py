"""A clause version as a small model Document, so its redline DOCX goes through the DOCX writer.

The body is the clause SOURCE read as Markdown (drafter.readers.markdown.ClauseReader): its
paragraphs, lists, emphasis, footnotes and sub-headings become model nodes, and `{{ }}` expressions
stay as written. Above it stand both versions' status, approval and rationale, the same on both
sides, so they are never marked as changes.
"""

from __future__ import annotations

from drafter.clauses.library import ClauseVersion
from drafter.errors import DrafterError, Where
from drafter.model.nodes import ClauseUse, Document, Metadata, Paragraph, Section, Strong, Text
from drafter.model.numbering import number_document
from drafter.readers.markdown import ClauseReader, UnsupportedMarkup
from drafter.redline.report import version_info


def clause_documents(old: ClauseVersion, new: ClauseVersion) -> tuple[Document, Document]:
    title = f"{old.id}: version {old.version} jämförd med version {new.version}"
    header = [_info("Äldre version", old), _info("Nyare version", new)]
    return _document(old, title, header), _document(new, title, header)


def _info(label: str, clause: ClauseVersion) -> Paragraph:
    info = version_info(clause)
    return Paragraph([Strong([Text(f"{label}: {info.ref}")]),
                      Text(f" – status {info.status}; fastställd: {info.approval}. Motivering: {info.rationale}")])


def _document(clause: ClauseVersion, title: str, header: list) -> Document:
    try:
        blocks, sections = ClauseReader({}).read(clause.body)
    except UnsupportedMarkup as exc:
        raise DrafterError(f"Klausulen {clause.ref} innehåller markering som inte stöds: {exc}.",
                           Where(str(clause.path))) from None
    section = Section(heading=clause.meta.heading, blocks=blocks, sections=sections, numbered=False,
                      clause=ClauseUse(clause.id, clause.version, clause.sha256, clause.path.name))
    doc = Document(kind="clause", meta=Metadata(title=title, subject=f"Klausul {clause.id}", author="drafter"),
                   sections=[section], preamble=list(header))
    _unnumbered(section)
    number_document(doc)
    return doc


def _unnumbered(section: Section) -> None:
    section.numbered = False
    for sub in section.sections:
        _unnumbered(sub)
