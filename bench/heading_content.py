"""How often `heading-content` speaks, measured on real clause texts: every version in clauses/, and
the clauses `drafter import` makes of the importer's corpus and the seed documents.

    python bench/heading_content.py

Each clause's heading is compared with its own text (template expressions left out: they are data).
Prints each finding and the counts (the figures of the last run: docs/checks/heading-content.md).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.checks.headings import key_words, mentioned, topics  # noqa: E402
from drafter.clauses.library import ClauseLibrary  # noqa: E402


def findings(library: ClauseLibrary) -> tuple[int, int, list[str]]:
    """(clause versions, headings that list two or more topics, lines of findings)."""
    versions = listing = 0
    out = []
    for clause_id in library.ids():
        for version in library.versions(clause_id):
            versions += 1
            heading = version.meta.heading or ""
            listed = topics(heading)
            if len(listed) < 2:
                continue
            listing += 1
            text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", version.body, flags=re.DOTALL).casefold()
            missing = [t for t in listed if not any(mentioned(w, text) for w in key_words(t))]
            if missing and len(missing) < len(listed):
                out.append(f"{version.ref}: \"{heading}\" – nämns inte: {', '.join(missing)}")
    return versions, listing, out


def imported(folder: Path) -> Path:
    """The corpus and seeds imported into a fresh library under `folder`."""
    sources = sorted((ROOT / "tests/importer/corpus").glob("*.docx"))
    sources += sorted((ROOT.parent / "shared/seeds").glob("*.txt"))
    for source in sources:
        subprocess.run([sys.executable, "-m", "drafter", "import", str(source), "--clauses", str(folder / "clauses"),
                        "--agreements", str(folder / "agreements"), "--force"],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return folder / "clauses"


def main() -> None:
    for name, library in (("clauses/", ClauseLibrary(ROOT / "clauses")),):
        versions, listing, lines = findings(library)
        print("\n".join(lines))
        print(f"{name}: {versions} klausulversioner, {listing} rubriker med flera ämnen, {len(lines)} fynd")
    with tempfile.TemporaryDirectory() as tmp:
        root = imported(Path(tmp))
        if root.exists():
            versions, listing, lines = findings(ClauseLibrary(root))
            print("\n".join(lines))
            print(f"importerade (korpus och seeds): {versions} klausulversioner, {listing} rubriker med flera ämnen, "
                  f"{len(lines)} fynd")


if __name__ == "__main__":
    main()
