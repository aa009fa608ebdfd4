"""Klarspråk rules on sentences: long sentences, passive without agent, the word list, agreement errors.

Each rule is meant to be precise rather than complete: a rule that cries wolf is turned off (see
docs/klarsprak.md). A rule returns `Remark`s; drafter.checks.language turns them into findings with
a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from drafter.language.text import Sentence

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Remark:
    code: str
    message: str  # a Swedish sentence, without the quoted sentence
    sentence: str  # the sentence it is about
    error: bool = False  # a language error rather than a matter of style


def quote(sentence: str, width: int = 160) -> str:
    return f"\"{sentence if len(sentence) <= width else sentence[:width - 1].rstrip() + '…'}\""


# --- long sentences -----------------------------------------------------------


def long_sentences(found: list[Sentence], limit: int) -> list[Remark]:
    return [Remark("long-sentence", f"Meningen har {len(s.words)} ord (gräns {limit}); dela den gärna i två.", s.text)
            for s in found if len(s.words) > limit]


# --- passive without agent ----------------------------------------------------

# Verbs ending in -as that are not passives (deponents and reciprocals: "ska finnas", "ska träffas").
DEPONENTS = {
    "finnas", "hoppas", "lyckas", "andas", "trivas", "synas", "minnas", "brottas", "envisas", "svettas",
    "låtsas", "åldras", "fattas", "grundas", "baseras", "präglas", "omfattas", "regleras", "styras", "anses",
    "betraktas", "räknas", "avses", "skämmas", "vistas", "umgås", "samsas", "slåss", "träffas", "ses",
    "mötas", "enas", "kännas", "märkas", "avlidas", "tyckas",
    "nås", "hörs", "höras", "kräkas", "rymmas", "tvistas", "grälas", "kramas", "pratas", "talas",
}
_PASSIVE = re.compile(
    r"\b(?P<modal>ska|skall|måste)\s+(?:(?:också|även|alltid|dock|därför|sedan|inte|årligen|löpande|skriftligen)\s+)*"
    r"(?P<verb>[a-zåäö]{4,}(?:as|ås))\b", re.IGNORECASE)
# "av" + a word after the verb names the agent ("ska beslutas av behöriga företrädare", "ska avgöras av allmän
# domstol"); "på grund av" does not.
_AGENT = re.compile(r"(?<!grund )\bav\s+\w")


def passive_without_agent(found: list[Sentence]) -> list[Remark]:
    """"ska registreras" with no "av …" in the sentence: who is to do it?"""
    out = []
    for s in found:
        if "följande lydelse" in s.text:
            continue  # the fixed formula of an amendment: "En ny punkt ska införas med följande lydelse:"
        for m in _PASSIVE.finditer(s.text):
            verb = m.group("verb").lower()
            if verb in DEPONENTS or _AGENT.search(s.text, m.end()):
                continue
            out.append(Remark("passive-no-agent",
                              f"\"{m.group(0)}\" säger inte vem som ska göra det; skriv ut vem "
                              f"(t.ex. \"Föreningen ska …\").", s.text))
            break
    return out


# --- the word list ------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    pattern: re.Pattern
    write: str
    why: str
    source: str
    error: bool


def read_word_list(path: Path) -> list[Entry]:
    """Entries of a word list file (drafter/language/data/ordlista.yaml, or a project's own)."""
    entries = []
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when there: the same data, ~8× faster
    for item in yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []:  # noqa: S506 (a safe loader)
        entries.append(entry(item))
    return entries


def entry(item: dict) -> Entry:
    if "uttryck" in item:
        pattern = re.compile(item["uttryck"], re.IGNORECASE)
    else:
        forms = "|".join(re.escape(str(w)).replace("\\ ", r"\s+") for w in item["ord"])
        pattern = re.compile(rf"(?<![\w:-])(?:{forms})(?![\w:-])", re.IGNORECASE)
    return Entry(pattern, str(item["skriv"]), str(item.get("varför", "")), str(item.get("källa", "")),
                 bool(item.get("fel", False)))


@lru_cache(maxsize=1)
def standard_word_list() -> tuple[Entry, ...]:
    return tuple(read_word_list(DATA / "ordlista.yaml"))


def plain_words(found: list[Sentence], entries) -> list[Remark]:
    """One remark per entry and text (at its first sentence), saying how often it stands there."""
    return plain_word_remarks(word_hits(found, entries), entries)


# What the word list finds in some sentences: per entry that stands there (its index in the list), the
# first sentence's text, the first match and how often it stands. The hits of a text's lines add up to
# the text's: the first line's first, the counts summed (drafter.language.review keeps them per line).
WordHits = tuple[tuple[int, str, str, int], ...]


def word_hits(found: list[Sentence], entries) -> WordHits:
    out = []
    whole = "\n".join(s.text for s in found)
    for index, e in enumerate(entries):
        if not e.pattern.search(whole):
            continue
        hits = [(s, m) for s in found for m in e.pattern.finditer(s.text)]
        if hits:
            out.append((index, hits[0][0].text, hits[0][1].group(0), len(hits)))
    return tuple(out)


def sees_no_line_break(pattern: re.Pattern) -> bool:
    """Whether every match the pattern finds in a sentence alone it also finds in the sentence with text
    around it, after and before a line break (as the word list's first search over a part's sentences
    joined). More text around can only make a match fail where the pattern asks what is *not* there: an
    anchor (^ $ \\A \\Z), a negative look-around that a line break could satisfy, or a group that
    will not give back what it took (atomic, possessive). Checked on the pattern's source, erring
    towards no; a no makes the review search the whole part, as it always did."""
    if pattern.flags & (re.MULTILINE | re.DOTALL | re.VERBOSE):
        return False
    source = pattern.pattern
    if any(mark in source for mark in ("(?>", "*+", "++", "?+", "}+", "(?(", "(?#")):
        return False
    negative: list[int] = []  # open groups: 1 for a negative look-around, 0 for another group
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            escaped = source[i + 1:i + 2]
            if escaped in ("", "A", "Z"):
                return False
            if any(negative) and escaped not in ("w", "d", "b", "B") and not _literal(escaped):
                return False  # \s, \W, \n … could be the line break the look-around asks about
            i += 2
            continue
        if char in "^$":
            return False
        if char == "(":
            negative.append(1 if source.startswith(("(?!", "(?<!"), i) else 0)
        elif char == ")" and negative:
            negative.pop()
        elif char == "[":
            end = _class_end(source, i)
            if end < 0 or (any(negative) and not _class_without_line_break(source[i + 1:end])):
                return False
            i = end + 1
            continue
        elif any(negative) and (char == "." or char in _LINE_BREAKS):
            return False
        i += 1
    return True


_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _literal(escaped: str) -> bool:
    """An escaped punctuation mark (\\. \\- \\( …): the character itself, never a line break."""
    return not escaped.isalnum()


def _class_end(source: str, start: int) -> int:
    """The index of the "]" closing the character class that opens at `start`; -1 when none does."""
    i = start + 1
    if source[i:i + 1] == "^":
        i += 1
    if source[i:i + 1] == "]":
        i += 1
    while i < len(source):
        if source[i] == "\\":
            i += 2
            continue
        if source[i] == "]":
            return i
        i += 1
    return -1


def _class_without_line_break(body: str) -> bool:
    """A character class that cannot match a line break: not negated, only \\w, \\d, characters and
    escaped punctuation in it, and no range (a-ö) that spans a line break."""
    if body.startswith("^"):
        return False
    items: list[str | None] = []  # each member: its character, or None for \w and \d
    i = 0
    while i < len(body):
        if body[i] == "\\":
            escaped = body[i + 1:i + 2]
            if escaped not in ("w", "d") and not _literal(escaped):
                return False
            items.append(None if escaped in ("w", "d") else escaped)
            i += 2
            continue
        items.append(body[i])
        i += 1
    for n, item in enumerate(items):
        if item is not None and item in _LINE_BREAKS:
            return False
        if item == "-" and 0 < n < len(items) - 1:  # a range, when both ends are characters
            low, high = items[n - 1], items[n + 1]
            if low is None or high is None or any(low <= c <= high for c in _LINE_BREAKS):
                return False
    return True


def plain_word_remarks(hits: WordHits, entries) -> list[Remark]:
    out = []
    for index, sentence, match, count in hits:
        e = entries[index]
        what = "Språkfel" if e.error else "Klarspråk"
        times = f" ({count} gånger i avsnittet)" if count > 1 else ""
        out.append(Remark("plain-word", f"{what}: skriv \"{e.write}\" i stället för \"{match.strip()}\"{times} "
                          f"({e.why}; {e.source}).", sentence, e.error))
    return out


# --- agreement ----------------------------------------------------------------

_PLURAL = r"(?:sina|dessa|våra|era|deras|alla|samtliga|flera|många|några|olika|båda|bägge|två|tre|fyra|fem)"
# Neuter nouns in -ande/-ende whose plural adds -n (ett åtagande, två åtaganden).
_ANDE_NOUNS = ("åtagande", "meddelande", "yttrande", "förhållande", "ärende", "beteende", "påstående", "uttalande",
               "utlåtande", "betänkande", "erbjudande", "antagande", "sammanträde", "tillkännagivande",
               "förordnande", "beslutsunderlag", "uppdrag", "samarbete", "avtal", "fördrag")
_ANDE = "|".join(a for a in _ANDE_NOUNS if a.endswith(("ande", "ende", "ädde", "träde")))
_FUNCTION_WORD = r"(?=\s*(?:[.,;:!?)]|$|\s(?:och|eller|samt|i|på|för|till|enligt|som|inom|med|mot|av|om|under|vid|ska|är)\b))"
AGREEMENT = [
    (re.compile(rf"\b{_PLURAL}\s+(?P<w>(?:[a-zåäö]+-?)?(?:{_ANDE})){_FUNCTION_WORD}", re.IGNORECASE),
     "efter \"{first}\" ska substantivet stå i plural: \"{w}n\""),
    (re.compile(rf"\b{_PLURAL}\s+(?P<w>[a-zåäö]{{3,}}(?:het|else|ning|tion)){_FUNCTION_WORD}", re.IGNORECASE),
     "efter \"{first}\" ska substantivet stå i plural, inte \"{w}\""),
    (re.compile(r"\bett\s+(?P<w>annan|sådan|egen|ny|stor|liten|viss)\s+[a-zåäö]"),
     "\"ett\" och \"{w}\" har olika genus (t.ex. \"ett annat\", \"ett sådant\", \"ett eget\")"),
    (re.compile(r"\ben\s+(?P<w>annat|sådant|eget|nytt|stort|litet|visst)\s+[a-zåäö]+(?:ing|het|else|ion)\b"),
     "\"en\" och \"{w}\" har olika genus (t.ex. \"en annan\", \"en sådan\", \"en egen\")"),
    (re.compile(r"(?<![\w:-])(?P<w>[A-ZÅÄÖ]{2,}s)(?![\w:-])"),
     "genitiv efter en förkortning skrivs med kolon: \"{colon}\""),
]


def agreement(found: list[Sentence]) -> list[Remark]:
    out = []
    for s in found:
        for pattern, message in AGREEMENT:
            for m in pattern.finditer(s.text):
                w = m.group("w")
                if pattern is AGREEMENT[4][0] and w[:-1].isupper() and w.isupper():
                    continue  # "IOPS" in capitals is a word of its own, not a genitive
                text = message.format(first=m.group(0).split()[0].lower(), w=w, colon=f"{w[:-1]}:s")
                out.append(Remark("agreement-error", f"Språkfel: {text}.", s.text, True))
    return out
