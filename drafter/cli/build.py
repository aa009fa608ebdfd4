"""`drafter build`: specs → documents in output/, in parallel, skipping specs whose inputs are unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli import clauses_option, main, specs_argument

# the infos a build prints, not only `check`
SAID_INFO = ("[clause-version-changed]", "[lock-letterhead]", "[lock-layout]", "[redline-removed]")


@main.command()
@specs_argument
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Mapp att bygga till; varje spec får en egen undermapp.")
@click.option("--format", "formats", multiple=True, type=click.Choice(["docx", "pdf"]),
              help="Format att skapa (kan anges flera gånger). Standard: både docx och pdf.")
@click.option("--pdf-engine", default="typst", show_default=True, type=click.Choice(["typst", "libreoffice"]),
              help="Hur PDF skapas: typst (inbyggt) eller libreoffice (konverterar DOCX med Word-mallen).")
@clauses_option
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Antal specar som byggs samtidigt (processer). Standard: antalet processorkärnor; "
                   "1 bygger i samma process.")
@click.option("-f", "--force", is_flag=True,
              help="Bygg om även specar vars indata (spec, klausuler, mall, version, format) är oförändrade.")
@click.option("--redline", is_flag=True,
              help="Skriv också den konsoliderade överenskommelsen (efter tilläggen) som DOCX med spårade "
                   "ändringar mot den undertecknade.")
def build(specs, out_dir, formats, pdf_engine, clauses_dir, jobs, force, redline):
    """Bygg dokumenten för en eller flera specar (SPEC är YAML-filer).

    Kontrollerna (som i `drafter check`) körs först; vid fel skrivs inga dokument för den specen.
    En spec vars indata inte ändrats sedan förra bygget hoppas över (oförändrad). Ett fel i en
    spec hindrar inte de andra; slutkoden är den värsta (2 före 1 före 0)."""
    from drafter.batch import BUILT, SKIPPED, run_batch
    from drafter.pipeline import Settings

    settings = Settings(out_dir=out_dir, formats=tuple(dict.fromkeys(formats)) or ("docx", "pdf"),
                             pdf_engine=pdf_engine, clauses_dir=clauses_dir, force=force,
                             redline=redline)
    specs = list(dict.fromkeys(specs))
    bar = None

    def say(text: str, err: bool = False) -> None:
        if bar is not None:  # keep the bar on its own line: clear it, print, let it redraw
            click.echo("\r\033[K", nl=False, err=True)
        click.echo(text, err=err)

    kept: dict[str, int] = {}  # acknowledged warnings per spec: counted, listed by `drafter check`

    def on_finding(spec, item):
        severity, line = item
        if severity == "warning" and "[kvitterad: " in line:
            kept[str(spec)] = kept.get(str(spec), 0) + 1
        elif severity != "info" or any(code in line for code in SAID_INFO):  # a draft floated, a lock kept: say so
            say(line, err=True)

    def on_outcome(outcome):
        count = kept.pop(str(outcome.spec), 0)
        if count:
            say(f"{outcome.spec}: {count} {'kvitterad varning' if count == 1 else 'kvitterade varningar'} "
                "(visas med drafter check)", err=True)
        if outcome.status == BUILT:
            say(f"{outcome.spec}: klar → {outcome.folder}")
        elif outcome.status == SKIPPED:
            say(f"{outcome.spec}: oförändrad ({outcome.folder})")
        else:
            say(f"fel: {outcome.message}", err=True)
        if bar is not None:
            bar.update(1)

    if len(specs) > 1 and sys.stderr.isatty():
        with click.progressbar(length=len(specs), label="Bygger", file=sys.stderr, show_pos=True) as bar:
            code = run_batch(specs, settings, jobs, on_outcome=on_outcome, on_finding=on_finding)
    else:
        code = run_batch(specs, settings, jobs, on_outcome=on_outcome, on_finding=on_finding)
    sys.exit(code)
