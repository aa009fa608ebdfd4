"""Are the example documents byte-identical to those of another commit?

    python bench/same_output.py [REF]          # REF defaults to HEAD

Builds every spec in agreements/ (both formats, with --redline) twice into temporary folders: once
with the code and clauses of the working tree, once with those of REF (checked out with
`git worktree` into a temporary folder), and compares the sha256 of every file the manifests list.
Prints one line per file (`samma`, `ändrad`, `ny`, `borta`) and exits 1 when any file differs, so a
structural change can prove it changed no output byte, and an intended change can be listed.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(checkout: Path, out: Path) -> dict[str, str]:
    """Build the examples of `checkout` with its own code; {file name: sha256}."""
    specs = sorted(str(p.relative_to(checkout)) for p in (checkout / "agreements").glob("*.yaml"))
    env_python = sys.executable
    code = ("import sys; sys.path.insert(0, '.'); from drafter.cli import main; "
            "main(['build', *sys.argv[1:]])")
    subprocess.run([env_python, "-c", code, *specs, "-o", str(out), "--force", "--redline", "--jobs", "1"],
                   cwd=checkout, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.glob("*/*")) if p.suffix in (".docx", ".pdf")}


def main(ref: str = "HEAD") -> int:
    with tempfile.TemporaryDirectory(prefix="drafter-same-") as tmp:
        other = Path(tmp) / "ref"
        subprocess.run(["git", "worktree", "add", "--detach", str(other), ref], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            before = build(other, Path(tmp) / "before")
            after = build(ROOT, Path(tmp) / "after")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT, check=False)
    differ = 0
    for name in sorted(set(before) | set(after)):
        if name not in after:
            state = "borta"
        elif name not in before:
            state = "ny"
        else:
            state = "samma" if before[name] == after[name] else "ändrad"
        differ += state != "samma"
        print(f"{state:7} {name}")
    print(f"{len(before)} filer i {ref}, {len(after)} i arbetskopian, {differ} skiljer sig.")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
