"""`renews_ended_by:` written by a renewal: how and when the old agreement was ended, as the official
gives it to `drafter renew` (--ended-how, --ended-date, --ended-by, --ended-diarienummer) or to the web
page's Förnya form. One reading and one rule for both, so that the command and the form accept and refuse
the same input with the same Swedish sentence (drafter/spec/ended.py is the field; the rule that the act
comes before the day the old agreement ends is the one `drafter check` holds, renewal-ending)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from drafter.errors import PeriodError, Where
from drafter.formatting import datum
from drafter.spec.ended import HOW, RenewsEndedBy

# The form's field names; the command's options are the same with --ended- in front.
FIELDS = ("ended_how", "ended_date", "ended_by", "ended_diarienummer")


def read_ended_by(spec_path: Path, how: str | None = None, date: str | dt.date | None = None,
                  by: str | None = None, diarienummer: str | None = None) -> RenewsEndedBy | None:
    """The `renews_ended_by:` asked for, or None when nothing of it was given; a PeriodError naming the
    field when a part is missing or not what the field takes."""
    how, by, diarienummer = ((text or "").strip() for text in (how, by, diarienummer))
    said = (date or "").strip() if isinstance(date, str) or date is None else date
    if not (how or said or by or diarienummer):
        return None
    where = Where(str(spec_path))
    if not how:
        raise PeriodError("Ange hur den gamla överenskommelsen upphör (renews_ended_by.how): uppsägning eller "
                          "överenskommelse.", where, "uppsägning: en part sade upp den enligt dess villkor; "
                          "överenskommelse: parterna kom skriftligen överens om att den upphör.", ("ended_how",))
    if how not in HOW:
        raise PeriodError(f"'{how}' är inget sätt som den gamla överenskommelsen kan upphöra på "
                          "(renews_ended_by.how).", where, "Skriv uppsägning eller överenskommelse.", ("ended_how",))
    if not said:
        raise PeriodError("Ange dagen då uppsägningen lämnades eller då överenskommelsen om att avsluta den gamla "
                          "undertecknades (renews_ended_by.date).", where, "Skriv dagen ÅÅÅÅ-MM-DD, t.ex. 2026-06-15.",
                          ("ended_date",))
    try:
        day = said if isinstance(said, dt.date) else dt.date.fromisoformat(said)
    except ValueError:
        raise PeriodError(f"'{said}' är inget datum (renews_ended_by.date).", where,
                          "Skriv dagen ÅÅÅÅ-MM-DD, t.ex. 2026-06-15.", ("ended_date",)) from None
    return RenewsEndedBy(how=how, date=day, by=by or None, diarienummer=diarienummer or None)  # type: ignore[arg-type]


def check_ended_by(ended: RenewsEndedBy, ends: dt.date, old: Path) -> None:
    """The act that ended the old agreement lies on or before the day it ends: what renewal-ending holds
    in `drafter check`, said before the spec is written."""
    if ended.date > ends:
        raise PeriodError(f"renews_ended_by.date, {datum(ended.date)}, ligger efter den dag den förra "
                          f"överenskommelsen ({old.name}) ska ha upphört, {datum(ends)}: den kan inte ha upphört "
                          "genom något som gjordes senare.", Where(str(old)),
                          f"Skriv dagen då den sades upp eller avslutades, senast {datum(ends)}, eller välj en "
                          "senare första dag för den nya perioden.", ("ended_date",))


def as_data(ended: RenewsEndedBy) -> dict:
    """The field as the new spec writes it: how and date, then by and diarienummer when given."""
    return {k: v for k, v in ended.model_dump().items() if v is not None}


def said(ended: RenewsEndedBy) -> str:
    """'sades upp 15 juni 2026 (äldrenämnden, ÄN 2026-0311)': for the renewal's report."""
    extra = ", ".join(filter(None, (ended.by, ended.diarienummer)))
    return f"{HOW[ended.how]} {datum(ended.date)}" + (f" ({extra})" if extra else "")


def recorded(where: str, old: Path, sentence: str | None, ended: RenewsEndedBy, ends: dt.date):
    """The renewal's to-do for an old agreement that runs on "tills vidare" (its `sentence`), or is extended
    unless sagt upp (None), and whose ending the official gave: the spec records it; the tjänsteutlåtande
    must say it too (renewal-ending holds it till then)."""
    from drafter.renew_review import Review

    sentence_for_proposal = ("Den nuvarande överenskommelsen " + (
        "sades upp" if ended.how == "uppsägning" else "avslutades genom en överenskommelse mellan parterna")
        + f" {{{{ renews_ended_by.date | datum }}}} och upphör {datum(ends)}.")
    why = (f"löper enligt sin text tills vidare efter periodens slut (\"{sentence}\")" if sentence else
           "förlängs enligt sin text om den inte sägs upp")
    return Review(where, f"{old.name} {why}; enligt renews_ended_by: {said(ended)} och upphör {datum(ends)} "
                         "(inskrivet i den nya specen). Skriv i tjänsteutlåtandet "
                         f"hur och när den förra överenskommelsen upphör, t.ex. \"{sentence_for_proposal}\" "
                         "(`drafter check` varnar tills dess)",
                  f"renews_ended_by: {ended.how}, {ended.date.isoformat()}", todo=True)
