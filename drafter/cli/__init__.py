"""The `drafter` command. Thin: each command parses options and calls the library.

One module per command (group): build, check, clauses, compare, schema. Heavy machinery
(DOCX, PDF) is imported inside the commands that need it, so `drafter --help`
stays fast.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
from pathlib import Path

import click

from drafter import __version__
from drafter.cli import svenska
from drafter.errors import DrafterError

svenska.install()


class _Command(click.Command):
    """A command whose usage line is Swedish: `drafter build [FLAGGOR] SPEC...`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", svenska.OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)


class _Group(click.Group):
    """Turns every DrafterError into its Swedish message and exit code; never a traceback."""

    command_class = _Command
    group_class = type  # subgroups (`drafter clauses`) are of this class too

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", svenska.OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", svenska.SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)

    def main(self, *args, **kwargs):
        # At exit the interpreter collects every object it tracks (a full collection, some 4 % of
        # `drafter check`); frozen objects are left to the operating system, which frees the memory anyway.
        atexit.unregister(gc.freeze)  # once, however often main runs in one process
        atexit.register(gc.freeze)
        if not args and kwargs.get("args") is None and sys.argv[1:2] in (["check"], ["build"]):
            # the process's own `check` or `build` (not a test's CliRunner): they prepare a spec, and
            # prepare() brings the collector's thresholds back; other commands keep them as they are
            from drafter import startup

            startup.begin()
        return super().main(*args, **kwargs)

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
        except OSError as exc:  # disk full, no permission, read-only: the machine, not a bug (exit 2)
            from drafter.output import environment_error

            click.echo(f"fel: {environment_error(exc, action='läsa eller skriva')}", err=True)
            sys.exit(2)
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


# --- options several commands share: one spelling, one help text -----------------------------

def clauses_option(command):
    """`--clauses DIR`: the clause library's folder (drafter/locations.py says the default)."""
    return click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
                        help="Klausulbibliotekets mapp. Standard: clauses/ i aktuell mapp.")(command)


def specs_argument(command):
    """SPEC...: one or more spec files, each named once (metavar Swedish, like the rest of --help)."""
    return click.argument("specs", nargs=-1, required=True, metavar="SPEC...",
                          type=click.Path(path_type=Path))(command)


def _register() -> None:
    from drafter.cli import build, check, clauses, compare, import_, new, schema  # noqa: F401  (each adds its commands to main)
    from drafter.cli import language  # noqa: F401
    from drafter.cli import serve  # noqa: F401
    from drafter.cli import renew  # noqa: F401
    from drafter.cli import lock  # noqa: F401


_register()
