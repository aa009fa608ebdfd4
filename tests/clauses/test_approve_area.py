"""Who may fastställa for whom (trial 12): a nämnd decides only within its own area (kommunallagen 6 kap.
2–3 §§, its reglemente); fullmäktige decides for the kommun's nämnder. An approval by one nämnd for
another is refused, and no tip leads there."""

import datetime as dt
import shutil

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from drafter.clauses.approve import ApprovalFieldError, new_approval
from drafter.clauses.scope import Scope, scope_of, who_may_approve
from helpers import CLAUSES, EXAMPLE

DAY = dt.date(2026, 11, 20)
KULTUR = "Kultur- och fritidsnämnden i Västerås stad"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The library and a spec for äldrenämnden in Västerås stad: the 2026 example with its public party
    changed, so every Stockholm approval in the library is for another kommun."""
    (tmp_path / "agreements").mkdir()
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    monkeypatch.chdir(tmp_path)
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    public = data["parties"][0]
    public.update({"name": "Västerås stad", "kind": "kommun", "organisationsnummer": "212000-2080",
                   "committee": "äldrenämnden", "administration": "vård- och omsorgsförvaltningen"})
    public["signatory"]["signs_for"] = "äldrenämnden i Västerås stad"
    (tmp_path / "agreements" / "aros.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                       encoding="utf-8")
    return tmp_path


def files(root):
    return {p: p.read_bytes() for p in (root / "clauses").rglob("*") if p.is_file()}


def test_one_nämnd_cannot_approve_for_another(project):
    """The trial's command exited 0 and wrote "fastställd av Kultur- och fritidsnämnden … för äldrenämnden"."""
    before = files(project)
    result = run("clauses", "approve", "villkor/belastningsregister@2", "--av", KULTUR, "--för", "Västerås stad",
                 "--för-nämnd", "äldrenämnden", "--datum", "2026-11-20")
    assert result.exit_code == 2, result.output
    assert f"{KULTUR} kan inte fastställa för äldrenämnden i Västerås stad" in result.output
    assert "kommunallagen 6 kap." in result.output
    assert ('Tips: Ange --av "Äldrenämnden i Västerås stad" eller --av "Kommunfullmäktige i Västerås stad"'
            in result.output), result.output
    assert files(project) == before


@pytest.mark.parametrize("by", ["Äldrenämnden i Västerås stad", "äldrenämnden", "Kommunfullmäktige i Västerås stad",
                                "Äldrenämndens arbetsutskott i Västerås stad", "Kommunstyrelsen i Västerås stad"])
def test_the_nämnd_itself_or_fullmäktige_may(by):
    approval = new_approval(by, DAY, "Västerås stad", "äldrenämnden")
    assert scope_of(approval) == Scope("Västerås stad", "äldrenämnden")


@pytest.mark.parametrize(("by", "said"), [
    ("Socialnämnden", "Socialnämnden kan inte fastställa för äldrenämnden i Västerås stad"),
    ("Äldrenämnden i Eskilstuna kommun", "hör till Eskilstuna kommun, inte till Västerås stad"),
    ("Kommunfullmäktige i Eskilstuna kommun", "hör till Eskilstuna kommun, inte till Västerås stad"),
])
def test_refused_for_a_nämnd_that_is_not_theirs(by, said):
    with pytest.raises(ApprovalFieldError) as refused:
        new_approval(by, DAY, "Västerås stad", "äldrenämnden")
    assert said in refused.value.message, refused.value.message
    assert "Äldrenämnden i Västerås stad" in refused.value.hint


def test_a_nämnd_with_its_kommun_approves_for_itself_not_for_the_whole_kommun():
    """`--av "Kultur- och fritidsnämnden i Västerås stad" --för "Västerås stad"` applied to every nämnd of
    the kommun, äldrenämnden too; a nämnd decides for itself (as README says of a bare nämnd)."""
    approval = new_approval(KULTUR, DAY, "Västerås stad")
    assert scope_of(approval) == Scope("Västerås stad", "kultur- och fritidsnämnden")
    assert not scope_of(approval).covers(Scope("Västerås stad", "äldrenämnden"))
    whole = new_approval("Kommunfullmäktige i Västerås stad", DAY, "Västerås stad")
    assert scope_of(whole) == Scope("Västerås stad", None)


def test_who_may_approve_names_the_nämnd_and_fullmäktige():
    assert who_may_approve(Scope("Västerås stad", "äldrenämnden")) == [
        "Äldrenämnden i Västerås stad", "Kommunfullmäktige i Västerås stad"]
    assert who_may_approve(Scope("Region Skåne", "Kulturnämnden i Region Skåne")) == [
        "Kulturnämnden i Region Skåne", "Regionfullmäktige i Region Skåne"]
    assert who_may_approve(Scope("Åsby kommun", None)) == ["Kommunfullmäktige i Åsby kommun"]


def test_spec_tip_names_who_may_approve_and_leads_to_an_approval_that_holds(project):
    """The tip said `Ange --för "Västerås stad" --för-nämnd "äldrenämnden" och --av den som beslutade.`,
    and following it with the same --av wrote an approval by one nämnd for another."""
    before = files(project)
    result = run("clauses", "approve", "--spec", "agreements/aros.yaml", "--av", KULTUR, "--datum", "2026-11-20",
                 "--ja")
    assert result.exit_code == 2, result.output
    assert "inte den offentliga parten i agreements/aros.yaml (äldrenämnden i Västerås stad)" in result.output
    tip = result.output.split("Tips:")[1]
    assert "--av den som beslutade" not in tip
    assert '--av "Äldrenämnden i Västerås stad"' in tip and '--av "Kommunfullmäktige i Västerås stad"' in tip
    assert files(project) == before
    followed = run("clauses", "approve", "--spec", "agreements/aros.yaml", "--av", "Äldrenämnden i Västerås stad",
                   "--datum", "2026-11-20", input="nej\n")
    assert followed.exit_code == 0 and "Fastställs för äldrenämnden i Västerås stad" in followed.output


def test_spec_list_says_for_whom_a_version_is_fastställd(project):
    """trial 12 item 2: "tjansteutlatande/beredning@1 … (fastställd)" for a Västerås spec read as approved
    here; it is approved for socialnämnden in Stockholms stad only."""
    result = run("clauses", "approve", "--spec", "agreements/aros.yaml", "--av", "Äldrenämnden i Västerås stad",
                 "--datum", "2026-11-20", input="nej\n")
    assert result.exit_code == 0, result.output
    listed = [line for line in result.output.splitlines() if line.startswith("  ") and "@" in line]
    fastställd = [line for line in listed if "fastställd" in line]
    assert fastställd, result.output
    for line in fastställd:
        assert "(fastställd för " in line and ", inte för äldrenämnden i Västerås stad)" in line, line
        assert "(fastställd)" not in line
    assert any("Stockholms stad" in line for line in fastställd)
    assert "Inget fastställdes." in result.output


def test_a_nämnd_whose_own_name_has_i_is_not_taken_for_another_kommun():
    """"Stadsdelsnämnden i Rinkeby-Kista" names a nämnd, not a kommun called Rinkeby-Kista."""
    approval = new_approval("Stadsdelsnämnden i Rinkeby-Kista", DAY, "Stockholms stad")
    assert scope_of(approval) == Scope("Stockholms stad", "stadsdelsnämnden i Rinkeby-Kista")
    with pytest.raises(ApprovalFieldError):
        new_approval("Stadsdelsnämnden i Rinkeby-Kista", DAY, "Stockholms stad", "Spånga-Tensta stadsdelsnämnd")
