"""What Typst's memo (comemo) reuses between two compiles in one process, on plain paragraphs.

A document of 40 paragraphs in its own file (a.typ), compiled fresh, then changed a little in
main.typ, once with the text style set in main.typ and once with it set in a.typ:
- again, unchanged: the whole compile is served from the memo (the PDF export remains);
- a comment added to main.typ, or a line after the document: with the set rule in main.typ nothing is
  reused (an edit renumbers main.typ's spans, a style rule carries its span, so every paragraph's
  styles differ); with the set rule in a.typ the paragraphs are reused;
- a then b (both compiled alone before, each starting on its own line) in one document: b's pages are
  a second page run, keyed by its first element's span, the same as b alone, and reused.
So drafter's templates set no style in the entry files (document.typ, packet.typ) before the body,
and the packet's parts start on different lines (drafter.typ), so the packet reuses the documents.

    python bench/typst_reuse.py        # CPU ms, median of 12 rounds (2 warm-up rounds left out)
"""

from __future__ import annotations

import statistics
import sys
import time

STYLE = '#set text(font: "Liberation Serif")\n'


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

    # Each case: its own text, compiled alone first (the standalone document), then the case, timed.
    cases = [
        ("style in main: a, fresh", STYLE, "", STYLE + '#include "a.typ"\n'),
        ("style in main: a again, unchanged", STYLE, "", STYLE + '#include "a.typ"\n'),
        ("style in main: a, comment in main", STYLE, "", STYLE + '// en kommentar\n#include "a.typ"\n'),
        ("style in main: a, one line after", STYLE, "", STYLE + '#include "a.typ"\n\nEn rad till.\n'),
        ("style in a.typ: a, comment in main", "", STYLE, '// en kommentar\n#include "a.typ"\n'),
        ("style in a.typ: a, one line after", "", STYLE, '#include "a.typ"\n\nEn rad till.\n'),
        ("style in a.typ: a then b", "", STYLE, '#include "a.typ"\n#pagebreak()\n#include "b.typ"\n'),
    ]
    for n in range(14):
        for k, (label, main_style, file_style, case) in enumerate(cases):
            files = {name: (file_style + "\n\n".join(f"Stycke {name} {k} {n} nummer {i}: " + "ord " * 120
                                                       for i in range(40))).encode() for name in ("a.typ", "b.typ")}
            fresh = label.endswith("fresh")
            if not fresh:
                for name in ("a.typ", "b.typ"):
                    compiler.compile(input={"main.typ": (main_style + f'#include "{name}"\n').encode(), **files},
                                     format="pdf")
            timed(label, case, files)
    for label, seconds in spent.items():
        print(f"{label:<40} {statistics.median(seconds[2:]) * 1000:5.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
