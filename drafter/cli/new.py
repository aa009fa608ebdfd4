"""`drafter new`: a commented spec for a new partnership."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli import main


@main.command()
@click.argument("name", metavar="NAMN")
@click.option("--from", "from_spec", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Utgå från en befintlig spec: dess avsnitt och gemensamma klausuler behålls; parter, period, "
                   "budget och texter töms, och det partnerskapets egna klausuler blir avsnitt att skriva.")
@click.option("--proposal", "proposal_kind", type=click.Choice(["facknamnd", "stadsdelsnamnd"]),
              help="Tjänsteutlåtandets standardmall: till en facknämnd (standard) eller en stadsdelsnämnd. "
                   "Med --from: som den specens, om inget anges.")
@click.option("--barn", "children", is_flag=True,
              help="Verksamheten riktar sig till barn: överenskommelsen tar med utdrag ur belastningsregistret "
                   "(villkor/belastningsregister), och tjänsteutlåtandet avsnittet Barnrättsperspektiv, som frågar "
                   "efter förvaltningens prövning av barnets bästa (texts: barnrattsperspektiv).")
@click.option("--partnership", "partnership", metavar="NAMN",
              help="Partnerskapets namn, som specen skriver under partnership (dess mapp i clauses/ för egna "
                   "klausuler). Utelämnat: specens namn utan årtal (laxhjalp-2027 ger laxhjalp).")
@click.option("--agreements", "agreements_dir", default="agreements", show_default=True,
              type=click.Path(path_type=Path, file_okay=False), help="Mappen där specen skrivs.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp (med standardmallarna i outlines/).")
def new(name, from_spec, proposal_kind, children, partnership, agreements_dir, clauses_dir):
    """Skriv agreements/NAMN.yaml: en kommenterad spec att fylla i för ett nytt partnerskap."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.newspec import write_new_spec

    path = write_new_spec(name, agreements_dir, ClauseLibrary(clauses_dir).root, from_spec, proposal_kind, children,
                          partnership)
    click.echo(f"{path}: skriven. Fyll i fälten och kör `drafter check {path}`.")
