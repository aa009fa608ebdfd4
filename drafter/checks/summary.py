"""The text report of `drafter check`: every error and warning on its own line, the info findings of one
code in one document of one spec summarised on one line (the klarspråk notes alone are over a hundred
lines on the examples). The full list stays in JSON and with `--alla`."""

from __future__ import annotations

from drafter.checks.finding import SEVERITY_WORD, Finding, document_label

DOCUMENT_WORD = {"agreement": "överenskommelsen", "proposal": "tjänsteutlåtandet", "addendum": "tillägget",
                 "consolidated": "den sammanställda överenskommelsen",
                 "addendum-proposal": "tjänsteutlåtandet om tillägget"}


def summary_lines(findings: list[tuple[str, Finding]], every: bool = False) -> list[str]:
    """The lines `drafter check` prints for (spec file, finding) pairs, in their order; with `every`, one
    per finding.

    Info findings of one spec that share a code and a document become one line where the first stood,
    saying how many places there are and how to see them all; a single one is printed as it is."""
    if every:
        return [f.line() for _, f in findings]
    groups: dict[tuple[str, str, str | None], list[Finding]] = {}
    for spec, f in findings:
        if f.severity == "info":
            groups.setdefault((spec, f.code, f.document), []).append(f)
    lines = []
    for spec, f in findings:
        group = groups.get((spec, f.code, f.document)) if f.severity == "info" else None
        if group is None or len(group) == 1:
            lines.append(f.line())
        elif group[0] is f:
            lines.append(_group_line(spec, group))
    return lines


def _group_line(spec: str, group: list[Finding]) -> str:
    first = group[0]
    doc = f" ({document_label(first.document)})" if first.document else ""
    in_doc = f" i {DOCUMENT_WORD.get(first.document, f'dokumentet {first.document}')}" if first.document else ""
    return (f"{SEVERITY_WORD[first.severity]} [{first.code}] {spec}{doc}: {len(group)} ställen{in_doc} "
            f"(visa alla med --alla); det första, {first.place}: {first.message}")
