"""drafter serve on a warm server: how long a live check and a preview refresh take. Writes bench/WEB-RESULTS.md.

    .venv/bin/python bench/web.py [--repeat 30]

The server is the real application under uvicorn on 127.0.0.1, in a thread of this process; the
client posts the editor's form for agreements/street-minds-2026.yaml over HTTP, as htmx does, with
a different budget amount each time (so no cached preview is reused). A *live check* is the
/live answer with the preview switched off (load, assemble and check the draft; findings placed
beside their fields). A *preview refresh* is the /live answer with the preview (checks, Typst →
SVG of the agreement) plus the first page's SVG, which the browser fetches next.
Targets (issue 19): preview refresh < 300 ms, live check < 200 ms. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPEC = "street-minds-2026"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    import re

    import httpx2 as httpx  # starlette's test client uses it too (httpx is unmaintained)

    from tests.web.browser import start_server
    from tests.web.formdata import form_values

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "projekt"
        shutil.copytree(ROOT / "clauses", project / "clauses")
        shutil.copytree(ROOT / "agreements", project / "agreements")
        url, stop = start_server(project)
        try:
            client = httpx.Client(base_url=url, timeout=60)
            values = form_values(client.get(f"/spec/{SPEC}").text)
            headers = {"HX-Request": "true", "Origin": url}

            def post(amount: int, preview: bool) -> str:
                data = {**values, "budget.rows.0.amount": str(amount), **({} if preview else {"preview": "off"})}
                answer = client.post(f"/spec/{SPEC}/live", data=data, headers=headers)
                answer.raise_for_status()
                return answer.text

            for warm in range(3):  # warm: imports, fonts, Typst's caches
                post(870000 + warm, True)
            checks, previews, check_cpu, preview_cpu = [], [], [], []
            for i in range(args.repeat):
                start, cpu = time.perf_counter(), time.process_time()
                text = post(800000 + i, False)
                checks.append(time.perf_counter() - start)
                check_cpu.append(time.process_time() - cpu)
                assert "budget-sum" in text
                start, cpu = time.perf_counter(), time.process_time()
                text = post(700000 + i, True)
                page = re.search(r'<img src="(/preview/[0-9a-f]+/0\.svg)"', text).group(1)
                client.get(page).raise_for_status()
                previews.append(time.perf_counter() - start)
                preview_cpu.append(time.process_time() - cpu)
        finally:
            stop()
    write(checks, previews, check_cpu, preview_cpu, args.repeat, os.getloadavg())


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms"


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(len(values) * 0.95) - 1)]


def write(checks: list[float], previews: list[float], check_cpu: list[float], preview_cpu: list[float], repeat: int,
          load: tuple) -> None:
    import typst

    ok = {True: "✅", False: "❌"}
    lines = [
        "# drafter serve: live check and preview refresh",
        "",
        f"Measured {dt.date.today().isoformat()} by `bench/web.py --repeat {repeat}` on one machine "
        f"({platform.platform()}, Python {platform.python_version()}, typst {typst.__version__ if hasattr(typst, '__version__') else ''}).",
        "The server is warm (three requests first); each figure is one HTTP round trip on 127.0.0.1 with "
        "the whole editor form of agreements/street-minds-2026.yaml and a new budget amount.",
        f"Load average at the end: {load[0]:.1f} on {os.cpu_count()} cores (a shared machine: other work ran beside it).",
        "",
        "Wall time is what the user waits; CPU time is the processor time the request took (server and client,"
        " all threads of this process), which is what the wall time comes down to on a machine with a free core.",
        "",
        "| what | median wall time | 95th percentile | median CPU time | target |",
        "|---|---|---|---|---|",
        f"| live check (`/live`, preview off: load, assemble, check, findings beside fields) | **{ms(checks)}** | "
        f"{p95(checks) * 1000:.0f} ms | {ms(check_cpu)} | < 200 ms {ok[statistics.median(checks) < 0.2]} |",
        f"| preview refresh (`/live` with the agreement as SVG pages, and page 1 fetched) | **{ms(previews)}** | "
        f"{p95(previews) * 1000:.0f} ms | {ms(preview_cpu)} | < 300 ms {ok[statistics.median(previews) < 0.3]} |",
        "",
    ]
    (ROOT / "bench" / "WEB-RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
