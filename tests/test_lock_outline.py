"""A locked spec's `standard:` outline set to another version (trial12: iop-overenskommelse@2 → @1) changes
the signed text: `lock-clauses` says so at the spec's `standard:` line, with old → new and the remedy of a
signed document, and clause-unapproved does not advise to fastställa the versions it now brings in."""

import shutil

from drafter.clauses.library import ClauseLibrary
from drafter.lockfile import document_name, lock_entry, write_lock
from drafter.pipeline import prepare
from drafter.spec.load import load_spec
from helpers import CLAUSES, ROOT

GENERIC = "region-tva-foreningar"


def test_a_changed_standard_outline_of_a_locked_spec_points_at_its_line(tmp_path):
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    spec = tmp_path / f"{GENERIC}.yaml"
    text = (ROOT / "tests" / "generic" / f"{GENERIC}.yaml").read_text(encoding="utf-8")
    assert "outline: {standard: iop-overenskommelse}" in text
    spec.write_text(text.replace("outline: {standard: iop-overenskommelse}",
                                 "outline: {standard: iop-overenskommelse@2}"), encoding="utf-8")
    library = ClauseLibrary(tmp_path / "clauses")
    loaded = load_spec(spec)
    agreement = next(d for d in prepare(loaded, library).documents if d.kind == "agreement")
    write_lock(spec, {"overenskommelse": lock_entry(agreement, {}, library, loaded, document_name(agreement))})
    before = {f.code for f in prepare(load_spec(spec), ClauseLibrary(tmp_path / "clauses")).findings}
    assert not {c for c in before if c.startswith("lock-")}

    spec.write_text(spec.read_text(encoding="utf-8").replace("iop-overenskommelse@2", "iop-overenskommelse@1"),
                    encoding="utf-8")
    line = spec.read_text(encoding="utf-8").splitlines().index("outline: {standard: iop-overenskommelse@1}") + 1
    findings = prepare(load_spec(spec), ClauseLibrary(tmp_path / "clauses")).findings
    (changed,) = [f for f in findings if f.code == "lock-clauses"]
    assert changed.severity == "error" and changed.where == f"{spec.as_posix()}:{line}"
    assert f"outline.standard (rad {line}, iop-overenskommelse@2 → iop-overenskommelse@1)" in changed.message
    assert "används men är inte låst" in changed.message
    assert changed.message.endswith("En undertecknad överenskommelse ändras genom ett tillägg.")
    now_used = {ref.split(" ")[0] for ref in changed.message.split("(")[1].split(", ") if "inte låst" in ref}
    unapproved = [f for f in findings if f.code == "clause-unapproved" and f.document in ("agreement", "consolidated")]
    assert not [f for f in unapproved if any(ref in f.message for ref in now_used)]
    assert not [f for f in findings if "clauses approve" in f.message and f.document in ("agreement", "consolidated")
                and any(ref in f.message for ref in now_used)]
