"""Round trip of `drafter import` over generated specs: generate → build → import → compare.

Each generated spec (bench/generate.py --varied: other public parties and kinds, officials, budget rows,
periods and outlines) is built; its agreement and its tjänsteutlåtande are imported
from the PDF, the DOCX and a plain-text extraction of the PDF (poppler's pdftotext, another reader than
the importer's own); what import recognised is compared with the spec that made the documents.
Precision and recall per field:

    parties       (name, organisationsnummer) of each party        agreement
    period        (start, end)                                     agreement
    budget_total  the rows' sum                                    agreement
    budget_rows   (item, amount) of each row                       agreement
    officials     (name, title) of each official                   tjänsteutlåtande
    decisions     the decision points, by their text               tjänsteutlåtande
    headings      every heading import reports (clause and outline headings) against the source's
                  headings: precision < 1 means an invented heading; recall, the source's found.

    python bench/import_roundtrip.py 50                  # the figures, as a table
    python bench/import_roundtrip.py 5 --json out.json --keep /tmp/rt

A spec that does not load (`drafter check` exit 2) is counted and listed: there must be none.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

FORMATS = ("pdf", "docx", "txt")
FIELDS = ("parties", "period", "budget_total", "budget_rows", "signatories", "blocks", "officials", "decisions",
          "headings")
AGREEMENT_FIELDS = ("parties", "period", "budget_total", "budget_rows", "signatories", "blocks")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", str(text).replace("\u00a0", " ")).strip().lower()


# --- what the source spec says (drafter's library API in this one place) ----------------------------

def expected(spec_path: Path) -> dict:
    from drafter.assemble import assemble_documents
    from drafter.clauses.library import ClauseLibrary
    from drafter.model.nodes import OrderedList
    from drafter.spec.load import load_spec

    loaded = load_spec(spec_path)
    spec = loaded.spec
    docs = {d.kind: d for d in assemble_documents(loaded, ClauseLibrary(ROOT / "clauses"))}
    out: dict = {
        "parties": {(norm(p.name), p.organisationsnummer) for p in spec.parties},
        "period": {(str(spec.period.start), str(spec.period.end))},
        "budget_total": {sum(r.amount for r in spec.budget.rows)},
        "budget_rows": {(norm(r.item), r.amount) for r in spec.budget.rows},
        "headings": {},
    }
    out["signatories"] = {(norm(s.name or ""), norm(s.title)) for p in spec.parties for s in p.signatories}
    out["blocks"] = _data_blocks(docs["agreement"]) if "agreement" in docs else set()
    for kind in ("agreement", "proposal"):
        if kind in docs:
            out["headings"][kind] = {norm(s.heading) for s in docs[kind].walk_sections() if s.heading}
    if spec.proposal:
        out["officials"] = {(norm(o.name or ""), norm(o.title)) for o in spec.proposal.officials}
        decision = next((s for s in docs["proposal"].walk_sections() if "förslag till beslut" in s.heading.lower()), None)
        items = []
        for block in decision.blocks if decision else []:
            if isinstance(block, OrderedList):
                items += [norm(_plain(item)) for item in block.items]
        out["decisions"] = set(items)
    return out


def _data_blocks(doc) -> set[str]:
    """The blocks of the built agreement that the spec draws: its budget table and its signatures."""
    from drafter.model.nodes import SignatureBlock, Table, Text

    blocks = [b for s in doc.walk_sections() for b in s.blocks] + list(doc.preamble)
    out = set()
    if any(isinstance(b, SignatureBlock) for b in blocks):
        out.add("signaturer")
    if any(isinstance(b, Table) and any(isinstance(n, Text) and n.origin for row in b.rows for c in row for n in c)
           for b in blocks):
        out.add("budget")
    return out


def _plain(node) -> str:
    """The text of a model node (blocks, inlines), as read."""
    if isinstance(node, list):
        return " ".join(_plain(n) for n in node)
    if hasattr(node, "text") and isinstance(node.text, str):
        return node.text
    for attr in ("inlines", "children", "items", "blocks"):
        if hasattr(node, attr):
            return _plain(getattr(node, attr))
    return ""


# --- what import recognised ---------------------------------------------------------------------------

def recognised(spec_path: Path, clause_dir: Path) -> dict:
    data = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    rows = data["budget"]["rows"]
    amounts = [r["amount"] for r in rows if isinstance(r["amount"], int)]
    out = {
        # a förvaltning the document names as party is imported as its kommun with it as administration
        "parties": {(norm(p.get("administration", p["name"])), p["organisationsnummer"]) for p in data["parties"]
                    if not str(p["name"]).startswith("[")},
        "period": {(str(data["period"]["start"]), str(data["period"]["end"]))}
        if not str(data["period"]["start"]).startswith("Å") else set(),
        "budget_total": {sum(amounts)} if amounts and len(amounts) == len(rows) else set(),
        "budget_rows": {(norm(r["item"]), r["amount"]) for r in rows
                        if isinstance(r["amount"], int) and not str(r["item"]).startswith("[")},
    }
    out["signatories"] = {(norm(s.get("name", "")), norm(s["title"])) for p in data["parties"]
                          for s in (p.get("signatories") or [p["signatory"]]) if not str(s["title"]).startswith("[")}
    texts = "".join(f.read_text(encoding="utf-8") for f in clause_dir.glob("*/v1.md"))
    out["blocks"] = {name for name in ("budget", "signaturer") if f'block("{name}")' in texts}
    headings = {"agreement": set(_headings(data["outline"], clause_dir))}
    if "proposal" in data:
        headings["proposal"] = set(_headings(data["proposal"]["outline"], clause_dir))
        out["officials"] = {(norm(o.get("name", "")), norm(o["title"])) for o in data["proposal"]["officials"]
                            if not str(o["title"]).startswith("[")}
        out["decisions"] = set(_decisions(data["proposal"]["outline"], clause_dir))
    out["headings"] = headings
    return out


def _clause_text(ref: str, clause_dir: Path) -> tuple[str, str]:
    slug = ref.split("@")[0].rsplit("/", 1)[1]
    text = (clause_dir / slug / "v1.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    return str(meta["heading"]), text.split("\n---\n", 1)[1]


def _headings(outline: list, clause_dir: Path):
    for item in outline:
        if isinstance(item, str):
            yield norm(_clause_text(item, clause_dir)[0])
            continue
        if item.get("heading"):
            yield norm(item["heading"])
        elif item.get("clause"):
            yield norm(_clause_text(item["clause"], clause_dir)[0])
        yield from _headings(item.get("sections", []), clause_dir)


def _decisions(outline: list, clause_dir: Path):
    for item in outline:
        ref = item if isinstance(item, str) else item.get("clause")
        if ref and "forslag-till-beslut" in ref:
            body = _clause_text(ref, clause_dir)[1]
            body = re.sub(r"\{\{[^}]*\}\}", "\0", body)
            for line in re.findall(r"^\d+\.\s+(.*)$", body, re.MULTILINE):
                yield norm(line.replace("\\", ""))
            return


# --- scoring ------------------------------------------------------------------------------------------

class Score:
    def __init__(self):
        self.tp = self.found = self.wanted = 0
        self.exact = self.cases = 0

    def add(self, got: set, want: set, match=None) -> None:
        hits = len(got & want) if match is None else sum(1 for g in got if any(match(g, w) for w in want))
        self.tp += hits
        self.found += len(got)
        self.wanted += len(want)
        self.cases += 1
        self.exact += got == want

    def row(self) -> tuple[float, float, float]:
        p = self.tp / self.found if self.found else 1.0
        r = min(self.tp, self.wanted) / self.wanted if self.wanted else 1.0
        return p, r, self.exact / self.cases if self.cases else 1.0


def _decision_match(got: str, want: str) -> bool:
    """A decision point read with its party names and amounts as expressions: the literal parts match."""
    parts = [p.strip() for p in got.split("\0") if p.strip()]
    return bool(parts) and all(p in want for p in parts)


def check_exit(spec_path: Path, library: Path) -> tuple[int, str]:
    """`drafter check` in this process: 0 no errors, 1 findings with errors, 2 bad input."""
    from drafter.pipeline import check_paths
    from drafter.clauses.library import ClauseLibrary
    from drafter.errors import DrafterError

    errors: list[DrafterError] = []
    try:
        _, code = check_paths([spec_path], ClauseLibrary(library), errors)
    except DrafterError as exc:
        return 2, str(exc)
    return code, "\n".join(str(e) for e in errors)


def one_spec(args: tuple[Path, Path]) -> tuple[list, list[str], list[str]]:
    """Import the documents of one built spec in three formats; (scores to add, failures, invented)."""
    from drafter.importer import import_file

    spec, work = args
    adds: list = []
    failures: list[str] = []
    invented: list[str] = []
    folder = work / "out" / spec.stem
    if not (folder / "manifest.json").exists():
        return adds, [f"{spec.stem}: the generated spec did not build"], invented
    want = expected(spec)
    for kind, stem in (("agreement", "overenskommelse"), ("proposal", "tjansteutlatande")):
        pdf = folder / f"{spec.stem}-{stem}.pdf"
        if not pdf.exists():
            continue
        txt = work / "txt" / f"{spec.stem}-{stem}.txt"
        subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(txt)], check=True)
        for fmt, source in (("pdf", pdf), ("docx", pdf.with_suffix(".docx")), ("txt", txt)):
            name = f"{spec.stem}-{stem}-{fmt}"
            try:
                result = import_file(source, name=name, clauses_dir=work / "lib", agreements_dir=work / "agr")
            except Exception as exc:  # noqa: BLE001 - a bench counts every failure
                failures.append(f"{name}: import: {exc}")
                continue
            code, output = check_exit(result.spec_path, work / "lib")
            if code not in (0, 1):
                failures.append(f"{name}: check exit {code}: {output[-300:]}")
            got = recognised(result.spec_path, result.clause_dir)
            fields = AGREEMENT_FIELDS if kind == "agreement" else ("officials", "decisions")
            for field in fields:
                adds.append((field, fmt, got.get(field, set()), want.get(field, set())))
            heads = got["headings"].get(kind, set())
            source_heads = want["headings"].get(kind, set())
            adds.append(("headings", fmt, heads, source_heads))
            invented += [f"{name}: {h}" for h in sorted(heads - source_heads)]
    return adds, failures, invented


def run(n: int, work: Path, jobs: int) -> dict:
    from multiprocessing import Pool

    specs = generate(n, work / "specs", varied=True)
    started = time.time()
    subprocess.run([sys.executable, "-m", "drafter", "build", *map(str, specs), "-o", str(work / "out"),
                    "--clauses", str(ROOT / "clauses"), "-j", str(jobs)], check=False, capture_output=True)
    build_s = time.time() - started
    (work / "txt").mkdir(exist_ok=True)
    scores = {(f, fmt): Score() for f in FIELDS for fmt in FORMATS}
    failures: list[str] = []
    invented: list[str] = []
    started = time.time()
    with Pool(jobs) as pool:
        for adds, failed, made_up in pool.imap(one_spec, [(spec, work) for spec in specs]):
            for field, fmt, got, want in adds:
                scores[(field, fmt)].add(got, want, _decision_match if field == "decisions" else None)
            failures += failed
            invented += made_up
    return {"specs": len(specs), "build_seconds": round(build_s, 1), "import_seconds": round(time.time() - started, 1),
            "scores": {f"{field}/{fmt}": dict(zip(("precision", "recall", "exact"), s.row()))
                       for (field, fmt), s in scores.items()},
            "failures": failures, "invented_headings": invented}


# --- the corpus: documents in förvaltning layouts (bench/import_corpus.py), against what they state -----

CORPUS = ROOT / "tests" / "importer" / "corpus"
CORPUS_FIELDS = ("parties", "period", "budget_total", "budget_rows", "signatories", "blocks", "details", "officials",
                 "headings", "title", "driven")
DRIVEN = ("budget.total", "budget.rows", "public.committee")  # facts "driven": the spec's expressions in the text


def _outline_headings(outline, clause_dir: Path):
    if isinstance(outline, dict):  # a standard outline with the proposal's texts: those texts
        for value in (outline.get("replace") or {}).values():
            yield from _outline_headings([value], clause_dir)
        return
    for item in outline:
        ref = item if isinstance(item, str) else item.get("clause")
        if isinstance(item, dict) and item.get("heading"):
            if not item.get("block"):  # "Bilagor" over drafter's attachments list is drafter's own heading
                yield norm(item["heading"])
        elif ref and ref.startswith("import/"):
            yield norm(_clause_text(ref, clause_dir)[0])
        if isinstance(item, dict):
            yield from _outline_headings(item.get("sections", []), clause_dir)


def corpus_run(work: Path) -> dict:
    """Each corpus document (bench/import_corpus.py: documents drafter did not build, in the layouts förvaltningar
    use) imported from its .pdf, .docx and .txt, scored against its .json. `details`: place, signing date,
    budget.months, the nämnd."""
    from drafter.importer import import_file

    scores = {(f, fmt): Score() for f in CORPUS_FIELDS for fmt in FORMATS}
    failures: list[str] = []
    for facts_file in sorted(CORPUS.glob("*.json")):
        facts = json.loads(facts_file.read_text(encoding="utf-8"))
        want = {"parties": {(norm(n), nr[0]) for n, _, *nr in facts["parties"] if nr},
                "period": {tuple(facts["period"])}, "budget_total": {facts["budget_total"]},
                "budget_rows": {(norm(i), a) for i, a in facts["budget_rows"]},
                "officials": {(norm(n or ""), norm(t)) for n, t in facts["officials"]},
                "headings": {norm(h) for h in facts["headings"]}}
        if "title" in facts:
            want["title"] = {norm(facts["title"])}
        if "signatories" in facts:
            want["signatories"] = {(norm(n), norm(t)) for _, n, t in facts["signatories"]}
        if "blocks" in facts:
            want["blocks"] = set(facts["blocks"])
        want["details"] = {(k, str(facts[k])) for k in ("place", "date", "months", "committee") if k in facts}
        if "driven" in facts:
            want["driven"] = set(facts["driven"])
        for fmt in FORMATS:
            name = f"{facts_file.stem}-{fmt}"
            try:
                result = import_file(facts_file.with_suffix(f".{fmt}"), name=name, clauses_dir=work / "lib",
                                     agreements_dir=work / "agr")
            except Exception as exc:  # noqa: BLE001 - a bench counts every failure
                failures.append(f"{name}: import: {exc}")
                continue
            got = recognised(result.spec_path, result.clause_dir)
            data = yaml.safe_load(result.spec_path.read_text(encoding="utf-8"))
            got["headings"] = set(_outline_headings(data["outline"], result.clause_dir))
            if "proposal" in data:
                got["headings"] |= set(_outline_headings(data["proposal"]["outline"], result.clause_dir))
            title = data["proposal"]["title"] if "proposal" in data else data["document"].get("title", "")
            got["title"] = {norm(title)} if title else set()
            public = next((p for p in data["parties"] if p["sector"] == "offentlig"), {})
            got["details"] = {("place", str(data["document"].get("place"))), ("date", str(data["document"].get("date"))),
                              ("months", str(data["budget"].get("months"))), ("committee", str(public.get("committee")))}
            got["details"] = {(k, v) for k, v in got["details"] if any(k == w for w, _ in want["details"])}
            got["parties"] = {(n, nr) for n, nr in got["parties"] if nr != "NNNNNN-NNNN"}
            texts = "".join(p.read_text(encoding="utf-8") for p in result.clause_dir.glob("*/v1.md"))
            got["driven"] = {e for e in DRIVEN if "{{ " + e in texts} | ({"partnership"} if data.get("partnership") else set())
            for field in CORPUS_FIELDS:
                if field in want and (field != "officials" or facts["proposal"]):
                    scores[(field, fmt)].add(got.get(field, set()), want[field])
    return {"documents": len(list(CORPUS.glob("*.json"))),
            "scores": {f"{field}/{fmt}": dict(zip(("precision", "recall", "exact"), s.row()))
                       for (field, fmt), s in scores.items()}, "failures": failures}


def table(result: dict, fields: tuple[str, ...] = FIELDS) -> str:
    lines = ["| Fält | " + " | ".join(f"{fmt.upper()} P / R" for fmt in FORMATS) + " |",
             "|---|" + "---|" * len(FORMATS)]
    for field in fields:
        cells = []
        for fmt in FORMATS:
            s = result["scores"][f"{field}/{fmt}"]
            cells.append(f"{s['precision']:.0%} / {s['recall']:.0%}".replace("%", " %"))
        lines.append(f"| {field} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, nargs="?", default=50)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--corpus", action="store_true",
                        help="score the corpus (tests/importer/corpus) instead: precision / recall and exact")
    args = parser.parse_args()
    if args.corpus:
        with tempfile.TemporaryDirectory() as tmp:
            result = corpus_run(Path(tmp))
        print(f"{result['documents']} dokument × {len(FORMATS)} format (tests/importer/corpus; P / R, exakt)\n")
        print(table(result, CORPUS_FIELDS))
        print("\nexakt: " + ", ".join(f"{f} {sum(result['scores'][f'{f}/{fmt}']['exact'] for fmt in FORMATS) / 3:.0%}"
                                    for f in CORPUS_FIELDS))
        for line in result["failures"]:
            print("FEL:", line)
        if args.json:
            args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        return 1 if result["failures"] else 0
    work = args.keep or Path(tempfile.mkdtemp(prefix="import-roundtrip-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        result = run(args.n, work, args.jobs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{result['specs']} specar × {len(FORMATS)} format; bygge {result['build_seconds']} s, "
          f"import och jämförelse {result['import_seconds']} s\n")
    print(table(result))
    for line in result["failures"]:
        print("FEL:", line)
    for line in result["invented_headings"][:40]:
        print("påhittad rubrik:", line)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if result["failures"] or result["invented_headings"] else 0


if __name__ == "__main__":
    sys.exit(main())
