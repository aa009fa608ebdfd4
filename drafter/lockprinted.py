"""What a locked document carries besides its text, and the decision it rests on (trial12, trial14).

A signed document is more than the text `lock-text` hashes: its diarienummer and date stand on page 1 and in
the running header, its subject, author and keywords in the file's properties (what the writers put there:
drafter/writers/docx/properties.py, drafter/writers/pdf/typst/drafter.typ), and the nämnd's decision that
approved it (decision.date, decision.paragraph, …) is a legal fact of the signed set, which later tillägg are
judged against. A change of any of them in the spec of a locked document is a `lock-text` error naming the
field, its line and old → new value, and where the value stands in the signed file.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from drafter.lockrecord import letterhead_record, named_changes, value_record

if TYPE_CHECKING:
    from drafter.model.nodes import Document
    from drafter.spec.load import LoadedSpec

# The parts of the nämnd's decision that say which decision it was and what it approved; delegations are
# left out (a delegationsordning changes by its own decisions, and the tillägg cite the delegate's).
DECISION_KEYS = ("by", "date", "paragraph", "diarienummer", "ceiling", "latest_end")


def printed_fields(loaded: "LoadedSpec", name: str, doc: "Document | None" = None) -> list[str]:
    """The spec fields a document prints besides its text: its diarienummer and date (page 1 and the running
    header, the PDF's date), which later tillägg and the consolidated version cite; a tjänsteutlåtande's
    handläggare and department, in its letterhead; and, with `doc`, every spec value the writers put in the
    file's properties (metadata_fields). Values of the signed document, not of the house style."""
    fields = ["document.diarienummer"]
    if name == "overenskommelse":
        fields.append("document.date")
    elif name == "tjansteutlatande":
        fields += ["proposal.date", "proposal.department", "proposal.handlaggare.name", "proposal.handlaggare.phone"]
    else:
        index = _amendment_index(loaded, name)
        if index is not None and name.startswith("tjansteutlatande-"):
            own = f"amendments.{index}.proposal"
            fields += [f"{own}.date", f"{own}.diarienummer", f"{own}.department", f"{own}.handlaggare.name",
                       f"{own}.handlaggare.phone"]
        elif index is not None:
            fields.append(f"amendments.{index}.date")
    if doc is not None:
        fields += [p for p in metadata_fields(loaded, name, doc) if p not in fields]
    return fields


def metadata_fields(loaded: "LoadedSpec", name: str, doc: "Document") -> list[str]:
    """The spec values the writers put in the file's properties (title, subject, author, keywords), found by
    their value in the built document's metadata rather than listed by hand: document.subject and
    document.author of an agreement, a party's name among the keywords, …"""
    meta = doc.meta
    shown = {meta.title, meta.subject, meta.author, *meta.keywords} - {""}
    return [p for p, v in value_record(loaded, name).items() if isinstance(v, str) and v.strip() in shown]


def _amendment_index(loaded: "LoadedSpec", name: str) -> int | None:
    number = name.rpartition("-")[2]
    return next((i for i, a in enumerate(loaded.spec.amendments) if number.isdigit() and a.number == int(number)),
                None)


def changed_printed(entry: dict, loaded: "LoadedSpec", name: str, now: dict | None = None,
                    doc: "Document | None" = None) -> list[str]:
    """The printed fields (printed_fields) whose value differs from the lock's record; [] when the lock (from
    before spec values were recorded) cannot tell."""
    recorded = entry.get("uppgifter")
    if not isinstance(recorded, dict):
        return []
    now = value_record(loaded, name) if now is None else now
    return [p for p in printed_fields(loaded, name, doc) if recorded.get(p) != now.get(p)]


def printed_changes(entry: dict, loaded: "LoadedSpec", name: str,
                    doc: "Document | None" = None) -> tuple[str, str, int, str, bool] | None:
    """The printed values that differ from the lock's record, as a clause naming each with its line and
    old → new value, the place of the first, how many, where in the signed file they stand (places), and
    whether one is what later tillägg cite (the agreement's diarienummer or date); None when they agree or the
    lock (from before spec values were recorded) cannot tell."""
    paths = changed_printed(entry, loaded, name, doc=doc)
    named = named_changes(entry, loaded, name, paths)
    if named is None:
        return None
    recorded, now = entry.get("uppgifter") or {}, value_record(loaded, name)
    values = [v for p in paths for v in (recorded.get(p), now.get(p)) if v is not None]
    cited = any(p in ("document.diarienummer", "document.date") for p in paths)
    return (*named, places(doc, paths, values) if doc is not None else "", cited)


def decision_fields(loaded: "LoadedSpec", name: str) -> list[str]:
    """The fields of the nämnd's decision a locked document rests on: the agreement's `decision:` (the decision
    that approved it), a tillägg's own `amendments.N.decision`. A tjänsteutlåtande comes before the decision."""
    if name == "overenskommelse":
        return [f"decision.{k}" for k in DECISION_KEYS]
    index = _amendment_index(loaded, name) if name.startswith("tillagg-") else None
    return [f"amendments.{index}.decision.{k}" for k in DECISION_KEYS] if index is not None else []


def decision_changes(entry: dict, loaded: "LoadedSpec", name: str) -> tuple[str, str, int] | None:
    """The decision's values recorded by the lock that differ now (a ceiling by each of its fields), named as
    named_changes names them; a value filled in after the lock (a § written in later) is not a change."""
    recorded = entry.get("uppgifter")
    if not isinstance(recorded, dict):
        return None
    now = value_record(loaded, name)
    prefixes = tuple(decision_fields(loaded, name))
    if not prefixes:
        return None
    paths = [p for p in [*now, *(p for p in recorded if p not in now)]
             if (p in prefixes or p.startswith(tuple(f"{x}." for x in prefixes)))
             and recorded.get(p) is not None and recorded.get(p) != now.get(p)]
    return named_changes(entry, loaded, name, paths, now)


def places(doc: "Document", paths: list[str], values: list) -> str:
    """Where in the signed file the values of these changed fields stand, from the document as built: page
    1's letterhead, the running header (a diarienummer: on every page, on page 1 in the letterhead when there
    is one) and the file's properties (title, subject, author, keywords, date)."""
    from drafter.swedish.format import datum

    texts = {str(v) for v in values}
    texts |= {x for v in values if isinstance(v, dt.date) for x in (v.isoformat(), datum(v))}
    meta, head = doc.meta, letterhead_record(doc)
    out = []
    if head is not None and texts & ({str(x) for pair in head["uppgifter"] for x in pair} | set(head["avsandare"])
                                     | {head["mottagare"]}):
        out.append("brevhuvudet på sidan 1")
    if any(p.endswith("diarienummer") for p in paths):
        out.append("sidhuvudet på sidorna efter den första" if head is not None else "sidhuvudet på varje sida")
    properties = {meta.title, meta.subject, meta.author, *meta.keywords} - {""}
    if meta.date is not None:
        properties.add(meta.date.isoformat())
    if texts & properties:
        out.append("filens dokumentegenskaper")
    return " och ".join([", ".join(out[:-1]), out[-1]] if len(out) > 1 else out)
