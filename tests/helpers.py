"""Shared test helpers: the example spec, and specs written with one field changed."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "agreements" / "street-minds-2026.yaml"
CLAUSES = ROOT / "clauses"


def example_data(amended: bool = False) -> dict:
    """The 2026 example as data; `renews` made absolute so a copy in a test folder still finds 2023.
    Without `amended`, the example's amendment is left out: tests that mutate the agreement would
    otherwise also meet it in the addendum and the consolidated agreement."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["renews"] = str(EXAMPLE.parent / data["renews"])
    if not amended:
        data.pop("amendments", None)
    return data


def write_spec(tmp_path: Path, data: dict, name: str = "spec.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def new_clause_version(root: Path, clause: str = "street-minds/bakgrund") -> None:
    """v2 of a clause in the library under `root`: v1's front matter as granskad, unapproved, and one
    more paragraph ("Verksamheten fortsätter 2029 med nya mål.")."""
    folder = root / "clauses" / clause
    lines = (folder / "v1.md").read_text(encoding="utf-8").splitlines(keepends=True)
    end = lines.index("---\n", 1)
    front = yaml.safe_load("".join(lines[1:end]))
    front.update(version=2, status="granskad")
    front.pop("approval")
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + "".join(lines[end + 1:])
    (folder / "v2.md").write_text(text + "\nVerksamheten fortsätter 2029 med nya mål.\n", encoding="utf-8")


PROPOSAL_DRAFTS = ("street-minds/forslag-till-beslut@2", "street-minds/tu-sammanfattning@2", "street-minds/tu-bakgrund@2")


def copy_examples(root: Path) -> None:
    """The two example specs (agreements/) and the clause library (clauses/) copied under `root`."""
    import shutil

    (root / "agreements").mkdir()
    for name in ("street-minds-2026.yaml", "street-minds-2023.yaml"):
        shutil.copy(EXAMPLE.parent / name, root / "agreements" / name)
    shutil.copytree(CLAUSES, root / "clauses")


def signed_example(root: Path, spec: str = "agreements/street-minds-2026.yaml") -> None:
    """The copy of the 2026 example under `root` as it stands when signed (only then may it be locked):
    document.status slutlig, socialnämndens decision recorded with date and §, and the proposal's draft
    texts fastställda by socialnämnden (in the copy of the library under `root`)."""
    import datetime as dt

    from drafter.clauses.approve import approve_many, new_approval
    from drafter.clauses.library import ClauseLibrary

    path = root / spec
    text = path.read_text(encoding="utf-8")
    assert "\n  date: 2026-07-01" in text and "\n  status:" not in text.split("\nparties:")[0]
    text = text.replace("\n  date: 2026-07-01", "\n  status: slutlig\n  date: 2026-07-01", 1)
    assert "\ndecision:\n  by: socialnämnden\n" in text  # a final agreement rests on the recorded decision
    text = text.replace("\ndecision:\n  by: socialnämnden\n", '\ndecision:\n  by: socialnämnden\n  date: 2026-06-10\n'
                        '  paragraph: "§ 7"\n', 1)
    path.write_text(text, encoding="utf-8")
    approval = new_approval("Socialnämnden i Stockholms stad", dt.date(2026, 6, 10), paragraph="§ 7")
    library = ClauseLibrary(root / "clauses")
    approve_many(library, [r for r in PROPOSAL_DRAFTS if library.get(r).meta.status != "fastställd"], approval)


def pin_plain_ids(text: str, clauses: Path = CLAUSES) -> str:
    """A spec's text with each clause named without a version written with the version it resolves to in
    `clauses` for the example's party (the newest fastställd), as a signed spec is written."""
    import re

    from drafter.clauses.library import ClauseLibrary

    library = ClauseLibrary(clauses)

    def pinned(match):
        try:
            return f"{match.group(1)}{match.group(2)}@{library.get(match.group(2)).version}"
        except Exception:  # not a clause id (a block, a heading)
            return match.group(0)

    text = re.sub(r"^(\s*-?\s+(?:clause:\s+)?)([a-z-]+/[a-z0-9-]+)$", pinned, text, flags=re.M)
    return re.sub(r"(\{clause: )([a-z-]+/[a-z0-9-]+)(?=,)", pinned, text)


def run_in_folder(*args, cwd: Path):
    """`drafter ARGS` through click's runner, standing in `cwd` as a user would (relative paths, agreements/)."""
    import os

    from click.testing import CliRunner

    from drafter.cli import main

    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args], prog_name="drafter")
    finally:
        os.chdir(here)
