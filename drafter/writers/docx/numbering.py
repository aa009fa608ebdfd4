"""Real Word lists: numbering definitions in the template, one w:num per list.

The template's numbering part (make_template.py) holds two abstract lists, an
en-dash bullet and "1." numbers, each with nine levels indented one step each.
Every list the writer meets gets its own w:num with a start override on the
level it uses — the known-good way to make each list start where the model says
(Word and LibreOffice otherwise continue or restart lists differently). Section
numbers stay the model's text: only lists are Word numbering.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from drafter.writers.docx import house
from drafter.writers.docx.oxml import el

BULLET_LIST = 1  # w:abstractNumId
ORDERED_LIST = 2
LEVELS = 9


def _level(ilvl: int, fmt: str, text: str) -> str:
    left = house.LIST_INDENT * (ilvl + 1)
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
            f'<w:ind w:left="{left}" w:hanging="{house.LIST_INDENT}"/></w:pPr>'
            + (f'<w:rPr><w:rFonts w:ascii="{house.BODY_FONT}" w:hAnsi="{house.BODY_FONT}" w:hint="default"/></w:rPr>'
               if fmt == "bullet" else "")
            + "</w:lvl>")


def numbering_xml() -> str:
    """The template's numbering part: the two abstract lists and no w:num yet."""
    def abstract(num_id: int, fmt: str, text) -> str:
        levels = "".join(_level(i, fmt, text(i)) for i in range(LEVELS))
        return (f'<w:abstractNum w:abstractNumId="{num_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
                f"{levels}</w:abstractNum>")

    return (f'<w:numbering {nsdecls("w")}>'
            + abstract(BULLET_LIST, "bullet", lambda i: house.BULLET)
            + abstract(ORDERED_LIST, "decimal", lambda i: f"%{i + 1}.")
            + "</w:numbering>")


def new_list(story_parent, ordered: bool, ilvl: int, start: int = 1) -> int:
    """A fresh w:num for one list (its items at level `ilvl`), starting at `start`; its numId."""
    numbering = story_parent.part.package.main_document_part.numbering_part.element
    nums = numbering.findall(qn("w:num"))
    num_id = max((int(n.get(qn("w:numId"))) for n in nums), default=0) + 1
    abstract = ORDERED_LIST if ordered else BULLET_LIST
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'))
    return num_id


def number_paragraph(p, num_id: int, ilvl: int) -> None:
    """Make `p` an item of list `num_id` at level `ilvl` (w:numPr right after the style)."""
    ppr = p._p.get_or_add_pPr()
    num_pr = el("w:numPr", [el("w:ilvl", val=ilvl), el("w:numId", val=num_id)])
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(num_pr)
    else:
        ppr.insert(0, num_pr)
