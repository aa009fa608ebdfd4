"""Spelling with hunspell's Swedish dictionary (Debian's hunspell-sv), through the `hunspell` program.

Why the program and not a binding: measured on the two seed documents (4 100 words, 1 121 distinct),
`hunspell -l` takes 65 ms a call, dictionary loading included; the pyhunspell binding 40 ms to load and
7 ms to check, but needs a C compiler and libhunspell-dev when pip installs drafter (its last release is
from 2018); the pure-Python spylls 1 400 ms to load and 600 ms to check. Both native paths fit the web
page's 200 ms budget; the program needs nothing at install time and comes from the same Debian package
as the dictionary. A word judged once is remembered, so checking a changed text again sends only its
new words. No suggestions are asked for: hunspell spends 30–50 ms on each, and for Swedish compounds
they rarely help.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.language.text import words

DATA = Path(__file__).parent / "data"
DICTIONARY = "sv_SE"
_HUNSPELL_ARGS = ["-d", DICTIONARY, "-l", "-i", "utf-8"]  # how hunspell is asked (and its verdicts named)


# hunspell's verdict on each word asked about in this process: the dictionary does not change while it runs.
_JUDGED: dict[str, bool] = {}
_STORED: list = []  # [the verdict file of this hunspell and dictionary, or None], once read
VERDICTS_LIMIT = 200_000  # words kept in the verdict file


class SpellingUnavailable(Exception):
    """hunspell or its Swedish dictionary is not installed."""


@lru_cache(maxsize=1)
def project_words() -> frozenset[str]:
    """The project's word list (drafter/language/data/projektord.txt): names and terms hunspell lacks."""
    return frozenset(read_words(DATA / "projektord.txt"))


def read_words(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out += words(line)
    return out


@dataclass
class Speller:
    """Which words hunspell does not know; `known` words (names, project terms) are never asked about."""

    known: set[str] = field(default_factory=set)

    def __post_init__(self):
        self.known = {w.lower() for w in self.known} | {w.lower() for w in project_words()}

    def is_known(self, word: str) -> bool:
        """A known word, or its genitive ("Zwqxbys" when "Zwqxby" is a name in the spec)."""
        word = word.lower()
        return word in self.known or word.endswith("s") and word[:-1] in self.known

    def unknown(self, candidates) -> set[str]:
        """The candidates (words) hunspell does not accept."""
        if not _STORED:
            _STORED.append(_verdict_file())
            _JUDGED.update({w: v for w, v in _read_verdicts(_STORED[0]).items() if w not in _JUDGED})
        ask = sorted({w for w in candidates if w not in _JUDGED})
        if ask:
            wrong = set(_hunspell_wrong(ask))
            new = {w: w not in wrong for w in ask}
            _JUDGED.update(new)
            _write_verdicts(_STORED[0], new)
        return {w for w in candidates if not _JUDGED[w]}

    def misspelled(self, text: str) -> list[str]:
        """Words of `text` that are neither in the dictionary nor known, in order, each once."""
        found = [w for w in dict.fromkeys(checkable(text)) if not self.is_known(w)]
        wrong = self.unknown(found)
        return [w for w in found if w in wrong]


@lru_cache(maxsize=256)
def checkable(text: str) -> tuple[str, ...]:
    """The words worth asking about: no abbreviations in capitals, no words with digits, no one- and
    two-letter words; each part of a hyphenated compound (IOP-överenskommelse) on its own; a
    genitive after a colon (KFUM:s) without it. Remembered per text: a spec's texts are asked about
    ahead, for the whole document and part by part. A spec brings about 25 new texts, some of them
    whole documents: 256 keep the last ten specs' (with 4096 a batch worker grew 20 MB over 120 specs,
    with 256 it stays flat). Its lines are remembered too (1024): neither a word nor an address spans a
    line break, and most lines of a spec's texts are those of the specs before it."""
    if "\n" not in text:
        return _checkable_line(text)
    return tuple(word for line in text.split("\n") for word in _checkable_line(line))


@lru_cache(maxsize=1024)
def _checkable_line(text: str) -> tuple[str, ...]:
    return tuple(part for word in words(_ADDRESS.sub(" ", text)) for part in _JOINER.split(word.split(":", 1)[0])
                 if len(part) > 2 and part.isalpha() and not part.isupper())


_JOINER = re.compile(r"[-’'.]")
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")  # web and e-mail addresses are not words


def available() -> bool:
    try:
        _dictionary()
        return True
    except SpellingUnavailable:
        return False


@lru_cache(maxsize=1)
def _dictionary() -> str:
    return _listing()[0]


_STARTED: list[subprocess.Popen] = []  # `hunspell -D` started ahead (start_listing), not yet read


def start_listing() -> None:
    """`hunspell -D` started now and read when first needed (_listing): the program starts and lists
    on the other core while drafter imports, reads and assembles the spec, instead of being waited
    for (a few milliseconds of a `check`, more on a loaded machine). Only once per process."""
    if _STARTED or _listing.cache_info().currsize:
        return
    program = shutil.which("hunspell")
    if program is None:
        return
    try:
        _STARTED.append(subprocess.Popen([program, "-D"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, text=True))
    except OSError:
        pass


@lru_cache(maxsize=1)
def _listing() -> tuple[str, str]:
    """hunspell's path and its list of dictionaries (`hunspell -D`)."""
    program = shutil.which("hunspell")
    if program is None:
        raise SpellingUnavailable("Programmet hunspell saknas (Debian: apt-get install hunspell hunspell-sv).")
    listed = _started_listing()
    if listed is None:
        done = subprocess.run([program, "-D"], input="", capture_output=True, text=True, timeout=30)
        listed = done.stdout + done.stderr
    if DICTIONARY not in listed:
        raise SpellingUnavailable("hunspells svenska ordlista saknas (Debian: apt-get install hunspell-sv).")
    return program, listed


def _started_listing() -> str | None:
    """What the `hunspell -D` that start_listing started printed; None when none was started or it failed."""
    try:
        started = _STARTED.pop()
    except IndexError:  # none started (or another thread took it)
        return None
    try:
        out, err = started.communicate(timeout=30)
    except (OSError, subprocess.SubprocessError):
        started.kill()
        started.communicate()
        return None
    return out + err


def _hunspell_wrong(candidates: list[str]) -> list[str]:
    program = _dictionary()
    result = subprocess.run([program, *_HUNSPELL_ARGS], input="\n".join(candidates) + "\n",
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    if result.returncode != 0:
        raise SpellingUnavailable(f"hunspell avslutades med kod {result.returncode}: {result.stderr.strip()[:200]}")
    return result.stdout.split()


# --- verdicts kept between runs ------------------------------------------------------------------------
# Loading the dictionary is most of a call (about 80 ms of CPU), and a verdict only changes with the
# dictionary: the verdicts are kept in a file named by hunspell's and the dictionary's files (path, size,
# time), in a folder of the user's own (mode 0700) in the temp folder, as Jinja keeps compiled templates.
# A file that cannot be read or written costs only the speed.

@lru_cache(maxsize=1)
def _verdict_file() -> Path | None:
    import hashlib
    import os

    from drafter.user_cache import folder

    try:
        program, listed = _listing()
        base = next(line.strip() for line in listed.splitlines() if line.strip().endswith(f"/{DICTIONARY}"))
        files = [program, f"{base}.aff", f"{base}.dic"]
        identity = repr([(f, os.stat(f).st_size, os.stat(f).st_mtime_ns) for f in files] + _HUNSPELL_ARGS)
    except (OSError, StopIteration, SpellingUnavailable, subprocess.SubprocessError):
        return None
    kept = folder()  # None: not a folder of our own, keep nothing
    return kept / f"hunspell-{hashlib.sha256(identity.encode()).hexdigest()[:32]}.json" if kept else None


def _read_verdicts(path: Path | None) -> dict[str, bool]:
    import json

    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {w: v for w, v in data.items() if isinstance(w, str) and isinstance(v, bool)}


def _write_verdicts(path: Path | None, new: dict[str, bool]) -> None:
    """The file's verdicts and the new ones, written whole and renamed into place (a reader never
    sees half a file; two writers at once may lose a verdict, which is asked again)."""
    import json

    from drafter.user_cache import write_whole

    if path is None:
        return
    merged = _read_verdicts(path)
    merged = new if len(merged) + len(new) > VERDICTS_LIMIT else merged | new
    write_whole(path, json.dumps(merged, ensure_ascii=False).encode("utf-8"))

