"""period-order and period-renewal: the period's dates, its renewals and the notice deadline fit together."""

from __future__ import annotations

import datetime as dt

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.checks.swedish import add_months
from drafter.formatting import dag_och_manad, datum, enhet

_STEP = {"år": 12, "halvår": 6, "månad": 1}


def check_period_order(ctx: CheckContext):
    period = ctx.spec.period
    if period.end < period.start:
        yield Finding("period-order", "error",
                      f"Perioden slutar {datum(period.end)}, före sin början {datum(period.start)}.",
                      ctx.where("period", "end"))


def renewal_ends(end: dt.date, unit: str, limit: dt.date) -> list[dt.date]:
    """The end dates the renewals give, from `end` on, until the first one on or after `limit`."""
    ends = [end]
    while ends[-1] < limit and len(ends) < 2000:
        ends.append(next_end(ends[-1], unit))
    return ends


def next_end(end: dt.date, unit: str) -> dt.date:
    if unit == "kalenderår":
        return dt.date(end.year + 1, 12, 31)
    start = end + dt.timedelta(days=1)
    return add_months(start, _STEP[unit]) - dt.timedelta(days=1)


def notice_date(notice: str, year: int) -> dt.date | None:
    month, day = (int(p) for p in notice.split("-"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


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
    if notice_date(renewal.notice_deadline, 2000) is None or notice_date(renewal.notice_deadline, 2001) is None:
        yield Finding("period-renewal", "error",
                      f"Uppsägningsdagen {renewal.notice_deadline} finns inte varje år; välj en dag som alla år har.",
                      where_notice)
        return

    def deadline(year: int) -> dt.date:
        day = notice_date(renewal.notice_deadline, year)
        assert day is not None  # the day exists in a leap year and in a common one (checked just above)
        return day

    renewed = [e for e in ends if e < renewal.max_end]  # each of these ends is followed by a renewal
    late = [e for e in renewed if deadline(e.year) > e]
    if late and renewal.unit in ("halvår", "månad"):
        # A yearly notice day cannot precede every renewal shorter than a year: a real pattern
        # (the 2023 Street Minds agreement has it), so the reader is told, not stopped.
        yield Finding("period-renewal", "warning",
                      f"Sista dag för uppsägning är {dag_och_manad(renewal.notice_deadline)} varje år, men "
                      f"perioden förlängs {enhet(renewal.unit)} i taget: förlängningen vid {datum(late[0])} "
                      "har ingen egen uppsägningsdag samma år, utan styrs av uppsägningsdagen året före. "
                      "Kontrollera att det är avsikten.",
                      where_notice)
    elif late:
        yield Finding("period-renewal", "error",
                      f"Sista dag för uppsägning är {dag_och_manad(renewal.notice_deadline)} varje år, men perioden "
                      f"slutar {datum(late[0])}: det året kommer uppsägningsdagen efter periodens slut, så en "
                      "uppsägning hinner inte före förlängningen. Välj en uppsägningsdag före varje periodslut, "
                      "eller en annan förlängningsenhet.",
                      where_notice)
    elif renewed:
        first = deadline(renewed[0].year)
        if first < period.start:
            yield Finding("period-renewal", "error",
                          f"Sista dag för uppsägning före den första förlängningen, {datum(first)}, kommer före "
                          f"periodens början {datum(period.start)}; parterna kan inte säga upp i tid.",
                          where_notice)


CHECKS = [check_period_order, check_period_renewal]
