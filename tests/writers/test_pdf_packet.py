"""The nämnd packet composed in the same Typst compiler as the documents, reusing their layout:
it must hold exactly the documents' text, and its bytes must not depend on what was compiled before."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections import Counter

from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.spec.load import load_spec
from drafter.writers.pdf import pdf_bytes
from drafter.writers.pdf.packet import packet_pdf
from helpers import CLAUSES, ROOT
from readback import read

SPECS = [ROOT / "agreements" / "street-minds-2026.yaml", ROOT / "agreements" / "street-minds-2023.yaml"]


def _models(spec):
    return {d.kind: d for d in assemble_documents(load_spec(spec), ClauseLibrary(CLAUSES))}


def _lines(pdf: bytes, furniture: bool) -> list[str]:
    """Every text line of every page; without `furniture`, not the running header (the first line
    from page 2 on) nor the footer (the last line)."""
    out = []
    for i, page in enumerate(read(pdf).pages):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        out += lines if furniture else lines[(1 if i else 0):-1]
    return out


def test_the_packet_holds_every_line_of_the_proposal_and_the_attachment():
    for spec in SPECS:
        models = _models(spec)
        proposal, agreement = models["proposal"], models["agreement"]
        packet = Counter(_lines(packet_pdf(proposal, [agreement]), furniture=True))
        wanted = Counter(_lines(pdf_bytes(proposal), furniture=False))
        wanted += Counter(_lines(pdf_bytes(agreement), furniture=False))
        missing = wanted - packet
        assert not missing, (spec.name, list(missing)[:5])
        assert packet["Bilaga 1"] >= 1  # above the attachment's title


_ORDERED = """
import hashlib, json, sys
sys.path.insert(0, {tests!r})
from helpers import CLAUSES
from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.spec.load import load_spec
from drafter.writers.pdf import pdf_bytes
from drafter.writers.pdf.packet import packet_pdf
docs = {{d.kind: d for d in assemble_documents(load_spec({spec!r}), ClauseLibrary(CLAUSES))}}
others = assemble_documents(load_spec({other!r}), ClauseLibrary(CLAUSES))
out = {{}}
def packet():
    out["packet"] = hashlib.sha256(packet_pdf(docs["proposal"], [docs["agreement"]])).hexdigest()
def documents():
    for kind, doc in docs.items():
        out[kind] = hashlib.sha256(pdf_bytes(doc)).hexdigest()
def other():
    for doc in others:
        pdf_bytes(doc)
for step in sys.argv[1:]:
    {{"packet": packet, "documents": documents, "other": other}}[step]()
print(json.dumps(out, sort_keys=True))
"""


def test_no_pdf_depends_on_what_the_compiler_laid_out_before():
    """Typst reuses the documents' layout for the packet, and a paragraph's layout from another spec's
    documents: every PDF is the same whether the packet comes first (nothing to reuse) or last, and
    whether another spec was compiled before, each order in a fresh process."""
    spec = SPECS[0]
    code = _ORDERED.format(tests=str(ROOT / "tests"), spec=str(spec), other=str(SPECS[1]))

    def run(*steps):
        done = subprocess.run([sys.executable, "-c", code, *steps], capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 0, done.stderr[-2000:]
        return json.loads(done.stdout)

    packet_first = run("packet", "documents")
    packet_last = run("documents", "packet")
    after_another_spec = run("other", "documents", "packet")
    assert {"packet", "proposal", "agreement"} <= set(packet_first)
    assert packet_first == packet_last == after_another_spec
    # and in this process, whatever the other tests compiled before:
    models = _models(spec)
    here = {"packet": hashlib.sha256(packet_pdf(models["proposal"], [models["agreement"]])).hexdigest()}
    here |= {kind: hashlib.sha256(pdf_bytes(doc)).hexdigest() for kind, doc in models.items()}
    assert here == packet_last
