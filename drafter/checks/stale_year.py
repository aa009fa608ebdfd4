"""stale-year: a renewed agreement that still states last period's figures and seasons as current.

The texts of a partnership carry facts of their time ("från ca 40 besökare per månad under 2023 till
ca 140 under 2025", "våren 2026 är det 160 brukare"). Copied into the renewal they read as today's.
Precision over recall: a year is stale only where it is typed by hand (in a clause's source or the
spec's texts, never a computed value) and dates a figure, or is a season before the period; "sedan
2023" and other history are left alone.
"""

from __future__ import annotations

import datetime as dt
import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.formatting import datum

_EXPRESSION = re.compile(r"{{.*?}}|{%.*?%}", re.S)
_FIGURE = re.compile(r"{{\s*figures\.\w+")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])")
_HISTORY = re.compile(r"\b(sedan|från och med|fr\.o\.m\.|grundades|startade|bildades|permanentades)\s+(år\s+)?$",
                      re.IGNORECASE)
_SEASON = re.compile(r"\b(våren|hösten|sommaren|vintern)\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_KEY_YEAR = re.compile(r"_((?:19|20)\d{2})$")
_QUOTED_FIGURE, _OTHER = "\ue010", "\ue011"  # stand-ins for a quoted figure and any other expression


def check_stale_years(ctx: CheckContext):
    spec = ctx.spec
    start = spec.period.start.year
    renewed_start = _renewed_start(ctx) if spec.renews else None
    before = renewed_start.year if renewed_start else None
    for clause_ref, source in _sources(ctx):
        # Expressions hold dots ("figures.x"): mark them before the text is cut into sentences.
        marked = _EXPRESSION.sub(lambda m: _QUOTED_FIGURE if _FIGURE.match(m.group(0)) else _OTHER, source)
        for sentence in _SENTENCE.findall(marked):
            shown = " ".join(sentence.replace(_QUOTED_FIGURE, "…").replace(_OTHER, "…").split()).rstrip(".")
            if before is not None and _QUOTED_FIGURE in sentence:
                literal = sentence.replace(_QUOTED_FIGURE, " ").replace(_OTHER, " ")
                old = [m.group(1) for m in _YEAR.finditer(literal)
                       if int(m.group(1)) < before and not _HISTORY.search(literal[:m.start()])]
                if old:
                    yield Finding("stale-year", "warning",
                                  f"Texten anger siffror för {', '.join(dict.fromkeys(old))}, före {before} då den "
                                  f"överenskommelse som nu förnyas började: \"{shown}\". Uppdatera siffrorna och årtalen "
                                  "för den nya perioden.", clause_ref)
            for m in _SEASON.finditer(sentence.replace(_QUOTED_FIGURE, " ").replace(_OTHER, " ")):
                if int(m.group(2)) < start - 1:
                    yield Finding("stale-year", "warning",
                                  f"\"{m.group(0)}\" ligger mer än ett år före periodens start ({start}): \"{shown}\".",
                                  clause_ref)
    for key, value in spec.figures.items():
        where = ctx.where("figures", key)
        season = _SEASON.search(str(value))
        if season and int(season.group(2)) < start - 1:
            yield Finding("stale-year", "warning",
                          f"Uppgiften {key} gäller \"{season.group(0)}\", mer än ett år före periodens start ({start}). "
                          "Ange en tidpunkt för den nya perioden.", where)
        if renewed_start is not None and isinstance(value, dt.date) and value < renewed_start:
            yield Finding("stale-year", "warning",
                          f"Uppgiften {key} är {datum(value)}, före {datum(renewed_start)} då den överenskommelse som "
                          "nu förnyas började, och hör till en tidigare period. Ange datumet för den nya perioden.",
                          where)
        keyed = _KEY_YEAR.search(key)
        if before is not None and keyed and int(keyed.group(1)) < before:
            yield Finding("stale-year", "warning",
                          f"Uppgiften {key} avser {keyed.group(1)}, före {before} då den överenskommelse som nu "
                          "förnyas började. Ge den nya perioden egna siffror.", where)


def _sources(ctx: CheckContext):
    """(clause@version or spec line, source text) of what the partnership typed itself: its own clauses
    (with `partnership:`) and the spec's texts."""
    seen: set[str] = set()
    for doc in ctx.documents:
        for section in doc.walk_sections():
            clause = section.clause
            if not clause:
                continue
            ref = f"{clause.id}@{clause.version}"
            if ref in seen:
                continue
            seen.add(ref)
            version = ctx.library.get(ref)
            if version.meta.partnership:
                yield ref, version.body
    for key, text in ctx.spec.texts.items():
        yield ctx.where("texts", key), text


def _renewed_start(ctx: CheckContext) -> dt.date | None:
    from drafter.errors import DrafterError
    from drafter.spec.renewed import load_renewed

    try:
        return load_renewed(ctx.loaded).spec.period.start
    except DrafterError:
        return None  # period-continuity says why the renewed spec cannot be read


CHECKS = [check_stale_years]
