"""The renewed agreement's extension option, as `drafter renew` writes it (trial 12): the old agreement
could be extended to 31 December 2031, two years after its period; the renewal gets the same option
moved with the period (`max_end: 2033-12-31`). That is a term of the new agreement the nämnd decides on
— Förslag till beslut says "förlängs … som längst till och med den 31 december 2033" — so it is not
left for `drafter compare` to show: the renew report lists it under Att göra, to be confirmed, changed
or removed. drafter keeps computing it (the structure of the old agreement, its notice day and unit,
carries over like the rest of the spec) rather than dropping the option, which would silently change
the agreement's terms the other way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def extension_review(path: Path, old_period, new_period: dict):
    """Att göra: the computed max_end, the old one it came from, and what to do with it."""
    from drafter.formatting import datum
    from drafter.renew_review import Review

    renewal = new_period.get("renewal")
    if old_period.renewal is None or not isinstance(renewal, dict) or not isinstance(renewal.get("max_end"), dt.date):
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if text.strip().startswith("max_end:")), 1)
    months = ((old_period.renewal.max_end.year - old_period.end.year) * 12
              + old_period.renewal.max_end.month - old_period.end.month)
    after = f"{months} månader" if months else "samma tid"
    return Review(f"{path.as_posix()}:{line}",
                  f"den nya överenskommelsen kan förlängas som längst till {datum(renewal['max_end'])}: drafter har "
                  f"räknat fram dagen så att den ligger lika långt efter den nya periodens slut ({after}) som den "
                  f"förra överenskommelsens längsta slutdatum, {datum(old_period.renewal.max_end)}, låg efter dess "
                  f"period ({datum(old_period.end)}). Förlängningen är ett villkor som nämnden beslutar om (förslag "
                  "till beslut och punkten om uppsägning anger dagen): bekräfta den, skriv en annan dag under "
                  "period.renewal.max_end (och decision.latest_end), eller ta bort period.renewal om den nya "
                  "överenskommelsen inte ska kunna förlängas",
                  f"max_end: {renewal['max_end'].isoformat()}", todo=True)


def old_years_to_do(review: list, old_period, renews_ends, new_period: dict) -> None:
    """A text, title or clause the report lists as stating a year by hand, when that year is one of the
    old period's and not the new one's ("för 2027–2029" renewed for 2030–2031): moved to Att göra, since
    `drafter check` warns of it (stale-year) until it is updated."""
    from drafter.checks.stale_period import sentences, stale_years_in, years_left_behind

    years = years_left_behind(old_period, renews_ends, new_period)
    if not years:
        return
    for item in review:
        if item.todo or " nämner " not in item.what:
            continue
        stale = [y for sentence in sentences(item.text) for y in stale_years_in(sentence, years)]
        if stale:
            shown = " och ".join(filter(None, (", ".join(dict.fromkeys(stale[:-1])), stale[-1])))
            item.todo = True
            item.what += (f"; {shown} hör till den förra perioden, inte till den nya: skriv den nya periodens år, "
                          "eller säg att meningen gäller den förra överenskommelsen (`drafter check` varnar "
                          "stale-year tills dess)")
