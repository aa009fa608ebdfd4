"""Both documents of one set into one spec: the agreement imported, then its tjänsteutlåtande with
`drafter import UTLÅTANDE --till SPEC`. The spec gets `proposal:` at its end and nothing else in it
changes; the utlåtande's clauses are the partnership's; a spec with a proposal already, a file that is
no utlåtande and a spec that does not load are refused with nothing written."""

import re
from pathlib import Path

import yaml
from click.testing import CliRunner
from docx import Document

from drafter.cli import main
from importer.test_proposal_layout import proposal_docx


def agreement_docx(path: Path, end: str = "31 mars 2027") -> Path:
    doc = Document()
    doc.add_paragraph("Överenskommelse om idéburet offentligt partnerskap", style="Title")
    doc.add_heading("1. Parter", level=1)
    doc.add_paragraph("Åsa kommun, genom kultur- och fritidsnämnden, organisationsnummer 212000-2338.")
    doc.add_paragraph("Föreningen Skridskoklubben Isfri, organisationsnummer 802524-2879.")
    doc.add_heading("2. Sammanfattning", level=1)  # a heading the utlåtande has too
    doc.add_paragraph("Föreningen Skridskoklubben Isfri håller isbanan vid Åsa IP öppen för barn.")
    doc.add_heading("3. Period", level=1)
    doc.add_paragraph(f"Överenskommelsen gäller från och med 1 december 2026 till och med {end}.")
    doc.add_heading("4. Ekonomi", level=1)
    doc.add_paragraph("Kommunen bidrar med totalt 120 000 kr för perioden.")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def setup(tmp_path: Path, end: str = "31 mars 2027"):
    agreement = agreement_docx(tmp_path / "src" / "avtal.docx", end)
    proposal = proposal_docx(tmp_path / "src" / "utlatande.docx")
    first = run("import", agreement, "--name", "isfri-2026", "--clauses", tmp_path / "clauses",
                "--agreements", tmp_path / "agreements")
    assert first.exit_code == 0, first.output
    return tmp_path / "agreements" / "isfri-2026.yaml", proposal


def test_proposal_added_to_the_agreements_spec(tmp_path):
    spec_path, proposal = setup(tmp_path)
    before = spec_path.read_bytes()
    result = run("import", proposal, "--till", spec_path, "--clauses", tmp_path / "clauses")
    assert result.exit_code == 0, result.output
    after = spec_path.read_bytes()
    assert after.startswith(before)  # nothing the spec said is rewritten
    spec = yaml.safe_load(after)
    assert spec["outline"][0] == "import/isfri-2026/parter@1"
    assert [o["name"] for o in spec["proposal"]["officials"]] == ["Lena Forsberg", "Jonas Åkesson"]
    outline = spec["proposal"]["outline"]
    assert outline[0] == "import/isfri-2026/forslag-till-beslut@1"
    assert "import/isfri-2026/sammanfattning-2@1" in outline  # the agreement's "sammanfattning" is kept
    assert list((tmp_path / "agreements").iterdir()) == [spec_path]  # one spec, one partnership
    clause = (tmp_path / "clauses" / "import" / "isfri-2026" / "sammanfattning-2" / "v1.md").read_text(encoding="utf-8")
    assert "partnership: isfri-2026\n" in clause and "{{ period.start | datum }}" in clause
    assert "Tjänsteutlåtandet lades till" in result.output and "Kultur- och fritidsförvaltningen" in result.output
    check = run("check", spec_path, "--clauses", tmp_path / "clauses")
    for wrong in ("clause-other-partnership", "partnership-unknown", "Traceback"):
        assert wrong not in check.output, check.output
    assert "tjänsteutlåtandet" in check.output  # the spec has both documents now

    again = run("import", proposal, "--till", spec_path, "--clauses", tmp_path / "clauses")
    assert again.exit_code == 2 and "har redan ett tjänsteutlåtande (proposal:)" in again.output
    assert f"{spec_path}:{after.decode().count(chr(10), 0, after.decode().index('proposal:')) + 1}" in again.output
    assert spec_path.read_bytes() == after


def test_proposal_period_other_than_the_spec_keeps_its_words(tmp_path):
    """The utlåtande says 31 mars 2027, the spec (a later agreement) 30 april 2027: its text keeps its date."""
    spec_path, proposal = setup(tmp_path, end="30 april 2027")
    result = run("import", proposal, "--till", spec_path, "--clauses", tmp_path / "clauses")
    assert result.exit_code == 0, result.output
    assert "periodens slut: utlåtandet anger 2027-03-31, specen 2027-04-30" in result.output
    clause = (tmp_path / "clauses" / "import" / "isfri-2026" / "sammanfattning-2" / "v1.md").read_text(encoding="utf-8")
    assert "till och med 31 mars 2027" in clause and "{{ period.end" not in clause


def test_refused_with_nothing_written(tmp_path):
    spec_path, proposal = setup(tmp_path)
    before = spec_path.read_bytes()
    clauses = sorted((tmp_path / "clauses").rglob("*"))
    not_a_proposal = run("import", tmp_path / "src" / "avtal.docx", "--till", spec_path, "--clauses", tmp_path / "clauses")
    assert not_a_proposal.exit_code == 2 and "är inget tjänsteutlåtande" in not_a_proposal.output
    broken = tmp_path / "agreements" / "trasig.yaml"
    broken.write_text("document:\n  place: Åsa\n parties: [\n", encoding="utf-8")
    unreadable = run("import", proposal, "--till", broken, "--clauses", tmp_path / "clauses")
    assert unreadable.exit_code == 2 and "kan inte läsas (fel i YAML)" in unreadable.output
    missing = run("import", proposal, "--till", tmp_path / "agreements" / "saknas.yaml")
    assert missing.exit_code == 2 and "finns inte" in missing.output
    combined = run("import", proposal, "--till", spec_path, "--force")
    assert combined.exit_code == 2 and "--till kan inte kombineras" in combined.output
    assert spec_path.read_bytes() == before and sorted((tmp_path / "clauses").rglob("*")) == clauses
    assert "Traceback" not in not_a_proposal.output + unreadable.output + missing.output


def test_imported_partnership_is_known_when_the_spec_it_renews_does_not_load(tmp_path):
    """Trial 9: a renewal writes `partnership:` of an imported set (its clauses in clauses/import/NAME/);
    the spec it renews breaking must not make the renewal's check say the partnership has no folder."""
    spec_path, _ = setup(tmp_path)
    # import writes partnership: isfri-2026 itself; the specs below state it in their own place
    text = re.sub(r"^partnership: .*\n", "", spec_path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    renewal = spec_path.with_name("isfri-2027.yaml")
    renewal.write_text("renews: isfri-2026.yaml\npartnership: isfri-2026\n" + text, encoding="utf-8")
    other_name = spec_path.with_name("skridskor.yaml")  # named otherwise, renewing nothing
    other_name.write_text("partnership: isfri-2026\n" + text, encoding="utf-8")
    spec_path.write_text(text + "parties: [\n", encoding="utf-8")  # the renewed spec no longer loads
    for path in (renewal, other_name):
        check = run("check", path, "--clauses", tmp_path / "clauses")
        assert "Traceback" not in check.output
        assert "partnership-unknown" not in check.output and "clause-other-partnership" not in check.output, \
            check.output
    assert "kan inte läsas" in run("check", renewal, "--clauses", tmp_path / "clauses").output
