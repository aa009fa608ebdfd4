"""The budget of an imported document: a table (or lines that lost their rules), else a total stated in the
text; how many months its amounts cover ("under 12 månader", "640 000 kronor per år"), else the period's
length. A table drafter can draw becomes `{{ block("budget") }}`, its look kept in `budget.table`, so that
a change of the spec's budget reaches the document."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from drafter.assemble.data_blocks import BUDGET_HEADER, BUDGET_TOTAL
from drafter.formatting import kronor
from drafter.importer.emit import slug
from drafter.importer.model import Section
from drafter.importer.parties import all_texts

if TYPE_CHECKING:
    from drafter.importer.recognise import Recognised

_AMOUNT = re.compile(r"^−?\d{1,3}(?:[ \u00a0]\d{3})+$|^−?\d+$")
_TOTAL_ONLY = re.compile(
    r"(?:totalt|sammanlagt|högst|budgeterat (?:för|med)|budgeterats? med|(?:en )?ersättning (?:om|på)|uppgår till|"
    r"avsatt|avsätter|bidrag (?:om|på)|ram (?:om|på)|"
    r"bevilja(?:s)? (?:föreningen|organisationen|stiftelsen|trossamfundet|bolaget))\s+(?:totalt\s+)?"
    r"(?P<amount>\d{1,3}(?:[ \u00a0]\d{3})+|\d+)\s*(?P<unit>kr|kronor)\b")
_MONTHS = re.compile(r"\b(?:under|avser|för|om) (?P<n>\d{1,3}|tre|sex|nio|tolv|arton|tjugofyra|trettiosex) månader\b")
_MONTH_WORDS = {"tre": 3, "sex": 6, "nio": 9, "tolv": 12, "arton": 18, "tjugofyra": 24, "trettiosex": 36}
_PER_YEAR = re.compile(r"\b(?:per år|om året|varje år|årligen|per kalenderår|årsvis|i årligt bidrag)\b")


def _amount(text: str) -> int | None:
    text = re.sub(r"\s*(kr|kronor|:-|SEK)\.?$", "", text.strip())  # "120 000 kr", "120 000:-"
    if not _AMOUNT.match(text):
        return None
    return int(text.replace(" ", "").replace("\u00a0", "").replace("−", "-"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def read_budget(sections: list[Section], rec: "Recognised", period: dict) -> dict:
    budget: dict | None = None
    for root in sections:
        for section in root.walk():
            for i, block in enumerate(section.blocks):
                if block.kind != "table" or budget is not None:
                    continue
                rows = block.rows or []
                header = rows[0] if rows and _amount(rows[0][-1].plain) is None else None
                body = rows[1:] if header else rows
                parsed = [(" ".join(c.plain for c in row[:-1]).strip(), _amount(row[-1].plain)) for row in body]
                if len(parsed) < 1 or any(a is None for _, a in parsed):
                    continue
                stated = None
                if parsed and parsed[-1][0].strip().lower() in ("summa", "totalt", "total", "summa kostnader"):
                    stated = parsed.pop()[1]
                if not parsed:
                    continue
                budget = {"#": f"tabellen, {rec.unit} {block.no} i källan",
                          "rows": [{"item": item or "[Post]", "amount": amount} for item, amount in parsed]}
                total = sum(a or 0 for _, a in parsed)
                if stated is not None and stated != total:
                    budget["total"] = stated
                    rec.missing.append(f"budgetens summa: tabellen anger {stated} men raderna ger {total}")
                _budget_block(block, section, header, body, stated, total, budget, rec)
                rec.found.append(f"budget: tabell med {len(parsed)} rader, summa {kronor(total)}"
                                 + (f" (angiven {BUDGET_TOTAL.lower()} {kronor(stated)})" if stated is not None else ""))
                rec.facts["budget_sum"] = total
                near = [b for b in reversed(section.blocks[:i]) if b.kind == "para"][:1] + \
                    [b for b in section.blocks[i + 1:] if b.kind == "para"][:2]
                for other in near:
                    if m := _MONTHS.search(other.texts[0].plain):
                        n = m.group("n")
                        budget["months"] = int(n) if n.isdigit() else _MONTH_WORDS[n]
                        if n.isdigit():
                            other.texts[0].substitute(m.start("n"), m.end("n"), "budget.months")
                        break
    if budget is not None:
        total = sum(r["amount"] for r in budget["rows"])
        for _, _block, text in all_texts(sections):
            if (m := _TOTAL_ONLY.search(text.plain)) and _amount(m.group("amount")) != total:
                rec.missing.append(f"budgetens summa: texten anger {m.group('amount')} {m.group('unit')} "
                                   f"(\"{m.group(0)}\"), raderna ger {kronor(total)}; kontrollera beloppen")
                break
    if budget is None:
        for _, _block, text in all_texts(sections):
            if m := _TOTAL_ONLY.search(text.plain):
                amount = _amount(m.group("amount"))
                budget = {"#": f"en summa i texten, {rec.unit} {_block.no} i källan",
                          "rows": [{"item": "Ersättning enligt överenskommelsen", "amount": amount}]}
                rec.found.append(f"budget: en angiven total, {kronor(amount or 0)} (en rad i specen)")
                rec.facts["budget_sum"] = amount
                break
    if budget is not None and (count := amounts_to_expressions(sections, budget["rows"])):
        rec.derived.append(f"budgetens belopp i texten ({count} ställen) skrivs ur specens budget "
                           "({{ budget.total | kronor }}, eller | tal före \"kronor\")")
    if budget is None:
        rec.missing.append("budget (en tabell med belopp eller \"totalt … kr\")")
        months = _months(period) or 12  # an int placeholder would stand in as 0, which no spec accepts
        rec.derived.append(f"budget.months: {months} (antaget; texten anger ingen budget)")
        return {"#": "saknas i källan", "months": months, "#months": "antaget", "rows": [{"item": "[Post]", "amount": "N"}]}
    if "months" not in budget and (stated_months := _months_in_text(sections, budget, rec)):
        budget["months"], budget["#months"] = stated_months
    if "months" not in budget:
        length = _months(period)
        if length:
            budget["months"] = length
            budget["#months"] = "periodens längd (antaget)"
            rec.derived.append(f"budget.months: {length} (periodens längd; texten anger inte antal månader)")
        else:
            budget["months"] = 12
            budget["#months"] = "antaget"
            rec.derived.append("budget.months: 12 (antaget; texten anger inte antal månader och perioden är okänd)")
    months = budget.pop("months")
    note = budget.pop("#", None)
    return {"#": note, "months": months, **budget}


# An amount in digits with its unit word as a text writes it: "640 000 kronor", "640 000 kr"
_STATED = re.compile(r"(?<![\d\w,.])(?P<amount>\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?P<space>[ \u00a0])(?P<unit>kr|kronor)\b")


def amounts_to_expressions(sections: list[Section], rows: list[dict]) -> int:
    """An amount in the text that is the budget's sum (or a row's amount, in a sentence naming the row)
    becomes the spec's expression, keeping the source's unit word: "640 000 kr" → {{ budget.total | kronor }},
    "640 000 kronor" → {{ budget.total | tal }} kronor. So a change of the spec's budget reaches the text,
    and a stated amount that differs from the rows stays as written (the report says so). Tables are left
    alone: a budget table drafter draws is a block, one it cannot draw stays the source's text."""
    amounts: list[int] = [r["amount"] for r in rows if isinstance(r, dict) and isinstance(r.get("amount"), int)]
    if not amounts or len(amounts) != len(rows):
        return 0
    total = sum(amounts)
    count = 0
    for _, block, text in all_texts(sections):
        if block.kind == "table":
            continue
        for m in _STATED.finditer(text.plain):
            value = int(re.sub(r"\s", "", m.group("amount")))
            if value == total:
                expr = "budget.total"
            elif amounts.count(value) == 1 and _names_row(text.plain, rows[amounts.index(value)]["item"]):
                expr = f"budget.rows[{amounts.index(value)}].amount"
            else:
                continue
            if m.group("unit") == "kr":
                done = text.substitute(m.start("amount"), m.end("unit"), f"{expr} | kronor")
            else:
                done = text.substitute(m.start("amount"), m.end("amount"), f"{expr} | tal")
            count += int(done)
    return count


def _names_row(text: str, item: str) -> bool:
    """The text names the budget row ("lokalhyra", or "lokalhyra" for the row "Lokalhyra (del av …)")."""
    words = re.sub(r"\(.*?\)", "", item).strip().lower()
    return len(words) >= 4 and words in text.lower()


def _budget_block(block, section: Section, header, body, stated, total: int, budget: dict, rec: "Recognised") -> None:
    """The budget table becomes `{{ block("budget") }}`, drawn from the spec's rows, so that a change in the
    spec reaches the document; `budget.table` keeps the source's look (its header, a sum row, "kr").
    A table drafter cannot draw so (more than two columns, a row without text, a sum that is not the
    rows' sum) stays text, and the report says it is to do."""
    width = max(len(row) for row in (block.rows or [[]]))
    why = ("den har fler än två kolumner" if width > 2 else
           "en rad saknar text" if any(r["item"] == "[Post]" for r in budget["rows"]) else
           "dess summarad är inte radernas summa" if stated is not None and stated != total else None)
    if why:
        rec.todo.append(f"budgettabellen i klausulen {slug(section.heading)} står kvar som text ({why}): ändras budgeten i "
                        "specen ändras inte tabellen. Gör om den till {{ block(\"budget\") }} eller håll den lika "
                        "med specen för hand; `drafter check` (budget-amount) säger till när de skiljer sig.")
        return
    look: dict = {}
    defaults = {"item_heading": BUDGET_HEADER[0], "amount_heading": BUDGET_HEADER[1]}
    if header is None:
        look["header"] = False
    else:
        cells = (" ".join(c.plain for c in header[:-1]).strip(), header[-1].plain.strip())
        if not cells[1] and len(cells[0].split()) >= 2:  # a header line whose columns ran together in PDF text
            cells = tuple(cells[0].rsplit(" ", 1))  # type: ignore[assignment]
        for key, cell in zip(("item_heading", "amount_heading"), cells):
            if _norm(cell) != _norm(defaults[key]):
                look[key] = re.sub(r"\s+", " ", cell).strip()
    if stated is None:
        look["sum"] = False
    if body and all(re.search(r"\d\s*(kr|kronor)\.?$", row[-1].plain.strip()) for row in body):
        look["kr"] = True
    if look:
        budget["table"] = look
    block.kind, block.name, block.rows = "data", "budget", None
    label = next((row[0].plain.strip() for row in body[-1:] if stated is not None), BUDGET_TOTAL)
    shown = f"; summaraden heter \"{BUDGET_TOTAL}\" (källan: \"{label}\")" if _norm(label) != _norm(BUDGET_TOTAL) else ""
    rec.derived.append(f"budgettabellen i klausulen {slug(section.heading)} byggs ur specens budget "
                       "({{ block(\"budget\") }})" + (", med källans rubriker och utseende (budget.table)" if look else "")
                       + shown)


def _months_in_text(sections: list[Section], budget: dict, rec: "Recognised") -> tuple[int, str] | None:
    """How many months the budget's amounts cover, as a text states it: the rows' sum (or a row) "per år",
    "per halvår" … ("640 000 kronor per år" → 12), or the sum with "årligen"/"varje år" in its sentence."""
    from drafter.swedish.parse import find_amounts

    amounts = {sum(r["amount"] for r in budget["rows"]), *(r["amount"] for r in budget["rows"])}
    for _, block, text in all_texts(sections):
        if block.kind == "table":
            continue
        for amount in find_amounts(text.plain):
            if round(amount.value) not in amounts:
                continue
            months = amount.months
            if months is None and _PER_YEAR.search(_sentence(text.plain, amount.start)):
                months = 12
            if months:
                rec.found.append(f"budget.months: {months} (\"{amount.written}\", {rec.unit} {block.no} i källan)")
                return months, f"\"{amount.written}\", {rec.unit} {block.no} i källan"
    return None


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at) + 1, 0)
    end = text.find(". ", at)
    return text[start:end if end >= 0 else len(text)]


def _months(period: dict) -> int | None:
    start, end = period.get("start"), period.get("end")
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        return None
    after = end + dt.timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    return months if 1 <= months <= 120 and after.day == start.day else None
