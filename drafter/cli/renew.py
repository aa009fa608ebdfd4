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
@click.option("--start", "start_text", metavar="ÅÅÅÅ-MM-DD",
              help="Den nya överenskommelsens första dag, när den gamla sägs upp före sitt längsta slutdatum: "
                   "dagen efter att dess första period eller en förlängning slutar. Standard: dagen efter det "
                   "längsta slutdatumet.")
@click.option("--end", "end_text", metavar="ÅÅÅÅ-MM-DD", help="Den nya överenskommelsens slutdatum.")
@click.option("--months", type=click.IntRange(1, 120), metavar="N",
              help="Den nya överenskommelsens längd i månader (i stället för --end).")
@click.option("--ended-how", "ended_how", metavar="uppsägning|överenskommelse",
              help="Hur den gamla överenskommelsen upphör, när den löper tills vidare efter sin period: uppsägning "
                   "(en part sade upp den enligt dess villkor) eller överenskommelse (parterna kom skriftligen "
                   "överens om att den upphör). Skrivs som renews_ended_by: i den nya specen; kräver --ended-date.")
@click.option("--ended-date", "ended_date", metavar="ÅÅÅÅ-MM-DD",
              help="Dagen då uppsägningen lämnades eller överenskommelsen om att avsluta den gamla undertecknades; "
                   "senast dagen före den nya periodens första dag.")
@click.option("--ended-by", "ended_by", metavar="VEM",
              help="Vem som sade upp den eller undertecknade överenskommelsen, t.ex. äldrenämnden (frivilligt).")
@click.option("--ended-diarienummer", "ended_diarienummer", metavar="DNR",
              help="Uppsägningens eller överenskommelsens diarienummer (frivilligt).")
@click.option("--agreements", "agreements_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Mappen där den nya specen skrivs. Standard: samma mapp som SPEC.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp. Standard: clauses/ i aktuell mapp.")
def renew(spec, name, start_text, end_text, months, ended_how, ended_date, ended_by, ended_diarienummer,
          agreements_dir, clauses_dir):
    """Förnya ett partnerskap: skriv NAMN.yaml med renews: SPEC, parter, budget, uppgifter och avsnitt
    som överenskommelsen lyder efter sina tillägg, och perioden flyttad framåt.

    Sägs den gamla överenskommelsen upp efter sin första period eller en förlängning, ange den nya
    periodens första dag med --start; specen skriver då renews_ends: med dagen den gamla upphör.
    Löper den gamla enligt sin text tills vidare efter sin period, krävs --start: den upphör först
    när den sägs upp eller parterna kommer överens om det. Är den redan uppsagd eller avslutad, ange hur
    och när med --ended-how och --ended-date (specen får renews_ended_by:).

    Listar det du måste läsa igenom: texter och uppgifter med årtal, datum eller belopp som inte räknas
    fram ur specen, och klausuler som har en nyare fastställd eller granskad version."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.renew import renew as write_renewal
    from drafter.renew_ended import read_ended_by

    start, end = _date(start_text, "--start", "2029-01-01"), _date(end_text, "--end", "2030-12-31")
    ended = read_ended_by(spec, ended_how, ended_date, ended_by, ended_diarienummer)
    result = write_renewal(spec, name, agreements_dir or spec.parent, ClauseLibrary(clauses_dir), end, months, start,
                           ended)
    for i, (heading, lines) in enumerate(result.report(spec.name)):
        click.echo(("\n" if i else "") + heading)
        for line in lines:
            click.echo(f"  {line}")


def _date(text: str | None, option: str, example: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DrafterError(f"'{text}' är inget datum.", hint=f"Skriv {option} ÅÅÅÅ-MM-DD, t.ex. {example}.") from None
