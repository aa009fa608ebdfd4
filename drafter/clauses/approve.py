"""Approve a clause version: status fastställd and its approval in the front matter, its text in the lock.

Only the front matter lines that must change are rewritten (the `status:` line, and an `approval:`
block put right after it); every other byte of the file, the body above all, stays as it was. The
body's sha256 then goes into clauses/approvals.lock, so `drafter check` (clause-text-changed) finds
any later edit of the approved text. Both files are replaced whole (a crash leaves the old file or
the new one, never an empty one), under a lock on the library folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import string
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import yaml

from drafter.clauses.front_matter import Approval, AppliesTo
from drafter.clauses.library import ClauseLibrary, ClauseNotFound, ClauseVersion
from drafter.clauses.lock import approval_record, lock_entry, read_lock, write_lock
from drafter.clauses.scope import (
    Scope, body_of, committee_name, delegation_of, is_nämnd, is_organ, is_styrelse, looks_like_organisation, not_an_organ,
    same_nämnd, same_organisation, scope_of, who_may_approve,
)
from drafter.errors import DrafterError, Where
from drafter.output import locked, write_atomic

_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
REF = re.compile(r"^([a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)*)@v?([1-9][0-9]*)$")


class ApprovalRefused(DrafterError):
    """The version exists but cannot be approved as it stands (already fastställd, upphävd, locked): exit 1."""

    exit_code = 1


class ApprovalFieldError(DrafterError):
    """Bad input in an approval's fields (exit 2). The message names fields as `{organisation}`, or
    with an example value as `{organisation:Stockholms stad}`; each front end names them its own way
    with `named` (the CLI its options, the web form its labels). Unnamed, they read as the front
    matter's field names."""

    FIELDS: ClassVar[dict[str, str]] = {"by": "by", "organisation": "applies_to.organisation",
                                        "committee": "applies_to.committee"}

    def __init__(self, template: str, hint: str):
        self.template, self.hint_template = template, hint
        super().__init__(*self._filled(lambda name, example: f"{name}: {example}" if example else name, self.FIELDS))

    def _filled(self, show: Callable[[str, str], str], names: dict[str, str]) -> tuple[str, None, str]:
        formatter = _Fields(show, {**self.FIELDS, **names})
        return formatter.format(self.template), None, formatter.format(self.hint_template)

    def named(self, names: dict[str, str], show: Callable[[str, str], str]) -> DrafterError:
        """The same error in one front end's words: `names` per field, `show(name, example)` for a field
        with an example value."""
        return DrafterError(*self._filled(show, names))


class _Fields(string.Formatter):
    def __init__(self, show: Callable[[str, str], str], names: dict[str, str]):
        self.show, self.names = show, names

    def get_value(self, key, args, kwargs):
        return self.names[key]

    def format_field(self, value, format_spec):
        return self.show(value, format_spec)


def parse_date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DrafterError(f"'{text}' är inget giltigt datum.", hint="Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-07-01.") from None


def find_version(library: ClauseLibrary, ref: str) -> ClauseVersion:
    """`id@N` (or `id@vN`) as given on the command line; an unknown id or version is bad input (exit 2)."""
    match = REF.fullmatch(ref)
    if not match:
        raise DrafterError(f"'{ref}' anger ingen klausulversion.", hint="Skriv id@version, t.ex. villkor/aterkrav@2.")
    try:
        return library.get(f"{match.group(1)}@{match.group(2)}")
    except ClauseNotFound as exc:
        raise DrafterError(exc.message, exc.where, exc.hint) from None


AHEAD_DAYS = 30  # a decision date further ahead than this is almost surely a slip (2062 for 2026)
EARLIEST = dt.date(2000, 1, 1)  # before any IOP, and before the kommunallag an approval answers to


def check_date(date: dt.date, today: dt.date | None = None) -> dt.date:
    """The decision date, unless it cannot be one: an approval records a decision already taken, so a
    date more than AHEAD_DAYS ahead (or one before EARLIEST) is refused as a slip, with the date the
    user most likely meant when swapping the year's last two digits gives a plausible one."""
    today = today or dt.date.today()
    if EARLIEST <= date <= today + dt.timedelta(days=AHEAD_DAYS):
        return date
    meant = None
    for year in (date.year // 100 * 100 + int(f"{date.year % 100:02d}"[::-1]), 2000 + date.year % 100):
        with contextlib.suppress(ValueError):  # 2062 for 2026, 1926 for 2026; 29 February may not be there
            if meant is None and EARLIEST <= date.replace(year=year) <= today + dt.timedelta(days=AHEAD_DAYS):
                meant = date.replace(year=year)
    years = date.year - today.year
    when = (f"ligger {years} år fram i tiden" if years > 1 else
            f"ligger {(date - today).days} dagar fram i tiden (mer än {AHEAD_DAYS})" if date > today
            else f"ligger före {EARLIEST.year}")
    raise DrafterError(
        f"Beslutsdatumet {date.isoformat()} {when}. En fastställelse skrivs in när beslutet är fattat, med "
        "sammanträdets datum; inget skrevs.",
        hint=(f"Menade du {meant.isoformat()}? " if meant else "") + "Skriv beslutets datum som ÅÅÅÅ-MM-DD.")


def house_organisation(library: ClauseLibrary) -> str | None:
    """The organisation of the library's house style (husstil.yaml), for an example a user recognises."""
    from drafter.house_style import load_house_style

    try:
        house = load_house_style(library.root)
    except DrafterError:
        return None
    return house.organisation or None if house else None


def approve(library: ClauseLibrary, ref: str, by: str, date: dt.date, organisation: str | None = None,
            committee: str | None = None, paragraph: str | None = None, dnr: str | None = None) -> ClauseVersion:
    """Approve one version (`approve_many` with one ref).

    `organisation` (a kommun or region) and `committee` (one of its nämnder) say for whom the approval
    applies; without them it applies to the one `by` names (drafter/clauses/scope.py). A version that
    is already fastställd for others gets this approval as one more (`approvals:`), its text unchanged."""
    find_version(library, ref)  # an unknown ref is reported first
    approval = new_approval(by, date, organisation, committee, paragraph, dnr, example=house_organisation(library))
    return approve_many(library, [ref], approval)[0]


def approve_many(library: ClauseLibrary, refs: list[str], approval: Approval) -> list[ClauseVersion]:
    """Approve several versions in one decision, under a lock on the library folder (another approve
    waits, so both reach the lock file). Every version is checked before any file is written; then
    each clause file and the lock file are replaced whole, once each (temporary file, rename). A
    failed write puts back the clause files already written, so the library is never half approved."""
    for ref in refs:
        find_version(library, ref)  # an unknown ref is reported before waiting for the lock
    with locked(library.root):
        library = ClauseLibrary(library.root)  # read afresh under the lock: another approve may have written
        clauses = list({c.ref: c for c in (find_version(library, ref) for ref in refs)}.values())
        entries = read_lock(library.root)
        for clause in clauses:
            _refuse(library, clause, approval, entries)
        originals: dict[Path, bytes] = {}
        try:
            approved = [_approve(library, clause, approval, entries, originals) for clause in clauses]
            write_lock(library.root, entries)
        except BaseException:
            for path, original in originals.items():
                with contextlib.suppress(OSError):  # the first error is the one to report
                    write_atomic(path, original)
            raise
        return approved


def new_approval(by: str, date: dt.date, organisation: str | None = None, committee: str | None = None,
                 paragraph: str | None = None, dnr: str | None = None, example: str | None = None) -> Approval:
    """The approval as the front matter will hold it; its scope written out whenever it is known.
    `example`: a kommun or region the user knows (the spec's, the house style's), for the messages."""
    check_date(date)
    by = by.strip()
    if not by:
        raise ApprovalFieldError("Ange {by}: vem som fastställer versionen.",
                                 "T.ex. {by:Socialnämnden i Stockholms stad}.")
    organisation, committee = (organisation or "").strip() or None, (committee or "").strip() or None
    if committee and not organisation:
        raise ApprovalFieldError("{committee} behöver också {organisation}: kommunen eller regionen som nämnden hör till.",
                                 "T.ex. {organisation:Stockholms stad} och {committee:Norrmalms stadsdelsnämnd}.")
    _an_organ_or_its_delegate(by, organisation or example, committee)
    approval = Approval(by=by, date=date, paragraph=(paragraph or "").strip() or None, dnr=(dnr or "").strip() or None)
    if organisation is None:
        inferred = scope_of(approval)
        if inferred.organisation is None:  # a bare organ would apply to the nämnd of that name in any kommun
            shown = by.replace("{", "{{").replace("}", "}}")
            known = (example or "").replace("{", "{{").replace("}", "}}").replace(":", "")
            hint = (f"Ange {{organisation:{known}}}, eller skriv kommunen i {{by}}, t.ex. {{by:{shown} i {known}}}."
                    if known else f"Ange {{organisation}} med kommunens eller regionens namn, eller skriv den i {{by}}, "
                    f"t.ex. {{by:{shown} i [kommunen]}}.")
            raise ApprovalFieldError(
                f"Det går inte att se vilken kommun eller region '{shown}' hör till, och {{organisation}} saknas; "
                "en fastställelse gäller bara där den som fastställer får besluta.", hint)
        organisation, committee = inferred.organisation, inferred.committee and committee_name(inferred.committee)
    else:
        body = body_of(by)
        if body.organisation is not None and not looks_like_organisation(body.organisation):
            body = Scope(None, by)  # "Stadsdelsnämnden i Rinkeby-Kista": a nämnd's own name, not its kommun
        _within_its_area(by, body, organisation, committee)
        if committee is None and "nämnd" in (body.committee or "").casefold():
            # "--av Kultur- och fritidsnämnden (i Sundbybergs stad) --för Sundbybergs stad": a nämnd decides
            # for itself, never for the whole kommun (kommunallagen 6 kap. 2–3 §§). Kommunstyrelsen with
            # --för keeps applying to the whole kommun, as README has it (a kommun-wide decision it was given).
            committee = committee_name(body.committee or by)
    committee = committee_name(committee) if committee else None  # one form: "fritidsnämnden", as README writes it
    return approval.model_copy(update={"applies_to": AppliesTo(organisation=organisation, committee=committee)})


def _an_organ_or_its_delegate(by: str, organisation: str | None, committee: str | None) -> None:
    """Bad input unless `by` is an organ of the kommun (fullmäktige, a nämnd, kommunstyrelsen, an utskott)
    or says on whose delegation it decided: a förvaltning, an official, a person or a styrgrupp decides
    nothing for the kommun on its own (kommunallagen 6 kap. 37–38 §§, 7 kap. 5 §). An old approval
    "X på delegation" is still read (scope.body_of); a new one names the organ that delegated."""
    shown = _plain(by)
    whom = (f"{committee} i {organisation}" if committee and organisation else committee or organisation
            or "[kommunen]")
    styrelse = "regionstyrelsen" if (organisation or "").casefold().startswith("region") else "kommunstyrelsen"
    principal_example = (f"{committee} i {organisation}" if committee and organisation else
                         f"{styrelse} i {organisation}" if organisation else "[nämnden] i [kommunen]")
    delegated = delegation_of(by)
    delegate = delegated[0] if delegated else by
    if not_an_organ(delegate):
        raise ApprovalFieldError(
            f"{shown} är inget organ i kommunen och kan inte fastställa, inte heller på delegation: en nämnd "
            "delegerar bara till ett utskott, en ledamot eller ersättare eller en anställd (kommunallagen 6 kap. "
            "37–38 §§); inget skrevs.",
            f"Ange den som beslutade för {_plain(whom)}: {_may_or_any(organisation, committee)}.")
    if delegated is None:
        if is_organ(by):
            return
        raise ApprovalFieldError(
            f"{shown} är inget organ i kommunen (fullmäktige, en nämnd, kommunstyrelsen eller ett utskott), och en "
            "förvaltning eller en tjänsteperson fastställer bara på delegation av en nämnd (kommunallagen 6 kap. "
            "37–38 §§, 7 kap. 5 §); inget skrevs.",
            f"Ange den som beslutade för {_plain(whom)}: {_may_or_any(organisation, committee)}; eller, om "
            f"{shown} beslutade på delegation, skriv vems: {{by:{_example(delegate)} på delegation av "
            f"{_example(principal_example)}}}.")
    principal = delegated[1]
    if principal is None or not is_organ(principal):
        said = f"av {_plain(principal)}, som inte är en nämnd" if principal else "utan att säga av vem"
        raise ApprovalFieldError(
            f"{shown} anger delegation {said}; bara en nämnd (eller fullmäktige) kan delegera sina beslut "
            "(kommunallagen 6 kap. 37 §); inget skrevs.",
            f"Skriv vilken nämnd som delegerade, t.ex. {{by:{_example(delegate)} på delegation av "
            f"{_example(principal_example)}}}.")


def _may_or_any(organisation: str | None, committee: str | None) -> str:
    return _may(organisation, committee) if organisation else "{by:Socialnämnden i Stockholms stad}"


def _example(text: str) -> str:
    """`text` inside a field's example value: no braces, no colon."""
    return re.sub(r"[{}:]", "", text)


def _within_its_area(by: str, body: Scope, organisation: str, committee: str | None) -> None:
    """Bad input when `by` cannot decide for `organisation` (or its nämnd `committee`): a body of another
    kommun or region; or a nämnd other than `committee`, which decides only within its own area
    (kommunallagen 6 kap. 2–3 §§, its reglemente). Fullmäktige decides for the kommun's nämnder
    (5 kap. 1 §); an official or a body named without "nämnd" or "styrelse" (a delegate, "Stockholms stad") is
    taken at its word, as before."""
    shown = _plain(by)
    if body.organisation is not None and not same_organisation(body.organisation, organisation):
        whom = f"{committee} i {organisation}" if committee else organisation
        may = _may(organisation, committee)
        raise ApprovalFieldError(
            f"{shown} hör till {_plain(body.organisation)}, inte till {_plain(organisation)}, och kan inte fastställa för "
            f"{_plain(whom)}; inget skrevs.",
            f"Ange den som beslutade för {_plain(whom)}: {may}.")
    if committee is None or not is_nämnd(body.committee) or is_styrelse(body.committee) \
            or same_nämnd(body.committee or "", committee, organisation):
        return
    raise ApprovalFieldError(
        f"{shown} kan inte fastställa för {_plain(committee)} i {_plain(organisation)}: en nämnd beslutar bara inom sitt eget "
        "område (kommunallagen 6 kap. 2–3 §§ och nämndens reglemente). För den nämnden fastställer nämnden själv "
        "(eller den den har delegerat till), kommunstyrelsen eller fullmäktige; inget skrevs.",
        f"Ange {_may(organisation, committee)}, med det beslutets datum.")


def _may(organisation: str, committee: str | None) -> str:
    """`{by:Äldrenämnden i Västerås stad} eller {by:Kommunfullmäktige i Västerås stad}`, for a hint."""
    names = who_may_approve(Scope(organisation, committee))
    return " eller ".join("{by:" + re.sub(r"[{}:]", "", name) + "}" for name in names)


def _plain(text: str) -> str:
    """`text` inside an ApprovalFieldError's template, where braces name fields."""
    return text.replace("{", "{{").replace("}", "}}")


def _refuse(library: ClauseLibrary, clause: ClauseVersion, approval: Approval, entries: dict) -> None:
    """Raise ApprovalRefused when `clause` cannot be approved as it stands."""
    if clause.meta.status == "upphävd":
        raise ApprovalRefused(f"{clause.ref} är upphävd och kan inte fastställas.", Where(str(clause.path), 2, None, "status"),
                              "Skriv en ny version av klausulen och fastställ den.")
    entry = entries.get(clause.ref)
    if entry is not None and (entry.get("sha256") != clause.sha256
                              or entry.get("heading", clause.meta.heading) != clause.meta.heading):
        raise ApprovalRefused(f"{clause.ref} finns redan i {library.root / 'approvals.lock'} med en annan text eller rubrik.",
                              Where(str(clause.path)), "Skriv en ny version av klausulen och fastställ den.")
    if clause.meta.status == "fastställd":
        wanted = scope_of(approval)
        earlier = [a for a in clause.meta.all_approvals if scope_of(a).covers(wanted)]
        if earlier:
            raise ApprovalRefused(f"{clause.ref} är redan fastställd för {wanted.describe()} ({earlier[0].describe()}); "
                                  "det finns inget att göra, och inget skrevs.",
                                  Where(str(clause.path), 2, None, "status"),
                                  f"Versionen gäller redan för {wanted.describe()}. Bara om texten ska ändras "
                                  "behövs en ny version, som då fastställs.")
        if entry is None:
            raise ApprovalRefused(f"{clause.ref} är fastställd men finns inte i {library.root / 'approvals.lock'}, så "
                                  "det går inte att visa att texten är den som fastställdes.",
                                  Where(str(clause.path)), "Kör python -m drafter.clauses.lock och kontrollera texten.")


def _approve(library: ClauseLibrary, clause: ClauseVersion, approval: Approval, entries: dict,
             originals: dict[Path, bytes]) -> ClauseVersion:
    """Rewrite one checked clause file (its original kept in `originals`) and its entry in `entries`."""
    approvals = [*clause.meta.all_approvals, approval] if clause.meta.status == "fastställd" else [approval]
    original = clause.path.read_bytes()
    write_atomic(clause.path, rewrite_front_matter(original.decode("utf-8"), approvals).encode("utf-8"))
    originals[clause.path] = original
    approved = ClauseLibrary(library.root).get(clause.ref)
    if approved.body != clause.body or approved.meta.status != "fastställd" \
            or approved.meta.all_approvals != approvals:  # never leave a broken file
        raise RuntimeError(f"{clause.path}: front matter kunde inte skrivas om")
    entry = entries.get(clause.ref)
    if entry is None:
        entries[approved.ref] = lock_entry(approved)
    else:
        entry.setdefault("approvals", []).append(approval_record(approval))
    return approved


def rewrite_front_matter(text: str, approvals: list[Approval]) -> str:
    """The front matter with `status: fastställd` and the approvals after it; every other line as it was."""
    lines = text.splitlines(keepends=True)
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    head = lines[1:end]
    status = next(i for i, line in enumerate(head) if _key(line) == "status")
    newline = "\r\n" if head[status].endswith("\r\n") else "\n"
    kept = []
    skipping = False
    for i, line in enumerate(head):
        if _key(line) in ("approval", "approvals"):
            skipping = True
            continue
        if skipping and (line[:1] in (" ", "\t", "-") or not line.strip()):
            continue
        skipping = False
        if i == status:
            kept.append("status: fastställd" + newline)
            kept += [f"approval:{newline}", *_approval_lines(approvals[0], "  ", "  ", newline)]
            if approvals[1:]:
                kept.append(f"approvals:{newline}")
                for later in approvals[1:]:
                    kept += _approval_lines(later, "  - ", "    ", newline)
            continue
        kept.append(line)
    return "".join([lines[0], *kept, *lines[end:]])


def _approval_lines(approval: Approval, first: str, rest: str, newline: str) -> list[str]:
    rows = [f"by: {_scalar(approval.by)}", f"date: {approval.date.isoformat()}"]
    if approval.applies_to is not None:
        scope = approval.applies_to
        rows.append("applies_to: {organisation: " + _scalar(scope.organisation)
                    + (f", committee: {_scalar(scope.committee)}" if scope.committee else "") + "}")
    rows += [f"{key}: {_scalar(value)}" for key, value in (("paragraph", approval.paragraph), ("dnr", approval.dnr))
             if value]
    return [(first if i == 0 else rest) + row + newline for i, row in enumerate(rows)]


def _key(line: str) -> str | None:
    match = _KEY.match(line)
    return match.group(1) if match else None


def _scalar(value: str) -> str:
    """`value` as YAML: plain when it reads back the same (also inside {…}), else a double-quoted string."""
    try:
        if yaml.safe_load(f"by: {value}") == {"by": value} and yaml.safe_load(f"{{by: {value}}}") == {"by": value}:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)

