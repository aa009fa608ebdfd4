"""`drafter schema`: the spec's JSON Schema."""

from __future__ import annotations

import json

import click

from drafter.cli import main


@main.command()
def schema():
    """Skriv ut JSON Schema för specen (för validering i editorn)."""
    from drafter.spec.model import Spec

    click.echo(json.dumps(Spec.model_json_schema(), ensure_ascii=False, indent=2))
