"""What a signed document prints besides its text is the signed document's too (trial12): its diarienummer
in the running header of every page, its date on page 1 and in the PDF's metadata, which the tillägg and
the consolidated version cite. Changed in the spec of a locked document, they are `lock-text` errors
naming the field, its line and old → new value, and the build is refused (drafter/lockdetail.py)."""

import io

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from drafter.cli import main
from helpers import copy_examples, signed_example

SPEC = "agreements/street-minds-2026.yaml"
DNR_LINE = "  # diarienummer: ...       # visas i sidhuvudet när det anges"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def edit(root, old, new):
    spec = root / SPEC
    text = spec.read_text(encoding="utf-8")
    assert old in text
    spec.write_text(text.replace(old, new, 1), encoding="utf-8")


def lock_text(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("fel [lock-text]")]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The 2026 example signed with diarienummer SoN 2026/0311, agreement and tjänsteutlåtande locked."""
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    signed_example(tmp_path)
    edit(tmp_path, DNR_LINE, '  diarienummer: "SoN 2026/0311"')
    result = run("lock", SPEC, "--document", "overenskommelse", "--document", "tjansteutlatande")
    assert result.exit_code == 0, result.output
    return tmp_path


def test_a_changed_diarienummer_of_the_signed_agreement_is_an_error_and_the_build_is_refused(project):
    assert run("build", SPEC, "-o", "signed", "--jobs", "1", "--format", "pdf").exit_code == 0
    signed = PdfReader(io.BytesIO((project / "signed" / "street-minds-2026" /
                                   "street-minds-2026-overenskommelse.pdf").read_bytes()))
    assert "SoN 2026/0311" in signed.pages[1].extract_text()  # the running header of page 2 prints it
    edit(project, '"SoN 2026/0311"', '"SoN 2026/0999"')
    check = run("check", SPEC)
    assert check.exit_code == 1
    (line,) = [x for x in lock_text(check.output) if "(överenskommelsen)" in x]
    assert line.startswith("fel [lock-text] agreements/street-minds-2026.yaml:15 (överenskommelsen): ")
    assert "document.diarienummer (rad 15, SoN 2026/0311 → SoN 2026/0999)" in line
    assert "En undertecknad överenskommelse ändras genom ett tillägg." in line
    assert "[lock-letterhead]" not in check.output  # the spec's value, not the house style's
    build = run("build", SPEC, "-o", "after", "--jobs", "1", "--format", "pdf")
    assert build.exit_code == 1 and not (project / "after" / "street-minds-2026").exists()


def test_a_changed_date_names_its_line_and_both_dates(project):
    edit(project, "  date: 2026-07-01 ", "  date: 2026-07-02 ")
    check = run("check", SPEC)
    (line,) = [x for x in lock_text(check.output) if "(överenskommelsen)" in x]
    assert line.startswith("fel [lock-text] agreements/street-minds-2026.yaml:13 (överenskommelsen): ")
    assert "document.date (rad 13, 2026-07-01 → 2026-07-02)" in line and "Skriv tillbaka värdet som låstes" in line
    assert "[lock-letterhead]" not in check.output


def test_the_tjansteutlatandes_date_and_a_removed_diarienummer_are_named_for_it(project):
    edit(project, "  date: 2026-05-12", "  date: 2026-05-13")
    edit(project, '  diarienummer: "SoN 2026/0311"', DNR_LINE)
    lines = lock_text(run("check", SPEC).output)
    (proposal,) = [x for x in lines if "(tjänsteutlåtandet)" in x]
    assert "proposal.date (rad " in proposal and "2026-05-12 → 2026-05-13" in proposal
    assert "document.diarienummer (borttaget, var SoN 2026/0311)" in proposal
    assert "Skriv tillbaka värdena som låstes" in proposal and "nämnden beslutade om" in proposal
    assert "tillägg och konsoliderad" not in proposal
    (agreement,) = [x for x in lines if "(överenskommelsen)" in x]
    assert "proposal.date" not in agreement and "document.diarienummer (borttaget" in agreement


def test_a_lock_from_before_spec_values_were_recorded_says_nothing_of_them(project):
    import yaml

    lock = project / "agreements" / "street-minds-2026.lock"
    data = yaml.safe_load(lock.read_text(encoding="utf-8"))
    for entry in data["dokument"].values():
        del entry["uppgifter"]
    lock.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run("check", SPEC).exit_code == 0
    edit(project, "  date: 2026-07-01 ", "  date: 2026-07-02 ")
    check = run("check", SPEC)
    assert lock_text(check.output) == [] and "info [lock-letterhead]" in check.output  # the letterhead says it
