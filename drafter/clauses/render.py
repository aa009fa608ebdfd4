"""Render a clause's Jinja2 expressions with spec data, in a sandbox.

Spec values are data, never template source: they are inserted after Jinja has
parsed the clause, and Markdown-escaped on the way (`finalize`), so a party named
`{{ 7*7 }}` or `*Ös & Co*` prints as typed. `ref()` and `block()` leave markers
that the Markdown reader turns into model nodes.
"""

from __future__ import annotations

import re
import traceback
from functools import lru_cache

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from drafter.clauses.library import ClauseVersion
from drafter.errors import DrafterError, Where
from drafter.formatting import FILTERS

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
MARKER = re.compile(f"{MARK_OPEN}(ref|block):([^{MARK_CLOSE}]*){MARK_CLOSE}")
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~\"'=:;,?@$%^/])")


class Marker(str):
    """Output of ref()/block(): passes through unescaped."""


def ref(clause_id: str) -> Marker:
    return Marker(f"{MARK_OPEN}ref:{clause_id}{MARK_CLOSE}")


def block(name: str) -> Marker:
    return Marker(f"\n\n{MARK_OPEN}block:{name}{MARK_CLOSE}\n\n")


def _markdown_literal(value) -> str:
    if isinstance(value, Marker):
        return value
    text = re.sub(r"[\r\n\t]+", " ", str(value)) if value is not None else ""
    return _MD_PUNCT.sub(r"\\\1", text)


def _environment(escape: bool) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_markdown_literal if escape else None,
    )
    env.filters.update(FILTERS)
    env.globals.update(ref=ref, block=block)
    return env


_MARKDOWN_ENV = _environment(escape=True)
_PLAIN_ENV = _environment(escape=False)


def render_clause(clause: ClauseVersion, context: dict) -> str:
    """The clause body as Markdown with the spec's data in it."""
    return _render(_MARKDOWN_ENV, clause.body, context, clause, clause.body_line)


def render_heading(clause: ClauseVersion, context: dict) -> str:
    return _render(_PLAIN_ENV, clause.meta.heading, context, clause, 2, field="heading")


def _render(env, source: str, context: dict, clause: ClauseVersion, first_line: int, field: str | None = None) -> str:
    name = f"{clause.path}"
    try:
        return _compiled(env, source).render(context)
    except TemplateSyntaxError as exc:
        raise _error(clause, f"Fel i mallsyntaxen: {exc.message}.", first_line, exc.lineno, field) from None
    except UndefinedError as exc:
        line = _template_line(exc, name)
        what = _undefined_name(exc.message or "")
        raise _error(
            clause, f"Okänd variabel {what} i klausulen {clause.ref}.", first_line, line, field,
            hint="Kontrollera stavningen, eller lägg till uppgiften i specen.",
        ) from None
    except SecurityError as exc:
        raise _error(clause, f"Otillåten åtgärd i klausultexten ({exc}).", first_line, None, field) from None
    except (TemplateError, TypeError, ValueError, AttributeError) as exc:
        line = _template_line(exc, name)
        raise _error(clause, f"Klausultexten kan inte fyllas i ({exc}).", first_line, line, field) from None


@lru_cache(maxsize=2048)
def _compiled(env: SandboxedEnvironment, source: str):
    """A clause text compiled once per process: every build fills the same library texts, and
    compiling is most of the cost. Templates are immutable, so specs can share one."""
    return env.from_string(source)


def _error(clause, message, first_line, line, field, hint=None) -> DrafterError:
    file_line = first_line + line - 1 if line else first_line
    return DrafterError(message, Where(str(clause.path), file_line, None, field), hint)


def _template_line(exc: Exception, name: str) -> int | None:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == "<template>":
            return frame.lineno
    return None


def _undefined_name(message: str) -> str:
    found = re.search(r"'([^']+)' is undefined", message) or re.search(r"has no attribute '([^']+)'", message)
    return f"'{found.group(1)}'" if found else f"({message})"
