"""Characters an XML 1.0 document (and so a DOCX) cannot hold, C1 control characters (which no
font shows), and Unicode noncharacters.

Refused wherever text enters drafter (spec values, clause files), with the place named,
instead of breaking the writers later.
"""

from __future__ import annotations

import re

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def first_bad_char(text: str) -> tuple[int, int, str] | None:
    """(line, column, character), 1-based, of the first character XML cannot hold."""
    found = NOT_XML.search(text)
    if not found:
        return None
    before = text[: found.start()]
    return before.count("\n") + 1, found.start() - (before.rfind("\n") + 1) + 1, found.group()
