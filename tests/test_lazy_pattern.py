"""A lazy pattern is re.compile's pattern, compiled at its first use."""

import importlib
import re

from drafter.lazy_pattern import LazyPattern, lazy

TEXT = "Ersättningen är 600 000 kr per år.\nFör Socialnämnden: 2 000 kr/månad, högst 3 000 kr."


def test_every_method_gives_what_the_compiled_pattern_gives():
    for source, flags in [(r"(?P<n>\d[\d ]*) kr", 0), (r"^för \w+", re.IGNORECASE | re.MULTILINE), (r"\s+", 0)]:
        later, now = lazy(source, flags), re.compile(source, flags)
        assert [m.span() for m in later.finditer(TEXT)] == [m.span() for m in now.finditer(TEXT)]
        assert later.findall(TEXT) == now.findall(TEXT)
        assert later.split(TEXT) == now.split(TEXT)
        assert later.sub("#", TEXT) == now.sub("#", TEXT) and later.sub(lambda m: "", TEXT, 1) == now.sub("", TEXT, 1)
        for method in ("search", "match", "fullmatch"):
            a, b = getattr(later, method)(TEXT, 1), getattr(now, method)(TEXT, 1)
            assert (a and a.span()) == (b and b.span())
        assert (later.pattern, later.flags) == (now.pattern, now.flags)


def test_a_pattern_is_compiled_at_its_first_use_only():
    pattern = lazy(r"\bkr\b")
    assert pattern._compiled is None
    assert pattern.search(TEXT) is not None
    assert pattern.compiled is pattern.compiled


def test_every_lazy_pattern_in_drafter_compiles():
    """A lazy pattern that does not compile would fail only when a text first asks for it: each is
    compiled here instead."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "drafter"
    names = sorted(".".join(p.relative_to(root.parent).with_suffix("").parts) for p in root.rglob("*.py")
                   if "lazy(" in p.read_text(encoding="utf-8") and p.name != "lazy_pattern.py")
    assert len(names) >= 10
    for name in names:
        lazies = [v for v in vars(importlib.import_module(name)).values() if isinstance(v, LazyPattern)]
        assert lazies, name
        assert all(isinstance(v.compiled, re.Pattern) for v in lazies)
