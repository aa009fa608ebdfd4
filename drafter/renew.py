"""`drafter renew`: the next spec of a partnership, as the agreement stands after its amendments.

Renewing is the job officials do most. The new spec carries the parties, budget rows, figures and
texts as the last tillägg left them (not as first signed), folds the tillägg's point changes into the
outline (a new point becomes a section, a repealed one goes; drafter/standing.py), pins every clause to the
version the old agreement used (so no approval moves it silently), sets `renews:` and moves the period on.
What only a person can judge is listed, each with its file and line (drafter/renew_review.py): texts and
figures that state a year, a date or an amount typed by hand, and clauses that have a newer approved version.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from drafter.errors import DrafterError, Where
from drafter.renew_review import ClauseChoice, Renewal, Review, comments_dropped, review_renewal
from drafter.standing import Standing, latest_representatives, standing

__all__ = ["renew", "PeriodError", "Renewal", "Review", "ClauseChoice", "Standing", "standing",
           "latest_representatives"]


class PeriodError(DrafterError):
    """The new period as asked for cannot be (no length, both an end and a length, an end before the
    start); `fields`: which of the asker's inputs it is about ("end", "months"), for the web page's form."""

    def __init__(self, message: str, where: Where, hint: str | None = None, fields: tuple[str, ...] = ()):
        super().__init__(message, where, hint)
        self.fields = fields


def renew(spec_path: Path, name: str, agreements: Path, library, end: dt.date | None = None,
          months: int | None = None) -> Renewal:
    """Write agreements/NAME.yaml, the renewal of `spec_path`, and say what to review."""
    from drafter.lockfile import pinned_library
    from drafter.newspec import check_new_name
    from drafter.renew_party import move_public_party
    from drafter.spec.load import load_spec

    path = check_new_name(name, agreements)
    loaded = load_spec(spec_path)
    now = standing(loaded, pinned_library(loaded, library))  # as `build` reads it: its lock, its party's approvals
    data, documents, texts = now.data, now.documents, now.data.setdefault("texts", {})
    latest_representatives(data, now.spec)
    data.pop("decision", None)  # the nämnd decides anew on the renewed agreement
    used = _versions_used(documents)
    _pin(data.get("outline"), used)
    if isinstance(data.get("proposal"), dict):
        _pin(data["proposal"].get("outline"), used)
    partnership, how = _partnership(loaded, library, documents)
    if partnership:
        data["partnership"] = partnership
    moves = move_public_party(data, now.spec, used, library, partnership)
    data["period"] = _next_period(now.spec.period, spec_path, end, months)
    data["renews"] = os.path.relpath(spec_path.resolve(), path.parent.resolve())
    document = data.setdefault("document", {})
    document["date"] = "ÅÅÅÅ-MM-DD"
    document.pop("diarienummer", None)
    document.pop("status", None)
    if isinstance(data.get("proposal"), dict):
        data["proposal"]["date"] = "ÅÅÅÅ-MM-DD"
    if not texts:
        data.pop("texts")
    ordered = {k: data[k] for k in ("renews", "partnership", "document", "parties", "period", "budget", "figures", "other_amounts",
                                    "other_periods", "texts", "outline", "proposal") if k in data}
    path.parent.mkdir(parents=True, exist_ok=True)
    from drafter.output import write_atomic

    dropped: list = []
    write_atomic(path, _text(spec_path, ordered, path, dropped).encode("utf-8"))
    review = review_renewal(path, ordered, documents, library, moves, spec_path, now.spec.decision)
    if partnership and not loaded.spec.partnership:
        review.append(Review(f"{path.as_posix()}:{_line_of(path, 'partnership:')}",
                             f"partnership: {partnership} skrivet, härlett ur {how} i {spec_path.name} (som inte "
                             "skrev det); nu avgör fältet vilka partnerskapsklausuler specen får använda",
                             f"partnership: {partnership}"))
    review += comments_dropped(path, dropped)
    return Renewal(path, review, _choices(used, library, now.spec.public))


def _partnership(loaded, library, documents) -> tuple[str | None, str]:
    """The old spec's partnership, written or inferred as `drafter check` decides it: the new spec writes it."""
    from drafter.checks.context import CheckContext
    from drafter.checks.partnership import decided

    return decided(CheckContext(loaded, library, list(documents)))


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.startswith(text)), 1)


def _text(old: Path, data: dict, new: Path, dropped: list) -> str:
    head = (f"# Förnyelse av {old.name}, skriven av `drafter renew`.\n"
            "# Parter, budget, uppgifter och avsnitt som överenskommelsen lyder efter sina tillägg.\n"
            "# Gör det som `drafter renew` listade under Att göra, läs det under Att känna till och kör\n"
            f"#   drafter check {new.parent.name}/{new.name}\n\n")
    from drafter.spec.yaml_keep import rewrite
    from drafter.spec.yaml_write import read_text

    return rewrite(read_text(old), data, head, old.name, dropped)  # the old spec's comments kept where they apply


# --- clause versions: pinned, with the newer ones to choose from ---------------------------------


def _versions_used(documents) -> dict[str, int]:
    used: dict[str, int] = {}
    for doc in documents:
        if doc.kind in ("agreement", "proposal", "consolidated"):
            for section in doc.walk_sections():
                if section.clause:
                    used[section.clause.id] = section.clause.version
    return used


def _pin(items, used: dict[str, int]) -> None:
    """Every plain clause id of a list outline gets the version the old documents used."""
    if not isinstance(items, list):
        return
    for i, item in enumerate(items):
        if isinstance(item, str) and "@" not in item and item in used:
            items[i] = f"{item}@{used[item]}"
        elif isinstance(item, dict):
            clause = item.get("clause")
            if clause and "@" not in clause and clause in used:
                item["clause"] = f"{clause}@{used[clause]}"
            _pin(item.get("sections"), used)


def _choices(used: dict[str, int], library, public=None) -> list[ClauseChoice]:
    """The newer versions an official may choose; one fastställd only for others says for whom, since
    for this spec's public party it is not fastställd (check then says clause-unapproved)."""
    out = []
    for clause_id, version in sorted(used.items()):
        newer = [(v.version, _status_for(v, public), v.meta.rationale) for v in library.versions(clause_id)
                 if v.version > version and v.meta.status in ("fastställd", "granskad")]
        if newer:
            out.append(ClauseChoice(clause_id, version, newer))
    return out


def _status_for(version, public) -> str:
    from drafter.clauses.scope import approvals_covering, party_scope, scope_of

    if version.meta.status != "fastställd" or public is None or approvals_covering(version.meta.all_approvals, public):
        return version.meta.status
    scopes = list(dict.fromkeys(scope_of(a).describe() for a in version.meta.all_approvals))
    return f"fastställd för {', '.join(scopes)}, inte för {party_scope(public).describe()}"


# --- the period ---------------------------------------------------------------------------------


def _next_period(period, spec_path: Path, end: dt.date | None, months: int | None) -> dict:
    """Start the day after the old agreement's last possible day; the end as the user gives it."""
    last = period.renewal.max_end if period.renewal else period.end
    start = last + dt.timedelta(days=1)
    if end is not None and months is not None:
        raise PeriodError("Ange antingen ett slutdatum eller en längd i månader för den nya överenskommelsen, "
                          "inte båda.", Where(str(spec_path)), f"Den nya perioden börjar {start.isoformat()}.",
                          ("end", "months"))
    if end is None and months is None:
        raise PeriodError("Ange hur länge den nya överenskommelsen ska gälla: --end ÅÅÅÅ-MM-DD eller --months N.",
                          Where(str(spec_path)), f"Den nya perioden börjar {start.isoformat()}.", ("end", "months"))
    if end is None:
        year, month = divmod(start.month - 1 + (months or 0), 12)
        end = dt.date(start.year + year, month + 1, 1) - dt.timedelta(days=1)
    if end <= start:
        raise PeriodError(f"Slutdatumet {end.isoformat()} ligger före den nya periodens start, {start.isoformat()}.",
                          Where(str(spec_path)), fields=("end",) if months is None else ("months",))
    new: dict = {"start": start, "end": end}
    if period.renewal:
        new["renewal"] = {"unit": period.renewal.unit, "max_end": _moved(period.renewal.max_end, period.end, end),
                          "notice_deadline": period.renewal.notice_deadline}
        if "min_notice_months" in period.renewal.model_fields_set:  # the spec's own limit for notice-short
            new["renewal"]["min_notice_months"] = period.renewal.min_notice_months
    return new


def _moved(day: dt.date, old_end: dt.date, new_end: dt.date) -> dt.date:
    """`day` (the extension limit) as far after `new_end` as it was after `old_end`: in whole months when
    it is so far (31 March 2028 → 31 March 2031 is 36 months; a leap day between must not make 2036's
    limit 30 March), else in days."""
    import calendar

    def month_end(d: dt.date) -> bool:
        return d.day == calendar.monthrange(d.year, d.month)[1]

    months = (day.year - old_end.year) * 12 + day.month - old_end.month
    if not (day.day == old_end.day or (month_end(day) and month_end(old_end))):
        return day + (new_end - old_end)
    year, month = divmod(new_end.month - 1 + months, 12)
    last = calendar.monthrange(new_end.year + year, month + 1)[1]
    return dt.date(new_end.year + year, month + 1, last if month_end(new_end) else min(new_end.day, last))
