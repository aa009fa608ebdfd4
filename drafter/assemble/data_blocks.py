"""Blocks made from spec data rather than clause text: the budget table and the signatures.

The budget's sum row is computed here from the rows, never typed.
"""

from __future__ import annotations

from drafter.assemble.context import agreement_title
from drafter.formatting import tal
from drafter.model.nodes import Official, Officials, OrderedList, Paragraph, Signatory, SignatureBlock, Table, Text
from drafter.spec.model import Spec

BUDGET_HEADER = ("Beskrivning av resurs", "Kostnad (svenska kronor)")
BUDGET_TOTAL = "Summa"


def budget_table(spec: Spec) -> Table:
    rows = [[[Text(row.item)], [Text(tal(row.amount))]] for row in spec.budget.rows]
    return Table(
        header=[[Text(h)] for h in BUDGET_HEADER],
        rows=rows,
        total=[[Text(BUDGET_TOTAL)], [Text(tal(spec.budget.sum))]],
        align=["left", "right"],
        summary=f"Budgeten: kostnad per resurs i kronor och summan {tal(spec.budget.sum)}.",
    )


def signature_block(spec: Spec) -> SignatureBlock:
    place = f"{spec.document.place} den"
    return SignatureBlock([
        Signatory(
            signs_for=f"För {party.signatory.signs_for or party.name}",
            name=party.signatory.name,
            title=party.signatory.title,
            place_and_date=place,
        )
        for party in spec.parties
    ])


def officials(spec: Spec) -> Officials:
    return Officials([Official(o.name, o.title) for o in spec.proposal.officials])


def attachments(spec: Spec) -> OrderedList:
    """The proposal's Bilagor: the agreement is Bilaga 1."""
    return OrderedList([[Paragraph([Text(agreement_title(spec))])]])


def data_blocks(spec: Spec) -> dict:
    """The blocks a clause can place with `{{ block("name") }}`, or an outline item with `block:`."""
    blocks = {"budget": lambda: budget_table(spec), "signaturer": lambda: signature_block(spec)}
    if spec.proposal:
        blocks |= {"tjansteman": lambda: officials(spec), "bilagor": lambda: attachments(spec)}
    return blocks
