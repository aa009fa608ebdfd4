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
@click.option("--till", "into", metavar="SPEC", type=click.Path(path_type=Path, dir_okay=False),
              help="Lägg tjänsteutlåtandet till den här specen (överenskommelsen i samma ärende) i stället för att "
                   "skriva en ny: specen får proposal: sist och utlåtandets klausuler hamnar hos partnerskapets. "
                   "Inget som redan står i specen ändras; har den redan proposal: skrivs inget.")
def import_(file, name, clauses_dir, agreements_dir, force, into):
    """Dela upp en befintlig överenskommelse eller ett tjänsteutlåtande (.docx, .pdf, .txt, .md) i
    klausulutkast och skriv en spec som bygger om dokumentet.

    Rapporten visar vad som kändes igen (parter, period, budget, undertecknare), vad som saknas
    (platshållare i specen) och fel i källans numrering. Med --till läggs ett tjänsteutlåtande till
    specen för överenskommelsen i samma ärende. Slutkod 0: klart; 2: filen kunde inte läsas."""
    if into is not None:
        from drafter.importer.into import import_into

        if name or agreements_dir or force:
            raise click.UsageError("--till kan inte kombineras med --name, --agreements eller --force: specen och "
                                   "partnerskapet är redan givna och inget skrivs över.")
        for line in import_into(file, into, clauses_dir).report():
            click.echo(line)
        return
    from drafter.importer import import_file

    result = import_file(file, name=name, clauses_dir=clauses_dir, agreements_dir=agreements_dir, force=force)
    for line in result.report():
        click.echo(line)
