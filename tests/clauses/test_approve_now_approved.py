"""`clauses approve ID@N` without --spec: a spec that uses that very version keeps its text, but its check
changes (clause-unapproved is no longer said about the version), so it is not "Rörs inte"; it is said
as what it is. Before, the tester read the spec the approval was for under "Rörs inte"."""

from __future__ import annotations

import copy
import shutil

from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, write_spec
from own_partnership import SPEC


def test_a_spec_whose_version_is_now_approved_for_it_is_not_untouched(tmp_path):
    library = shutil.copytree(CLAUSES, tmp_path / "clauses")
    (tmp_path / "agreements").mkdir()
    spec = write_spec(tmp_path / "agreements", copy.deepcopy(SPEC), "laxhjalp-tensta-2026.yaml")
    other = copy.deepcopy(SPEC)
    other["parties"][0].update(committee="Rinkeby-Kista stadsdelsnämnd", administration="Rinkeby-Kista stadsdelsförvaltning")
    other["parties"][0]["signatory"]["signs_for"] = "Rinkeby-Kista stadsdelsnämnd i Stockholms stad"
    elsewhere = write_spec(tmp_path / "agreements", other, "laxhjalp-rinkeby-2026.yaml")

    def unapproved():
        out = CliRunner().invoke(main, ["check", "--format", "json", str(spec), "--clauses", str(library)]).output
        return "villkor/jav@1" in "".join(line for line in out.splitlines() if "clause-unapproved" in line or "jav" in line)

    assert unapproved()
    result = CliRunner().invoke(main, ["clauses", "approve", "villkor/jav@1", "--av", "Spånga-Tensta stadsdelsnämnd",
                                       "--för", "Stockholms stad", "--datum", "2026-04-14", "--clauses", str(library),
                                       "--agreements", str(tmp_path / "agreements")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    head = lines.index("Samma text, nu fastställd för specens offentliga part (kontrollen säger inte längre "
                       "clause-unapproved om den):")
    assert lines[head + 1] == f"  {spec}: överenskommelsen (villkor/jav@1)"
    untouched = lines[lines.index("Rörs inte:") + 1:]
    assert not [line for line in untouched if str(spec) in line]  # it was listed here
    assert [line for line in untouched if str(elsewhere) in line]  # another nämnd's spec: approved for others only
    assert not unapproved()
