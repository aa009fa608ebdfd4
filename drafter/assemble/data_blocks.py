"""Blocks made from spec data rather than clause text: the budget table and the signatures.

The budget's sum row is computed here from the rows, never typed. Every value knows the spec field
it came from (`origin`), so checks and error messages can name its line.
"""

from __future__ import annotations

import datetime as dt
from copy import deepcopy
from typing import TYPE_CHECKING

from drafter.assemble.context import agreement_title, computed_origin, spec_origin
from drafter.formatting import datum, kronor, tal
from drafter.model.nodes import (
    Document,
    Inline,
    Official,
    Officials,
    OrderedList,
    Origin,
    Paragraph,
    Signatory,
    SignatureBlock,
    Table,
    Text,
)
from drafter.spec.model import BudgetTable, Spec

if TYPE_CHECKING:
    from drafter.spec.load import LoadedSpec

BUDGET_HEADER = (BudgetTable().item_heading, BudgetTable().amount_heading)  # the default header
BUDGET_TOTAL = "Summa"


def _spec(loaded: "LoadedSpec | None", *path: str | int, shown: str = "") -> Origin | None:
    return spec_origin(loaded, path, shown) if loaded else None


def _computed(loaded: "LoadedSpec | None", what: tuple, data: list[tuple]) -> Origin | None:
    return computed_origin(loaded, what, data) if loaded else None


def budget_table(spec: Spec, loaded: "LoadedSpec | None" = None) -> Table:
    """The budget as a table, as `budget.table` asks: header row, sum row, "kr" after amounts."""
    look = spec.budget.table
    amount = kronor if look.kr else tal
    rows: list[list[list[Inline]]] = [
        [[Text(row.item, _spec(loaded, "budget", "rows", i, "item", shown=row.item))],
         [Text(amount(row.amount), _spec(loaded, "budget", "rows", i, "amount", shown=amount(row.amount)))]]
        for i, row in enumerate(spec.budget.rows)]
    total = _computed(loaded, ("budget", "total"), [("budget", "rows", i, "amount") for i in range(len(rows))])
    return Table(
        header=[[Text(look.item_heading)], [Text(look.amount_heading)]] if look.header else [],
        rows=rows,
        total=[[Text(BUDGET_TOTAL)], [Text(amount(spec.budget.sum), total)]] if look.sum else None,
        align=["left", "right"],
        summary=f"Budgeten: kostnad per resurs i kronor och summan {tal(spec.budget.sum)}.",
    )


def signature_block(spec: Spec, loaded: "LoadedSpec | None" = None, on: dt.date | None = None) -> SignatureBlock:
    """Who signs a document dated `on`: a party's new representative from the day it applies
    (`representatives:`); without a date, the signatories as first written (the signed agreement).

    The line for place and date leaves the day to the pen ("Linköping den ____"): a document to be signed
    is dated when it is signed. An agreement already signed (`document.signed`: an imported one, rebuilt)
    states the day it was signed, as its parties wrote it ("Linköping den 12 december 2023"); a tillägg
    (`on`) is signed on its own day, never on the agreement's."""
    place, tail = f"{spec.document.place} den", ""
    if spec.document.signed and on is None:
        tail = f" {datum(spec.document.date)}"
        place += tail
    return SignatureBlock([
        Signatory(
            signs_for=f"För {signatory.signs_for or party.name}"
                      + (" (i förening)" if party.signing == "i förening" and len(people) > 1 else ""),
            name=signatory.name,
            title=signatory.title,
            place_and_date=place,
            origin=_computed(loaded, path, [
                (*path, "signs_for"), ("parties", i, "name"), (*path, "name"), (*path, "title"),
                ("document", "place"), *((("document", "date"),) if tail else ())]),
        )
        for i, party in enumerate(spec.parties)
        for people in [party.signatories_on(on)]
        for j, signatory in enumerate(people)
        for path in [_signatory_path(loaded, party, i, j, people)]
    ])


def as_decided(agreement: Document) -> Document:
    """The agreement as the nämnd decides on it, Bilaga 1 of its packet: before anyone signed, so the day
    under the signatures is left open even in an agreement since signed (`document.signed`), whose own
    file states it. The agreement itself when nothing is dated (every agreement still to be signed)."""
    tail = f" {datum(agreement.meta.date)}" if agreement.meta.date else ""
    blocks = [*agreement.preamble, *(b for section in agreement.walk_sections() for b in section.blocks)]
    if not tail or not any(isinstance(b, SignatureBlock) and any(s.place_and_date.endswith(tail) for s in b.signatories)
                           for b in blocks):
        return agreement
    copy = deepcopy(agreement)
    for block in [*copy.preamble, *(b for section in copy.walk_sections() for b in section.blocks)]:
        if isinstance(block, SignatureBlock):
            for signatory in block.signatories:
                signatory.place_and_date = signatory.place_and_date.removesuffix(tail)
    return copy


def _signatory_path(loaded: "LoadedSpec | None", party, i: int, index: int, people: list) -> tuple:
    """The spec field of a party's signatory as written: `signatories: [...]` or the one `signatory:`,
    of the party or of the representative who signs from a date."""
    base: tuple = ("parties", i)
    if people is not party.signatories:
        base = ("parties", i, "representatives",
                next(k for k, r in enumerate(party.representatives) if r.signatories is people))
    if loaded is not None and (*base, "signatories") in loaded.positions:
        return (*base, "signatories", index)
    return (*base, "signatory")


def officials(spec: Spec, loaded: "LoadedSpec | None" = None) -> Officials:
    assert spec.proposal is not None  # data_blocks offers the block only with a proposal
    return Officials([
        Official(o.name, o.title, _computed(loaded, ("proposal", "officials", i), [
            ("proposal", "officials", i, "name"), ("proposal", "officials", i, "title")]))
        for i, o in enumerate(spec.proposal.officials)])


def attachments(spec: Spec, loaded: "LoadedSpec | None" = None) -> OrderedList:
    """The proposal's Bilagor: the agreement is Bilaga 1."""
    return OrderedList([[Paragraph([Text(agreement_title(spec), title_origin(spec, loaded))])]])


def title_origin(spec: Spec, loaded: "LoadedSpec | None") -> Origin | None:
    """The agreement's title: written (document.title), or made from the parties' names."""
    if spec.document.title:
        return _spec(loaded, "document", "title", shown=spec.document.title)
    return _computed(loaded, ("document",), [("parties", i, "name") for i in range(len(spec.parties))])


def data_blocks(spec: Spec, loaded: "LoadedSpec | None" = None) -> dict:
    """The blocks a clause can place with `{{ block("name") }}`, or an outline item with `block:`."""
    blocks = {"budget": lambda: budget_table(spec, loaded), "signaturer": lambda: signature_block(spec, loaded)}
    if spec.proposal:
        blocks |= {"tjansteman": lambda: officials(spec, loaded), "bilagor": lambda: attachments(spec, loaded)}
    return blocks
