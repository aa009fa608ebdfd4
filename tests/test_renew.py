"""Renewing the 2026 Street Minds agreement for 2029–2030, as an official would: `drafter renew`."""

from __future__ import annotations

import shutil

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="drafter")


def library(tmp_path):
    """A copy of the clause library: a renewal writes draft versions into it."""
    copy = tmp_path / "clauses"
    if not copy.exists():
        shutil.copytree(CLAUSES, copy)
    return copy


def renewed(tmp_path, edit=None):
    agreements = tmp_path / "agreements"
    agreements.mkdir(parents=True)
    for spec in EXAMPLE.parent.glob("street-minds-*.yaml"):
        shutil.copy(spec, agreements / spec.name)
    if edit:
        spec = agreements / "street-minds-2026.yaml"
        spec.write_text(edit(spec.read_text(encoding="utf-8")), encoding="utf-8")
    result = run("renew", agreements / "street-minds-2026.yaml", "street-minds-2029", "--end", "2030-12-31",
                 "--clauses", library(tmp_path))
    assert result.exit_code == 0, result.output
    return agreements / "street-minds-2029.yaml", result.output


def test_the_renewal_carries_the_agreement_as_amended(tmp_path):
    path, _ = renewed(tmp_path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["renews"] == "street-minds-2026.yaml"
    assert [r["amount"] for r in data["budget"]["rows"]][0] == 890000  # Tillägg nr 1's budget, not 878 000
    # The ordförande from 1 december 2026 (parties.1.representatives): the one who signs the renewal.
    old = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert old["parties"][1]["representatives"][0]["signatory"]["name"] == "Sara Ahmadi"
    assert "parties.1.signatory" not in EXAMPLE.read_text(encoding="utf-8")  # data, not an amendment
    assert data["parties"][1]["signatory"] == {"name": "Sara Ahmadi", "title": "ordförande"}
    assert "representatives" not in data["parties"][1] and "decision" not in data  # the nämnd decides anew
    assert str(data["period"]["start"]) == "2029-01-01" and str(data["period"]["end"]) == "2030-12-31"
    assert str(data["period"]["renewal"]["max_end"]) == "2032-12-31"
    assert data["document"]["date"] == "ÅÅÅÅ-MM-DD" and "amendments" not in data
    # The point Tillägg nr 1 inserted (3.2 a Brukarråd) is a section of the new agreement.
    organisation = next(item for item in data["outline"] if isinstance(item, dict)
                        and item.get("clause", "").startswith("organisation/struktur"))
    inserted = [s for s in organisation["sections"] if isinstance(s, dict) and s.get("heading") == "Brukarråd"]
    assert inserted and "brukarråd" in data["texts"][inserted[0]["key"]]
    # Every clause pinned to the version the signed agreement used: no approval moves it silently.
    assert "villkor/period@2" in path.read_text(encoding="utf-8")
    assert "min_notice_months" not in data["period"]["renewal"]  # not written when the old spec has none


def test_a_figure_for_a_date_is_listed_with_the_clauses_that_say_it(tmp_path):
    """besokare_per_manad_2023 stands in three of the partnership's texts: the review names them (the versions
    the new spec uses), so an official knows what a new figure changes and what renaming it would touch
    (found by a new-user trial, who found them one `check` at a time)."""
    _, output = renewed(tmp_path)
    [line] = [line for line in output.splitlines() if "uppgiften besokare_per_manad_2023 gäller" in line]
    assert "(den står i street-minds/bakgrund@2, street-minds/tu-sammanfattning@3, street-minds/tu-bakgrund@3)" in line
    [line] = [line for line in output.splitlines() if "uppgiften tidigare_overenskommelse_slut gäller" in line]
    assert "(den står i street-minds/tu-bakgrund@3)" in line


def test_the_renewal_makes_the_kommun_the_party_and_keeps_the_texts(tmp_path):
    """A förvaltning cannot sign (party-legal-person): the renewal names Stockholms stad as the party,
    through socialnämnden, with Socialförvaltningen as förvaltning; the texts read as they did."""
    import docx

    path, output = renewed(tmp_path)
    public = yaml.safe_load(path.read_text(encoding="utf-8"))["parties"][0]
    assert public == {"name": "Stockholms stad", "sector": "offentlig", "kind": "kommun",
                      "organisationsnummer": "212000-0142", "committee": "socialnämnden",
                      "administration": "Socialförvaltningen", "signatory": public["signatory"]}
    assert "parten är nu Stockholms stad (kommun" in output and "kan inte ingå avtal" in output
    # The old clauses wrote {{ public.name }} for the förvaltning: drafts that write {{ forvaltning }}.
    assert "street-minds/bakgrund@2: ny version (utkast) av street-minds/bakgrund@1" in output
    draft = (tmp_path / "clauses" / "street-minds" / "bakgrund" / "v2.md").read_text(encoding="utf-8")
    assert "status: utkast" in draft and "{{ forvaltning | genitiv }} arbete" in draft
    assert "street-minds/bakgrund@2" in path.read_text(encoding="utf-8")
    checked = run("check", path, "--clauses", library(tmp_path))
    assert "[party-legal-person]" not in checked.output and "[party-signs-for]" not in checked.output
    path.write_text(path.read_text(encoding="utf-8").replace("ÅÅÅÅ-MM-DD", "2028-11-15"), encoding="utf-8")
    built = run("build", path, "--clauses", library(tmp_path), "-o", tmp_path / "out")
    assert built.exit_code == 0, built.output
    document = docx.Document(next((tmp_path / "out").rglob("*-overenskommelse.docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "mellan Stockholms stad och Street Minds" in text
    assert "Stockholms stad (organisationsnummer 212000-0142)" in text
    assert "Socialförvaltningen (organisationsnummer" not in text
    assert "Socialförvaltningens arbete inom Bostad Först" in text  # street-minds/bakgrund, as in 2026
    # A clause of the shared library is never copied into a partnership draft: it now names the kommun,
    # the party, and the review says so for each such clause.
    assert "Stockholms stad sammanställer rapporterna" in text
    shared = [p.relative_to(tmp_path / "clauses") for p in (tmp_path / "clauses").rglob("v*.md")
              if "street-minds" not in p.parts]
    assert sorted(shared) == sorted(p.relative_to(CLAUSES) for p in CLAUSES.rglob("v*.md") if "street-minds" not in p.parts)
    [line] = [line for line in output.splitlines() if "ur det gemensamma biblioteket skriver {{ public.name }}" in line]
    assert "villkor/uppsagning@1" in line and "organisation/styrgrupp@1" in line  # one line names them all
    # A second renewal reuses the drafts instead of writing more versions.
    again = run("renew", tmp_path / "agreements" / "street-minds-2026.yaml", "street-minds-2031", "--end",
                "2030-12-31", "--clauses", library(tmp_path))
    assert again.exit_code == 0 and not (tmp_path / "clauses" / "street-minds" / "bakgrund" / "v3.md").exists()


def test_a_forvaltning_whose_kommun_cannot_be_derived_stays_and_the_report_says_what_to_write(tmp_path):
    def anonymous(text):
        return (text.replace("    municipality: Stockholms stad\n", "")
                .replace("      signs_for: socialnämnden i Stockholms stad\n", "")
                .replace("organisationsnummer: 212000-0142", "organisationsnummer: 556036-0793"))
    path, output = renewed(tmp_path, anonymous)
    public = yaml.safe_load(path.read_text(encoding="utf-8"))["parties"][0]
    assert public["name"] == "Socialförvaltningen" and public["kind"] == "förvaltning"
    assert "kommunen kunde inte härledas" in output and "administration: Socialförvaltningen" in output
    assert "ny version (utkast)" not in output


@pytest.mark.parametrize("how, edit", [
    ("signs_for: socialnämnden i Stockholms stad", lambda text: text.replace("    municipality: Stockholms stad\n", "")),
    ("organisationsnumret 212000-0142 och texterna", lambda text: text.replace(
        "    municipality: Stockholms stad\n", "").replace("      signs_for: socialnämnden i Stockholms stad\n", "")
        .replace("\nfigures:", "\ntexts:\n  lokal: Lokalen hyrs av Stockholms stad.\nfigures:", 1)),
])
def test_the_kommun_is_derived_from_the_signatory_or_the_orgnr_and_the_texts(tmp_path, how, edit):
    path, output = renewed(tmp_path, edit)
    public = yaml.safe_load(path.read_text(encoding="utf-8"))["parties"][0]
    assert (public["name"], public["kind"], public["administration"]) == ("Stockholms stad", "kommun",
                                                                        "Socialförvaltningen")
    assert f"härlett ur {how}" in output


def test_the_renewal_keeps_the_specs_own_notice_limit(tmp_path):
    path, _ = renewed(tmp_path, lambda text: text.replace("notice_deadline: 09-30",
                                                          "notice_deadline: 09-30\n    min_notice_months: 2"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["period"]["renewal"]["min_notice_months"] == 2


def test_the_report_lists_what_to_review_with_file_and_line(tmp_path):
    path, output = renewed(tmp_path)
    review = output.split("Att göra")[1].split("Nyare klausulversioner")[0]
    lines = [line for line in review.splitlines() if line.startswith("  ")]
    stale = [line for line in lines if "2023" in line and "2025" in line]
    assert stale and all(":" in line.split()[0] for line in stale)
    assert any(line.startswith("  street-minds/bakgrund@2:") for line in stale)
    assert any("besokare_per_manad_2023" in line and f"{path.name}:" in line for line in lines)
    assert "villkor/period@2 → v3 (granskad)" in output  # a newer version to decide on, with its rationale


def test_check_warns_of_stale_years_until_the_texts_are_updated(tmp_path):
    path, _ = renewed(tmp_path)
    checked = run("check", path, "--clauses", library(tmp_path))
    stale = [line for line in checked.output.splitlines() if "[stale-year]" in line]
    assert any("street-minds/bakgrund@2" in line and "2023, 2025" in line for line in stale)
    assert any("malgrupp_tidpunkt" in line and "våren 2026" in line for line in stale)
    path.write_text(path.read_text(encoding="utf-8").replace("våren 2026", "våren 2028"), encoding="utf-8")
    again = [line for line in run("check", path, "--clauses", library(tmp_path)).output.splitlines() if "[stale-year]" in line]
    assert not any("malgrupp_tidpunkt" in line for line in again) and len(again) == len(stale) - 1


def test_the_examples_have_no_stale_year():
    checked = run("check", EXAMPLE.parent / "street-minds-2023.yaml", EXAMPLE, "--clauses", CLAUSES)
    assert "[stale-year]" not in checked.output


def test_renew_needs_an_end_and_never_overwrites(tmp_path):
    path, _ = renewed(tmp_path)
    again = run("renew", path.parent / "street-minds-2026.yaml", "street-minds-2029", "--end", "2030-12-31",
                "--clauses", library(tmp_path))
    assert again.exit_code == 2 and "finns redan" in again.output
    no_end = run("renew", path.parent / "street-minds-2026.yaml", "x-2029", "--clauses", library(tmp_path))
    assert no_end.exit_code == 2 and "--end ÅÅÅÅ-MM-DD eller --months N" in no_end.output
    both = run("renew", path.parent / "street-minds-2026.yaml", "x-2029", "--end", "2030-12-31", "--months", "24",
               "--clauses", library(tmp_path))
    assert both.exit_code == 2 and "inte båda" in both.output and "Traceback" not in both.output
    assert not (path.parent / "x-2029.yaml").exists()
    assert again.output.count("street-minds-2029.yaml") == 1  # the file named once, where the error is


def test_a_spec_named_as_the_web_page_shows_it_is_pointed_at(tmp_path, monkeypatch):
    """`drafter renew street-minds-2026 …` and `drafter check street-minds-2026`: the file is not there, and
    the message names the spec that is (found by a new-user trial)."""
    monkeypatch.chdir(EXAMPLE.parent.parent)
    for command in (["renew", "street-minds-2026", "x-2029", "--months", "24"], ["check", "street-minds-2026"]):
        result = run(*command)
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert "Filen kan inte läsas (filen finns inte)" in result.output
        assert "Menade du agreements/street-minds-2026.yaml?" in result.output
    assert not (EXAMPLE.parent / "x-2029.yaml").exists()


def _amended_spec(tmp_path, outline, changes):
    """The 2026 example with this outline and one tillägg of these changes (written as spec.yaml)."""
    import copy

    from helpers import example_data, write_spec

    data = example_data(amended=True)
    data["outline"] = outline
    data["amendments"] = [{**copy.deepcopy(data["amendments"][0]), "changes": changes}]
    return write_spec(tmp_path, data, "gammal-2026.yaml")


def _renew(spec, tmp_path):
    from drafter.clauses.library import ClauseLibrary
    from drafter.renew import renew

    made = renew(spec, "ny-2029", tmp_path / "agreements", ClauseLibrary(library(tmp_path)), end=__import__("datetime").date(2030, 12, 31))
    return yaml.safe_load(made.path.read_text(encoding="utf-8"))


def test_two_sections_with_one_heading_renew_as_two_points(tmp_path):
    """Point 6.2 is in the second of two sections headed "Villkor": the renewal changes that one, not
    the first section with the heading (as the amendment itself does, by number and occurrence)."""
    from helpers import example_data

    outline = example_data()["outline"]
    villkor = next(i for i, item in enumerate(outline) if isinstance(item, dict) and item.get("heading") == "Villkor")
    first, second = outline[villkor]["sections"][:5], outline[villkor]["sections"][5:]
    outline = [*outline[:villkor], {"heading": "Villkor", "sections": first},
               {"heading": "Villkor", "sections": second}, *outline[villkor + 1:]]
    spec = _amended_spec(tmp_path, outline, [{"replace": "6.2", "text": "Ny lydelse om återkrav."},
                                             {"remove": "5.1"}])
    data = _renew(spec, tmp_path)
    one, two = [item for item in data["outline"] if isinstance(item, dict) and item.get("heading") == "Villkor"]
    assert [str(s).partition("@")[0] for s in one["sections"]] == [str(s).partition("@")[0] for s in first[1:]]
    replaced = two["sections"][1]
    assert isinstance(replaced, dict) and data["texts"][replaced["key"]] == "Ny lydelse om återkrav."
    assert [str(s).partition("@")[0] for i, s in enumerate(two["sections"]) if i != 1] == \
        [str(s).partition("@")[0] for i, s in enumerate(second) if i != 1]
    # repealing point 6, the second "Villkor" as a whole, leaves the first one
    (tmp_path / "b").mkdir()
    data = _renew(_amended_spec(tmp_path / "b", outline, [{"remove": "6"}]), tmp_path / "b")
    kept = [item for item in data["outline"] if isinstance(item, dict) and item.get("heading") == "Villkor"]
    assert [[str(s).partition("@")[0] for s in k["sections"]] for k in kept] == [[str(s).partition("@")[0] for s in first]]


def test_a_clause_used_twice_renews_as_two_points(tmp_path):
    from helpers import example_data

    outline = example_data()["outline"]
    outline.insert(-1, {"heading": "Bilaga om informationsspridning", "sections": ["parter/informationsspridning"]})
    spec = _amended_spec(tmp_path, outline, [{"replace": "6.1", "text": "Informationen sprids i samråd."}])
    data = _renew(spec, tmp_path)
    bilaga = next(item for item in data["outline"] if isinstance(item, dict)
                  and item.get("heading") == "Bilaga om informationsspridning")
    assert data["texts"][bilaga["sections"][0]["key"]] == "Informationen sprids i samråd."
    text = yaml.safe_dump(data["outline"][:-2], allow_unicode=True)
    assert "parter/informationsspridning@" in text  # point 2.8 keeps its clause


def test_the_report_flags_other_periods_that_ended_and_other_amounts(tmp_path):
    """An own contribution and another IOP's period were true of the old agreement: the report says so."""
    def declare(text):
        return text.replace("\nfigures:", "\nother_amounts:\n  egen_insats: {amount: 150000, kind: egen insats}\n"
                                          "other_periods:\n"
                                          "  kulturiop: {start: 2021-06-01, end: 2027-05-31, kind: annan överenskommelse}\n"
                                          "  arvsfonden: {start: 2027-01-01, end: 2031-12-31, kind: annan finansiering}\n"
                                          "figures:", 1)
    path, output = renewed(tmp_path, declare)
    review = output.split("Att göra")[1].split("Att känna till")[0]  # each is to be updated or removed
    lines = [line for line in review.splitlines() if "kulturiop" in line or "egen_insats" in line
             or "arvsfonden" in line]
    assert any("kulturiop slutar 31 maj 2027, före den nya periodens start 1 januari 2029" in line
               and f"{path.name}:" in line for line in lines), review
    assert not any("arvsfonden" in line for line in lines)  # it runs on into the new period
    assert any("beloppet egen_insats (egen insats)" in line and "150\u00a0000\u00a0kr" in line for line in lines), review


def test_stale_year_does_not_say_the_renewed_agreements_start(tmp_path):
    # "före den förnyade överenskommelsens start (2026)" read as the new agreement, which starts 2029.
    path, _ = renewed(tmp_path)
    stale = [line for line in run("check", path, "--clauses", library(tmp_path)).output.splitlines() if "[stale-year]" in line]
    bakgrund = next(line for line in stale if "street-minds/bakgrund@2" in line)
    assert "före 2026 då den överenskommelse som nu förnyas började" in bakgrund
    assert "förnyade överenskommelsens" not in "\n".join(stale)


def test_a_date_figure_of_the_old_period_is_stale_until_updated(tmp_path):
    # The renewed proposal said "Den nuvarande överenskommelsen löper ut den 30 juni 2026" in a renewal
    # for 2029: renew listed the figure, check said nothing.
    path, _ = renewed(tmp_path)
    stale = [line for line in run("check", path, "--clauses", library(tmp_path)).output.splitlines() if "[stale-year]" in line]
    (line,) = [line for line in stale if "tidigare_overenskommelse_slut" in line]
    assert "är 30 juni 2026, före 1 juli 2026 då den överenskommelse som nu förnyas började" in line
    path.write_text(path.read_text(encoding="utf-8").replace("tidigare_overenskommelse_slut: 2026-06-30",
                                                             "tidigare_overenskommelse_slut: 2028-12-31"),
                    encoding="utf-8")
    again = run("check", path, "--clauses", library(tmp_path)).output
    assert "tidigare_overenskommelse_slut" not in again


def test_compare_shows_the_renewals_decision_as_not_yet_taken(tmp_path):
    """`drafter compare` of the 2026 agreement with its renewal: the nämnd decides the renewal later, so its
    decision reads "(ännu inte beslutat)", never "–" as if it were removed."""
    path, _ = renewed(tmp_path)
    result = run("compare", path.parent / "street-minds-2026.yaml", path, "--clauses", library(tmp_path))
    assert result.exit_code == 0, result.output
    lines = [line.split() for line in result.output.splitlines() if line.strip().startswith("Beslut:")]
    assert [" ".join(words) for words in lines] == [
        "Beslut: nämnd socialnämnden → (ännu inte beslutat)",
        "Beslut: tak 1 000 000 kr per år → (ännu inte beslutat)",
        "Beslut: senast till 2028-12-31 → (ännu inte beslutat)",
        "Beslut: delegation till socialdirektören lydelse, budget → (ännu inte beslutat)"]


def test_compare_of_the_examples_shows_the_decision_2026_added():
    result = run("compare", EXAMPLE.parent / "street-minds-2023.yaml", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert [" ".join(line.split()) for line in result.output.splitlines() if "Beslut: nämnd" in line] == [
        "Beslut: nämnd – → socialnämnden"]


def test_the_html_comparison_shows_the_pending_decision_neither_inserted_nor_deleted(tmp_path):
    path, _ = renewed(tmp_path)
    out = tmp_path / "jamforelse.html"
    result = run("compare", path.parent / "street-minds-2026.yaml", path, "--clauses", library(tmp_path),
                 "--format", "html", "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<tr><td>Beslut: nämnd</td><td><del>socialnämnden</del></td><td><em>(ännu inte beslutat)</em></td></tr>" in page


def test_the_renewed_spec_keeps_the_comments_of_the_fields_it_keeps(tmp_path, monkeypatch):
    """An official's `# …` comments stay with the fields the renewal keeps, and go with the ones it removes
    (found by a new-user trial); what the spec says, and the report, are as without them."""
    import re

    from drafter.spec import yaml_keep
    from drafter.spec.yaml_reader import read_yaml
    from drafter.spec.yaml_write import dump_new

    path, output = renewed(tmp_path / "kept")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "  date: ÅÅÅÅ-MM-DD" in lines and "renews: street-minds-2026.yaml" in lines  # changed: their comments
    assert "    notice_deadline: 09-30  # uppsägning senast 30 september varje år" in lines  # kept: its comment
    assert "  place: Stockholm          # ort för undertecknandet" in lines
    assert lines[lines.index("outline:") - 1].startswith("# eller id@version; heading: ger ett avsnitt")
    assert lines[lines.index("proposal:") - 1].startswith("# (syfte och mål, målgrupp, åtaganden")
    assert "  # handlaggare: {name: ..., phone: ...}   # visas i sidhuvudet när de anges" in lines
    assert "    - {item: Personal, amount: 890000}" in lines  # the row as written, with Tillägg nr 1's amount
    # decision:, amendments:, acknowledge:, representatives: go, with their comments; so does the
    # placeholder "# name: ..." now that the renewal names the ordförande. The nämnd decides anew: the
    # decision: block of `drafter new` stands commented in its place, to fill in.
    for gone in ("ersättningen om 1 000 000 kr för 12 månader", "Tillägg till överenskommelsen", "budgeten för 2027",
                 "nya företrädare", "# name: ...", "Varningar som specen behåller"):
        assert gone not in text
    assert "# decision:" in lines and "decision" not in yaml.safe_load(text)
    assert text.index("# Överst i street-minds-2026.yaml stod:") < text.index("# Förnyad överenskommelse om idéburet")

    monkeypatch.setattr(yaml_keep, "rewrite", lambda old, data, head, name, dropped, *_: head + dump_new(data))
    before, printed = renewed(tmp_path / "before")
    assert read_yaml(path)[0] == read_yaml(before)[0]
    numbers = re.compile(r"(street-minds-2029\.yaml):\d+")
    told = [line for line in output.splitlines() if "kommentaren som stod vid det gamla värdet" not in line]
    assert len(told) == len(output.splitlines()) - 2  # renews: and document.date: changed, their comments told
    assert numbers.sub(r"\1", "\n".join(told)) == numbers.sub(r"\1", printed.rstrip("\n")).replace(
        str(tmp_path / "before"), str(tmp_path / "kept"))
    positions = read_yaml(path)[1]
    for field in ("besokare_per_manad_2023", "tidigare_overenskommelse_slut"):
        said = int(re.search(rf"street-minds-2029\.yaml:(\d+): uppgiften {field}", output).group(1))
        assert said == positions[("figures", field)][0] and lines[said - 1].startswith(f"  {field}:")
    said = int(re.search(r"street-minds-2029\.yaml:(\d+): parten är nu", output).group(1))
    assert lines[said - 1] == "  - name: Stockholms stad"


def groups(output: str) -> dict[str, list[str]]:
    """The report's groups as `drafter renew` prints them: heading → its lines."""
    found: dict[str, list[str]] = {}
    for block in output.split("\n\n"):
        heading, *lines = block.splitlines()
        found[heading.split(" (")[0].split(" innan")[0].rstrip(":")] = [line.strip() for line in lines]
    return found


def test_the_report_says_what_to_do_apart_from_what_to_know(tmp_path):
    """Must-do (dates, figures for a date, a draft version to approve, the nämnd's new decision, a
    signatory to name) apart from what is for information (texts naming years, the party as moved, newer
    clause versions), each with its file and line (a new-user trial found them mixed in one list)."""
    def unnamed(text):  # no representatives: Street Minds' ordförande is not named in the old spec
        return text.replace("    representatives:        # nya företrädare: undertecknar det som dateras från och med since\n"
                            "      - since: 2026-12-01\n        signatory: {name: Sara Ahmadi, title: ordförande}\n", "")
    path, output = renewed(tmp_path, unnamed)
    found = groups(output)
    todo, know = found["Att göra"], found["Att känna till"]
    lines = path.read_text(encoding="utf-8").splitlines()

    def line_of(item: str) -> str:
        return lines[int(item.split(":")[1]) - 1]

    dates = [item for item in todo if "datum: \"date: ÅÅÅÅ-MM-DD\"" in item]
    assert [item.split(": ")[1] for item in dates] == ["fyll i överenskommelsens datum", "fyll i tjänsteutlåtandets datum"]
    assert all(line_of(item).strip().startswith("date: ÅÅÅÅ-MM-DD") for item in dates)
    [signatory] = [item for item in todo if "undertecknar för Street Minds" in item]
    assert line_of(signatory).strip() == "title: ordförande" and signatory.endswith('"title: ordförande"')
    assert any(item.startswith("street-minds/bakgrund@2: ny version (utkast)") for item in todo)
    assert any("uppgiften besokare_per_manad_2023 gäller en viss tidpunkt" in item for item in todo)
    # the new decision goes into the new spec; the old one is quoted as the old one, not as what to write
    [decision] = [item for item in todo if "skriv in det nya beslutet" in item]
    assert line_of(decision) == "# decision:" and "det förra var: \"" in decision  # offered commented, to fill in
    assert any("parten är nu Stockholms stad" in item for item in know)
    assert any(item.startswith("street-minds/bakgrund@2:14: klausulen street-minds/bakgrund nämner ett årtal")
               for item in know)
    assert "villkor/period@2 → v3 (granskad)" in " ".join(know) and " → v" not in " ".join(todo)
    assert not set(todo) & set(know)
    assert output.rstrip().endswith(f"Gör det som står under Att göra och kör `drafter check {path}`.")


def test_a_version_approved_for_another_kommun_does_not_enter_the_renewal(tmp_path):
    """renew reads the old spec as `build` does: plain ids resolve for its own public party (and its lock).
    parter/vardegrund@2 approved for Åsby kommun only is not the version Stockholms stad's agreement uses;
    renew took it anyway, and stopped (exit 1) on a reference of v2 to a clause the agreement lacks."""
    clauses = library(tmp_path)
    approved = run("clauses", "approve", "parter/vardegrund@2", "--av", "Kommunstyrelsen i Åsby kommun",
                   "--för", "Åsby kommun", "--datum", "2026-11-20", "--clauses", clauses,
                   "--agreements", tmp_path / "none")
    assert approved.exit_code == 0, approved.output
    path, output = renewed(tmp_path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "parter/vardegrund@1" in yaml.safe_dump(data["outline"], allow_unicode=True)
    # the newer version is offered as what it is: fastställd for Åsby kommun, not for this party
    (offered,) = [line for line in output.splitlines() if "parter/vardegrund@1 → v2" in line]
    assert "(fastställd för hela Åsby kommun, inte för socialnämnden i Stockholms stad)" in offered
    assert "parter/vardegrund@2" not in yaml.safe_dump(data["outline"], allow_unicode=True)


def test_the_extension_limit_moves_by_whole_years_across_a_leap_day(tmp_path):
    """Region Exempelland's agreement runs to 31 March 2028 and may be extended a year at a time to
    31 March 2031. Renewed to 31 March 2033, it may be extended to 31 March 2036: the limit moved by the
    days between the two ends (one leap day fewer) and gave 30 March 2036, which check then refused
    (period-renewal: one-year extensions from 31 March cannot end on 30 March)."""
    from helpers import ROOT

    agreements = tmp_path / "agreements"
    agreements.mkdir()
    shutil.copy(ROOT / "tests" / "generic" / "region-tva-foreningar.yaml", agreements)
    result = run("renew", agreements / "region-tva-foreningar.yaml", "region-2031", "--end", "2033-03-31",
                 "--clauses", library(tmp_path))
    assert result.exit_code == 0, result.output
    path = agreements / "region-2031.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert str(data["period"]["start"]) == "2031-04-01"
    assert str(data["period"]["renewal"]["max_end"]) == "2036-03-31"
    path.write_text(path.read_text(encoding="utf-8").replace("ÅÅÅÅ-MM-DD", "2031-03-01"), encoding="utf-8")
    checked = run("check", path, "--clauses", library(tmp_path))
    assert "[period-renewal]" not in checked.output, checked.output


def test_a_comment_next_to_a_value_the_renewal_changes_goes_into_the_report_with_the_old_value(tmp_path):
    """`start: 2029-01-01  # första perioden 2026` lied: the old comment kept next to the new value. The
    comment is left out of the new spec and told under Att känna till, with the line it stood on."""
    path, output = renewed(tmp_path, lambda text: text.replace("  start: 2026-07-01\n",
                                                               "  start: 2026-07-01   # första perioden 2026\n", 1))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "  start: 2029-01-01" in lines and "första perioden" not in "\n".join(lines)
    know = groups(output)["Att känna till"]
    [told] = [line for line in know if "första perioden 2026" in line]
    line = lines.index("  start: 2029-01-01") + 1
    assert told == (f"{path.as_posix()}:{line}: förnyelsen ändrade värdet, så kommentaren som stod vid det gamla "
                    "värdet är borttagen (skriv in den igen om den stämmer också nu); det stod: "
                    "\"start: 2026-07-01 # första perioden 2026\"")
    assert not any("notice_deadline" in x for x in know)  # a value kept keeps its comment, and is not told
    assert "    notice_deadline: 09-30  # uppsägning senast 30 september varje år" in lines
