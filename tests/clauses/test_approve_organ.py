"""Who may fastställa at all (trial 14): only an organ of the kommun — fullmäktige, a nämnd (kommunstyrelsen
too), an utskott — or someone deciding on a nämnd's delegation, who says whose (kommunallagen 6 kap. 37–38 §§,
7 kap. 5 §). A styrgrupp of the partnership, a förvaltning or a person's name was taken at its word and
written as "fastställd … för hela Umeå kommun"; now refused (exit 2, nothing written), and no tip leads there."""

import datetime as dt
import shutil

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from drafter.clauses.approve import ApprovalFieldError, new_approval
from drafter.clauses.front_matter import Approval
from drafter.clauses.library import ClauseLibrary
from drafter.clauses.scope import Scope, not_an_organ, scope_of
from helpers import CLAUSES, EXAMPLE

DAY = dt.date(2026, 11, 20)
REF = "villkor/belastningsregister@2"
UMEA = "Umeå kommun"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The library and the 2026 example made a spec of fritidsnämnden in Umeå kommun (as the trial's)."""
    (tmp_path / "agreements").mkdir()
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    monkeypatch.chdir(tmp_path)
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    public = data["parties"][0]
    public.update({"name": UMEA, "kind": "kommun", "organisationsnummer": "212000-2726",
                   "committee": "fritidsnämnden", "administration": "fritidsförvaltningen"})
    public["signatory"]["signs_for"] = "fritidsnämnden i Umeå kommun"
    (tmp_path / "agreements" / "umea.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                       encoding="utf-8")
    return tmp_path


def files(root):
    return {p: p.read_bytes() for p in (root / "clauses").rglob("*") if p.is_file()}


NOT_ORGANS = ["Styrgruppen för partnerskapet", "Socialförvaltningen", "Anna Svensson", "socialdirektören"]


@pytest.mark.parametrize("by", NOT_ORGANS)
@pytest.mark.parametrize("committee", [[], ["--för-nämnd", "fritidsnämnden"]])
def test_no_styrgrupp_förvaltning_or_person_approves_for_the_kommun(project, by, committee):
    """The trial's commands exited 0: "fastställd av Styrgruppen för partnerskapet … för hela Umeå kommun"."""
    before = files(project)
    result = run("clauses", "approve", REF, "--av", by, "--för", UMEA, *committee, "--datum", "2026-11-20")
    assert result.exit_code == 2, result.output
    assert f"{by} är inget organ i kommunen" in result.output
    assert "kommunallagen 6 kap. 37–38 §§" in result.output
    assert "Traceback" not in result.output
    tip = result.output.split("Tips:", 1)[1]
    assert f'--av "{by}"' not in tip and f'--av "{by} i' not in tip  # never the non-organ as it stands
    assert '--av "Kommunfullmäktige i Umeå kommun"' in tip
    assert files(project) == before


@pytest.mark.parametrize("by", NOT_ORGANS)
def test_with_spec_too(project, by):
    """`--spec … --ja` (as the trial ran it): refused before any version is listed or written."""
    before = files(project)
    result = run("clauses", "approve", "--spec", "agreements/umea.yaml", "--av", by, "--för", UMEA,
                 "--datum", "2026-11-20", "--ja")
    assert result.exit_code == 2, result.output
    assert "inget organ i kommunen" in result.output and "fastställd av" not in result.output
    assert files(project) == before


def test_without_för_the_tip_never_suggests_a_styrgrupp(project):
    """Without --för the tip said `--av "Styrgruppen för partnerskapet i Umeå kommun"`, which then passed."""
    result = run("clauses", "approve", "--spec", "agreements/umea.yaml", "--av", "Styrgruppen för partnerskapet",
                 "--datum", "2026-11-20", "--ja")
    assert result.exit_code == 2, result.output
    assert "Styrgruppen för partnerskapet i Umeå kommun" not in result.output
    assert "inte heller på delegation" in result.output
    with pytest.raises(ApprovalFieldError):
        new_approval("Styrgruppen för partnerskapet i Umeå kommun", DAY)


def test_an_official_says_on_whose_delegation_and_the_approval_holds(project):
    """The tip for an official shows the form; following it writes an approval for fritidsnämnden."""
    refused = run("clauses", "approve", REF, "--av", "Fritidschefen", "--för", UMEA, "--för-nämnd", "fritidsnämnden",
                  "--datum", "2026-11-20")
    assert refused.exit_code == 2
    assert '--av "Fritidschefen på delegation av fritidsnämnden i Umeå kommun"' in refused.output, refused.output
    ok = run("clauses", "approve", REF, "--av", "Fritidschefen på delegation av fritidsnämnden i Umeå kommun",
             "--datum", "2026-11-20")
    assert ok.exit_code == 0, ok.output
    assert "för fritidsnämnden i Umeå kommun" in ok.output
    clause = ClauseLibrary(project / "clauses").get(REF)
    assert clause.meta.status == "fastställd"
    assert scope_of(clause.meta.approval) == Scope(UMEA, "fritidsnämnden")


@pytest.mark.parametrize(("by", "organisation", "committee", "scope"), [
    ("Fritidschefen på delegation av fritidsnämnden", UMEA, "fritidsnämnden", Scope(UMEA, "fritidsnämnden")),
    ("Fritidsnämndens arbetsutskott", UMEA, "fritidsnämnden", Scope(UMEA, "fritidsnämnden")),
    ("Kommundirektören på delegation av kommunstyrelsen i Umeå kommun", UMEA, None, Scope(UMEA, None)),
    ("Kommundirektören på delegation av kommunstyrelsen", UMEA, "fritidsnämnden", Scope(UMEA, "fritidsnämnden")),
    ("Fritidschefen i Umeå kommun på delegation av fritidsnämnden", None, None, Scope(UMEA, "fritidsnämnden")),
    ("Fritidschefen på delegation av fritidsnämnden", UMEA, None, Scope(UMEA, "fritidsnämnden")),
])
def test_delegates_and_utskott_that_may(by, organisation, committee, scope):
    """A delegate decides with the power of the nämnd that delegated, and only that far."""
    assert scope_of(new_approval(by, DAY, organisation, committee)) == scope


@pytest.mark.parametrize(("by", "said"), [
    ("Fritidschefen på delegation av socialnämnden", "kan inte fastställa för fritidsnämnden i Umeå kommun"),
    ("Fritidschefen på delegation", "anger delegation utan att säga av vem"),
    ("Fritidschefen på delegation av styrgruppen", "av styrgruppen, som inte är en nämnd"),
    ("Styrgruppen på delegation av fritidsnämnden", "inte heller på delegation"),
    ("Fritidschefen på delegation av Anna Svensson", "av Anna Svensson, som inte är en nämnd"),
])
def test_delegation_from_the_wrong_one_is_refused(by, said):
    with pytest.raises(ApprovalFieldError) as refused:
        new_approval(by, DAY, UMEA, "fritidsnämnden")
    assert said in refused.value.message, refused.value.message


def test_old_approvals_on_delegation_are_still_read():
    """Front matter written before this check: an official "på delegation", with or without applies_to."""
    named = Approval(by="Socialdirektören på delegation av socialnämnden i Stockholms stad", date=DAY)
    assert scope_of(named) == Scope("Stockholms stad", "socialnämnden")
    assert scope_of(named).covers(Scope("Stockholms stad", "Socialnämnden"))
    scoped = Approval.model_validate({"by": "Socialdirektören på delegation", "date": DAY,
                                      "applies_to": {"organisation": "Stockholms stad", "committee": "socialnämnden"}})
    assert scope_of(scoped) == Scope("Stockholms stad", "socialnämnden")


def test_old_clause_file_by_an_official_on_delegation_builds_into_list(project):
    """A clause file fastställd "på delegation" (old form) is read; `drafter clauses list` shows it."""
    path = project / "clauses" / "villkor" / "belastningsregister" / "v2.md"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\nstatus: ", 1)
    rest = rest.split("\n", 1)[1]
    path.write_text(head + "\nstatus: fastställd\napproval:\n  by: Socialdirektören på delegation\n  date: 2026-07-01\n"
                    "  applies_to: {organisation: Stockholms stad, committee: socialnämnden}\n" + rest, encoding="utf-8")
    clause = ClauseLibrary(project / "clauses").get(REF)
    assert clause.meta.approval.by == "Socialdirektören på delegation"
    assert scope_of(clause.meta.approval) == Scope("Stockholms stad", "socialnämnden")


def test_one_notion_of_organ_for_approvals_and_tillägg():
    """The check amendment-mandate and approve refuse the same bodies; a partnership named as context in
    parentheses ("(partnerskapet med Street Minds 2023)", as the library's own approvals have it) is no styrgrupp."""
    from drafter.checks import decision

    assert decision.not_an_organ is not_an_organ
    assert not_an_organ("Styrgruppen för partnerskapet") and not_an_organ("arbetsgruppen")
    assert not not_an_organ("Socialnämnden i Stockholms stad (partnerskapet med Street Minds 2023)")
    new_approval("Socialnämnden i Stockholms stad (partnerskapet med Street Minds 2023)", DAY)


@pytest.mark.parametrize("committee", [[], ["--för-nämnd", "fritidsnämnden"]])
def test_kommunstyrelsen_for_the_whole_kommun_and_for_one_nämnd_alike(project, committee):
    """Kommunstyrelsen's kommun-wide approval rests on fullmäktige's delegation, which also covers one nämnd:
    the broader was accepted and the narrower refused; now both are."""
    result = run("clauses", "approve", REF, "--av", "Kommunstyrelsen i Umeå kommun", "--för", UMEA, *committee,
                 "--datum", "2026-11-20")
    assert result.exit_code == 0, result.output
    whom = "fritidsnämnden i Umeå kommun" if committee else "hela Umeå kommun"
    assert f"fastställd av Kommunstyrelsen i Umeå kommun 2026-11-20 för {whom};" in result.output


def test_approving_again_says_there_is_nothing_to_do(project):
    """The tip said "skriv en ny version" to someone who only ran the same approval twice."""
    args = ("clauses", "approve", REF, "--av", "Fritidsnämnden i Umeå kommun", "--datum", "2026-11-20")
    assert run(*args).exit_code == 0
    before = files(project)
    again = run(*args)
    assert again.exit_code == 1, again.output
    assert "redan fastställd för fritidsnämnden i Umeå kommun" in again.output
    assert "inget att göra" in again.output and "skriv en ny version" not in again.output.casefold()
    assert files(project) == before


@pytest.mark.parametrize("args", [["--av", "Fritidsnämnden i Umeå kommun", "--för", UMEA],
                                  ["--av", "Fritidsnämnden i Umeå kommun"],
                                  ["--av", "Kommunfullmäktige i Umeå kommun", "--för", UMEA, "--för-nämnd",
                                   "Fritidsnämnden"]])
def test_the_nämnd_is_recorded_in_one_form(project, args):
    """"för Fritidsnämnden i Umeå kommun" with a capital F, while README writes "fritidsnämnden"."""
    result = run("clauses", "approve", REF, *args, "--datum", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert "för fritidsnämnden i Umeå kommun;" in result.output
    text = (project / "clauses" / "villkor" / "belastningsregister" / "v2.md").read_text(encoding="utf-8")
    assert "applies_to: {organisation: Umeå kommun, committee: fritidsnämnden}" in text
    assert '"committee": "fritidsnämnden"' in (project / "clauses" / "approvals.lock").read_text(encoding="utf-8")


def test_a_nämnd_named_after_a_place_keeps_its_case():
    approval = new_approval("Kommunfullmäktige i Stockholms stad", DAY, "Stockholms stad", "Norrmalms stadsdelsnämnd")
    assert scope_of(approval) == Scope("Stockholms stad", "Norrmalms stadsdelsnämnd")
