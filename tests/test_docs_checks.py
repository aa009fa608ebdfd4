"""docs/checks/: one Swedish page per finding code, each example in it true.

The codes are collected from drafter/ itself (every `Finding("code"`, `Remark("code"` and error class
`code = "…"`), so a code another engineer adds without a page fails here. A page's example that is a
change to the example spec (a ```yaml block starting `# I agreements/street-minds-2026.yaml`) is
applied to that spec and checked: under "Exempel som ger fyndet" the code must fire with the page's
severity, under "Falskt larm som inte längre ges" it must not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import CLAUSES, EXAMPLE, ROOT

DOCS = ROOT / "docs" / "checks"
INDEX = ROOT / "docs" / "checks.md"
SECTIONS = ["## Vad kontrollen hittar", "## Exempel som ger fyndet", "## Falskt larm som inte längre ges",
            "## Så åtgärdar du"]
SEVERITY = {"fel": "error", "varning": "warning", "info": "info"}
MARK = "# I agreements/street-minds-2026.yaml"
_CODE = re.compile(r"""(?:\bFinding|\bRemark)\(\s*["']([a-z][a-z0-9-]*)["']"""
                   r"""|^\s+code(?:\s*:[^=\n]+)?\s*=\s*["']([a-z][a-z0-9-]*)["']""", re.M)


def codes_in_drafter() -> set[str]:
    """Every finding code drafter's code can report."""
    found: set[str] = set()
    for path in (ROOT / "drafter").rglob("*.py"):
        for match in _CODE.finditer(path.read_text(encoding="utf-8")):
            found.add(match.group(1) or match.group(2))
    return found


def pages() -> list[Path]:
    return sorted(DOCS.glob("*.md"))


def test_the_codes_are_found():
    """The collection itself works: codes of several kinds (checks, errors, language) are there."""
    codes = codes_in_drafter()
    assert {"budget-sum", "clause-unknown", "xref-unresolved", "lix", "numbering"} <= codes
    assert len(codes) >= 30


@pytest.mark.parametrize("code", sorted(codes_in_drafter()))
def test_every_code_has_its_page(code):
    assert (DOCS / f"{code}.md").is_file(), f"docs/checks/{code}.md saknas"


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.stem)
def test_page_follows_the_template(page):
    text = page.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    severities = r"(fel|varning|info)"
    assert re.fullmatch(rf"# {re.escape(page.stem)} — {severities}((,| eller| och|/) ?{severities})*", first), first
    positions = [text.find(s) for s in SECTIONS]
    assert -1 not in positions and positions == sorted(positions), f"{page.name}: rubrikerna {SECTIONS}"
    for title, body in _sections(text).items():
        assert body.strip(), f"{page.name}: {title} är tomt"


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.stem)
def test_index_links_every_page(page):
    assert f"](checks/{page.name})" in INDEX.read_text(encoding="utf-8")


def test_index_links_no_missing_page():
    for link in re.findall(r"\]\(checks/([^)]+)\)", INDEX.read_text(encoding="utf-8")):
        assert (DOCS / link).is_file(), link


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^(## .+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _examples(kind: str) -> list[tuple[str, str]]:
    out = []
    for page in pages():
        body = _sections(page.read_text(encoding="utf-8")).get(kind, "")
        for block in re.findall(r"```yaml\n(.*?)```", body, flags=re.S):
            if block.startswith(MARK):
                out.append((page.stem, block))
    return out


def _apply(data: dict, change: dict) -> dict:
    """Set each dotted path (`budget.rows.0.amount`, as an amendment's `set:`); a last part `+` appends."""
    for path, value in change.items():
        *parents, last = str(path).split(".")
        node = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
        if last == "+":
            node.append(value)
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return data


def _findings(tmp_path: Path, change: dict | None):
    from drafter.clauses.library import ClauseLibrary
    from drafter.pipeline import check_spec
    from drafter.spec.load import load_spec

    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["renews"] = str(EXAMPLE.parent / data["renews"])
    path = tmp_path / f"spec-{len(list(tmp_path.iterdir()))}.yaml"
    path.write_text(yaml.safe_dump(_apply(data, change or {}), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    # the spec's own path (a finding may name it in a command to run) differs from run to run
    return {(f.code, f.severity, f.message.replace(str(path), "SPEC"))
            for f in check_spec(load_spec(path), ClauseLibrary(CLAUSES))}


def _severities(code: str) -> set[str]:
    first = (DOCS / f"{code}.md").read_text(encoding="utf-8").splitlines()[0]
    return {SEVERITY[w] for w in re.findall(r"\b(fel|varning|info)\b", first.split("—", 1)[1])}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return _findings(tmp_path_factory.mktemp("base"), None)


@pytest.mark.parametrize(("code", "block"), _examples("## Exempel som ger fyndet"), ids=lambda v: v[:40])
def test_the_example_gives_the_finding(code, block, base, tmp_path):
    new = _findings(tmp_path, yaml.safe_load(block)) - base
    mine = [f for f in new if f[0] == code]
    assert mine, f"{code}: exemplet ger inget fynd; nya fynd: {sorted(new)}"
    assert {f[1] for f in mine} <= _severities(code), mine


@pytest.mark.parametrize(("code", "block"), _examples("## Falskt larm som inte längre ges"),
                         ids=lambda v: v[:40])
def test_the_false_alarm_is_not_given(code, block, base, tmp_path):
    new = _findings(tmp_path, yaml.safe_load(block)) - base
    assert not [f for f in new if f[0] == code], sorted(new)
