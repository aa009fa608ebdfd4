"""`drafter compare`: two specs' documents section by section, as text, HTML or a DOCX with tracked changes."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli import main, svenska
from drafter.errors import DrafterError


@main.command()
@click.argument("old", metavar="GAMMAL", type=click.Path(path_type=Path))
@click.argument("new", metavar="NY", type=click.Path(path_type=Path))
@click.option("--document", "kind", default="overenskommelse", show_default=True,
              type=svenska.Choice({"overenskommelse": "agreement", "tjansteutlatande": "proposal"}),
              help="Vilket dokument som jämförs: överenskommelsen eller tjänsteutlåtandet.")
@click.option("--format", "output_format", default="text", show_default=True,
              type=click.Choice(["text", "html", "docx"]),
              help="text: i terminalen; html: en fristående sida; docx: det nya dokumentet med spårade ändringar.")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path, dir_okay=False),
              help="Fil att skriva till (krävs för docx i terminalen). Standard: skärmen.")
@click.option("--author", metavar="NAMN", default="drafter", show_default=True, help="Namnet på de spårade ändringarna i DOCX.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp. Standard: clauses/ i aktuell mapp.")
def compare(old, new, kind, output_format, out, author, clauses_dir):
    """Jämför dokumenten från två specar (GAMMAL och NY är YAML-filer), avsnitt för avsnitt.

    Avsnitt paras ihop efter klausul-id; tillagda, borttagna, flyttade, omnumrerade och ändrade
    avsnitt visas med klausulversioner och den nyare versionens motivering, och ändrade uppgifter
    (parter, period, budget) i en tabell. docx: det nya dokumentet med Words spårade ändringar mot
    det gamla, som kan godkännas eller avvisas en och en."""
    from drafter.assemble import assemble_documents
    from drafter.clauses.library import ClauseLibrary
    from drafter.redline.compare import align_sections
    from drafter.redline.emit import docx_date, emit, use_color
    from drafter.spec.load import load_spec

    library = ClauseLibrary(clauses_dir)
    loaded = [load_spec(path) for path in (old, new)]
    documents = []
    for path, spec in zip((old, new), loaded):
        found = [d for d in assemble_documents(spec, library) if d.kind == kind]
        if not found:
            raise DrafterError(f"Specen {path} har inget tjänsteutlåtande (proposal:).",
                               hint="Jämför överenskommelsen med --document agreement.")
        documents.append(found[0])
    old_doc, new_doc = documents
    pairs = align_sections(old_doc, new_doc)
    if output_format == "docx":
        from drafter.writers.docx.redline import redline_docx_bytes

        emit(redline_docx_bytes(old_doc, new_doc, author, docx_date(new_doc.meta.date), pairs), out)
        return
    from drafter.language.document import document_stats
    from drafter.language.measure import change_line
    from drafter.redline.report import comparison_report

    report = comparison_report(old, new, old_doc, new_doc, loaded[0].spec, loaded[1].spec, library, pairs)
    readability = change_line(document_stats(old_doc), document_stats(new_doc), "förut", "nu")
    if output_format == "html":
        from drafter.redline.html_format import comparison_html

        emit(comparison_html(report, readability), out)
    else:
        from drafter.redline.text_format import comparison_text

        title, _, rest = comparison_text(report, use_color(out)).partition("\n")
        emit(f"{title}\n{readability}\n{rest}", out)
