"""representatives: how many representatives each party appoints is said the same way everywhere.

Reads sentences like "De idéburna organisationerna utser varsin representant och socialförvaltningen
utser högst två representanter i respektive forum" and "Styrgruppen består av tre personer från
föreningen och två från förvaltningen" in every document of the spec, and compares what each party is
said to appoint, per forum (styrgrupp, samverkansgrupp, or every forum).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding, document_label

_NUMBERS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
            "tio": 10, "elva": 11, "tolv": 12, "varsin": 1, "var sin": 1, "varsina": None}
_COUNT = (r"(?P<bound>högst|minst|upp till|maximalt|max|som mest)?\s*"
          r"(?P<n>var sin|varsina|varsin|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d+)")
APPOINTS = re.compile(
    rf"(?P<subject>[^.;:\n]*?)\b(?:utser|utse|ska utse|har)\s+(?:(?P<inverted>[^.;:\n]*?)\s+)??{_COUNT}\s+"
    r"(?:representant(?:er)?|ledam(?:ot|öter)|företrädare)",
    re.IGNORECASE)
_NOUN = re.compile(r"representant|ledam(?:ot|öter)|företrädare|består av|utgörs av|ingår", re.IGNORECASE)
# "Styrgruppen består av tre personer från föreningen och två från förvaltningen"
CONSISTS = re.compile(r"(?P<forum>[^.;:\n]*?)\b(?:består\s+av|utgörs\s+av|ingår)\s+(?P<rest>[^.;:\n]*)", re.IGNORECASE)
_WHO = (r"(?:personer|person|representanter|representant|ledamöter|ledamot|företrädare)")
_FROM = re.compile(
    rf"(?<![\wåäö]){_COUNT}\s+(?:{_WHO}\s+)?(?:från|för|ur)\s+(?P<who>.+?)"
    rf"(?=\s*(?:,|\boch\b|\bsamt\b)\s*(?:högst\s+|minst\s+)?(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva"
    r"|tolv|\d+)\b|\s*,|$)",
    re.IGNORECASE)
_SPLIT = re.compile(r",|\boch\b|\bsamt\b|\bmedan\b", re.IGNORECASE)
_BOUND = {"högst": "högst", "upp till": "högst", "maximalt": "högst", "max": "högst", "som mest": "högst",
          "minst": "minst", None: ""}


@dataclass
class Statement:
    party: int
    forum: str  # "styrgrupp", "samverkansgrupp" or "alla"
    amount: tuple[str, int | None]
    text: str
    place: str
    document: str

    def said(self) -> str:
        bound, n = self.amount
        return f"{bound + ' ' if bound else ''}{n}"


def _parties_named(subject: str, parties) -> list[int]:
    s = subject.casefold()
    named = [i for i, p in enumerate(parties) if p.name.casefold() in s
             or (p.committee and p.committee.casefold() in s)]
    if named:
        return named
    if re.search(r"idéburna|föreningarna|organisationerna", s):
        return [i for i, p in enumerate(parties) if p.sector == "idéburen"]
    if re.search(r"\bföreningen\b", s):
        partners = [i for i, p in enumerate(parties) if p.sector == "idéburen"]
        return partners if len(partners) == 1 else []
    if re.search(r"förvaltningen|nämnden|kommunen|staden|offentliga", s):
        return [i for i, p in enumerate(parties) if p.sector == "offentlig"]
    if re.search(r"varje part|parterna|vardera part|respektive part", s):
        return list(range(len(parties)))
    return []


def _forum(text: str) -> str:
    styr, samverkan = re.search(r"styrgrupp", text, re.I), re.search(r"samverkansgrupp", text, re.I)
    if styr and not samverkan:
        return "styrgrupp"
    if samverkan and not styr:
        return "samverkansgrupp"
    return "alla"


def _sentence_from(text: str, start: int) -> str:
    stops = [i for i in (text.find(".", start), text.find("\n", start)) if i >= 0]
    return text[start:min(stops) if stops else len(text)]


_STOP = re.compile(r"[.;:\n]")


def _clause_matches(pattern: re.Pattern, text: str):
    """`pattern.finditer(text)` for a pattern that opens with a lazy `[^.;:\n]*?` (APPOINTS, CONSISTS).

    Why: finditer tries every start position, and from each the lazy opening scans to the end of the
    sentence — quadratic in a sentence's length. A match from any position in a stretch without . ; :
    or a line break implies one from the stretch's first position (the opening takes in the extra
    characters), so one attempt per stretch finds exactly the matches finditer finds."""
    pos, end = 0, len(text)
    while pos <= end:
        m = pattern.match(text, pos)
        if m:
            yield m
            pos = m.end() if m.end() > pos else pos + 1
            continue
        stop = _STOP.search(text, pos)
        if stop is None:
            return
        pos = stop.end()


def statements(ctx: CheckContext) -> list[Statement]:
    parties = ctx.spec.parties
    found = []
    for piece in ctx.pieces:
        for who, amount, forum, said in _said_in(piece.text):
            for i in _parties_named(who, parties):
                found.append(Statement(i, forum, amount, said, piece.clause or piece.fallback, piece.document))
    return found


Said = tuple[str, tuple[str, int | None], str, str]  # who (as the text names them), amount, forum, the words


@lru_cache(maxsize=1024)
def _said_in(text: str) -> tuple[Said, ...]:
    """What a text says each party (still as named there) appoints, in text order: remembered per text,
    since every spec of a batch and every edit in the web page holds the same clause texts; the parties
    are matched per spec (_parties_named)."""
    if not _NOUN.search(text):  # APPOINTS is slow on long texts; it needs one of these words
        return ()
    found: list[Said] = []
    for m in _clause_matches(APPOINTS, text):
        # "Föreningen utser en representant", or inverted: "I styrgruppen utser föreningen en representant"
        subject = m.group("inverted") or _SPLIT.split(m.group("subject"))[-1]
        found.append((subject, _amount(m), _forum(_sentence_from(text, m.start())), m.group(0).strip()))
    return tuple(found + _consisting(text))


def _amount(m: re.Match) -> tuple[str, int | None]:
    n_word = m.group("n").lower()
    n = int(n_word) if n_word.isdigit() else _NUMBERS.get(n_word)
    return _BOUND.get((m.group("bound") or "").lower() or None, ""), n


def _consisting(text: str) -> list[Said]:
    """What a forum is said to consist of, party by party ("tre personer från föreningen")."""
    found: list[Said] = []
    for m in _clause_matches(CONSISTS, text):
        forum = _forum(m.group("forum"))
        if forum == "alla" and not re.search(r"grupp|forum", m.group("forum"), re.I):
            continue  # "Partnerskapet består av …": not a forum's members
        for part in _FROM.finditer(m.group("rest")):
            found.append((part.group("who"), _amount(part), forum, part.group(0).strip()))
    return found


def _compatible(a: tuple[str, int | None], b: tuple[str, int | None]) -> bool:
    """The same count, or an exact count within a bound ("två" and "högst två")."""
    if a == b:
        return True
    (bound_a, n_a), (bound_b, n_b) = a, b
    if n_a is None or n_b is None or (bound_a and bound_b):
        return False
    exact, bound, limit = (n_a, bound_b, n_b) if not bound_a else (n_b, bound_a, n_a)
    return exact <= limit if bound == "högst" else exact >= limit


def check_representatives(ctx: CheckContext):
    seen: list[Statement] = []
    reported = set()
    parties = ctx.spec.parties
    for s in statements(ctx):
        for earlier in seen:
            if earlier.party != s.party or _compatible(earlier.amount, s.amount):
                continue
            if "alla" not in (earlier.forum, s.forum) and earlier.forum != s.forum:
                continue
            key = (s.party, frozenset((earlier.amount, s.amount)))
            if key in reported:
                continue
            reported.add(key)
            name = parties[s.party].name
            yield Finding("representatives", "error",
                          f"Antalet representanter för {name} anges olika: {earlier.said()} i \"{earlier.text}\" "
                          f"({earlier.place}, {document_label(earlier.document)}) men {s.said()} i \"{s.text}\".",
                          s.place, s.document)
        seen.append(s)


CHECKS = [check_representatives]
