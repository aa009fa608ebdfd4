"""Structure from layout in plain text (a PDF's text): the failures issue 18 saw on a document import
had never seen — invented headings from wrapped lines, words split at line ends and page breaks,
officials read as headings, ids cut mid-word — each as a small example."""

from pathlib import Path

import yaml

from drafter.importer import import_file
from drafter.importer.emit import slug

TEXT = """\
Tjänsteutlåtande Dnr SDN 2021/88

Sjöviks stadsdelsförvaltning
Avdelningen för individ- och familjeomsorg
Tjänsteutlåtande
2021-09-14
Till Sjöviks stadsdelsnämnd

Idéburet offentligt partnerskap med Föreningen Ljusglimten

Förslag till beslut
1. Sjöviks stadsdelsnämnd beslutar att ingå ett idéburet offentligt partnerskap med
Föreningen Ljusglimten för perioden 1 januari 2022 till och med 31 december 2022.
2. Sjöviks stadsdelsnämnd ger stadsdelsdirektören i uppdrag att teckna överenskommelsen.

Karin Ekholm    Tomas Widén
Stadsdelsdirektör    Avdelningschef

Sammanfattning
Förvaltningen föreslår ett partnerskap med Föreningen Ljusglimten om stöd till
ensamma äldre i Sjövik. Sjöviks stadsdelsförvaltning har budgeterat för
150 000 kronor för året.

Sida 1 (2)
Tjänsteutlåtande Dnr SDN 2021/88

Ärendet
Föreningen har i flera år arbetat med besöksverksamhet och telefonkontakt med
äldre i Sjövik-
Strand och har ett väl förankrat nätverk av frivilliga. Verksam-
heten ska nu utvecklas i samarbete med förvaltningen.

Ekonomi
Besöksverksamhet (samordning, introduktion och handledning av frivilliga
besökare samt resor inom stadsdelsområdet) 100 000 kr
Telefonkontakt 50 000 kr

Sida 2 (2)
"""


def imported(tmp_path: Path, name: str = "ljusglimten"):
    source = tmp_path / "utlatande.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = import_file(source, name=name, clauses_dir=tmp_path / "clauses", agreements_dir=tmp_path / "agreements")
    return result, yaml.safe_load(result.spec_path.read_text(encoding="utf-8"))


def headings(result) -> list[str]:
    out = []
    for folder in sorted(result.clause_dir.iterdir()):
        meta = (folder / "v1.md").read_text(encoding="utf-8").split("\n---\n")[0]
        out.append(yaml.safe_load(meta.removeprefix("---\n"))["heading"])
    return sorted(out)


def test_no_heading_from_a_wrapped_line_or_the_officials(tmp_path):
    result, spec = imported(tmp_path)
    assert headings(result) == sorted(["Förslag till beslut", "Sammanfattning", "Ärendet", "Ekonomi"])
    assert spec["proposal"]["officials"] == [{"name": "Karin Ekholm", "title": "Stadsdelsdirektör"},
                                             {"name": "Tomas Widén", "title": "Avdelningschef"}]


def test_page_furniture_dropped_and_words_joined(tmp_path):
    result, _ = imported(tmp_path)
    text = (result.clause_dir / "arendet" / "v1.md").read_text(encoding="utf-8")
    assert "Sjövik-Strand och har" in text  # a compound name kept whole over the line end
    assert "Verksamheten ska nu" in text  # a word hyphenated at the line end joined
    assert "Sida" not in text and "Dnr" not in text
    summary = (result.clause_dir / "sammanfattning" / "v1.md").read_text(encoding="utf-8")
    # the rows' sum, stated in prose: the spec's budget, "kronor" as the source wrote it
    assert "budgeterat för {{ budget.total | tal }} kronor för året" in summary


def test_parties_period_budget_from_the_text(tmp_path):
    result, spec = imported(tmp_path)
    public, partner = spec["parties"]
    assert (public["name"], public["kind"], public["committee"]) == (
        "Sjöviks stadsdelsförvaltning", "stadsdelsförvaltning", "Sjöviks stadsdelsnämnd")
    assert (partner["name"], partner["sector"]) == ("Föreningen Ljusglimten", "idéburen")
    assert str(spec["period"]["start"]) == "2022-01-01" and str(spec["period"]["end"]) == "2022-12-31"
    assert [(r["item"], r["amount"]) for r in spec["budget"]["rows"]] == [
        ("Besöksverksamhet (samordning, introduktion och handledning av frivilliga besökare samt resor inom "
         "stadsdelsområdet)", 100000), ("Telefonkontakt", 50000)]
    assert spec["document"]["diarienummer"] == "SDN 2021/88"
    assert str(spec["proposal"]["date"]) == "2021-09-14"
    report = "\n".join(result.report())
    assert "förslag till beslut: 2 beslutspunkter" in report


def test_the_spec_says_where_values_were_found(tmp_path):
    result, _ = imported(tmp_path)
    text = result.spec_path.read_text(encoding="utf-8")
    assert "- name: Sjöviks stadsdelsförvaltning  # namnet ur brevhuvudet" in text
    assert "budget:  # tabellen, rad" in text
    assert "officials:  # namnen och titlarna under förslaget till beslut" in text


def test_short_ids_cut_at_a_word():
    assert slug("Enskede-Årsta-Vantörs stadsdelsförvaltning har budgeterat för verksamheten") == \
        "enskede-arsta-vantors"  # 42 characters with the next word: cut before it
    assert len(slug("Ett mycket långt rubrikord " * 5)) <= 40
    assert slug("Ekonomisk ersättning") == "ekonomisk-ersattning"


def test_a_total_in_prose_that_differs_from_the_rows_is_reported(tmp_path):
    source = tmp_path / "utlatande.txt"
    source.write_text(TEXT.replace("budgeterat för\n150 000 kronor", "budgeterat för\n180 000 kronor"), encoding="utf-8")
    result = import_file(source, name="x", clauses_dir=tmp_path / "clauses", agreements_dir=tmp_path / "agreements")
    spec = yaml.safe_load(result.spec_path.read_text(encoding="utf-8"))
    assert sum(r["amount"] for r in spec["budget"]["rows"]) == 150000  # the rows as written
    missing = "\n".join(result.recognised.missing)
    assert "budgetens summa: texten anger 180 000 kronor" in missing and "150" in missing
