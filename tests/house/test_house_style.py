"""The house style a förvaltning sets in clauses/husstil.yaml, as both writers show it."""

from __future__ import annotations

import io
import shutil
import struct
import zlib

import docx
import pikepdf
import pytest

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.errors import DrafterError
from drafter.house_style import apply_house_style, load_house_style
from helpers import CLAUSES, EXAMPLE
from readback import read, struct_elements
from sample_document import sample_document, sample_proposal
from drafter.writers.docx import docx_bytes
from drafter.writers.pdf import pdf_bytes

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
       '<rect width="120" height="40" fill="#1f4e9c"/></svg>')


def png(width: int = 12, height: int = 4) -> bytes:
    """A small blue PNG, written by hand (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x1f\x4e\x9c" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def house_file(tmp_path, logo: str | None = None, **extra) -> None:
    lines = ["organisation: Exempelby kommun", "forvaltning: Kulturförvaltningen",
             'adress: ["Storgatan 1, 123 45 Exempelby"]', "forsta_sidan: [dnr, datum, status]"]
    if logo:
        lines += [f"logotyp: {logo}", "logotyp_text: Exempelby kommuns logotyp", "logotyp_bredd_cm: 2.5"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    (tmp_path / "husstil.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def styled(doc, tmp_path, status="utkast"):
    apply_house_style([doc], load_house_style(tmp_path), status)
    return doc


def test_no_file_no_house_style(tmp_path):
    assert load_house_style(tmp_path) is None


def test_the_agreement_gets_a_head_with_organisation_and_chosen_metadata(tmp_path):
    house_file(tmp_path)
    doc = styled(sample_document(), tmp_path)
    head = doc.meta.letterhead
    assert head.sender == ["Exempelby kommun", "Kulturförvaltningen"]
    assert head.references == [("Dnr", "SoN 2026/123"), ("Datum", "2026-06-15"), ("Status", "Utkast")]
    text = read(pdf_bytes(doc)).pages[0].extract_text()
    for line in ("Exempelby kommun", "Kulturförvaltningen", "Storgatan 1, 123 45 Exempelby", "Status: Utkast"):
        assert line in text
    body = docx.Document(io.BytesIO(docx_bytes(doc))).element.body
    first_table = docx.table.Table(body[1], None)  # after a one-point paragraph (letterhead.py)
    assert "Exempelby kommun" in first_table.rows[0].cells[0].text
    assert "Storgatan 1, 123 45 Exempelby" in first_table.rows[0].cells[0].text


def test_a_draft_says_utkast_on_every_page_in_both_formats(tmp_path):
    house_file(tmp_path)
    doc = styled(sample_document(), tmp_path)
    pages = read(pdf_bytes(doc)).pages
    assert len(pages) >= 2 and all(page.extract_text().count("UTKAST") >= 1 for page in pages)
    opened = docx.Document(io.BytesIO(docx_bytes(doc)))
    section = opened.sections[0]
    for header in (section.header, section.first_page_header):
        assert "UTKAST" in " ".join(c.text for t in header.tables for c in t.rows[0].cells)
    final = styled(sample_document(), tmp_path, status="slutlig")
    assert not any("UTKAST" in page.extract_text() for page in read(pdf_bytes(final)).pages)
    section = docx.Document(io.BytesIO(docx_bytes(final))).sections[0]
    assert "UTKAST" not in " ".join(c.text for t in section.header.tables for c in t.rows[0].cells)


def test_the_mark_can_be_turned_off(tmp_path):
    house_file(tmp_path, utkastmarkering="false")
    doc = styled(sample_document(), tmp_path)
    assert not any("UTKAST" in page.extract_text() for page in read(pdf_bytes(doc)).pages)


def test_an_svg_logo_is_in_the_pdf_with_its_text_for_screen_readers(tmp_path):
    (tmp_path / "logo.svg").write_text(SVG, encoding="utf-8")
    house_file(tmp_path, logo="logo.svg")
    doc = styled(sample_proposal(), tmp_path)
    with pikepdf.open(io.BytesIO(pdf_bytes(doc))) as pdf:
        alts = [str(e.get("/Alt")) for e in struct_elements(pdf.Root.StructTreeRoot.K) if str(e.S) == "/Figure"]
    assert alts == ["Exempelby kommuns logotyp"]


def test_a_png_logo_is_in_both_formats(tmp_path):
    (tmp_path / "logo.png").write_bytes(png())
    house_file(tmp_path, logo="logo.png")
    doc = styled(sample_proposal(), tmp_path)
    assert read(pdf_bytes(doc)).pages[0].images  # the PDF shows it
    data = docx_bytes(doc)
    opened = docx.Document(io.BytesIO(data))
    [shape] = opened.inline_shapes
    assert shape._inline.docPr.get("descr") == "Exempelby kommuns logotyp"
    assert round(shape.width.cm, 1) == 2.5


@pytest.mark.parametrize("content, message", [
    ("forsta_sidan: [dnr, farg]\n", "forsta_sidan får bara innehålla dnr, datum, status, inte 'farg'"),
    ("logotyp: saknas.svg\nlogotyp_text: x\n", "Logotypen 'saknas.svg' finns inte"),
    ("organisation: X\nokand: 1\n", "husstil.yaml:2: Husstilsfilens fält 'okand' finns inte"),
    ("utkastmarkering: kanske\n", "husstil.yaml:1: Husstilsfilens fält 'utkastmarkering' ska vara true eller false"),
    ("organisation: [\n", "Husstilsfilen är inte giltig YAML"),
])
def test_mistakes_are_told_in_swedish_with_the_file(tmp_path, content, message):
    (tmp_path / "husstil.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_house_style(tmp_path)
    assert message in str(caught.value) and "husstil.yaml" in str(caught.value)
    assert caught.value.exit_code == 2


def test_the_build_uses_the_librarys_house_style_and_rebuilds_when_it_changes(tmp_path):
    library = tmp_path / "clauses"
    shutil.copytree(CLAUSES, library)
    (library / "husstil.yaml").write_text("organisation: Stockholms stad\nforvaltning: Socialförvaltningen\n"
                                         'adress: ["Testgatan 1, 100 00 Stockholm"]\n', encoding="utf-8")
    options = BuildOptions(out_dir=tmp_path / "out", formats=("pdf",), library=ClauseLibrary(library))
    manifest = build(EXAMPLE, options)
    agreement = manifest.parent / "street-minds-2026-overenskommelse.pdf"
    assert "Testgatan 1, 100 00 Stockholm" in read(agreement.read_bytes()).pages[0].extract_text()
    from drafter.incremental import inputs_sha256

    before = inputs_sha256(EXAMPLE, library, [], ("pdf",), "typst")
    house_file(library, utkastmarkering="false")
    assert inputs_sha256(EXAMPLE, library, [], ("pdf",), "typst") != before


def test_a_spec_of_another_organisation_names_its_own_sender_without_the_address(tmp_path):
    """husstil.yaml belongs to one organisation; another kommun's spec in the same project keeps the
    presentation but never shows that organisation's name, address or logo."""
    from drafter.house_style import for_party

    (tmp_path / "logo.png").write_bytes(png())
    house_file(tmp_path, logo="logo.png")
    house = load_house_style(tmp_path)
    assert for_party(house, "Exempelby kommun", "Kulturförvaltningen") is house
    other = for_party(house, "Region Exempelland", "Hälso- och sjukvårdsförvaltningen")
    assert (other.organisation, other.forvaltning, other.address, other.logo) == (
        "Region Exempelland", "Hälso- och sjukvårdsförvaltningen", [], "")
    assert other.first_page == house.first_page and other.draft_mark == house.draft_mark
    assert for_party(house, "Exempelby kommun", "Tekniska förvaltningen").forvaltning == "Tekniska förvaltningen"


def test_another_förvaltning_gets_its_own_address_or_none(tmp_path):
    """Found by a trial: Rinkeby-Kista stadsdelsförvaltning stood above Socialförvaltningen's address."""
    from drafter.house_style import for_party

    (tmp_path / "logo.png").write_bytes(png())
    house_file(tmp_path, logo="logo.png")
    house = load_house_style(tmp_path)
    other = for_party(house, "Exempelby kommun", "Tekniska förvaltningen")
    assert (other.forvaltning, other.address, other.logo) == ("Tekniska förvaltningen", [], house.logo)
    assert for_party(house, "Exempelby kommun", "kulturförvaltningen") is house  # its own, written otherwise
    (tmp_path / "husstil.yaml").write_text((tmp_path / "husstil.yaml").read_text(encoding="utf-8")
                                          + 'forvaltningar:\n  Tekniska förvaltningen: ["Torget 2, 123 45 Exempelby"]\n',
                                          encoding="utf-8")
    own = for_party(load_house_style(tmp_path), "Exempelby kommun", "tekniska  förvaltningen")
    # the address found however the spec writes the name; the letterhead line starts with a capital (trial 12)
    assert (own.forvaltning, own.address) == ("Tekniska  förvaltningen", ["Torget 2, 123 45 Exempelby"])


def test_a_stadsdelsförvaltning_spec_is_built_without_socialförvaltningens_address(tmp_path):
    import yaml

    from helpers import example_data, write_spec

    library = tmp_path / "clauses"
    shutil.copytree(CLAUSES, library)
    data = example_data()
    data["parties"][0].update(name="Stockholms stad", kind="kommun", committee="Rinkeby-Kista stadsdelsnämnd",
                              administration="Rinkeby-Kista stadsdelsförvaltning")
    data["parties"][0].pop("municipality")
    data["parties"][0]["signatory"]["signs_for"] = "Rinkeby-Kista stadsdelsnämnd i Stockholms stad"
    spec = write_spec(tmp_path, data, "rinkeby.yaml")

    def first_pages() -> list[str]:
        options = BuildOptions(out_dir=tmp_path / "out", formats=("pdf",), library=ClauseLibrary(library))
        folder = build(spec, options).parent
        return [read((folder / f"rinkeby-{name}.pdf").read_bytes()).pages[0].extract_text()
                for name in ("overenskommelse", "tjansteutlatande")]

    for page in first_pages():
        assert "Rinkeby-Kista stadsdelsförvaltning" in page and "Box 44" not in page and "08-508 25 000" not in page
    house = yaml.safe_load((library / "husstil.yaml").read_text(encoding="utf-8"))
    house["forvaltningar"] = {"Rinkeby-Kista stadsdelsförvaltning": ["Box 4020, 163 04 Spånga"]}
    (library / "husstil.yaml").write_text(yaml.safe_dump(house, allow_unicode=True), encoding="utf-8")
    for page in first_pages():
        assert "Box 4020, 163 04 Spånga" in page and "Box 44" not in page


def test_the_organisation_without_a_förvaltning_is_sent_by_the_organisation_alone(tmp_path):
    """A kommun acting through a nämnd the spec names, with no `administration:`, is not thereby the house
    style's förvaltning: no "Kulturförvaltningen" and none of its address; the organisation's logo stays.
    A house style that names no förvaltning is the organisation's own and keeps its address."""
    from drafter.house_style import for_party

    (tmp_path / "logo.png").write_bytes(png())
    house_file(tmp_path, logo="logo.png")
    house = load_house_style(tmp_path)
    alone = for_party(house, "Exempelby kommun", None)
    assert (alone.organisation, alone.forvaltning, alone.address, alone.logo) == ("Exempelby kommun", "", [], house.logo)
    assert alone.first_page == house.first_page and alone.draft_mark == house.draft_mark
    doc = sample_document()
    apply_house_style([doc], alone, "utkast")
    assert doc.meta.letterhead.sender == ["Exempelby kommun"]
    (tmp_path / "husstil.yaml").write_text('organisation: Exempelby kommun\nadress: ["Storgatan 1, 123 45 Exempelby"]\n',
                                          encoding="utf-8")
    own = load_house_style(tmp_path)
    assert for_party(own, "Exempelby kommun", None) is own


def test_stockholms_stad_without_a_förvaltning_is_built_without_socialförvaltningen(tmp_path):
    """Found after the trial's letterhead fix: Stockholms stad acting through kulturnämnden, no
    `administration:`, got "Socialförvaltningen" and its address on page 1 of both documents."""
    from helpers import example_data, write_spec

    data = example_data()
    data["parties"][0].update(name="Stockholms stad", kind="kommun", committee="kulturnämnden")
    data["parties"][0].pop("municipality")
    data["parties"][0]["signatory"]["signs_for"] = "kulturnämnden i Stockholms stad"
    spec = write_spec(tmp_path, data, "kultur.yaml")
    folder = build(spec, BuildOptions(out_dir=tmp_path / "out", formats=("pdf", "docx"))).parent
    for name in ("overenskommelse", "tjansteutlatande"):
        page = read((folder / f"kultur-{name}.pdf").read_bytes()).pages[0].extract_text()
        assert "Stockholms stad" in page
        assert "Socialförvaltningen" not in page and "Box 44" not in page and "08-508 25 000" not in page
        words = "\n".join(p.text for p in docx.Document(str(folder / f"kultur-{name}.docx")).paragraphs)
        words += "\n".join(c.text for t in docx.Document(str(folder / f"kultur-{name}.docx")).tables
                           for row in t.rows for c in row.cells)
        assert "Stockholms stad" in words and "Box 44" not in words and "Socialförvaltningen" not in words


@pytest.mark.parametrize("content", ["forvaltningar: [Norrmalm]\n", "forvaltningar: {Norrmalm: Box 1}\n"])
def test_forvaltningar_must_be_names_with_addresses(tmp_path, content):
    (tmp_path / "husstil.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_house_style(tmp_path)
    assert ("husstil.yaml:1: Husstilsfilens fält 'forvaltningar' ska vara förvaltningar med var sin lista av "
            "adressrader") in str(caught.value)
