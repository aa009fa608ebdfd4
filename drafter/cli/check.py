"""`drafter check`: the consistency checks, without writing documents."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from drafter.cli import clauses_option, main, specs_argument
from drafter.errors import DrafterError

@main.command()
@specs_argument
@click.option("--format", "output_format", default="text", show_default=True, type=click.Choice(["text", "json"]),
              help="text: en rad per fel och varning, info sammanfattad per kod och dokument, och en summering; "
                   "json: {\"findings\": [...]} med alla fynd, med --kalender också \"calendars\": [...].")
@click.option("--kalender", "calendar", is_flag=True,
              help="Skriv också ut uppsägningskalendern för varje spec: varje förlängning, sista dag för "
                   "uppsägning med veckodag och uppsägningstiden.")
@click.option("--alla", "every", is_flag=True,
              help="Skriv varje info-fynd på en egen rad (annars en rad per kod och dokument).")
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Mappen som drafter build byggde till (build -o): en slutlig spec vars standardmall saknar "
                   "version tar den version som det förra bygget där använde, som build gör.")
@clauses_option
def check(specs, output_format, calendar, clauses_dir, every, out_dir):
    """Kontrollera att specar, klausuler och dokument stämmer med varandra (koderna: docs/checks.md).

    Slutkod 0: inga fel (varningar kan finnas); 1: fel hittades; 2: en spec kunde inte läsas."""
    from drafter.pipeline import check_paths
    from drafter.clauses.library import ClauseLibrary

    from drafter.checks.finding import SEVERITY_ORDER
    from drafter.checks.summary import summary_lines

    bad: list[DrafterError] = []
    library = ClauseLibrary(clauses_dir)
    per_spec = [(str(spec), check_paths([spec], library, errors=bad, out_dir=out_dir)) for spec in specs]
    tagged = sorted(((spec, f) for spec, (found, _) in per_spec for f in found),
                    key=lambda pair: SEVERITY_ORDER[pair[1].severity])
    findings = [f for _, f in tagged]
    code = max((c for _, (_, c) in per_spec), default=0)  # 2 bad input, else 1 errors, else 0
    calendars = _calendars(specs) if calendar else None
    if output_format == "json":
        data: dict = {"findings": [f.to_dict() for f in findings]}
        if calendars is not None:
            data["calendars"] = [c.to_dict() for c in calendars]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for c in calendars or []:
            click.echo("\n".join(c.lines()) + "\n")
        for line in summary_lines(tagged, every):
            click.echo(line)
        counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
        kept = sum(f.severity == "warning" and bool(f.acknowledged) for f in findings)
        checked = len(specs) - len(bad)
        if checked:
            click.echo(f"{checked} {'spec kontrollerad' if checked == 1 else 'specar kontrollerade'}: "
                       f"{counts['error']} fel, {counts['warning']} "
                       f"{'varning' if counts['warning'] == 1 else 'varningar'}"
                       + (f" ({kept} {'kvitterad' if kept == 1 else 'kvitterade'})" if kept else "")
                       + f", {counts['info']} info.")
    for exc in bad:
        click.echo(f"fel: {exc}", err=True)
    sys.exit(code)


def _calendars(specs) -> list:
    """The notice calendars of each spec that loads (one that does not is reported with the findings)."""
    from drafter.notice_calendar import spec_calendars
    from drafter.spec.load import load_spec

    found = []
    for path in specs:
        try:
            found += spec_calendars(load_spec(path))
        except DrafterError:
            continue
    return found
