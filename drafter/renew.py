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
import re
from pathlib import Path

from drafter.errors import PeriodError, Where
from drafter.renew_extension import extension_review, old_years_to_do
from drafter.renew_replaces import replaced_review, say_what_it_replaces
from drafter.renew_review import (ClauseChoice, Renewal, Review, comments_dropped, mandate_review,
                                  review_renewal)
from drafter.standing import RepealedText, Standing, latest_representatives, standing

__all__ = ["renew", "PeriodError", "Renewal", "Review", "ClauseChoice", "Standing", "standing",
           "latest_representatives"]


def renew(spec_path: Path, name: str, agreements: Path, library, end: dt.date | None = None,
          months: int | None = None, start: dt.date | None = None, ended_by=None) -> Renewal:
    """Write agreements/NAME.yaml, the renewal of `spec_path`, and say what to review; `ended_by`, a
    RenewsEndedBy (drafter/renew_ended.py reads it): how and when the old agreement was ended."""
    from drafter.lockfile import pinned_library
    from drafter.newspec import check_new_name
    from drafter.renew_party import move_public_party
    from drafter.spec.load import load_spec

    path = check_new_name(name, agreements)
    loaded = load_spec(spec_path)
    _made_with(loaded, spec_path)
    now = standing(loaded, pinned_library(loaded, library))  # as `build` reads it: its lock, its party's approvals
    data, documents, texts = now.data, now.documents, now.data.setdefault("texts", {})
    latest_representatives(data, now.spec)
    data.pop("decision", None)  # the nämnd decides anew on the renewed agreement
    used = _versions_used(documents)
    _pin(data.get("outline"), used)
    if isinstance(data.get("proposal"), dict):
        _pin(data["proposal"].get("outline"), used)
    outlines = _pin_standards(data, loaded, library)
    replaced = say_what_it_replaces(data, documents, used, library)
    partnership, how = _partnership(loaded, library, documents)
    if partnership:
        data["partnership"] = partnership
    moves = move_public_party(data, now.spec, used, library, partnership)
    from drafter.checks.continuity import runs_on

    running = runs_on(loaded, pinned_library(loaded, library))  # "löper därefter tills vidare"
    data["period"] = _next_period(now.spec.period, spec_path, end, months, start, running)
    data["renews"] = os.path.relpath(spec_path.resolve(), path.parent.resolve())
    data.pop("renews_ends", None)  # the old spec's own predecessor's end says nothing of this one
    data.pop("renews_ended_by", None)
    if start is not None and data["period"]["start"] - dt.timedelta(days=1) != now.spec.period.last_day:
        data["renews_ends"] = data["period"]["start"] - dt.timedelta(days=1)  # the kommun says it up to end then
    if ended_by is not None:  # the day the old one ends is the day before the new one starts
        from drafter.renew_ended import as_data, check_ended_by

        check_ended_by(ended_by, data["period"]["start"] - dt.timedelta(days=1), spec_path)
        data["renews_ended_by"] = as_data(ended_by)
    document = data.setdefault("document", {})
    document["date"] = "ÅÅÅÅ-MM-DD"
    old_number = document.pop("diarienummer", None)  # the renewal is a new ärende, with a number of its own
    document.pop("status", None)
    document.pop("signed", None)  # the renewed agreement is still to be signed
    if isinstance(data.get("proposal"), dict):
        data["proposal"]["date"] = "ÅÅÅÅ-MM-DD"
    if not texts:
        data.pop("texts")
    ordered = {k: data[k] for k in ("renews", "renews_ends", "renews_ended_by", "partnership", "document", "parties", "period", "budget",
                                    "figures", "other_amounts",
                                    "other_periods", "texts", "outline", "proposal") if k in data}
    path.parent.mkdir(parents=True, exist_ok=True)
    from drafter.output import write_atomic

    dropped: list = []
    write_atomic(path, _text(spec_path, ordered, path, dropped, now.spec.decision).encode("utf-8"))
    review = review_renewal(path, ordered, documents, library, moves, spec_path, now.spec.decision)
    if partnership and not loaded.spec.partnership:
        review.append(Review(f"{path.as_posix()}:{_line_of(path, 'partnership:')}",
                             f"partnership: {partnership} skrivet, härlett ur {how} i {spec_path.name} (som inte "
                             "skrev det); nu avgör fältet vilka partnerskapsklausuler specen får använda",
                             f"partnership: {partnership}"))
    if running:  # first: it decides whether two agreements are in force
        review.insert(0, _running_review(path, data.get("renews_ends", now.spec.period.end), spec_path, running, ended_by))
    elif "renews_ends" in data:
        review.insert(0, _notice_review(path, now.spec.period, data["renews_ends"], spec_path, ended_by))
    if old_number:
        review.append(Review(f"{path.as_posix()}:{_line_of(path, 'document:')}",
                             "document.diarienummer följer inte med: den förnyade överenskommelsen är ett nytt ärende; "
                             "skriv dess diarienummer under document: när det finns; det förra var",
                             f"diarienummer: {old_number}"))
    review += comments_dropped(path, dropped) + mandate_review(path, ordered, now.spec)
    review += [_repealed_review(path, text) for text in now.repealed]
    review += _newer_outlines(path, outlines, library)
    review += [replaced_review(path, r) for r in replaced]
    old_years_to_do(review, now.spec.period, data.get("renews_ends"), data["period"])
    extension = extension_review(path, now.spec.period, data["period"])
    if extension is not None:
        review.insert(1 if "renews_ends" in data or running else 0, extension)
    return Renewal(path, review, _choices(used, library, now.spec.public))


def _repealed_review(path: Path, repealed: RepealedText) -> Review:
    """A text of the old spec that the renewal leaves out, since a tillägg took its point out of force
    (said as a dropped diarienummer is: what the old spec had, for the official to write back if wanted)."""
    whole = repealed.text.strip()
    first = whole.splitlines()[0] if whole else ""
    shown = first if len(first) <= 120 and first == whole else first[:117].rstrip() + " …"
    line = _line_of(path, "texts:")
    return Review(f"{path.as_posix()}:{line if line > 1 else _line_of(path, 'outline:')}",
                  f"texts.{repealed.key} följer inte med: " + (
                      f"tillägg nr {repealed.number} gav punkt {repealed.point} {repealed.heading} en ny lydelse, som "
                      "den nya specen har i stället" if repealed.replaced else
                      f"tillägg nr {repealed.number} upphävde punkt {repealed.point} {repealed.heading}, så texten "
                      "gäller inte längre; ska punkten finnas i den nya överenskommelsen, skriv in texten under texts: "
                      "igen och ta med punkten i outline:") + "; det stod",
                  shown)


def _newer_outlines(path: Path, outlines: list, library) -> list[Review]:
    """A standard outline the renewal keeps at the old version when a newer one is in the library: to know,
    with what each newer version raised, as a newer clause version is."""
    from drafter.clauses.outline_versions import history

    out = []
    for choice in outlines:
        if choice.newest > choice.version:
            raised = history(choice.name, library.root)[choice.version:]
            lines = path.read_text(encoding="utf-8").splitlines()
            line = next((n for n, text in enumerate(lines, 1) if f"standard: {choice.name}@{choice.version}" in text), 1)
            out.append(Review(f"{path.as_posix()}:{line}",
                              f"standardmallen har en nyare version (den nya specen använder samma som förut; byt "
                              f"genom att ändra @{choice.version} i standard:)", "; ".join(raised)))
    return out


def _notice_review(path: Path, period, ends: dt.date, old: Path, ended=None) -> Review:
    """The notice the new start needs: the old agreement ends on `ends` only if it is sagt upp in time.
    When the official gave how and when (`ended`, written as renews_ended_by:), the report says it is recorded
    and asks only for the tjänsteutlåtande's sentence (trial 13: it asked to write what was written)."""
    from drafter.formatting import datum

    if ended is not None:
        from drafter.renew_ended import recorded

        return recorded(f"{path.as_posix()}:{_line_of(path, 'renews_ended_by:')}", old, None, ended, ends)
    from drafter.notice_calendar import notice_calendar

    calendar = notice_calendar(period)
    deadline = next((step.deadline for step in (calendar.renewals if calendar else []) if step.after == ends), None)
    by = f" senast {datum(deadline)}" if deadline else ""
    return Review(f"{path.as_posix()}:{_line_of(path, 'renews_ends:')}",
                  f"{old.name} upphör {datum(ends)} bara om den sägs upp{by} (se dess punkt om uppsägning); "
                  "annars förlängs den och perioderna överlappar. Skriv sedan hur och när den sades upp under "
                  "renews: (renews_ended_by: {how: uppsägning, date: ÅÅÅÅ-MM-DD}; `drafter check` varnar tills "
                  "dess)", f"renews_ends: {ends.isoformat()}", todo=True)


def _running_review(path: Path, ends: dt.date, old: Path, sentence: str, ended=None) -> Review:
    """An old agreement that runs on "tills vidare" after its period: it ended on `ends` only as the parties
    ended it. drafter does not know how, and invents no notice day: the official writes it in the ärende
    (and, unless given to the renewal, in renews_ended_by:)."""
    from drafter.formatting import datum

    if ended is not None:
        from drafter.renew_ended import recorded

        return recorded(f"{path.as_posix()}:{_line_of(path, 'renews_ended_by:')}", old, sentence, ended, ends)
    key = "renews_ends:" if _line_of(path, "renews_ends:") > 1 else "renews:"
    return Review(f"{path.as_posix()}:{_line_of(path, key)}",
                  f"{old.name} löper enligt sin text tills vidare efter periodens slut (\"{sentence}\"); den upphör "
                  f"{datum(ends)} bara om den sägs upp så enligt sina villkor eller om parterna skriftligen kommer "
                  "överens om det. Gör det före den nya periodens början, skriv sedan hur och när under renews: "
                  "(renews_ended_by: {how: uppsägning, date: ÅÅÅÅ-MM-DD}, eller how: överenskommelse; `drafter "
                  "check` varnar tills dess) och skriv i tjänsteutlåtandet hur och när den förra överenskommelsen "
                  "upphör; drafter anger ingen uppsägningsdag åt den",
                  f"renews_ends: {ends.isoformat()}" if key == "renews_ends:" else f"renews: {old.name}", todo=True)


def _partnership(loaded, library, documents) -> tuple[str | None, str]:
    """The old spec's partnership, written or inferred as `drafter check` decides it: the new spec writes it."""
    from drafter.checks.context import CheckContext
    from drafter.checks.partnership import decided

    return decided(CheckContext(loaded, library, list(documents)))


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.startswith(text)), 1)


def _text(old: Path, data: dict, new: Path, dropped: list, decided=None) -> str:
    head = (f"# Förnyelse av {old.name}, skriven av `drafter renew`.\n"
            "# Parter, budget, uppgifter och avsnitt som överenskommelsen lyder efter sina tillägg.\n"
            "# Gör det som `drafter renew` listade under Att göra, läs det under Att känna till och kör\n"
            f"#   drafter check {new.parent.name}/{new.name}\n\n")
    from drafter.newspec import field_comments
    from drafter.spec.yaml_keep import rewrite
    from drafter.spec.yaml_write import read_text

    text = rewrite(read_text(old), data, head, old.name, dropped, field_comments())  # the old comments where they apply
    if "renews_ends" in data:  # beside renews:, saying what it records
        text = re.sub(r"(?m)^(renews: .*)\n\n(renews_ends: \S+)$",
                      r"\1\n\2  # den förnyade överenskommelsen sägs upp att upphöra denna dag", text, count=1)
    return text if decided is None or "# decision:" in text else _with_scaffold(text)


def _with_scaffold(text: str) -> str:
    """The commented `decision:` block of `drafter new` back where it stands in a new spec (before
    figures:, texts: or outline:), for the nämnd's new decision: the old decision went with its field."""
    from drafter.newspec import decision_scaffold

    lines = text.splitlines(keepends=True)
    for key in ("figures:", "texts:", "outline:", "proposal:"):
        at = next((n for n, line in enumerate(lines) if line.startswith(key)), None)
        if at is not None:
            while at > 0 and lines[at - 1].startswith("#"):  # the field's own comment lines stay with it
                at -= 1
            return "".join(lines[:at]) + decision_scaffold() + "\n" + "".join(lines[at:])
    return text.rstrip("\n") + "\n\n" + decision_scaffold()


# --- clause versions: pinned, with the newer ones to choose from ---------------------------------


def _versions_used(documents) -> dict[str, int]:
    used: dict[str, int] = {}
    for doc in documents:
        if doc.kind in ("agreement", "proposal", "consolidated"):
            for section in doc.walk_sections():
                if section.clause:
                    used[section.clause.id] = section.clause.version
    return used


def _made_with(loaded, spec_path: Path) -> None:
    """What the old spec was last made with (its lock, its build in output/), as `check` reads it: a standard
    outline named without a version then resolves to the version its documents were built from."""
    from drafter.clauses.outline_versions import record_built
    from drafter.lockfile import lock_path, read_lock
    from drafter.pipeline import Settings, record_lock

    loaded.records = record_built(spec_path, Settings().out_dir)
    record_lock(loaded, read_lock(lock_path(spec_path)), lock_path(spec_path))


def _pin_standards(data: dict, loaded, library) -> list:
    """A standard outline named without a version gets the version the old documents were made from
    (drafter/clauses/outline_versions.py), so that the renewal starts from the same text."""
    from drafter.clauses.outline_versions import chosen

    written = []
    for path, choice in chosen(loaded, library.root):
        holder = data if path[0] == "outline" else data.get("proposal") if path[0] == "proposal" else None
        if isinstance(holder, dict) and isinstance(holder.get("outline"), dict):
            holder["outline"]["standard"] = f"{choice.name}@{choice.version}"
            written.append(choice)
    return written


def _pin(items, used: dict[str, int]) -> None:
    """Every plain clause id the outline names gets the version the old documents used: in a list
    outline (and its subsections), and in a standard outline's `replace:` values and `add:` items (its
    `remove:`/`move:` and the keys of `replace:` name sections of the standard outline, not versions)."""
    if isinstance(items, dict):  # a standard outline
        replace = items.get("replace")
        if isinstance(replace, dict):
            for key, item in replace.items():
                replace[key] = _pinned(item, used)
        for addition in items.get("add") or ():
            if isinstance(addition, dict) and "item" in addition:
                addition["item"] = _pinned(addition["item"], used)
        return
    if not isinstance(items, list):
        return
    for i, item in enumerate(items):
        items[i] = _pinned(item, used)


def _pinned(item, used: dict[str, int]):
    """One outline item with its clause (and those of its subsections) pinned."""
    if isinstance(item, str) and "@" not in item and item in used:
        return f"{item}@{used[item]}"
    if isinstance(item, dict):
        clause = item.get("clause")
        if isinstance(clause, str) and "@" not in clause and clause in used:
            item["clause"] = f"{clause}@{used[clause]}"
        _pin(item.get("sections"), used)
    return item


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


def _next_period(period, spec_path: Path, end: dt.date | None, months: int | None,
                 start: dt.date | None = None, running: str | None = None) -> dict:
    """Start the day after the old agreement's last possible day, or on `start` when that is the day
    after one it can end on when given notice (the notice calendar); the end as the user gives it.
    An old agreement that runs on "tills vidare" (`running`, its sentence) has no last day: the user
    says when the new one starts, since drafter cannot know when the old one was (or will be) ended."""
    from drafter.formatting import datum
    from drafter.notice_calendar import possible_ends

    ends = possible_ends(period)
    if start is None and running:
        after = period.end + dt.timedelta(days=1)
        past = (f" Dagen efter periodens slut, {datum(after)}, har dessutom redan varit." if after <= dt.date.today()
                else "")
        raise PeriodError(f"{spec_path.name} löper enligt sin text tills vidare efter sin period (\"{running}\"), så "
                          f"den upphör inte av sig själv {datum(period.end)}, utan först när den sägs upp enligt sina "
                          "villkor eller parterna skriftligen kommer överens om att den ska upphöra. drafter kan "
                          "därför inte veta när den nya perioden kan börja utan att två överenskommelser gäller "
                          f"samtidigt och kommunen betalar två gånger.{past} Ange den nya periodens första dag med "
                          "--start ÅÅÅÅ-MM-DD.", Where(str(spec_path)),
                          "Välj en dag då den gamla överenskommelsen hinner sägas upp eller avslutas; den ska upphöra "
                          "dagen före. När det är gjort skriver du hur och när i den nya specen (renews_ended_by:).",
                          ("start",))
    if start is None:
        start = period.last_day + dt.timedelta(days=1)
    elif start - dt.timedelta(days=1) not in ends and not (running and start - dt.timedelta(days=1) > period.end):
        firsts = [datum(day + dt.timedelta(days=1)) for day in ends]
        days = " eller ".join(filter(None, (", ".join(firsts[:-1]), firsts[-1])))
        raise PeriodError(f"Den nya perioden kan inte börja {datum(start)}: den gamla överenskommelsen kan inte "
                          f"upphöra {datum(start - dt.timedelta(days=1))}. Den kan bara upphöra när en period eller "
                          "förlängning slutar, så den nya kan börja " + days + ".",
                          Where(str(spec_path)), "Välj ett av de datumen som första dag, eller ange ingen första dag, "
                          "så börjar den nya perioden dagen efter det längsta slutdatumet. (Bara en "
                          "överenskommelse vars text säger att den löper tills vidare efter perioden kan upphöra "
                          "vilken dag som helst därefter.)", ("start",))
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
