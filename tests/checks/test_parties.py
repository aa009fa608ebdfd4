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


# --- names that hold och, med, till, av, samt, mellan, ":", "." or "(" are matched as whole names


def names(tmp_path, public: str, partner: str, body: str | None = None):
    data = example_data()
    data["parties"][0]["name"] = public
    data["parties"][1]["name"] = partner
    if body is not None:
        data["outline"].append("test/parter")
    spec = spec_file(tmp_path, data)
    clauses = library_with(tmp_path, {"test/parter": body}) if body is not None else CLAUSES
    return spec, findings(spec, clauses)


def test_names_with_words_that_join_names_are_no_mismatch(tmp_path):
    for n, (public, partner) in enumerate([("Kultur- och fritidsförvaltningen", "Riksförbundet Hem och Skola"),
                            ("Stockholms stad", "S:t Lukas"),
                            ("Stockholms stad", "Föreningen Mat med mening samt vänner"),
                            ("Stockholms stad", "Stiftelsen Hjälp till självhjälp av ungdomar"),
                            ("Stockholms stad", "Kvinnojouren (Tjejjouren) i St. Eriks församling"),
                            ("Stockholms stad", "Mellan oss. ideell förening")]):
        (tmp_path / str(n)).mkdir()
        _, found = names(tmp_path / str(n), public, partner,
                         f"Avtalet tecknas mellan {public} (organisationsnummer 212000-0142) och "
                         f"{partner}, organisationsnummer 802524-2879.")
        assert of(found, "party-mismatch") == [], (partner, of(found, "party-mismatch"))


def test_example_built_with_such_names_has_no_mismatch(tmp_path):
    spec, found = names(tmp_path, "Kultur- och fritidsförvaltningen", "Riksförbundet Hem och Skola")
    assert of(found, "party-mismatch") == []


def test_a_wrong_name_is_still_found_after_such_a_name(tmp_path):
    _, found = names(tmp_path, "Stockholms stad", "Riksförbundet Hem och Skola",
                     "Avtalet tecknas med Riksförbundet Hem och Skolan, organisationsnummer 802524-2879.")
    (f,) = of(found, "party-mismatch")
    assert f.severity == "error" and "hör till Riksförbundet Hem och Skola" in f.message


# --- two parties with one organisationsnummer


def test_two_parties_with_the_same_number_named_as_such(tmp_path):
    data = example_data()
    data["parties"].append({"name": "Föreningen Gatans Röst", "sector": "idéburen", "kind": "ideell förening",
                            "organisationsnummer": "802524-2879", "signatory": {"title": "ordförande"}})
    spec = spec_file(tmp_path, data)
    found = findings(spec)
    (f,) = of(found, "orgnr-duplicate")
    assert f.severity == "error"
    assert "Street Minds och Föreningen Gatans Röst har samma organisationsnummer 802524-2879" in f.message
    assert f.where == line_of(spec, "organisationsnummer: 802524-2879", after="Gatans Röst")
    # no self-contradicting party-mismatch ("Street Minds står med … som är Street Minds nummer")
    assert not [m for m in of(found, "party-mismatch") if "som är" in m.message]


def test_two_public_parties_of_one_kommun_are_one_legal_person(tmp_path):
    data = example_data()
    data["parties"].insert(1, {"name": "Stadsdelsförvaltningen Södermalm", "sector": "offentlig",
                               "kind": "stadsdelsförvaltning", "organisationsnummer": "212000-0142",
                               "signatory": {"title": "stadsdelsdirektör"}})
    (f,) = of(findings(spec_file(tmp_path, data)), "orgnr-duplicate")
    assert f.severity == "warning" and "samma juridiska person" in f.message


def test_distinct_numbers_no_duplicate():
    assert of(findings(EXAMPLE), "orgnr-duplicate") == []


# --- the party a signatory signs for


def test_signatory_signing_for_another_than_the_party(tmp_path):
    data = example_data()
    data["parties"][1]["signatory"]["signs_for"] = "Stiftelsen Gatans Röst"
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "party-signs-for")
    assert f.severity == "warning"
    assert "skriver under för Stiftelsen Gatans Röst, men parten heter Street Minds" in f.message
    assert f.where == line_of(spec, "signs_for: Stiftelsen Gatans Röst")


def test_signing_for_the_party_by_another_form_of_its_name_is_fine(tmp_path):
    data = example_data()
    data["parties"][1]["signatory"]["signs_for"] = "föreningen Street Minds"
    assert of(findings(spec_file(tmp_path, data)), "party-signs-for") == []
    # the example: socialnämnden i Stockholms stad signs for the kommun the förvaltning belongs to
    assert of(findings(EXAMPLE), "party-signs-for") == []


def test_public_signatory_for_another_kommun(tmp_path):
    data = example_data()
    data["parties"][0]["signatory"]["signs_for"] = "socialnämnden i Solna stad"
    (f,) = of(findings(spec_file(tmp_path, data)), "party-signs-for")
    assert "Solna stad" in f.message and "Stockholms stad" in f.message


def test_kommun_party_named_by_its_förvaltning_or_nämnd_before_its_number(tmp_path):
    # the current form: the kommun is the party, acting through socialnämnden, prepared by the förvaltning
    data = example_data()
    data["parties"][0].update(name="Stockholms stad", kind="kommun", administration="Socialförvaltningen")
    data["outline"].append("test/parter")
    spec = spec_file(tmp_path, data)
    found = findings(spec, library_with(tmp_path, {"test/parter": (
        "Socialförvaltningen (organisationsnummer 212000-0142) och socialnämnden, organisationsnummer "
        "212000-0142, företräder Stockholms stad.")}))
    assert of(found, "party-mismatch") == [] and of(found, "party-legal-person") == []


def rinkeby(signs_for: str) -> dict:
    """The example as a new spec of Stockholms stad acting through Rinkeby-Kista stadsdelsnämnd."""
    data = example_data()
    data["parties"][0] = {"name": "Stockholms stad", "sector": "offentlig", "kind": "kommun",
                          "organisationsnummer": "212000-0142", "committee": "Rinkeby-Kista stadsdelsnämnd",
                          "administration": "Rinkeby-Kista stadsdelsförvaltning",
                          "signatory": {"name": "Maria Lindqvist", "title": "stadsdelsdirektör", "signs_for": signs_for}}
    return data


def test_signatory_for_another_nämnd_of_the_same_kommun(tmp_path):
    # found by a trial: the kommun's name is in signs_for, but the nämnd is another one
    spec = spec_file(tmp_path, rinkeby("Spånga-Tensta stadsdelsnämnd i Stockholms stad"))
    (f,) = of(findings(spec), "party-signs-for")
    assert f.severity == "warning" and f.where == line_of(spec, "signs_for: Spånga-Tensta")
    assert "handlar genom Rinkeby-Kista stadsdelsnämnd" in f.message
    assert "Spånga-Tensta stadsdelsnämnd är inte den nämnd som beslutar om partnerskapet" in f.message
    assert '"Rinkeby-Kista stadsdelsnämnd i Stockholms stad"' in f.message
    assert line_of(spec, "committee: Rinkeby-Kista stadsdelsnämnd") in f.message


def test_misspelt_own_nämnd_asks_what_was_meant(tmp_path):
    for written in ("Rinkeby-Kista stadsdelsnämd i Stockholms stad", "Rinkeby-Kista stadsdelsnämd"):
        (f,) = of(findings(spec_file(tmp_path, rinkeby(written))), "party-signs-for")
        assert f"skriver under för {written}," in f.message
        assert "Menade du Rinkeby-Kista stadsdelsnämnd?" in f.message and f.hint.startswith("Menade du")


def test_misspelt_party_name_asks_what_was_meant(tmp_path):
    data = example_data()
    data["parties"][1]["signatory"]["signs_for"] = "föreningen Street Mindz"
    (f,) = of(findings(spec_file(tmp_path, data)), "party-signs-for")
    assert "Menade du Street Minds?" in f.message


def test_own_nämnd_in_every_form_signs_without_a_finding(tmp_path):
    for written in ("Rinkeby-Kista stadsdelsnämnd i Stockholms stad", "Rinkeby-Kista stadsdelsnämnden i Stockholms stad",
                    "Stockholms stad genom Rinkeby-Kista stadsdelsnämnd", "Rinkeby-Kista stadsdelsnämnd", "Stockholms stad"):
        assert of(findings(spec_file(tmp_path, rinkeby(written))), "party-signs-for") == [], written


def test_the_kommun_in_the_genitive_with_its_own_nämnd_signs_without_a_finding(tmp_path):
    """"Stockholms stads Rinkeby-Kista stadsdelsnämnd" is the party's own nämnd, said the Swedish way; it
    was taken for a misspelling ('Menade du …? rätta stavningen'). Another nämnd so is still found."""
    for written in ("Stockholms stads Rinkeby-Kista stadsdelsnämnd", "Rinkeby-Kista stadsdelsnämnd, Stockholms stads"):
        assert of(findings(spec_file(tmp_path, rinkeby(written))), "party-signs-for") == [], written
    (f,) = of(findings(spec_file(tmp_path, rinkeby("Stockholms stads Spånga-Tensta stadsdelsnämnd"))), "party-signs-for")
    assert "Spånga-Tensta stadsdelsnämnd är inte den nämnd som beslutar" in f.message
    assert "Menade du" not in f.message


def test_another_organ_of_a_region(tmp_path):
    import yaml

    from helpers import ROOT

    data = yaml.safe_load((ROOT / "tests" / "generic" / "region-tva-foreningar.yaml").read_text(encoding="utf-8"))
    assert of(findings(spec_file(tmp_path, data)), "party-signs-for") == []
    data["parties"][0]["signatory"]["signs_for"] = "regionstyrelsen i Region Exempelland"
    (f,) = of(findings(spec_file(tmp_path, data)), "party-signs-for")
    assert "handlar genom hälso- och sjukvårdsnämnden" in f.message and "regionstyrelsen är inte den nämnd" in f.message


def test_a_new_representative_signing_for_another_party(tmp_path):
    data = example_data()
    data["parties"][1]["representatives"][0]["signatory"]["signs_for"] = "föreningen Street Mindz"
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "party-signs-for")
    assert "Sara Ahmadi skriver under för föreningen Street Mindz" in f.message and "Menade du Street Minds?" in f.message
    assert f.where == line_of(spec, "signs_for: föreningen Street Mindz")


# --- a final document signed for the wrong nämnd (trial4, item 2)


def final(data: dict) -> dict:
    data["document"]["status"] = "slutlig"
    return data


def test_another_nämnd_is_an_error_in_a_final_document(tmp_path):
    spec = spec_file(tmp_path, final(rinkeby("Spånga-Tensta stadsdelsnämnd i Stockholms stad")))
    (f,) = of(findings(spec), "party-signs-for")
    assert f.severity == "error" and f.where == line_of(spec, "signs_for: Spånga-Tensta")
    assert "Spånga-Tensta stadsdelsnämnd är inte den nämnd som beslutar om partnerskapet" in f.message
    assert f.message.endswith("Dokumentet är slutligt (document.status: slutlig): en underskrift för fel nämnd "
                              "binder inte parten, så det byggs inte.")


def test_another_nämnd_without_the_kommun_is_an_error_in_a_final_document(tmp_path):
    (f,) = of(findings(spec_file(tmp_path, final(rinkeby("Spånga-Tensta stadsdelsnämnd")))), "party-signs-for")
    assert f.severity == "error" and "Menade du" not in f.message


def test_a_misspelt_own_nämnd_stays_a_warning_in_a_final_document(tmp_path):
    for written in ("Rinkeby-Kista stadsdelsnämd i Stockholms stad", "Rinkebi-Kista stadsdelsnämnd"):
        (f,) = of(findings(spec_file(tmp_path, final(rinkeby(written)))), "party-signs-for")
        assert f.severity == "warning", written
        assert "Menade du Rinkeby-Kista stadsdelsnämnd?" in f.message


def test_a_nämnd_with_the_same_ending_is_another_nämnd_not_a_misspelling(tmp_path):
    """Östermalms and Norrmalms stadsdelsnämnd are 0.86 alike as a whole; they are two nämnder."""
    data = rinkeby("Östermalms stadsdelsnämnd i Stockholms stad")
    data["parties"][0]["committee"] = "Norrmalms stadsdelsnämnd"
    (f,) = of(findings(spec_file(tmp_path, final(data))), "party-signs-for")
    assert f.severity == "error" and "Menade du" not in f.message
    assert "Östermalms stadsdelsnämnd är inte den nämnd som beslutar" in f.message
    data["parties"][0]["signatory"]["signs_for"] = "Norrmalm stadsdelsnämnd i Stockholms stad"
    (f,) = of(findings(spec_file(tmp_path, final(data))), "party-signs-for")
    assert f.severity == "warning" and "Menade du Norrmalms stadsdelsnämnd?" in f.message


def test_another_party_by_name_stays_a_warning(tmp_path):
    """Not a nämnd: a name drafter cannot tell from a form of the party's own is never refused."""
    data = final(example_data())
    data["parties"][1]["signatory"]["signs_for"] = "Stiftelsen Gatans Röst"
    (f,) = of(findings(spec_file(tmp_path, data)), "party-signs-for")
    assert f.severity == "warning"


def test_a_final_document_for_the_wrong_nämnd_is_not_built(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from drafter.cli import main
    from helpers import copy_examples

    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "agreements" / "street-minds-2023.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("signs_for: socialnämnden i Stockholms stad",
                                 "signs_for: kulturnämnden i Stockholms stad"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "agreements/street-minds-2023.yaml"])
    assert result.exit_code == 1, result.output
    assert "fel [party-signs-for]" in result.output and "kulturnämnden är inte den nämnd" in result.output
    assert not (tmp_path / "output" / "street-minds-2023").exists()


def test_the_kommun_acting_through_another_nämnd_than_the_specs_names_the_nämnd(tmp_path):
    """Trial 10: `committee:` changed, the text still says "Stockholms stad, genom äldrenämnden": the message
    says which nämnd the text and the spec name, never that the number "belongs to" the name the text has."""
    data = example_data()
    data["parties"][0].update(name="Stockholms stad", kind="kommun", committee="omsorgsnämnden")
    data["outline"].append("test/parter")
    spec = spec_file(tmp_path, data)
    found = findings(spec, library_with(tmp_path, {"test/parter": (
        "Stockholms stad, genom äldrenämnden, organisationsnummer 212000-0142, nedan kallad kommunen.")}))
    (f,) = of(found, "party-mismatch")
    assert "står att Stockholms stad handlar genom äldrenämnden" in f.message
    assert "specen anger nämnden omsorgsnämnden" in f.message and line_of(spec, "committee: omsorgsnämnden") in f.message
    assert "hör till" not in f.message
    same = findings(spec, library_with(tmp_path / "b", {"test/parter": (
        "Stockholms stad, genom omsorgsnämnden, organisationsnummer 212000-0142, nedan kallad kommunen.")}))
    assert of(same, "party-mismatch") == []
