"""What the libraries alone cost a `drafter check`: Python, the libraries a check imports (nothing of drafter),
this code's check and today's code's, in turn for N rounds, medians (issue 22: why 2× is out of reach).

    .venv/bin/python bench/libraries.py --against /tmp/h22-base [--rounds 11]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = ("from pydantic import BaseModel, Field, ConfigDict; import jinja2, jinja2.sandbox, click, yaml, "
             "stdnum.se.orgnr, dateutil.easter")
SPEC = "agreements/street-minds-2026.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, required=True, help="checkout of today's code, with its own .venv")
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    here, today = str(ROOT / ".venv/bin/python"), str(args.against.resolve() / ".venv/bin/python")
    runs = {
        "python -c pass": ([here, "-c", "pass"], ROOT),
        "the libraries a check imports": ([here, "-c", LIBRARIES], ROOT),
        "drafter check, this code": ([here, "-m", "drafter", "check", SPEC], ROOT),
        "drafter check, today's code": ([today, "-m", "drafter", "check", SPEC], args.against),
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, (command, cwd) in runs.items():
            started = time.perf_counter()
            subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - started)
    for name, seconds in times.items():
        print(f"{name:32s} {statistics.median(seconds) * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
