"""The document model: the one contract between assembly and the writers.

Like pandoc's AST, it knows no file format. Everything a reader sees as content
(section numbers, cross-reference texts, footnote numbers, budget sums) is
computed here or before, so writers only translate nodes into their format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:  # tracked changes (model/changes.py) build on these nodes
    from drafter.model.changes import (
        ChangedPeople, Deleted, DeletedBlocks, Heading, Inserted, InsertedBlocks, RenumberedItem, TrackedTable,
    )


# --- provenance -------------------------------------------------------------

# Marks a field that says where a node came from: not content, so writers and the model's data
# (model/data.py) leave it out, and equality of nodes ignores it.
PROVENANCE = {"provenance": True}


@dataclass(frozen=True)
class Origin:
    """Where a node came from: a clause version, a spec field, or a value computed from spec fields.

    Set by assembly; the checks name places with it, `build` points a rendering error at it, and the
    web page and `verify` can jump from the document to its source."""

    kind: str  # "clause", "spec" or "computed"
    file: str = ""  # the clause file (relative to the library) or the spec file
    line: int | None = None
    ref: str = ""  # "villkor/period@2" for a clause; the spec field, "budget.rows.0.amount", otherwise
    value: str = ""  # a spec field's value as the text shows it
    data: tuple["Origin", ...] = ()  # the spec fields a computed value, or a filled-in clause, used

    def where(self) -> str:
        """As a finding names a place: "id@version" for a clause, else "file:line"."""
        if self.kind == "clause":
            return self.ref
        return f"{self.file}:{self.line}" if self.line else self.file


def provenance() -> Any:
    """The `origin` field of a node: None until assembly sets it."""
    return field(default=None, compare=False, metadata=PROVENANCE)


# --- inline nodes -----------------------------------------------------------


@dataclass
class Text:
    text: str
    origin: Origin | None = provenance()  # when the span is a spec value or a computed one


@dataclass
class Emph:
    children: list["Inline"]


@dataclass
class Strong:
    children: list["Inline"]


@dataclass
class LineBreak:
    pass


@dataclass
class FootnoteRef:
    """A footnote mark; its text travels with it so writers can place real footnotes."""

    blocks: list["Block"]
    number: int = 0  # set by model.numbering


@dataclass
class CrossRef:
    """A reference to another clause, rendered as e.g. "punkt 5.7"."""

    target: str  # clause id
    text: str = ""  # set by model.numbering


Inline = Union[Text, Emph, Strong, LineBreak, FootnoteRef, CrossRef, "Inserted", "Deleted"]


# --- block nodes ------------------------------------------------------------


@dataclass
class Paragraph:
    inlines: list[Inline]
    keep_with_next: bool = False  # set by model.keep: a lead-in stays on the page of what it leads into


@dataclass
class BulletList:
    items: list[list["Block"]]
    keep_with_next: bool = False


@dataclass
class OrderedList:
    items: list[list["Block"]]
    start: int = 1
    keep_with_next: bool = False


@dataclass
class Table:
    """A table; `total` is a computed sum row, shown emphasised by writers."""

    header: list[list[Inline]]
    rows: list[list[list[Inline]]]
    total: list[list[Inline]] | None = None
    align: list[str] = field(default_factory=list)  # "left" | "right" per column
    caption: str = ""  # shown above the table; also its accessible name
    summary: str = ""  # what the table holds, for screen readers (alt text / w:tblDescription)


@dataclass
class Signatory:
    """One party's signature, in reading order: whom it binds, a line to sign on,
    the name in clear with title, then place and date with a line for the day."""

    signs_for: str  # "För socialnämnden i Stockholms stad"
    name: str | None  # None: an empty line with "Namnförtydligande"
    title: str | None
    place_and_date: str  # "Stockholm den"
    origin: Origin | None = provenance()  # computed from the party's fields
    name_line: str = ""  # "Name, title", or "Namnförtydligande, title" when the name is left open

    def __post_init__(self) -> None:
        # Decided with the node, when assembly makes it; every writer prints it as it is.
        if not self.name_line:
            self.name_line = ", ".join(p for p in (self.name or "Namnförtydligande", self.title) if p)


@dataclass
class SignatureBlock:
    signatories: list[Signatory]


@dataclass
class Official:
    """An official who signs a tjänsteutlåtande: the name in clear over the title."""

    name: str | None
    title: str
    origin: Origin | None = provenance()  # the spec's proposal.officials entry


@dataclass
class Officials:
    """The officials behind a proposal, side by side; no lines, they sign electronically."""

    officials: list[Official]


@dataclass
class Quote:
    """Wording quoted whole and set off (indented) from the text around it, like docutils'
    block_quote: the new wording of a point in an addendum, never run into the next instruction."""

    blocks: list["Block"]


Block = Union[Paragraph, BulletList, OrderedList, Table, SignatureBlock, Officials, Quote,
              "InsertedBlocks", "DeletedBlocks", "Heading", "RenumberedItem", "TrackedTable", "ChangedPeople"]


# --- structure --------------------------------------------------------------


@dataclass
class ClauseUse:
    """Which clause version a section came from (for manifest, redlines, checks)."""

    id: str
    version: int
    sha256: str
    path: str


@dataclass
class Section:
    heading: str  # "" for a section that only holds blocks (e.g. the officials), shown without heading
    blocks: list[Block] = field(default_factory=list)
    sections: list["Section"] = field(default_factory=list)
    clause: ClauseUse | None = None
    numbered: bool = True
    fixed_number: str | None = None  # kept as signed: an amended agreement never renumbers ("3.5 a")
    number: str = ""  # "5.2", set by model.numbering
    label: str = ""  # "5.2" or "1." as printed before the heading
    level: int = 1  # 1 = top level, set by model.numbering
    origin: Origin | None = provenance()  # the clause version, or the spec's outline item or text
    name: str = ""  # the outline item's name (key, clause id or block), as a standard outline's change names it


@dataclass
class Letterhead:
    """The first-page head of an official document: who writes, what, reference data, to whom."""

    sender: list[str]  # ["Socialförvaltningen", "Avdelningen för …"]
    document_type: str  # "Tjänsteutlåtande"
    references: list[tuple[str, str]]  # [("Dnr", "SoN 2023/1"), ("Datum", "2023-08-29"), …]
    recipient: str = ""  # "Till socialnämnden"
    # The kommun or region the förvaltning writes for ("Linköpings kommun"): the first sender line unless
    # the organisation's own house style presents it (house_style.name_organisation decides).
    organisation: str = ""


@dataclass
class HouseStyle:
    """What a förvaltning sets once for all its documents (clauses/husstil.yaml, see drafter/house_style.py)."""

    organisation: str = ""  # "Stockholms stad"
    forvaltning: str = ""  # "Socialförvaltningen"
    address: list[str] = field(default_factory=list)  # printed under the sender on page 1
    logo: str = ""  # path of an SVG or PNG file
    logo_alt: str = ""  # the logo's text for screen readers
    logo_width_cm: float = 3.0
    first_page: list[str] = field(default_factory=lambda: ["dnr", "datum"])  # "dnr", "datum", "status"
    draft_mark: bool = True  # "UTKAST" on every page while the documents are drafts
    recipient_capital: bool = False  # "Till Socialnämnden" (Stockholm's templates), not as the spec writes it
    addresses: dict[str, list[str]] = field(default_factory=dict)  # other förvaltningar's own address lines
    borrowed: bool = False  # another organisation's house style, fitted to this spec's (house_style.for_party)


@dataclass
class Metadata:
    title: str
    subtitle: str = ""
    subject: str = ""
    author: str = ""
    keywords: list[str] = field(default_factory=list)
    diarienummer: str | None = None
    date: dt.date | None = None
    place: str = ""
    language: str = "sv-SE"
    letterhead: Letterhead | None = None
    status: str = ""  # "utkast" | "slutlig", from the spec
    house: HouseStyle | None = None
    title_origin: Origin | None = provenance()  # the spec's title, or the parties it is made from
    date_stands_in: bool = False  # `date` is not the document's own (a clause diff's approval date)
    mark: str = ""  # said on every page and in the PDF title, e.g. "Konsoliderad version – ej undertecknad"


# The file name of each kind of document, after the spec's name: street-minds-2026-overenskommelse.pdf
FILE_NAMES = {"agreement": "overenskommelse", "proposal": "tjansteutlatande", "packet": "handlingar",
              "addendum": "tillagg", "consolidated": "overenskommelse-konsoliderad",
              "addendum-proposal": "tjansteutlatande-tillagg"}


@dataclass
class Document:
    kind: str  # "agreement", "proposal", "addendum", "consolidated", "addendum-proposal"
    meta: Metadata
    sections: list[Section] = field(default_factory=list)
    preamble: list[Block] = field(default_factory=list)
    part: str = ""  # which one of several of a kind: the addendum's number
    # Amounts drafter computed for this document's text, as (kronor, months or None for a sum): what a
    # tillägg adds to the grant (drafter/assemble/amendment_money.py), so budget-amount knows them. Not content.
    amounts: list[tuple[int, int | None]] = field(default_factory=list, compare=False, metadata=PROVENANCE)
    # Periods this document's text may state besides the spec's, as (start, end): a tillägg's
    # tjänsteutlåtande tells the period the agreement was signed for, so period-mismatch knows it. Not content.
    periods: list[tuple[dt.date, dt.date]] = field(default_factory=list, compare=False, metadata=PROVENANCE)
    # The clause versions this document quotes besides its own sections': the new wording a tillägg sets out
    # (drafter/assemble/addendum.py), which its lock records (trial12). Not content.
    quotes: list[ClauseUse] = field(default_factory=list, compare=False, metadata=PROVENANCE)

    @property
    def file_stem(self) -> str:
        """The document's part of its file names: "overenskommelse", "tillagg-1"."""
        return FILE_NAMES[self.kind] + (f"-{self.part}" if self.part else "")

    def walk_sections(self):
        """Every section, depth first, in reading order."""
        return walk_sections(self.sections)


def walk_sections(sections: list[Section]):
    """Every section of `sections` and their subsections, depth first, in reading order."""
    stack = list(reversed(sections))
    while stack:
        section = stack.pop()
        yield section
        stack.extend(reversed(section.sections))
