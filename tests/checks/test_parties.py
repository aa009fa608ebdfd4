"""party-mismatch and orgnr-invalid."""

from checks.support import findings, library_with, line_of, of, spec_file
from drafter.assemble import assemble_documents
from drafter.checks import run_checks
from drafter.clauses.library import ClauseLibrary
from drafter.model.nodes import SignatureBlock
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE, example_data


def with_clause(tmp_path, body):
    data = example_data()
    data["outline"].append("test/parter")
    spec = spec_file(tmp_path, data)
    return spec, findings(spec, library_with(tmp_path, {"test/parter": body}))


def test_example_names_every_party_with_its_number():
    found = findings(EXAMPLE)
    assert of(found, "party-mismatch") == [] and of(found, "orgnr-invalid") == []


def test_party_shown_with_another_partys_number(tmp_path):
    spec, found = with_clause(tmp_path, "Avtalet tecknas med Street Minds (organisationsnummer 212000-0142).")
    (f,) = of(found, "party-mismatch")
    assert f.severity == "error" and f.document == "agreement" and f.where == "test/parter@1"
    assert "Street Minds står med organisationsnummer 212000-0142, som är Socialförvaltningens nummer" in f.message
    assert "802524-2879" in f.message and line_of(spec, "organisationsnummer: 802524-2879") in f.message


def test_party_name_written_otherwise(tmp_path):
    _, found = with_clause(tmp_path, "Parter är Socialförvaltningen och Street Mindz, organisationsnummer 802524-2879.")
    (f,) = of(found, "party-mismatch")
    assert "står 'Street Mindz'" in f.message and "hör till Street Minds" in f.message


def test_number_of_no_party(tmp_path):
    _, found = with_clause(tmp_path, "Underleverantör är Exempel AB (org.nr 556036-0793).")
    (f,) = of(found, "party-mismatch")
    assert "556036-0793 i texten hör inte till någon av parterna" in f.message


def test_signatory_in_a_document_that_is_not_the_specs():
    loaded, library = load_spec(EXAMPLE), ClauseLibrary(CLAUSES)
    documents = [d for d in assemble_documents(loaded, library) if d.kind in ("agreement", "proposal")]
    block = next(b for d in documents for s in d.walk_sections() for b in s.blocks if isinstance(b, SignatureBlock))
    block.signatories[0].title = "avdelningschef"
    (f,) = of(run_checks(loaded, library, documents), "party-mismatch")
    assert "skriver under som avdelningschef, men specen anger socialdirektör" in f.message
    assert f.where == line_of(EXAMPLE, "title: socialdirektör")


def test_group_digit_that_does_not_fit_the_kind(tmp_path):
    data = example_data()
    data["parties"][1]["kind"] = "ekonomisk förening"
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "orgnr-invalid")
    assert f.severity == "error"
    assert "angiven som ekonomisk förening" in f.message and "börjar med 8 (ideella föreningar och stiftelser)" in f.message
    assert f.where == line_of(spec, "organisationsnummer: 802524-2879")


def test_public_party_with_an_association_number(tmp_path):
    data = example_data()
    data["parties"][0]["organisationsnummer"] = "802524-2879"
    data["parties"][1]["organisationsnummer"] = "212000-0142"
    data["parties"][1]["kind"] = "registrerat trossamfund"  # 2 or 8: fine
    (f,) = of(findings(spec_file(tmp_path, data)), "orgnr-invalid")
    assert "Socialförvaltningen är angiven som förvaltning" in f.message and "börjar det med 2" in f.message


def test_personnummer_is_no_organisationsnummer(tmp_path):
    data = example_data()
    data["parties"][1]["organisationsnummer"] = "121212-1212"
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "orgnr-invalid")
    assert "är ett personnummer" in f.message
    assert f.where == line_of(spec, "organisationsnummer: 121212-1212")
