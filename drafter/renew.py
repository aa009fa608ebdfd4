"""`drafter renew`: the next spec of a partnership, as the agreement stands after its amendments.

Renewing is the job officials do most. The new spec carries the parties, budget rows, figures and
texts as the last tillägg left them (not as first signed), folds the tillägg's point changes into the
outline (a new point becomes a section, a repealed one goes), pins every clause to the version the
old agreement used (so no approval moves it silently), sets `renews:` and moves the period on. What
only a person can judge is listed, each with its file and line: texts and figures that state a year,
a date or an amount typed by hand, and clauses that have a newer approved version.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError, Where
from drafter.formatting import datum, kronor
from drafter.model.nodes import Document
from drafter.spec.model import Spec

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseVersion

YEAR = re.compile(r"(?<![\d-])(19|20)\d{2}(?![\d-])")
MONTH_DATE = re.compile(r"\b\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
                        r"december)\b", re.IGNORECASE)
AMOUNT = re.compile(r"\b\d{1,3}(?:[ \u00a0]\d{3})+(?:[ \u00a0]?(?:kr|kronor|tkr))?\b|\b\d+[ \u00a0]?(?:kr|kronor|tkr)\b")
_EXPRESSION = re.compile(r"{{.*?}}|{%.*?%}", re.S)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


class PeriodError(DrafterError):
    """The new period as asked for cannot be (no length, both an end and a length, an end before the
    start); `fields`: which of the asker's inputs it is about ("end", "months"), for the web page's form."""

    def __init__(self, message: str, where: Where, hint: str | None = None, fields: tuple[str, ...] = ()):
        super().__init__(message, where, hint)
        self.fields = fields


@dataclass
class Review:
    """Something the official must read before the renewed spec is used."""

    where: str  # "agreements/x-2029.yaml:41" or "street-minds/bakgrund@1:18"
    what: str  # what to look at, in Swedish
    text: str  # the sentence or value
    todo: bool = False  # must be done before the new agreement is built and decided; else to know


@dataclass
class ClauseChoice:
    """A clause the renewal pins, and the newer versions the official may choose instead."""

    clause_id: str
    pinned: int
    newer: list[tuple[int, str, str]] = field(default_factory=list)  # (version, status, rationale)


@dataclass
class Renewal:
    path: Path
    review: list[Review]
    choices: list[ClauseChoice]

    def report(self, renewed: str, shown: str | None = None) -> list[tuple[str, list[str]]]:
        """What `drafter renew` and the web page's Förnya tell, in the same words: (heading, lines) in
        order, the first and last without lines; between them what the official must do before the new
        agreement can be built and decided, then what is for information (a trial found the two mixed in
        one list of 40 lines). `renewed`: the old spec's file name; `shown`: the new spec's path as the
        reader knows it (default: as written)."""
        path = shown or str(self.path)
        parts: list[tuple[str, list[str]]] = [(f"{path}: skriven, förnyar {renewed}.", [])]
        todo = [_said(item) for item in self.review if item.todo]
        if todo:
            parts.append((TODO, todo))
        know = [_said(item) for item in self.review if not item.todo]
        if self.choices:
            know.append("Nyare klausulversioner att välja (den nya specen använder samma versioner som förut; "
                        "byt genom att ändra @N i outline:):")
            know += [f"{c.clause_id}@{c.pinned} → v{version} ({status}): {rationale}"
                     for c in self.choices for version, status, rationale in c.newer]
        if know:
            parts.append((KNOW, know))
        parts.append((f"Gör det som står under Att göra och kör `drafter check {path}`." if todo
                      else f"Kör `drafter check {path}`.", []))
        return parts


TODO = "Att göra innan den nya överenskommelsen kan byggas och beslutas:"
KNOW = "Att känna till (hindrar inte att den nya specen byggs):"


def _said(item: Review) -> str:
    return f"{item.where}: {item.what}: \"{item.text}\""


def renew(spec_path: Path, name: str, agreements: Path, library, end: dt.date | None = None,
          months: int | None = None) -> Renewal:
    """Write agreements/NAME.yaml, the renewal of `spec_path`, and say what to review."""
    from drafter.lockfile import pinned_library
    from drafter.newspec import check_new_name
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
    moves = _move_public_party(data, now.spec, used, library)
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
    ordered = {k: data[k] for k in ("renews", "document", "parties", "period", "budget", "figures", "other_amounts",
                                    "other_periods", "texts", "outline", "proposal") if k in data}
    path.parent.mkdir(parents=True, exist_ok=True)
    from drafter.output import write_atomic

    write_atomic(path, _text(spec_path, ordered).encode("utf-8"))
    review = _to_fill_in(path, ordered) + _party_review(path, moves) + _review(path, ordered, documents, library, {
        m.clause_id: m.new for m in moves if isinstance(m, _Drafted)})
    if now.spec.decision is not None:
        review.append(Review(str(path), "nämndens beslut (decision:) följer inte med: nämnden beslutar på nytt "
                                        "om den förnyade överenskommelsen; skriv in det nya beslutet under decision: "
                                        "när det är fattat; det förra var",
                             _decision_said(now.spec.decision), todo=True))
    return Renewal(path, review, _choices(used, library, now.spec.public))


def _move_public_party(data: dict, spec, used: dict[str, int], library) -> list:
    """The förvaltning as party becomes its kommun (drafter/renew_party.py); partnership texts that named
    it get draft versions that still do."""
    from drafter.renew_party import draft_forvaltning_versions, repin, to_legal_person

    bodies = [str(t) for t in (data.get("texts") or {}).values()]
    bodies += [library.get(f"{c}@{v}").body for c, v in sorted(used.items())]
    moves = to_legal_person(data, spec, bodies)
    if not any(m.what.startswith("parten är nu") for m in moves):
        return moves
    pins, shared = draft_forvaltning_versions(used, library)
    repin(data.get("outline"), pins)
    if isinstance(data.get("proposal"), dict):
        repin(data["proposal"].get("outline"), pins)
    return (moves + [_Drafted(clause_id, used[clause_id], new) for clause_id, new in pins.items()]
            + [_Shared(ref) for ref in shared])


@dataclass
class _Drafted:
    clause_id: str
    old: int
    new: int


@dataclass
class _Shared:
    ref: str  # a clause of the shared library that writes {{ public.name }}


def _party_review(path: Path, moves: list) -> list[Review]:
    from drafter.spec.yaml_reader import read_yaml

    _, positions = read_yaml(path)
    shown = path.as_posix()
    out = []
    shared = [move.ref for move in moves if isinstance(move, _Shared)]
    for move in moves:
        if isinstance(move, _Drafted):
            out.append(Review(f"{move.clause_id}@{move.new}", f"ny version (utkast) av {move.clause_id}@{move.old} "
                              "som skriver {{ forvaltning }} där den skrev {{ public.name }}: texten läses som "
                              "förut; granska och fastställ den", f"{move.clause_id}@{move.old} → @{move.new}",
                              todo=True))
        elif isinstance(move, _Shared):
            if move.ref == shared[0]:  # one line for them all: the same thing to read in each
                out.append(Review("klausulbiblioteket", (
                    "klausulen ur det gemensamma biblioteket skriver {{ public.name }}" if len(shared) == 1 else
                    f"{len(shared)} klausuler ur det gemensamma biblioteket skriver {{{{ public.name }}}}")
                    + ": i den nya överenskommelsen står där kommunen, som är parten, där det förut stod "
                    "förvaltningen; läs texterna, och välj en nyare version där det finns en", ", ".join(shared)))
        else:
            out.append(Review(f"{shown}:{_line(positions, ('parties', move.index, 'name'))}", move.what, move.text,
                              todo=not move.what.startswith("parten är nu")))  # else: the kommun was not found
    return out


def _to_fill_in(path: Path, data: dict) -> list[Review]:
    """The dates the renewal leaves as ÅÅÅÅ-MM-DD, and a signatory with no name: without them the
    documents cannot be signed."""
    from drafter.spec.yaml_reader import read_yaml

    _, positions = read_yaml(path)
    shown = path.as_posix()
    out = []
    for field_path, what in ((("document", "date"), "överenskommelsens datum"),
                             (("proposal", "date"), "tjänsteutlåtandets datum")):
        if (data.get(field_path[0]) or {}).get("date") == "ÅÅÅÅ-MM-DD":
            out.append(Review(f"{shown}:{_line(positions, field_path)}", f"fyll i {what}", "date: ÅÅÅÅ-MM-DD",
                              todo=True))
    for n, party in enumerate(data.get("parties") or []):
        if not isinstance(party, dict):
            continue
        people = [("signatory",), *((("signatories", i)) for i in range(len(party.get("signatories") or [])))]
        for where in people:
            person = party.get(where[0]) if len(where) == 1 else party["signatories"][where[1]]
            if isinstance(person, dict) and not person.get("name"):
                out.append(Review(f"{shown}:{_line(positions, ('parties', n) + where)}",
                                  f"ange namnet på den som undertecknar för {party.get('name')}",
                                  f"title: {person.get('title', '')}".strip(), todo=True))
    return out


@dataclass
class Standing:
    """A spec's agreement as it stands after all its amendments, as spec data with no amendments:
    what `renew` carries over and what `compare` compares by default."""

    data: dict  # the spec's data: the amended parties, budget and figures, the outline with the point changes
    spec: Spec  # the data as last amended (before the outline is folded)
    documents: list  # every document the old spec builds
    amended: Document | None = None  # the agreement as the last tillägg numbers it ("3.2 a"), when there is one


def standing(loaded, library) -> Standing:
    from drafter.assemble import assemble_all

    documents, states = assemble_all(loaded, library)
    last = states[-1].loaded if states else loaded
    data = copy.deepcopy({k: v for k, v in last.data.items() if k != "amendments"})
    signed = next(d for d in documents if d.kind == "agreement")
    texts = data.setdefault("texts", {})
    _fold_amendments(data, loaded.spec.amendments, signed, texts)
    if not texts:
        data.pop("texts")
    return Standing(data, last.spec, documents, states[-1].consolidated if states else None)


def latest_representatives(data: dict, spec) -> None:
    """Each party signed for by its latest representative (`representatives:`), as plain signatories."""
    for party, written in zip(spec.parties, data.get("parties") or []):
        if not party.representatives or not isinstance(written, dict):
            continue
        people = [s.model_dump(exclude_none=True) for s in party.signatories_on(dt.date.max)]
        for key in ("signatory", "signatories", "representatives"):
            written.pop(key, None)
        if len(people) == 1:
            written["signatory"] = people[0]
        else:
            written["signatories"] = people


def _decision_said(decision) -> str:
    said = [f"beslut av {decision.by}" if decision.by else "nämndens beslut"]
    if decision.date:
        said.append(f"den {datum(decision.date)}")
    if decision.ceiling:
        said.append(f"tak {kronor(decision.ceiling.amount)} "
                    f"{'per år' if decision.ceiling.per == 'år' else 'för hela perioden'}")
    if decision.latest_end:
        said.append(f"senast till {datum(decision.latest_end)}")
    return ", ".join(said)


def _text(old: Path, data: dict) -> str:
    head = (f"# Förnyelse av {old.name}, skriven av `drafter renew`.\n"
            "# Parter, budget, uppgifter och avsnitt som överenskommelsen lyder efter sina tillägg.\n"
            "# Gör det som `drafter renew` listade under Att göra, läs det under Att känna till och kör\n"
            f"#   drafter check {old.parent.name}/…yaml\n\n")
    from drafter.spec.yaml_keep import rewrite
    from drafter.spec.yaml_write import read_text

    return rewrite(read_text(old), data, head, old.name)  # the old spec's comments kept where they apply


# --- the tillägg's point changes, into the outline ------------------------------------------------


def _fold_amendments(data: dict, amendments, signed, texts: dict) -> None:
    """Each replaced, repealed or inserted point of the tillägg, as the outline of the new agreement.

    A point is found as the amendment code finds it (drafter/assemble/amendments.py): by its number in
    the signed agreement, whose section is known by its clause (else heading) and occurrence, so two
    sections with one heading, or one clause used twice, are two points here too. Every change is
    placed against the outline as written, then carried out, so a repeal cannot shift a later change."""
    from drafter.assemble.amendments import identities

    by_number = {s.number: key for key, s in identities(signed.sections) if s.number}
    outline = data.get("outline")
    slots = _outline_slots(outline) if isinstance(outline, list) else {}
    edits: dict[int, tuple[list, dict[int, dict]]] = {}  # id(list) → (the list, {index: what happens to it})
    for amendment in amendments:
        for c, change in enumerate(amendment.changes):
            if change.point is None or change.point not in by_number:
                continue
            target = by_number[change.point]
            new_item = None
            if change.clause or change.text:
                new_item = {"clause": change.clause} if change.clause else {}
                if change.text:
                    key = f"tillagg-{amendment.number}-{c + 1}"
                    texts[key] = change.text
                    new_item["key"] = key
                if change.heading:
                    new_item["heading"] = change.heading
            if isinstance(outline, dict):
                _apply_to_standard(outline, _base(target), change, new_item)
            elif target in slots:
                items, index = slots[target]
                edit = edits.setdefault(id(items), (items, {}))[1].setdefault(index, {"after": []})
                if change.remove:
                    edit["remove"] = True
                elif change.replace:
                    edit["replace"] = new_item or {}
                elif change.insert_after:
                    edit["after"].append(new_item)
    for items, by_index in edits.values():
        rebuilt = []
        for index, item in enumerate(items):
            edit = by_index.get(index, {"after": []})
            if "replace" in edit:
                old = item if isinstance(item, dict) else {"clause": item}
                item = {**{k: v for k, v in old.items() if k == "sections"}, **edit["replace"]}
            if not edit.get("remove"):
                rebuilt.append(item)
            rebuilt += edit["after"]
        items[:] = rebuilt


def _outline_slots(items: list) -> dict[str, tuple[list, int]]:
    """Each outline item by the identity its section has in the document (clause, else heading, counted
    when it repeats, in reading order, as `identities` counts them): the list that holds it and where."""
    from collections import Counter

    seen: Counter[str] = Counter()
    slots: dict[str, tuple[list, int]] = {}

    def walk(level: list) -> None:
        for index, item in enumerate(level):
            base = _ident_of(item)
            if base is not None:
                seen[base] += 1
                slots[base if seen[base] == 1 else f"{base}#{seen[base]}"] = (level, index)
            if isinstance(item, dict) and isinstance(item.get("sections"), list):
                walk(item["sections"])

    walk(items)
    return slots


def _base(key: str) -> str:
    """"#Villkor" of "#Villkor#2", "villkor/period" of "villkor/period#2": the identity without its count."""
    head, mark, count = key.rpartition("#")
    return head if mark and head and count.isdigit() else key


def _apply_to_standard(outline: dict, target: str, change, new_item: dict | None) -> None:
    name = target.lstrip("#")
    if change.remove:
        outline.setdefault("remove", []).append(name)
    elif change.replace:
        outline.setdefault("replace", {})[name] = new_item
    elif change.insert_after:
        outline.setdefault("add", []).append({"after": name, "item": new_item})


def _ident_of(item) -> str | None:
    if isinstance(item, str):
        return item.partition("@")[0]
    if not isinstance(item, dict):
        return None
    if item.get("clause"):
        return item["clause"].partition("@")[0]
    return f"#{item['heading']}" if item.get("heading") else None


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


def _status_for(version: "ClauseVersion", public) -> str:
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


# --- what to review -----------------------------------------------------------------------------


def _review(path: Path, data: dict, documents, library, pins: dict[str, int]) -> list[Review]:
    """Texts and figures of the new spec, and the partnership's own clauses, that state a year, a date
    or an amount typed by hand (not computed from the spec's data)."""
    from drafter.spec.yaml_reader import read_yaml

    _, positions = read_yaml(path)
    shown = path.as_posix()
    found: list[Review] = []
    used = _used_versions(documents, library, pins)
    for key, value in (data.get("texts") or {}).items():
        found += _mentions(f"{shown}:{_line(positions, ('texts', key))}", f"texten {key}", str(value))
    for key, value in (data.get("figures") or {}).items():
        where = f"{shown}:{_line(positions, ('figures', key))}"
        if isinstance(value, dt.date) or YEAR.search(str(value)) or YEAR.search(key):
            users = _figure_users(key, used)
            found.append(Review(where, f"uppgiften {key} gäller en viss tidpunkt; ange den för den nya perioden"
                                + (f" (den står i {', '.join(users)})" if users else ""), f"{key}: {value}",
                                todo=True))
    found += _declared(data, positions, shown)
    for field_path in (("document", "title"), ("document", "subject"), ("proposal", "title"),
                       ("proposal", "subtitle")):
        value = (data.get(field_path[0]) or {}).get(field_path[1])
        if value:
            found += _mentions(f"{shown}:{_line(positions, field_path)}", ".".join(field_path), str(value))
    seen: set[str] = set()
    for ref, version in used:
        if version.id in seen:
            continue
        seen.add(version.id)
        if not version.meta.partnership:
            continue  # a generic clause states no fact about this partnership
        for n, line in enumerate(version.body.splitlines()):
            # Expressions are computed, so "…"; only what stands as typed can be stale.
            sentences = [s.strip() for s in _SENTENCE.findall(_EXPRESSION.sub("…", line))]
            hits = [s for s in sentences if _mentions("", "", s)]
            if hits:
                found += _mentions(f"{ref}:{version.body_line + n}", f"klausulen {version.id}", " ".join(hits))
    return found


def _used_versions(documents, library, pins: dict[str, int]) -> list[tuple[str, "ClauseVersion"]]:
    """("id@version", the version) of every clause version the new spec uses (a pin, else the version the
    old documents used), in document order, each once: what the review reads."""
    used: dict[str, "ClauseVersion"] = {}
    for doc in documents:
        for section in doc.walk_sections():
            clause = section.clause
            if clause:
                ref = f"{clause.id}@{pins.get(clause.id, clause.version)}"
                if ref not in used:
                    used[ref] = library.get(ref)
    return list(used.items())


def _figure_users(key: str, used: list[tuple[str, "ClauseVersion"]]) -> list[str]:
    """The clause versions the new spec uses (_used_versions) whose text says `figures.key` (in any
    expression): where a figure for a date shows, and what a new version must change if it is renamed."""
    said = re.compile(r"\{\{[^}]*\bfigures\." + re.escape(key) + r"(?!\w)")
    return [ref for ref, version in used if said.search(version.body)]


def _declared(data: dict, positions, shown: str) -> list[Review]:
    """The other amounts and periods the texts may state (other_amounts, other_periods): an amount was
    true of the old agreement (an own contribution, a first half-year's share) until someone says it is
    true of the new one; a period that ends before the new agreement starts is history."""
    found = []
    start = _as_date((data.get("period") or {}).get("start"))
    for name, value in (data.get("other_periods") or {}).items():
        end = _as_date(value.get("end")) if isinstance(value, dict) else None
        if start and end and end < start:
            found.append(Review(f"{shown}:{_line(positions, ('other_periods', name))}",
                                f"perioden {name} slutar {datum(end)}, före den nya periodens start "
                                f"{datum(start)}; ta bort den eller ange den som gäller nu",
                                f"{name}: {value.get('start')}–{value.get('end')}", todo=True))
    for name, value in (data.get("other_amounts") or {}).items():
        amount = value.get("amount") if isinstance(value, dict) else value
        kind = f" ({value['kind']})" if isinstance(value, dict) and value.get("kind") else ""
        found.append(Review(f"{shown}:{_line(positions, ('other_amounts', name))}",
                            f"beloppet {name}{kind} gällde den förra överenskommelsen; ange det för den nya "
                            f"perioden eller ta bort det", f"{name}: {kronor(int(amount)) if isinstance(amount, int) else amount}",
                            todo=True))
    return found


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _mentions(where: str, what: str, text: str) -> list[Review]:
    kinds = [label for label, pattern in (("ett årtal", YEAR), ("ett datum", MONTH_DATE), ("ett belopp", AMOUNT))
             if pattern.search(text)]
    if not kinds:
        return []
    sentence = " ".join(text.split())
    return [Review(where, f"{what} nämner {' och '.join(kinds)} som inte räknas fram ur specen",
                   sentence if len(sentence) <= 240 else sentence[:237] + "…")]


def _line(positions, path: tuple) -> int | str:
    found = positions.get(path)
    return found[0] if found else "?"
