"""Build template.docx, the house style, with python-docx: `python -m drafter.writers.docx.make_template`.

The template holds the page (A4, 2.5 cm margins), the styles the writer uses
(Title, Subtitle, Heading 1–3, lists, tables, footnotes; Times New Roman 12 pt body,
Arial headings, Swedish language), and the running header and footer. The
header carries docxtpl Jinja tags ({{ title }}, {{ diarienummer }}) that the
writer fills in; the footer holds real PAGE and NUMPAGES fields.

Re-running it gives the same bytes, so the committed file only changes when
the style does.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips

from drafter.writers.docx import house
from drafter.writers.docx.numbering import numbering_xml
from drafter.writers.docx.oxml import field_runs, text_run
from drafter.writers.docx.reproducible import normalise_zip

TEMPLATE = Path(__file__).with_name("template.docx")
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

# Styles kept from python-docx's default template (the rest is pruned).
KEEP = {"DefaultParagraphFont", "TableNormal", "NoList"}


def _fonts(font: str) -> str:
    return f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'


LANG = f'<w:lang w:val="{house.LANGUAGE}" w:eastAsia="{house.LANGUAGE}" w:bidi="ar-SA"/>'


def _size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


_DEFAULT = ' w:default="1"'


def _pstyle(style_id, name, ppr="", rpr="", based="Normal", next_="", extra="", default=False) -> str:
    based_on = f'<w:basedOn w:val="{based}"/>' if based else ""
    nxt = f'<w:next w:val="{next_}"/>' if next_ else ""
    return (
        f'<w:style {nsdecls("w")} w:type="paragraph"{_DEFAULT if default else ""} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{based_on}{nxt}{extra}'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def _heading(level: int, size: int, before: int, after: int, italic: bool = False) -> str:
    return _pstyle(
        house.HEADINGS[level], f"heading {level}",
        ppr=f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}" w:line="240" '
            f'w:lineRule="auto"/><w:outlineLvl w:val="{level - 1}"/>',
        rpr=_fonts(house.HEADING_FONT) + "<w:b/><w:bCs/>" + ("<w:i/><w:iCs/>" if italic else "")
            + '<w:color w:val="000000"/>' + _size(size),
        next_="Normal", extra='<w:uiPriority w:val="9"/><w:qFormat/>',
    )


def _list_style(style_id: str, name: str, hanging: bool) -> str:
    ind = (f'<w:ind w:left="{house.LIST_INDENT}" w:hanging="{house.LIST_INDENT}"/>' if hanging
           else f'<w:ind w:left="{house.LIST_INDENT}"/>')
    tabs = f'<w:tabs><w:tab w:val="left" w:pos="{house.LIST_INDENT}"/></w:tabs>' if hanging else ""
    return _pstyle(style_id, name, ppr=f'{tabs}<w:spacing w:after="60"/>{ind}')


STYLES = [
    _pstyle("Normal", "Normal", based="", extra="<w:qFormat/>", default=True,
            ppr='<w:widowControl/><w:spacing w:after="120" w:line="264" w:lineRule="auto"/>',
            rpr=_fonts(house.BODY_FONT) + _size(24) + LANG),
    _pstyle(house.TITLE, "Title", next_="Normal", extra='<w:uiPriority w:val="10"/><w:qFormat/>',
            ppr='<w:keepNext/><w:spacing w:before="0" w:after="360" w:line="240" w:lineRule="auto"/>'
                '<w:outlineLvl w:val="9"/>',
            rpr=_fonts(house.HEADING_FONT) + '<w:b/><w:bCs/><w:color w:val="000000"/><w:kern w:val="28"/>'
                + _size(34)),
    _pstyle(house.SUBTITLE, "Subtitle", next_="Normal", extra='<w:uiPriority w:val="11"/><w:qFormat/>',
            ppr='<w:keepNext/><w:spacing w:before="0" w:after="360" w:line="240" w:lineRule="auto"/>',
            rpr=_fonts(house.HEADING_FONT) + '<w:color w:val="000000"/>' + _size(26)),
    _heading(1, 28, 360, 160),
    _heading(2, 24, 360, 160),
    _heading(3, 22, 360, 160),
    _pstyle(house.HEADER, "header", extra='<w:uiPriority w:val="99"/>',
            ppr=f'<w:tabs><w:tab w:val="right" w:pos="{house.TEXT_WIDTH}"/></w:tabs>'
                '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
            rpr=_fonts(house.HEADING_FONT) + '<w:color w:val="404040"/>' + _size(16)),
    _pstyle(house.FOOTER, "footer", extra='<w:uiPriority w:val="99"/>',
            ppr=f'<w:tabs><w:tab w:val="right" w:pos="{house.TEXT_WIDTH}"/></w:tabs>'
                '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
            rpr=_fonts(house.HEADING_FONT) + '<w:color w:val="404040"/>' + _size(16)),
    _list_style(house.LIST_BULLET, "List Bullet", hanging=True),
    _list_style(house.LIST_NUMBER, "List Number", hanging=True),
    _list_style(house.LIST_CONTINUE, "List Continue", hanging=False),
    _pstyle(house.TABLE_TEXT, "Tabelltext", extra="<w:qFormat/>",
            ppr='<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>'),
    _pstyle(house.SIGNATURE, "Signature", extra='<w:uiPriority w:val="99"/>',
            ppr='<w:keepNext/><w:keepLines/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
            rpr=_size(22)),
    _pstyle(house.FOOTNOTE_TEXT, "footnote text", extra='<w:uiPriority w:val="99"/>',
            ppr='<w:spacing w:after="40" w:line="240" w:lineRule="auto"/>', rpr=_size(20)),
    f'<w:style {nsdecls("w")} w:type="character" w:styleId="{house.FOOTNOTE_REFERENCE}">'
    '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
    '<w:uiPriority w:val="99"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
    f'<w:style {nsdecls("w")} w:type="table" w:styleId="{house.TABLE_STYLE}">'
    '<w:name w:val="Avtalstabell"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
    '<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>'
    f'<w:top w:val="single" w:sz="8" w:space="0" w:color="{house.RULE_COLOR}"/>'
    f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{house.RULE_COLOR}"/>'
    '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/></w:tblBorders>'
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
    f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{house.HEADER_FILL}"/></w:tcPr></w:tblStylePr>'
    '<w:tblStylePr w:type="lastRow"><w:rPr><w:b/><w:bCs/></w:rPr></w:tblStylePr></w:style>',
]

DOC_DEFAULTS = (
    f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>{_fonts(house.BODY_FONT)}{_size(24)}{LANG}'
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" '
    'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
)

APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>drafter</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _styles(document) -> None:
    root = document.styles.element
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEEP:
            root.remove(style)
    for rsid in root.iter(qn("w:rsid")):
        rsid.getparent().remove(rsid)
    root.replace(root.find(qn("w:docDefaults")), parse_xml(DOC_DEFAULTS))
    for xml in STYLES:
        root.append(parse_xml(xml))


def _settings(document) -> None:
    settings = document.settings.element
    for tag in ("w:rsids", "w:proofState", "w:savePreviewPicture", "w:attachedTemplate"):
        for found in settings.findall(qn(tag)):
            settings.remove(found)
    lang = settings.find(qn("w:themeFontLang"))
    for attr in list(lang.attrib):
        del lang.attrib[attr]
    lang.set(qn("w:val"), house.LANGUAGE)
    settings.find(qn("w:decimalSymbol")).set(qn("w:val"), ",")
    settings.find(qn("w:listSeparator")).set(qn("w:val"), ";")
    # w:percent is required by the schema (python-docx's sample leaves it out).
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")
    # Tabs every 1.25 cm instead of the American half inch.
    settings.find(qn("w:defaultTabStop")).set(qn("w:val"), "709")


def _prune_parts(document) -> None:
    """Drop what python-docx's sample carries but a clean template should not: a
    thumbnail of an empty page, Word 2010's duplicate styles, custom XML; the sample's
    numbering gives way to ours (numbering.py: en-dash bullets and "1." lists)."""
    part = document.part
    for rId, rel in list(part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, STYLES_WITH_EFFECTS):
            del part.rels[rId]
    numbering = part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(numbering_xml()):
        numbering.append(child)
    package_rels = part.package.rels
    for rId, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rId]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = APP_XML.encode()
    for rel in part.rels.values():
        if rel.reltype == RT.THEME:  # fonts Word offers for new styles: ours, not Calibri/Cambria
            theme = rel.target_part
            xml = theme.blob.decode("utf-8")
            for scheme, font in (("majorFont", house.HEADING_FONT), ("minorFont", house.BODY_FONT)):
                xml = re.sub(rf'(<a:{scheme}>\s*<a:latin typeface=")[^"]*"', rf'\g<1>{font}"', xml)
            theme._blob = xml.encode("utf-8")


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(house.PAGE_WIDTH), Twips(house.PAGE_HEIGHT)
    for side in ("top", "bottom", "left", "right"):
        setattr(section, f"{side}_margin", Twips(house.MARGIN))
    section.header_distance = Twips(house.HEADER_DISTANCE)
    section.footer_distance = Twips(house.FOOTER_DISTANCE)
    for attr in list(section._sectPr.attrib):
        del section._sectPr.attrib[attr]  # rsids
    _header(section)
    _footer(section)


def _header(section) -> None:
    """Every page: title on the left (not on page 1, where it stands in full), "UTKAST" on a draft
    and "Dnr …" when there is one on the right (page 1 of a document with a letterhead: in it);
    a thin rule below. The PDF template (drafter.typ, running-header) does the same."""
    section.different_first_page_header_footer = True
    _header_table(section.header, "{{ title }}", "{% if diarienummer %}Dnr {{ diarienummer }}{% endif %}")
    _header_table(section.first_page_header, "",
                  "{% if diarienummer and not letterhead %}Dnr {{ diarienummer }}{% endif %}")


def _header_table(header, title: str, dnr: str) -> None:
    header.is_linked_to_previous = False
    hdr = header._element
    for child in list(hdr):
        hdr.remove(child)
    left, right = house.TEXT_WIDTH - 3 * house.CM - 1000, 3 * house.CM + 1000
    rule = f'<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{house.RULE_COLOR}"/>'
    mark = (f'<w:r><w:rPr><w:b/><w:color w:val="{house.DRAFT_COLOR}"/></w:rPr>'
            '<w:t xml:space="preserve">{% if draft %}UTKAST{% endif %}</w:t></w:r>'
            '<w:r><w:t xml:space="preserve">{% if draft and (' + dnr.split("%}")[0].removeprefix("{% if ")
            + ') %}   {% endif %}</w:t></w:r>')

    def cell(width: int, jc: str, runs: str) -> str:
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{house.HEADER}"/><w:spacing w:after="60"/><w:jc w:val="{jc}"/>'
                f'</w:pPr>{runs}</w:p></w:tc>')

    def run(text: str) -> str:
        return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""

    hdr.append(parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{house.TEXT_WIDTH}" w:type="dxa"/>'
        f'<w:tblBorders>{rule}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{left}"/><w:gridCol w:w="{right}"/></w:tblGrid><w:tr>'
        + cell(left, "left", run(title))
        + cell(right, "right", mark + run(dnr))
        + "</w:tr></w:tbl>"
    ))
    # A header must end with a paragraph; keep it tiny so the rule sits close to the text.
    hdr.append(parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{house.HEADER}"/>'
                         '<w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>'))


def _footer(section) -> None:
    """"Sida 2 av 6", centred, on every page (the first page's footer is the same)."""
    for footer in (section.footer, section.first_page_footer):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph._p.style = house.FOOTER
        p = paragraph._p
        p.append(text_run("Sida "))
        for r in field_runs("PAGE"):
            p.append(r)
        p.append(text_run(" av "))
        for r in field_runs("NUMPAGES"):
            p.append(r)


def _properties(document) -> None:
    props = document.core_properties
    props.author = props.last_modified_by = "drafter"
    props.comments = props.title = props.subject = props.keywords = props.category = ""
    props.language = house.LANGUAGE
    props.revision = 1
    props.created = props.modified = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def build() -> bytes:
    document = docx.Document()
    _styles(document)
    _settings(document)
    _prune_parts(document)
    _page(document)
    _properties(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue(), (1980, 1, 1, 0, 0, 0))


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0]) if argv else TEMPLATE
    target.write_bytes(build())
    print(f"skrev {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
