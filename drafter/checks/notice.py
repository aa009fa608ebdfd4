"""notice-short and notice-scheme: the notice each renewal gets, read from the notice calendar.

notice-short: a renewal whose notice deadline leaves less than `period.renewal.min_notice_months`
(standard 3) months before the period ends, or none at all (the deadline is the period's last day).
notice-scheme: one yearly notice day for renewals shorter than a year, so that two renewals are stopped
by the same deadline and the second can never be the agreement's end.
"""

from __future__ import annotations

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.formatting import dag_och_manad, datum, enhet
from drafter.notice_calendar import NoticeCalendar, notice_calendar, notice_text


def _calendar(ctx: CheckContext) -> NoticeCalendar | None:
    return notice_calendar(ctx.spec.period)


def check_notice_short(ctx: CheckContext):
    calendar = _calendar(ctx)
    if calendar is None:
        return
    minimum = calendar.min_notice_months
    seen = set()
    short = []
    for step in calendar.renewals:
        if step.deadline is None or step.deadline < calendar.start or step.deadline in seen:
            continue  # a deadline before the start is period-renewal's error; a shared one is counted once
        seen.add(step.deadline)
        if step.short(minimum):
            short.append(step)
    if not short:
        return
    zero = all(s.notice == (0, 0) for s in short)
    listed = "; ".join(f"senast {datum(s.deadline)} inför periodslutet {datum(s.after)}"
                       + ("" if zero else f" ({notice_text(s)})") for s in short if s.deadline)
    months = f"{minimum} {'månad' if minimum == 1 else 'månader'}"
    said = ("Uppsägningsdagen är samma dag som perioden slutar, så uppsägningstiden är ingen alls" if zero
            else f"Uppsägningstiden är kortare än {months}")
    yield Finding("notice-short", "warning",
                  f"{said}: {listed}. En part som säger upp sista dagen lämnar den andra {'ingen' if zero else 'kort'} "
                  "tid att planera avslutet (personal, lokaler, deltagare). Välj en uppsägningsdag minst "
                  f"{months} före varje periodslut, eller ange en annan gräns i period.renewal.min_notice_months.",
                  ctx.where("period", "renewal", "notice_deadline"))


def check_notice_scheme(ctx: CheckContext):
    calendar = _calendar(ctx)
    if calendar is None:
        return
    groups = calendar.shared_deadlines()
    if not groups:
        return
    first = groups[0]
    assert first[0].deadline is not None
    ends = " och ".join(datum(s.after) for s in first)
    yield Finding("notice-scheme", "warning",
                  f"Perioden förlängs {enhet(calendar.unit)} i taget men har en uppsägningsdag per år "
                  f"({dag_och_manad(calendar.notice_deadline)}): uppsägningsdagen {datum(first[0].deadline)} "
                  f"gäller förlängningarna efter {ends}. En uppsägning som kommer efter den dagen når först "
                  "ett senare periodslut, så överenskommelsen kan inte upphöra vid vart och ett av "
                  "periodsluten. Förläng ett år (eller kalenderår) i taget, eller skriv uppsägningstiden i "
                  "klausulen som en tid före varje periodslut och kontrollera texten.",
                  ctx.where("period", "renewal", "notice_deadline"))


CHECKS = [check_notice_short, check_notice_scheme]
