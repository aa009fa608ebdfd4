"""placeholder: unfilled text in the documents."""

from checks.support import findings, library_with, line_of, of, spec_file
from helpers import EXAMPLE, example_data


def test_example_has_no_placeholders():
    assert of(findings(EXAMPLE), "placeholder") == []


def test_placeholders_in_a_clause(tmp_path):
    data = example_data()
    data["outline"].append("test/utfyllnad")
    spec = spec_file(tmp_path, data)
    body = ("Kontaktperson är [namn]. Beslut fattat den / 2026 i ärende NN. Belopp xxxx.\n\n"
            "TODO: skriv klart.")
    found = of(findings(spec, library_with(tmp_path, {"test/utfyllnad": body})), "placeholder")
    assert {f.message.split(":")[1].strip().split("'")[1] for f in found} >= {"[namn]", "den / 2026", "NN", "xxxx", "TODO"}
    assert all(f.severity == "error" and f.where == "test/utfyllnad@1" and f.document == "agreement" for f in found)


def test_a_spec_value_printed_as_typed_is_flagged_at_its_line(tmp_path):
    data = example_data()
    data["parties"][1]["name"] = "{{ förening }}"
    spec = spec_file(tmp_path, data)
    found = of(findings(spec), "placeholder")
    assert found and all(f.where == line_of(spec, "name: '{{ förening }}'") for f in found)
    assert "mallmarkering" in found[0].message


def test_a_spec_value_in_an_addendum_is_flagged_at_its_line_too(tmp_path):
    """The addendum names the signed agreement by its title, made from the parties' names: the
    model's provenance points there too, so the amended documents add no finding of their own."""
    data = example_data(amended=True)
    data["parties"][1]["name"] = "{{ förening }}"
    spec = spec_file(tmp_path, data)
    found = of(findings(spec), "placeholder")
    assert found and all(f.where == line_of(spec, "name: '{{ förening }}'") for f in found)


def test_a_date_still_to_fill_in_is_said_once_and_never_judged_as_2001(tmp_path):
    """review4: a slutlig spec with document.date: ÅÅÅÅ-MM-DD had findings about its stand-in: clause
    versions "fastställdes först efter dokumentets datum 2001-01-02", "Överenskommelsen är daterad
    2 januari 2001 … före tjänsteutlåtandet". The placeholder finding says what to fill in."""
    data = example_data()
    data["document"].update(status="slutlig", date="ÅÅÅÅ-MM-DD")
    data["proposal"]["date"] = "ÅÅÅÅ-MM-DD"
    found = findings(spec_file(tmp_path, data))
    assert {f.message.split("(")[0] for f in of(found, "placeholder")} >= {
        "Fältet document.date är inte ifyllt ", "Fältet proposal.date är inte ifyllt "}
    assert [f.message for f in found if "2001" in f.message] == []
