"""Sweden's general election days, computed: vallagen (2005:837) 1 kap. 3 §.

Val till riksdagen, regionfullmäktige och kommunfullmäktige hålls samma dag, den andra söndagen i
september, vart fjärde år (2014, 2018, 2022, 2026, …). The day matters to a renewal: a nämnd elected
anew after it may have another chair to sign (drafter/renew_review.py). Calendar law, beside the
helgdagar of drafter/swedish/holidays.py, and with no knowledge of specs.
"""

from __future__ import annotations

import datetime as dt

FIRST = 2014  # the first election on the second Sunday of September (earlier ones: the third)


def election_day(year: int) -> dt.date:
    """The second Sunday of September of `year`: the election day in an election year (14 September
    2014, 9 September 2018, 11 September 2022, 13 September 2026)."""
    first = dt.date(year, 9, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7)


def elections_between(after: dt.date, until: dt.date) -> list[dt.date]:
    """Election days after `after` up to and including `until`."""
    years = range(max(FIRST, after.year), until.year + 1)
    return [day for year in years if year % 4 == FIRST % 4 for day in [election_day(year)] if after < day <= until]
