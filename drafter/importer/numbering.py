"""The numbering of an imported document's sections, as written, checked: repeated or skipped numbers."""

from __future__ import annotations

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
