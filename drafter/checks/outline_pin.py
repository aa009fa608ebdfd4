"""outline-unpinned: a slutlig document whose standard outline is named without a version.

A standard outline's versions pin clause versions (drafter/clauses/outline_versions.py). A draft
floats to the newest; a slutlig document keeps the version it was last made with, or, never built,
the one in force on its date. This says, in one sentence, which version that is and why, and how to
write it into the spec, so that what the spec builds no longer rests on a lock or a previous build.
"""

from __future__ import annotations

import datetime as dt

from drafter.clauses.outline_versions import BUILT, Choice, chosen
from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.swedish.format import datum


def _why(choice: Choice) -> str:
    if choice.why == "record":
        by = "förra bygget använde" if choice.said == BUILT else "de låsta dokumenten byggdes med"
        return f"den som {by}" + (f" ({choice.file})" if choice.file else "")
    if choice.why == "date":
        return f"den som gällde på dokumentets datum, den {datum(dt.date.fromisoformat(choice.said))}"
    return "den enda som finns"


def check_outline_pin(ctx: CheckContext):
    if ctx.spec.document.status != "slutlig":
        return
    for path, choice in chosen(ctx.loaded, ctx.library.root):
        if path[0] == "amendments" or choice.why == "named":
            continue  # a tillägg's tjänsteutlåtande is written later, and locked on its own when signed
        newer = f", fast den nyaste är version {choice.newest}" if choice.newest != choice.version else ""
        yield Finding(
            "outline-unpinned", "info",
            f"Dokumentet är slutligt och anger standardmallen {choice.name} utan version, så drafter tar version "
            f"{choice.version}, {_why(choice)}{newer}; skriv standard: {choice.name}@{choice.version} så byter "
            "texten aldrig mallversion.",
            ctx.where(*path, "standard"))


CHECKS = [check_outline_pin]
