"""A locked document keeps the letterhead its signatories saw, and a build says when its files are not the
locked bytes (drafter/lockdetail.py, lockfile.file_findings; trial3 item 2)."""

import hashlib
import io

import pytest
import yaml
from click.testing import CliRunner
from docx import Document as Docx
from pypdf import PdfReader

from drafter.cli import main
from helpers import copy_examples, signed_example

SPEC = "agreements/street-minds-2026.yaml"
AGREEMENT = "street-minds-2026/street-minds-2026-overenskommelse"
PROPOSAL = "street-minds-2026/street-minds-2026-tjansteutlatande"
OLD, NEW = "Box 44, 104 20 Stockholm", "Box 9999, 104 99 Stockholm"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def page_one(path) -> str:
    return PdfReader(io.BytesIO(path.read_bytes())).pages[0].extract_text()


def docx_text(path) -> str:
    docx = Docx(str(path))
    return "\n".join([p.text for p in docx.paragraphs] + [c.text for t in docx.tables for r in t.rows for c in r.cells])


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the examples, the 2026 agreement locked, and built then (the signed files)."""
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    signed_example(tmp_path)
    result = run("lock", SPEC)
    assert result.exit_code == 0, result.output
    assert run("build", SPEC, "-o", "signed", "--jobs", "1").exit_code == 0
    return tmp_path


def move_office(root, new=NEW):
    house = root / "clauses" / "husstil.yaml"
    text = house.read_text(encoding="utf-8")
    assert OLD in text
    house.write_text(text.replace(OLD, new), encoding="utf-8")


def test_the_lock_records_the_letterhead_the_signatories_saw(project):
    entry = yaml.safe_load((project / "agreements" / "street-minds-2026.lock").read_text(encoding="utf-8"))
    letterhead = entry["dokument"]["overenskommelse"]["brevhuvud"]
    assert letterhead["avsandare"] == ["Stockholms stad", "Socialförvaltningen"]
    assert letterhead["adress"] == [OLD, "Växel 08-508 25 000"]
    assert ["Datum", "2026-07-01"] in letterhead["uppgifter"]
    # The spec's values read back from the lock as they are recorded: a date a date, a short text itself.
    from drafter.lockrecord import value_record
    from drafter.spec.load import load_spec

    values = entry["dokument"]["overenskommelse"]["uppgifter"]
    assert values == value_record(load_spec(project / SPEC), "overenskommelse")
    assert values["budget.rows.3.amount"] == 57000 and values["period.renewal.notice_deadline"] == "09-30"
    assert str(values["period.start"]) == "2026-07-01"
    spec = project / SPEC  # a long text (an official's own section) is recorded by its hash only
    spec.write_text(spec.read_text(encoding="utf-8") + "texts:\n  egen: " + "Ett långt stycke text. " * 5 + "\n",
                    encoding="utf-8")
    assert value_record(load_spec(spec), "overenskommelse")["texts.egen"].startswith("sha256:")


def test_a_moved_office_leaves_the_locked_agreement_as_signed_and_says_so(project):
    move_office(project)
    result = run("build", SPEC, "-o", "after", "--jobs", "1")
    assert result.exit_code == 0, result.output
    for suffix in (".pdf", ".docx"):  # the signed files, byte for byte
        assert sha(project / "after" / f"{AGREEMENT}{suffix}") == sha(project / "signed" / f"{AGREEMENT}{suffix}")
    first = page_one(project / "after" / f"{AGREEMENT}.pdf")
    assert OLD in first and NEW not in first
    assert OLD in docx_text(project / "after" / f"{AGREEMENT}.docx")
    # The tjänsteutlåtande is not locked: the house style is for what is still to be signed.
    assert NEW in page_one(project / "after" / f"{PROPOSAL}.pdf")
    assert ("info [lock-letterhead] clauses/husstil.yaml:5 (överenskommelsen): agreements/street-minds-2026.yaml: "
            "överenskommelsen är låst med brevhuvudet som det såg ut vid låsningen, och byggs så: adress låst "
            f"”{OLD}, Växel 08-508 25 000”, husstilen ger nu ”{NEW}, Växel 08-508 25 000”.") in result.output
    assert "[lock-layout]" not in result.output  # the same bytes: nothing to say about layout
    check = run("check", SPEC)
    assert check.exit_code == 0 and "[lock-letterhead]" in check.output


def test_nothing_changed_no_lock_finding(project):
    result = run("build", SPEC, "-o", "again", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "[lock-" not in result.output
    assert "[lock-letterhead]" not in run("check", SPEC).output


def test_a_layout_only_change_is_said_by_the_build(project, monkeypatch):
    """A writer that lays the same text out differently (here: one byte more) gives other bytes: the build
    says so, as info, naming the files, since the file built is then not the signed one."""
    from drafter.writers import registry
    from drafter.writers.pdf import typst_writer

    real, compile_pdf = registry.writer, typst_writer._compile
    monkeypatch.setattr(registry, "writer", lambda fmt: (lambda doc: real(fmt)(doc) + b"\n"))
    # the PDFs are compiled beside the DOCX writers (drafter/writers/pdf/lane.py), not through the registry
    monkeypatch.setattr(typst_writer, "_compile", lambda files, stamp: compile_pdf(files, stamp) + b"\n")
    result = run("build", SPEC, "-o", "after", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert ("info [lock-layout] agreements/street-minds-2026.lock (överenskommelsen): agreements/street-minds-2026.yaml: "
            "överenskommelsen byggs med samma text och brevhuvud som när den låstes, men annan layout — t.ex. en nyare "
            "drafter") in result.output
    assert "DOCX-filen och PDF-filen är inte byte för byte de som låstes." in result.output
    assert result.output.count("[lock-layout]") == 1  # the tjänsteutlåtande is not locked


def test_the_libreoffice_engine_is_named_as_why_a_pdf_differs(project):
    """LibreOffice writes a new time and id into every PDF: the comparison says that is why."""
    from types import SimpleNamespace

    from drafter.lockfile import file_findings

    agreement = SimpleNamespace(kind="agreement", part=None)
    signed = project / "signed" / f"{AGREEMENT}.docx"
    files = {"x.docx": signed.read_bytes(), "x.pdf": b"%PDF-1.7 annan"}
    (finding,) = file_findings(project / SPEC, [(agreement, files)], "libreoffice")
    assert (finding.code, finding.severity, finding.document) == ("lock-layout", "info", "agreement")
    assert ("; PDF:en görs av LibreOffice, som aldrig ger samma byte två gånger: PDF-filen är inte byte för byte den "
            "som låstes.") in finding.message
    assert file_findings(project / SPEC, [(agreement, {"x.docx": signed.read_bytes()})]) == []


def test_a_lock_from_before_letterheads_were_recorded_says_what_it_cannot_know(project):
    lock = project / "agreements" / "street-minds-2026.lock"
    data = yaml.safe_load(lock.read_text(encoding="utf-8"))
    for key in ("brevhuvud", "avsnitt", "uppgifter"):
        del data["dokument"]["overenskommelse"][key]
    lock.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    move_office(project)
    result = run("build", SPEC, "-o", "after", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert NEW in page_one(project / "after" / f"{AGREEMENT}.pdf")  # nothing recorded to keep …
    assert ("info [lock-layout] agreements/street-minds-2026.lock (överenskommelsen): agreements/street-minds-2026.yaml: "
            "överenskommelsen byggs med samma text som när den låstes, men brevhuvudet (husstilen), layouten eller "
            "drafter kan ha ändrats; låset är från en äldre drafter och anger inte brevhuvudet, så jämför sidan 1 med "
            "den undertecknade filen: DOCX-filen och PDF-filen är inte byte för byte de som låstes.") in result.output
    # … but never silent
    spec = project / SPEC
    spec.write_text(spec.read_text(encoding="utf-8").replace("amount: 878000", "amount: 878500"), encoding="utf-8")
    check = run("check", SPEC)
    assert check.exit_code == 1
    assert ("fel [lock-text] agreements/street-minds-2026.lock (överenskommelsen)" in check.output
            and "agreements/street-minds-2026.lock anger inte vilka avsnitt" in check.output)


def test_a_new_logo_is_not_taken_into_the_locked_agreement(project):
    (project / "clauses" / "logotyp.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>',
        encoding="utf-8")
    house = project / "clauses" / "husstil.yaml"
    house.write_text(house.read_text(encoding="utf-8").replace(
        "# logotyp: logotyp.svg", "logotyp: logotyp.svg\nlogotyp_text: Stadens logotyp\n#"), encoding="utf-8")
    result = run("build", SPEC, "-o", "after", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert sha(project / "after" / f"{AGREEMENT}.pdf") == sha(project / "signed" / f"{AGREEMENT}.pdf")
    assert "logotyp: låst utan, husstilen har nu en (den tas inte med)" in result.output


def test_a_locked_tjansteutlatande_keeps_its_recipient_as_written_then(project):
    """The tjänsteutlåtande, locked too: its letterhead (built by assembly, not from the house style alone)
    is kept, the recipient's capital included."""
    assert run("lock", SPEC, "--document", "tjansteutlatande").exit_code == 0
    assert run("build", SPEC, "-o", "signed2", "--jobs", "1").exit_code == 0
    house = project / "clauses" / "husstil.yaml"
    house.write_text(house.read_text(encoding="utf-8").replace("mottagare_versal: true", "mottagare_versal: false"),
                     encoding="utf-8")
    move_office(project)
    result = run("build", SPEC, "-o", "after", "--jobs", "1")
    assert result.exit_code == 0, result.output
    for suffix in (".pdf", ".docx"):
        assert sha(project / "after" / f"{PROPOSAL}{suffix}") == sha(project / "signed2" / f"{PROPOSAL}{suffix}")
    assert "Till Socialnämnden" in page_one(project / "after" / f"{PROPOSAL}.pdf")
    assert ("info [lock-letterhead] clauses/husstil.yaml:5 (tjänsteutlåtandet): agreements/street-minds-2026.yaml: "
            "tjänsteutlåtandet är låst med brevhuvudet") in result.output
    assert "mottagare låst ”Till Socialnämnden”, husstilen ger nu ”Till socialnämnden”" in result.output


@pytest.mark.parametrize("generic", ["region-tva-foreningar", "norrmalm-stiftelse"])
def test_a_generic_partnership_locked_names_what_changed(tmp_path, generic):
    """Not the seeds: a partnership of the generic library, locked by lockfile.lock_entry as `drafter lock`
    records it, then a budget row changed: lock-text names section 'Ekonomisk ersättning'-like heading and
    the field with its line; a house style change that does not reach its letterhead says nothing."""
    import shutil

    from drafter.clauses.library import ClauseLibrary
    from drafter.lockfile import document_name, lock_entry, write_lock
    from drafter.pipeline import prepare
    from drafter.spec.load import load_spec
    from helpers import CLAUSES, ROOT

    shutil.copytree(CLAUSES, tmp_path / "clauses")
    spec = tmp_path / f"{generic}.yaml"
    shutil.copy(ROOT / "tests" / "generic" / f"{generic}.yaml", spec)
    library = ClauseLibrary(tmp_path / "clauses")
    loaded = load_spec(spec)
    agreement = next(d for d in prepare(loaded, library).documents if d.kind == "agreement")
    write_lock(spec, {"overenskommelse": lock_entry(agreement, {}, library, loaded, document_name(agreement))})

    def lock_findings():
        return [f for f in prepare(load_spec(spec), ClauseLibrary(tmp_path / "clauses")).findings
                if f.code.startswith("lock-")]

    assert lock_findings() == []
    house = tmp_path / "clauses" / "husstil.yaml"
    house.write_text(house.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    moved = lock_findings()
    letterhead = agreement.meta.house.address if agreement.meta.house else []
    assert [f.code for f in moved] == (["lock-letterhead"] if OLD in letterhead else [])
    text = spec.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if "amount:" in line and "rows" not in line)
    amount = row.split("amount:")[1].strip(" }")
    spec.write_text(text.replace(row, row.replace(f"amount: {amount}", f"amount: {int(amount) + 1000}")),
                    encoding="utf-8")
    line = text.splitlines().index(row) + 1
    (finding,) = [f for f in lock_findings() if f.code == "lock-text"]
    assert finding.where == f"{spec.as_posix()}:{line}"
    assert f"budget.rows.0.amount (rad {line}, {amount} → {int(amount) + 1000})" in finding.message
    assert "ändrade avsnitt: ”" in finding.message


def test_verify_names_the_letterhead_of_a_file_built_with_another_address(project):
    """A PDF built with the new address (here: with the lock moved aside) is not the signed agreement, and
    `drafter verify` shows the address as the difference: it compares with the locked letterhead."""
    move_office(project)
    lock = project / "agreements" / "street-minds-2026.lock"
    lock.rename(project / "aside.lock")
    assert run("build", SPEC, "-o", "unlocked", "--jobs", "1").exit_code == 0
    (project / "aside.lock").rename(lock)
    result = run("verify", project / "unlocked" / f"{AGREEMENT}.pdf", SPEC)
    assert result.exit_code != 0
    assert "matchar inte filerna som låstes" in result.output
    assert "efter ”…Stockholms stad Socialförvaltningen Box”: ”44,” → ”9999,”" in result.output
    assert run("verify", project / "signed" / f"{AGREEMENT}.pdf", SPEC).exit_code == 0


@pytest.mark.parametrize("key, value", [("brevhuvud", "Box 44"), ("avsnitt", {"1. Bakgrund": "x"}),
                                        ("uppgifter", ["budget.rows.0.amount"])])
def test_a_hand_edited_letterhead_or_section_list_is_bad_input(project, key, value):
    lock = project / "agreements" / "street-minds-2026.lock"
    data = yaml.safe_load(lock.read_text(encoding="utf-8"))
    data["dokument"]["overenskommelse"][key] = value
    lock.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run("check", SPEC)
    assert result.exit_code == 2, result.output
    assert "agreements/street-minds-2026.lock" in result.output
    assert "brevhuvud, avsnitt eller uppgifter som inte är som `drafter lock` skriver dem" in result.output


def test_an_address_from_the_forvaltnings_own_entry_is_pointed_at_there_and_an_empty_one_said_in_words(tmp_path):
    """trial4: the finding pointed at husstil.yaml's `adress:` (Socialförvaltningen's) and said 'adress låst ””'."""
    from drafter.lockdetail import _letterhead_changes, _where

    house = tmp_path / "husstil.yaml"
    house.write_text("organisation: Stockholms stad\nforvaltning: Socialförvaltningen\n"
                     "adress: [\"Box 44, 104 20 Stockholm\"]\nforvaltningar:\n"
                     "  Rinkeby-Kista stadsdelsförvaltning: [\"Box 4020, 163 04 Spånga\"]\n"
                     "  Spånga-Tensta stadsdelsförvaltning: [\"Box 4001, 163 04 Spånga\"]\nlogotyp: logo.png\n",
                     encoding="utf-8")
    record = {"avsandare": ["Stockholms stad", "Spånga-Tensta stadsdelsförvaltning"], "adress": [],
              "dokumenttyp": "", "uppgifter": [], "mottagare": ""}
    changes = _letterhead_changes(record, {**record, "adress": ["Box 4001, 163 04 Spånga"]})
    assert changes == ["adress låst utan, husstilen ger nu ”Box 4001, 163 04 Spånga”"]
    assert _where(house, changes, record["avsandare"]).endswith("husstil.yaml:6")
    gone = _letterhead_changes({**record, "adress": ["Box 4001, 163 04 Spånga"]}, record)
    assert gone == ["adress låst ”Box 4001, 163 04 Spånga”, husstilen ger nu ingen"]
    assert _where(house, changes, ["Stockholms stad", "Socialförvaltningen"]).endswith("husstil.yaml:3")


def test_a_locked_tjansteutlatande_records_its_own_proposal_fields(project):
    """The tjänsteutlåtande's lock records the proposal: fields it is made of, so a changed budget row is the
    only changed value lock-text names (it named proposal.title, .date … as 'ny', though none had changed:
    lock_entry's file loop had taken over the document's name)."""
    from drafter.lockrecord import value_record
    from drafter.spec.load import load_spec

    assert run("lock", SPEC, "--document", "tjansteutlatande").exit_code == 0
    entry = yaml.safe_load((project / "agreements" / "street-minds-2026.lock").read_text(encoding="utf-8"))
    values = entry["dokument"]["tjansteutlatande"]["uppgifter"]
    assert values == value_record(load_spec(project / SPEC), "tjansteutlatande")
    assert "proposal.title" in values
    spec = project / SPEC
    text = spec.read_text(encoding="utf-8")
    assert "amount: 57000" in text
    spec.write_text(text.replace("amount: 57000", "amount: 67000"), encoding="utf-8")
    result = run("check", SPEC)
    (line,) = [x for x in result.output.splitlines() if x.startswith("fel [lock-text]") and "(tjänsteutlåtandet)" in x]
    assert "57000 → 67000" in line
    assert "proposal." not in line and "ny)" not in line


def test_lock_text_advises_by_the_kind_of_document(project):
    """A changed value under a locked tjänsteutlåtande or tillägg is not mended 'genom ett tillägg' to a
    överenskommelse: the tjänsteutlåtande is what the nämnd decided on, a tillägg is changed by a new one."""
    assert run("lock", SPEC, "--document", "tjansteutlatande", "--document", "tillagg-1",
               "--future-date").exit_code == 0
    spec = project / SPEC
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("amount: 57000", "amount: 67000").replace("amount: 65000}", "amount: 66000}"),
                    encoding="utf-8")
    lines = {doc: line for line in run("check", SPEC).output.splitlines() if line.startswith("fel [lock-text]")
             for doc in ("överenskommelsen", "tjänsteutlåtandet", "tillägget") if f"({doc})" in line}
    assert lines["överenskommelsen"].endswith("En undertecknad överenskommelse ändras genom ett tillägg.")
    assert "nämnden beslutade om och ändras inte" in lines["tjänsteutlåtandet"]
    assert "ändras genom ett nytt tillägg" in lines["tillägget"]


def test_the_packets_bilaga_shows_the_locked_agreement_as_signed(project):
    """trial5: after the office moved, the nämnd packet's Bilaga 1 showed the locked agreement with the new
    address, though the agreement's own PDF kept the one it was signed with."""
    move_office(project)
    result = run("build", SPEC, "-o", "after", "--jobs", "1")
    assert result.exit_code == 0, result.output
    packet = PdfReader(io.BytesIO((project / "after" / "street-minds-2026" /
                                   "street-minds-2026-handlingar.pdf").read_bytes()))
    pages = [page.extract_text() for page in packet.pages]
    first_bilaga = next(i for i, text in enumerate(pages) if "Bilaga 1" in text)
    assert NEW in pages[0] and OLD not in pages[0]  # the tjänsteutlåtande is not locked: today's house style
    assert OLD in pages[first_bilaga] and NEW not in pages[first_bilaga]  # the agreement as it was signed
