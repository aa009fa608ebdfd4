"""New specs from the overview page, as the commands write them: `drafter new`, `drafter renew` and
`drafter import` of an uploaded file; an error in what was typed names the form's field."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.web.service.project import NotFound, Project


NAME_RULE = "Små bokstäver a–z, siffror och bindestreck (inga mellanslag, inga versaler, inte å, ä eller ö)"


def suggest_name(typed: str) -> str:
    """A valid spec name for what was typed: "Läxhjälp Farsta 2027" → "laxhjalp-farsta-2027"."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", typed.lower()).encode("ascii", "ignore").decode()
    return "-".join(part for part in re.split(r"[^a-z0-9]+", plain) if part)


def name_problem(name: str) -> str | None:
    """What is wrong with a new spec's name, in words (the first thing), or None when it can be used."""
    if not name:
        return "Namnet saknas."
    wrong = []
    if any(c.isspace() for c in name):
        wrong.append("mellanslag")
    if any(c.isupper() for c in name):
        wrong.append("versaler")
    if any(c in "åäöÅÄÖéÉüÜ" for c in name):
        wrong.append("å, ä eller ö")
    if "_" in name:
        wrong.append("understreck (_)")
    others = sorted({c for c in name if not (c.isalnum() or c in "-_" or c.isspace() or c in "åäöÅÄÖéÉüÜ")
                     or (c.isalpha() and not c.isascii() and c not in "åäöÅÄÖéÉüÜ")})
    if others:
        wrong.append("tecknet " + ", ".join(f"'{c}'" for c in others))
    if not wrong and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        wrong.append("ett bindestreck först")
    if not wrong:
        return None
    listed = wrong[0] if len(wrong) == 1 else ", ".join(wrong[:-1]) + " och " + wrong[-1]
    return f"Namnet innehåller {listed}."


def _bad_name(name: str, problem: str) -> DrafterError:
    """The error for an unusable name: what is wrong, the one rule, and a name that would do."""
    suggestion = suggest_name(name)
    example = suggestion if suggestion and suggestion != name else "laxhjalp-farsta-2027"
    said = f"'{name}' går inte att använda som namn på specen. {problem}" if name else "Skriv ett namn på specen."
    return DrafterError(said, hint=f"{NAME_RULE}. Förslag: {example}.")


def new_spec(project: Project, name: str, proposal_kind: str | None = None, from_name: str | None = None,
             children: bool = False, partnership: str | None = None) -> str:
    """`drafter new NAME [--from SPEC] [--proposal KIND] [--barn] [--partnership P]`: a fresh spec, or one
    built on `from_name`'s sections; no `proposal_kind`: a facknämnd, or with `from_name` that spec's kind.
    An error in what was typed is a FormError naming the field ("name", "partnership", "from", "proposal")."""
    from drafter.newspec import check_new_name, check_partnership, write_new_spec

    problem = name_problem(name)
    if problem is not None:
        raise FormError(_bad_name(name, problem), "name")
    try:
        project.spec_path(name)  # the web's own name rule
        check_new_name(name, project.agreements)
    except DrafterError as exc:
        raise FormError(exc, "name") from None
    try:
        from_spec = project.existing_spec(from_name) if from_name else None
    except DrafterError as exc:
        raise FormError(exc, "from") from None
    if proposal_kind not in (None, "facknamnd", "stadsdelsnamnd"):
        raise FormError(NotFound("Välj en facknämnd eller en stadsdelsnämnd."), "proposal")
    if partnership:
        try:
            check_partnership(partnership, name, project.clauses, "Partnerskapets namn")
        except DrafterError as exc:
            raise FormError(exc, "partnership") from None
    path = write_new_spec(name, project.agreements, project.clauses, from_spec, proposal_kind, children,
                          partnership or None, asked="Partnerskapets namn")
    return path.stem


class FormError(DrafterError):
    """An error in what was typed into a form, with the fields it is about: the page shows it there."""

    def __init__(self, error: DrafterError, *fields: str):
        super().__init__(error.message, error.where, error.hint)
        self.fields = fields


def renew_spec(project: Project, from_name: str, name: str, end: str = "", months: str = "",
               start: str = "", ended: dict[str, str] | None = None) -> tuple[str, list]:
    """`drafter renew SPEC NAME [--start] (--end | --months) [--ended-how … --ended-date …]`, by drafter.renew as
    the command does: the new spec's name and the renewal's report (drafter.renew.Renewal.report), paths as the
    project shows them. `ended`: the form's fields of renews_ended_by (drafter.renew_ended.FIELDS). An error in
    the form's input is a FormError naming the field ("from", "name", "start", "end", "months", "ended_…")."""
    from drafter.newspec import check_new_name
    from drafter.renew import PeriodError, renew

    try:
        old = project.existing_spec(from_name)
    except DrafterError as exc:
        raise FormError(exc, "from") from None
    problem = name_problem(name)
    if problem is not None:
        raise FormError(_bad_name(name, problem), "name")
    try:
        project.spec_path(name)  # the web's own name rule first
        check_new_name(name, project.agreements)
    except DrafterError as exc:
        raise FormError(exc, "name") from None
    if not end and not months:
        raise FormError(DrafterError("Ange hur länge den nya överenskommelsen ska gälla: ett slutdatum eller en längd "
                                     "i månader.", hint="Till exempel slutdatum 2031-12-31, eller 36 månader."),
                        "end", "months")
    try:
        until = dt.date.fromisoformat(end) if end else None
    except ValueError:
        raise FormError(DrafterError(f"'{end}' är inget datum.", hint="Skriv slutdatumet ÅÅÅÅ-MM-DD, t.ex. 2030-12-31."),
                        "end") from None
    try:
        first = dt.date.fromisoformat(start) if start else None
    except ValueError:
        raise FormError(DrafterError(f"'{start}' är inget datum.", hint="Skriv den första dagen ÅÅÅÅ-MM-DD, t.ex. "
                                     "2029-01-01."), "start") from None
    if months and not (months.isdigit() and 1 <= int(months) <= 120):
        raise FormError(DrafterError(f"'{months}' är inget antal månader.", hint="Skriv ett heltal från 1 till 120."),
                        "months")
    from drafter.renew_ended import FIELDS, read_ended_by

    try:
        ended_by = read_ended_by(old, *((ended or {}).get(field, "") for field in FIELDS))
        result = renew(old, name, project.agreements, project.library(), until, int(months) if months else None, first,
                       ended_by)
    except PeriodError as exc:
        raise FormError(exc, *exc.fields) from None
    except FormError:
        raise
    except DrafterError as exc:  # the spec to renew cannot be read or built: said at the choice of it
        raise FormError(exc, "from") from None
    prefix = f"{project.root}/"

    def shown(text: str) -> str:
        return text.replace(prefix, "")

    report = [(shown(heading), [shown(line) for line in lines])
              for heading, lines in result.report(old.name, project.shown(result.path))]
    return result.path.stem, report


IMPORT_SUFFIXES = (".docx", ".pdf", ".txt", ".md")
MAX_UPLOAD = 20_000_000


def import_document(project: Project, filename: str, data: bytes, name: str | None = None,
                    into: str | None = None) -> tuple[str, list[str]]:
    """`drafter import FILE [--name NAME]` of an uploaded file: draft clauses and a spec; with `into`,
    `drafter import UTLÅTANDE --till agreements/INTO.yaml`: the tjänsteutlåtande added to that spec.
    Returns the spec's name and the importer's report."""
    from drafter.importer import default_name, import_file
    from drafter.importer.into import import_into

    suffix = Path(filename or "").suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise DrafterError(f"Filen {Path(filename or '').name or '(ingen fil)'} kan inte importeras; välj en .docx, .pdf, .txt eller .md.")
    if not data:
        raise DrafterError("Filen är tom.")
    if len(data) > MAX_UPLOAD:
        raise DrafterError(f"Filen är {len(data) // 1_000_000} MB; största storlek att importera är 20 MB.")
    stem = Path(filename).stem
    if into:
        if name:
            raise DrafterError("Ett tjänsteutlåtande som läggs till en befintlig spec får inget eget namn; "
                               "lämna namnet tomt, eller välj \"Nej, ny spec\" för att importera en egen spec.")
        target = project.existing_spec(into)
    name = into or name or default_name(Path(stem + suffix))
    project.spec_path(name)
    with tempfile.TemporaryDirectory(prefix="drafter-import-") as tmp:
        source = Path(tmp) / f"{name}{suffix}"  # never the uploaded name as a path
        source.write_bytes(data)
        try:
            if into:
                result: Any = import_into(source, target, clauses_dir=project.clauses)
            else:
                result = import_file(source, name=name, clauses_dir=project.clauses, agreements_dir=project.agreements)
        except DrafterError as exc:
            exc.message = exc.message.replace(str(source), Path(filename).name).replace(f"{project.root}/", "")
            if exc.where:
                exc.where.file = Path(filename).name if exc.where.file == str(source) else project.shown(exc.where.file)
            raise
    report = [line.replace(str(project.root) + "/", "").replace(str(source), Path(filename).name) for line in result.report()]
    return result.spec_path.stem, report
