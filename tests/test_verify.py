"""`drafter verify`: is this file the agreement that was signed? Answered from the locks."""


import pytest
from click.testing import CliRunner
from docx import Document as Docx

from drafter.cli import main
from helpers import copy_examples, signed_example

SPEC = "agreements/street-minds-2026.yaml"
BUILT = "out/street-minds-2026/street-minds-2026-overenskommelse"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("verify")
    copy_examples(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        signed_example(root)
        assert run("build", SPEC, "-o", "out").exit_code == 0
        assert run("lock", SPEC).exit_code == 0
    return root


@pytest.fixture
def here(project, monkeypatch):
    monkeypatch.chdir(project)
    return project


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_signed_file_is_recognised(here, suffix):
    result = run("verify", BUILT + suffix)
    assert result.exit_code == 0, result.output
    assert f"ok: {BUILT}{suffix} är överenskommelsen i {SPEC} ({suffix[1:].upper()}), låst med drafter" in result.output
    assert "street-minds/bakgrund@1" in result.output and "villkor/period@2" in result.output


def test_one_changed_byte_is_not_the_signed_file(here):
    data = bytearray((here / (BUILT + ".pdf")).read_bytes())
    data[len(data) // 2] ^= 0x01
    (here / "andrad.pdf").write_bytes(bytes(data))
    result = run("verify", "andrad.pdf", SPEC)
    assert result.exit_code == 1
    assert "andrad.pdf matchar inte filerna som låstes" in result.output or \
        "andrad.pdf matchar inget låst dokument" in result.output


def test_a_changed_word_is_named(here):
    docx = Docx(str(here / (BUILT + ".docx")))
    run_ = next(r for p in docx.paragraphs for r in p.runs if "Bostad Först" in r.text)
    run_.text = run_.text.replace("Bostad Först", "Boende Först", 1)
    docx.save(str(here / "ord.docx"))
    result = run("verify", "ord.docx")
    assert result.exit_code == 1
    assert f"Närmast: överenskommelsen i {SPEC}" in result.output
    assert "”Bostad” → ”Boende”" in result.output


def test_without_a_lock_nothing_is_verified(here, tmp_path):
    (tmp_path / "agreements").mkdir()
    result = run("verify", BUILT + ".pdf", "--agreements", tmp_path / "agreements")
    assert result.exit_code == 1
    assert "inget lås hittades" in result.output


def test_a_document_that_was_never_locked_is_not_diffed_against_the_agreement(here):
    # The proposal is built beside the locked agreement but never locked: a word diff of it against the
    # agreement ("19 % av orden lika" and 60 lines of changes) told the reviewer nothing true.
    proposal = "out/street-minds-2026/street-minds-2026-tjansteutlatande.pdf"
    result = run("verify", proposal)
    assert result.exit_code == 1
    assert f"{proposal} matchar inget låst dokument: inget av dem har samma text" in result.output
    assert "tjänsteutlåtandet" in result.output and "→" not in result.output


def test_a_spec_given_as_the_file_is_told_where_it_goes(here):
    # `drafter verify agreements/x.yaml` said the spec "kan inte läsas som YAML; filen är skadad".
    result = run("verify", SPEC)
    assert result.exit_code == 1
    assert f"{SPEC} är ingen PDF- eller DOCX-fil" in result.output and f"drafter verify FIL.pdf {SPEC}" in result.output
    assert "skadad" not in result.output


def test_the_namnd_packet_is_said_to_be_one_and_no_line_quotes_pages(here):
    """The nämnd packet (the tjänsteutlåtande with the agreement as Bilaga 1) is never locked. Verified, it
    was diffed against the agreement, and one line quoted the whole tjänsteutlåtande (3 000 characters)."""
    packet = "out/street-minds-2026/street-minds-2026-handlingar.pdf"
    result = run("verify", packet)
    assert result.exit_code == 1
    assert "nämndhandlingen" in result.output and "låses inte" in result.output
    assert max(len(line) for line in result.output.splitlines()) < 400, result.output


def test_a_tillaggs_namnd_packet_is_said_to_be_one(here):
    import shutil

    shutil.copy("out/street-minds-2026/street-minds-2026-handlingar.pdf", "street-minds-2026-handlingar-tillagg-1.pdf")
    result = run("verify", "street-minds-2026-handlingar-tillagg-1.pdf")
    assert result.exit_code == 1
    assert "är nämndhandlingen om tillägg nr 1 (tjänsteutlåtandet med tillägget som bilaga)" in result.output
    assert "t.ex. street-minds-2026-tillagg-1.pdf" in result.output


def test_a_long_insertion_is_quoted_by_its_start_and_end(here):
    docx = Docx(str(here / (BUILT + ".docx")))
    docx.paragraphs[5].add_run(" " + " ".join(f"ord{i}" for i in range(200)))
    docx.save(str(here / "lang.docx"))
    result = run("verify", "lang.docx")
    assert result.exit_code == 1
    (line,) = [x for x in result.output.splitlines() if "ord0" in x]
    assert "ord0 ord1" in line and "ord199" in line and "(200 ord)" in line and "ord100" not in line
