"""`drafter renew`: the next spec of a partnership, as its agreement stands after the tillägg."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from drafter.cli import main
from drafter.errors import DrafterError


@main.command()
@click.argument("spec", metavar="SPEC", type=click.Path(path_type=Path, dir_okay=False))  # a missing one: the reader says which was meant
@click.argument("name", metavar="NAMN")
@click.option("--end", "end_text", metavar="ÅÅÅÅ-MM-DD", help="Den nya överenskommelsens slutdatum.")
@click.option("--months", type=click.IntRange(1, 120), metavar="N",
              help="Den nya överenskommelsens längd i månader (i stället för --end).")
@click.option("--agreements", "agreements_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Mappen där den nya specen skrivs. Standard: samma mapp som SPEC.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp. Standard: clauses/ i aktuell mapp.")
def renew(spec, name, end_text, months, agreements_dir, clauses_dir):
    """Förnya ett partnerskap: skriv NAMN.yaml med renews: SPEC, parter, budget, uppgifter och avsnitt
    som överenskommelsen lyder efter sina tillägg, och perioden flyttad framåt.

    Listar det du måste läsa igenom: texter och uppgifter med årtal, datum eller belopp som inte räknas
    fram ur specen, och klausuler som har en nyare fastställd eller granskad version."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.renew import renew as write_renewal

    end = None
    if end_text:
        try:
            end = dt.date.fromisoformat(end_text)
        except ValueError:
            raise DrafterError(f"'{end_text}' är inget datum.", hint="Skriv --end ÅÅÅÅ-MM-DD, t.ex. 2030-12-31.") from None
    result = write_renewal(spec, name, agreements_dir or spec.parent, ClauseLibrary(clauses_dir), end, months)
    for i, (heading, lines) in enumerate(result.report(spec.name)):
        click.echo(("\n" if i else "") + heading)
        for line in lines:
            click.echo(f"  {line}")
