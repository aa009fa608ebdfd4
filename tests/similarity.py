"""Word-level similarity as the issue defines it: difflib over word and punctuation tokens."""

import difflib
import re
from pathlib import Path

class SeedPath(type(Path())):
    """A seed document's path: reading it skips the test, with the reason, where ../shared is missing
    (a fresh clone has no ../shared/seeds)."""

    def read_text(self, *args, **kwargs):
        if not self.is_file():
            import pytest

            pytest.skip(f"{self} finns inte (de verkliga dokumenten i ../shared/seeds saknas i den här kopian)")
        return super().read_text(*args, **kwargs)


SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
AGREEMENT_2026 = SeedPath(SEEDS / "000_11af81c8c834ed2e.txt")
PROPOSAL_2023 = SeedPath(SEEDS / "001_8b0d3a00a9c76ced.txt")

_MARKUP = re.compile(r"\uf0b7|</?b>|\*\*|\*|^#+\s*|^\s*- |^\|?[-| ]+\|?$|^-{3,}$|\|", re.MULTILINE)
_TOKEN = re.compile(r"\w+|[^\w\s]")


def strip_markup(text: str) -> str:
    """The seed's Markdown-ish extraction (#, **, tables, <b>) reduced to its words."""
    return _MARKUP.sub(" ", text)


# In the PDF extraction a footnote block starts after a line holding one space, with
# its number ("1 Begreppet …"), and runs until the page's text resumes on a line
# that starts with a space.
_SEED_FOOTNOTE = re.compile(r"^ \n\n?(\d+ [A-ZÅÄÖ].*?)(?=^ )", re.MULTILINE | re.DOTALL)


def seed_text(path: Path) -> str:
    """A seed's words, its footnotes moved after the body (where our readers put them)."""
    text = path.read_text(encoding="utf-8")
    notes = _SEED_FOOTNOTE.findall(text)
    body = _SEED_FOOTNOTE.sub("", text)
    return strip_markup(body + "\n" + "\n".join(notes))


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, tokens(a), tokens(b), autojunk=False).ratio()


def differences(a: str, b: str) -> list[str]:
    """Human-readable list of what differs, for failure messages and the closing note."""
    ta, tb = tokens(a), tokens(b)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op != "equal":
            out.append(f"{op}: {' '.join(ta[i1:i2])!r} -> {' '.join(tb[j1:j2])!r}")
    return out
