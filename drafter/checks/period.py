"""period-order and period-renewal: the period's dates, its renewals and the notice deadline fit together.

The renewal dates and notice deadlines themselves are the notice calendar's (drafter/notice_calendar.py);
what the notice gives before each renewal is checked in checks/notice.py."""

from __future__ import annotations

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.formatting import datum, enhet
from drafter.notice_calendar import next_end, notice_calendar, notice_date, renewal_ends

__all__ = ["check_period_order", "check_period_renewal", "renewal_ends", "next_end", "notice_date", "CHECKS"]


def check_period_order(ctx: CheckContext):
    period = ctx.spec.period
    if period.end < period.start:
        yield Finding("period-order", "error",
                      f"Perioden slutar {datum(period.end)}, före sin början {datum(period.start)}.",
                      ctx.where("period", "end"))


def check_period_renewal(ctx: CheckContext):
    period = ctx.spec.period
    renewal = period.renewal
    if renewal is None or period.end < period.start:
        return
    if renewal.max_end < period.end:
        yield Finding("period-renewal", "error",
                      f"Längsta slutdatum (max_end) {datum(renewal.max_end)} ligger före periodens slut "
                      f"{datum(period.end)}.",
                      ctx.where("period", "renewal", "max_end"))
        return
    if renewal.unit == "kalenderår" and (period.end.month, period.end.day) != (12, 31):
        yield Finding("period-renewal", "error",
                      f"Perioden slutar {datum(period.end)}, inte 31 december; med förlängning ett kalenderår i "
                      "taget blir det oklart vad den första förlängningen omfattar. Låt perioden sluta 31 december "
                      "eller välj unit: år.",
                      ctx.where("period", "renewal", "unit"))
        return
    ends = renewal_ends(period.end, renewal.unit, renewal.max_end)
    if ends[-1] != renewal.max_end:
        before = [e for e in ends if e < renewal.max_end][-1]
        yield Finding("period-renewal", "error",
                      f"Med förlängning {enhet(renewal.unit)} i taget från {datum(period.end)} går det inte att "
                      f"sluta exakt {datum(renewal.max_end)}: förlängningarna slutar {datum(before)} och sedan "
                      f"{datum(ends[-1])}.",
                      ctx.where("period", "renewal", "max_end"))
    where_notice = ctx.where("period", "renewal", "notice_deadline")
    if notice_date(renewal.notice_deadline, 2000) is None:  # not even in a leap year: "02-30", "04-31"
        yield Finding("period-renewal", "error",
                      f"Uppsägningsdagen {renewal.notice_deadline} finns inte: {_no_such_day(renewal.notice_deadline)} "
                      "Skriv dagen som MM-DD, till exempel 09-30.", where_notice)
        return
    if notice_date(renewal.notice_deadline, 2001) is None:
        yield Finding("period-renewal", "error",
                      f"Uppsägningsdagen {renewal.notice_deadline} finns inte varje år; välj en dag som alla år har.",
                      where_notice)
        return

    # The notice day that stops each renewal is the notice calendar's (the latest notice day on or
    # before the period end, drafter/notice_calendar.py), the same that `check --kalender` shows: a
    # notice day later in the year than the end governs from the year before (30 November 2028 before
    # 28 February 2029), so it never comes after the end it stops.
    calendar = notice_calendar(period)
    first = calendar.renewals[0].deadline if calendar and calendar.renewals else None
    if first is not None and first < period.start:
        yield Finding("period-renewal", "error",
                      f"Sista dag för uppsägning före den första förlängningen, {datum(first)}, kommer före "
                      f"periodens början {datum(period.start)}; parterna kan inte säga upp i tid.",
                      where_notice)


CHECKS = [check_period_order, check_period_renewal]


_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december")


def _no_such_day(month_day: str) -> str:
    """Why MM-DD is no day: the month's length, or no such month."""
    import calendar

    month, day = (int(p) for p in month_day.split("-"))
    if not 1 <= month <= 12:
        return f"månaden {month:02d} finns inte; månaderna är 01–12."
    days = calendar.monthrange(2001, month)[1]  # a common year: februari 28
    return f"{_MONTHS[month - 1]} har {days} dagar{' (29 under skottår)' if month == 2 else ''}, inte {day}."
