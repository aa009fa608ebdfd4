"""`drafter verify`: is this PDF or DOCX the document that was signed? The locks in git are the record.

First the file's sha256 against every lock; without a match its text against the text of each locked
document of the same format, rebuilt from the locked clause versions, to say what differs.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.lockfile import lock_path, read_lock
from drafter.locknames import document_label as _label
from drafter.model.nodes import FILE_NAMES

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary


UNLIKE = 0.6  # below this share of equal words a file is not a changed copy of the locked document


@dataclass
class Verdict:
    file: Path
    ok: bool
    lines: list[str] = field(default_factory=list)

    def report(self) -> str:
        return "\n".join(self.lines)


def verify_file(file: Path, specs: list[Path], library: "ClauseLibrary") -> Verdict:
    data = Path(file).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    locked = [(Path(s), read_lock(lock_path(s))) for s in specs]
    locked = [(s, docs) for s, docs in locked if docs]
    for spec, documents in locked:
        for name, entry in documents.items():
            for fmt, recorded in entry.get("filer", {}).items():
                if recorded.get("sha256") == digest:
                    clauses = ", ".join(f"{c['id']}@{c['version']}" for c in entry["klausuler"])
                    return Verdict(file, True, [
                        f"ok: {file} är {_label(name)} i {spec} ({fmt.upper()}), låst med drafter "
                        f"{entry['drafter']}.", f"Klausulversioner: {clauses}." if clauses else
                        "Klausulversioner: inga; hela texten kommer ur specen (låset håller dess sha256)."])
    if not locked:
        return Verdict(file, False, [f"{file}: inget lås hittades" + (f" för {specs[0]}" if len(specs) == 1 else
                                     " i agreements/") + "; kör `drafter lock SPEC` när dokumentet undertecknats."])
    if file.suffix.lower() not in (".pdf", ".docx"):
        return Verdict(file, False, [f"{file} är ingen PDF- eller DOCX-fil. `drafter verify` jämför en undertecknad "
                                     "PDF eller DOCX med låsen; ange specen som andra argument: "
                                     f"drafter verify FIL.pdf {file}" if file.suffix.lower() in (".yaml", ".yml")
                                     else f"{file} är ingen PDF- eller DOCX-fil; `drafter verify` jämför en "
                                     "undertecknad PDF eller DOCX med låsen."])
    packet = f"-{FILE_NAMES['packet']}.pdf"
    if file.name.endswith(packet):  # composed for the nämnd, never signed nor locked
        agreement = f"{file.name.removesuffix(packet)}-{FILE_NAMES['agreement']}.pdf"
        return Verdict(file, False, [
            f"{file} är nämndhandlingen (tjänsteutlåtandet med överenskommelsen som bilaga), och den låses inte: "
            "den undertecknas inte. Verifiera överenskommelsens eller tjänsteutlåtandets egen fil, t.ex. "
            f"{agreement}."])
    if found := re.search(rf"-{FILE_NAMES['packet']}-tillagg-(\d+)\.pdf$", file.name):  # a tillägg's packet
        addendum = f"{file.name[:found.start()]}-{FILE_NAMES['addendum']}-{found.group(1)}.pdf"
        return Verdict(file, False, [
            f"{file} är nämndhandlingen om tillägg nr {found.group(1)} (tjänsteutlåtandet med tillägget som "
            "bilaga), och den låses inte: den undertecknas inte. Verifiera tilläggets eller tjänsteutlåtandets "
            f"egen fil, t.ex. {addendum}."])
    words = _file_words(file, data)
    if words is None:
        return Verdict(file, False, [f"{file} matchar inget låst dokument och kan inte läsas som "
                                     f"{file.suffix[1:].upper()}; filen är skadad eller inte ett dokument."])
    if _consolidated(file, words):  # composed from the signed ones for reading, never signed itself (trial12)
        stem = file.name.removesuffix(file.suffix)
        agreement = (stem.removesuffix(f"-{FILE_NAMES['consolidated']}") + f"-{FILE_NAMES['agreement']}{file.suffix}"
                     if stem.endswith(f"-{FILE_NAMES['consolidated']}") else f"…-{FILE_NAMES['agreement']}{file.suffix}")
        return Verdict(file, False, [
            f"{file} är den konsoliderade versionen (överenskommelsen som den lyder efter tilläggen), och den låses "
            "inte: den undertecknas inte, och det som gäller är den undertecknade överenskommelsen och tilläggen. "
            f"Verifiera deras egna filer, t.ex. {agreement} och …-{FILE_NAMES['addendum']}-1{file.suffix}."])
    best = None
    for spec, documents in locked:
        for name, entry in documents.items():
            if file.suffix[1:].lower() not in entry.get("filer", {}):
                continue
            reference = _locked_words(spec, name, file.suffix.lower(), library)
            if reference is None:
                continue
            ratio = difflib.SequenceMatcher(None, reference, words, autojunk=False).ratio()
            if best is None or ratio > best[0]:
                best = (ratio, spec, name, reference)
    if best is None:
        return Verdict(file, False, [f"{file} matchar inget låst dokument i formatet {file.suffix[1:].upper()}."])
    ratio, spec, name, reference = best
    share = f"{ratio * 100:.1f}".replace(".", ",")
    if ratio < UNLIKE:  # another document altogether: a word diff against it would only mislead
        return Verdict(file, False, [
            f"{file} matchar inget låst dokument: inget av dem har samma text (närmast {_label(name)} i {spec}, "
            f"bara {share} % av orden lika). Är filen ett dokument som inte låsts, till exempel tjänsteutlåtandet "
            "eller ett tillägg som ännu inte undertecknats? Lås det med `drafter lock SPEC --document …` när det "
            "undertecknats."])
    lines = [f"{file} matchar inte filerna som låstes. Närmast: {_label(name)} i {spec} ({share} % av orden lika)."]
    differences = _differences(reference, words)
    lines += differences or ["Texten är densamma; filen skiljer sig i annat än texten (layout, metadata eller "
                             "en ändrad byte)."]
    return Verdict(file, False, lines)


def _consolidated(file: Path, words: list[str]) -> bool:
    """The consolidated version, by its file name or, renamed, by the mark it carries on every page."""
    from drafter.assemble.unsigned import MARK

    if file.name.removesuffix(file.suffix).endswith(f"-{FILE_NAMES['consolidated']}"):
        return True
    mark = MARK.split()
    return any(words[i:i + len(mark)] == mark for i in range(min(len(words), 400)))


def _differences(reference: list[str], words: list[str], limit: int = 12) -> list[str]:
    out = []
    matcher = difflib.SequenceMatcher(None, reference, words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        context = " ".join(reference[max(0, i1 - 4):i1])
        old, new = _quoted(reference[i1:i2]), _quoted(words[j1:j2])
        if tag == "delete":
            out.append(f"  saknas efter ”…{context}”: ”{old}”")
        elif tag == "insert":
            out.append(f"  tillagt efter ”…{context}”: ”{new}”")
        else:
            out.append(f"  efter ”…{context}”: ”{old}” → ”{new}”")
    if len(out) > limit:
        out = out[:limit] + [f"  … och {len(out) - limit} skillnader till."]
    return out


def _quoted(words: list[str], most: int = 30) -> str:
    """A changed run of words as a difference line quotes it: a long one by its start and end and its length,
    so that one line never quotes pages."""
    if len(words) <= most:
        return " ".join(words)
    return f"{' '.join(words[:20])} … {' '.join(words[-6:])} ({len(words)} ord)"


def _file_words(path: Path, data: bytes) -> list[str] | None:
    try:
        if path.suffix.lower() == ".pdf":
            from pypdf import PdfReader

            text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
        elif path.suffix.lower() == ".docx":
            from docx import Document as Docx

            docx = Docx(io.BytesIO(data))
            parts = [p.text for p in docx.paragraphs]
            parts += [c.text for t in docx.tables for row in t.rows for c in row.cells]
            text = "\n".join(parts)
        else:
            return None
    except Exception:  # noqa: BLE001 (any parser failure means: not a readable document)
        return None
    return re.findall(r"\S+", text)


def _locked_words(spec: Path, name: str, suffix: str, library) -> list[str] | None:
    """The locked document rebuilt now (a locked spec resolves to its locked versions), as words."""
    from drafter.build import BuildOptions, render_documents
    from drafter.lockfile import document_name
    from drafter.pipeline import prepare
    from drafter.spec.load import load_spec

    documents = prepare(load_spec(spec), library).documents
    doc = next((d for d in documents if document_name(d) == name), None)
    if doc is None:
        return None
    (rendered,) = render_documents([doc], spec.stem, BuildOptions(library=library, formats=(suffix[1:],)))
    files = rendered.files
    data = next(v for k, v in files.items() if k.endswith(suffix))
    return _file_words(Path(f"x{suffix}"), data)
