"""Where a redline goes: a file (-o, written atomically) or standard output."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.errors import DrafterError


def emit(content: str | bytes, out: Path | None) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if out is not None:
        from drafter.output import write_atomic

        if not out.parent.is_dir():
            raise DrafterError(f"Mappen {out.parent} finns inte.", hint="Skapa mappen eller välj en annan fil med -o.")
        write_atomic(out, data)
        click.echo(f"skrev {out}", err=True)
        return
    if isinstance(content, bytes) and sys.stdout.isatty():
        raise DrafterError("En DOCX-fil kan inte visas i terminalen.", hint="Ange en fil med -o, t.ex. -o andringar.docx.")
    if isinstance(content, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        click.echo(content.rstrip("\n"))


def use_color(out: Path | None) -> bool:
    """Colour only on a terminal (and never into a file)."""
    return out is None and sys.stdout.isatty()


def docx_date(date) -> str:
    """The w:date of every revision: a fixed day, never the clock, so the same input gives the same file."""
    return f"{date.isoformat()}T00:00:00Z" if date else "1980-01-01T00:00:00Z"
