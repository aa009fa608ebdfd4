"""The tjänsteutlåtande against the agreement it asks the nämnd to approve (trial 9, problem 9): a renewal
proposed as a new partnership ("att ingå"), signing delegated to someone who does not sign, and a decision
that states the budget while the agreement commits more of the nämnd's money (kind: annat)."""

from checks.support import findings, library_with, of, partnership_clause, spec_file
from helpers import example_data


def proposal_with(tmp_path, body: str, change=None):
    """The 2026 example (renews 2023; socialdirektör signs for the kommun; 1 000 000 kr for 12 months) with a
    partnership clause saying `body` in the tjänsteutlåtande."""
    data = example_data()
    if change:
        change(data)
    root = library_with(tmp_path, {})
    partnership_clause(root, "street-minds/test", body)
    data["proposal"]["outline"].append("street-minds/test")
    return findings(spec_file(tmp_path, data), root)


# --- "att ingå" in a renewal


def test_a_renewal_proposed_as_a_new_partnership(tmp_path):
    found = of(proposal_with(tmp_path, "Förvaltningen föreslår att nämnden ingår ett idéburet offentligt "
                                       "partnerskap med {{ partner.name }}."), "prose-mismatch")
    (f,) = found
    assert f.severity == "warning" and f.where == "street-minds/test@1" and f.document == "proposal"
    assert '"ingår ett idéburet offentligt partnerskap", som om partnerskapet vore nytt' in f.message
    assert "specen förnyar" in f.message


def test_a_renewal_said_so_and_a_first_agreement_are_no_finding(tmp_path):
    assert of(proposal_with(tmp_path / "a", "Nämnden föreslås ingå en ny överenskommelse som fortsätter "
                                            "partnerskapet."), "prose-mismatch") == []

    def first(data):
        data.pop("renews")
    assert of(proposal_with(tmp_path / "b", "Nämnden föreslås att ingå idéburet offentligt partnerskap.", first),
              "prose-mismatch") == []


# --- who the decision lets sign


def test_signing_delegated_to_someone_who_does_not_sign(tmp_path):
    (f,) = of(proposal_with(tmp_path, "3. att uppdra åt förvaltningsdirektören att underteckna överenskommelsen."),
              "prose-mismatch")
    assert f.severity == "warning" and f.document == "proposal"
    assert "uppdrar åt förvaltningsdirektören att underteckna" in f.message
    assert "Veronica Carstorp Wolgast, socialdirektör" in f.message
    assert "{{ public.signatory.title | bestamd }}" in f.message


def test_signing_delegated_to_the_signatory_is_no_finding(tmp_path):
    found = proposal_with(tmp_path, "Nämnden ger socialdirektören i uppdrag att teckna överenskommelsen.")
    assert of(found, "prose-mismatch") == []


def test_other_signing_is_no_mandate(tmp_path):
    found = proposal_with(tmp_path, "Partnerskapet ger föreningen rätt att teckna avtal med underleverantörer. "
                                    "Nämnden ger kansliet i uppdrag att teckna in lokalen i registret.")
    assert of(found, "prose-mismatch") == []


def test_in_a_slutlig_spec_the_wrong_signer_is_an_error(tmp_path):
    def final(data):
        data["document"]["status"] = "slutlig"
    found = of(proposal_with(tmp_path, "att uppdra åt förvaltningsdirektören att underteckna överenskommelsen.",
                             final), "prose-mismatch")
    assert [f.severity for f in found if "uppdrar åt" in f.message] == ["error"]


# --- the cost the nämnd decides


def with_cleaning(kind_written: bool = True, kind: str = "annat"):
    def change(data):
        amount = {"amount": 35000, "per": "år", "item": "Städning av lokalen"}
        if kind_written:
            amount["kind"] = kind
        data["other_amounts"] = {"stadning": amount}
    return change


def test_a_decision_stating_the_budget_leaves_out_the_grant_beyond_it(tmp_path):
    found = of(proposal_with(tmp_path, "2. att bevilja föreningen 1 000 000 kronor per år.", with_cleaning()),
               "budget-amount")
    mine = [f for f in found if f.where == "street-minds/test@1"]
    (f,) = mine
    message = f.message.replace("\u00a0", " ")
    assert f.severity == "warning" and f.document == "proposal"
    assert "35 000 kr per år (other_amounts.stadning" in message and "sammanlagt 1 035 000 kr per år" in message


def test_the_budget_for_its_months_is_the_budget_too(tmp_path):
    # street-minds/forslag-till-beslut@2 says "en ersättning om {{ budget.total | kronor }} för {{ budget.months }}
    # månader": filled in from the data, it leaves out the grant beyond the budget all the same
    found = of(proposal_with(tmp_path, "att teckna överenskommelsen med en ersättning om 1 000 000 kr för 12 månader.",
                             with_cleaning()), "budget-amount")
    assert {f.where for f in found} >= {"street-minds/test@1", "street-minds/forslag-till-beslut@2"}


def test_only_the_nämnds_own_money_counts(tmp_path):
    # kind not written out (the default is no decision), or an egen insats: not the nämnd's money
    text = "2. att bevilja föreningen 1 000 000 kronor per år."
    assert of(proposal_with(tmp_path / "a", text, with_cleaning(kind_written=False)), "budget-amount") == []
    assert of(proposal_with(tmp_path / "b", text, with_cleaning(kind="egen insats")), "budget-amount") == []
    # a sentence that decides nothing (a figure of the budget's history) is not read as the decision
    found = of(proposal_with(tmp_path / "c", "Verksamheten omsatte 1 000 000 kronor per år.", with_cleaning()),
               "budget-amount")
    assert [f for f in found if f.where == "street-minds/test@1"] == []


def test_a_title_with_its_organ_is_advised_in_words(tmp_path):
    # "ordförande, äldrenämnden": the bestamd filter would make "äldrenämndenen" of it
    def chair(data):
        data["parties"][0]["signatory"] = {"name": "Karin Bergqvist", "title": "ordförande, socialnämnden"}
    found = of(proposal_with(tmp_path, "3. att uppdra åt förvaltningsdirektören att underteckna överenskommelsen.",
                             chair), "prose-mismatch")
    (f,) = [f for f in found if "uppdrar åt" in f.message]
    assert 'skriv "ordföranden" i beslutspunkten' in f.message and "| bestamd" not in f.message


# --- "att ingå" in other word orders, in a renewal that is not Street Minds (trial 12)


def aros_sammanfattning(tmp_path, sentence: str) -> list:
    """The Aros Seniorträff renewal (2027–2029 renewed for 2030–2031) with `sentence` as its Sammanfattning."""
    from checks.aros import edit, renewed, run
    import json

    spec, clauses = renewed(tmp_path)
    edit(spec, lambda d: d["texts"].update(sammanfattning=sentence))
    checked = run("check", spec, "--clauses", clauses, "--format", "json")
    return [f for f in json.loads(checked.output)["findings"]
            if f["code"] == "prose-mismatch" and "som om partnerskapet vore nytt" in f["message"]]


def test_ingar_en_ideburen_offentlig_overenskommelse_is_found(tmp_path):
    (f,) = aros_sammanfattning(tmp_path, "Förvaltningen föreslår att äldrenämnden ingår en idéburen offentlig "
                                         "överenskommelse med Föreningen Aros Seniorträff.")
    assert '"ingår en idéburen offentlig överenskommelse", som om partnerskapet vore nytt' in f["message"]


def test_the_passive_word_order_is_found(tmp_path):
    (f,) = aros_sammanfattning(tmp_path, "Förvaltningen föreslår att en idéburen offentlig överenskommelse ingås "
                                         "med Föreningen Aros Seniorträff.")
    assert '"överenskommelse ingås"' in f["message"]


def test_ingar_i_is_part_of_not_entering(tmp_path):
    assert aros_sammanfattning(tmp_path, "Mötesplatserna ingår i partnerskapet, och lokalhyran ingår inte i "
                                         "överenskommelsen. Kaffet ingår även enligt avtalet.") == []
