"""clause-other-partnership: one partnership's own clauses (front matter `partnership:`) in another's spec."""

import shutil

from checks.support import findings, spec_file
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE, example_data

# The example's clauses of the Street Minds partnership: six in the agreement, seven in the proposal
# (syfte-och-mal, malgrupp and ataganden in both, reported once).
OWN = {"street-minds/bakgrund@1", "street-minds/namndens-uppdrag@1", "street-minds/foreningens-verksamhet@1",
       "street-minds/syfte-och-mal@2", "street-minds/malgrupp@2", "street-minds/ataganden@2",
       "street-minds/forslag-till-beslut@2", "street-minds/tu-sammanfattning@2", "street-minds/tu-bakgrund@2",
       "street-minds/bostad-forst-modellen@1", "street-minds/jamstalldhetsanalys@1"}


def _other(data: dict, name: str = "Läxhjälp i Järva") -> dict:
    """The example as a new partnership would copy it: another association, renewing nothing."""
    data["parties"][1]["name"] = name
    data.pop("renews")
    data.pop("partnership")
    data.pop("acknowledge")
    return data


def _codes(spec):
    return [f for f in findings(spec) if f.code == "clause-other-partnership"]


def test_the_examples_use_their_own_partnerships_clauses():
    assert not _codes(EXAMPLE)
    assert not _codes(EXAMPLE.parent / "street-minds-2023.yaml")


def test_another_partnership_using_them_is_an_error_at_each_outline_line(tmp_path):
    spec = spec_file(tmp_path, _other(example_data()), "laxhjalp-jarva-2027.yaml")
    found = _codes(spec)
    assert {f.message.split()[1] for f in found} == OWN
    assert all(f.severity == "error" for f in found)
    lines = spec.read_text(encoding="utf-8").splitlines()
    bakgrund = next(f for f in found if "street-minds/bakgrund@1" in f.message)
    line = int(bakgrund.where.rsplit(":", 1)[1])
    assert bakgrund.where.startswith(str(spec)) and "street-minds/bakgrund" in lines[line - 1]
    assert "hör till partnerskapet street-minds" in bakgrund.message and "texts:" in bakgrund.message
    assert {f.document for f in found} == {"agreement", "proposal"}


def test_a_spec_of_that_partnership_says_so_by_its_name_its_association_or_what_it_renews(tmp_path):
    # by its file's name
    assert not _codes(spec_file(tmp_path, _other(example_data()), "street-minds-2031.yaml"))
    assert not _codes(spec_file(tmp_path, _other(example_data()), "iop-0007-street-minds.yaml"))
    assert len(_codes(spec_file(tmp_path, _other(example_data()), "street-mindset-2031.yaml"))) == len(OWN)
    # by its idéburna party's name
    assert not _codes(spec_file(tmp_path, _other(example_data(), "Street Minds Stockholm"), "ny.yaml"))
    assert not _codes(spec_file(tmp_path, _other(example_data(), "Föreningen Street Minds"), "ny.yaml"))
    # by the specs it renews, followed back: sista renews mellan, which renews street-minds-2023
    mellan = example_data()
    mellan["parties"][1]["name"] = "Gatans Röst"
    spec_file(tmp_path, mellan, "mellan.yaml")
    sista = _other(example_data())
    sista["renews"] = "mellan.yaml"
    assert not _codes(spec_file(tmp_path, sista, "sista.yaml"))
    # renewing a spec of another partnership does not make it one of street-minds
    spec_file(tmp_path, _other(example_data()), "annan.yaml")
    sista["renews"] = "annan.yaml"
    assert len(_codes(spec_file(tmp_path, sista, "sista.yaml"))) == len(OWN)


def test_the_web_pages_unsaved_copy_goes_by_the_specs_name(tmp_path):
    """The web page checks an edit as .NAME.utkast-XXXX.yaml beside the spec (drafter/web/service.py)."""
    spec = spec_file(tmp_path, _other(example_data()), ".street-minds-2026.utkast-k3j2.yaml")
    assert not _codes(spec)
    shutil.move(spec, tmp_path / ".laxhjalp.utkast-k3j2.yaml")
    assert len(_codes(tmp_path / ".laxhjalp.utkast-k3j2.yaml")) == len(OWN)


def test_a_locked_agreement_that_already_uses_them_is_warned_not_stopped(tmp_path):
    """A signed and locked agreement is a legal fact: one signed before this check existed, with another
    partnership's clauses, still builds (a warning, as decision-unrecorded and amendment-mandate do for a
    locked agreement), and the advice is a tillägg, not a text to write into the signed agreement. The
    tjänsteutlåtande, not locked, is still stopped."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.lockfile import lock_entry, write_lock
    from drafter.pipeline import prepare

    spec = spec_file(tmp_path, _other(example_data(amended=True)), "laxhjalp-jarva-2027.yaml")
    loaded = load_spec(spec)
    library = ClauseLibrary(CLAUSES)
    agreement = next(d for d in prepare(loaded, library).documents if d.kind == "agreement")
    write_lock(spec, {"overenskommelse": lock_entry(agreement, {}, library, loaded, "overenskommelse")})
    found = _codes(spec)
    # the agreement as amended (consolidated) has the signed text: no error there either
    in_agreement = [f for f in found if f.document in ("agreement", "consolidated", "addendum")]
    in_proposal = [f for f in found if f.document == "proposal"]
    assert in_agreement and in_proposal
    assert all(f.severity == "warning" and "tillägg" in f.message for f in in_agreement)
    assert all(f.severity == "error" for f in in_proposal)
