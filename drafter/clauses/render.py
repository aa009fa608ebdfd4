"""Render a clause's Jinja2 expressions with spec data, in a sandbox.

Spec values are data, never template source: they are inserted after Jinja has
parsed the clause, and Markdown-escaped on the way (`finalize`), so a party named
`{{ 7*7 }}` or `*Ös & Co*` prints as typed. `ref()` and `block()` leave markers
that the Markdown reader turns into model nodes.

A clause text is written by people, not by drafter, so its rendering is bounded: the sandbox is
immutable (a clause cannot change the data the next clause sees: `.append()`, `.update()` are
refused), a render that calls or loops sees its own counted copy of the data (one that only
prints values reads them as given: _may_change_or_loop), a figure named like a dict method (`items`)
is the figure, and there are limits on string and list sizes, powers, `range()`, loop iterations
and output, each a DrafterError naming the clause file and line. Any other error in the text
(`1/0`) is the clause's, never a bug in drafter.
"""

from __future__ import annotations

import contextvars
import hashlib
import re
import traceback
from collections.abc import Mapping
from functools import lru_cache

from jinja2 import BaseLoader, FileSystemBytecodeCache, StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2 import Undefined, UndefinedError
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment, SecurityError

from drafter.clauses.library import ClauseVersion
from drafter.errors import DrafterError, Where
from drafter.formatting import FILTERS
from drafter.lazy_pattern import lazy

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
MARKER = re.compile(f"{MARK_OPEN}(ref|block):([^{MARK_CLOSE}]*){MARK_CLOSE}")
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~\"'=:;,?@$%^/])")


class Marker(str):
    """Output of ref()/block(): passes through unescaped."""


def ref(clause_id: str) -> Marker:
    return Marker(f"{MARK_OPEN}ref:{clause_id}{MARK_CLOSE}")


def block(name: str) -> Marker:
    return Marker(f"\n\n{MARK_OPEN}block:{name}{MARK_CLOSE}\n\n")


MAX_SEQUENCE = 1_000_000  # characters of one string, items of one list, made in a clause
MAX_RANGE = 10_000  # items of one range()
MAX_ITERATIONS = 200_000  # loop steps in one clause render
MAX_OUTPUT = 2_000_000  # characters one clause render prints through {{ }}
MAX_WIDTH = 10_000  # a width or count given to a filter or a format


class SandboxLimit(Exception):
    """A clause text went past one of the limits above."""


_BUDGET: contextvars.ContextVar[list[int]] = contextvars.ContextVar("budget")


def _spend(iterations: int = 0, output: int = 0) -> None:
    budget = _BUDGET.get(None)
    if budget is None:
        return
    budget[0] -= iterations
    budget[1] -= output
    if budget[0] < 0:
        raise SandboxLimit(f"Klausultexten går igenom fler än {MAX_ITERATIONS} varv i sina loopar.")
    if budget[1] < 0:
        raise SandboxLimit(f"Klausultexten skriver ut mer än {MAX_OUTPUT} tecken.")


class _Counted(list):
    """A list whose every loop step is counted against the render's budget."""

    def __iter__(self):
        for item in super().__iter__():
            _spend(iterations=1)
            yield item


def _guarded(value):
    """The render's own copy of the data: dicts and lists rebuilt (lists counted), the rest shared.

    A container that notes what the template reads (assemble/context.py, the provenance) is copied
    through its `guarded_copy`, so the copy still notes; copying itself reads nothing."""
    if isinstance(value, dict):
        copy: object = {k: _guarded(v) for k, v in dict.items(value)}
    elif isinstance(value, list):
        copy = _Counted(_guarded(v) for v in list.__iter__(value))
    else:
        return value
    hook = getattr(value, "guarded_copy", None)
    return hook(copy) if hook else copy


def _range(*args) -> list:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise SandboxLimit(f"range() med {len(numbers)} tal; högst {MAX_RANGE} tillåts i en klausultext.")
    return _Counted(numbers)


_WIDE_FORMAT = lazy(r"%[-+ #0]*(\*|\d{5,})|%[-+ #0]*\d*\.(\*|\d{5,})|\{[^{}]*?(\d{5,})[^{}]*\}")


def _check_format(text) -> None:
    if isinstance(text, str) and _WIDE_FORMAT.search(text):
        raise SandboxLimit(f"En formatering i klausultexten anger en bredd över {MAX_WIDTH} tecken.")


def _bounded_filter(name: str, func):
    def bounded(*args, **kwargs):
        for arg in list(args[1:]) + list(kwargs.values()):
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_WIDTH:
                raise SandboxLimit(f"Filtret {name} fick talet {arg}; högst {MAX_WIDTH} tillåts.")
        if name == "format" and args:
            _check_format(args[0])
        return func(*args, **kwargs)
    for attr in ("jinja_pass_arg",):
        if hasattr(func, attr):
            setattr(bounded, attr, getattr(func, attr))
    return bounded


class _ClauseSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**", "%", "+", "//"])

    def getattr(self, obj, attribute):
        if isinstance(obj, dict) and attribute in obj:  # a figure named `items` is the figure
            return obj[attribute]
        return super().getattr(obj, attribute)

    def call_binop(self, context, operator, left, right):
        sized = (str, list, tuple)
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, sized) and isinstance(n, int) and len(seq) * n > MAX_SEQUENCE:
                    raise SandboxLimit(f"Klausultexten gör en text eller lista längre än {MAX_SEQUENCE} tecken.")
        elif operator == "**":
            if isinstance(right, (int, float)) and isinstance(left, (int, float)) and abs(left) > 1 \
                    and abs(right) > 1000:
                raise SandboxLimit("Klausultexten räknar ut en för stor potens.")
        elif operator == "%":
            _check_format(left)
        elif operator == "+" and isinstance(left, sized) and isinstance(right, sized) \
                and len(left) + len(right) > MAX_SEQUENCE:
            raise SandboxLimit(f"Klausultexten gör en text eller lista längre än {MAX_SEQUENCE} tecken.")
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value):
        """Jinja (3.1.5 and later) wraps `str.format` where the clause reads it, so `call` below sees only
        the wrapper: the width is checked here, before a format could build a text of a billion spaces."""
        if getattr(value, "__name__", None) in ("format", "format_map") and isinstance(
                getattr(value, "__self__", None), str):
            _check_format(value.__self__)
        return super().wrap_str_format(value)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        if getattr(__obj, "__name__", None) in ("format", "format_map") and isinstance(
                getattr(__obj, "__self__", None), str):
            _check_format(__obj.__self__)
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(result, (str, list, tuple)) and len(result) > MAX_SEQUENCE:
            raise SandboxLimit(f"Klausultexten gör en text eller lista längre än {MAX_SEQUENCE} tecken.")
        return result


def _checked(value):
    """Every value a clause prints: counted against the output budget; a method is not a value."""
    if callable(value) and not isinstance(value, (str, Undefined)):
        raise SandboxLimit("Klausultexten skriver ut en funktion, inte ett värde (finns uppgiften i specen?).")
    return value


def _markdown_literal(value) -> str:
    if isinstance(value, Marker):
        return value
    _checked(value)
    text = re.sub(r"[\r\n\t]+", " ", str(value)) if value is not None else ""
    text = text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")  # data never makes a marker
    _spend(output=len(text))
    return _MD_PUNCT.sub(r"\\\1", text)


def _plain(value):
    _checked(value)
    _spend(output=len(str(value)) if value is not None else 0)
    return value


class _ByDigest(BaseLoader):
    """Clause texts by their sha256 (and the environment's kind): the name under which Jinja's bytecode
    cache keeps a text compiled from one run to the next, as Python keeps .pyc files."""

    def __init__(self, kind: str):
        self.kind = kind
        self.sources: dict[str, str] = {}

    def name(self, source: str) -> str:
        name = f"{self.kind}-{hashlib.sha256(source.encode('utf-8')).hexdigest()}"
        self.sources[name] = source
        return name

    def get_source(self, environment, template):
        return self.sources[template], None, lambda: True  # filename None: frames say "<template>"


class _Bytecode(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates (a folder of the user's own, mode 0700, in the temp folder;
    files written whole and renamed). A file that cannot be read or written costs only the speed."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 (a damaged file is compiled anew)
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache() -> _Bytecode | None:
    """Named also by this module's and the filters' code and Jinja's version: the compiled code of a
    text depends on the sandbox's settings (finalize, the intercepted operators), kept here."""
    from pathlib import Path

    import jinja2

    from drafter import formatting

    settings = Path(__file__).read_bytes() + Path(formatting.__file__).read_bytes() + jinja2.__version__.encode()
    try:
        return _Bytecode(pattern=f"drafter-{hashlib.sha256(settings).hexdigest()[:16]}-%s.cache")
    except (OSError, RuntimeError):  # no safe folder of our own in the temp folder
        return None


def _environment(escape: bool) -> SandboxedEnvironment:
    env = _ClauseSandbox(
        loader=_ByDigest("markdown" if escape else "plain"),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_markdown_literal if escape else _plain,
    )
    env.filters.update({name: _bounded_filter(name, func) for name, func in JINJA_FILTERS.items()})
    env.filters.update(FILTERS)
    env.globals.update(ref=ref, block=block, range=_range)
    return env


_MARKDOWN_ENV = _environment(escape=True)
_PLAIN_ENV = _environment(escape=False)
_MARKDOWN_ENV.bytecode_cache = _PLAIN_ENV.bytecode_cache = _bytecode_cache()


def render_clause(clause: ClauseVersion, context: dict) -> str:
    """The clause body as Markdown with the spec's data in it."""
    return _render(_MARKDOWN_ENV, clause.body, context, clause, clause.body_line)


def render_heading(clause: ClauseVersion, context: dict) -> str:
    return _render(_PLAIN_ENV, clause.meta.heading, context, clause, 2, field="heading")


def _render(env, source: str, context: dict, clause: ClauseVersion, first_line: int, field: str | None = None) -> str:
    name = f"{clause.path}"
    token = _BUDGET.set([MAX_ITERATIONS, MAX_OUTPUT])
    try:
        template = _compiled(env, source)
        if isinstance(template, str):  # no Jinja in the text: it is its own output
            return template
        return template.render(_guarded(context) if _may_change_or_loop(env, source) else context)
    except SandboxLimit as exc:
        raise _error(clause, str(exc), first_line, _template_line(exc, name), field,
                     hint="Förenkla klausultexten; den ska fylla i uppgifter, inte räkna.") from None
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
    except ZeroDivisionError as exc:
        raise _error(clause, "Klausultexten delar med noll.", first_line, _template_line(exc, name), field) from None
    except (ArithmeticError, RecursionError, MemoryError) as exc:
        raise _error(clause, "Klausultexten räknar ut ett tal eller en text som är för stor.", first_line,
                     _template_line(exc, name), field) from None
    except (TemplateError, TypeError, ValueError, AttributeError, LookupError) as exc:
        line = _template_line(exc, name)
        figure = _figure_said(exc, context)
        raise _error(clause, f"Klausultexten kan inte fyllas i ({exc}).", first_line, line, field,
                     hint=f"Rätta {figure} i specen." if figure else None) from None
    finally:
        _BUDGET.reset(token)


_JINJA = ("{{", "{%", "{#")


@lru_cache(maxsize=2048)
def _compiled(env: SandboxedEnvironment, source: str):
    """A clause text compiled once per process, and kept compiled between runs in Jinja's bytecode
    cache (by the text's sha256): every build fills the same library texts, and compiling is most of
    the cost. Templates are immutable, so specs can share one. A text with no Jinja in it (most
    headings, a fifth of the bodies) is returned as it is: Jinja would print it unchanged."""
    if "\r" not in source and not any(start in source for start in _JINJA):
        return source
    loader: _ByDigest = env.loader  # type: ignore[assignment]
    name = loader.name(source)
    try:
        return env.get_template(name)
    finally:
        loader.sources.pop(name, None)  # compiled: the text is not needed again


# What lets a template change its data or loop: a call (a method such as append, a macro, a
# function) needs "(", a loop "for"; the other statements that reach further are refused by name too.
_REACHING = {"for", "macro", "call", "include", "import", "extends", "from", "recursive", "do"}


@lru_cache(maxsize=2048)
def _may_change_or_loop(env: SandboxedEnvironment, source: str) -> bool:
    """Whether a render needs its own counted copy of the data (_guarded). A text that only prints
    values and filters them without arguments ({{ partner.name }}, {{ budget.total | kronor }}, most
    clauses) can neither change the data nor loop over it, so it reads the data as given: the same
    output and the same reads noted, without copying the whole spec for every clause. Decided by
    Jinja's own lexer, so a "(" in a string or in the prose around the tags counts as what it is.
    Asked only of a text that compiled (a syntax error is raised before). Lexing is most of a first
    render's cost, so the verdict is kept between runs (drafter.parse_cache) by the text's bytes, the
    environment's kind and Jinja's version."""
    import jinja2

    from drafter.parse_cache import kept

    loader: _ByDigest = env.loader  # type: ignore[assignment]
    key = f"{loader.kind}\0{jinja2.__version__}\0{source}".encode("utf-8", "surrogatepass")
    return kept("jinja-reach", key, lambda: _lexed_reach(env, source), lambda value: isinstance(value, bool))


def _lexed_reach(env: SandboxedEnvironment, source: str) -> bool:
    try:
        return any((kind == "operator" and value == "(") or (kind == "name" and value in _REACHING)
                   for _, kind, value in env.lex(source))
    except TemplateSyntaxError:  # not reached: _compiled has parsed the text before
        return True


def _error(clause, message, first_line, line, field, hint=None) -> DrafterError:
    file_line = first_line + line - 1 if line else first_line
    return DrafterError(message, Where(str(clause.path), file_line, None, field), hint)


def _figure_said(exc: Exception, context: dict) -> str | None:
    """The spec's figure whose value a filter could not read ("'31 mars' är ingen dag och månad"), as
    figures.KEY: the official fixes the spec, not the clause the message points at."""
    said = re.match(r"'(.+?)' är ", str(exc))
    figures = context.get("figures")
    if not said or not isinstance(figures, Mapping):
        return None
    keys = [k for k, v in figures.items() if str(v) == said.group(1)]
    return ", ".join(f"figures.{k}" for k in keys) or None


def _template_line(exc: Exception, name: str) -> int | None:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == "<template>":
            return frame.lineno
    return None


def _undefined_name(message: str) -> str:
    found = re.search(r"'([^']+)' is undefined", message) or re.search(r"has no attribute '([^']+)'", message)
    return f"'{found.group(1)}'" if found else f"({message})"
