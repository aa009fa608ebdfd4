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
from drafter.importer.numbering import paragraph_references, paragraph_style_finding
from drafter.importer.parties import all_texts
from drafter.importer.placed import place_layout
from drafter.importer.recognise import PROPOSAL_DECISION, Recognised, party_names_in, recognise
from drafter.importer.sources import read_source
from drafter.importer.structure import Structure, build_structure

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

    draft = read_draft(path, name, clause_dir)
    structure, rec = draft.structure, draft.rec
    data = dict(rec.data)
    if rec.proposal:
        data["outline"] = _agreement_outline_of_proposal(structure.sections, clauses_root, rec)
        proposal = data.pop("proposal")
        proposal["outline"] = _proposal_outline(structure.sections, rec)
        data["proposal"] = proposal
    else:
        data["outline"] = _outline(structure.sections)
    placed, unplaced = place_layout(structure, data, rec.proposal, rec.unit)
    # the clauses are this partnership's (their `partnership:`): said in the spec, never left to its file name
    data = {"partnership": name, "#partnership": f"klausulerna i {clause_dir.parent.name}/{name}/", **data}
    text = spec_yaml(data, draft.file_name)

    _write_all(draft.files, clause_dir if force else None)
    _atomic_write(spec_path, text)
    return ImportResult(spec_path, clause_dir, draft.clause_ids, draft.findings, rec, draft.removed,
                        draft.notes(placed, unplaced))


@dataclass
class Draft:
    """A file read, its sections and data recognised, and its clause files made (not yet written)."""

    path: Path
    structure: Structure
    rec: Recognised
    file_name: str
    clause_ids: list[str]
    files: dict[Path, str]
    findings: list[Finding]
    removed: int
    footnotes: dict[int, str] = field(default_factory=dict)
    sections: dict[Path, Section] = field(default_factory=dict)  # each clause file's section
    furniture: list[str] = field(default_factory=list)  # page headers taken out of the text

    def notes(self, placed: list[str], unplaced: list[str]) -> list[str]:
        """What the report says besides the data: text left out, what was placed from the page's layout."""
        notes = []
        structure = self.structure
        dropped = structure.preamble[1:] if self.rec.proposal else structure.preamble
        if dropped:
            notes.append(f"Text före första rubriken togs inte med ({len(dropped)} stycken, det första: "
                         f"\"{dropped[0][:60]}\"); lägg in den i en klausul om den behövs.")
        if placed:
            notes += ["Placerat i specen (ur brevhuvudet, underskrifterna och bilagelistan):"] + [f"  {p}" for p in placed]
        if unplaced:
            notes += ["Inte med i specen eller klausulerna (lägg in det för hand om det behövs):"] + [
                f"  {u}" for u in unplaced]
        if self.furniture:  # a page header repeated on the pages: page furniture, said not dropped silently
            shown = "; ".join(f"\"{line[:60]}\"" for line in self.furniture[:3])
            notes.append(f"Sidhuvud som upprepas på sidorna togs bort ur texten ({shown}); sidnummer likaså.")
        if self.removed:
            notes.append(f"{self.removed} tecken som inte kan stå i ett dokument (styrtecken) togs bort ur texten.")
        return notes


def read_draft(path: Path, name: str, clause_dir: Path, taken: frozenset[str] = frozenset()) -> Draft:
    """Read `path` into sections and data; each section with text a clause `import/<name>/<slug>` in
    `clause_dir` (slugs in `taken` are not used: clauses there already)."""
    source, removed = read_source(path)
    structure = build_structure(source, str(path), party_names_in(source.items))
    if not structure.sections:
        raise DrafterError("Inga rubriker hittades i filen; den kan inte delas upp i klausuler.", Where(str(path)),
                           "Rubriker känns igen som numrerade rader (2.1 Parter), Word-rubrikformat eller "
                           "Markdown-rubriker (## Parter).")
    file_name = shown_name(path.name)
    rec = recognise(structure, file_name, source.diarienummer)

    clause_ids: list[str] = []
    used: set[str] = set(taken)
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
    findings = list(structure.findings)
    if structure.paragraph_style:  # "enligt § 4" → {{ ref(…) }} in an agreement, before the texts are written
        count = 0 if rec.proposal else paragraph_references(
            structure.sections, all_texts(structure.sections), suffix=not structure.paragraph_style[1].startswith("§"))
        findings.append(paragraph_style_finding(structure.paragraph_style, count, str(path)))
    sections = {clause_dir / s.clause_id.rsplit("/", 1)[1] / "v1.md": s
                for root in structure.sections for s in root.walk() if s.clause_id}
    files = {file: clause_file(section, source.footnotes, file_name, name) for file, section in sections.items()}
    return Draft(path, structure, rec, file_name, clause_ids, files, findings, removed, source.footnotes, sections,
                 source.furniture)


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


# The standard agreement's own texts (clauses/outlines/overenskommelse/, by key) and the words of
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
    from drafter.clauses.outline_versions import newest_ref, version_files

    if not version_files(library, "overenskommelse"):
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
    standard = newest_ref(library, "overenskommelse")  # the version used, written: a new spec never floats
    return {"standard": standard, "replace": replace} if replace else {"standard": standard}


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
