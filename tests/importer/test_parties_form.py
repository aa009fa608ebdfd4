"""The importer writes parties in the spec's current form: two firmatecknare as `signatories` (with
`signing: i förening` when the signature block says so), a nämnd with "kultur- och" in its name."""

import yaml
from click.testing import CliRunner

from drafter.cli import main
from drafter.importer import import_file
from helpers import CLAUSES, ROOT

GENERIC = ROOT / "tests" / "generic" / "kommun-tva-firmatecknare.yaml"


def test_two_firmatecknare_signing_together(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(GENERIC), "-o", str(out), "--format", "docx",
                                       "--clauses", str(CLAUSES)])
    assert result.exit_code == 0, result.output
    docx = next(out.rglob("*overenskommelse.docx"))
    imported = import_file(docx, name="tva", clauses_dir=tmp_path / "clauses", agreements_dir=tmp_path / "agreements")
    spec = yaml.safe_load(imported.spec_path.read_text(encoding="utf-8"))
    public, partner = spec["parties"]
    assert public["committee"] == "kultur- och fritidsnämnden" and public["municipality"] == "Åsby kommun"
    assert "signatory" not in partner
    assert sorted((s["name"], s["title"]) for s in partner["signatories"]) == [
        ("Jonas Ek", "ordförande"), ("Sofia Öberg", "kassör")]
    assert partner["signing"] == "i förening"
