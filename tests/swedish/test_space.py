"""SPACE, the spaces a Swedish text puts between words, amounts and dates, is written as two
alternatives only because that compiles faster: it matches exactly what the class [ \\u00a0\\u202f]
matched, alone and inside every pattern of drafter that uses it."""

import importlib
import random
import re
from pathlib import Path

from drafter.lazy_pattern import LazyPattern
from drafter.swedish.parse import SPACE

CLASS = "[ \u00a0\u202f]"
ROOT = Path(__file__).resolve().parents[2]
# Every module that builds a regex from SPACE (directly or through drafter.checks.swedish).
MODULES = ["drafter.swedish.parse", "drafter.checks.period_text", "drafter.checks.prose_data",
           "drafter.checks.proposal_text", "drafter.checks.prose_signing", "drafter.checks.parties",
           "drafter.checks.stale_year", "drafter.checks.representatives", "drafter.checks.budget"]


def test_space_matches_the_three_spaces_and_nothing_else():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert re.findall(SPACE, every) == [" ", "\u00a0", "\u202f"]
    assert re.findall(f"{SPACE}+", "a \u00a0\u202f b\tc\u2009d\u00a0e") == [" \u00a0\u202f ", "\u00a0"]


def test_space_is_not_merged_back_into_a_class():
    """The point of writing it so: no 64 KiB bitmap (BIGCHARSET) in the compiled pattern."""
    from re import _parser  # type: ignore[attr-defined]

    assert "IN" in str(_parser.parse(CLASS)) and "BRANCH" in str(_parser.parse(SPACE))


def _patterns() -> list[re.Pattern]:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        found += [v.compiled if isinstance(v, LazyPattern) else v for v in vars(module).values()
                  if isinstance(v, (re.Pattern, LazyPattern)) and SPACE in v.pattern]
    return found


def _texts() -> list[str]:
    """The clause library and the example specs, and each again with its spaces turned into no-break
    and narrow no-break spaces at random (seeded): the texts the patterns are run on, and worse."""
    files = sorted(ROOT.glob("clauses/**/*.md")) + sorted(ROOT.glob("agreements/*.yaml"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    rng = random.Random(22)
    mixed = ["".join(rng.choice(" \u00a0\u202f") if ch == " " else ch for ch in text) for text in texts]
    lines = ["från den 1 juli 2026 till och med 31 december 2028", "1\u202f000\u00a0000 kr per\u00a0år",
             "träder i kraft den 1:a januari 2027", "som längst till och med 31\u00a0december\u202f2030",
             "Stockholm,\u202fden 3 mars 2026", "2 000 000 kr årligen", "org.\u00a0nr 802436-9758"]
    return texts + mixed + lines


def test_the_patterns_that_use_space_match_as_with_the_class():
    patterns = _patterns()
    assert len(patterns) >= 19  # the checks' date, period, amount and signing patterns
    texts = _texts()
    compared = 0
    for pattern in patterns:
        before = re.compile(pattern.pattern.replace(SPACE, CLASS), pattern.flags)
        assert SPACE not in before.pattern
        for text in texts:
            now = [(m.span(), m.groupdict(), m.groups()) for m in pattern.finditer(text)]
            assert now == [(m.span(), m.groupdict(), m.groups()) for m in before.finditer(text)], pattern.pattern
            compared += len(now)
    assert compared > 100  # the corpus gives the patterns something to match


def test_no_pattern_puts_space_inside_a_class():
    """In a class the alternatives would be characters of their own: SPACE is only ever an atom."""
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "drafter").rglob("*.py"))
    assert "[{SPACE}" not in sources and "{SPACE}]" not in sources and "^{SPACE}" not in sources
