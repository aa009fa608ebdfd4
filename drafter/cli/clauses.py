"""`drafter clauses …`: the clause library."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli import main
from drafter.errors import DrafterError

@main.group()
def clauses():
    """Klausulbiblioteket: lista, visa, jämföra och fastställa klausulversioner."""


@clauses.command("list")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp.")
@click.option("--format", "output_format", default="text", show_default=True, type=click.Choice(["text", "json"]),
              help="text: för att läsa; json: varje version med status och fastställelser, för program.")
def clauses_list(clauses_dir, output_format):
    """Lista varje klausul med dess versioner: status, fastställelsedatum och motivering, och för en
    fastställd version för vem den är fastställd (en rad för varje fastställelse)."""
    from drafter.clauses.library import ClauseLibrary

    library = ClauseLibrary(clauses_dir)
    if output_format == "json":
        import json

        click.echo(json.dumps([_listed(library, clause_id) for clause_id in library.ids()], ensure_ascii=False,
                              indent=2))
        return
    for clause_id in library.ids():
        versions = library.versions(clause_id)
        click.echo(f"{clause_id}  ({versions[-1].meta.heading})")
        for v in versions:
            approved = v.meta.approval.date.isoformat() if v.meta.approval else "–"
            click.echo(f"  v{v.version}  {v.meta.status:10} {approved:10}  {v.meta.rationale}")
            for approval in v.meta.all_approvals:  # an approval holds for a kommun, region or nämnd: say which
                click.echo(f"        {_for_whom(approval)}")


def _for_whom(approval) -> str:
    """"fastställd för socialnämnden i Stockholms stad (2026-07-01, § 7)"."""
    from drafter.clauses.scope import scope_of

    ref = ", ".join(x for x in (approval.date.isoformat(), approval.paragraph) if x)
    return f"fastställd för {scope_of(approval).describe()} ({ref})"


def _listed(library, clause_id: str) -> dict:
    """One clause as `clauses list --format json` gives it: the front matter's own field names, and
    each approval's scope as drafter reads it (`applies_to`, else what `by` names) and says it (`for`)."""
    from drafter.clauses.scope import scope_of

    def approval(a) -> dict:
        scope = scope_of(a)
        return {"by": a.by, "date": a.date.isoformat(), "paragraph": a.paragraph, "dnr": a.dnr,
                "applies_to": {"organisation": scope.organisation, "committee": scope.committee},
                "for": scope.describe()}

    versions = library.versions(clause_id)
    return {"id": clause_id, "heading": versions[-1].meta.heading, "versions": [
        {"version": v.version, "heading": v.meta.heading, "status": v.meta.status, "rationale": v.meta.rationale,
         "approvals": [approval(a) for a in v.meta.all_approvals]} for v in versions]}


@clauses.command("show")
@click.argument("ref")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp.")
def clauses_show(ref, clauses_dir):
    """Visa en klausul: REF är id (senaste fastställda) eller id@version."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.refs import CLAUSE_REF

    if not CLAUSE_REF.fullmatch(ref):
        raise DrafterError(f"'{ref}' är inget giltigt klausul-id.", hint="Skriv t.ex. villkor/aterkrav eller villkor/aterkrav@1.")
    clause = ClauseLibrary(clauses_dir).get(ref)
    meta = clause.meta
    click.echo(f"{clause.ref}  {meta.heading}")
    click.echo(f"status: {meta.status}")
    for approval in meta.all_approvals:
        click.echo(f"fastställd av: {approval.describe()}")
    click.echo(f"motivering: {meta.rationale}")
    if meta.source:
        click.echo(f"källa: {meta.source.document}" + (f", punkt {meta.source.section}" if meta.source.section else ""))
    click.echo(f"fil: {clause.path}")
    click.echo("")
    click.echo(clause.body.rstrip())


@clauses.command("diff")
@click.argument("clause_id", metavar="ID")
@click.argument("v1")
@click.argument("v2")
@click.option("--format", "output_format", default="text", show_default=True,
              type=click.Choice(["text", "html", "docx"]),
              help="text: i terminalen; html: en fristående sida; docx: spårade ändringar i Word.")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path, dir_okay=False),
              help="Fil att skriva till (krävs för docx i terminalen). Standard: skärmen.")
@click.option("--author", metavar="NAMN", default="drafter", show_default=True, help="Namnet på de spårade ändringarna i DOCX.")
@click.option("--källtext", "--source", "source", is_flag=True,
              help="Jämför källtexten som den är skriven, med mallkoden ({{ }}, {% %}) och blankstegsmarkeringarna "
                   "({%- -%}): för den som skriver klausuler.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp.")
def clauses_diff(clause_id, v1, v2, output_format, out, author, source, clauses_dir):
    """Visa skillnaderna ord för ord mellan två versioner av en klausul (t.ex. villkor/period 1 2).

    Jämför texten som en läsare läser den: varje uppgift ur specen står som «period.start | datum»,
    ett villkor som «om period.renewal» … «slut på om», en hänvisning som «hänvisning till
    villkor/uppsagning»; mallkodens blankstegsmarkeringar och kommentarer visas inte. Skiljer sig
    versionerna bara i dem står det att texterna läses likadant. --källtext jämför i stället texten
    som den står i biblioteket, tecken för tecken. Överst står båda versionernas status, fastställelse
    och motivering."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.cli.compare import emit, use_color
    from drafter.comparison import clause_date, clause_documents, clause_version, revision_date

    library = ClauseLibrary(clauses_dir)
    old, new = clause_version(library, clause_id, v1), clause_version(library, clause_id, v2)
    if output_format == "docx":
        from drafter.writers.docx.redline import redline_docx_bytes

        emit(redline_docx_bytes(*clause_documents(old, new, source), author, revision_date(clause_date(old, new))),
             out)
        return
    from drafter.diff.report import clause_report
    from drafter.language.measure import change_line, measure_clause

    report = clause_report(old, new, source)
    readability = change_line(measure_clause(old.body), measure_clause(new.body), f"v{old.version}", f"v{new.version}")
    if output_format == "html":
        from drafter.diff.html_format import clause_html

        emit(clause_html(report, readability), out)
    else:
        from drafter.diff.text_format import clause_text

        title, _, rest = clause_text(report, use_color(out)).partition("\n")
        emit(f"{title}\n{readability}\n{rest}", out)


@clauses.command("history")
@click.argument("clause_id", metavar="ID")
@click.option("--agreements", "specs_dir", default="agreements", show_default=True,
              type=click.Path(path_type=Path, file_okay=False), help="Mappen med specar (*.yaml) att söka i.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp.")
def clauses_history(clause_id, specs_dir, clauses_dir):
    """Visa varje version av en klausul: status, fastställelse, motivering och vilka specar som använder den.

    En hänvisning utan version (villkor/period) räknas till den senaste fastställda versionen."""
    from drafter.clauses.approve import find_version
    from drafter.clauses.library import ClauseLibrary
    from drafter.comparison import clause_usage
    from drafter.language.measure import measure_clause

    library = ClauseLibrary(clauses_dir)
    if "@" in clause_id:
        raise DrafterError(f"'{clause_id}': ange klausulens id utan version.", hint="T.ex. drafter clauses history villkor/period.")
    versions = [find_version(library, f"{clause_id}@{v.version}") for v in _all_versions(library, clause_id)]
    problems: list[str] = []
    specs = sorted(specs_dir.glob("*.yaml")) if specs_dir.is_dir() else []
    usage = clause_usage(clause_id, library, specs, problems)
    click.echo(f"{clause_id}  ({versions[-1].meta.heading})")
    for v in versions:
        approvals = v.meta.all_approvals
        click.echo(f"  v{v.version}  {v.meta.status:10} "
                   + (f"{approvals[0].date.isoformat()}  {approvals[0].by}" if approvals else "–"))
        for approval in approvals:
            click.echo(f"      fastställd av: {approval.describe()}")
        click.echo(f"      läsbarhet: {measure_clause(v.body).short()}")
        click.echo(f"      motivering: {v.meta.rationale}")
        used = usage.get(v.version, {})
        where = "; ".join(f"{name} ({', '.join(docs)})" for name, docs in used.items()) or "ingen spec"
        click.echo(f"      används i: {where}")
    if not specs:
        click.echo(f"(inga specar i {specs_dir})")
    for problem in problems:
        click.echo(f"varning: {problem}", err=True)


def _all_versions(library, clause_id: str):
    from drafter.clauses.library import ClauseNotFound

    try:
        return library.versions(clause_id)
    except ClauseNotFound as exc:
        raise DrafterError(exc.message, exc.where, exc.hint) from None


@clauses.command("approve")
@click.argument("refs", metavar="[ID@VERSION]...", nargs=-1)
@click.option("--spec", "spec_path", metavar="SPEC", type=click.Path(path_type=Path, dir_okay=False),
              help="Fastställ varje klausulversion som specens dokument använder och som inte är fastställd "
                   "för dess offentliga part. Versionerna listas, och kommandot frågar innan något skrivs.")
@click.option("--av", "--by", "by", metavar="NAMN", required=True,
              help="Vem som fastställer: fullmäktige, en nämnd, kommunstyrelsen eller ett utskott, t.ex. \"Socialnämnden "
                   "i Stockholms stad\". En tjänsteperson fastställer bara på delegation, och det skrivs ut: "
                   "\"Socialdirektören på delegation av socialnämnden i Stockholms stad\". En styrgrupp eller "
                   "förvaltning fastställer inte.")
@click.option("--datum", "--date", "date_text", metavar="ÅÅÅÅ-MM-DD", help="Beslutsdatum ÅÅÅÅ-MM-DD. Standard: i dag.")
@click.option("--för", "organisation", metavar="KOMMUN/REGION",
              help="För vem fastställelsen gäller: kommunen eller regionen (alla dess nämnder; är --av en nämnd, bara den), t.ex. "
                   "\"Stockholms stad\". Utelämnat: den kommun eller region som --av namnger (\"… i Sundbybergs stad\"); "
                   "namnger --av ingen, krävs --för.")
@click.option("--för-nämnd", "committee", metavar="NÄMND",
              help="Bara för en nämnd i kommunen eller regionen (--för), t.ex. socialnämnden. --av är då den "
                   "nämnden själv (eller någon på delegation av den), kommunstyrelsen eller fullmäktige: en nämnd "
                   "fastställer inte för en annan.")
@click.option("--paragraf", "paragraph", metavar="§", help="Paragrafen i protokollet, t.ex. \"§ 12\".")
@click.option("--dnr", metavar="DNR", help="Ärendets diarienummer.")
@click.option("--ja", "yes", is_flag=True,
              help="Med --spec: fastställ utan att fråga (annars listas versionerna och kommandot frågar först).")
@click.option("--agreements", "specs_dir", default="agreements", show_default=True,
              type=click.Path(path_type=Path, file_okay=False),
              help="Mappen med specar (*.yaml) vars dokument fastställelsen kan ändra.")
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp.")
def clauses_approve(refs, spec_path, by, date_text, organisation, committee, paragraph, dnr, yes, specs_dir,
                    clauses_dir):
    """Fastställ klausulversioner: status fastställd, vem, när och för vem i klausulfilens huvud, texten i approvals.lock.

    Flera ID@VERSION i samma beslut fastställs tillsammans: antingen alla eller ingen. Med --spec
    fastställs de versioner som specens dokument använder och som ännu inte är fastställda för dess
    offentliga part: de listas, och kommandot frågar innan något skrivs (--ja: utan att fråga). Ett
    beslutsdatum mer än 30 dagar fram i tiden tas inte emot. En version som redan är fastställd för
    andra får fastställelsen som en till
    (approvals), med texten oförändrad. Bara raderna status, approval och approvals skrivs om;
    texten lämnas byte för byte. Efteråt står vilka specars dokument som ändras vid nästa bygge och
    vilka låsta dokument som inte rörs. Slutkod 2: okänd klausul, version, datum eller spec, en nämnd
    som fastställer för en annan nämnd, en styrgrupp, förvaltning eller tjänsteperson utan delegation,
    eller en fastställelse som inte gäller specens offentliga part; 1: en version är redan fastställd för samma krets, eller upphävd."""
    from drafter.clauses.affected import resolve, summarise
    from drafter.clauses.approve import ApprovalFieldError, approve_many, find_version, new_approval, parse_date
    from drafter.clauses.approve_spec import existing_spec, known_organisation, spec_refs
    from drafter.clauses.library import ClauseLibrary
    from drafter.clauses.scope import scope_of

    library = ClauseLibrary(clauses_dir)
    date = parse_date(date_text)
    refs = [find_version(library, ref).ref for ref in refs]
    if not refs and spec_path is None:
        raise DrafterError("Ange vilka klausulversioner som fastställs: ID@VERSION, en eller flera, eller --spec SPEC.",
                           hint="T.ex. drafter clauses approve villkor/period@2 --av \"Socialnämnden i Stockholms stad\".")
    if spec_path is not None:
        spec_path = existing_spec(spec_path, specs_dir)
    try:
        approval = new_approval(by, date, organisation, committee, paragraph, dnr,
                                example=known_organisation(spec_path, library))
    except ApprovalFieldError as exc:
        raise exc.named(OPTIONS, lambda option, example: f'{option} "{example}"' if example else option) from None
    if spec_path is not None:
        refs += spec_refs(spec_path, library, scope_of(approval), refs, click.echo)
        if not refs or not (yes or _confirmed(refs, approval)):
            return
    specs = sorted(p for p in specs_dir.glob("*.yaml") if not p.name.startswith(".")) if specs_dir.is_dir() else []
    problems: dict[Path, str] = {}
    before = resolve(specs, library, problems)
    approved = approve_many(library, refs, approval)
    for each in approved:
        click.echo(f"{each.ref} fastställd av {approval.describe()}; "
                   f"texten (sha256 {each.sha256[:12]}…) är införd i {library.root / 'approvals.lock'}.")
    broken: dict[Path, str] = {}
    after = resolve(specs, ClauseLibrary(library.root), broken)
    clause_ids = list(dict.fromkeys(each.id for each in approved))
    summary = summarise(clause_ids, before, after, broken, approved_for=spec_path)
    for line in summary.lines():
        click.echo(line)
    if not summary.changed and not summary.untouched and not summary.now_approved and spec_path is None:
        # With --spec the summary has already said what the approval does to that spec; "no spec uses
        # them" would contradict it (trial7 item 7).
        used = ", ".join(clause_ids)
        click.echo(f"Ingen spec i {specs_dir} använder {used}." if specs else f"(inga specar i {specs_dir})")
    for path, problem in problems.items():
        click.echo(f"varning: {path} kunde inte sättas samman ({problem})", err=True)


def _confirmed(refs: list[str], approval) -> bool:
    """Asked before the listed versions are written: "ja" approves; anything else writes nothing. Without
    an answer (a script, stdin closed) nothing is written and the error says to add --ja."""
    try:
        answer = click.prompt(f"Fastställa {'versionen' if len(refs) == 1 else f'de {len(refs)} versionerna'} ovan "
                              f"(beslut: {approval.describe()})? Skriv ja eller nej", default="nej", show_default=False)
    except click.Abort:
        click.echo("", err=True)
        raise DrafterError("Inget fastställdes: kommandot fick inget svar på frågan.",
                           hint="Läs listan och svara ja, eller lägg till --ja för att fastställa utan fråga.") from None
    if answer.strip().casefold() in ("ja", "j"):
        return True
    click.echo("Inget fastställdes.")
    return False


OPTIONS = {"by": "--av", "organisation": "--för", "committee": "--för-nämnd"}  # an approval's fields, as options
KIND_WORD = {"agreement": "överenskommelse", "proposal": "tjänsteutlåtande"}


@clauses.command("outlines")
@click.argument("name", metavar="[NAMN]", required=False)
@click.option("--clauses", "clauses_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Klausulbibliotekets mapp.")
def clauses_outlines(name, clauses_dir):
    """Lista standardmallarna och deras versioner, eller visa en malls avsnitt (NAMN eller NAMN@N) med de
    namn som remove/add/move använder."""
    from drafter.clauses.outline_versions import history
    from drafter.assemble.standard_outline import read_standard, standard_names
    from drafter.clauses.library import ClauseLibrary
    from drafter.errors import Where

    root = ClauseLibrary(clauses_dir).root
    if not name:
        for each in standard_names(root):
            model, _ = read_standard(each, root, Where(each))
            click.echo(f"{each:34} ({KIND_WORD.get(model.kind, model.kind)}) {model.description}")
            for line in history(each, root):
                click.echo(f"{'':36}{line}")
        return
    model, _ = read_standard(name, root, Where(name))
    click.echo(f"{name} ({KIND_WORD.get(model.kind, model.kind)}): {model.description}")
    for line in history(name.partition("@")[0], root):
        click.echo(f"  {line}")

    def show(items, depth):
        for item in items:
            label = item.heading or item.clause or item.block
            kind = ("text" if item.text else "klausul" if item.clause else "block" if item.block else "rubrik")
            click.echo(f"{'  ' * depth}- {item.name or '(' + str(item.block) + ')':40} {kind:8} {label}")
            show(item.sections, depth + 1)

    show(model.outline, 1)
