"""The consolidated redline of `build --redline` does not vanish without a word at the next plain build.

trial6 §7b: `drafter build SPEC --redline`, then `drafter build agreements/*.yaml`, and the jurist's
`…-konsoliderad-andringar.docx` was gone. A plain build now keeps it while it is what --redline would
write; when the spec has changed since, it goes and the build says so (redline-removed), naming the file
and the command that writes it anew.
"""

import json
import shutil

import pytest
from click.testing import CliRunner

from drafter.build import BuildOptions, build
from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from helpers import CLAUSES, EXAMPLE
from diff.tracked_reader import accepted_text, rejected_text

NAME = "spec-overenskommelse-konsoliderad-andringar.docx"


@pytest.fixture
def spec(tmp_path):
    path = tmp_path / "spec.yaml"
    shutil.copy(EXAMPLE, path)  # tillägg nr 1 raises Aktiviteter to 65 000 kr
    shutil.copy(EXAMPLE.with_name("street-minds-2023.yaml"), tmp_path)  # the spec it renews
    return path


def built(spec, out, redline=False):
    """One DOCX build of `spec` into `out`: (the manifest's data, the findings reported)."""
    said = []
    manifest = build(spec, BuildOptions(out_dir=out, formats=("docx",), library=ClauseLibrary(CLAUSES),
                                        redline=redline), report=said.append)
    return json.loads(manifest.read_text(encoding="utf-8")), said


def removed(said):
    return [f for f in said if f.code == "redline-removed"]


def test_a_plain_build_keeps_a_redline_that_is_still_current(spec, tmp_path):
    out = tmp_path / "output"
    built(spec, out, redline=True)
    redline = out / "spec" / NAME
    before = redline.read_bytes()
    manifest, said = built(spec, out)
    assert redline.read_bytes() == before  # the jurist's file, byte for byte
    assert [d["files"] for d in manifest["documents"] if d["kind"] == "consolidated-redline"] == [{"docx": NAME}]
    assert not removed(said)
    assert "3.2 a Brukarråd" in accepted_text(before) and "Brukarråd" not in rejected_text(before)  # tracked


def test_a_plain_build_after_a_change_removes_the_redline_and_says_so(spec, tmp_path):
    out = tmp_path / "output"
    built(spec, out, redline=True)
    spec.write_text(spec.read_text(encoding="utf-8").replace("amount: 65000}", "amount: 64000}", 1), encoding="utf-8")
    manifest, said = built(spec, out)
    assert not (out / "spec" / NAME).exists()  # it showed a tillägg of 65 000 kr that now says 64 000 kr
    assert "consolidated-redline" not in [d["kind"] for d in manifest["documents"]]
    (finding,) = removed(said)
    assert finding.severity == "info" and finding.document == "consolidated"
    assert f"{NAME} togs bort: specen, klausulerna, husstilen eller drafter har ändrats sedan den skrevs" in finding.message
    assert f"drafter build {spec} --redline" in finding.message
    built(spec, out, redline=True)  # and back it comes
    assert (out / "spec" / NAME).exists()


def test_a_redline_edited_by_hand_is_not_kept_as_drafters_and_the_build_says_so(spec, tmp_path):
    out = tmp_path / "output"
    built(spec, out, redline=True)
    with (out / "spec" / NAME).open("ab") as fh:
        fh.write(b"\0")
    _, said = built(spec, out)
    (finding,) = removed(said)
    assert "filen har ändrats sedan drafter skrev den" in finding.message
    assert "spara den under ett annat namn" in finding.message


def test_a_redline_build_of_a_spec_without_tillagg_removes_the_old_one_and_says_why(spec, tmp_path):
    out = tmp_path / "output"
    built(spec, out, redline=True)
    text = spec.read_text(encoding="utf-8")
    start = text.index("\namendments:")
    spec.write_text(text[:start] + text[text.index("\nproposal:", start):], encoding="utf-8")
    _, said = built(spec, out, redline=True)
    assert not (out / "spec" / NAME).exists()
    (finding,) = removed(said)
    assert "specen har inte längre några tillägg" in finding.message


def test_the_batch_build_prints_the_message(spec, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = lambda *args: CliRunner().invoke(main, ["build", "spec.yaml", "--clauses", str(CLAUSES), "-j", "1",  # noqa: E731
                                                  "--format", "docx", *args])
    assert run("--redline").exit_code == 0
    kept = run()
    assert kept.exit_code == 0 and "redline-removed" not in kept.output, kept.output
    assert (tmp_path / "output" / "spec" / NAME).exists()
    spec.write_text(spec.read_text(encoding="utf-8").replace("amount: 65000}", "amount: 64000}", 1), encoding="utf-8")
    gone = run()
    assert gone.exit_code == 0, gone.output
    line = next(line for line in gone.output.splitlines() if line.startswith("info [redline-removed]"))
    assert f"output/spec/{NAME} togs bort" in line and "drafter build spec.yaml --redline" in line
