"""`drafter import`: an existing agreement or tjänsteutlåtande → draft clauses and a draft spec.

    read (sources.py, with the limits of safety.py) → sections and numbering findings (structure.py)
    → recognised data (recognise.py) → clause files and spec (emit.py)

The clauses go to `<clauses>/import/<name>/<slug>/v1.md` (status utkast, pinned @1 in the spec),
the spec to `<agreements>/<name>.yaml`. For a tjänsteutlåtande the spec's `proposal:` rebuilds the
document, and the agreement's outline is made of the sections under "Ärendet" (those describing the
partnership: syfte, målgrupp, parter, åtaganden, period …), or of all sections but the decision ones
when there is no "Ärendet".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from drafter.checks.finding import Finding
from drafter.errors import DrafterError, Where
from drafter.importer.emit import clause_file, slug, spec_yaml
from drafter.importer.model import Section
from drafter.importer.recognise import PROPOSAL_DECISION, Recognised, party_names_in, recognise
from drafter.importer.sources import read_source
from drafter.importer.structure import build_structure

NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class ImportResult:
    spec_path: Path
    clause_dir: Path
    clause_ids: list[str]
    findings: list[Finding]
    recognised: Recognised
    removed_chars: int = 0
    notes: list[str] = field(default_factory=list)

    def report(self) -> list[str]:
        rec = self.recognised
        kind = "tjänsteutlåtande" if rec.proposal else "överenskommelse"
        lines = [f"Importerat som {kind}: {len(self.clause_ids)} klausuler (utkast) i {self.clause_dir}",
                 f"Spec: {self.spec_path}", "", "Känt igen:"]
        lines += [f"  {line}" for line in rec.found] or ["  (inget)"]
        if rec.derived:
            lines += ["", "Härlett eller antaget (kontrollera):"] + [f"  {line}" for line in rec.derived]
        lines += ["", "Kunde inte kännas igen (platshållare i specen; `drafter check` listar dem):"]
        lines += [f"  {line}" for line in rec.missing] or ["  (inget)"]
        if rec.todo:
            lines += ["", "Att göra (texten styrs inte av specen):"] + [f"  {line}" for line in rec.todo]
        if self.notes:
            lines += [""] + self.notes
        if self.findings:
            lines += ["", "Numreringen i källan (drafter numrerar om när dokumentet byggs):"]
            lines += [f"  {f.line()}" for f in self.findings]
        lines += ["", f"Nästa steg: drafter check {self.spec_path} --clauses {self.clause_dir.parent.parent}"]
        return lines


def shown_name(name: str) -> str:
    """The file's name as written into the spec and the clauses: control, format and line-separator
    characters (a newline would end the YAML comment and inject fields) are written as \\uXXXX."""
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in name)


def default_name(path: Path) -> str:
    return slug(path.stem, 50)


def import_file(path: Path, name: str | None = None, clauses_dir: Path | None = None,
                agreements_dir: Path | None = None, force: bool = False) -> ImportResult:
    path = Path(path)
    name = name if name is not None else default_name(path)
    if not NAME.fullmatch(name):
        raise DrafterError(f"Namnet '{name}' går inte att använda; skriv små bokstäver a–z, siffror och bindestreck, "
                           "till exempel street-minds-2026.")
    clauses_root = Path(clauses_dir) if clauses_dir else Path.cwd() / "clauses"
    agreements = Path(agreements_dir) if agreements_dir else Path.cwd() / "agreements"
    clause_dir = clauses_root / "import" / name
    spec_path = agreements / f"{name}.yaml"
    if not force:
        for existing in (spec_path, clause_dir):
            if existing.exists():
                raise DrafterError(f"{existing} finns redan; inget har skrivits.",
                                   hint="Välj ett annat namn med --name, eller skriv över med --force.")

    source, removed = read_source(path)
    structure = build_structure(source, str(path), party_names_in(source.items))
    if not structure.sections:
        raise DrafterError("Inga rubriker hittades i filen; den kan inte delas upp i klausuler.", Where(str(path)),
                           "Rubriker känns igen som numrerade rader (2.1 Parter), Word-rubrikformat eller "
                           "Markdown-rubriker (## Parter).")
    file_name = shown_name(path.name)
    rec = recognise(structure, file_name, source.diarienummer)

    clause_ids: list[str] = []
    used: set[str] = set()
    files: dict[Path, str] = {}
    for root in structure.sections:
        for section in root.walk():
            if not section.blocks or _is_attachments(section, rec):
                continue
            base = slug(section.heading)
            candidate, n = base, 2
            while candidate in used:
                candidate, n = f"{base}-{n}", n + 1
            used.add(candidate)
            section.clause_id = f"import/{name}/{candidate}"
            clause_ids.append(section.clause_id)
            files[clause_dir / candidate / "v1.md"] = clause_file(section, source.footnotes, file_name, name)

    data = dict(rec.data)
    if rec.proposal:
        data["outline"] = _agreement_outline_of_proposal(structure.sections, clauses_root, rec)
        proposal = data.pop("proposal")
        proposal["outline"] = _proposal_outline(structure.sections, rec)
        data["proposal"] = proposal
    else:
        data["outline"] = _outline(structure.sections)
    text = spec_yaml(data, file_name)

    _write_all(files, clause_dir if force else None)
    _atomic_write(spec_path, text)
    notes = []
    dropped = structure.preamble[1:] if rec.proposal else structure.preamble
    if dropped:
        notes.append(f"Text före första rubriken togs inte med ({len(dropped)} stycken, det första: "
                     f"\"{dropped[0][:60]}\"); lägg in den i en klausul om den behövs.")
    if removed:
        notes.append(f"{removed} tecken som inte kan stå i ett dokument (styrtecken) togs bort ur texten.")
    return ImportResult(spec_path, clause_dir, clause_ids, structure.findings, rec, removed, notes)


def _is_attachments(section: Section, rec: Recognised) -> bool:
    return rec.proposal and section.level == 1 and section.heading.lower() == "bilagor"


def _item(section: Section, children: list) -> object:
    if section.clause_id:
        ref = f"{section.clause_id}@1"
        return {"clause": ref, "sections": children} if children else ref
    return {"heading": section.heading, "sections": children} if children else {"heading": section.heading}


def _outline(sections: list[Section]) -> list:
    return [_item(s, _outline(s.children)) for s in sections]


def _proposal_outline(sections: list[Section], rec: Recognised) -> list:
    out: list = []
    for section in sections:
        if _is_attachments(section, rec):
            out.append({"heading": "Bilagor", "block": "bilagor"})
            continue
        out.append(_item(section, _outline(section.children)))
        if section.heading.lower() in PROPOSAL_DECISION:
            out.append({"block": "tjansteman"})
    return out


# The standard agreement's own texts (clauses/outlines/overenskommelse.yaml, by key) and the words of
# a proposal's heading that describe the same thing.
_STANDARD_KEYS = (("syfte-och-mal", ("syfte",)), ("malgrupp", ("målgrupp",)), ("ataganden", ("åtagande",)),
                  ("foreningens-verksamhet", ("förening", "organisation", "verksamhet")),
                  ("namndens-uppdrag", ("nämndens uppdrag", "uppdrag")), ("bakgrund", ("bakgrund",)))


def _agreement_outline_of_proposal(sections: list[Section], library: Path, rec: Recognised) -> list | dict:
    """The agreement a proposal asks to approve: the library's standard agreement outline (parties,
    organisation, follow-up, terms, signatures), its own texts replaced by the proposal's sections on
    the same subjects; the rest stay placeholders that `drafter check` lists. Without a standard
    outline in the library: the sections describing the partnership."""
    matter = next((s for s in sections if s.heading.lower() == "ärendet" and s.children), None)
    chosen = matter.children if matter else [
        s for s in sections if s.heading.lower() not in PROPOSAL_DECISION + ("förvaltningens synpunkter och förslag",
                                                                              "ärendets beredning", "bilagor")]
    if not (library / "outlines" / "overenskommelse.yaml").is_file():
        return _outline(chosen) or _outline(sections)
    replace: dict = {}
    for section in chosen + [s for s in sections if s not in chosen and s.heading.lower() == "bakgrund"]:
        if not section.clause_id:
            continue
        heading = section.heading.lower()
        key = next((k for k, words in _STANDARD_KEYS if k not in replace and any(w in heading for w in words)), None)
        if key:
            replace[key] = _item(section, _outline(section.children))
    taken = ", ".join(f"{k} ← {section_heading}" for k, section_heading in
                      ((k, _heading_of(v, sections)) for k, v in replace.items()))
    rec.derived.append("överenskommelsen: bibliotekets standardmall (överenskommelse) med utlåtandets texter"
                       + (f" ({taken})" if taken else "") + "; övriga egna texter är platshållare")
    return {"standard": "overenskommelse", "replace": replace} if replace else {"standard": "overenskommelse"}


def _heading_of(item, sections: list[Section]) -> str:
    ref = item if isinstance(item, str) else item.get("clause", "")
    for root in sections:
        for section in root.walk():
            if section.clause_id and ref.startswith(section.clause_id + "@"):
                return section.heading
    return str(ref)


def _atomic_write(path: Path, text: str) -> None:
    from drafter.output import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"))


def _write_all(files: dict[Path, str], replace_dir: Path | None) -> None:
    if replace_dir is not None:  # --force: the earlier import is replaced whole, never deleted first
        from drafter.output import replace_tree

        replace_tree(replace_dir, {f.relative_to(replace_dir): t.encode("utf-8") for f, t in files.items()})
        return
    for file, text in files.items():
        _atomic_write(file, text)
