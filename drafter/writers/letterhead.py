"""The first-page head of a tjänsteutlåtande as lines of text, shared by both writers and the tests.

Stockholms stad style: the sender at the left (the office first), at the right
the document type and below it the reference data, then whom it is for.
References print as "Dnr SoF 2023/123", a date as given, others as "Key: value".
document.typ follows the same rule (`reference-line`); the PDF tests read the
lines back from page 1 in exactly this order.
"""

from __future__ import annotations

from drafter.model.nodes import Letterhead

PLAIN_KEYS = {"Dnr"}  # "Dnr SoF 2023/123": the key as a prefix, no colon
VALUE_ONLY_KEYS = {"Datum"}  # the date as given


def reference_line(key: str, value: str) -> str:
    if key in VALUE_ONLY_KEYS:
        return value
    if key in PLAIN_KEYS:
        return f"{key} {value}"
    return f"{key}: {value}"


def reference_lines(letterhead: Letterhead) -> list[str]:
    return [reference_line(key, value) for key, value in letterhead.references]


def letterhead_lines(letterhead: Letterhead) -> list[str]:
    """Reading order: sender lines, document type, references, recipient; empty ones left out."""
    lines = [*letterhead.sender, letterhead.document_type, *reference_lines(letterhead), letterhead.recipient]
    return [line for line in lines if line]
