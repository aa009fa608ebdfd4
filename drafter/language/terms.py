"""Term consistency in one document: one thing, one name.

- överenskommelse and avtal for the same agreement;
- "idéburet partnerskap" without "offentligt" (the form is idéburet offentligt partnerskap, IOP);
- the target group called brukare, deltagare and besökare in one text;
- a party's name written two ways ("Street Minds", "Streetminds", "Street-Minds").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.language.rules import Remark
from drafter.language.text import Sentence
from drafter.spec.placeholders import PLACEHOLDER

GROUPS = {
    "överenskommelsen": [("överenskommelse", re.compile(r"\b[Öö]verenskommelse(?:n|ns|r|rna)?\b")),
                         ("avtal", re.compile(r"\b[Aa]vtal(?:et|ets|en)?\b"))],
    "målgruppen": [("brukare", re.compile(r"\b[Bb]rukar(?:e|en|na|nas|ens|es)\b")),
                   ("deltagare", re.compile(r"\b[Dd]eltagar(?:e|en|na|nas|ens|es)\b")),
                   ("besökare", re.compile(r"\b[Bb]esökar(?:e|en|na|nas|ens|es)\b"))],
}
_WITHOUT_PUBLIC = re.compile(r"\bidéburet partnerskap\b", re.IGNORECASE)


@dataclass(frozen=True)
class TermRemark:
    remark: Remark
    index: int  # which sentence (of the list given) it quotes


@lru_cache(maxsize=8192)
def _terms_in(text: str) -> tuple[frozenset[str], str]:
    """Which terms of GROUPS (and "idéburet partnerskap") a sentence uses, and its letters (_key): asked
    of the same sentences in every document and spec of a batch."""
    used = frozenset(name for terms in GROUPS.values() for name, rx in terms if rx.search(text))
    return used | ({_WITHOUT} if _WITHOUT_PUBLIC.search(text) else frozenset()), _key(text)


_WITHOUT = "idéburet partnerskap"


def term_remarks(found: list[Sentence], party_names: list[str]) -> list[TermRemark]:
    out = []
    seen = [_terms_in(s.text) for s in found]
    where: dict[str, list[int]] = {}  # each term's sentences, in order: one pass (most sentences use none)
    for i, (terms_used, _) in enumerate(seen):
        for name in terms_used:
            where.setdefault(name, []).append(i)
    for what, terms in GROUPS.items():
        used = {name: where[name] for name, _ in terms if name in where}
        if len(used) < 2:
            continue
        main = max(used, key=lambda n: len(used[n]))
        listing = ", ".join(f"\"{n}\" {len(h)} {'mening' if len(h) == 1 else 'meningar'}" for n, h in used.items())
        for name, hits in used.items():
            if name != main:
                out.append(TermRemark(Remark("term-variant", f"Dokumentet kallar {what} både {listing}; välj ett ord "
                                             f"(här \"{name}\", annars \"{main}\").", found[hits[0]].text), hits[0]))
    for i in where.get(_WITHOUT, ()):
        out.append(TermRemark(Remark("term-variant", "\"idéburet partnerskap\" saknar \"offentligt\": formen heter "
                                     "idéburet offentligt partnerskap (IOP).", found[i].text), i))
    for name in party_names:
        key = _key(name)
        if len(key) < 4 or PLACEHOLDER.match(name.strip()):
            continue  # "[Kommunens namn]" of `drafter new` is no name to spell: the placeholder check reports it
        for i, s in enumerate(found):
            if key not in seen[i][1]:
                continue  # the name is not there in any spelling
            variant = _variant(name, s.text)
            if variant:
                out.append(TermRemark(Remark("term-variant", f"Parten heter \"{name}\" men skrivs här \"{variant}\".",
                                             s.text), i))
    return out


@lru_cache(maxsize=8192)
def _variant(name: str, text: str) -> str | None:
    """The first run of words in `text` that spells `name` otherwise ("Streetminds" for "Street Minds"):
    the same, not just another case (socialförvaltningen in running text). Remembered per name and
    sentence: a party's name stands in many sentences, each the same in every spec that names it."""
    key, n = _key(name), len(name.split())
    tokens = re.findall(r"[\w-]+", text)
    # _key of a run of tokens is its tokens' letters joined (the spaces are no letters), lower-cased
    letters = [_NOT_LETTER.sub("", token) for token in tokens]
    spans = (" ".join(tokens[j:j + size]) for size in {max(1, n - 1), n, n + 1}
             for j in range(len(tokens) - size + 1) if "".join(letters[j:j + size]).lower() == key)
    written = " ".join(re.findall(r"[\w-]+", name)).lower()  # its words: brackets or a comma are no other spelling
    return next((c for c in spans if c.lower() != written), None)


_NOT_LETTER = re.compile(r"[\W_]")


def _key(name: str) -> str:
    return _NOT_LETTER.sub("", name).lower()
