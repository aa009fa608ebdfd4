"""Trial 10: what an imported set states that the spec holds follows the spec afterwards. A stated total
equal to the budget table's sum becomes {{ budget.total | … }} (the source's unit word kept: "kronor" or
"kr"), the nämnd the kommun acts through becomes {{ public.committee }} (also "Kulturnämnden föreslås",
"kulturnämndens budget" in the tjänsteutlåtande imported with --till), and the spec says its partnership.
A change of the budget or of `committee:` then reaches the built documents, read back with python-docx."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from docx import Document

from drafter.cli import main
from importer.support import as_draft, imported
from importer.test_signatures_budget import PARTNER, PUBLIC, PUBLIC_NR, PARTNER_NR, agreement_docx, check, \
    clause_texts, spec_of


def source(tmp_path: Path) -> Path:
    path = tmp_path / "src" / "gront-ljus.docx"
    path.parent.mkdir(exist_ok=True)
    agreement_docx(path)
    return path


def proposal_docx(path: Path, amount: str = "300 000 kr") -> Path:
    """The tjänsteutlåtande that asked kulturnämnden to enter the partnership (written for this test)."""
    d = Document()
    d.add_paragraph("Kulturförvaltningen\nAvdelningen för föreningsstöd")
    d.add_paragraph("Tjänsteutlåtande\n2025-01-14\nTill kulturnämnden")
    d.add_heading("Idéburet offentligt partnerskap med Föreningen Grönt Ljus", level=1)
    d.add_heading("Förslag till beslut", level=2)
    d.add_paragraph("Kulturnämnden föreslås besluta")
    for point in (f"att ingå idéburet offentligt partnerskap med {PARTNER} enligt bilaga 1,",
                  f"att bevilja föreningen {amount} per år för perioden 1 mars 2025 – 28 februari 2027."):
        d.add_paragraph(point, style="List Number")
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Maja Lund", (0, 1): "Erik Falk", (1, 0): "Kulturdirektör",
                         (1, 1): "Avdelningschef"}.items():
        table.cell(r, c).text = text
    d.add_heading("Ekonomiska konsekvenser", level=2)
    d.add_paragraph(f"Kostnaden om {amount} per år ryms inom kulturnämndens budget för föreningsstöd.")
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


def build(result, spec: Path | None = None) -> dict[str, str]:
    out = result.spec_path.parent.parent / "out"
    spec = spec or result.spec_path
    run = CliRunner().invoke(main, ["build", str(spec), "-o", str(out), "--clauses",
                                    str(result.clause_dir.parent.parent)])
    assert run.exit_code == 0, run.output
    texts = {}
    for docx in (out / spec.stem).glob("*.docx"):
        texts[docx.stem] = "\n".join(p.text for p in Document(str(docx)).paragraphs).replace("\u00a0", " ")
    return texts


def edit_spec(result, *changes: tuple[str, str]) -> None:
    text = result.spec_path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    result.spec_path.write_text(text, encoding="utf-8")


def test_stated_total_equal_to_the_table_follows_the_budget(tmp_path):
    result = imported(tmp_path, source(tmp_path), "gront-ljus")
    texts = clause_texts(result)
    # "sammanlagt 300 000 kronor per år": the word "kronor" stays the source's
    assert "med sammanlagt {{ budget.total | tal }} kronor per år enligt budgeten" in texts
    assert "300 000" not in texts
    as_draft(result.spec_path)  # a signed agreement changes only by a tillägg; changed here as a draft
    edit_spec(result, ("amount: 70000", "amount: 90000"))
    code, output = check(result)
    assert "budget-amount" not in output, output
    built = build(result)
    agreement = next(t for name, t in built.items() if "overenskommelse" in name)
    assert "Kommunen bidrar med sammanlagt 320 000 kronor per år enligt budgeten nedan." in agreement


def test_stated_total_other_than_the_rows_stays_as_written(tmp_path):
    """A total that is not the rows' sum is no statement of the spec's budget: kept, and the report says so."""
    path = source(tmp_path)
    d = Document(str(path))
    para = next(p for p in d.paragraphs if "sammanlagt 300 000 kronor" in p.text)
    para.text = para.text.replace("300 000", "310 000")
    d.save(str(path))
    result = imported(tmp_path, path, "gront-ljus")
    assert "sammanlagt 310 000 kronor per år" in clause_texts(result)
    assert any("texten anger 310 000 kronor" in line for line in result.recognised.missing)


def test_the_namnd_and_the_partnership_follow_the_spec(tmp_path):
    result = imported(tmp_path, source(tmp_path), "gront-ljus")
    spec = spec_of(result)
    assert spec["partnership"] == "gront-ljus"
    assert result.spec_path.read_text(encoding="utf-8").split("\n")[3].startswith("partnership: gront-ljus")
    texts = clause_texts(result)
    assert "{{ public.name }}, genom {{ public.committee }}, organisationsnummer" in texts
    code, output = check(result)
    assert "partnership-inferred" not in output and "party-mismatch" not in output, output
    as_draft(result.spec_path)  # a signed agreement changes only by a tillägg; changed here as a draft
    edit_spec(result, ("committee: kulturnämnden", "committee: kultur- och fritidsnämnden"))
    code, output = check(result)
    assert "party-mismatch" not in output, output
    agreement = next(t for name, t in build(result).items() if "overenskommelse" in name)
    assert (f"{PUBLIC}, genom kultur- och fritidsnämnden, organisationsnummer {PUBLIC_NR}, nedan kallad kommunen."
            in agreement)
    assert f"{PARTNER}, organisationsnummer {PARTNER_NR}" in agreement


def test_proposal_imported_into_the_spec_follows_its_budget_and_namnd(tmp_path):
    result = imported(tmp_path, source(tmp_path), "gront-ljus")
    proposal = proposal_docx(tmp_path / "src" / "utlatande.docx")
    run = CliRunner().invoke(main, ["import", str(proposal), "--till", str(result.spec_path), "--clauses",
                                    str(result.clause_dir.parent.parent)])
    assert run.exit_code == 0, run.output
    assert "budgetens belopp: utlåtandet anger specens summa (2 ställen)" in run.output
    texts = clause_texts(result)
    assert "{{ public.committee | versal }} föreslås besluta" in texts
    assert "att bevilja föreningen {{ budget.total | kronor }} per år" in texts  # "kr" as the source wrote it
    assert "Kostnaden om {{ budget.total | kronor }} per år ryms inom {{ public.committee | genitiv }} budget" in texts
    as_draft(result.spec_path)  # a signed agreement changes only by a tillägg; changed here as a draft
    edit_spec(result, ("amount: 70000", "amount: 90000"), ("committee: kulturnämnden", "committee: fritidsnämnden"))
    code, output = check(result)
    assert "budget-amount" not in output and "party-mismatch" not in output, output
    proposal_text = next(t for name, t in build(result).items() if "tjansteutlatande" in name)
    assert "Fritidsnämnden föreslås besluta" in proposal_text
    assert "Kostnaden om 320 000 kr per år ryms inom fritidsnämndens budget för föreningsstöd." in proposal_text


def test_proposal_with_another_amount_than_the_spec_keeps_its_words(tmp_path):
    """An utlåtande that granted another amount than the agreement's budget: its decided words stay."""
    result = imported(tmp_path, source(tmp_path), "gront-ljus")
    proposal = proposal_docx(tmp_path / "src" / "utlatande.docx", amount="280 000 kr")
    run = CliRunner().invoke(main, ["import", str(proposal), "--till", str(result.spec_path), "--clauses",
                                    str(result.clause_dir.parent.parent)])
    assert run.exit_code == 0, run.output
    texts = clause_texts(result)
    assert "att bevilja föreningen 280 000 kr per år" in texts and "budget.total" not in texts.split("Förslag")[-1]
