"""`drafter import UTLÅTANDE --till agreements/NAMN.yaml`: the tjänsteutlåtande of a set into the spec
of its agreement, so that the set is one partnership (one spec, one clause folder) and not two.

The spec gets a `proposal:` part, appended at its end: nothing it says is changed or rewritten, and
a spec that has a proposal already is refused. The utlåtande's sections become draft clauses in the
partnership's import folder beside the agreement's (a name taken there gets "-2"), with the spec's
partnership. Where the utlåtande states what the spec states (the period, the parties' names) its text
gets the spec's expression; where they differ the text stays as written, and the report says so:
a decided utlåtande's words are not changed by the spec of another document.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from drafter.errors import DrafterError, Where
from drafter.importer.budget import amounts_to_expressions
from drafter.importer.emit import clause_file, spec_yaml
from drafter.importer.placed import place_layout

NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_REPORTED = ("tjänsteutlåtandets", "avdelning", "tjänsteperson", "förslag till beslut", "proposal.")


@dataclass
class IntoResult:
    spec_path: Path
    clause_dir: Path
    clause_ids: list[str]
    found: list[str]
    compared: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def report(self) -> list[str]:
        lines = [f"Tjänsteutlåtandet lades till i {self.spec_path}: proposal: sist i filen; inget annat i specen "
                 "ändrades.", f"{len(self.clause_ids)} klausuler (utkast) i {self.clause_dir}", "", "Känt igen:"]
        lines += [f"  {line}" for line in self.found] or ["  (inget)"]
        if self.compared:
            lines += ["", "Jämfört med specen (kontrollera):"] + [f"  {line}" for line in self.compared]
        if self.notes:
            lines += [""] + self.notes
        lines += ["", f"Nästa steg: drafter check {self.spec_path} --clauses {self.clause_dir.parent.parent}"]
        return lines


def import_into(path: Path, spec_path: Path, clauses_dir: Path | None = None) -> IntoResult:
    from drafter.importer import _proposal_outline, read_draft

    path, spec_path = Path(path), Path(spec_path)
    text, data = _read_spec(spec_path)
    partnership = data.get("partnership") or spec_path.stem
    if not isinstance(partnership, str) or not NAME.fullmatch(partnership):
        raise DrafterError(f"Specens partnerskap '{partnership}' kan inte vara ett mappnamn; inget har skrivits.",
                           Where(str(spec_path), _line_of(text, "partnership"), field="partnership"),
                           "Skriv partnership: med små bokstäver a–z, siffror och bindestreck.")
    clause_dir = (Path(clauses_dir) if clauses_dir else Path.cwd() / "clauses") / "import" / partnership
    taken = frozenset(p.name for p in clause_dir.iterdir()) if clause_dir.is_dir() else frozenset()
    draft = read_draft(path, partnership, clause_dir, taken)
    rec = draft.rec
    if not rec.proposal:
        raise DrafterError(f"{path.name} är inget tjänsteutlåtande (inget avsnitt \"Förslag till beslut\"); "
                           "inget har skrivits.", Where(str(path)),
                           "--till lägger ett tjänsteutlåtande till en befintlig spec. Importera en överenskommelse "
                           "utan --till; den blir en egen spec.")
    proposal = rec.data["proposal"]
    proposal["outline"] = _proposal_outline(draft.structure.sections, rec)
    scratch = {"parties": rec.data["parties"], "proposal": proposal}
    placed, unplaced = place_layout(draft.structure, scratch, True, rec.unit)
    compared, dropped = _compare(rec.data, data, draft)
    # the spec's budget, stated in the utlåtande ("bevilja föreningen 640 000 kr"): the spec's expression
    rows = (data.get("budget") or {}).get("rows") if isinstance(data.get("budget"), dict) else None
    stated = amounts_to_expressions(list(draft.sections.values()), rows) if isinstance(rows, list) else 0
    if stated:
        compared.append(f"budgetens belopp: utlåtandet anger specens summa ({stated} ställen); texten skrivs ur "
                        "specens budget")
    if dropped or stated:
        draft.files = {file: clause_file(section, draft.footnotes, draft.file_name, partnership)
                       for file, section in draft.sections.items()}

    block = spec_yaml({"proposal": proposal}, draft.file_name)
    block = "\n".join(line for line in block.split("\n") if not line.startswith("# ")).lstrip("\n")
    new_text = (text.rstrip("\n") + "\n\n" + f"# Tjänsteutlåtandet, importerat från {draft.file_name} med "
                f"`drafter import --till`.\n" + block)
    if not isinstance(yaml.safe_load(new_text), dict):  # never write a spec that does not load
        raise DrafterError(f"Specen {spec_path} gick inte att komplettera; inget har skrivits.", Where(str(spec_path)))
    from drafter.output import write_atomic

    for file, body in draft.files.items():  # new files only: a name taken was given "-2"
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, body.encode("utf-8"))
    write_atomic(spec_path, new_text.encode("utf-8"))
    found = [line for line in rec.found + rec.derived + rec.missing if line.startswith(_REPORTED)]
    notes = draft.notes([p for p in placed if not p.startswith("förvaltning:")], unplaced)  # said under compared
    return IntoResult(spec_path, clause_dir, draft.clause_ids, found, compared, notes)


def _read_spec(spec_path: Path) -> tuple[str, dict]:
    if not spec_path.is_file():
        raise DrafterError(f"Specen {spec_path} finns inte; inget har skrivits.", Where(str(spec_path)),
                           "Ange specen för överenskommelsen som utlåtandet hör till, till exempel "
                           "--till agreements/street-minds-2026.yaml.")
    try:
        text = spec_path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except UnicodeDecodeError:
        raise DrafterError(f"Specen {spec_path} är inte sparad som UTF-8; inget har skrivits.",
                           Where(str(spec_path))) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DrafterError(f"Specen {spec_path} kan inte läsas (fel i YAML); inget har skrivits.",
                           Where(str(spec_path), mark.line + 1 if mark else None),
                           f"Rätta specen och importera igen; `drafter check {spec_path}` visar felet.") from None
    if not isinstance(data, dict):
        raise DrafterError(f"{spec_path} är ingen spec (inga fält som document:, parties:); inget har skrivits.",
                           Where(str(spec_path)))
    if "proposal" in data:
        raise DrafterError(f"Specen {spec_path} har redan ett tjänsteutlåtande (proposal:); inget har skrivits.",
                           Where(str(spec_path), _line_of(text, "proposal"), field="proposal"),
                           "Ska det importerade utlåtandet ersätta det som står där, ta bort proposal: ur specen "
                           "först. Hör utlåtandet till ett annat partnerskap, importera det utan --till.")
    return text, data


def _line_of(text: str, key: str) -> int | None:
    m = re.search(rf"^{key}:", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _values(data: dict) -> dict[str, str]:
    """What a clause's expressions print from a spec's data, as text to compare."""
    parties = [p for p in data.get("parties") or [] if isinstance(p, dict)]
    public = next((p for p in parties if p.get("sector") == "offentlig"), {})
    partners = [p for p in parties if p.get("sector") == "idéburen"]
    period = data.get("period") or {}
    out = {"public.name": public.get("name"), "forvaltning": public.get("administration"),
           "public.committee": public.get("committee"),
           "period.start": period.get("start"), "period.end": period.get("end")}
    for i, partner in enumerate(partners):
        for key in ("name", "organisationsnummer"):
            out[f"partners[{i}].{key}"] = partner.get(key)
            if i == 0:
                out[f"partner.{key}"] = partner.get(key)
    return {k: (v.isoformat() if isinstance(v, dt.date) else str(v)) for k, v in out.items()
            if v is not None and not str(v).startswith(("[", "N", "Å"))}


def _compare(found: dict, spec: dict, draft) -> tuple[list[str], bool]:
    """The utlåtande's facts against the spec's: each difference said; the texts keep the utlåtande's
    words where an expression would print the spec's different value (True when any was dropped)."""
    mine, theirs = _values(found), _values(spec)
    said = {"public.name": "den offentliga partens namn", "forvaltning": "förvaltningen",
            "period.start": "periodens start", "period.end": "periodens slut", "partner.name": "den idéburna partens namn",
            "public.committee": "nämnden"}
    compared = []
    for key, what in said.items():
        if key in mine and key in theirs and mine[key] != theirs[key]:
            compared.append(f"{what}: utlåtandet anger {mine[key]}, specen {theirs[key]}; utlåtandets text står kvar "
                            "som den är skriven")
        elif key == "forvaltning" and key in mine and key not in theirs:
            compared.append(f"förvaltningen: utlåtandet anger {mine[key]}, specen ingen; lägg till administration: "
                            f"{mine[key]} under den offentliga parten om brevhuvudet ska visa den")
    dropped = False
    for section in draft.sections.values():
        for block in section.blocks:
            for text in [*block.texts, *(c for row in block.rows or [] for c in row)]:
                keep = [s for s in text.subs if _same(s[2], mine, theirs)]
                dropped = dropped or len(keep) != len(text.subs)
                text.subs[:] = keep
    return compared, dropped


def _same(expr: str, mine: dict[str, str], theirs: dict[str, str]) -> bool:
    key = expr.split("|")[0].strip()
    return key.startswith(("ref(", "block(")) or (key in mine and mine.get(key) == theirs.get(key))
