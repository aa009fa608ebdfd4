"""`clauses approve` with several versions in one decision, or every version a spec still needs."""

import shutil

import pytest
from click.testing import CliRunner

import drafter.clauses.approve as approve_module
from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.clauses.lock import read_lock
from helpers import CLAUSES, EXAMPLE

PROPOSAL = ["street-minds/forslag-till-beslut@2", "street-minds/tu-sammanfattning@2", "street-minds/tu-bakgrund@2"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The 2026 example, whose draft proposal uses three versions still utkast, and the library."""
    (tmp_path / "agreements").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "agreements" / EXAMPLE.name)
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def files(root):
    return {p: p.read_bytes() for p in (root / "clauses").rglob("*") if p.is_file()}


def test_several_versions_in_one_decision(project):
    result = run("clauses", "approve", *PROPOSAL[:2], "--av", "Socialnämnden i Stockholms stad",
                 "--datum", "2026-06-01", "--paragraf", "§ 9")
    assert result.exit_code == 0, result.output
    library = ClauseLibrary(project / "clauses")
    for ref in PROPOSAL[:2]:
        (approval,) = library.get(ref).meta.all_approvals
        assert (approval.by, approval.date.isoformat(), approval.paragraph) == (
            "Socialnämnden i Stockholms stad", "2026-06-01", "§ 9")
        assert f"{ref} fastställd av Socialnämnden i Stockholms stad 2026-06-01 (§ 9)" in result.output
        assert read_lock(project / "clauses")[ref]["sha256"] == library.get(ref).sha256
    assert library.get(PROPOSAL[2]).meta.status == "utkast"


def test_one_refused_version_refuses_the_whole_decision(project):
    before = files(project)
    result = run("clauses", "approve", PROPOSAL[0], "villkor/period@1", "--av", "Socialnämnden i Stockholms stad")
    assert result.exit_code == 1 and "villkor/period@1 är redan fastställd" in result.output
    assert files(project) == before  # street-minds/forslag-till-beslut@2 was not approved on its own


def test_a_failed_write_puts_back_the_files_already_written(project, monkeypatch):
    before = files(project)

    def disk_full(root, entries):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(approve_module, "write_lock", disk_full)
    result = run("clauses", "approve", *PROPOSAL, "--av", "Socialnämnden i Stockholms stad")
    assert result.exit_code != 0
    assert files(project) == before


def test_spec_lists_what_it_needs_then_approves_it(project):
    spec = f"agreements/{EXAMPLE.name}"
    result = run("clauses", "approve", "--spec", spec, "--av", "Socialnämnden i Stockholms stad", "--datum", "2026-06-01",
                 "--ja")
    assert result.exit_code == 0, result.output
    listed = result.output.split("Fastställs för socialnämnden i Stockholms stad")[1]
    head, _, written = listed.partition("fastställd av")
    assert [line.split()[0] for line in head.splitlines()[1:4]] == PROPOSAL  # listed before any is written
    assert all(ClauseLibrary(project / "clauses").get(ref).meta.status == "fastställd" for ref in PROPOSAL)
    check = run("check", spec)
    assert "[clause-unapproved]" not in check.output, check.output
    again = run("clauses", "approve", "--spec", spec, "--av", "Socialnämnden i Stockholms stad")
    assert again.exit_code == 0 and "redan fastställda för socialnämnden i Stockholms stad" in again.output


def test_spec_refuses_an_approval_that_would_not_apply_to_its_party(project):
    before = files(project)
    result = run("clauses", "approve", "--spec", f"agreements/{EXAMPLE.name}", "--av", "Socialnämnden i Sundbybergs stad")
    assert result.exit_code == 2
    assert "inte den offentliga parten" in result.output and '--för "Stockholms stad"' in result.output
    assert files(project) == before


def test_nothing_to_approve_is_bad_input(project):
    result = run("clauses", "approve", "--av", "Socialnämnden i Stockholms stad")
    assert result.exit_code == 2 and "ID@VERSION, en eller flera, eller --spec SPEC" in result.output


def test_spec_asks_before_it_writes(project):
    """Found by a trial: --spec listed 42 versions and wrote them at once. Now it asks; only "ja" writes."""
    spec = f"agreements/{EXAMPLE.name}"
    before = files(project)
    args = ("clauses", "approve", "--spec", spec, "--av", "Socialnämnden i Stockholms stad", "--datum", "2026-06-01")
    declined = CliRunner().invoke(main, args, input="nej\n")
    assert declined.exit_code == 0 and "Inget fastställdes." in declined.output, declined.output
    assert "Fastställa de 3 versionerna ovan (beslut: Socialnämnden i Stockholms stad 2026-06-01" in declined.output
    assert declined.output.index(PROPOSAL[0]) < declined.output.index("Fastställa de 3")  # listed, then asked
    unanswered = CliRunner().invoke(main, args, input="")  # a script: stdin closed
    assert unanswered.exit_code == 2 and "lägg till --ja" in unanswered.output, unanswered.output
    assert files(project) == before
    accepted = CliRunner().invoke(main, args, input="ja\n")
    assert accepted.exit_code == 0, accepted.output
    # the spec approved for is not "untouched": its versions were just approved for it (the example names @2)
    assert "Rörs inte:" not in accepted.output
    assert (f"Specen som fastställelsen gäller, {spec}, får samma texter som förut; de 3 versionerna räknas nu "
            "som fastställda för den.") in accepted.output
    assert all(ClauseLibrary(project / "clauses").get(ref).meta.status == "fastställd" for ref in PROPOSAL)


def test_a_misspelt_spec_is_named_as_check_names_it(project):
    for given, meant in ((f"agreements/{EXAMPLE.stem}", f"agreements/{EXAMPLE.name}"),
                         ("agreements/street-minds-206.yaml", f"agreements/{EXAMPLE.name}")):
        result = run("clauses", "approve", "--spec", given, "--av", "Socialnämnden i Stockholms stad")
        assert result.exit_code == 2 and "Specen finns inte; inget fastställdes." in result.output, result.output
        assert f"Menade du {meant}?" in result.output


@pytest.mark.parametrize("date, said, meant", [
    ("2062-12-10", "ligger 36 år fram i tiden", "Menade du 2026-12-10?"),
    ("1926-06-01", "ligger före 2000", "Menade du 2026-06-01?"),
])
def test_a_decision_date_that_cannot_be_is_refused(project, date, said, meant):
    import datetime as dt

    if dt.date.today().year != 2026:
        pytest.skip("the years in this example are said as seen from 2026")
    before = files(project)
    result = run("clauses", "approve", *PROPOSAL, "--av", "Socialnämnden i Stockholms stad", "--datum", date)
    assert result.exit_code == 2 and f"Beslutsdatumet {date} {said}" in result.output and meant in result.output
    assert files(project) == before


def test_a_date_far_ahead_is_refused_whatever_the_year(project):
    import datetime as dt

    from drafter.clauses.approve import check_date

    today = dt.date.today()
    assert check_date(today + dt.timedelta(days=30)) == today + dt.timedelta(days=30)  # a meeting this month
    ahead = today + dt.timedelta(days=64)
    result = run("clauses", "approve", *PROPOSAL, "--av", "Socialnämnden i Stockholms stad", "--datum", ahead.isoformat())
    assert result.exit_code == 2 and "ligger 64 dagar fram i tiden (mer än 30)" in result.output, result.output


def test_spec_says_per_other_spec_in_one_line_what_it_leaves(project):
    """trial4: `approve --spec` for a new partnership listed, under "Rörs inte", one "(använder …)" entry
    per version for the spec it had just approved them for, and for each other spec: unreadable."""
    agreements = project / "agreements"
    shutil.copy(EXAMPLE.parent / "street-minds-2023.yaml", agreements / "street-minds-2023.yaml")
    made = run("new", "ny", "--from", f"agreements/{EXAMPLE.name}", "--agreements", agreements)
    assert made.exit_code == 0, made.output
    spec = agreements / "ny.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace('"[Kommunens namn]"', "Stockholms stad").replace(
        '"[nämnden]"', "Spånga-Tensta stadsdelsnämnd"), encoding="utf-8")
    result = run("clauses", "approve", "--spec", "agreements/ny.yaml", "--av", "Spånga-Tensta stadsdelsnämnd",
                 "--för", "Stockholms stad", "--för-nämnd", "Spånga-Tensta stadsdelsnämnd", "--datum", "2026-06-01",
                 "--ja")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    approved = len([line for line in lines if " fastställd av " in line])
    assert approved > 30
    untouched = lines[lines.index("Rörs inte:") + 1:]
    listed = [line for line in untouched if line.startswith("  ")]
    assert [line.split(":")[0].strip() for line in listed] == ["agreements/street-minds-2023.yaml",
                                                               f"agreements/{EXAMPLE.name}"]  # one line each
    assert "av klausulerna)" in listed[0] and "använder" in listed[0] and listed[0].count("(") <= 3
    assert all(line.count("@") <= 9 for line in listed)  # counted, not each version named
    assert "Specen som fastställelsen gäller, agreements/ny.yaml, får samma texter som förut; de " in result.output


def test_spec_whose_public_party_is_not_filled_in_says_so(project):
    """A spec fresh from `drafter new` names its public party '[Kommunens namn]': the tip was to type
    --för "[Kommunens namn]". It says the party is to be filled in first, and writes nothing."""
    before = files(project)
    made = run("new", "ny", "--agreements", project / "agreements")
    assert made.exit_code == 0, made.output
    result = run("clauses", "approve", "--spec", "agreements/ny.yaml", "--av", "Socialnämnden i Stockholms stad",
                 "--datum", "2026-06-01", "--ja")
    assert result.exit_code == 2, result.output
    assert "[Kommunens namn]" not in result.output.split("Tips:")[1]
    assert "parties.0.name" in result.output and "inte ifylld" in result.output
    assert files(project) == before


def test_spec_approval_says_one_true_thing_about_the_spec_it_was_for(project):
    """trial7 item 7: after approve --spec the output said the versions now count as fastställda for the
    spec and also that no spec uses them."""
    spec = f"agreements/{EXAMPLE.name}"
    result = run("clauses", "approve", "--spec", spec, "--av", "Socialnämnden i Stockholms stad", "--datum", "2026-06-01",
                 "--ja")
    assert result.exit_code == 0, result.output
    assert "räknas nu som fastställda för den" in result.output
    assert "Ingen spec i" not in result.output, result.output


def test_spec_approval_lists_a_newer_granskad_version(project):
    """trial7 item 14: the list named an old version without saying a newer granskad text exists."""
    folder = project / "clauses" / "street-minds" / "tu-bakgrund"
    v3 = (folder / "v2.md").read_text(encoding="utf-8").replace("version: 2", "version: 3", 1)
    (folder / "v3.md").write_text(v3.replace("status: utkast", "status: granskad", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["clauses", "approve", "--spec", f"agreements/{EXAMPLE.name}", "--av",
                                       "Socialnämnden i Stockholms stad"], input="nej\n")
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if "street-minds/tu-bakgrund@2" in line]
    assert line.endswith("(utkast); v3 granskad finns"), line
    (other,) = [line for line in result.output.splitlines() if "street-minds/tu-sammanfattning@2" in line]
    assert "granskad finns" not in other
