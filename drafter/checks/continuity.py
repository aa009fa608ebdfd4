"""period-continuity: a spec that renews another (`renews: other.yaml`) starts the day after it ends."""

from __future__ import annotations

import datetime as dt

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.errors import DrafterError
from drafter.formatting import datum


def check_period_continuity(ctx: CheckContext):
    spec = ctx.spec
    if not spec.renews:
        return
    from drafter.spec.renewed import load_renewed

    try:
        earlier = load_renewed(ctx.loaded)  # once per build, however many checks ask
    except DrafterError as exc:
        yield Finding("period-continuity", "error",
                      f"Specen som förnyas ({spec.renews}) kan inte läsas: {exc.message}",
                      ctx.where("renews"))
        return
    previous = earlier.spec.period
    if previous.renewal:
        ends, field = previous.renewal.max_end, "period.renewal.max_end"
    else:
        ends, field = previous.end, "period.end"
    where_ends = earlier.where(*field.split("."))
    expected = ends + dt.timedelta(days=1)
    start = spec.period.start
    if start == expected:
        return
    if start > expected:
        gap = (start - expected).days
        what = f"Det blir ett glapp på {gap} {'dag' if gap == 1 else 'dagar'} utan överenskommelse"
    else:
        overlap = (expected - start).days
        what = f"Perioderna överlappar med {overlap} {'dag' if overlap == 1 else 'dagar'}"
    yield Finding("period-continuity", "error",
                  f"{what}: den förnyade överenskommelsen börjar {datum(start)}, men den som förnyas "
                  f"({spec.renews}) slutar {datum(ends)} ({field}, {where_ends.file}:{where_ends.line}); "
                  f"den nya bör börja {datum(expected)}.",
                  ctx.where("period", "start"))


CHECKS = [check_period_continuity]
