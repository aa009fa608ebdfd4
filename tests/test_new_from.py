"""`drafter new --from SPEC`: a new partnership keeps another's sections and shared clauses, never its texts."""

import re
import zipfile

import pytest
import yaml
from pypdf import PdfReader

from helpers import CLAUSES, EXAMPLE
from test_new import fill, run

# Facts of the Street Minds partnership that a new partnership's documents must not say.
OLD_WORDS = re.compile(r"Street Minds|Bostad Först|hemlös|socialnämnden|2023|förnyad|Paragrafen justeras", re.I)


def _clause_refs(outline) -> list[str]:
    """Every clause reference an outline (a list, or a standard outline with changes) writes."""
    if isinstance(outline, dict) and "standard" in outline:
        items = [*(outline.get("replace") or {}).values(), *(a["item"] for a in outline.get("add") or [])]
        return _clause_refs(items)
    refs = []
    for item in outline or []:
        if isinstance(item, str):
            refs.append(item)
        elif isinstance(item, dict):
            refs += [item["clause"]] if item.get("clause") else []
            refs += _clause_refs(item.get("sections"))
    return refs


def _docx_text(path) -> str:
    """All text a DOCX shows: body, headers, footers, footnotes."""
    with zipfile.ZipFile(path) as z:
        parts = [n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
        return " ".join(" ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", z.read(n).decode())) for n in parts)


def _pdf_text(path) -> str:
    return " ".join(" ".join((page.extract_text() or "") for page in PdfReader(path).pages).split())


def _new_from(tmp_path, source, *options):
    agreements = tmp_path / "agreements"
    made = run("new", "laxhjalp", "--from", source, *options, "--agreements", agreements, "--clauses", CLAUSES)
    assert made.exit_code == 0, made.output
    return agreements / "laxhjalp.yaml"


def _fill_build_and_read(tmp_path, spec) -> dict[str, str]:
    """Filled in as an official would, checked (no error) and built: each file's text."""
    spec.write_text(fill(spec.read_text(encoding="utf-8")), encoding="utf-8")
    checked = run("check", spec, "--clauses", CLAUSES)
    assert checked.exit_code == 0, checked.output
    built = run("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES)
    assert built.exit_code == 0, built.output
    files = sorted((tmp_path / "out" / spec.stem).glob("*.*"))
    assert {f.suffix for f in files} >= {".docx", ".pdf"}
    return {f.name: _docx_text(f) if f.suffix == ".docx" else _pdf_text(f) for f in files if f.suffix != ".json"}


@pytest.mark.parametrize("proposal", [None, "stadsdelsnamnd"])
def test_new_from_the_example_keeps_its_sections_and_none_of_its_texts(tmp_path, proposal):
    spec = _new_from(tmp_path, EXAMPLE, *(["--proposal", proposal] if proposal else []))
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    refs = _clause_refs(data["outline"]) + _clause_refs(data["proposal"]["outline"])
    assert refs and not [r for r in refs if r.startswith("street-minds/") or "fornyad" in r]
    # the shared clauses and the structure stay; the partnership's sections are there to write
    assert {"villkor/period", "organisation/styrgrupp", "signering/signering"} <= set(refs)
    assert data["outline"][0] == {"key": "bakgrund", "heading": "Bakgrund"}
    assert {"bakgrund", "syfte-och-mal", "malgrupp", "ataganden", "foreningens-verksamhet"} <= set(data["texts"])
    assert not data["figures"]  # the figures only the old texts cited go with them
    if proposal == "stadsdelsnamnd":
        assert data["proposal"]["outline"] == {"standard": "iop-tjansteutlatande-stadsdelsnamnd"}
        assert {"stadsdelsomradet", "rattslig-statsstod"} <= set(data["texts"])
    else:  # the example's own tjänsteutlåtande, to a facknämnd, with the generic decision clause
        assert data["proposal"]["outline"][0] == "tjansteutlatande/forslag-till-beslut@4"
        assert "tjansteutlatande/ledning-och-samverkan" in refs
    texts = _fill_build_and_read(tmp_path, spec)
    for name, text in texts.items():
        assert not OLD_WORDS.findall(text), (name, OLD_WORDS.findall(text))
    agreement = texts["laxhjalp-overenskommelse.pdf"]
    assert "Läxhjälpen Norr" in agreement and "Uppsägning" in agreement
    proposal_text = texts["laxhjalp-tjansteutlatande.pdf"]
    assert "Rinkeby-Kista stadsdelsnämnd godkänner överenskommelsen" in proposal_text
    assert ("Förutsättningar i stadsdelsområdet" in proposal_text) == (proposal == "stadsdelsnamnd")


def test_new_from_a_spec_with_a_standard_outline_and_another_partnerships_clauses(tmp_path):
    """A district's own spec: standard outlines changed with another partnership's clauses, its nämnd a
    stadsdelsnämnd. The new spec keeps the changes it can, with the generic sections in their place, and
    a tjänsteutlåtande to a stadsdelsnämnd (the kind of the spec it starts from)."""
    first = tmp_path / "first"
    assert run("new", "egen", "--agreements", first, "--clauses", CLAUSES).exit_code == 0
    source = first / "egen.yaml"
    text = fill(source.read_text(encoding="utf-8"))
    text = text.replace("outline:\n  standard: iop-overenskommelse\n", (
        "outline:\n  standard: iop-overenskommelse\n"
        "  replace: {malgrupp: street-minds/malgrupp@2}\n"
        "  add:\n    - {after: ataganden, item: street-minds/jamstalldhetsanalys}\n"
        "    - {after: bakgrund, item: street-minds/bostad-forst-modellen}\n"
        "    - {into: villkor, item: villkor/personuppgifter@2}\n"), 1)
    text = text.replace("  outline:\n    standard: iop-tjansteutlatande-facknamnd\n", (
        "  outline:\n    - street-minds/forslag-till-beslut@2\n    - {key: sammanfattning, heading: Sammanfattning}\n"
        "    - heading: Ärendet\n      sections:\n        - street-minds/syfte-och-mal@2\n"
        "        - tjansteutlatande/ledning-och-samverkan@2\n    - tjansteutlatande/rattslig-bedomning@2\n"), 1)
    source.write_text(text, encoding="utf-8")
    assert "street-minds/" in source.read_text(encoding="utf-8")

    spec = _new_from(tmp_path, source)
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    outline = data["outline"]
    assert outline["standard"] == "iop-overenskommelse"
    assert outline["replace"] == {"malgrupp": {"key": "malgrupp", "heading": "Målgrupp"}}
    assert [a["item"] for a in outline["add"]] == [{"key": "jamstalldhetsanalys", "heading": "[Rubrik]"},
                                                   {"key": "bostad-forst-modellen", "heading": "[Rubrik]"},
                                                   "villkor/personuppgifter@2"]
    proposal = data["proposal"]["outline"]
    assert proposal[0] == "tjansteutlatande/forslag-till-beslut-stadsdelsnamnd@2"
    assert proposal[2]["sections"][0] == {"key": "syfte-och-mal", "heading": "Partnerskapets syfte och mål"}
    assert {"rattslig-lou", "rattslig-statsstod", "rattslig-kl", "jamstalldhetsanalys"} <= set(data["texts"])
    # the comment says what became of each of the other partnership's clauses
    assert "#   street-minds/bostad-forst-modellen (Bostad Först-modellen): ett eget avsnitt" in spec.read_text(
        encoding="utf-8")

    checked = run("check", spec, "--clauses", CLAUSES)
    assert checked.exit_code == 1
    assert "Fältet outline.add.0.item.heading är inte ifyllt ('[Rubrik]')" in checked.output
    texts = _fill_build_and_read(tmp_path, spec)
    for name, text in texts.items():
        assert not OLD_WORDS.findall(text), (name, OLD_WORDS.findall(text))
    assert "Rinkeby-Kista stadsdelsnämnd godkänner överenskommelsen" in texts["laxhjalp-tjansteutlatande.pdf"]


def test_new_from_refuses_nothing_it_can_honour_and_keeps_a_spec_without_proposal_so(tmp_path):
    """Without a tjänsteutlåtande in the spec it starts from, the new spec has none, unless --proposal asks."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("proposal")
    data.pop("acknowledge")
    source = tmp_path / "utan.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert "proposal:" not in _new_from(tmp_path / "a", source).read_text(encoding="utf-8")
    asked = yaml.safe_load(_new_from(tmp_path / "b", source, "--proposal", "facknamnd").read_text(encoding="utf-8"))
    assert asked["proposal"]["outline"] == {"standard": "iop-tjansteutlatande-facknamnd"}


def test_new_from_a_spec_with_a_day_and_month_figure_checks_with_findings(tmp_path):
    """A figure in the form MM-DD (figures.rapport_senast: 03-31, read by uppfoljning/aterrapportering@3)
    becomes the MM-DD placeholder, which `check` reads as a placeholder of its field. '[Fyll i]' reached the
    clause's date filter: 'Klausultexten kan inte fyllas i' at the clause file, exit 2, no findings at all."""
    from click.testing import CliRunner

    from drafter.cli import main
    from helpers import ROOT

    spec = _new_from(tmp_path, ROOT / "tests" / "generic" / "norrmalm-stiftelse.yaml")
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    assert data["figures"]["rapport_senast"] == "MM-DD"
    checked = CliRunner().invoke(main, ["check", str(spec), "--clauses", str(CLAUSES)])
    assert checked.exit_code == 1, checked.output
    assert "Fältet figures.rapport_senast är inte ifyllt ('MM-DD')" in checked.output
    assert "kan inte fyllas i" not in checked.output
