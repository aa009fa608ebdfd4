"""The data clause texts see: the spec's fields, plus `public`, `partner`, `budget.total`, `kind` and, in a
renewal, `renewed` (the renewed agreement's date and diarienummer)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.assemble.roles import roles
from drafter.model.nodes import Origin
from drafter.swedish.names import lista
from drafter.spec.model import Spec

if TYPE_CHECKING:
    from drafter.spec.load import LoadedSpec


def clause_context(spec: Spec, kind: str, loaded: "LoadedSpec | None" = None) -> dict:
    """`kind` ("agreement", "proposal") lets a shared clause word one sentence per document; `loaded` (the
    spec as read, with its path) lets a renewal name the agreement it replaces (`renewed`)."""
    data = spec.model_dump(mode="python", exclude={"outline": True, "proposal": {"outline"}})
    partners = [p.model_dump() for p in spec.partners]
    data["budget"]["total"] = spec.budget.sum
    data["budget"] |= budget_for_period(spec)
    if data["period"].get("renewal"):
        data["period"]["renewal"] |= first_renewal(spec)
    data["other_amounts"] = {key: Amount(a.amount, a.per, a.item, a.kind) for key, a in spec.other_amounts.items()}
    data["public"] = spec.public.model_dump()
    data["partners"] = partners
    data["partner"] = partners[0]
    data["document"]["title"] = agreement_title(spec)
    data["kind"] = kind
    data["renewed"] = renewed_agreement(loaded) if loaded is not None and spec.renews else None
    data |= roles(spec)
    # A kommun or region is its own municipality: older clauses write `public.municipality`.
    data["public"]["municipality"] = data["public"]["municipality"] or data["huvudman"]
    return data


@dataclass(frozen=True)
class Renewed:
    """The agreement a renewal replaces, as a clause names it (trial14: "parternas tidigare överenskommelse"
    said neither which nor when): {{ renewed.date | datum }}, {{ renewed.diarienummer }}, from the renewed
    spec (`renews:`). An object, not a dict: its values are another spec's, not fields of this one."""

    date: dt.date
    diarienummer: str | None


def renewed_agreement(loaded: "LoadedSpec") -> Renewed | None:
    """The renewed spec's document.date and diarienummer; None when it cannot be read (period-continuity
    and the other renewal checks say why), and the clause then names the agreement without them."""
    from drafter.errors import DrafterError
    from drafter.spec.renewed import load_renewed

    try:
        old = load_renewed(loaded).spec
    except (DrafterError, OSError, ValueError):
        return None
    return Renewed(old.document.date, old.document.diarienummer)


def budget_for_period(spec: Spec) -> dict[str, int | None]:
    """The budget per 12 months (`per_year`) and for the whole first period (`period_total`, over
    `period_months`), computed once from budget.months and the period so that no text types them.
    None where it is no whole number of kronor or months, or where the period is no whole number of
    budget periods (budget-period warns): a text then says what the budget says, the sum for its months."""
    from drafter.checks.swedish import whole_months  # the month arithmetic the budget-period check uses

    budget, period = spec.budget, spec.period
    months = whole_months(period.start, period.end) if period.end >= period.start else None
    per_year = budget.sum * 12 // budget.months if budget.sum * 12 % budget.months == 0 else None
    total = budget.sum * months // budget.months if months and months % budget.months == 0 else None
    return {"per_year": per_year, "period_months": months, "period_total": total}


def first_renewal(spec: Spec) -> dict:
    """The notice calendar's first renewal (drafter/notice_calendar.py, the one rule every check reads),
    for a clause to state as dates: `first_notice_deadline`, the last day a notice stops the agreement at
    the end of its first period ("senast den 30 november 2027", never "the 30 November of the period
    that runs"), and `first_renewal_end`, the end of the renewal that follows when no one gives notice.
    None when the period allows no renewal or the notice day exists in no year near its end."""
    from drafter.notice_calendar import notice_calendar

    calendar = notice_calendar(spec.period)
    step = calendar.renewals[0] if calendar and calendar.renewals else None
    return {"first_notice_deadline": step.deadline if step else None, "first_renewal_end": step.end if step else None}


class Amount(int):
    """An `other_amounts` entry as a clause reads it. It is the number itself, so every text that writes
    {{ other_amounts.egen_insats | kronor }} prints "240 000 kr" as before, and the spec's words about it
    are its attributes: {{ other_amounts.egen_insats.per }} ("år", "halvår", "kvartal", "månad" or none),
    `.item` ("Bidrag från Arvsfonden"), `.kind` ("egen insats"), `.amount` (the number, to be explicit).
    The `kronor` filter never adds "per år" on its own: a text that already says it would say it twice."""

    per: str | None
    item: str | None
    kind: str

    def __new__(cls, amount: int, per: str | None = None, item: str | None = None, kind: str = "annat") -> "Amount":
        value = super().__new__(cls, amount)
        value.per, value.item, value.kind = per, item, kind
        return value

    @property
    def amount(self) -> int:
        return int(self)


def agreement_title(spec: Spec) -> str:
    if spec.document.title:
        return spec.document.title
    parties = lista([spec.public.name, *(p.name for p in spec.partners)])
    return f"Överenskommelse om idéburet offentligt partnerskap (IOP) mellan {parties}"


# --- provenance: which spec fields a clause text used -----------------------------------------

Used = list[tuple[tuple, object]]  # (spec field path, value), in the order the text read them


class _TracedDict(dict):
    """A dict of the clause context that notes every value a template reads, with its spec path."""

    def __init__(self, data: dict, path: tuple, used: Used):
        super().__init__(data)
        self._path, self._used = path, used

    def __getitem__(self, key):
        return _traced(super().__getitem__(key), (*self._path, key), self._used)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def guarded_copy(self, data: dict) -> "_TracedDict":
        """The sandbox's own copy (clauses/render.py), still noting what is read."""
        return _TracedDict(data, self._path, self._used)


class _TracedList(list):
    def __init__(self, data: list, path: tuple, used: Used):
        super().__init__(data)
        self._path, self._used = path, used
        self._items = data if isinstance(data, list) else list(data)  # iterated as given: a counted list counts

    def __getitem__(self, index):
        value = super().__getitem__(index)
        if isinstance(index, slice):
            return value
        return _traced(value, (*self._path, index % len(self) if index < 0 else index), self._used)

    def __iter__(self):
        for i, value in enumerate(self._items):
            yield _traced(value, (*self._path, i), self._used)

    def guarded_copy(self, data: list) -> "_TracedList":
        return _TracedList(data, self._path, self._used)


def _traced(value, path: tuple, used: Used):
    if isinstance(value, (_TracedDict, _TracedList)):
        return value
    if isinstance(value, dict):
        return _TracedDict(value, path, used)
    if isinstance(value, list):
        return _TracedList(value, path, used)
    used.append((path, value))
    return value


def traced_context(context: dict, spec: Spec, used: Used) -> dict:
    """`context` (from clause_context) whose values note, in `used`, each spec field a template reads:
    `partner.name` is noted as the party's own field, parties.1.name."""
    def index(party) -> int:
        return next(i for i, p in enumerate(spec.parties) if p is party)

    out = {key: _traced(value, (key,), used) if isinstance(value, (dict, list)) else value  # a plain
           for key, value in context.items() if key not in ("public", "partner", "partners")}  # value: read unseen
    if "public" in context:
        out["public"] = _traced(context["public"], ("parties", index(spec.public)), used)
    if "partners" in context:
        partners = [_traced(p, ("parties", index(party)), used)
                    for p, party in zip(context["partners"], spec.partners)]
        out["partners"] = partners
        out["partner"] = partners[0]
    return out


def spec_origin(loaded: "LoadedSpec", path: tuple, value: object = "") -> Origin:
    """A spec field as an origin: its file and line, its path, and its value when it is text."""
    where = loaded.where(*path)
    return Origin("spec", where.file, where.line, ".".join(map(str, path)), value if isinstance(value, str) else "")


def computed_origin(loaded: "LoadedSpec", what: tuple, data: list[tuple]) -> Origin:
    """A value drafter computed (a sum, a title) from the spec fields `data`; placed at `what`."""
    where = loaded.where(*what)
    return Origin("computed", where.file, where.line, ".".join(map(str, what)),
                  data=tuple(spec_origin(loaded, path, _value(loaded, path)) for path in data))


def _value(loaded: "LoadedSpec", path: tuple) -> object:
    value: object = loaded.spec
    for part in path:
        if isinstance(value, (list, tuple)) and isinstance(part, int):
            value = value[part] if part < len(value) else None
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            value = getattr(value, str(part), None)
    return value


def used_origins(loaded: "LoadedSpec", used: Used) -> tuple[Origin, ...]:
    """The spec fields a clause text read, once each, in reading order."""
    seen: dict[tuple, Origin] = {}
    for path, value in used:
        if path not in seen:
            seen[path] = spec_origin(loaded, path, value)
    return tuple(seen.values())
