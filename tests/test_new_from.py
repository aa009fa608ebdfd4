"""`drafter new --from SPEC`: a new partnership keeps another's sections and shared clauses, never its texts."""

import re
import zipfile
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from helpers import CLAUSES, EXAMPLE
from test_new import fill, run

# Facts of the Street Minds partnership that a new partnership's documents must not say.
OLD_WORDS = re.compile(r"Street Minds|Bostad Först|hemlös|socialnämnden|2023|förnyad|Paragrafen justeras", re.I)

# the version of Parternas insatser the standard outline pins (what `drafter new` gives too)
OUTLINES = Path(__file__).resolve().parents[1] / "clauses" / "outlines"


def _newest(name: str) -> str:
    """The newest version of a standard outline, as `drafter new` writes it."""
    from drafter.clauses.outline_versions import version_files

    files = version_files(OUTLINES.parent, name)
    return files[max(files)].read_text(encoding="utf-8")


def _pinned(name: str) -> str:
    """NAME@N, N the highest version file in the library's folder of the outline: what `drafter new` writes."""
    return f"{name}@{max(int(p.stem[1:]) for p in (OUTLINES / name).glob('v*.yaml'))}"


AGREEMENT, FACKNAMND = _pinned("iop-overenskommelse"), _pinned("iop-tjansteutlatande-facknamnd")
STADSDELSNAMND = _pinned("iop-tjansteutlatande-stadsdelsnamnd")
INSATSER = re.search(r"parter/insatser@\d+", _newest("iop-overenskommelse")).group(0)
# the decision clauses the standard outlines of the tjänsteutlåtande pin
DECISION = re.search(r"tjansteutlatande/forslag-till-beslut@\d+",
                     _newest("iop-tjansteutlatande-facknamnd")).group(0)
DECISION_SDN = re.search(r"tjansteutlatande/forslag-till-beslut-stadsdelsnamnd@\d+",
                         _newest("iop-tjansteutlatande-stadsdelsnamnd")).group(0)


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


def _fill_build_and_read(tmp_path, spec, change=lambda text: text, warnings=None) -> dict[str, str]:
    """Filled in as an official would (then `change`d), checked (no error; given `warnings`, the codes of
    the warnings) and built: each file's text."""
    spec.write_text(change(fill(spec.read_text(encoding="utf-8"))), encoding="utf-8")
    checked = run("check", spec, "--clauses", CLAUSES)
    assert checked.exit_code == 0, checked.output
    if warnings is not None:
        assert set(re.findall(r"^varning \[([a-z-]+)\]", checked.output, re.M)) == warnings, checked.output
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
    ids = {r.split("@")[0] for r in refs}
    assert {"villkor/period", "organisation/styrgrupp", "signering/signering"} <= ids
    assert data["outline"][0] == {"key": "bakgrund", "heading": "Bakgrund"}
    assert {"bakgrund", "syfte-och-mal", "malgrupp", "ataganden", "foreningens-verksamhet"} <= set(data["texts"])
    # the figures only the old texts cited go with them; what the organisation contributes is asked anew
    assert list(data["figures"]) == ["egen_insats_text"]
    assert data["figures"]["egen_insats_text"].startswith("[Vad organisationen själv bidrar med")
    if proposal == "stadsdelsnamnd":
        assert data["proposal"]["outline"] == {"standard": STADSDELSNAMND}
        assert {"stadsdelsomradet", "rattslig-statsstod"} <= set(data["texts"])
    else:  # the example's own tjänsteutlåtande, to a facknämnd, with the generic decision clause
        assert data["proposal"]["outline"][0] == DECISION
        assert "tjansteutlatande/ledning-och-samverkan@2" in refs
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
    text = text.replace(f"outline:\n  standard: {AGREEMENT}\n", (
        f"outline:\n  standard: {AGREEMENT}\n"
        "  replace: {malgrupp: street-minds/malgrupp@2}\n"
        "  add:\n    - {after: ataganden, item: street-minds/jamstalldhetsanalys}\n"
        "    - {after: bakgrund, item: street-minds/bostad-forst-modellen}\n"
        "    - {into: villkor, item: villkor/personuppgifter@2}\n"), 1)
    text = text.replace(f"  outline:\n    standard: {FACKNAMND}\n", (
        "  outline:\n    - street-minds/forslag-till-beslut@2\n    - {key: sammanfattning, heading: Sammanfattning}\n"
        "    - heading: Ärendet\n      sections:\n        - street-minds/syfte-och-mal@2\n"
        "        - tjansteutlatande/ledning-och-samverkan@2\n    - tjansteutlatande/rattslig-bedomning@2\n"), 1)
    source.write_text(text, encoding="utf-8")
    assert "street-minds/" in source.read_text(encoding="utf-8")

    spec = _new_from(tmp_path, source)
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    outline = data["outline"]
    assert outline["standard"] == AGREEMENT  # the version new --from used, written out
    assert outline["replace"] == {"malgrupp": {"key": "malgrupp", "heading": "Målgrupp"}}
    assert [a["item"] for a in outline["add"]] == [{"key": "jamstalldhetsanalys", "heading": "[Rubrik]"},
                                                   {"key": "bostad-forst-modellen", "heading": "[Rubrik]"},
                                                   "villkor/personuppgifter@2"]
    proposal = data["proposal"]["outline"]
    assert proposal[0] == DECISION_SDN
    arendet = next(item for item in proposal if isinstance(item, dict) and item.get("heading") == "Ärendet")
    # the standard's own first section of Ärendet is added at its place, before the carried ones
    assert arendet["sections"][:2] == ["tjansteutlatande/beskrivning-av-iop@1",
                                       {"key": "syfte-och-mal", "heading": "Partnerskapets syfte och mål"}]
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
    assert asked["proposal"]["outline"] == {"standard": FACKNAMND}


def test_new_from_gives_the_reviewed_versions_pinned_and_the_sections_they_need(tmp_path):
    """trial4: `new --from` kept the example's unversioned references, so a new partnership got the v1
    texts approved only for socialnämnden ("skall", notice "1 januari kommande år" for a March–February
    period, no Parternas insatser so the own contribution vanished), and a later approval could switch
    them to v2 texts whose reference to villkor/havning the outline could not satisfy. Like `drafter
    new`, it now pins the standard outline's reviewed versions and adds the sections they need."""
    spec = _new_from(tmp_path, EXAMPLE, "--barn")
    text = spec.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    agreement = _clause_refs(data["outline"])
    refs = agreement + _clause_refs(data["proposal"]["outline"])
    assert [r for r in refs if "@" not in r] == []  # every version pinned: no later approval changes a text
    assert {"villkor/uppsagning@3", "parter/vardegrund@2", "villkor/aterkrav@2", "villkor/period@3",
            "signering/signering@2"} <= set(agreement)
    # what the v2 texts need, and what the standard outline has, at their place
    assert {INSATSER, "villkor/havning@1", "villkor/utbetalning@1"} <= set(agreement)
    parter = data["outline"][1]["sections"]
    assert parter[parter.index({"key": "ataganden", "heading": "Åtaganden"}) + 1] == INSATSER
    # the proposal's Period keeps a version whose references the proposal holds
    assert "villkor/period@2" in _clause_refs(data["proposal"]["outline"])
    assert "villkor/uppsagning v1 → v3" in text and "tillagda från standardmallen" in text
    assert "street-minds-2026.yaml angav" in text and "utan version" in text

    def march_to_february(filled: str) -> str:
        """A period from 1 March, renewed a year at a time, with the own contribution given."""
        for old, new in {"start: 2027-01-04": "start: 2027-03-01", "end: 2027-12-31": "end: 2028-02-29",
                         "unit: kalenderår ": "unit: år ", "max_end: 2029-12-31": "max_end: 2030-02-28",
                         "notice_deadline: 09-30": "notice_deadline: 01-31",
                         "# min_notice_months: 3": "min_notice_months: 1",
                         "# other_amounts:\n#   egen_insats: N": "other_amounts:\n  egen_insats: 180000"}.items():
            assert old in filled, old
            filled = filled.replace(old, new, 1)
        return filled

    # clean but for the approvals, which are the nämnd's act (placeholders are filled in)
    texts = _fill_build_and_read(tmp_path, spec, march_to_february, warnings={"clause-unapproved"})
    for name, shown in texts.items():
        assert "skall" not in shown.lower(), name
        assert "1 januari kommande år" not in shown, name
        assert "riktlinjer för bidrag" not in shown, name
    for name in ("laxhjalp-overenskommelse.pdf", "laxhjalp-overenskommelse.docx"):
        shown = texts[name].replace("\u00a0", " ")
        assert "till ett uppskattat värde av 180 000 kr" in shown, name
        assert "Hävning" in shown and "Utdrag ur belastningsregistret" in shown, name


def test_new_from_writes_out_a_standard_outline_without_versions_so_each_clause_is_pinned(tmp_path):
    """`drafter import` writes `standard: overenskommelse`, whose clauses have no version (v1 texts). A new
    partnership from such a spec gets the outline written out, with the source's changes, each clause
    pinned; the generic outlines, already pinned, stay standard outlines (the test above)."""
    first = tmp_path / "first"
    assert run("new", "egen", "--agreements", first, "--clauses", CLAUSES).exit_code == 0
    source = first / "egen.yaml"
    text = fill(source.read_text(encoding="utf-8")).replace(
        f"outline:\n  standard: {AGREEMENT}\n",
        "outline:\n  standard: overenskommelse\n  remove: [namndens-uppdrag]\n"
        "  add:\n    - {after: villkor/sekretess, item: villkor/personuppgifter@2}\n", 1).replace(
        f"  outline:\n    standard: {FACKNAMND}\n",
        "  outline:\n    standard: tjansteutlatande-stadsdelsnamnd\n", 1)
    source.write_text(text, encoding="utf-8")

    spec = _new_from(tmp_path, source)
    text = spec.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data["outline"], list) and isinstance(data["proposal"]["outline"], list)
    agreement, proposal = _clause_refs(data["outline"]), _clause_refs(data["proposal"]["outline"])
    assert [r for r in agreement + proposal if "@" not in r] == []
    assert {"villkor/uppsagning@3", INSATSER, "villkor/havning@1", "villkor/personuppgifter@2"} <= set(
        agreement)
    assert "namndens-uppdrag" not in text.split("\noutline:")[1]  # the source's own change stays made
    # the source's decision clause, at the version the generic outline pins, and no second one added
    assert [r for r in proposal if "forslag-till-beslut" in r] == [DECISION]
    assert "standardmallen overenskommelse anger klausulerna utan version" in text
    texts = _fill_build_and_read(tmp_path, spec, lambda filled: filled.replace(
        "# other_amounts:\n#   egen_insats: N", "other_amounts:\n  egen_insats: 180000"))
    agreement_text = texts["laxhjalp-overenskommelse.pdf"].replace("\u00a0", " ")
    assert "skall" not in agreement_text and "180 000 kr" in agreement_text


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
    # the source's own contribution (volontärer som ger läxhjälp …) is that organisation's: asked anew
    assert data["figures"]["egen_insats_text"].startswith("[Vad organisationen själv bidrar med")
    assert "volontärer som ger läxhjälp" not in spec.read_text(encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", str(spec), "--clauses", str(CLAUSES)])
    assert checked.exit_code == 1, checked.output
    assert "Fältet figures.rapport_senast är inte ifyllt ('MM-DD')" in checked.output
    assert "kan inte fyllas i" not in checked.output
