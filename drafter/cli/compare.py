"""`drafter compare`: two specs' documents section by section, as text, HTML or a DOCX with tracked changes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli import main, svenska
from drafter.errors import DrafterError


@main.command()
@click.argument("old", metavar="GAMMAL", type=click.Path(path_type=Path))
@click.argument("new", metavar="[NY]", type=click.Path(path_type=Path), required=False)
@click.option("--document", "kind", default="overenskommelse", show_default=True,
              type=svenska.Choice({"overenskommelse": "agreement", "tjansteutlatande": "proposal"}),
              help="Vilket dokument som jämförs: överenskommelsen eller tjänsteutlåtandet.")
@click.option("--lydelse", "--old-text", "old_text", default=None,
              type=svenska.Choice({"gallande": "standing", "undertecknad": "signed"}),
              help="Den gamla överenskommelsen som jämförs: gallande = så som den lyder efter alla sina "
                   "tillägg (standard); undertecknad = originalet som det undertecknades. Gäller när två specar "
                   "jämförs.")
@click.option("--tillagg", "through", type=click.IntRange(min=1), metavar="N",
              help="Med en spec: den undertecknade överenskommelsen jämförd med den som den lyder efter "
                   "tillägg nr N (och tilläggen före det). Standard: efter det sista tillägget.")
@click.option("--format", "output_format", default="text", show_default=True,
              type=click.Choice(["text", "html", "docx"]),
              help="text: i terminalen; html: en fristående sida; docx: det nya dokumentet med spårade ändringar.")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path, dir_okay=False),
              help="Fil att skriva till (krävs för docx i terminalen). Standard: skärmen.")
@click.option("--author", metavar="NAMN", default="drafter", show_default=True, help="Namnet på de spårade ändringarna i DOCX.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp. Standard: clauses/ i aktuell mapp.")
def compare(old, new, kind, old_text, through, output_format, out, author, clauses_dir):
    """Jämför dokumenten från två specar (GAMMAL och NY är YAML-filer), avsnitt för avsnitt, eller
    med en spec vad dess tillägg ändrade.

    Avsnitt paras ihop efter klausul-id; tillagda, borttagna, flyttade, omnumrerade och ändrade
    avsnitt visas med klausulversioner och den nyare versionens motivering, och ändrade uppgifter
    (parter, period, budget) i en tabell. docx: det nya dokumentet med Words spårade ändringar mot
    det gamla, som kan godkännas eller avvisas en och en. Den gamla överenskommelsen jämförs som
    den lyder efter sina tillägg (--lydelse gallande), eller som den undertecknades (--lydelse undertecknad).

    Med bara GAMMAL (eller samma spec två gånger): den undertecknade överenskommelsen → den som
    den lyder efter tilläggen (--tillagg N: efter tillägg nr N), det jurister granskar.
    Punkterna paras då ihop efter sina nummer, som ett tillägg aldrig ändrar."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.comparison import comparison_of, compared_documents, revision_date

    from drafter.comparison import same_spec

    if old_text is not None and same_spec(old, new):
        raise DrafterError("--lydelse väljer vilken lydelse av den gamla överenskommelsen som jämförs med en annan "
                           "spec. En spec jämförd med sig själv visar alltid den undertecknade överenskommelsen → "
                           "den som den lyder efter tilläggen.",
                           hint="Ta bort --lydelse; välj med --tillagg N efter vilket tillägg.")
    old_text = old_text or "standing"
    library = ClauseLibrary(clauses_dir)
    if output_format == "docx":
        from drafter.writers.docx.redline import redline_docx_bytes

        compared = compared_documents(old, new, kind, library, old_text, through)
        old_doc, new_doc = compared.old_doc, compared.new_doc
        emit(redline_docx_bytes(old_doc, new_doc, author, revision_date(new_doc.meta.date), compared.paired()), out)
        return
    report, readability = comparison_of(old, new, kind, library, old_text, through=through)
    if output_format == "html":
        from drafter.diff.html_format import comparison_html

        emit(comparison_html(report, readability), out)
    else:
        from drafter.diff.text_format import comparison_text

        title, _, rest = comparison_text(report, use_color(out)).partition("\n")
        emit(f"{title}\n{readability}\n{rest}", out)


def emit(content: str | bytes, out: Path | None) -> None:
    """A redline to the file `out` (written atomically) or to standard output."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if out is not None:
        from drafter.output import write_atomic

        if not out.parent.is_dir():
            raise DrafterError(f"Mappen {out.parent} finns inte.", hint="Skapa mappen eller välj en annan fil med -o.")
        write_atomic(out, data)
        click.echo(f"skrev {out}", err=True)
        return
    if isinstance(content, bytes) and sys.stdout.isatty():
        raise DrafterError("En DOCX-fil kan inte visas i terminalen.", hint="Ange en fil med -o, t.ex. -o andringar.docx.")
    if isinstance(content, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        click.echo(content.rstrip("\n"))


def use_color(out: Path | None) -> bool:
    """Colour only on a terminal (and never into a file)."""
    return out is None and sys.stdout.isatty()
