"""A district starting a new partnership: `drafter new` → fill in → `drafter check` → `drafter build`."""

import json
import re

import pytest
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE

FILLED = {
    '"[Verksamhetens namn]"': "Läxhjälp för barn och unga i Norra Järva",
    "date: ÅÅÅÅ-MM-DD                  # överenskommelsens datum": "date: 2027-01-04",
    '"[Ort]"': "Stockholm",
    '"[Kommunens namn]"': "Stockholms stad",
    "organisationsnummer: NNNNNN-NNNN  # kommunens": "organisationsnummer: 212000-0142  # kommunens",
    '"[nämnden]"': "Rinkeby-Kista stadsdelsnämnd",
    '"[förvaltningen]"': "Rinkeby-Kista stadsdelsförvaltning",
    '"[befattning]"': "stadsdelsdirektör",
    '"[nämnden i kommunen]"': "Rinkeby-Kista stadsdelsnämnd",
    '"[Organisationens namn]"': "Läxhjälpen Norr",
    "organisationsnummer: NNNNNN-NNNN\n": "organisationsnummer: 802480-1592\n",
    "start: ÅÅÅÅ-MM-DD": "start: 2027-01-04",
    "end: ÅÅÅÅ-MM-DD": "end: 2027-12-31",
    "max_end: ÅÅÅÅ-MM-DD": "max_end: 2029-12-31",
    "notice_deadline: MM-DD": "notice_deadline: 09-30",
    "{item: Personal, amount: N}": "{item: Personal, amount: 420000}",
    "{item: Lokaler, amount: N}": "{item: Lokaler, amount: 0}",
    "{item: Aktiviteter, amount: N}": "{item: Aktiviteter, amount: 60000}",
    "{item: Övrigt, amount: N}": "{item: Övrigt, amount: 20000}",
    '"[Ärendets rubrik]"': "Idéburet offentligt partnerskap om läxhjälp med Läxhjälpen Norr",
    '"[Underrubrik]"': "Samverkan mellan stadsdelsförvaltningen och föreningen Läxhjälpen Norr",
    '"[Avdelningen för ...]"': "Avdelningen för individ- och familjeomsorg",
    '{name: "[Namn]", title: "[Förvaltningschef]"}': "{name: Anna Berg, title: Stadsdelsdirektör}",
    '{name: "[Namn]", title: "[Avdelningschef]"}': "{name: Omar Said, title: Avdelningschef}",
    "  date: ÅÅÅÅ-MM-DD\n  department": "  date: 2026-11-10\n  department",
}


OWN_CONTRIBUTION = "volontärer som ger läxhjälp två kvällar i veckan"


def fill(text: str) -> str:
    for old, new in FILLED.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    # what the organisation contributes: its own words, which the agreement states (parter/insatser@4)
    text, asked = re.subn(r"(?m)^  egen_insats_text: '\[[^\]]+\]'$", f"  egen_insats_text: {OWN_CONTRIBUTION}", text)
    assert asked == 1, "drafter new asks what the organisation contributes"
    text = text.replace('      name: "[Namn]"\n', "      name: Lena Holm\n", 1)
    text = text.replace('      name: "[Namn]"                #', "      name: Erik Lund  #", 1)
    return re.sub(r"'\[[^\]]+\]'", lambda m: f"'Läxhjälpen Norr ger barn och unga stöd i skolarbetet "
                                             f"({m.group(0)[2:-2].lower()}).'", text)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_new_spec_lists_what_to_fill_in_then_builds(tmp_path):
    agreements = tmp_path / "agreements"
    made = run("new", "laxhjalpen-norr", "--proposal", "stadsdelsnamnd", "--agreements", agreements,
               "--clauses", CLAUSES)
    assert made.exit_code == 0, made.output
    spec = agreements / "laxhjalpen-norr.yaml"

    checked = run("check", spec, "--clauses", CLAUSES)
    assert checked.exit_code == 1
    placeholders = [line for line in checked.output.splitlines() if "[placeholder]" in line]
    assert len(placeholders) >= 30
    assert any("(fält period.start)" in line or "period.start" in line for line in placeholders)
    assert run("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES).exit_code == 1
    assert not (tmp_path / "out" / "laxhjalpen-norr").exists() or not any((tmp_path / "out").rglob("*.pdf"))

    spec.write_text(fill(spec.read_text(encoding="utf-8")), encoding="utf-8")
    checked = run("check", spec, "--clauses", CLAUSES)
    assert checked.exit_code == 0, checked.output
    built = run("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES)
    assert built.exit_code == 0, built.output
    manifest = json.loads((tmp_path / "out" / "laxhjalpen-norr" / "manifest.json").read_text())
    assert [d["kind"] for d in manifest["documents"]] == ["agreement", "proposal", "packet"]
    assert "stadsdelsomradet" in spec.read_text(encoding="utf-8")  # the stadsdelsnämnd outline's own section
    assert manifest["documents"][0]["title"].endswith("mellan Stockholms stad och Läxhjälpen Norr")
    # With no outline edits, the proposal reads as a stadsdelsförvaltning writes one, in that order.
    from pypdf import PdfReader

    pdf = tmp_path / "out" / "laxhjalpen-norr" / "laxhjalpen-norr-tjansteutlatande.pdf"
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    order = ["Rinkeby-Kista stadsdelsförvaltning", "Till Rinkeby-Kista stadsdelsnämnd", "Förslag till beslut",
             "Sammanfattning", "Bakgrund", "Ärendets beredning", "Ärendet", "Beskrivning av idéburet offentligt",
             "Förutsättningar i stadsdelsområdet", "Förvaltningens synpunkter och förslag", "Föreslagen finansiering",
             "Överenskommelsens giltighetstid", "Ekonomiska konsekvenser", "Rättslig bedömning", "Bilagor"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "Barnrättsperspektiv" not in text  # not work with children (no --barn): no section, nothing asked
    assert "Rinkeby-Kista stadsdelsnämnd godkänner överenskommelsen" in text


def test_new_from_an_existing_spec_keeps_the_clauses_and_clears_the_data(tmp_path):
    agreements = tmp_path / "agreements"
    assert run("new", "ny", "--from", EXAMPLE, "--agreements", agreements, "--clauses", CLAUSES).exit_code == 0
    text = (agreements / "ny.yaml").read_text(encoding="utf-8")
    assert "key: ataganden" in text and "villkor/period" in text  # tests/test_new_from.py: the rest
    assert "Street Minds" not in text.split("outline:")[0] and "878000" not in text
    checked = run("check", agreements / "ny.yaml", "--clauses", CLAUSES)
    assert checked.exit_code == 1 and "[placeholder]" in checked.output


@pytest.mark.parametrize("name", ["Ny Förening", "../x", "a/b"])
def test_new_refuses_bad_names_and_never_overwrites(tmp_path, name):
    assert run("new", name, "--agreements", tmp_path, "--clauses", CLAUSES).exit_code == 2
    assert run("new", "ok", "--agreements", tmp_path, "--clauses", CLAUSES).exit_code == 0 or True
    again = run("new", "ok", "--agreements", tmp_path, "--clauses", CLAUSES)
    assert again.exit_code == 2 and "finns redan" in again.output


def _uncomment(text: str, first: str, values: dict[str, str]) -> str:
    """The commented block that starts with `first` (up to its blank line), as YAML, with `values` filled."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(first))
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    i = start
    while i < len(lines) and lines[i].startswith(indent + "#") and lines[i].strip():
        lines[i] = indent + lines[i][len(indent) + 2:]
        for old, new in values.items():
            lines[i] = lines[i].replace(old, new)
        i += 1
    return "".join(lines)


def test_new_spec_offers_the_decision_and_a_new_representative_commented(tmp_path):
    """The template shows, in Swedish comments, how to record the nämnd's decision and a new ordförande;
    filled in and uncommented, they are valid data the checks use."""
    from drafter.spec.load import load_spec

    agreements = tmp_path / "agreements"
    assert run("new", "laxhjalpen-norr", "--agreements", agreements, "--clauses", CLAUSES).exit_code == 0
    spec = agreements / "laxhjalpen-norr.yaml"
    text = fill(spec.read_text(encoding="utf-8"))
    assert "# decision:" in text and "# representatives:" in text
    assert "nämndens beslut" in text.lower() and "inget tillägg" in text
    text = _uncomment(text, "# decision:", {
        '"[nämnden]"': "Rinkeby-Kista stadsdelsnämnd", "ÅÅÅÅ-MM-DD                # sammanträdets": "2026-12-10  #",
        '"§ N"': '"§ 112"', '"[Dnr]"': "RK 2026/88", "amount: N": "amount: 500000",
        "latest_end: ÅÅÅÅ-MM-DD": "latest_end: 2029-12-31", '"[t.ex. socialdirektören]"': "stadsdelsdirektören"})
    text = _uncomment(text, "# representatives:", {"since: ÅÅÅÅ-MM-DD": "since: 2027-06-01",
                                                   '"[Namn]"': "Sara Lind"})
    spec.write_text(text, encoding="utf-8")
    checked = run("check", spec, "--clauses", CLAUSES)
    assert checked.exit_code == 0, checked.output
    loaded = load_spec(spec).spec
    assert loaded.decision.ceiling.amount == 500000 and loaded.decision.paragraph == "§ 112"
    assert loaded.decision.delegations[0].to == "stadsdelsdirektören"
    assert loaded.parties[1].representatives[0].signatory.name == "Sara Lind"


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_new_for_work_with_children_binds_the_association_to_register_extracts(tmp_path):
    """--barn: the agreement has 'Utdrag ur belastningsregistret' right after the secrecy clause; without
    it, the template says how to add it, and where contact persons go."""
    agreements = tmp_path / "agreements"
    made = run("new", "laxhjalpen-norr", "--barn", "--proposal", "stadsdelsnamnd", "--agreements", agreements,
               "--clauses", CLAUSES)
    assert made.exit_code == 0, made.output
    spec = agreements / "laxhjalpen-norr.yaml"
    spec.write_text(fill(spec.read_text(encoding="utf-8")), encoding="utf-8")
    checked = run("check", spec, "--clauses", CLAUSES)
    assert checked.exit_code == 0, checked.output
    assert run("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES).exit_code == 0
    text = _pdf_text(tmp_path / "out" / "laxhjalpen-norr" / "laxhjalpen-norr-overenskommelse.pdf")
    secrecy = re.search(r"(\d+)\.(\d+) Tystnadsplikt", text)  # villkor/sekretess@3
    register = re.search(r"(\d+)\.(\d+) Utdrag ur belastningsregistret", text)
    assert secrecy and register, text
    assert (int(register[1]), int(register[2])) == (int(secrecy[1]), int(secrecy[2]) + 1)
    assert "direkt och regelbunden kontakt med barn" in text

    assert run("new", "utan", "--agreements", agreements, "--clauses", CLAUSES).exit_code == 0
    plain = (agreements / "utan.yaml").read_text(encoding="utf-8")
    assert "drafter new --barn" in plain and "#   add: [{after: villkor/sekretess, item: villkor/belastningsregister@" in plain
    assert "# Kontaktpersoner står inte i specen" in plain


def test_new_from_for_work_with_children_adds_the_register_once(tmp_path):
    agreements = tmp_path / "agreements"
    assert run("new", "ny", "--barn", "--from", EXAMPLE, "--agreements", agreements, "--clauses", CLAUSES).exit_code == 0
    text = (agreements / "ny.yaml").read_text(encoding="utf-8")
    assert _register_entries(text) == 1
    assert "      - villkor/sekretess@3\n      - villkor/belastningsregister@" in text
    again = agreements / "igen.yaml"
    assert run("new", "igen", "--barn", "--from", agreements / "ny.yaml", "--agreements", agreements,
               "--clauses", CLAUSES).exit_code == 0
    assert _register_entries(again.read_text(encoding="utf-8")) == 1


def test_new_for_work_with_children_asks_the_forvaltning_for_its_provning_of_barnets_basta(tmp_path):
    """--barn: the tjänsteutlåtande's standard outline (version 4) has the Barnrättsperspektiv, which states the rule
    and leaves the prövning and its conclusion to the förvaltning: the new spec asks for it under texts:, check
    names that field until it is written, and the built tjänsteutlåtande has it after the economic consequences.
    Without --barn nothing is asked and the tjänsteutlåtande has no such section."""
    import yaml

    from drafter.newspec import CHILDREN_TEXTS

    agreements = tmp_path / "agreements"
    assert run("new", "laxhjalpen-norr", "--barn", "--proposal", "stadsdelsnamnd", "--agreements", agreements,
               "--clauses", CLAUSES).exit_code == 0
    spec = agreements / "laxhjalpen-norr.yaml"
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    assert data["proposal"]["outline"]["standard"] == "iop-tjansteutlatande-stadsdelsnamnd@5"
    asked = data["texts"]["barnrattsperspektiv"]
    assert asked == CHILDREN_TEXTS["barnrattsperspektiv"]
    assert "vilka barn berörs" in asked and "barnen själva" in asked and "slutsats" in asked
    checked = run("check", spec, "--clauses", CLAUSES)
    assert any("Fältet texts.barnrattsperspektiv är inte ifyllt" in line for line in checked.output.splitlines())

    spec.write_text(fill(spec.read_text(encoding="utf-8")), encoding="utf-8")
    assert run("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES).exit_code == 0
    text = _pdf_text(tmp_path / "out" / "laxhjalpen-norr" / "laxhjalpen-norr-tjansteutlatande.pdf")
    assert text.index("Ekonomiska konsekvenser") < text.index("Barnrättsperspektiv") < text.index("Rättslig bedömning")
    written = yaml.safe_load(spec.read_text(encoding="utf-8"))["texts"]["barnrattsperspektiv"]
    part = text.split("Barnrättsperspektiv", 1)[1].split("Rättslig bedömning", 1)[0]
    assert "i första hand beaktas vad som bedöms vara barnets bästa" in part and written in part

    made = run("new", "igen-2029", "--from", spec, "--agreements", agreements, "--clauses", CLAUSES)
    assert made.exit_code == 0, made.output  # its agreement keeps the register point: still asked
    assert "barnrattsperspektiv" in yaml.safe_load((agreements / "igen-2029.yaml").read_text(encoding="utf-8"))["texts"]

    assert run("new", "vuxna", "--agreements", agreements, "--clauses", CLAUSES).exit_code == 0
    assert "barnrattsperspektiv" not in yaml.safe_load((agreements / "vuxna.yaml").read_text(encoding="utf-8"))["texts"]


def _register_entries(text: str) -> int:
    """The outline entries for the register extract (the comment on the versions may name it too)."""
    return len(re.findall(r"^\s+- villkor/belastningsregister@", text, re.M))


def test_the_legal_questions_ask_for_the_forvaltnings_conclusion_which_the_clause_leaves_to_it():
    """tjansteutlatande/rattslig-bedomning@3 (which the standard outlines pin) states only the rule each question
    is judged by; the conclusion is the förvaltning's, in texts: rattslig-lou, -statsstod, -kl. So each question
    `drafter new` writes asks for the conclusion as well as the grounds, and v2's claims are in neither."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.newspec import LEGAL_TEXTS, PROPOSAL_STANDARDS

    library = ClauseLibrary(CLAUSES)
    for standard in PROPOSAL_STANDARDS.values():
        newest = max((CLAUSES / "outlines" / standard).glob("v*.yaml"), key=lambda p: int(p.stem[1:]))
        assert "tjansteutlatande/rattslig-bedomning@3\n" in newest.read_text(encoding="utf-8"), standard
    body = library.get("tjansteutlatande/rattslig-bedomning@3").body
    rules = {"rattslig-lou": "Lagen (2016:1145) om offentlig upphandling gäller när",
             "rattslig-statsstod": "(artikel 107.1 i fördraget om Europeiska unionens funktionssätt)",
             "rattslig-kl": "(2 kap. 1 § kommunallagen)"}
    for key, rule in rules.items():
        assert rule in body and f'texts["{key}"]' in body
        assert "slutsats" in LEGAL_TEXTS[key], key
    assert "är lagen om offentlig upphandling tillämplig?" in LEGAL_TEXTS["rattslig-lou"]
    assert "är bidraget statsstöd?" in LEGAL_TEXTS["rattslig-statsstod"]
    v2_claims = ("inte ett köp av tjänster", "ingen motprestation", "alla parter bidrar", "är av allmänt intresse",
                 "inte är tillämplig")
    assert all(claim in library.get("tjansteutlatande/rattslig-bedomning@2").body for claim in v2_claims)
    for claim in v2_claims:
        assert claim not in body, claim
        assert not [key for key, question in LEGAL_TEXTS.items() if claim in question], claim
