"""Which version of a clause was in force for a spec's public party on a day: the right pin for a signed text.

A signed document keeps the text it was signed with. For a clause the spec names without a version that
is the newest version fastställd for the party (its nämnd, or its whole kommun or region) on or before
the document's date: a version approved later, or approved only for another nämnd, was not the text
the parties could sign. `clause-unpinned` advises that pin, and `clause-approved-after-date` refuses a
slutlig build that would take in a later one. Approvals carry their date (front matter `approval.date`),
so the answer needs no more than the versions the library already read for the spec.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.clauses.scope import Scope, party_scope, scope_of
from drafter.swedish.format import datum, uppraknat

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseVersion
    from drafter.spec.model import Party


def approved_on(version: "ClauseVersion", here: Scope) -> dt.date | None:
    """The day `version` became fastställd where `here` stands (its first approval that applies there,
    drafter/clauses/scope.py); None: never."""
    if version.meta.status != "fastställd":
        return None
    return min((a.date for a in version.meta.all_approvals if scope_of(a).covers(here)), default=None)


@dataclass(frozen=True)
class Pin:
    """The version to write for one clause (`ref`), and why, as a clause of a Swedish sentence (`why`)."""

    ref: str
    why: str
    known: bool  # the version in force on the day is known (False: no version was fastställd here then)

    @property
    def told(self) -> str:
        """`why` as it follows the ref in "Skriv X@2, den version som …, eller …" or "Skriv X@2 (version 2 …), …"."""
        return f", {self.why}" if self.why.startswith("den version") else f" ({self.why})"


def pin_for(clause_id: str, versions: list["ClauseVersion"], public: "Party", day: dt.date, used: list[int],
            date_of: str = "överenskommelsens datum") -> Pin:
    """The version of `clause_id` in force for `public` on `day`, of `versions` (oldest first); `used`: the
    versions the documents use now, named when they differ; `date_of`: what `day` is ("beslutets datum")."""
    here = party_scope(public)
    dates = {v.version: approved_on(v, here) for v in versions}
    valid = [v.version for v in versions if (d := dates[v.version]) is not None and d <= day]
    if valid:
        pin = valid[-1]
        others = [u for u in used if u != pin]
        if not others:
            return Pin(f"{clause_id}@{pin}", f"den version som gällde för {here.describe()} den {datum(day)} "
                                             f"(fastställd {_iso(dates[pin])})", True)
        said = [f"version {pin} gällde den {datum(day)}"] + [_why_not(u, dates.get(u), pin, here, date_of) for u in others]
        return Pin(f"{clause_id}@{pin}", "; ".join(said), True)
    now = f"nu används version {uppraknat([str(v) for v in used])}" if used else ""
    later = [(v, d) for v, d in dates.items() if d is not None]
    if later:  # approved here only after the day: which text was signed, no decision date tells
        first, when = min(later, key=lambda vd: (vd[1], vd[0]))
        return Pin(f"{clause_id}@N", f"den version som undertecknades: ingen version var fastställd för "
                                     f"{here.describe()} den {datum(day)} (version {first} fastställdes först "
                                     f"{when.isoformat()}, efter {date_of}" + (f"; {now}" if now else "")
                                     + "), så vilken det var kan drafter inte avgöra", False)
    return Pin(f"{clause_id}@N", f"den version som undertecknades: ingen version av {clause_id} är fastställd för "
                                 f"{here.describe()}" + (f" ({now})" if now else "") + ", så vilken version som "
                                 f"gällde den {datum(day)} kan drafter inte avgöra", False)


def _why_not(version: int, approved: dt.date | None, pin: int, here: Scope, date_of: str) -> str:
    if approved is None:
        return f"version {version} är inte fastställd för {here.describe()}"
    if version > pin:
        return f"version {version} fastställdes {approved.isoformat()}, efter {date_of}"
    return f"version {version} ersattes av version {pin} före {date_of}"


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""
