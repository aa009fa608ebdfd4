"""prose-mismatch: a place and date of signing typed in a clause ("Linköping den 12 december 2023")
that is not the agreement's date (`document.date`).

An imported or copied agreement keeps the line its parties signed under. Renewed, it would be signed
again under the old date: a false statement of when the kommun bound itself. drafter's signature block
(`{{ block("signaturer") }}`) writes the place from the spec and leaves the date for the pen (for an
agreement already signed, `document.signed: true`, it writes `document.date`), and a clause can write
`{{ document.place }} den {{ document.date | datum }}`; only a date typed by hand can be wrong.
stale-year does not see it: it reads a year only where it dates a figure or a season, and a line of
signing states neither. An error in a slutlig document (it would be signed so) and in a spec that
renews another (the line is the old agreement's); a warning in a first draft, whose date may still move.
"""

from __future__ import annotations

import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding, Severity
from drafter.checks.prose_data import _literal, _plain
from drafter.checks.swedish import SPACE, date_from, date_pattern
from drafter.formatting import datum

_S = f"{SPACE}+"
_NAME = r"[A-ZÅÄÖ][\wåäöÅÄÖ-]*"
# A line of its own: "Linköping den 12 december 2023", "Stockholm, 2026-07-01", "Umeå 3 maj 2025".
SIGNING_LINE = re.compile(
    rf"^[ \t]*(?P<place>{_NAME}(?:{_S}{_NAME})?)(?:,{SPACE}*|{_S})(?:den{_S})?{date_pattern('s')}[ \t]*\.?[ \t]*$",
    re.MULTILINE)


def signing_lines(text: str):
    """(match, date) of each line of `text` that is only a place and a whole date."""
    for m in SIGNING_LINE.finditer(text):
        day = date_from(m, "s")
        if day is not None:
            yield m, day


def check_signing_date(ctx: CheckContext):
    spec = ctx.spec
    undated = any(tuple(map(str, p.path[:2])) == ("document", "date") for p in ctx.loaded.placeholders)
    final = spec.document.status == "slutlig"
    severity: Severity = "error" if final or spec.renews else "warning"
    why = (" Dokumentet är slutligt (document.status: slutlig) och skulle undertecknas under ett datum som inte är "
           "dess." if final else
           f" Specen förnyar {spec.renews}: raden är den gamla överenskommelsens." if spec.renews else "")
    for piece in ctx.pieces:
        if piece.document != "agreement":
            continue
        literal = None
        for m, day in signing_lines(piece.text):
            if not undated and day == spec.document.date:
                continue
            if literal is None:
                literal = _literal(ctx, piece) or ""
            if _plain(m.group(0)) not in literal:
                continue  # filled in from the spec: it cannot disagree
            line = " ".join(m.group(0).split())
            dated = ("överenskommelsens datum är ännu inte ifyllt (document.date)" if undated else
                     f"överenskommelsens datum är {datum(spec.document.date)} ({ctx.where('document', 'date')})")
            fix = ("Ta bort raden och skriv {{ block(\"signaturer\") }}, som skriver ort, datumrad och undertecknare "
                   "ur specen (med document.signed: true för en överenskommelse som redan är undertecknad också "
                   "datumet), eller skriv {{ document.place }} den {{ document.date | datum }} i stället för datumet.")
            yield Finding("prose-mismatch", severity,
                          f"Texten anger ort och datum för undertecknandet, \"{line}\", men {dated}.{why} {fix}",
                          ctx.place_of(piece, m.group(0).strip()), piece.document, hint=fix)


CHECKS = [check_signing_date]
