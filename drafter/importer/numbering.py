"""The numbering of an imported document's sections, as written, checked: repeated or skipped numbers."""

from __future__ import annotations

import re

from drafter.checks.finding import Finding
from drafter.importer.model import Section


def numbering_findings(roots: list[Section], file: str) -> list[Finding]:
    findings = []
    seen: dict[tuple, int] = {}
    last: list[int] | None = None
    for root in roots:
        for section in root.walk():
            if not section.number:
                continue
            number = [int(p) for p in section.number.split(".")]
            key = tuple(number)
            where = f"{file}:{section.no}"
            if key in seen:
                findings.append(Finding("numbering", "warning",
                                        f"Punkt {section.number} ({section.heading}) har samma nummer som punkten på "
                                        f"rad {seen[key]}. drafter numrerar om avsnitten när dokumentet byggs.", where))
            elif last is not None:
                depth = len(number)
                if depth > len(last):
                    expected = last + [1] * (depth - len(last))
                else:
                    expected = last[:depth - 1] + [last[depth - 1] + 1]
                if number != expected:
                    shown = ".".join(map(str, expected))
                    findings.append(Finding(
                        "numbering", "warning",
                        f"Punkt {section.number} ({section.heading}) följer på {'.'.join(map(str, last))}; "
                        f"nästa nummer skulle vara {shown}. drafter numrerar om avsnitten när dokumentet byggs.", where))
            elif number != [1] * len(number):
                findings.append(Finding("numbering", "warning",
                                        f"Numreringen börjar med {section.number}, inte 1.", where))
            seen.setdefault(key, section.no)
            last = number
    return findings


# --- the paragraph style ("§ 3 Parter") ------------------------------------------------------------------

_KAPITEL = re.compile(r"(?:kap\.?|§|lag(?:en)?|förordning(?:en)?|balken|\(\d{4}:\d{1,4}\)|\b[A-ZÅÄÖ]{2,6})\s*$")
_A_LAW = re.compile(r"^\s*(?:i\s+)?(?:[A-ZÅÄÖ]{2,}\b|[\wåäö-]*(?:lagen|förordningen|balken)\b|st\.|stycket)")


def paragraph_style_finding(style: tuple[int, str], count: int, file: str) -> Finding:
    """The source numbers its sections "§ 3"; drafter numbers them "3." and cannot keep the style: said
    with the line, and what became of the references in the text."""
    no, heading = style
    refs = (f" {count} hänvisning{'ar' if count != 1 else ''} i texten till avsnittens paragrafer (som \"enligt § 4\") "
            "skrivs som {{ ref(\"…\") }} och pekar på samma avsnitt: de blir \"punkt 4\"." if count else "")
    return Finding("numbering", "info",
                   f"Källan numrerar avsnitten med paragrafer (\"{heading}\"). drafter numrerar avsnitten 1., 2., 3. … "
                   f"och kan inte behålla paragrafstilen: rubrikerna importeras utan sitt nummer.{refs}",
                   f"{file}:{no}")


def paragraph_references(roots: list[Section], texts, suffix: bool) -> int:
    """"enligt § 4" (or "enligt 4 §", as the headings write it) pointing at one of the document's own
    sections becomes a cross-reference to its clause, so that it follows drafter's numbering. A
    paragraph of a law ("6 kap. 37 §", "§ 4 LOU", "4 § kommunallagen") is left alone."""
    clauses = {s.number: s.clause_id for root in roots for s in root.walk() if s.number and s.clause_id}
    pattern = re.compile(r"(?<![\w.,§])(\d{1,2})\s?§(?!§)" if suffix else r"(?<![\w§])§\s?(\d{1,2})(?![\d§]|[.,]\d)")
    count = 0
    for _, block, text in texts:
        if block.kind == "table":
            continue
        for m in list(pattern.finditer(text.plain)):
            clause_id = clauses.get(m.group(1))
            if clause_id is None or _KAPITEL.search(text.plain[max(0, m.start() - 30):m.start()]) \
                    or _A_LAW.match(text.plain[m.end():m.end() + 40]):
                continue
            count += text.substitute(m.start(), m.end(), f'ref("{clause_id}")')
    return count
