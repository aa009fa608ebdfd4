"""A name and a title on a signature line, as Swedish documents write them: "Karin Bergqvist, ordförande",
"Karin Bergqvist Ordförande, äldrenämnden", "Karin Bergqvist" over "Ordförande". Read by the importer
(drafter/importer/signatures.py) and by the check that a name typed under "För X" is the spec's signer
(drafter/checks/parties.py): one reading, so the two never disagree about what is a name."""

from __future__ import annotations

import re

NO_NAME = re.compile(r"^(?:[xX]{3,}|_{3,}|\.{3,}|Namnförtydligande|Namn|\[.*\])$")
# Words that make a title, not a name ("Ordförande", "Socialdirektör", "Verksamhetsledare", "vice ordförande").
TITLE_WORD = re.compile(r"^(?:[\wåäö-]*(?:ordförande|direktör|chef|ledare|sekreterare|kassör|ledamot|föreståndare|"
                        r"rektor|ansvarig|handläggare|samordnare|ombud|firmatecknare|koordinator|strateg)|vd|vice|"
                        r"t\.?f\.?)[,.]?$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-ZÅÄÖÉÜ][a-zåäöéüëï'’]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüëï'’]+)?|von|af|de|van|der|el|al)$")


def is_person(words: list[str]) -> bool:
    """Two to four words that read as a person's name, none of them a title's word."""
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words) and \
        _NAME_WORD.match(words[0]) is not None and words[0][:1].isupper() and \
        not any(TITLE_WORD.match(w) for w in words)


def name_and_title(text: str) -> tuple[str | None, str | None]:
    """ "Karin Bergqvist, ordförande", "Karin Bergqvist Ordförande, äldrenämnden" → (name, title);
    "Karin Bergqvist" → (name, None); a line that is neither → (None, None)."""
    if NO_NAME.match(text):
        return None, None
    if "," in text:
        head, tail = (p.strip() for p in text.split(",", 1))
        if is_person(head.split()) and tail and len(tail) <= 70:
            return head, tail
        if NO_NAME.match(head) and tail:
            return "", tail
    words = text.split()
    for cut in range(min(4, len(words) - 1), 1, -1):
        if is_person(words[:cut]) and TITLE_WORD.match(words[cut].rstrip(",")) or \
                is_person(words[:cut]) and cut < len(words) and words[cut][:1].isupper() and \
                any(TITLE_WORD.match(w) for w in words[cut:cut + 5]):
            return " ".join(words[:cut]), " ".join(words[cut:])
    if is_person(words):
        return text, None
    return None, None
