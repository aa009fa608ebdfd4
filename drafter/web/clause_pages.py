"""The clause page's own work for a legal reviewer: the text of each version, which is what an approval
fixes (`drafter clauses show`), and what an approval made on the page does to the specs, said as
`drafter clauses approve` says it ("Ändras vid nästa bygge", "Rörs inte").

An approver must be able to read what she approves where she approves it: the page shows the text as
the library holds it, with its {{ … }} expressions as written (the approved text, whose sha256 goes
into approvals.lock), rendered from Markdown so that lists and paragraphs read as in the documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from drafter.errors import DrafterError

if TYPE_CHECKING:
    from drafter.clauses.scope import Scope
    from drafter.web.service import Project

_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")  # raw HTML in a clause is shown as text
_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_STAND_IN = "DRAFTERUTTRYCK{}SLUT"  # letters only: Markdown leaves it as it is


@dataclass
class VersionText:
    ref: str
    version: int
    heading: str
    status: str
    sha256: str
    html: Markup


def clause_html(body: str) -> Markup:
    """A clause body as HTML: its Markdown rendered, each template expression shown as written, in <code>."""
    found: list[str] = []

    def stand_in(match: re.Match) -> str:
        found.append(match.group(0))
        return _STAND_IN.format(len(found) - 1)

    html = _MARKDOWN.render(_EXPRESSION.sub(stand_in, body))
    for i, expression in enumerate(found):
        html = html.replace(_STAND_IN.format(i), f'<code class="expr">{escape(expression)}</code>')
    return Markup(html)


def version_texts(project: "Project", clause_id: str) -> list[VersionText]:
    """Each version of `clause_id` with its text, oldest first (the page's versions table has checked the id)."""
    library = project.library()
    try:
        versions = library.versions(clause_id)
    except DrafterError:
        return []
    return [VersionText(v.ref, v.version, v.meta.heading, v.meta.status, v.sha256, clause_html(v.body))
            for v in versions]


def preselected(project: "Project", clause_id: str, organisation: str | None = None,
                committee: str | None = None, by: str | None = None) -> int | None:
    """The version the approve form offers first: what a reviewer most likely approves, the newest
    `granskad` version, or one fastställd only for others, not yet fastställd for the chosen scope, else the newest one that can be approved
    (a select without a choice would offer the oldest). The scope is the one the form was sent with
    (--för/--för-nämnd, else the one "Fastställd av" names), else the house style's organisation."""
    from drafter.clauses.scope import same_organisation, scope_of

    try:
        versions = [v for v in project.library().versions(clause_id) if v.meta.status != "upphävd"]
    except DrafterError:
        return None
    scope = _chosen_scope(project, organisation, committee, by)
    # A version fastställd only for others is, in the chosen scope, as unapproved as a granskad one: a
    # Stockholm jurist is offered the newer text Uppsala approved, not the one it replaced (trial7 item 10).
    # With only a kommun known (the house style's), a nämnd of that kommun approving it makes it its own.
    def ours(approval) -> bool:
        theirs = scope_of(approval)
        return scope is None or theirs.covers(scope) or (
            scope.committee is None and bool(theirs.organisation) and same_organisation(theirs.organisation,
                                                                                        scope.organisation))

    waiting = [v for v in versions if v.meta.status in ("granskad", "fastställd")
               and not any(ours(a) for a in v.meta.all_approvals)]
    chosen = waiting or versions
    return chosen[-1].version if chosen else None


def _chosen_scope(project: "Project", organisation: str | None, committee: str | None,
                  by: str | None) -> "Scope | None":
    import datetime as dt

    from drafter.clauses.approve import house_organisation
    from drafter.clauses.front_matter import Approval
    from drafter.clauses.scope import Scope, scope_of

    if organisation:
        return Scope(organisation, committee or None)
    if by:
        return scope_of(Approval(by=by, date=dt.date.today()))  # the one "Fastställd av" names
    house = house_organisation(project.library())
    return Scope(house, None) if house else None


@dataclass
class Approved:
    """The page's answer to Fastställ: the command's sentence, then its summary of the specs, in groups."""

    message: str
    groups: list[tuple[str, list[str]]]
    problems: list[str]


def approve(project: "Project", ref: str, by: str, date_text: str | None, organisation: str | None = None,
            committee: str | None = None, paragraph: str | None = None, dnr: str | None = None) -> Approved:
    """Approve as the page's form asks (service.approve_clause, with its rules and its words for the
    fields), and say what the approval does to each spec in agreements/, as the command does."""
    from drafter.clauses.affected import resolve, summarise
    from drafter.web.service import approve_clause

    specs = sorted(p for p in project.agreements.glob("*.yaml") if not p.name.startswith(".")) \
        if project.agreements.is_dir() else []
    problems: dict[Path, str] = {}
    before = resolve(specs, project.library(), problems)
    message = approve_clause(project, ref, by, date_text, organisation, committee, paragraph, dnr)
    broken: dict[Path, str] = {}
    after = resolve(specs, project.library(), broken)
    summary = summarise([ref.split("@")[0]], before, after, broken)

    shown = project.shown
    groups: list[tuple[str, list[str]]] = []
    for line in summary.lines(shown):
        if not line.startswith(" "):
            groups.append((line.rstrip(":"), []))
        else:
            groups[-1][1].append(line.strip())
    if not groups:
        groups.append(("Ingen spec i agreements/ använder klausulen", []))
    return Approved(message, groups, [f"{shown(p)} kunde inte sättas samman ({reason})" for p, reason in problems.items()])
