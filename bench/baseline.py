"""The baseline drafter is measured against: docxtpl + one headless LibreOffice per document.

This is how docassemble and most template-based tools make a PDF: render a Word template with
docxtpl, save the DOCX, start `soffice --headless --convert-to pdf` for it. The template,
bench/baseline-template.docx, is a real Word document holding the text of the 2026 agreement (the
text drafter writes) with `{{ }}` fields for what changes between agreements and a `{%tr for %}`
row for the budget table; `make_template()` makes it from drafter's own DOCX of the example.

Each document: a fresh DocxTemplate (the template read again, as a server does per request),
render, save, and one soffice process with its own profile (-env:UserInstallation). A worker keeps
its profile between documents, which is the baseline's most favourable case (a first start with an
empty profile costs another second or two); the profile is made before timing starts.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEMPLATE = HERE / "baseline-template.docx"
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]


def _datum(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _kronor(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0kr"


def context(spec_path: Path) -> dict:
    """The template's fields from a spec file."""
    data = yaml.safe_load(Path(spec_path).read_text(encoding="utf-8"))
    public = next(p for p in data["parties"] if p["sector"] == "offentlig")
    partner = next(p for p in data["parties"] if p["sector"] == "idéburen")
    period = data["period"]
    rows = [{"item": r["item"], "amount": _kronor(r["amount"])} for r in data["budget"]["rows"]]
    return {
        "public": {"name": public["name"], "orgnr": public["organisationsnummer"],
                   "signatory": public.get("signatory", {}).get("name", "")},
        "partner": {"name": partner["name"], "orgnr": partner["organisationsnummer"],
                    "signatory": partner.get("signatory", {}).get("name", "")},
        "period": {"start": _datum(period["start"]), "end": _datum(period["end"]),
                   "max_end": _datum(period["renewal"]["max_end"]) if period.get("renewal") else ""},
        "budget": {"rows": rows, "total": _kronor(sum(r["amount"] for r in data["budget"]["rows"]))},
        "document": {"date": _datum(data["document"]["date"]), "place": data["document"]["place"]},
    }


def make_template(path: Path = TEMPLATE) -> Path:
    """The Word template: the text of drafter's 2026 agreement, its values replaced by fields."""
    import docx
    from docx.shared import Pt

    from drafter.build import Settings, render_documents
    from drafter.pipeline import prepare
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.load import load_spec

    spec = ROOT / "agreements" / "street-minds-2026.yaml"
    documents = prepare(load_spec(spec), ClauseLibrary(ROOT / "clauses")).documents
    agreement = documents[0]
    rendered = render_documents([agreement], "x", Settings(formats=("docx",)))[0].files
    source = docx.Document(__import__("io").BytesIO(next(iter(rendered.values()))))
    values = context(spec)
    replace = [
        (values["partner"]["name"], "{{ partner.name }}"), (values["partner"]["orgnr"], "{{ partner.orgnr }}"),
        (values["public"]["orgnr"], "{{ public.orgnr }}"),
        (values["public"]["signatory"], "{{ public.signatory }}"),
        (values["period"]["start"], "{{ period.start }}"), (values["period"]["end"], "{{ period.end }}"),
        (values["period"]["max_end"], "{{ period.max_end }}"), (values["budget"]["total"], "{{ budget.total }}"),
    ]

    def fields(text: str) -> str:
        for value, field in replace:
            if value:
                text = text.replace(value, field)
        return text

    out = docx.Document()
    out.styles["Normal"].font.name = "Liberation Serif"
    out.styles["Normal"].font.size = Pt(11)
    budget_done = False
    for block in source.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(block, source._body)
            text = fields(paragraph.text)
            style = paragraph.style.name if paragraph.style is not None else ""
            if style.startswith(("Heading", "Rubrik")) or style in ("Title", "Titel"):
                level = 0 if style in ("Title", "Titel") else min(int(style[-1]) if style[-1].isdigit() else 1, 3)
                out.add_heading(text, level)
            elif text.strip():
                out.add_paragraph(text)
        elif tag == "tbl":
            table = docx.table.Table(block, source._body)
            cells = [[c.text for c in row.cells] for row in table.rows]
            if not budget_done and any("Personal" in row[0] for row in cells):
                budget_done = True
                new = out.add_table(rows=4, cols=2)
                new.style = "Table Grid"
                new.cell(0, 0).text, new.cell(0, 1).text = cells[0][0], cells[0][-1]
                new.cell(1, 0).text = "{%tr for row in budget.rows %}"
                new.cell(2, 0).text, new.cell(2, 1).text = "{{ row.item }}", "{{ row.amount }}"
                new.cell(3, 0).text = "{%tr endfor %}"
                total = out.add_table(rows=1, cols=2)
                total.style = "Table Grid"
                total.cell(0, 0).text, total.cell(0, 1).text = "Summa", "{{ budget.total }}"
            else:
                new = out.add_table(rows=len(cells), cols=max(len(r) for r in cells))
                for i, row in enumerate(cells):
                    for j, text in enumerate(row):
                        new.cell(i, j).text = fields(text)
    out.add_paragraph("{{ document.place }} den {{ document.date }}")
    out.save(path)
    return path


def _render(spec: Path, folder: Path) -> Path:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(TEMPLATE))  # per document, as a server renders per request
    tpl.render(context(spec), autoescape=True)
    target = folder / f"{spec.stem}.docx"
    tpl.save(target)
    return target


def _convert(docx_path: Path, profile: Path, timeout: int = 300) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
           "--convert-to", "pdf", "--outdir", str(docx_path.parent), str(docx_path)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=timeout, env={**os.environ, "HOME": str(profile)})
    pdf = docx_path.with_suffix(".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice made no PDF of {docx_path}")
    return pdf


def available() -> bool:
    return bool(shutil.which("soffice") or shutil.which("libreoffice"))


def run(specs: list[Path], jobs: int, workdir: Path) -> float:
    """Every spec to DOCX and PDF, `jobs` documents at a time (the same parallelism drafter gets).
    Returns the seconds taken, not counting the profiles' first start."""
    if not TEMPLATE.exists():
        make_template()
    profiles = [workdir / f"profile-{i}" for i in range(jobs)]
    for profile in profiles:  # warm each worker's profile before timing
        _prepare_profile(profile, workdir)
    out = workdir / "out"
    out.mkdir(exist_ok=True)

    def one(args):
        i, spec = args
        _convert(_render(spec, out), profiles[i % jobs])

    # worker i handles every jobs-th document, so two conversions never share a profile
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        lanes = [[(i, s) for n, s in enumerate(specs) if n % jobs == i] for i in range(jobs)]
        list(pool.map(lambda lane: [one(item) for item in lane], lanes))
    return time.perf_counter() - started


def _prepare_profile(profile: Path, workdir: Path) -> None:
    profile.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        warm = Path(tmp) / "warm.docx"
        shutil.copy(TEMPLATE, warm)
        _convert(warm, profile)


if __name__ == "__main__":
    print(make_template())
