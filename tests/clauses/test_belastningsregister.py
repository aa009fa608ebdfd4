"""villkor/belastningsregister v2: the extract is shown and kept by the person; the organisation notes only
that it was shown and when, and keeps no copy (lag (2013:852) 5 §; GDPR art. 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document as DocxDocument

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from helpers import CLAUSES

GENERIC = Path(__file__).resolve().parents[1] / "generic"


def _text(path: Path) -> str:
    return "\n".join(p.text for p in DocxDocument(str(path)).paragraphs)


def test_v2_is_granskad_never_fastställd_and_names_its_public_sources():
    library = ClauseLibrary(CLAUSES)
    v2 = library.get("villkor/belastningsregister@2")
    assert v2.meta.status == "granskad" and not getattr(v2.meta, "approval", None)
    source = v2.meta.source.document
    for law in ("Lag (2013:852)", "5 §", "(EU) 2016/679", "artikel 10", "lag (2018:218)", "3 kap. 8 §",
                "förordning (2018:219)", "Polismyndigheten"):
        assert law in source, law


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Two generic partnerships with v2: a stiftelse, and a region with two associations."""
    out = tmp_path_factory.mktemp("belastningsregister")
    specs = {}
    for name in ("norrmalm-stiftelse", "region-tva-foreningar"):
        data = yaml.safe_load((GENERIC / f"{name}.yaml").read_text(encoding="utf-8"))
        data["outline"]["add"] = [a for a in data["outline"].get("add", []) if "belastningsregister" not in str(a)]
        data["outline"]["add"].append({"after": "villkor/sekretess", "item": "villkor/belastningsregister@2"})
        spec = out / f"{name}.yaml"
        spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        build(spec, BuildOptions(out_dir=out / "output", library=ClauseLibrary(CLAUSES), formats=("docx",)))
        specs[name] = _text(out / "output" / name / f"{name}-overenskommelse.docx")
    return specs


def test_the_extract_is_shown_and_no_copy_is_kept(built):
    text = built["norrmalm-stiftelse"]
    assert "Stiftelsen ska be den som ska ha direkt och regelbunden kontakt med barn i verksamheten att visa upp " \
           "ett utdrag ur belastningsregistret innan personen börjar." in text
    assert "Utdraget får inte vara äldre än ett år när det visas upp." in text
    assert "Personen visar upp utdraget och behåller det." in text
    assert "Stiftelsen antecknar bara att utdraget har visats upp och vilken dag." in text
    assert "Stiftelsen får inte spara någon kopia av utdraget" in text


def test_two_associations_are_each_bound(built):
    text = built["region-tva-foreningar"]
    assert "Var och en av organisationerna antecknar bara att utdraget har visats upp och vilken dag." in text
    assert "Var och en av organisationerna får inte spara någon kopia av utdraget" in text


def test_a_spec_that_pins_v1_keeps_v1(tmp_path):
    spec = GENERIC / "norrmalm-stiftelse.yaml"
    assert "villkor/belastningsregister@1" in spec.read_text(encoding="utf-8")
    build(spec, BuildOptions(out_dir=tmp_path, library=ClauseLibrary(CLAUSES), formats=("docx",)))
    text = _text(tmp_path / "norrmalm-stiftelse" / "norrmalm-stiftelse-overenskommelse.docx")
    assert "Utdraget ska visas för organisationen och får inte vara äldre än ett år." in text
    assert "behåller det" not in text
