"""The notice calendar: every renewal an agreement can have and the notice deadline that stops it.

Computed once from the spec's `period` (start, end, renewal unit, max_end, the yearly notice day) so
that the checks (notice-short, notice-scheme, deadline-holiday) and `drafter check --kalender` read the
same dates. A renewal follows each period end before max_end; it is stopped by a notice given on or
before the notice day that last precedes that end ("senast den 31 december respektive år"): the
governing deadline, which may lie in the year before (half-year renewals ending 30 June).

Non-working days for deadlines follow lag (1930:173) om beräkning av lagstadgad tid: Saturdays,
Sundays and the other allmänna helgdagar, and midsommarafton, julafton and nyårsafton.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from drafter.swedish.holidays import helgdagar

__all__ = ["RenewalStep", "NoticeCalendar", "notice_calendar", "renewal_ends", "next_end", "notice_date",
           "governing_deadline", "deadline_day_off", "notice_length", "notice_text", "unfilled_period", "calendar_lines",
           "calendar_dict", "amended_periods", "possible_ends", "SpecCalendar", "spec_calendars", "WEEKDAYS"]

WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
_STEP = {"år": 12, "halvår": 6, "månad": 1}
_DAY = dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it has fewer days."""
    from drafter.checks.swedish import add_months as add  # one implementation of the month arithmetic

    return add(day, months)


def renewal_ends(end: dt.date, unit: str, limit: dt.date) -> list[dt.date]:
    """The end dates the renewals give, from `end` on, until the first one on or after `limit`."""
    ends = [end]
    while ends[-1] < limit and len(ends) < 2000:
        ends.append(next_end(ends[-1], unit))
    return ends


def next_end(end: dt.date, unit: str) -> dt.date:
    """The last day of the renewal that follows a period ending `end`."""
    if unit == "kalenderår":
        return dt.date(end.year + 1, 12, 31)
    return add_months(end + _DAY, _STEP[unit]) - _DAY


def notice_date(notice: str, year: int) -> dt.date | None:
    """The notice day "MM-DD" in `year`, or None when that year has no such day (02-29, 02-30)."""
    month, day = (int(p) for p in notice.split("-"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def governing_deadline(notice: str, end: dt.date) -> dt.date | None:
    """The last notice day on or before `end`: the day a notice must be given by to stop the renewal
    that follows `end`. None when the notice day exists in no year near it."""
    for year in range(end.year, end.year - 8, -1):
        day = notice_date(notice, year)
        if day is not None and day <= end:
            return day
    return None


def deadline_day_off(day: dt.date) -> str | None:
    """Why a deadline on `day` falls on a non-working day per lag (1930:173) ("julafton", "en lördag",
    "nyårsafton, en söndag"), or None for a working day."""
    reasons = []
    name = helgdagar(day.year).get(day)
    if name:
        reasons.append(name.lower())
    if (day.month, day.day) == (12, 24):
        reasons.append("julafton")
    elif (day.month, day.day) == (12, 31):
        reasons.append("nyårsafton")
    elif helgdagar(day.year).get(day + _DAY, "").lower().startswith("midsommardagen"):
        reasons.append("midsommarafton")
    if day.weekday() >= 5 and not name:  # a helgdag's name says enough (alla helgons dag is always a Saturday)
        reasons.append(f"en {WEEKDAYS[day.weekday()]}")
    return ", ".join(reasons) or None


def notice_length(deadline: dt.date, end: dt.date) -> tuple[int, int]:
    """The notice a deadline gives before a period ending `end`, as (whole months, days more): the
    time from the day after the deadline to the end, both inclusive. 30 September before 31 December
    is (3, 0); the deadline on the end itself is (0, 0)."""
    first, after = deadline + _DAY, end + _DAY
    months = 0
    while add_months(first, months + 1) <= after:
        months += 1
    return months, (after - add_months(first, months)).days


@dataclass(frozen=True)
class RenewalStep:
    """One renewal: the period end it follows, the renewed period, and the notice deadline that stops it."""

    after: dt.date  # the period end this renewal follows
    start: dt.date  # first day of the renewed period
    end: dt.date  # last day of the renewed period
    deadline: dt.date | None  # last day to give notice so that the agreement ends at `after`

    @property
    def weekday(self) -> str | None:
        return WEEKDAYS[self.deadline.weekday()] if self.deadline else None

    @property
    def day_off(self) -> str | None:
        return deadline_day_off(self.deadline) if self.deadline else None

    @property
    def notice(self) -> tuple[int, int] | None:
        """(months, days) of notice before `after`."""
        return notice_length(self.deadline, self.after) if self.deadline else None

    def short(self, min_months: int) -> bool:
        """Less notice than `min_months` months, or none at all (the deadline is the period's last day)."""
        if self.notice is None:
            return False
        months, days = self.notice
        return (months, days) == (0, 0) or months < min_months


@dataclass(frozen=True)
class NoticeCalendar:
    """The agreement's possible life: the first period, each renewal with its notice deadline, the last end."""

    start: dt.date
    end: dt.date
    unit: str
    max_end: dt.date
    notice_deadline: str  # "MM-DD", as the spec writes it
    min_notice_months: int
    renewals: list[RenewalStep]

    def shared_deadlines(self) -> list[list[RenewalStep]]:
        """Groups of two or more renewals stopped by one and the same notice deadline: only the first
        of each group can ever be the agreement's end (a notice after the deadline reaches the next
        renewal with a later deadline)."""
        groups: dict[dt.date, list[RenewalStep]] = {}
        for step in self.renewals:
            if step.deadline is not None:
                groups.setdefault(step.deadline, []).append(step)
        return [group for group in groups.values() if len(group) > 1]


def notice_calendar(period) -> NoticeCalendar | None:
    """The calendar of a spec's `period`, or None when it has no renewal or its dates cannot give one
    (end before start, max_end before end: the period checks say so)."""
    renewal = period.renewal
    if renewal is None or period.end < period.start or renewal.max_end < period.end:
        return None
    ends = renewal_ends(period.end, renewal.unit, renewal.max_end)
    steps = [RenewalStep(after, after + _DAY, min(next_end(after, renewal.unit), renewal.max_end),
                         governing_deadline(renewal.notice_deadline, after))
             for after in ends if after < renewal.max_end]
    return NoticeCalendar(period.start, period.end, renewal.unit, renewal.max_end, renewal.notice_deadline,
                          renewal.min_notice_months, steps)


def possible_ends(period) -> list[dt.date]:
    """The days an agreement with this `period` can end on: the end of its first period, of each
    renewal a notice can still stop (a renewal sharing its notice deadline with an earlier one cannot be
    the end), and the last possible day. Without renewal only `period.end`."""
    calendar = notice_calendar(period)
    if calendar is None:
        return [period.last_day]  # as the period checks read it
    later = {step.after for group in calendar.shared_deadlines() for step in group[1:]}
    return [step.after for step in calendar.renewals if step.after not in later] + [calendar.max_end]


def amended_periods(spec) -> list[tuple[int, dt.date, object]]:
    """(number, effective date, period) after each amendment that changes the period (`set:` of
    `period…`), so the calendar in force after it can be shown. The checks see the same data through
    the amended states the pipeline builds; this reads only the period, without assembling."""
    from drafter.spec.model import Period

    data = spec.period.model_dump(mode="python", exclude_unset=True)
    found: list[tuple[int, dt.date, object]] = []
    for amendment in spec.amendments:
        sets = [(key.split(".")[1:], value) for change in amendment.changes
                for key, value in (change.set or {}).items() if key.split(".")[0] == "period"]
        for parts, value in sets:
            if not parts:  # the whole period
                data = dict(value) if isinstance(value, dict) else data
                continue
            target = data
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = value
        if sets:
            found.append((amendment.number, amendment.effective, Period.model_validate(data)))
    return found


# --- the calendar as an official reads it (`drafter check --kalender`) -------------------------------


def notice_text(step: RenewalStep) -> str:
    """"3 månader", "2 månader och 15 dagar", "ingen (samma dag)": the notice before the period end."""
    if step.notice is None:
        return "–"
    months, days = step.notice
    parts = [f"{months} {'månad' if months == 1 else 'månader'}"] if months else []
    if days:
        parts.append(f"{days} {'dag' if days == 1 else 'dagar'}")
    return " och ".join(parts) or "ingen (samma dag)"


def unfilled_period(loaded) -> list[str]:
    """The period fields a spec still holds placeholders in ("period.start"): its calendar would only
    show the stand-in dates."""
    return [".".join(map(str, p.path)) for p in loaded.placeholders if p.path and p.path[0] == "period"]


def calendar_lines(calendar: NoticeCalendar | None, name: str, unfilled: list[str] | None = None) -> list[str]:
    """The calendar as a small Swedish table: each renewal, its notice deadline with the weekday, the
    notice it gives; a deadline on a non-working day or with short notice is marked."""
    from drafter.formatting import dag_och_manad, datum, enhet, span

    if unfilled:
        return [f"Uppsägningskalender för {name}: perioden är inte ifylld ({', '.join(unfilled)}); fyll i "
                "den, så räknas kalendern ut."]
    if calendar is None:
        return [f"Uppsägningskalender för {name}: överenskommelsen förlängs inte (ingen period.renewal), "
                "så det finns ingen uppsägningsdag att räkna ut."]
    minimum = calendar.min_notice_months
    lines = [f"Uppsägningskalender för {name}",
             f"  Första perioden {span(calendar.start, calendar.end)}; förlängs {enhet(calendar.unit)} "
             f"i taget, längst till {datum(calendar.max_end)}.",
             f"  Uppsägning senast {dag_och_manad(calendar.notice_deadline)} respektive år; kortaste "
             f"uppsägningstid utan varning: {minimum} {'månad' if minimum == 1 else 'månader'}."]
    rows = [("Periodslut", "Förlängning", "Sista dag för uppsägning", "Uppsägningstid", "")]
    for step in calendar.renewals:
        deadline = f"{step.weekday} {datum(step.deadline)}" if step.deadline else "finns inte"
        marks = []
        if step.day_off:
            marks.append(f"ledig dag: {step.day_off}")
        if step.short(minimum):
            marks.append("kort uppsägningstid")
        if step.deadline and step.deadline < calendar.start:
            marks.append("före periodens början")
        rows.append((datum(step.after), span(step.start, step.end), deadline, notice_text(step),
                     "; ".join(marks)))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)]
        lines.append(("  " + "  ".join(cells) + ("  (" + row[4] + ")" if row[4] else "")).rstrip())
    if not calendar.renewals:
        lines.append("  Ingen förlängning ryms före längsta slutdatum.")
    lines.append(f"  Överenskommelsen upphör senast {datum(calendar.max_end)}.")
    return lines


def calendar_dict(calendar: NoticeCalendar | None, name: str, unfilled: list[str] | None = None) -> dict:
    """The calendar for `--format json`: ISO dates, Swedish weekdays, the notice as months and days."""
    if unfilled:
        return {"spec": name, "unfilled": unfilled, "renewals": []}
    if calendar is None:
        return {"spec": name, "renewal": False, "renewals": []}
    return {
        "spec": name, "renewal": True,
        "start": calendar.start.isoformat(), "end": calendar.end.isoformat(), "unit": calendar.unit,
        "max_end": calendar.max_end.isoformat(), "notice_deadline": calendar.notice_deadline,
        "min_notice_months": calendar.min_notice_months,
        "renewals": [{
            "after": s.after.isoformat(), "start": s.start.isoformat(), "end": s.end.isoformat(),
            "notice_deadline": s.deadline.isoformat() if s.deadline else None, "weekday": s.weekday,
            "day_off": s.day_off,
            "notice": {"months": s.notice[0], "days": s.notice[1]} if s.notice else None,
            "short": s.short(calendar.min_notice_months),
        } for s in calendar.renewals],
    }


@dataclass(frozen=True)
class SpecCalendar:
    """The calendar of one spec as signed, or as in force after an amendment that changed the period."""

    spec: str
    calendar: NoticeCalendar | None
    unfilled: list[str]
    amendment: int | None = None
    effective: dt.date | None = None

    @property
    def name(self) -> str:
        from drafter.formatting import datum

        if self.amendment is None or self.effective is None:
            return self.spec
        return f"{self.spec} efter tillägg nr {self.amendment} (gäller från {datum(self.effective)})"

    def lines(self) -> list[str]:
        lines = calendar_lines(self.calendar, self.name, self.unfilled)
        if self.effective is not None and self.calendar is not None and not self.calendar.renewals:
            from drafter.formatting import datum

            none = "  Ingen förlängning ryms före längsta slutdatum."
            lines = [f"  Ingen förlängning återstår med en uppsägningsdag från och med {datum(self.effective)}."
                     if line == none else line for line in lines]
        return lines

    def to_dict(self) -> dict:
        data = calendar_dict(self.calendar, self.spec, self.unfilled)
        if self.amendment is not None and self.effective is not None:
            data = {"spec": self.spec, "amendment": self.amendment, "effective": self.effective.isoformat(),
                    **{k: v for k, v in data.items() if k != "spec"}}
        return data


def spec_calendars(loaded) -> list[SpecCalendar]:
    """The calendar of a loaded spec, then one after each amendment that changes the period."""
    unfilled = unfilled_period(loaded)
    found = [SpecCalendar(str(loaded.path), notice_calendar(loaded.spec.period), unfilled)]
    if unfilled:
        return found
    try:
        amended = amended_periods(loaded.spec)
    except ValueError:  # an amendment's period is invalid: the check reports it with file and line
        return found
    found += [SpecCalendar(str(loaded.path), _from(notice_calendar(period), effective), [], number, effective)
              for number, effective, period in amended]
    return found


def _from(calendar: NoticeCalendar | None, effective: dt.date) -> NoticeCalendar | None:
    """The renewals a tillägg governs: those whose notice deadline is on or after the day it takes
    effect; an earlier deadline was governed by the wording before it (shown in the calendar above)."""
    if calendar is None:
        return None
    return replace(calendar, renewals=[s for s in calendar.renewals if s.deadline is None or s.deadline >= effective])
