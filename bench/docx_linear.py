"""Is the DOCX writer linear in document length? Time `docx_bytes` on the 2026 agreement and on the
same agreement with its sections repeated `--times` times (40 by default), in one warm process.

    python bench/docx_linear.py [--root CHECKOUT] [--times 40] [--repeat 5]

`--root` runs another checkout's code (today's, to compare); prints one JSON line: the medians in
seconds and their ratio. A linear writer gives a ratio near `--times`; a quadratic one far above.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
from pathlib import Path


def _median_seconds(make, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        started = time.process_time()
        make()
        runs.append(time.process_time() - started)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--times", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(args.root))
    from drafter.assemble import assemble_all  # in every checkout (drafter.pipeline came later)
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.load import load_spec
    from drafter.writers.docx import docx_bytes

    documents, _ = assemble_all(load_spec(args.root / "agreements" / "street-minds-2026.yaml"),
                                ClauseLibrary(args.root / "clauses"))
    short = next(d for d in documents if d.kind == "agreement")
    long = copy.deepcopy(short)
    long.sections = [copy.deepcopy(s) for _ in range(args.times) for s in short.sections]
    docx_bytes(short), docx_bytes(long)  # warm: imports, template
    one = _median_seconds(lambda: docx_bytes(short), args.repeat * 4)
    many = _median_seconds(lambda: docx_bytes(long), args.repeat)
    print(json.dumps({"root": str(args.root), "times": args.times, "short": one, "long": many,
                      "ratio": many / one, "short_bytes": len(docx_bytes(short)),
                      "long_bytes": len(docx_bytes(long))}))


if __name__ == "__main__":
    main()
