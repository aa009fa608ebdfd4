"""The `drafter` command. Thin: each command parses options and calls the library.

Heavy machinery (DOCX, PDF) is imported inside the commands that need it, so
`drafter --help` stays fast.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from drafter import __version__
from drafter.errors import DrafterError


class _Group(click.Group):
    """Turns every DrafterError into its Swedish message and exit code; never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DrafterError as exc:
            click.echo(f"fel: {exc}", err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # `drafter schema | head`: the reader left, nothing to report
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("avbrutet", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug in drafter: say so briefly, keep the traceback for developers
            if os.environ.get("DRAFTER_DEBUG"):
                raise
            click.echo(f"internt fel i drafter ({type(exc).__name__}: {exc}). "
                       "Kör med DRAFTER_DEBUG=1 för detaljer och rapportera felet.", err=True)
            sys.exit(3)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="drafter")
def main():
    """drafter: IOP-överenskommelser som DOCX och PDF från en YAML-spec och ett klausulbibliotek."""


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


@main.command()
def schema():
    """Skriv ut JSON Schema för specen (för validering i editorn)."""
    from drafter.spec.model import Spec

    click.echo(json.dumps(Spec.model_json_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", default="text", show_default=True, type=click.Choice(["text", "json"]),
              help="text: en rad per fynd och en summering; json: {\"findings\": [...]}.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp. Standard: clauses/ i aktuell mapp.")
def check(specs, output_format, clauses_dir):
    """Kontrollera att specar, klausuler och dokument stämmer med varandra (koderna: docs/checks.md).

    Slutkod 0: inga fel (varningar kan finnas); 1: fel hittades; 2: en spec kunde inte läsas."""
    from drafter.checks import check_paths
    from drafter.clauses.library import ClauseLibrary

    bad: list[DrafterError] = []
    findings, code = check_paths(specs, ClauseLibrary(clauses_dir), errors=bad)
    if output_format == "json":
        click.echo(json.dumps({"findings": [f.to_dict() for f in findings]}, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            click.echo(finding.line())
        counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
        checked = len(specs) - len(bad)
        click.echo(f"{checked} {'spec kontrollerad' if checked == 1 else 'specar kontrollerade'}: {counts['error']} fel, "
                   f"{counts['warning']} {'varning' if counts['warning'] == 1 else 'varningar'}, "
                   f"{counts['info']} info.")
    for exc in bad:
        click.echo(f"fel: {exc}", err=True)
    sys.exit(code)
