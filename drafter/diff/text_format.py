"""Redlines as text: coloured on a terminal, `[-deleted-]{+inserted+}` (as wdiff writes) when piped.

On a terminal deletions are red and struck through, insertions green and underlined; a terminal
that shows no colour still shows the strike and the underline. (Plain ANSI codes, as click.style
writes them: the package stays free of the command-line library.)
"""

from __future__ import annotations

from drafter.diff.report import ClauseReport, ComparisonReport, VersionInfo
from drafter.diff.text_blocks import section_lines


DELETED = "\x1b[31m\x1b[9m"  # red, struck through
INSERTED = "\x1b[32m\x1b[4m"  # green, underlined
RESET = "\x1b[0m"


def marker(color: bool):
    """(op, text) → the text marked as `mark` marks it."""
    return lambda op, text: mark([(op, text)], color)


def mark(ops: list, color: bool) -> str:
    out = []
    for op, text in ops:
        if op == "equal":
            out.append(text)
        elif color:
            style = DELETED if op == "delete" else INSERTED
            # Style each line on its own, so a change over a line break does not colour the margin.
            out.append("\n".join(f"{style}{line}{RESET}" if line else "" for line in text.split("\n")))
        else:
            out.append(f"[-{text}-]" if op == "delete" else f"{{+{text}+}}")
    return "".join(out)


def _version(label: str, info: VersionInfo) -> list[str]:
    return [f"{label}: {info.ref}  status: {info.status}  fastställd: {info.approval}",
            f"  motivering: {info.rationale}"]


def clause_text(report: ClauseReport, color: bool) -> str:
    lines = [f"Klausul {report.clause_id}: {report.old.ref} jämförd med {report.new.ref}",
             *_version("Äldre", report.old), *_version("Nyare", report.new), "",
             *([report.note, ""] if report.note else []),
             "Rubrik: " + mark(report.heading_ops, color), "", mark(report.body_ops, color).rstrip("\n")]
    return "\n".join(lines)


def comparison_text(report: ComparisonReport, color: bool) -> str:
    c = report.counts
    lines = [f"Jämförelse av {report.document_name}: {report.old_name} → {report.new_name}",
             f"Avsnitt: {c['added']} tillagda, {c['removed']} borttagna, {c['moved']} flyttade, "
             f"{c['renumbered']} omnumrerade, {c['changed']} ändrade, {c['same']} oförändrade.", ""]
    if report.data:
        lines.append("Ändrade uppgifter i specen")
        width = max(len(d.what) for d in report.data)
        for d in report.data:
            lines.append(f"  {d.what:<{width}}  {d.old or '–'}  →  {d.new or '–'}")
        lines.append("")
    lines.append("Avsnitt")
    for s in report.sections:
        sign = {"added": "+", "removed": "-", "changed": "~", "same": "="}[s.status]
        head = " ".join(part for part in (sign, s.label, mark(s.heading_ops, color)) if part)
        if s.clause_id:
            head += f"  [{s.clause_id} {s.versions}]"
        lines.append(f"{head}  ({s.notes})")
        if s.rationale:
            lines.append(f"    motivering: {s.rationale}")
        if s.status != "same":
            lines += ["    " + line for line in section_lines(s.blocks, marker(color)) if line.strip()]
    return "\n".join(lines)
