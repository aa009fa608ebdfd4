"""The floor under a build: what Typst and zip writing alone cost for the same documents.

Pairs of specs of the same kind (a renewal with four documents, or a first agreement with two),
in one warm process, pair by pair:
- the floor, on the first spec of the pair: its documents are assembled (not timed), then every
  document's Typst compile (the source, inputs and options drafter's PDF writer gives Typst) and a zip
  write of its DOCX entries (deflate, as drafter writes them);
- drafter, on the second: the whole build (`batch.build_one`: load, assemble, checks, DOCX, PDF,
  packet, manifest, atomic writes), as a batch worker runs it.
Two specs, not one: Typst memoises what it laid out, and the same document compiled twice would be
nearly free the second time. Both sides run in the same warm state (what a batch worker has).
CPU seconds of this process (time.process_time, Typst's threads included); no start-up on either
side: a worker pays that once per batch.

    python bench/floor.py [--root CHECKOUT] FLOOR_SPEC DRAFTER_SPEC …   # one JSON line per pair

`--root` measures another checkout's drafter (today's code, to compare) against the same floor.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _zip_write(entries: list[tuple[str, bytes]]) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                        compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)


def floor_seconds(documents) -> float:
    """CPU seconds of every document's Typst compile and DOCX zip write (nothing else timed)."""
    from drafter.writers.docx import docx_bytes
    from drafter.writers.pdf import typst_writer
    from drafter.writers.pdf.typst_writer import PDF_STANDARDS, _get_compiler, model_json, timestamp_for

    compiler = _get_compiler()
    total = 0.0
    for doc in documents:
        if hasattr(typst_writer, "document_files"):  # the model as an in-memory file (sys.inputs unchanged)
            given = {"input": typst_writer.document_files(doc)}
        else:  # today's code: the model in sys.inputs
            given = {"sys_inputs": {"model": model_json(doc)}}
        stamp = timestamp_for(doc)
        with zipfile.ZipFile(io.BytesIO(docx_bytes(doc))) as zf:
            entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
        started = time.process_time()
        compiler.compile(format="pdf", pdf_standards=PDF_STANDARDS, timestamp=stamp, pdf_tags=True, **given)
        _zip_write(entries)
        total += time.process_time() - started
    return total


def measure(pairs: list[tuple[Path, Path]], warm: int = 2, root: Path = ROOT) -> list[dict]:
    from drafter.assemble import assemble_all  # in every checkout (drafter.pipeline came later)
    from drafter.batch import BatchSettings, build_one
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.load import load_spec

    library = ClauseLibrary(root / "clauses")
    rows = []
    with tempfile.TemporaryDirectory(prefix="drafter-floor-") as tmp:
        settings = BatchSettings(out_dir=Path(tmp), force=True)
        for floor_spec, spec in pairs[:warm]:  # imports, Typst fonts, compiled clause texts
            build_one(spec, settings, library, report=lambda item: None)
            floor_seconds(assemble_all(load_spec(floor_spec), library)[0])
        for floor_spec, spec in pairs[warm:]:
            documents = assemble_all(load_spec(floor_spec), library)[0]
            floor = floor_seconds(documents)
            started = time.process_time()
            outcome = build_one(spec, settings, library, report=lambda item: None)
            mine = time.process_time() - started
            if outcome.code:
                raise SystemExit(f"{spec}: {outcome.message}")
            rows.append({"spec": spec.name, "floor_spec": floor_spec.name, "documents": len(documents),
                         "floor": floor, "drafter": mine, "distance": mine / floor})
    return rows


if __name__ == "__main__":
    args = sys.argv[1:]
    root = ROOT
    if args[:1] == ["--root"]:
        root, args = Path(args[1]).resolve(), args[2:]
    sys.path.insert(0, str(root))
    paths = [Path(p) for p in args]
    for row in measure(list(zip(paths[::2], paths[1::2])), root=root):
        print(json.dumps(row))
