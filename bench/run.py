"""drafter's benchmark: single spec against today's code, batches against the docxtpl + LibreOffice
baseline, the Typst floor, DOCX linearity and profiles. Writes bench/RESULTS.md and results.json.

    .venv/bin/python bench/run.py --against ../base          # everything (20–30 minutes on 2 cores)
    .venv/bin/python bench/run.py --sizes 10,100 --pairs 2   # smaller

`--against DIR` is a checkout of the code to compare with ("today's code": the commit before the
change being measured), with its own .venv; without it the single-spec comparison is left out.
Everything compared is measured in the same run, in turn (A B A B …), and each ratio is taken pair by
pair, its median reported: on a shared machine the speed drifts, and pairs keep the ratio honest.
Not part of the test suite; nothing here asserts a time. Every drafter figure is a whole process
(`python -m drafter …`), as an official runs it, except the floor and the profiles (in-process, warm).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import baseline  # noqa: E402
import generate  # noqa: E402
import report  # noqa: E402
from measure import checked, load, pairs, summary, timed  # noqa: E402
from profiles import build_profile, import_profile, machine  # noqa: E402

EXAMPLE = ROOT / "agreements" / "street-minds-2026.yaml"


class Side:
    """One checkout's drafter: its Python and its folder (clauses, agreements)."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        venv = self.root / ".venv" / "bin" / "python"
        self.python = str(venv) if venv.exists() else sys.executable
        where = subprocess.run([self.python, "-c", "import drafter; print(drafter.__file__)"], cwd=self.root,
                               capture_output=True, text=True).stdout.strip()
        if not where.startswith(str(self.root)):
            raise SystemExit(f"{self.root}: its python imports drafter from {where}")
        compileall.compile_dir(str(self.root / "drafter"), quiet=1)

    @property
    def example(self) -> str:
        """The side's own copy of the example: the spec format has grown since today's code, which
        cannot read today's example (`acknowledge:` and other fields it does not know)."""
        return str(self.root / "agreements" / "street-minds-2026.yaml")

    def generate(self, n: int, folder: Path, seed: int = 2026) -> list[Path]:
        """bench/generate.py's variations, made by the side's own generator from its own examples
        (same seed, same algorithm: the same associations, amounts and dates)."""
        if not (self.root / "bench" / "generate.py").exists():
            return generate.generate(n, folder, seed=seed)
        code = ("import sys; from pathlib import Path; sys.path.insert(0, 'bench'); import generate; "
                "print('\\n'.join(map(str, generate.generate(int(sys.argv[1]), Path(sys.argv[2]), seed=int(sys.argv[3])))))")
        proc = subprocess.run([self.python, "-c", code, str(n), str(folder), str(seed)], cwd=self.root,
                              capture_output=True, text=True, check=True)
        return [Path(line) for line in proc.stdout.split()]

    def drafter(self, *args: str) -> list[str]:
        return [self.python, "-m", "drafter", *args]

    def run(self, *args: str, codes=(0,)) -> dict:
        return checked(timed(self.drafter(*args), cwd=self.root), " ".join(args[:2]), codes)

    def script(self, name: str, *args: str) -> str:
        proc = subprocess.run([self.python, str(HERE / name), *args], cwd=self.root, capture_output=True,
                              text=True)
        if proc.returncode:
            raise SystemExit(f"{name} failed:\n{proc.stderr[-3000:]}")
        return proc.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--repeat", type=int, default=7, help="pairs for the single-spec figures")
    parser.add_argument("--pairs", type=int, default=3, help="pairs for the batches against the baseline")
    parser.add_argument("--floor-pairs", type=int, default=12, help="spec pairs for the floor")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--against", type=Path, help="checkout of today's code, with its own .venv")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--resume", action="store_true",
                        help="keep the single-spec pairs and batches of bench/results.json; measure the rest")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    me = Side(ROOT)
    today = Side(args.against) if args.against else None
    R: dict = {"date": __import__("datetime").datetime.now(__import__("datetime").timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
               "info": machine(), "jobs": args.jobs, "load": {"start": load()}, "args": vars(args) | {
        "against": str(args.against) if args.against else None, "results": str(args.results)}}
    if today:
        R["today"] = subprocess.run(["git", "log", "-1", "--format=%h %s"], cwd=today.root, capture_output=True,
                                    text=True).stdout.strip()
    R["mine"] = subprocess.run(["git", "log", "-1", "--format=%h %s"], cwd=ROOT, capture_output=True,
                               text=True).stdout.strip()
    print(f"{R['info']['cores']} cores; load {load()}; work folder {work}", flush=True)
    spec = str(EXAMPLE)

    if args.resume:  # the pairs and batches of an earlier run that stopped later on
        kept = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
        R.update({k: kept[k] for k in ("date", "single", "batches") if k in kept})
        R["load"].update({k: v for k, v in kept["load"].items() if k in ("start", "single")})
    else:
        # 1. one spec: cold build, no-op rebuild, check — this code against today's, in turn, each on its own
        # copy of the example
        sides = [me] + ([today] if today else [])
        for side in sides:  # warm the disk cache and each side's byte code
            side.run("check", side.example, codes=(0, 1))
        single = {}
        for name, make in [
            ("cold", lambda side, i: side.run("build", side.example, "-o", str(work / f"cold-{id(side)}-{i}"), "--force")),
            ("noop", lambda side, i: side.run("build", side.example, "-o", str(work / f"cold-{id(side)}-0"))),
            ("check", lambda side, i: side.run("check", side.example, codes=(0, 1))),
        ]:
            if today:
                single[name] = pairs(lambda i, make=make: make(me, i), lambda i, make=make: make(today, i), args.repeat)
            else:
                runs = [make(me, i) for i in range(args.repeat)]
                single[name] = summary(runs, runs)
            print(f"{name}: {single[name]['a_wall']:.3f} s, today {single[name]['b_wall']:.3f} s, "
                  f"ratio {single[name]['ratio_wall']:.2f}", flush=True)
        R["single"] = single
        R["load"]["single"] = load()

        # 2. batches: drafter, today's code and the baseline in turn, per document
        R["batches"] = []
        for n in sizes:
            specs = generate.generate(n, work / f"specs-{n}")
            names = list(map(str, specs))
            today_names = list(map(str, today.generate(n, work / f"today-specs-{n}"))) if today else []
            with_baseline = n <= 100 and baseline.available()
            rounds = args.pairs if with_baseline else 1
            runs: dict[str, list] = {"me": [], "today": [], "baseline": []}
            for i in range(rounds):
                out = work / f"out-{n}-{i}"
                runs["me"].append(me.run("build", *names, "-o", str(out), "--force", "--jobs", str(args.jobs)))
                runs["me"][-1]["documents"] = len(list(out.rglob("*.docx")))
                runs["me"][-1]["files"] = len(list(out.rglob("*.docx"))) + len(list(out.rglob("*.pdf")))
                if today and with_baseline:
                    runs["today"].append(today.run("build", *today_names, "-o", str(work / f"today-{n}-{i}"), "--force",
                                                   "--jobs", str(args.jobs)))
                if with_baseline:
                    seconds = baseline.run(specs, args.jobs, Path(tempfile.mkdtemp(dir=work)))
                    runs["baseline"].append({"seconds": seconds, "cpu": float("nan")})
                print(f"batch {n} round {i}: {runs['me'][-1]['seconds']:.1f} s"
                      + (f", today {runs['today'][-1]['seconds']:.1f} s" if runs["today"] else "")
                      + (f", baseline {runs['baseline'][-1]['seconds']:.1f} s" if runs["baseline"] else ""), flush=True)
            out = work / f"out-{n}-0"
            noop = me.run("build", *names, "-o", str(out), "--jobs", str(args.jobs))
            check = me.run("check", *names, codes=(0, 1))
            R["batches"].append({"n": n, "runs": {k: [{x: y for x, y in r.items() if x not in ("stdout", "stderr")}
                                                      for r in v] for k, v in runs.items()},
                                 "noop": noop["seconds"], "skipped": noop["stdout"].count("oförändrad"),
                                 "check": check["seconds"], "load": load()})
            print(f"  no-op {noop['seconds']:.2f} s, check {check['seconds']:.2f} s; load {load()}", flush=True)
            (HERE / "results.json").write_text(json.dumps(R, indent=1, default=str), encoding="utf-8")

    # 3. the floor: Typst compile + zip write of the same kind of documents, in-process, warm
    floor_a = generate.generate(args.floor_pairs + 2, work / "floor-a", seed=11)
    floor_b = generate.generate(args.floor_pairs + 2, work / "floor-b", seed=12)
    pair_args = [str(p) for ab in zip(floor_a, floor_b) for p in ab]
    R["floor"] = {"mine": [json.loads(line) for line in me.script("floor.py", *pair_args).splitlines()]}
    if today:
        today_pairs = [str(p) for ab in zip(today.generate(args.floor_pairs + 2, work / "today-floor-a", seed=11),
                                            today.generate(args.floor_pairs + 2, work / "today-floor-b", seed=12))
                       for p in ab]
        R["floor"]["today"] = [json.loads(line) for line in
                               today.script("floor.py", "--root", str(today.root), *today_pairs).splitlines()]
    R["load"]["floor"] = load()

    # 4. DOCX time against length (the agreement and 40 times its sections)
    R["linear"] = {"mine": json.loads(me.script("docx_linear.py"))}
    if today:
        R["linear"]["today"] = json.loads(today.script("docx_linear.py", "--root", str(today.root)))

    # 5. profiles
    R["imports_check"] = import_profile(me.python, ["check", spec], ROOT)
    R["warm_per_spec"], R["phases"] = build_profile(sorted((work / "floor-a").glob("iop-*.yaml")), work, ROOT)
    R["load"]["end"] = load()
    (HERE / "results.json").write_text(json.dumps(R, indent=1, default=str), encoding="utf-8")
    args.results.write_text(report.report(R), encoding="utf-8")
    print(f"wrote {args.results}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
