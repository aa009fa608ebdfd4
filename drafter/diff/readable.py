"""A clause's source as a reader compares it: each template tag a readable stand-in, its markers gone.

A jurist comparing two versions reads words, not Jinja: `{{ period.start | datum }}` is shown as
«period.start | datum», `{%- if period.renewal %}` as «om period.renewal», `{{ ref("villkor/uppsagning") }}`
as «hänvisning till villkor/uppsagning», and a `{# comment #}` or `{% set %}` not at all; complex
expressions are said in Swedish from Jinja's parse tree (drafter/diff/spoken.py). The whitespace markers
(`{%-`, `-%}`, `{{-`) only steer spaces and line breaks in the built document, so two versions that
differ only in them read the same (`differs_only_in_code`). The approved text is still the source
(its sha256 is what approvals.lock holds); `drafter clauses diff --källtext` compares that.
"""

from __future__ import annotations

import re

from drafter.diff import spoken

_TAG = re.compile(r"\{\{(?P<expr>.*?)\}\}|\{%(?P<stmt>.*?)%\}|\{#.*?#\}", re.S)
_LITERAL = re.compile(r"""(["'])([^"']*)\1""")
_REF = re.compile(r"""^ref\(\s*(["'])(?P<id>[^"']+)\1\s*\)(?P<rest>.*)$""", re.S)
_WORDS = {"not": "inte", "and": "och", "or": "eller", "in": "i", "is": "är", "true": "sant", "false": "falskt",
          "True": "sant", "False": "falskt", "none": "inget", "None": "inget", "defined": "angiven"}
_WORD = re.compile(r"""("[^"]*"|'[^']*')|\b(not|and|or|in|is|true|false|True|False|none|None|defined)\b""")
_STATEMENT = {"if": "om", "elif": "annars om", "for": "för varje", "set": "sätt"}
_END = {"else": "annars", "endif": "slut på om", "endfor": "slut på för varje"}


def readable(source: str) -> str:
    """`source` with every template tag replaced by «its stand-in», and comments removed."""
    return _TAG.sub(_stand_in, source)


def differs_only_in_code(old: str, new: str) -> bool:
    """The sources differ, yet read the same: only whitespace markers, comments or spacing inside tags changed."""
    return old != new and readable(old) == readable(new)


def _stand_in(match: re.Match) -> str:
    if match.group("expr") is not None:
        expression = _inner(match.group("expr"))
        literal = _LITERAL.fullmatch(expression)
        if literal:  # {{ "{" }}, as drafter import writes a brace: the text itself
            return literal.group(2)
        return f"«{_expression(expression)}»"
    if match.group("stmt") is not None:
        said = _statement(_inner(match.group("stmt")))
        return f"«{said}»" if said else ""  # a set statement: how the template names a value, not read
    return ""  # a {# comment #}: not read


def _inner(text: str) -> str:
    """The tag's content without its whitespace markers (- or +) and with its spacing made single."""
    text = text.strip()
    text = text[1:] if text[:1] in "-+" else text
    text = text[:-1] if text[-1:] in "-+" else text
    return _PIPE.sub(" | ", " ".join(text.split()))  # x|datum reads as x | datum


_PIPE = re.compile(r"\s*\|\s*")


def _expression(text: str) -> str:
    said = spoken.expression(text)
    if said is not None:
        return said
    ref = _REF.match(text)
    if ref:
        return f"hänvisning till {ref.group('id')}" + (ref.group("rest").strip() and f" {ref.group('rest').strip()}")
    return text


def _statement(text: str) -> str:
    keyword, _, rest = text.partition(" ")
    if keyword in ("set", "endset"):
        return ""
    if keyword in _END and not rest:
        return _END[keyword]
    if keyword in ("if", "elif"):
        return f"{_STATEMENT[keyword]} {spoken.expression(rest, condition=True) or _words(rest)}"
    if keyword == "for":
        return f"{_STATEMENT[keyword]} {spoken.loop_head(rest) or _words(rest)}"
    if keyword in _STATEMENT:
        return f"{_STATEMENT[keyword]} {_words(rest)}"
    return text


def _words(condition: str) -> str:
    """`not x and y` as «inte x och y»: the operators in Swedish, quoted strings and names as written."""
    return _WORD.sub(lambda m: m.group(1) or _WORDS[m.group(2)], condition)
