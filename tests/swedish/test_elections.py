"""Election days by vallagen: the second Sunday of September, every fourth year (the Valmyndigheten's dates)."""

import datetime as dt

from drafter.swedish.elections import election_day, elections_between


def test_known_election_days():
    assert [election_day(y) for y in (2014, 2018, 2022, 2026, 2030)] == [
        dt.date(2014, 9, 14), dt.date(2018, 9, 9), dt.date(2022, 9, 11), dt.date(2026, 9, 13), dt.date(2030, 9, 8)]
    assert all(election_day(y).weekday() == 6 and 8 <= election_day(y).day <= 14 for y in range(2014, 2100, 4))


def test_elections_between_two_days():
    assert elections_between(dt.date(2023, 12, 12), dt.date(2027, 1, 1)) == [dt.date(2026, 9, 13)]
    assert elections_between(dt.date(2026, 9, 13), dt.date(2026, 12, 31)) == []  # after, not on
    assert elections_between(dt.date(2017, 1, 1), dt.date(2022, 9, 11)) == [dt.date(2018, 9, 9), dt.date(2022, 9, 11)]
    assert elections_between(dt.date(2023, 1, 1), dt.date(2025, 12, 31)) == []  # no election in 2023–2025
