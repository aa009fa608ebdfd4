"""Where a Typst compile's CPU goes: the documents and the nämnd packet under variants of the templates.

Each variant is a scratch copy of drafter/writers/pdf/typst/ with one thing changed (a text
substitution), compiled in the order a build compiles (each spec's documents, then its packet), in one
warm process per variant: Typst's memo (comemo) is process-wide, so two variants in one process would
share what they laid out. The first two specs warm the process; the rest are timed (CPU,
time.process_time, Typst's threads included).

    python bench/generate.py 20 /tmp/specs
    python bench/typst_variants.py /tmp/specs base
    python bench/typst_variants.py /tmp/specs static-furniture   # header and footer without `context`
    python bench/typst_variants.py /tmp/specs base --twice          # each file compiled twice, the 2nd timed
    python bench/typst_variants.py /tmp/specs base --export no-tags  # PDF without PDF/A, PDF/UA, tags
    python bench/typst_variants.py /tmp/specs base --no-documents    # the packets alone (nothing to reuse)
    python bench/typst_variants.py --list

Run each variant in its own process, in turns (A B A B), on a shared machine. Scratch measurements
for issue 22 (bench/RESULTS.md, "The nämnd packet's Typst compile"); not part of a build.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

# name: (file, old, new) substitutions in the scratch copy; export options are separate.
FURNITURE = "    header: running-header,\n    footer: running-footer,\n"
VARIANTS: dict[str, list[tuple[str, str, str]]] = {
    "base": [],
    # No running header or footer at all: no `context`, no query.
    "no-furniture": [("drafter.typ", FURNITURE, "")],
    # Header and footer as plain text: the same page furniture area, nothing introspected.
    "static-furniture": [("drafter.typ", FURNITURE, "    header: header-text[Dnr X],\n"
                          "    footer: header-text(align(center, [Sida])),\n")],
    "static-header": [("drafter.typ", "    header: running-header,\n", "    header: header-text[Dnr X],\n")],
    "static-footer": [("drafter.typ", "    footer: running-footer,\n",
                       "    footer: header-text(align(center, [Sida])),\n")],
    # The header's title without measuring it (it fits on one line in these specs).
    "no-one-line": [("drafter.typ", "one-line(part.title, text-width - right-width - 1.5em.to-absolute())",
                     "part.title")],
    # The footer without the packet's own page count (no <drafter-packet-end> query).
    "no-packet-end": [("drafter.typ", "  let last = query(<drafter-packet-end>)\n", "  let last = ()\n")],
    # The packet's parts exactly as the documents: title element, sections at their own levels.
    "as-documents": [("packet.typ", "packet: true)", "packet: false)"),
                     ("nodes.typ", 'node.level + node.at("offset", default: 0)', "node.level")],
    # The packet's sections at the levels they have alone (the title still a heading).
    "no-offset": [("nodes.typ", 'node.level + node.at("offset", default: 0)', "node.level")],
    # The body in one breakable block: its layout memoised apart from the page run (header, footer).
    "body-block": [("drafter.typ", "  model.preamble.map(render).join(parbreak())\n  model.sections.map(render).join()\n",
                    "  block(width: 100%, breakable: true, model.preamble.map(render).join(parbreak())"
                    " + model.sections.map(render).join())\n")],
    # The footnote marker without the `context` that records Typst's own count for the tests.
    "no-footnote-context": [("nodes.typ",
                             "  context [#metadata((model: node.number, typst: counter(footnote).get().first() + 1))"
                             "<drafter-footnote>]\n", "")],
}
# A state that needs `cap` + 1 layout iterations to settle, at the top of each entry point: the
# compile time against `cap` shows how many iterations the document needs on its own (the knee),
# and what one more iteration costs.
_PROBE = ('\n#let probe = state("drafter-probe", 0)\n'
          '#context probe.update(calc.min(probe.final() + 1, {cap}))\n')
for _cap in range(0, 5):
    VARIANTS[f"iterations-{_cap + 1}"] = [(name, "#import", _PROBE.format(cap=_cap) + "#import")
                                          for name in ("document.typ", "packet.typ")]
EXPORTS = {"full": dict(pdf_standards=["a-2b", "ua-1"], pdf_tags=True),
           "no-standards": dict(pdf_standards=[], pdf_tags=True),
           "no-tags": dict(pdf_standards=[], pdf_tags=False)}


def scratch_templates(variant: str, into: Path) -> Path:
    from drafter.writers.pdf.typst_writer import HERE

    folder = into / "typst"
    shutil.copytree(HERE / "typst", folder)
    for name, old, new in VARIANTS[variant]:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        if old not in text:
            raise SystemExit(f"{variant}: {old!r} not in {name}")
        path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("variant", nargs="?", default="base", choices=sorted(VARIANTS))
    parser.add_argument("--export", default="full", choices=sorted(EXPORTS))
    parser.add_argument("--twice", action="store_true", help="compile each file twice; time the second")
    parser.add_argument("--no-documents", action="store_true", help="compile only the packets")
    parser.add_argument("--no-packet", action="store_true", help="compile only the documents")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    if args.list or args.folder is None:
        print("\n".join(VARIANTS))
        return 0

    import typst

    from drafter.assemble import assemble_all
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.load import load_spec
    from drafter.writers.pdf import packet, typst_writer

    tmp = tempfile.TemporaryDirectory(prefix="typst-variants-")
    folder = scratch_templates(args.variant, Path(tmp.name))
    compiler = typst.Compiler(folder / "document.typ", root=folder, font_paths=typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[typst_writer.FONTS]),
        ignore_system_fonts=True)
    document_source = (folder / "document.typ").read_bytes()
    packet_source = (folder / "packet.typ").read_bytes()

    def compile_files(files: dict[str, bytes], dated) -> float:
        stamp = typst_writer.timestamp_for(dated)
        options = EXPORTS[args.export]
        if args.twice:
            compiler.compile(input=files, format="pdf", timestamp=stamp, **options)
        started = time.process_time()
        compiler.compile(input=files, format="pdf", timestamp=stamp, **options)
        return time.process_time() - started

    def packet_files(proposal, attachments) -> dict[str, bytes]:
        files = {}

        def capture(given, dated):
            files.update(given)
            return lambda: b""

        real = packet.compile_job
        packet.compile_job = capture
        try:
            packet.packet_pdf(proposal, attachments)
        finally:
            packet.compile_job = real
        return files | {"main.typ": packet_source}

    library = ClauseLibrary(Path.cwd() / "clauses")
    specs = sorted(args.folder.glob("iop-*.yaml"))
    docs_ms, packet_ms, per_doc = [], [], []
    for n, spec in enumerate(specs):
        documents = assemble_all(load_spec(spec), library)[0]
        spent = 0.0
        for doc in [] if args.no_documents else documents:
            files = typst_writer.document_files(doc) | {"main.typ": document_source}
            took = compile_files(files, doc)
            spent += took
            if n >= 2:
                per_doc.append(took)
        by_kind = {doc.kind: doc for doc in documents}
        took_packet = 0.0
        if not args.no_packet:
            proposal = by_kind["proposal"]
            took_packet = compile_files(packet_files(proposal, [by_kind["agreement"]]), proposal)
        if n >= 2:
            docs_ms.append(spent * 1000)
            packet_ms.append(took_packet * 1000)
    only = "packets only " if args.no_documents else ""
    print(f"{args.variant:<20} {only}export={args.export} twice={args.twice} specs={len(docs_ms)}  "
          f"documents/spec {statistics.median(docs_ms):6.1f} ms  "
          f"per document {statistics.median(per_doc or [0]) * 1000:5.1f} ms  packet {statistics.median(packet_ms):5.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
