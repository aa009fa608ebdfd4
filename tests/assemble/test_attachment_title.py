"""Bilaga 1 of a tjänsteutlåtande is named by the agreement's own title, the one printed on the attachment
in the nämnd packet: for a spec whose title is made from the parties' names and for one that writes it
(as an imported agreement does). A source's other wording of the list ("Förslag till överenskommelse om
IOP med …") is not kept: the list names the attachment as it stands, and follows when the title changes."""

from __future__ import annotations

import yaml

from drafter.assemble import assemble_documents
from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.model.nodes import OrderedList
from drafter.model.text import inline_text
from drafter.spec.load import load_spec
from helpers import CLAUSES, ROOT, write_spec
from readback import norm, read

ASBY = ROOT / "tests" / "generic" / "kommun-tva-firmatecknare.yaml"
WRITTEN = "Överenskommelse om öppen idrott för barn i Åsby 2027"


def _attachments(spec):
    docs = {d.kind: d for d in assemble_documents(load_spec(spec), ClauseLibrary(CLAUSES))}
    [bilagor] = [s for s in docs["proposal"].walk_sections() if s.heading == "Bilagor"]
    [listing] = [b for b in bilagor.blocks if isinstance(b, OrderedList)]
    return [inline_text(item[0].inlines) for item in listing.items], docs["agreement"].meta.title


def test_bilaga_1_is_the_agreements_title(tmp_path):
    listed, title = _attachments(ASBY)
    assert listed == [title]
    assert title.startswith("Överenskommelse om idéburet offentligt partnerskap (IOP) mellan Åsby kommun")

    data = yaml.safe_load(ASBY.read_text(encoding="utf-8"))
    data["document"]["title"] = WRITTEN
    spec = write_spec(tmp_path, data, "asby.yaml")
    assert _attachments(spec) == ([WRITTEN], WRITTEN)

    manifest = build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES), formats=("pdf",)))
    [packet] = manifest.parent.glob("*-handlingar.pdf")
    pages = [norm(p.extract_text()) for p in read(packet.read_bytes()).pages]
    proposal_end = next(i for i, text in enumerate(pages) if "Bilaga 1" in text) - 1
    assert f"Bilagor 1. {WRITTEN}" in pages[proposal_end] or f"1. {WRITTEN}" in pages[proposal_end]
    assert WRITTEN in pages[proposal_end + 1]  # the attachment's own first page carries the same title
