"""`drafter build`: spec → documents in output/."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli import main


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Mapp att bygga till; varje spec får en egen undermapp.")
@click.option("--format", "formats", multiple=True, type=click.Choice(["docx", "pdf"]),
              help="Format att skapa (kan anges flera gånger). Standard: både docx och pdf.")
@click.option("--pdf-engine", default="typst", show_default=True, type=click.Choice(["typst", "libreoffice"]),
              help="Hur PDF skapas: typst (inbyggt) eller libreoffice (konverterar DOCX med Word-mallen).")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp. Standard: clauses/ i aktuell mapp.")
def build(specs, out_dir, formats, pdf_engine, clauses_dir):
    """Bygg dokumenten för en eller flera specar (SPECS är YAML-filer).

    Kontrollerna (som i `drafter check`) körs först; vid fel skrivs inga dokument."""
    from drafter.build import BuildOptions, build as build_spec
    from drafter.clauses.library import ClauseLibrary

    def report(finding):
        if finding.severity != "info":
            click.echo(finding.line(), err=True)

    options = BuildOptions(out_dir=out_dir, formats=tuple(formats) or ("docx", "pdf"), pdf_engine=pdf_engine,
                           library=ClauseLibrary(clauses_dir), report=report)
    for spec in specs:
        manifest = build_spec(spec, options)
        click.echo(f"{spec}: klar → {manifest.parent}")
