"""What the text and HTML redlines show, worked out once: a clause version against another, or two
assembled documents section by section with the spec data that changed.

Clause diffs compare the clause text as a reader reads it: the Markdown with each template tag a
readable stand-in («period.start | datum», «om period.renewal»; drafter/diff/readable.py), or with
`source` the SOURCE as written, whitespace markers and all (the text whose sha256 is approved). Both
need no spec. Document
comparisons compare the ASSEMBLED documents: what the parties read and sign.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from drafter.clauses.library import ClauseVersion
from drafter.diff.data import DataChange, data_changes
from drafter.diff.redline import redline_document
from drafter.diff.sections import SectionPair, align_sections, summary
from drafter.diff.words import diff_text
from drafter.model.changes import Revision
from drafter.model.nodes import Document

STATUS = {"added": "tillagt", "removed": "borttaget", "changed": "ändrat", "same": "oförändrat"}
KIND = {"agreement": "överenskommelsen", "proposal": "tjänsteutlåtandet"}


@dataclass
class VersionInfo:
    ref: str  # "villkor/period@2"
    status: str
    approval: str  # "Socialnämnden …, 2026-07-01" or "–"
    rationale: str


def version_info(clause: ClauseVersion) -> VersionInfo:
    # every approval, not only the first: a version fastställd for Stockholm and later for Uppsala says both
    approvals = clause.meta.all_approvals
    shown = "; ".join(f"{a.by}, {a.date.isoformat()}" for a in approvals) if approvals else "–"
    return VersionInfo(clause.ref, clause.meta.status, shown, clause.meta.rationale)


@dataclass
class ClauseReport:
    clause_id: str
    old: VersionInfo
    new: VersionInfo
    heading_ops: list  # [(op, text)]
    body_ops: list
    source: bool = False  # the source compared as written, not as read
    only_code: bool = False  # the sources differ but read the same (whitespace markers, comments)

    @property
    def note(self) -> str:
        """What the reader is told about the text compared (empty when there is nothing to say)."""
        if self.only_code:
            return ("Texterna läses likadant. Versionerna skiljer sig bara i mallkoden (blankstegsmarkeringar som "
                    "{%- och -%}, kommentarer eller mellanslag inom {{ }} och {% %}), som styr mellanslag och "
                    "radbrytningar i det byggda dokumentet. Skillnaden i källtexten visar "
                    f"`drafter clauses diff {self.clause_id} {self.old.ref.rpartition('@')[2]} "
                    f"{self.new.ref.rpartition('@')[2]} --källtext`.")
        if self.source:
            return "Källtexten jämförs som den är skriven, med mallkoden ({{ }}, {% %}) och blankstegsmarkeringarna."
        return ""


def clause_report(old: ClauseVersion, new: ClauseVersion, source: bool = False) -> ClauseReport:
    """`old` against `new`, as a reader reads them (each tag a «stand-in»), or as written with `source`."""
    from drafter.diff.readable import differs_only_in_code, readable

    shown = (lambda body: body) if source else readable
    return ClauseReport(old.id, version_info(old), version_info(new),
                        diff_text(shown(old.meta.heading), shown(new.meta.heading)),  # a heading may be a template
                        diff_text(shown(old.body), shown(new.body)),
                        source, not source and differs_only_in_code(old.body, new.body))


@dataclass
class SectionView:
    status: str  # added, removed, changed, same
    moved: bool
    renumbered: bool
    old_label: str
    new_label: str
    heading_ops: list  # [(op, text)] of the heading without its number
    clause_id: str | None
    versions: str  # "v1 → v2", "v2", ""
    rationale: str  # the newer version's, when the version changed or the section is new
    blocks: list = field(default_factory=list)  # the section's own blocks (not its sub-sections) as a redline

    @property
    def label(self) -> str:
        return self.new_label or self.old_label

    @property
    def notes(self) -> str:
        parts = [STATUS[self.status]] + (["flyttat"] if self.moved else []) + \
            ([f"omnumrerat från {self.old_label}"] if self.renumbered and self.old_label and self.new_label else [])
        return ", ".join(parts)


@dataclass
class ComparisonReport:
    old_name: str
    new_name: str
    kind: str
    counts: dict[str, int]
    data: list[DataChange]
    sections: list[SectionView] = field(default_factory=list)

    @property
    def document_name(self) -> str:
        return KIND.get(self.kind, self.kind)


def comparison_report(old_path: Path | str, new_path: Path | str, old_doc: Document, new_doc: Document,
                      old_spec, new_spec, rationale: Callable[[str, int], str],
                      pairs: list[SectionPair] | None = None) -> ComparisonReport:
    pairs = pairs if pairs is not None else align_sections(old_doc, new_doc)
    report = ComparisonReport(str(old_path), str(new_path), new_doc.kind, summary(pairs),
                              data_changes(old_spec, new_spec))
    redline = redline_document(old_doc, new_doc, Revision("drafter", None), pairs)
    report.sections = [_view(p, rationale, section.blocks) for p, section in zip(pairs, redline.sections)]
    return report


def _view(pair: SectionPair, rationale_of: Callable[[str, int], str], blocks: list) -> SectionView:
    old, new = pair.old, pair.new
    old_use, new_use = (old.clause if old else None), (new.clause if new else None)
    versions, rationale = "", ""
    if old_use and new_use and old_use.id == new_use.id and old_use.version != new_use.version:
        versions = f"v{old_use.version} → v{new_use.version}"
        rationale = rationale_of(new_use.id, new_use.version)
    elif new_use or old_use:
        use = new_use or old_use
        assert use is not None
        versions = f"v{use.version}"
        if pair.old is None or pair.new is None:
            rationale = rationale_of(use.id, use.version)
    return SectionView(
        status=pair.status, moved=pair.moved, renumbered=pair.renumbered,
        old_label=old.label if old else "", new_label=new.label if new else "",
        heading_ops=diff_text(old.heading if old else "", new.heading if new else ""),
        clause_id=pair.clause_id, versions=versions, rationale=rationale,
        blocks=blocks,
    )

