"""amendment-effective, amendment-mandate, decision-ceiling and decision-term: each tillägg within the
nämnd's decision (`decision:`), taking effect while the agreement is in force."""

import datetime as dt

import pytest

from checks.support import findings, line_of, of, spec_file
from helpers import EXAMPLE, example_data

NB = "\u00a0"
CODES = ("amendment-effective", "amendment-mandate", "decision-ceiling", "decision-term")


def amended(**amendment) -> dict:
    """The example with its Tillägg nr 1, the amendment's fields changed."""
    data = example_data(amended=True)
    data["amendments"][0].update(amendment)
    return data


def raise_personal(data: dict, amount: int) -> dict:
    rows = data["amendments"][0]["changes"][0]["set"]["budget.rows"]
    rows[0]["amount"] = amount
    return data


def test_the_example_is_within_its_decision():
    found = findings(EXAMPLE)
    assert [f for f in found if f.code in CODES] == []


@pytest.mark.parametrize("by", ["styrgruppen för partnerskapet", "Samverkansgruppen"])
def test_a_styrgrupp_decides_no_amendment(tmp_path, by):
    spec = spec_file(tmp_path, amended(decision={"by": by, "date": dt.date(2026, 12, 8), "paragraph": "§ 4"}))
    (f,) = of(findings(spec), "amendment-mandate")
    assert f.severity == "error"
    assert f"beslutat av {by}, som inte är ett organ i kommunen" in f.message
    assert "kommunallagen 6 kap. 37–40 §§" in f.message and "7 kap. 8 §" in f.message
    assert f.where == line_of(spec, "by:", after="amendments:")


def test_a_styrgrupp_is_refused_even_without_a_recorded_decision(tmp_path):
    data = amended(decision={"by": "styrgruppen", "date": dt.date(2026, 12, 8)})
    del data["decision"]
    (f,) = of(findings(spec_file(tmp_path, data)), "amendment-mandate")
    assert f.severity == "error" and "inte är ett organ i kommunen" in f.message


def test_someone_the_nämnd_did_not_delegate_to(tmp_path):
    spec = spec_file(tmp_path, amended(decision={"by": "avdelningschefen", "date": dt.date(2026, 12, 8)}))
    (f,) = of(findings(spec), "amendment-mandate")
    assert f.severity == "error"
    assert "socialnämnden har inte delegerat beslut om ändringar till avdelningschefen" in f.message
    assert "delegerat till: socialdirektören" in f.message


def test_the_nämnd_itself_may_decide(tmp_path):
    spec = spec_file(tmp_path, raise_personal(amended(decision={"by": "Socialnämnden", "date": dt.date(2026, 12, 8),
                                                               "paragraph": "§ 9"}), 990000))
    found = findings(spec)
    # Its own new decision: neither a mandate finding nor the old ceiling.
    assert of(found, "amendment-mandate") == [] and of(found, "decision-ceiling") == []


def test_a_matter_not_delegated(tmp_path):
    data = amended()
    data["decision"]["delegations"][0]["matters"] = ["lydelse"]  # budget not delegated
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "amendment-mandate")
    assert f.severity == "error"
    assert "Tillägg nr 1 ändrar budgeten" in f.message and "bara beslut om överenskommelsens text" in f.message


def test_effective_before_the_agreement_starts(tmp_path):
    spec = spec_file(tmp_path, amended(effective=dt.date(2026, 6, 1), decision={"by": "socialdirektören",
                                                                                  "date": dt.date(2026, 5, 20)}))
    (f,) = of(findings(spec), "amendment-effective")
    assert f.severity == "error"
    assert "gälla från 1 juni 2026, före överenskommelsens början 1 juli 2026" in f.message
    assert f.where == line_of(spec, "effective: 2026-06-01")


def test_effective_after_the_latest_end(tmp_path):
    spec = spec_file(tmp_path, amended(effective=dt.date(2029, 1, 1)))
    (f,) = of(findings(spec), "amendment-effective")
    assert f.severity == "error" and "efter överenskommelsens längsta slutdatum 31 december 2028" in f.message


def test_effective_before_its_decision(tmp_path):
    spec = spec_file(tmp_path, amended(effective=dt.date(2026, 12, 1)))  # decided 8 december
    (f,) = of(findings(spec), "amendment-effective")
    assert f.severity == "warning"
    assert "gälla från 1 december 2026, före beslutet om det den 8 december 2026" in f.message


def test_budget_above_the_yearly_ceiling(tmp_path):
    spec = spec_file(tmp_path, raise_personal(amended(), 950000))
    (f,) = of(findings(spec), "decision-ceiling")
    assert f.severity == "error"
    assert f.message.startswith(f"Efter tillägg nr 1 är budgeten 1{NB}060{NB}000{NB}kr för 12 månader")
    assert f"över det tak om 1{NB}000{NB}000{NB}kr per år som socialnämnden beslutade" in f.message
    assert f.where == line_of(spec, "item: Personal", after="budget.rows:")  # the rows the tillägg sets


def test_the_signed_budget_above_the_ceiling(tmp_path):
    data = amended()
    data["decision"]["ceiling"]["amount"] = 900000
    signed, after = of(findings(spec_file(tmp_path, data)), "decision-ceiling")  # the same sum after Tillägg nr 1
    assert signed.message.startswith(f"Enligt överenskommelsen är budgeten 1{NB}000{NB}000{NB}kr")
    assert after.message.startswith("Efter tillägg nr 1") and signed.where != after.where


def test_a_ceiling_for_the_whole_term(tmp_path):
    # 1 juli 2026–31 december 2028 at 1 000 000 kr a year: 2 500 000 kr in all.
    data = amended()
    data["decision"]["ceiling"] = {"amount": 2500000, "per": "hela perioden"}
    assert of(findings(spec_file(tmp_path, data)), "decision-ceiling") == []
    raise_personal(data, 902000)  # 12 000 kr more a year from 1 januari 2027: 24 000 kr over two years
    (f,) = of(findings(spec_file(tmp_path, data, "higher.yaml")), "decision-ceiling")
    assert f.severity == "error"
    assert f"sammanlagt 2{NB}524{NB}000{NB}kr från 1 juli 2026 till 31 december 2028" in f.message


def test_term_past_the_latest_end(tmp_path):
    data = amended()
    data["decision"]["latest_end"] = dt.date(2027, 12, 31)
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "decision-term")
    assert f.severity == "error"
    assert "gälla till 31 december 2028, efter det senaste slutdatum 31 december 2027" in f.message
    assert f.where == line_of(spec, "max_end:")


def test_an_amendment_that_extends_the_term(tmp_path):
    data = amended()
    data["decision"]["delegations"][0]["matters"] = ["lydelse", "budget", "period"]
    data["amendments"][0]["changes"][0]["set"]["period.renewal.max_end"] = dt.date(2029, 12, 31)
    spec = spec_file(tmp_path, data)
    found = findings(spec)
    (f,) = of(found, "decision-term")
    assert f.message.startswith("Efter tillägg nr 1 kan överenskommelsen gälla till 31 december 2029")
    assert f.where == line_of(spec, "period.renewal.max_end:")
    assert of(found, "amendment-mandate") == []  # the period was delegated; the ceiling of time was not


def test_a_delegate_deciding_before_the_delegation_existed(tmp_path):
    data = amended()
    data["decision"].update(date=dt.date(2026, 12, 10), paragraph="§ 12")  # after the tillägg's 8 december
    (f,) = of(findings(spec_file(tmp_path, data)), "amendment-mandate")
    assert f.severity == "error" and "före socialnämndens beslut den 10 december 2026" in f.message


def test_a_representative_from_before_the_agreement(tmp_path):
    data = amended()
    data["parties"][1]["representatives"][0]["since"] = dt.date(2026, 6, 1)  # the agreement: 1 juli 2026
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "representative-date")
    assert f.severity == "warning"
    assert f.message.startswith("Sara Ahmadi företräder Street Minds från 1 juni 2026")
    assert f.where == line_of(spec, "since: 2026-06-01")


def test_the_example_representative_signs_after_the_agreement():
    assert of(findings(EXAMPLE), "representative-date") == []


def test_a_new_notice_day_is_a_change_of_wording_not_of_the_period(tmp_path):
    from drafter.checks.decision import _matter_of

    assert _matter_of("period.renewal.notice_deadline") == "lydelse"  # it only words the period clause
    assert _matter_of("period.renewal.max_end") == "period" and _matter_of("period.end") == "period"
    assert _matter_of("budget.rows") == "budget" and _matter_of("figures.brukare") == "lydelse"
    assert _matter_of("parties.1.signatory") is None  # a new signatory is no decision of the nämnd's
    data = amended()
    data["decision"]["delegations"][0]["matters"] = ["lydelse", "budget"]
    data["amendments"][0]["changes"][0]["set"]["period.renewal.max_end"] = dt.date(2027, 12, 31)
    (f,) = of(findings(spec_file(tmp_path, data)), "amendment-mandate")
    assert "Tillägg nr 1 ändrar perioden" in f.message


def test_a_signed_and_locked_tillagg_by_a_styrgrupp_warns_and_still_builds(tmp_path, monkeypatch):
    """A tillägg signed and locked before this check existed is a legal fact: its spec keeps building,
    and the finding says how the nämnd sets it right. The same tillägg as a draft stops the build."""
    import drafter.checks.decision as decision
    from drafter.build import BuildOptions, build
    from drafter.clauses.library import ClauseLibrary
    from drafter.lock import lock_spec
    from helpers import CLAUSES

    spec = spec_file(tmp_path, amended(decision={"by": "styrgruppen för partnerskapet", "date": dt.date(2026, 12, 8)}))
    (draft,) = of(findings(spec), "amendment-mandate")
    assert draft.severity == "error"
    signed_data = amended(decision={"by": "styrgruppen för partnerskapet", "date": dt.date(2026, 12, 8)})
    signed_data["document"]["status"] = "slutlig"  # only what is signed is locked
    signed_data["decision"].update(date=dt.date(2026, 6, 10), paragraph="§ 7")  # and rests on the nämnd's decision
    signed_data.pop("proposal")  # its draft texts are not fastställda in the library
    spec = spec_file(tmp_path, signed_data)
    with monkeypatch.context() as m:  # signed with a drafter that had no such check
        m.setattr(decision, "_mandate_findings", lambda ctx: iter(()))
        lock_spec(spec, ["overenskommelse", "tillagg-1"], ClauseLibrary(CLAUSES), future_date=True)
    (signed,) = of(findings(spec), "amendment-mandate")
    assert signed.severity == "warning"
    assert "Tillägg nr 1 är redan undertecknat och låst" in signed.message
    assert "godkänna det i efterhand" in signed.message
    assert build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES))).exists()


def test_the_mandate_check_sees_the_lock_given_in_its_context(tmp_path):
    """The pipeline reads the spec's lock once and passes it on (CheckContext.lock): the check judges a
    tillägg signed by that lock, not by a second reading of the file (here there is none)."""
    from drafter.checks.context import CheckContext
    from drafter.checks.decision import check_amendment_mandate
    from drafter.clauses.library import ClauseLibrary
    from drafter.lockfile import lock_path
    from drafter.spec.load import load_spec
    from helpers import CLAUSES

    spec = spec_file(tmp_path, amended(decision={"by": "styrgruppen för partnerskapet", "date": dt.date(2026, 12, 8)}))
    assert not lock_path(spec).exists()
    loaded, library = load_spec(spec), ClauseLibrary(CLAUSES)
    (draft,) = check_amendment_mandate(CheckContext(loaded, library, lock={}))
    assert draft.severity == "error"
    (signed,) = check_amendment_mandate(CheckContext(loaded, library, lock={"overenskommelse": {}, "tillagg-1": {}}))
    assert signed.severity == "warning" and "Tillägg nr 1 är redan undertecknat och låst" in signed.message


def test_prepare_reads_the_spec_lock_once(monkeypatch):
    import drafter.lockfile as lockfile
    from drafter.clauses.library import ClauseLibrary
    from drafter.pipeline import prepare
    from helpers import CLAUSES

    reads = []
    real = lockfile.read_lock
    monkeypatch.setattr(lockfile, "read_lock", lambda path: reads.append(path) or real(path))
    before = [f.to_dict() for f in prepare(EXAMPLE, ClauseLibrary(CLAUSES)).findings]
    assert reads == [lockfile.lock_path(EXAMPLE)]
    monkeypatch.setattr(lockfile, "read_lock", real)
    assert [f.to_dict() for f in prepare(EXAMPLE, ClauseLibrary(CLAUSES)).findings] == before


def test_a_later_tillagg_is_judged_by_the_end_an_earlier_one_gave(tmp_path):
    """review4: tillägg nr 1 moves the latest end to 31 december 2029; tillägg nr 2 from 1 mars 2029 then
    changes an agreement in force, and was refused against the signed end (31 december 2028)."""
    data = amended()
    data["amendments"][0]["changes"].append({"set": {"period.renewal.max_end": dt.date(2029, 12, 31)}})
    data["amendments"].append({
        "number": 2, "date": dt.date(2029, 2, 20), "effective": dt.date(2029, 3, 1),
        "decision": {"by": "socialdirektören", "date": dt.date(2029, 2, 10)},
        "changes": [{"insert_after": "3.2", "heading": "Sommaröppet",
                     "text": "Föreningen håller öppet även i juli."}]})
    spec = spec_file(tmp_path, data)
    assert of(findings(spec), "amendment-effective") == []
    data["amendments"][1].update(effective=dt.date(2030, 1, 1), date=dt.date(2029, 12, 20),
                                 decision={"by": "socialdirektören", "date": dt.date(2029, 12, 10)})
    (f,) = of(findings(spec_file(tmp_path, data)), "amendment-effective")
    assert "Tillägg nr 2 ska gälla från 1 januari 2030, efter överenskommelsens längsta slutdatum 31 december 2029" \
        in f.message
