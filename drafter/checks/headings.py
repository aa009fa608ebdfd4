"""heading-content: each topic a heading lists occurs in the text under it ("Sekretess, tystnadsplikt och
orosanmälan" over a text that never speaks of orosanmälan promises what the agreement does not say).

Only headings that list two or more topics are read, and only when the text speaks of at least one of
them: a heading of one word ("Bakgrund", "Målgrupp") names its section and need not be repeated.

Swedish writes one thing many ways, so a key word counts as mentioned when the text has its stem
anywhere, also inside a compound ("Sekretess" in "sekretessen", "Uppföljning" in "uppföljningen"), or
when the word is a compound whose parts both occur ("Uppföljning" in "följas upp", "Informationsspridning"
in "sprida information", "Orosanmälan" only if both "oro" and "anmäl" occur). The stems are a short
suffix list, not a dictionary: a miss here is an info, and the cost of a false alarm is higher than
that of a missed one. Sections whose content drafter makes (signatures, budget tables, attachments)
are not read.
"""

from __future__ import annotations

import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.model.nodes import Officials, Section, SignatureBlock, Table
from drafter.model.text import section_lines

# Words a heading may hold without the text repeating them: function words, and words that name the
# kind of text rather than its subject ("Övriga villkor", "Allmänt", "Förvaltningens synpunkter och förslag").
STOPWORDS = frozenset("""
och eller samt av för med i om till på vid från mot under efter inom utan mellan genom enligt hos över
den det de en ett dess deras sin sitt sina vår vårt våra som vad hur när var är att
övrigt övriga allmänt allmänna annat andra villkor bestämmelser bilaga bilagor punkt avsnitt
förslag synpunkter sammanfattning bakgrund
""".split())

# Longest first; a stem keeps at least three letters (four for a whole word).
_SUFFIXES = sorted("""
ningarnas ningarna ningens ningen ningar ning eringen ering ing elsernas elserna elsens elsen elser else heternas heterna
hetens heten heter het arnas ernas ornas arna erna orna andes ande endes ende ens ets ans an en et er ar
or na a e s t n
""".split(), key=len, reverse=True)
_WORD = re.compile(r"[a-zåäöéü]+", re.IGNORECASE)
_MADE_BY_DRAFTER = (SignatureBlock, Officials, Table)


def stem(word: str, keep: int = 4) -> str:
    """`word` (lower case) less its longest inflection or derivation suffix that leaves `keep` letters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            return word[: -len(suffix)]
    return word


# Known other ways to say a heading's word, where the stem alone does not reach them.
OTHER_WORDS = {
    "förslag": ("föreslå",), "tystnadsplikt": ("tystnadslöfte", "föra dem vidare", "föra vidare", "sekretess"),
    "struktur": ("organisation",), "ledning": ("leda", "leder", "styrgrupp"), "giltighetstid": ("gäller",),
    "avtalstid": ("gäller",), "kontaktperson": ("kontakt",),
}
_TOPIC_SPLIT = re.compile(r",|;|/|&|\s(?:och|samt|eller)\s", re.IGNORECASE)


def key_words(topic: str) -> list[str]:
    """The words of a heading (or one topic of it) that say what the text is about, lower case."""
    words = [w.casefold() for w in _WORD.findall(topic.replace("-", " "))]
    return [w for w in words if w not in STOPWORDS and len(w) >= 4]


def topics(heading: str) -> list[str]:
    """The things a heading lists: "Sekretess, tystnadsplikt och orosanmälan" → three; a parenthesis is a
    synonym ("Befrielsegrunder (force majeure)"), not a topic of its own."""
    plain = re.sub(r"\([^)]*\)", " ", heading)
    return [t.strip() for t in _TOPIC_SPLIT.split(plain) if key_words(t)]


def mentioned(word: str, text: str) -> bool:
    """`word` (a key word) occurs in `text` (lower case): by its stem, a verb of a -ning noun ("ledning":
    leda, leder), a known other word, or, for a compound, its parts ("uppföljning": följas upp) or one
    long part ("tystnadsplikt": tystnadslöfte)."""
    base = stem(word)
    if base in text or any(other in text for other in OTHER_WORDS.get(word, ())):
        return True
    if word.endswith("ning") and any(word[:-4] + end in text for end in ("a", "er", "as", "s", "t")):
        return True
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        heads = [head, head[:-1]] if head.endswith("s") and len(head) > 3 else [head]  # "informations|spridning"
        second = stem(tail, 3)
        firsts = [stem(h, 3) for h in heads]
        if len(second) >= 5 and second in text or any(len(f) >= 5 and f in text for f in firsts):
            return True
        if len(second) >= 3 and second in text and any(len(f) >= 3 and f in text for f in firsts):
            return True
    return False


def _text_under(section: Section) -> str:
    lines = section_lines(section)[1:] if section.heading else section_lines(section)
    return "\n".join(lines).casefold()


def _made_by_drafter(section: Section) -> bool:
    return any(isinstance(b, _MADE_BY_DRAFTER) for b in section.blocks) or section.clause is None and (
        section.origin is None or section.origin.kind != "spec") and not section.sections


def check_heading_content(ctx: CheckContext):
    for piece in ctx.pieces:
        section = piece.section
        if section is None or not section.heading or _made_by_drafter(section):
            continue
        text = _text_under(section)
        if not text.strip():
            continue
        listed = topics(section.heading)
        if len(listed) < 2:
            continue  # a heading of one topic names the section; its text need not repeat it
        missing = [t for t in listed if not any(mentioned(w, text) for w in key_words(t))]
        if not missing or len(missing) == len(listed):
            continue  # all listed topics, or none: then the heading sums up rather than lists
        words = " och ".join(f"\"{t}\"" for t in missing)
        yield Finding("heading-content", "info",
                      f"Rubriken \"{section.heading}\" lovar {words}, men texten under den nämner inte det. "
                      "Skriv om det i texten, eller ta bort ordet ur rubriken.",
                      ctx.place_of(piece, section.heading) if piece.clause is None else piece.clause,
                      piece.document)


CHECKS = [check_heading_content]
