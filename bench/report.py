"""bench/RESULTS.md from the figures bench/run.py measured (results.json).

    .venv/bin/python bench/report.py      # rewrite RESULTS.md from results.json (after editing NOTES)
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _mb(n: float) -> str:
    return f"{n / 2**20:.0f} MB"


def _ok(good: bool) -> str:
    return "✅" if good else "❌"


def _runs(values, digits: int = 2) -> str:
    return ", ".join(f"{v:.{digits}f}" for v in values)


def report(R: dict) -> str:
    info, jobs, args = R["info"], R["jobs"], R["args"]
    against = " --against " + args["against"] if args.get("against") else ""
    lines = [
        "# drafter benchmark results", "",
        f"Measured {R.get('date', dt.date.today().isoformat())} by `bench/run.py`, in one run, on the code of "
        f"commit {R['mine'].split()[0]} (with uncommitted changes, if any, of that working tree)"
        + (f", against today's code: commit {R['today']}." if R.get("today") else "."), "", "```sh",
        f".venv/bin/python bench/run.py --sizes {args['sizes']} --repeat {args['repeat']} --pairs {args['pairs']}"
        f"{against}", "```", "",
        f"- **cores (os.cpu_count)**: {info['cores']} — drafter ran with `--jobs {jobs}`, the baseline {jobs} "
        "documents at a time",
        f"- CPU: {info['cpu']}; memory {info['memory']}",
        f"- {info['os']}, Python {info['python']}; {info['packages']}",
        f"- baseline: {info['libreoffice']}",
        "- **load average** (1 / 5 / 15 min) at the start " + R["load"]["start"]
        + f", after the single-spec pairs {R['load'].get('single', '?')}, after the floor "
        f"{R['load'].get('floor', '?')}, at the end {R['load'].get('end', '?')}. The machine was shared "
        "with other work (2 cores): absolute times are slower than on a quiet machine; the ratios are "
        "taken pair by pair (A B A B …) and hold better.", "",
        "A *document* is one DOCX with its PDF: a spec gives the agreement and the tjänsteutlåtande, a renewal "
        "also its tillägg and the consolidated agreement, and each spec the nämnd packet PDF besides (not "
        "counted as a document). Every drafter figure is a whole process (`python -m drafter …`), start-up "
        "included, except the floor and the profiles (in one warm process).", "",
    ]
    single = R.get("single", {})
    if single:
        lines += ["## One spec against today's code: agreements/street-minds-2026.yaml", "",
                  f"{args['repeat']} pairs, this code and today's code in turn. Ratio = this code's time / today's, "
                  "per pair; the median of the pairs. Speed-up = 1 / ratio.", "",
                  "| what | this code (median) | today's code (median) | ratio per pair (wall) | median ratio: "
                  "wall / CPU | speed-up | target |", "|---|---|---|---|---|---|---|"]
        names = {"cold": "cold `drafter build` (all documents, DOCX + PDF, fresh folder, `--force`)",
                 "noop": "no-op rebuild (`drafter build` again: \"oförändrad\")",
                 "check": "`drafter check`"}
        for key, label in names.items():
            s = single[key]
            target = {"cold": "≥ 2×", "check": "≥ 2×"}.get(key, "")
            speed = 1 / s["ratio_wall"]
            lines.append(f"| {label} | **{s['a_wall']:.3f} s** | {s['b_wall']:.3f} s | {_runs(s['ratios_wall'])} | "
                         f"{s['ratio_wall']:.2f} / {s['ratio_cpu']:.2f} | **{speed:.2f}×** | "
                         + (f"{target} {_ok(speed >= 2)}" if target else "") + " |")
        lines.append("")

    lines += ["## Batches of generated agreements, against the baseline", "",
              "Variations of the two example specs (bench/generate.py): own association name, organisationsnummer "
              "with a valid check digit, signatory, budget amounts, figures, dates moved by 0–3 years; every second "
              "spec renews its own earlier agreement (`renews:`). The baseline (bench/baseline.py) renders "
              "bench/baseline-template.docx with docxtpl for each spec and converts it with one "
              "`soffice --headless --convert-to pdf` per document, its own profile per worker, "
              f"{jobs} at a time: one document (DOCX + PDF) per spec. At N = 10 and 100 drafter, today's code "
              "and the baseline ran in turn, round by round, on the same specs; the ratio per document is "
              "taken per round and its median reported. N = 1000 ran once, drafter only.", "",
              "| N specs | documents (files) | drafter total (runs) | per spec | per document | today's code per "
              "document | baseline per document (runs) | baseline ÷ drafter per document, per round | median | "
              "target ≥ 10× |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for b in R["batches"]:
        me, today, base = b["runs"]["me"], b["runs"]["today"], b["runs"]["baseline"]
        docs = me[0]["documents"]
        mine = statistics.median(r["seconds"] for r in me)
        per_doc = [r["seconds"] / r["documents"] for r in me]
        today_doc = (f"{statistics.median(r['seconds'] for r in today) / docs:.3f} s (this ÷ today per round: "
                     f"{_runs([m['seconds'] / t['seconds'] for m, t in zip(me, today)])})" if today else "—")
        if base:
            ratios = [(x["seconds"] / b["n"]) / d for x, d in zip(base, per_doc)]
            base_cell = (f"{statistics.median(x['seconds'] for x in base) / b['n']:.2f} s "
                         f"({_runs([x['seconds'] for x in base], 1)} s)")
            ratio_cell, med = _runs(ratios, 1), statistics.median(ratios)
            verdict = f"**{med:.1f}×** | {_ok(med >= 10)}"
        else:
            base_cell, ratio_cell, verdict = "not measured", "—", "— | —"
        lines.append(f"| {b['n']} | {docs} ({me[0]['files']}) | **{mine:.1f} s** ({_runs([r['seconds'] for r in me], 1)}) | "
                     f"{mine / b['n']:.3f} s | {mine / docs:.3f} s | {today_doc} | {base_cell} | {ratio_cell} | {verdict} |")
    lines += ["", "| N specs | peak memory (process tree, summed RSS) | largest process | no-op rebuild | "
                  "`drafter check` per spec | load after |", "|---|---|---|---|---|---|"]
    for b in R["batches"]:
        me = b["runs"]["me"]
        peak = max(r["peak"] for r in me)
        target = f" {_ok(peak < 500 * 2**20)} (< 500 MB)" if b["n"] >= 1000 else ""
        lines.append(f"| {b['n']} | {_mb(peak)}{target} | {_mb(max(r['largest'] for r in me))} | "
                     f"{b['noop']:.2f} s | {b['check'] / b['n']:.3f} s | {b['load']} |")
    lines.append("")

    floor = R.get("floor")
    if floor:
        rows = floor["mine"]
        today_rows = floor.get("today") or []
        lines += ["## Distance to the floor, per spec", "",
                  "The floor of a spec is what Typst and zip writing alone cost for its documents: each document's "
                  "Typst compile (the source, inputs and options drafter gives Typst) and a zip write of its DOCX "
                  "entries, in one warm process, CPU seconds; no packet, no checks, no start-up (bench/floor.py). "
                  "drafter's figure is the whole build of a spec of the same kind in the same process "
                  "(`batch.build_one`: load, assemble, checks, DOCX, PDF, packet, manifest, atomic writes). Two "
                  "specs of a pair, floor on one and drafter on the other, because Typst memoises layout and the "
                  "same document compiled twice is nearly free. Today's code was measured the same way on the "
                  "same pairs, in a process of its own.", "",
                  "| spec (drafter) | floor spec | documents | floor | drafter | distance | today's code | "
                  "today's distance |", "|---|---|---|---|---|---|---|---|"]
        for i, row in enumerate(rows):
            t = today_rows[i] if i < len(today_rows) else None
            lines.append(f"| {row['spec']} | {row['floor_spec']} | {row['documents']} | {row['floor']:.3f} s | "
                         f"{row['drafter']:.3f} s | **{row['distance']:.2f}×** | "
                         + (f"{t['drafter']:.3f} s | {t['distance']:.2f}× |" if t else "— | — |"))
        med = statistics.median(r["distance"] for r in rows)
        lines += ["", f"Median distance: **{med:.2f}×** (target within 1.5× {_ok(med <= 1.5)})"
                  + (f"; today's code {statistics.median(r['distance'] for r in today_rows):.2f}×" if today_rows
                     else "") + f". Worst spec {max(r['distance'] for r in rows):.2f}×.", ""]

    linear = R.get("linear")
    if linear:
        lines += ["## DOCX time against document length", "",
                  "`docx_bytes` on the 2026 agreement and on the same agreement with its sections repeated "
                  f"{linear['mine']['times']} times (bench/docx_linear.py; CPU, median, one warm process).", "",
                  "| code | 1× | 40× | ratio | target: ≤ 50 |", "|---|---|---|---|---|"]
        for key, label in (("mine", "this code"), ("today", "today's code")):
            x = linear.get(key)
            if x:
                lines.append(f"| {label} | {x['short'] * 1000:.1f} ms | {x['long'] * 1000:.0f} ms | "
                             f"**{x['ratio']:.0f}×** | {_ok(x['ratio'] <= 50)} |")
        lines.append("")

    lines += ["## Profiles", "",
              f"A warm worker (imports done, Typst fonts loaded, clause texts compiled) builds one generated spec "
              f"in **{R['warm_per_spec']:.3f} s** of CPU (in-process). cProfile's share of each phase (more specs; "
              "profiling inflates Python-heavy phases):", "", "| phase | share |", "|---|---|"]
    for label, share in sorted(R["phases"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {label} | {share:.0%} |")
    lines += ["", "Imports of `drafter check` (`python -X importtime`, cumulative where first imported; nested rows "
                  "are part of the rows above them):", "", "| module | ms |", "|---|---|"]
    for name, ms in R["imports_check"]:
        lines.append(f"| {name} | {ms:.0f} |")
    notes = HERE / "NOTES.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    results = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
    target = Path(results["args"]["results"]) if len(sys.argv) < 2 else Path(sys.argv[1])
    target.write_text(report(results), encoding="utf-8")
    print(f"wrote {target}")
