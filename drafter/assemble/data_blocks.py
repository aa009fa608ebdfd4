"""Blocks made from spec data rather than clause text: the budget table and the signatures.

The budget's sum row is computed here from the rows, never typed.
"""

from __future__ import annotations

from drafter.assemble.context import agreement_title
from drafter.formatting import kronor, tal
from drafter.model.nodes import Official, Officials, OrderedList, Paragraph, Signatory, SignatureBlock, Table, Text
from drafter.spec.model import BudgetTable, Spec

BUDGET_HEADER = (BudgetTable().item_heading, BudgetTable().amount_heading)  # the default header
BUDGET_TOTAL = "Summa"


def budget_table(spec: Spec) -> Table:
    """The budget as a table, as `budget.table` asks: header row, sum row, "kr" after amounts."""
    look = spec.budget.table
    amount = kronor if look.kr else tal
    rows = [[[Text(row.item)], [Text(amount(row.amount))]] for row in spec.budget.rows]
    return Table(
        header=[[Text(look.item_heading)], [Text(look.amount_heading)]] if look.header else [],
        rows=rows,
        total=[[Text(BUDGET_TOTAL)], [Text(amount(spec.budget.sum))]] if look.sum else None,
        align=["left", "right"],
        summary=f"Budgeten: kostnad per resurs i kronor och summan {tal(spec.budget.sum)}.",
    )


def signature_block(spec: Spec) -> SignatureBlock:
    place = f"{spec.document.place} den"
    return SignatureBlock([
        Signatory(
            signs_for=f"För {signatory.signs_for or party.name}"
                      + (" (i förening)" if party.signing == "i förening" and len(party.signatories) > 1 else ""),
            name=signatory.name,
            title=signatory.title,
            place_and_date=place,
        )
        for party in spec.parties for signatory in party.signatories
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
