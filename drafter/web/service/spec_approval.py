"""Fastställ a spec's clause versions from the web page: what `drafter clauses approve --spec` does.

A partnership cannot be made final (status slutlig) while its documents use versions not fastställda
for its public party. The page lists them and records one decision for the chosen ones: who decided,
the date, the paragraph. drafter never approves on its own; the official records the nämnd's decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import DrafterError
from drafter.web.service.clause_library import APPROVE_FIELDS
from drafter.web.service.project import Project


@dataclass
class Waiting:
    ref: str
    heading: str
    status: str
    newer: str = ""  # "v3 granskad finns": a better text waits in the library


@dataclass
class SpecWaiting:
    """The versions a spec uses that are not fastställda for its public party, and for whom they would be."""

    name: str
    organisation: str | None
    committee: str | None
    party: str  # "socialnämnden i Stockholms stad"
    waiting: list[Waiting] = field(default_factory=list)
    retired: list[Waiting] = field(default_factory=list)
    blank: list[str] = field(default_factory=list)  # the public party's fields still "[…]"

    @property
    def example(self) -> str:
        """"Hässelby-Vällingby stadsdelsnämnd i Stockholms stad": this spec's nämnd, as "Beslutat av" takes it
        (first letter upper case, the rest as written: Jinja's capitalize lowercased "-Vällingby")."""
        from drafter.formatting import versal

        said = f"{self.committee} i {self.organisation}" if self.committee else self.organisation or ""
        return versal(said) if said else "Socialnämnden i Stockholms stad"


def spec_waiting(project: Project, name: str) -> SpecWaiting:
    from drafter.clauses.affected import unapproved_in
    from drafter.spec.placeholders import PLACEHOLDER

    path = project.existing_spec(name)
    library = project.library()
    wanted = unapproved_in(path, library)
    public = wanted.public
    blank = [f for f in ("name", "committee") if isinstance(getattr(public, f, None), str)
             and PLACEHOLDER.match(getattr(public, f).strip())]
    result = SpecWaiting(name, wanted.party.organisation, wanted.party.committee, wanted.party.describe(), blank=blank)
    for clause in wanted.unapproved:
        newer = [v.version for v in library.versions(clause.id)
                 if v.version > clause.version and v.meta.status == "granskad"]
        result.waiting.append(Waiting(clause.ref, clause.meta.heading, clause.meta.status,
                                      f"v{newer[-1]} granskad finns" if newer else ""))
    result.retired = [Waiting(c.ref, c.meta.heading, c.meta.status) for c in wanted.retired]
    return result


class ApprovalFormErrors(DrafterError):
    """The approval form's errors, one per field (ref, date, by), said at once; nothing was written."""

    LABELS = {"ref": "Versioner", "date": "Beslutsdatum", "by": "Beslutat av"}

    def __init__(self, fields: dict[str, DrafterError]):
        self.fields = fields
        count = "ett fel" if len(fields) == 1 else f"{len(fields)} fel"
        super().__init__(f"Formuläret har {count}; inget skrevs. Rätta " + ", ".join(
            f"”{self.LABELS[name]}”" for name in self.LABELS if name in fields) + ".")


@dataclass
class SpecApproved:
    approved: list[str]  # one sentence per version
    groups: list[tuple[str, list[str]]]
    problems: list[str]


def approve_spec(project: Project, name: str, refs: list[str], by: str, date_text: str | None,
                 paragraph: str | None = None, dnr: str | None = None, whole: bool = False) -> SpecApproved:
    """Record one decision for the chosen versions, for the spec's public party (its nämnd, or with `whole`
    its whole kommun or region): all or none, as `drafter clauses approve --spec`."""
    from drafter.clauses.affected import resolve, summarise
    from drafter.clauses.approve import ApprovalFieldError, approve_many, check_date, new_approval, parse_date
    from drafter.clauses.library import ClauseLibrary

    path = project.existing_spec(name)
    waiting = spec_waiting(project, name)
    if waiting.blank:
        raise DrafterError("Den offentliga parten i specen är inte ifylld (" + ", ".join(waiting.blank) + "), så det går "
                           "inte att säga vem fastställelsen gäller; inget skrevs.",
                           hint="Fyll i kommunens eller regionens namn och nämnden i specen och spara den först.")
    offered = {w.ref for w in waiting.waiting}
    chosen = [r for r in dict.fromkeys(refs) if r in offered]
    if not offered:
        raise DrafterError("Alla klausulversioner som specen använder är redan fastställda; inget skrevs.")
    wrong: dict[str, DrafterError] = {}  # every field's error at once, said under the field (trial 13)
    if not chosen:
        wrong["ref"] = DrafterError("Välj minst en klausulversion att fastställa.")
    date = dt.date.today()
    try:
        date = check_date(parse_date(date_text or None))
    except DrafterError as exc:
        wrong["date"] = exc
    if not by.strip():
        wrong["by"] = DrafterError("Ange ”Beslutat av”: nämnden som fattade beslutet.", hint=f"T.ex. {waiting.example}.")
    else:
        try:
            approval = new_approval(by, date, waiting.organisation, None if whole else waiting.committee, paragraph,
                                    dnr, example=waiting.organisation)
        except ApprovalFieldError as exc:
            wrong["by"] = exc.named({**APPROVE_FIELDS, "by": "”Beslutat av”"},
                                    lambda label, example: f"{label}: {example}" if example else label)
    if wrong:
        raise ApprovalFormErrors(wrong)
    specs = sorted(p for p in project.agreements.glob("*.yaml") if not p.name.startswith("."))
    problems: dict[Path, str] = {}
    before = resolve(specs, project.library(), problems)
    approved = approve_many(project.library(), chosen, approval)
    broken: dict[Path, str] = {}
    after = resolve(specs, ClauseLibrary(project.clauses), broken)
    summary = summarise(list(dict.fromkeys(a.id for a in approved)), before, after, broken, approved_for=path)
    groups: list[tuple[str, list[str]]] = []
    for line in summary.lines(project.shown):
        if not line.startswith(" ") or not groups:
            groups.append((line.strip().rstrip(":"), []))
        else:
            groups[-1][1].append(line.strip())
    sentences = [f"{a.ref} fastställd av {approval.describe()}; texten (sha256 {a.sha256[:12]}…) är införd i "
                 "clauses/approvals.lock." for a in approved]
    return SpecApproved(sentences, groups, [f"{project.shown(p)} kunde inte sättas samman ({reason})"
                                            for p, reason in problems.items()])
