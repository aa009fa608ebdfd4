"""`drafter import`: an existing agreement or tjänsteutlåtande → draft clauses and a draft spec."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli import main


@main.command("import")
@click.argument("file", metavar="FIL", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--name", metavar="NAMN", help="Partnerskapets namn: specens filnamn och klausulernas mapp "
                             "(små bokstäver, siffror, bindestreck). Standard: filens namn.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp; klausulerna skrivs till MAPP/import/NAMN/. Standard: clauses/.")
@click.option("--agreements", "agreements_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Mappen för specen NAMN.yaml. Standard: agreements/.")
@click.option("--force", is_flag=True, help="Skriv över en tidigare import med samma namn.")
def import_(file, name, clauses_dir, agreements_dir, force):
    """Dela upp en befintlig överenskommelse eller ett tjänsteutlåtande (.docx, .pdf, .txt, .md) i
    klausulutkast och skriv en spec som bygger om dokumentet.

    Rapporten visar vad som kändes igen (parter, period, budget, undertecknare), vad som saknas
    (platshållare i specen) och fel i källans numrering. Slutkod 0: klart; 2: filen kunde inte läsas."""
    from drafter.importer import import_file

    result = import_file(file, name=name, clauses_dir=clauses_dir, agreements_dir=agreements_dir, force=force)
    for line in result.report():
        click.echo(line)
