"""What a locked document records besides its text must not change silently (trial14), shown on a partnership
of our own (Läxhjälpen i Tensta, tests/own_partnership.py): the nämnd's decision the signed agreement rests on,
the subject in the signed file's properties, and where a printed date really stands (drafter/lockprinted.py)."""

import io
import shutil

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from drafter.cli import main
from helpers import CLAUSES
from own_partnership import signed

PDF = "laxhjalp-tensta-2026/laxhjalp-tensta-2026-overenskommelse.pdf"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The partnership signed and its agreement locked; returns (spec, library)."""
    monkeypatch.chdir(tmp_path)
    library = shutil.copytree(CLAUSES, tmp_path / "clauses")
    return signed(tmp_path, library, []), library


def run(library, *args):
    return CliRunner().invoke(main, [*map(str, args), "--clauses", str(library)])


def edit(spec, old, new):
    text = spec.read_text(encoding="utf-8")
    assert old in text
    spec.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(spec, start):
    return next(n for n, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start))


def lock_text(output):
    return [line for line in output.splitlines() if line.startswith("fel [lock-text]")]


def test_a_changed_decision_date_or_paragraph_of_the_locked_agreement_is_an_error(project):
    spec, library = project
    assert lock_text(run(library, "check", spec).output) == []
    edit(spec, "  date: 2026-04-14\n  paragraph: § 9", "  date: 2026-04-15\n  paragraph: § 10")
    check = run(library, "check", spec)
    assert check.exit_code == 1
    (line,) = lock_text(check.output)  # no tillägg cites the decision: without the check this was silent
    date_line = line_of(spec, "  date: 2026-04-15")
    assert line.startswith(f"fel [lock-text] {spec.as_posix()}:{date_line} (överenskommelsen): ")
    assert f"decision.date (rad {date_line}, 2026-04-14 → 2026-04-15)" in line
    assert f"decision.paragraph (rad {date_line + 1}, § 9 → § 10)" in line
    assert "annat beslut av nämnden" in line and "rättsligt faktum" in line and "Skriv tillbaka värdena" in line
    assert "texten i" not in line  # a decision, not a text
    build = run(library, "build", spec, "-o", "after", "--jobs", "1", "--format", "pdf")
    assert build.exit_code == 1 and not (spec.parent.parent / "after" / "laxhjalp-tensta-2026").exists()


def test_a_decision_field_written_in_after_the_lock_is_no_change(project):
    spec, library = project
    edit(spec, "  paragraph: § 9\n", '  paragraph: § 9\n  diarienummer: "ST 2026/0301"\n')
    assert lock_text(run(library, "check", spec).output) == []


def test_a_changed_subject_is_the_signed_files_and_an_error_not_a_layout_note(project):
    spec, library = project
    assert run(library, "build", spec, "-o", "signed", "--jobs", "1", "--format", "pdf").exit_code == 0
    signed_pdf = PdfReader(io.BytesIO((spec.parent.parent / "signed" / PDF).read_bytes()))
    assert signed_pdf.metadata["/Subject"] == "Läxhjälp för barn och unga i Tensta"  # the file carries it
    edit(spec, "  subject: Läxhjälp för barn och unga i Tensta", "  subject: Läxhjälp i Tensta")
    check = run(library, "check", spec)
    (line,) = lock_text(check.output)
    subject_line = line_of(spec, "  subject:")
    assert line.startswith(f"fel [lock-text] {spec.as_posix()}:{subject_line} (överenskommelsen): ")
    assert f"document.subject (rad {subject_line}, Läxhjälp för barn och unga i Tensta → Läxhjälp i Tensta)" in line
    assert "(filens dokumentegenskaper)" in line
    assert "hänvisar till" not in line  # tillägg cite the dnr and date, not the subject
    assert "[lock-layout]" not in check.output
    build = run(library, "build", spec, "-o", "after", "--jobs", "1", "--format", "pdf")
    assert build.exit_code == 1 and "en ny logotyp" not in build.output


def test_the_date_message_says_where_the_date_stands_in_the_signed_file(project):
    spec, library = project
    assert run(library, "build", spec, "-o", "signed", "--jobs", "1", "--format", "pdf").exit_code == 0
    pages = [p.extract_text() for p in PdfReader(io.BytesIO((spec.parent.parent / "signed" / PDF).read_bytes())).pages]
    assert "2026-04-20" in pages[0] and not any("2026-04-20" in p for p in pages[1:])  # page 1 only
    assert all("ST 2026/0301" in p for p in pages)  # the diarienummer: every page
    edit(spec, "  date: 2026-04-20", "  date: 2026-04-21")
    (date,) = lock_text(run(library, "check", spec).output)
    assert "(brevhuvudet på sidan 1 och filens dokumentegenskaper)" in date and "sidhuvud" not in date
    edit(spec, "  date: 2026-04-21", "  date: 2026-04-20")
    edit(spec, "  diarienummer: ST 2026/0301", "  diarienummer: ST 2026/0302")
    (dnr,) = lock_text(run(library, "check", spec).output)
    assert "(brevhuvudet på sidan 1 och sidhuvudet på sidorna efter den första)" in dnr
