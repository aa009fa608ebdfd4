"""What Typst's memo (comemo) reuses between two compiles in one process, on plain paragraphs.

A document of 40 paragraphs in its own file (body.typ, included by main.typ), compiled fresh, then:
- again, unchanged: the whole compile is served from the memo (PDF export remains);
- with one more line after it: every paragraph is laid out again;
- after another document (a + b in one file, both compiled alone before): nothing of either is reused.
So a document made of documents compiled just before (the nämnd packet) costs a fresh layout of its
pages: Typst 0.15 keeps the layout of a paragraph only for the identical document.

    python bench/typst_reuse.py        # CPU ms, median of 12 rounds (2 warm-up rounds left out)
"""

from __future__ import annotations

import statistics
import sys
import time

HEAD = '#set text(font: "Liberation Serif")\n'


def main() -> int:
    import typst

    from drafter.writers.pdf.typst_writer import FONTS

    compiler = typst.Compiler(b"", font_paths=typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                                                          font_paths=[FONTS]), ignore_system_fonts=True)
    spent: dict[str, list[float]] = {}

    def timed(label: str, main: str, files: dict[str, bytes]) -> None:
        started = time.process_time()
        compiler.compile(input={"main.typ": main.encode(), **files}, format="pdf")
        spent.setdefault(label, []).append(time.process_time() - started)

    for n in range(14):
        files = {f"{tag.lower()}.typ": "\n\n".join(f"Stycke {tag} {n} nummer {i}: " + "ord " * 120
                                                     for i in range(40)).encode() for tag in "AB"}
        timed("a, fresh", HEAD + '#include "a.typ"\n', files)
        timed("b, fresh", HEAD + '#include "b.typ"\n', files)
        timed("a again, unchanged", HEAD + '#include "a.typ"\n', files)
        timed("a with one line after it", HEAD + '#include "a.typ"\n\nEn rad till.\n', files)
        timed("a, then b (both compiled before)", HEAD + '#include "a.typ"\n#pagebreak()\n#include "b.typ"\n', files)
    for label, seconds in spent.items():
        print(f"{label:<36} {statistics.median(seconds[2:]) * 1000:5.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
