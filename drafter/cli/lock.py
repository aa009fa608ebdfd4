"""`drafter lock` and `drafter verify`: record what a signed document was made of, and recognise it later."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli import main, svenska

DOCUMENTS = {"overenskommelse": "overenskommelse", "tjansteutlatande": "tjansteutlatande", "tillagg-N": "tillagg-N",
             "tjansteutlatande-tillagg-N": "tjansteutlatande-tillagg-N"}


class _DocumentName(svenska.Choice):
    """overenskommelse, tjansteutlatande, tillagg-N or tjansteutlatande-tillagg-N (N the amendment's number)."""

    def convert(self, value, param, ctx):
        if value == "agreement":
            return "overenskommelse"
        if value.startswith(("tillagg-", "tillägg-")) and value.split("-", 1)[1].isdigit():
            return "tillagg-" + value.split("-", 1)[1]
        for prefix in ("tjansteutlatande-tillagg-", "tjansteutlatande-tillägg-"):
            if value.startswith(prefix) and value.removeprefix(prefix).isdigit():
                return "tjansteutlatande-tillagg-" + value.removeprefix(prefix)
        return super().convert(value, param, ctx)


@main.command()
@click.argument("spec", metavar="SPEC", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--document", "documents", multiple=True, type=_DocumentName(DOCUMENTS),
              help="Dokumentet som undertecknats: overenskommelse (standard), tjansteutlatande, "
                   "tillagg-N eller tjansteutlatande-tillagg-N. Kan anges flera gånger.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp. Standard: clauses/ i aktuell mapp.")
@click.option("--future-date", is_flag=True,
              help="Lås fast dokumentets eller beslutets datum ligger efter i dag: bara när dokumentet verkligen "
                   "redan är undertecknat (eller tjänsteutlåtandet beslutat) med ett senare datum.")
def lock(spec, documents, clauses_dir, future_date):
    """Lås ett undertecknat dokument: skriv SPEC.lock bredvid specen med klausulversionerna, textens och
    filernas sha256 och drafter-versionen. Sedan byggs dokumentet alltid av just de versionerna.

    Slutkod 0: låst; 1: kontrollen fann fel; 2: specen kunde inte läsas, är ett utkast (document.status),
    dokumentet är redan låst, tillägget före det är inte låst, eller dokumentets eller beslutets datum
    ligger efter i dag (utan --future-date)."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.lock import lock_spec
    from drafter.locknames import document_label as _label

    path, entries = lock_spec(spec, list(documents) or ["overenskommelse"], ClauseLibrary(clauses_dir),
                              future_date=future_date, report=lambda finding: click.echo(finding.line(), err=True))
    for name, entry in entries.items():
        count = len(entry["klausuler"])
        clauses = f"{count} klausulversioner" if count else "inga klausulversioner (hela texten kommer ur specen)"
        click.echo(f"{_label(name).capitalize()} låst i {path}: {clauses}, drafter {entry['drafter']}.")


@main.command()
@click.argument("file", metavar="FIL", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("spec", required=False, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--agreements", "agreements_dir", default=Path("agreements"), show_default=True,
              type=click.Path(path_type=Path, file_okay=False), help="Mappen med specar och deras lås.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp. Standard: clauses/ i aktuell mapp.")
def verify(file, spec, agreements_dir, clauses_dir):
    """Är FIL (PDF eller DOCX) det dokument som låstes? Jämför filens sha256 med varje lås i
    agreements/ (eller SPEC:s lås); utan träff jämförs filens text med den låsta och skillnaderna visas.

    Slutkod 0: filen är ett låst dokument; 1: ingen träff eller texten skiljer sig."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.verify import verify_file

    result = verify_file(file, [spec] if spec else sorted(agreements_dir.glob("*.yaml")),
                         ClauseLibrary(clauses_dir))
    click.echo(result.report())
    sys.exit(0 if result.ok else 1)
