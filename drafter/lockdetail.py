"""What a lock records beyond clause versions, so that a locked document can be kept and a change named.

`drafter lock` (drafter/lockfile.py) records per document, besides its clause versions and text hash:

- `brevhuvud`: the letterhead as the signatories saw it (sender, address, reference data, recipient,
  the logo's sha256). A later build of the locked document uses this letterhead, whatever
  clauses/husstil.yaml says now: the house style is for documents still to be signed, and the letterhead
  of a signed one is part of its text. A changed house style is named (`lock-letterhead`, info), and so
  is a changed logo, which a lock cannot keep (the build's byte comparison then says `lock-layout` too).
- `avsnitt`: the sha256 of each section's text under its number and heading, and `uppgifter`: each
  spec value (a long text by its sha256). When the text differs from the locked text (`lock-text`), these name the
  sections and the spec fields (with their lines) that changed.

Locks written before these fields existed lack them; everything here then does nothing or says less.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.checks.finding import Finding
from drafter.lockrecord import letterhead_record, listed, named_changes, short_digest, shown_value, value_record
from drafter.locknames import document_label as _label
from drafter.locknames import shown_path as _shown
from drafter.model.nodes import HouseStyle, Letterhead

if TYPE_CHECKING:
    from drafter.model.nodes import Document, Section
    from drafter.spec.load import LoadedSpec

PREAMBLE = "(titel och inledning)"


# --- letterhead -------------------------------------------------------------------------------------

def valid_details(entry: dict) -> bool:
    """The fields of this module, when a lock has them (a lock from before has none): else the lock is bad input."""
    return (("brevhuvud" not in entry or entry["brevhuvud"] is None or _valid_letterhead(entry["brevhuvud"]))
            and ("avsnitt" not in entry or (isinstance(entry["avsnitt"], list) and all(
                isinstance(s, dict) and isinstance(s.get("avsnitt"), str) and isinstance(s.get("sha256"), str)
                for s in entry["avsnitt"])))
            and ("uppgifter" not in entry or (isinstance(entry["uppgifter"], dict) and all(
                v is None or isinstance(v, (str, bool, int, float, dt.date)) for v in entry["uppgifter"].values()))))


def _valid_letterhead(data) -> bool:
    return (isinstance(data, dict) and all(isinstance(data.get(k), list) for k in ("avsandare", "adress", "uppgifter"))
            and all(isinstance(data.get(k), str) for k in ("dokumenttyp", "mottagare", "logotyp_sha256")))


def keep_letterheads(documents: list["Document"], locked: dict, by_name: dict[str, "Document"],
                     library_root: Path | None, spec: str, loaded: "LoadedSpec | None" = None) -> list[Finding]:
    """Give each locked document the letterhead it was locked with; say where the house style now differs.
    With `loaded`: page 1's data (dnr, date, handläggare) or sender changed in the spec is not the house style's,
    and not said here: `lock-text` says it, as an error (lockprinted.printed_changes)."""
    from drafter.lockprinted import changed_printed

    house_file = (Path(library_root) / "husstil.yaml") if library_root else Path("clauses/husstil.yaml")
    findings: list[Finding] = []
    for name, entry in locked.items():
        doc, recorded = by_name.get(name), entry.get("brevhuvud", False)
        if doc is None or recorded is False or not (recorded is None or _valid_letterhead(recorded)):
            continue  # a lock from before letterheads were recorded, or a document no longer given
        now = letterhead_record(doc)
        if now == recorded:
            continue
        label = _label(name)
        if recorded is None:
            doc.meta.letterhead = None
        else:
            doc.meta.letterhead = Letterhead(list(recorded["avsandare"]), recorded["dokumenttyp"],
                                             [(k, v) for k, v in recorded["uppgifter"]], recorded["mottagare"])
            base = doc.meta.house or HouseStyle(logo="")
            doc.meta.house = replace(base, address=list(recorded["adress"]),
                                     logo=base.logo if recorded["logotyp_sha256"] else "")
        from_spec = changed_printed(entry, loaded, name) if loaded is not None else []
        skip = {"uppgifter"} if from_spec else set()
        skip |= {"avsandare"} if any(p.endswith(".department") for p in from_spec) else set()
        changes = _letterhead_changes(recorded, now, skip)
        logo_now = now["logotyp_sha256"] if now else ""
        if recorded is not None and not recorded["logotyp_sha256"] and logo_now:
            changes.append("logotyp: låst utan, husstilen har nu en (den tas inte med)")
        elif recorded and recorded["logotyp_sha256"] and logo_now != recorded["logotyp_sha256"]:
            changes.append("logotyp: " + ("bytt" if logo_now else "borttagen") + " sedan låsningen; en bild kan "
                           "låset inte hålla kvar, så den byggda filen har " + ("den nya" if logo_now else "ingen"))
        if changes:
            findings.append(Finding(
                "lock-letterhead", "info",
                f"{spec}: {label} är låst med brevhuvudet som det såg ut vid låsningen, och byggs så: "
                f"{'; '.join(changes)}. Husstilen gäller dokument som ännu inte undertecknats.",
                _where(house_file, changes, now["avsandare"] if now else None), doc.kind))
    return findings


FIELDS = {"avsandare": "avsändare (organisation, forvaltning)", "adress": "adress",
          "dokumenttyp": "dokumenttyp", "uppgifter": "uppgifter på sidan 1 (forsta_sidan)", "mottagare": "mottagare"}


def _letterhead_changes(recorded: dict | None, now: dict | None, skip: frozenset[str] | set[str] = frozenset()) -> list[str]:
    if recorded is None or now is None:
        return ["låst " + ("utan" if recorded is None else "med") + " brevhuvud, husstilen ger nu "
                + ("inget" if now is None else "ett")]
    out = []
    for key, label in FIELDS.items():
        if key not in skip and recorded[key] != now[key]:
            was, is_now = _flat(recorded[key]), _flat(now[key])
            out.append(f"{label} låst " + (f"”{was}”" if was else "utan") + ", husstilen ger nu "
                       + (f"”{is_now}”" if is_now else "ingen"))
    return out


def _flat(value) -> str:
    if isinstance(value, list):
        return ", ".join(" ".join(v) if isinstance(v, list) else str(v) for v in value)
    return str(value)


def _where(house_file: Path, changes: list[str], sender: list[str] | None = None) -> str:
    """husstil.yaml and the line of the first field named (adress, forvaltning, …) when it is written; an
    address that comes from the förvaltning's own entry under `forvaltningar:` is that entry's line."""
    shown = _shown(house_file)
    keys = {"adress": "adress", "avsändare": "forvaltning", "uppgifter": "forsta_sidan", "mottagare": "mottagare_versal",
            "logotyp": "logotyp"}
    key = next((k for word, k in keys.items() for c in changes[:1] if c.startswith(word)), None)
    if not key or not house_file.is_file():
        return shown
    lines = house_file.read_text(encoding="utf-8").splitlines()
    names = [name.casefold() for name in sender or [] if name]
    if key == "adress" and names:
        below = next((i for i, line in enumerate(lines) if line.startswith("forvaltningar:")), None)
        for number, line in enumerate(lines[below + 1:] if below is not None else [], below + 2 if below is not None else 0):
            if line and not line[0].isspace() and not line.startswith("#"):
                break  # the next top-level field: the entry is not there
            if any(line.strip().casefold().startswith((name + ":", f'"{name}":', f"'{name}':")) for name in names):
                return f"{shown}:{number}"
    for number, line in enumerate(lines, 1):
        if line.startswith(f"{key}:"):
            return f"{shown}:{number}"
    return shown


# --- sections and spec values -------------------------------------------------------------------------

def section_digests(doc: "Document") -> list[dict]:
    """Each section's own text (number, heading, blocks) as a short hash, in reading order."""
    from drafter.model.text import block_lines

    preamble = [doc.meta.title, doc.meta.subtitle or ""] + [line for b in doc.preamble for line in block_lines(b)]
    out = [{"avsnitt": PREAMBLE, "sha256": short_digest("\n".join(preamble))}]
    for section in doc.walk_sections():
        out.append({"avsnitt": section_key(section), "sha256": short_digest(_own_text(section))})
    return out


def section_key(section: "Section") -> str:
    return f"{section.label} {section.heading}".strip() or "(avsnitt utan rubrik)"


def _own_text(section: "Section") -> str:
    from drafter.model.text import block_lines

    return "\n".join([section_key(section)] + [line for b in section.blocks for line in block_lines(b)])


def text_changes(doc: "Document", entry: dict, loaded: "LoadedSpec", name: str) -> tuple[str, str | None]:
    """What differs from the locked text, as a clause for the `lock-text` message, and the spec line of the
    first changed value (None when the lock does not record the values or none changed)."""
    parts = []
    where = None
    recorded_sections = entry.get("avsnitt")
    if isinstance(recorded_sections, list):
        before = {s.get("avsnitt"): s.get("sha256") for s in recorded_sections if isinstance(s, dict)}
        now = section_digests(doc)
        keys_now = {s["avsnitt"] for s in now}
        changed = [s["avsnitt"] for s in now if before.get(s["avsnitt"]) != s["sha256"]]
        gone = [k for k in before if k not in keys_now]
        if changed or gone:
            parts.append("ändrade avsnitt: " + listed([f"”{k}”" for k in changed]
                                                    + [f"”{k}” (finns inte längre)" for k in gone]))
    recorded_values = entry.get("uppgifter")
    if isinstance(recorded_values, dict):
        now_values = value_record(loaded, name)
        paths = [p for p in now_values if recorded_values.get(p) != now_values[p]]
        paths += [p for p in recorded_values if p not in now_values]
        if paths:
            named = []
            for path in paths:
                if path not in now_values:
                    named.append(f"{path} (borttaget)")
                    continue
                line = _line_of(loaded, path)
                old, new = shown_value(recorded_values.get(path)), shown_value(now_values[path])
                what = ("ny" if path not in recorded_values else f"{old} → {new}" if old is not None and new is not None
                        else "")
                named.append(f"{path} ({', '.join(x for x in (f'rad {line}' if line else '', what) if x)})"
                             if line or what else path)
            parts.append("ändrade uppgifter i specen: " + listed(named))
            first = next((p for p in paths if p in now_values), None)
            if first is not None:
                w = loaded.where(*[int(p) if p.isdigit() else p for p in first.split(".")])
                where = f"{w.file}:{w.line}" if w.line else w.file
    return "; ".join(parts), where


def _line_of(loaded: "LoadedSpec", path: str) -> int | None:
    return loaded.where(*[int(p) if p.isdigit() else p for p in path.split(".")]).line


# --- values printed outside the text: drafter/lockprinted.py ---------------------------------------------

def outline_changes(entry: dict, loaded: "LoadedSpec", name: str) -> tuple[str, str, int] | None:
    """The spec values that choose clause versions (the outline's `standard:` and items, a tillägg's
    `clause:`) that differ from the lock's record, named as lockprinted.printed_changes names them (trial12: a locked
    spec's standard outline set back from @2 to @1)."""
    recorded = entry.get("uppgifter")
    if not isinstance(recorded, dict):
        return None
    now = value_record(loaded, name)
    paths = [p for p in [*now, *(p for p in recorded if p not in now)] if recorded.get(p) != now.get(p)
             and ("outline" in p.split(".") or p.endswith(".clause"))]
    return named_changes(entry, loaded, name, paths, now)
