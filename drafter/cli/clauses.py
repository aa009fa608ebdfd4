"""`drafter clauses …`: the clause library."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli import main
from drafter.errors import DrafterError

@main.group()
def clauses():
    """Klausulbiblioteket: lista och visa klausuler."""


@clauses.command("list")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp.")
def clauses_list(clauses_dir):
    """Lista varje klausul med dess versioner: status, fastställelsedatum och motivering."""
    from drafter.clauses.library import ClauseLibrary

    library = ClauseLibrary(clauses_dir)
    for clause_id in library.ids():
        versions = library.versions(clause_id)
        click.echo(f"{clause_id}  ({versions[-1].meta.heading})")
        for v in versions:
            approved = v.meta.approval.date.isoformat() if v.meta.approval else "–"
            click.echo(f"  v{v.version}  {v.meta.status:10} {approved:10}  {v.meta.rationale}")


@clauses.command("show")
@click.argument("ref")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp.")
def clauses_show(ref, clauses_dir):
    """Visa en klausul: REF är id (senaste fastställda) eller id@version."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.model import CLAUSE_REF

    if not CLAUSE_REF.fullmatch(ref):
        raise DrafterError(f"'{ref}' är inget giltigt klausul-id.", hint="Skriv t.ex. villkor/aterkrav eller villkor/aterkrav@1.")
    clause = ClauseLibrary(clauses_dir).get(ref)
    meta = clause.meta
    click.echo(f"{clause.ref}  {meta.heading}")
    click.echo(f"status: {meta.status}")
    if meta.approval:
        click.echo(f"fastställd av: {meta.approval.by}, {meta.approval.date.isoformat()}")
    click.echo(f"motivering: {meta.rationale}")
    if meta.source:
        click.echo(f"källa: {meta.source.document}" + (f", punkt {meta.source.section}" if meta.source.section else ""))
    click.echo(f"fil: {clause.path}")
    click.echo("")
    click.echo(clause.body.rstrip())
