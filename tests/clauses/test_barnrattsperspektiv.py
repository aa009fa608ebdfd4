"""tjansteutlatande/barnrattsperspektiv@1: a tjänsteutlåtande about a partnership with children states the rule
(barnkonventionen as Swedish law, lag (2018:1197); art. 3.1 barnets bästa, art. 12 barnets rätt att komma till
tals) and what the spec backs, then the förvaltning's own prövning from texts: barnrattsperspektiv, never a
conclusion of drafter's own. The standard tjänsteutlåtande outlines take it in their version 4; a slutlig spec
made with version 3 keeps its text and its bytes.

The partnerships are our own (tests/generic/): Stiftelsen Ljusgården's läxhjälp for Norrmalms stadsdelsnämnd,
and Åsby kommun's open sport for children (kultur- och fritidsnämnden), both with the register-extract point
that `drafter new --barn` adds."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import docx
import pytest
import yaml

from drafter.clauses.library import ClauseLibrary
from helpers import CLAUSES
from helpers import run_in_folder as run

GENERIC = Path(__file__).resolve().parents[1] / "generic"
RULE = "Vid alla åtgärder som rör barn ska i första hand beaktas vad som bedöms vara barnets bästa (artikel 3.1)."
LAW = ("gäller som svensk lag sedan den 1 januari 2020, enligt lagen (2018:1197) om Förenta nationernas konvention "
       "om barnets rättigheter.")
CONCERNS = "Nämndens beslut om överenskommelsen är därför en åtgärd som rör barn."
ASKED = "[Förvaltningens prövning av barnets bästa:"



def project(tmp_path: Path, outline_versions: int | None = None) -> Path:
    """A project with a copy of the library; with `outline_versions`, the standard tjänsteutlåtande outlines as
    they were when that was their newest version (the later ones set aside, for come_in to bring back)."""
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    (tmp_path / "agreements").mkdir()
    if outline_versions is not None:
        for name in ("iop-tjansteutlatande-facknamnd", "iop-tjansteutlatande-stadsdelsnamnd"):
            for path in (tmp_path / "clauses" / "outlines" / name).glob("v*.yaml"):
                if int(path.stem[1:]) > outline_versions:
                    (tmp_path / "later" / name).mkdir(parents=True, exist_ok=True)
                    path.rename(tmp_path / "later" / name / path.name)
    return tmp_path


def come_in(root: Path) -> None:
    """The versions set aside come into the library: today's."""
    for path in (root / "later").glob("*/*.yaml"):
        path.rename(root / "clauses" / "outlines" / path.parent.name / path.name)


def spec(root: Path, generic: str, *, children: bool = True, text: bool = True, name: str | None = None,
         **changes) -> Path:
    data = yaml.safe_load((GENERIC / f"{generic}.yaml").read_text(encoding="utf-8"))
    if not children:
        data["outline"] = {"standard": data["outline"]["standard"]}
    if not text:
        data["texts"].pop("barnrattsperspektiv")
    for key, value in changes.items():
        data[key] = value
    path = root / "agreements" / f"{name or generic}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def proposal(root: Path, name: str, out: str = "output") -> list[str]:
    [path] = (root / out / name).glob("*-tjansteutlatande.docx")
    return [p.text for p in docx.Document(str(path)).paragraphs]


def section(paragraphs: list[str], heading: str, following: str) -> str:
    return "\n".join(paragraphs[paragraphs.index(heading) + 1:paragraphs.index(following)])


def build(root: Path, path: Path, *more):
    return run("build", path.relative_to(root), "--format", "docx", *more, cwd=root)


def test_the_clause_is_granskad_and_names_the_law_and_the_public_guidance():
    clause = ClauseLibrary(CLAUSES).get("tjansteutlatande/barnrattsperspektiv@1")
    assert clause.meta.status == "granskad" and not getattr(clause.meta, "approval", None)
    source = clause.meta.source.document
    for named in ("Lag (2018:1197)", "artiklarna 1, 3.1 och 12.1", "prop. 2017/18:186", "Barnombudsmannen",
                  "Prövning av barnets bästa", "Sveriges Kommuner och Regioner"):
        assert named in source, named
    assert "texts: barnrattsperspektiv" in clause.meta.rationale


def test_a_partnership_with_children_states_the_rule_the_facts_and_the_forvaltnings_own_provning(tmp_path):
    root = project(tmp_path)
    path = spec(root, "norrmalm-stiftelse")
    result = build(root, path)
    assert result.exit_code == 0, result.output
    paragraphs = proposal(root, "norrmalm-stiftelse")
    # after the economic consequences, before the legal assessment
    assert paragraphs.index("Ekonomiska konsekvenser") < paragraphs.index("Barnrättsperspektiv") \
        < paragraphs.index("Rättslig bedömning")
    text = section(paragraphs, "Barnrättsperspektiv", "Rättslig bedömning")
    assert LAW in text and RULE in text and "(artikel 12)" in text and "under 18 år (artikel 1)" in text
    assert ("Verksamheten i partnerskapet rör barn: överenskommelsen har en punkt om utdrag ur belastningsregistret "
            "för den som ska arbeta med barn i verksamheten.") in text and CONCERNS in text
    written = yaml.safe_load(path.read_text(encoding="utf-8"))["texts"]["barnrattsperspektiv"]
    assert " ".join(written.split()) in " ".join(text.split())  # the förvaltning's words, as written
    assert text.split("\n")[-1].startswith("Partnerskapet berör unga")  # and they close the section
    from drafter.checks.proposal_text import ENTER

    assert not ENTER.search(text)  # no "ingå överenskommelsen": prose-mismatch would take a renewal's for a new one


def test_without_the_forvaltnings_provning_a_placeholder_stays_and_check_reports_it(tmp_path):
    root = project(tmp_path)
    path = spec(root, "kommun-tva-firmatecknare", text=False)
    checked = run("check", path.relative_to(root), cwd=root)
    assert checked.exit_code == 1, checked.output
    [said] = [line for line in checked.output.splitlines() if "[placeholder]" in line]
    assert said.startswith("fel [placeholder] tjansteutlatande/barnrattsperspektiv@1 (tjänsteutlåtandet)")
    assert ASKED in said and "slutsats" in said
    assert said.endswith("Den står där specen saknar texts: barnrattsperspektiv; skriv texten där (Markdown).")
    built = build(root, path)
    assert built.exit_code == 1 and not (root / "output" / "kommun-tva-firmatecknare").exists()


def test_a_partnership_without_children_gets_no_section_and_the_same_text_as_before(tmp_path):
    """Nothing, not a sentence: that a decision does not concern children, directly or indirectly, is itself a
    prövning (Barnombudsmannen), and it is the förvaltning's; the spec cannot back it. So version 4 of the
    outline gives a partnership without children the same tjänsteutlåtande as version 3."""
    root = project(tmp_path)
    texts = {}
    for version in (3, 4):
        name = f"vuxna-{version}"
        data = yaml.safe_load((GENERIC / "norrmalm-stiftelse.yaml").read_text(encoding="utf-8"))
        data["texts"].pop("barnrattsperspektiv")
        data["proposal"]["outline"] = {"standard": f"iop-tjansteutlatande-stadsdelsnamnd@{version}"}
        path = spec(root, "norrmalm-stiftelse", children=False, text=False, name=name, proposal=data["proposal"])
        result = build(root, path)
        assert result.exit_code == 0, result.output
        texts[version] = proposal(root, name)
    assert "Barnrättsperspektiv" not in texts[4] and not [p for p in texts[4] if "barnets bästa" in p]
    assert texts[4] == texts[3]


def test_a_partnership_without_the_register_point_whose_forvaltning_writes_a_provning_gets_it(tmp_path):
    """A förvaltning whose kommun has the heading in every tjänsteutlåtande writes texts: barnrattsperspektiv; the
    section then states the rule and its words, but not that the work concerns children (the spec does not say)."""
    root = project(tmp_path)
    own = "Partnerskapet riktar sig till vuxna. Förvaltningen bedömer att beslutet inte påverkar barn."
    data = yaml.safe_load((GENERIC / "norrmalm-stiftelse.yaml").read_text(encoding="utf-8"))
    data["texts"]["barnrattsperspektiv"] = own
    path = spec(root, "norrmalm-stiftelse", children=False, texts=data["texts"])
    result = build(root, path)
    assert result.exit_code == 0, result.output
    text = section(proposal(root, "norrmalm-stiftelse"), "Barnrättsperspektiv", "Rättslig bedömning")
    assert RULE in text and text.endswith(own)
    assert "rör barn:" not in text and CONCERNS not in text


def _signed(root: Path, **changes) -> Path:
    """Åsby's partnership, signed on 1 December 2026 with its nämnd's decision, every clause version it uses
    fastställd; written before the Barnrättsperspektiv came in, so without texts: barnrattsperspektiv."""
    data = yaml.safe_load((GENERIC / "kommun-tva-firmatecknare.yaml").read_text(encoding="utf-8"))
    data["document"].update(date=dt.date(2026, 12, 1), status="slutlig")
    data["proposal"]["date"] = dt.date(2026, 11, 2)
    data["decision"] = {"by": "kultur- och fritidsnämnden", "date": dt.date(2026, 11, 20), "paragraph": "§ 5"}
    path = spec(root, "kommun-tva-firmatecknare", text=False, name="asby", texts={
        k: v for k, v in data["texts"].items() if k != "barnrattsperspektiv"}, document=data["document"],
        decision=data["decision"], proposal={**data["proposal"], **changes})
    approved = run("clauses", "approve", "--spec", path.relative_to(root), "--av", "kultur- och fritidsnämnden",
                   "--för", "Åsby kommun", "--datum", "2026-11-20", "--paragraf", "§ 5", "--ja", cwd=root)
    assert approved.exit_code == 0, approved.output
    return path


def _sums(root: Path) -> list[str]:
    manifest = json.loads((root / "output" / "asby" / "manifest.json").read_text(encoding="utf-8"))
    return [d["sha256"] for d in manifest["documents"]]


@pytest.mark.parametrize("pinned", [False, True], ids=["unversioned", "pinned-at-3"])
def test_a_slutlig_spec_made_with_version_3_keeps_its_text_and_bytes_when_version_4_comes_in(tmp_path, pinned):
    root = project(tmp_path, outline_versions=3)
    outline = {"outline": {"standard": "iop-tjansteutlatande-facknamnd@3"}} if pinned else {}
    path = _signed(root, **outline)
    first = build(root, path)
    assert first.exit_code == 0, first.output
    before, text_before = _sums(root), proposal(root, "asby")
    assert "Barnrättsperspektiv" not in text_before

    come_in(root)  # version 4, with the Barnrättsperspektiv, comes into the library
    assert (root / "clauses" / "outlines" / "iop-tjansteutlatande-facknamnd" / "v4.yaml").exists()
    again = build(root, path)
    assert again.exit_code == 0, again.output  # no placeholder: the section is not in its outline
    assert _sums(root) == before and proposal(root, "asby") == text_before
    manifest = json.loads((root / "output" / "asby" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["outlines"]["iop-tjansteutlatande-facknamnd"] == 3

    draft = spec(root, "kommun-tva-firmatecknare", text=False, name="asby-utkast")  # a draft takes version 4
    checked = run("check", draft.relative_to(root), cwd=root)
    assert checked.exit_code == 1 and "fel [placeholder] tjansteutlatande/barnrattsperspektiv@1" in checked.output
