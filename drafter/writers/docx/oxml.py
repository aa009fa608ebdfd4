"""Small WordprocessingML helpers python-docx has no API for: borders, shading, tabs, fields."""

from __future__ import annotations

from functools import lru_cache

from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

# Children of w:pPr in schema order (CT_PPrBase then CT_PPr), for inserting in place.
PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
]
TBLPR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
               "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
               "tblLook", "tblCaption", "tblDescription"]
_TCPR_ORDER = ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
               "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark"]


@lru_cache(maxsize=None)
def _named(tag: str) -> tuple[str, dict[str, str]]:
    """A prefixed tag's Clark name and namespace map, as OxmlElement works them out on every call."""
    prefixed = NamespacePrefixedTag(tag)
    return prefixed.clark_name, prefixed.nsmap


def element(tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """`OxmlElement(tag, attrs)` (the same parser, so python-docx's element classes), without parsing
    the tag again: the writer makes tens of thousands of w:p, w:r and w:t."""
    clark, nsmap = _named(tag)
    return oxml_parser.makeelement(clark, attrib=attrs, nsmap=nsmap)


def el(tag: str, children=(), **attrs) -> etree._Element:
    """`el("w:tab", val="right", pos=9070)` → <w:tab w:val="right" w:pos="9070"/>."""
    made = element(tag)
    for key, value in attrs.items():
        made.set(qn(f"w:{key}"), str(value))
    for child in children:
        made.append(child)
    return made


def set_child(parent, child, order: list[str]):
    """Put `child` into `parent`, replacing one of the same tag, keeping schema order."""
    local = child.tag.split("}")[1]
    for old in parent.findall(child.tag):
        parent.remove(old)
    rank = order.index(local)
    for i, existing in enumerate(parent):
        name = existing.tag.split("}")[1] if "}" in existing.tag else ""
        if name in order and order.index(name) > rank:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


_W_PPR = qn("w:pPr")


def paragraph_property(p, child):
    """Put `child` into the w:p's w:pPr in schema order, replacing one of its tag: what python-docx's
    paragraph_format and style setters make (w:pPr first in the paragraph), without their search
    through the schema's list of every possible successor on each call."""
    ppr = p.find(_W_PPR)
    if ppr is None:
        ppr = element("w:pPr")
        p.insert(0, ppr)
    return set_child(ppr, child, PPR_ORDER)


def keep_next(p) -> None:
    """<w:keepNext/>: the paragraph stays on the page of the next (python-docx's keep_with_next = True)."""
    paragraph_property(p, element("w:keepNext"))


def style_of(p, style_id: str) -> None:
    """<w:pStyle w:val="…"/> (python-docx's CT_P.style = style_id)."""
    paragraph_property(p, element("w:pStyle", {qn("w:val"): style_id}))


def border(side: str, size: int = 4, color: str = "auto", space: int = 0, val: str = "single"):
    """One border edge; `size` in eighths of a point."""
    return el(f"w:{side}", val=val, sz=size, space=space, color=color)


def paragraph_border(paragraph, **sides):
    """`paragraph_border(p, bottom=border("bottom", 6))`: a rule drawn by the paragraph."""
    pPr = paragraph._p.get_or_add_pPr()
    set_child(pPr, el("w:pBdr", list(sides.values())), PPR_ORDER)


def tab_stops(paragraph, *stops: tuple[str, int, str | None]):
    """Tab stops as (alignment, position in twips, leader or None)."""
    tabs = el("w:tabs")
    for align, pos, leader in stops:
        tab = el("w:tab", val=align, pos=pos)
        if leader:
            tab.set(qn("w:leader"), leader)
        tabs.append(tab)
    set_child(paragraph._p.get_or_add_pPr(), tabs, PPR_ORDER)


def table_property(table, child):
    """Set one w:tblPr child (tblBorders, tblCellMar, ...) in schema order."""
    return set_child(table._tbl.tblPr, child, TBLPR_ORDER)


def cell_shading(cell, fill: str):
    set_child(cell._tc.get_or_add_tcPr(), el("w:shd", val="clear", color="auto", fill=fill), _TCPR_ORDER)


def cell_borders(cell, **sides):
    set_child(cell._tc.get_or_add_tcPr(), el("w:tcBorders", list(sides.values())), _TCPR_ORDER)


def cell_valign(cell, value: str):
    set_child(cell._tc.get_or_add_tcPr(), el("w:vAlign", val=value), _TCPR_ORDER)


def field_runs(instruction: str, placeholder: str = "1") -> list:
    """A complex field (PAGE, NUMPAGES) as runs: begin, instruction, separate, result, end."""
    def run(*children):
        return el("w:r", list(children))

    instr = el("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    result = el("w:t")
    result.text = placeholder
    return [
        run(el("w:fldChar", fldCharType="begin")),
        run(instr),
        run(el("w:fldChar", fldCharType="separate")),
        run(result),
        run(el("w:fldChar", fldCharType="end")),
    ]


def text_run(text: str):
    t = el("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    return el("w:r", [t])
