"""budget-sum, budget-zero, budget-amount, budget-period: the budget agrees with itself, the texts and
the period.

budget-amount tells two things apart. The budget written wrong ("Ersättningen är 600 000 kr per
halvår" when the budget gives 500 000 kr per halvår) is an error. An amount that no data explains
("Föreningen bidrar med 150 000 kr") is a warning with its sentence: it is often right (egen insats,
other funding) and is declared under `other_amounts` so that the texts take it with {{ }}.
"""

from __future__ import annotations

import re

from drafter.checks.context import CheckContext, Piece
from drafter.clauses.library import ClauseNotFound
from drafter.checks.finding import Finding
from drafter.checks.swedish import months_about, span, whole_months
from drafter.formatting import kronor, tal
from drafter.lazy_pattern import lazy
from drafter.model.nodes import Table, Text
from drafter.model.text import inline_text
from drafter.swedish.parse import RATE_MONTHS, Amount, find_amounts


def check_budget_sum(ctx: CheckContext):
    budget = ctx.spec.budget
    for i, row in enumerate(budget.rows):
        if row.amount < 0:
            yield Finding("budget-sum", "error",
                          f"Beloppet för '{row.item}' är negativt ({tal(row.amount)} kr); "
                          "budgetens belopp ska vara noll eller mer.",
                          ctx.where("budget", "rows", i, "amount"))
    if budget.total is not None and budget.total != budget.sum:
        yield Finding("budget-sum", "error",
                      f"Angiven summa (total) {kronor(budget.total)} stämmer inte med raderna, som tillsammans blir "
                      f"{kronor(budget.sum)}; skillnaden är {kronor(abs(budget.total - budget.sum))}. Rätta raderna "
                      "eller summan, eller ta bort total: summan räknas ut från raderna.",
                      ctx.where("budget", "total"))


def check_budget_zero(ctx: CheckContext):
    """A partnership without money exists (premises, staff time), but a 0 kr budget is more often rows
    not yet filled in."""
    budget = ctx.spec.budget
    if budget.sum == 0 and all(row.amount == 0 for row in budget.rows):
        yield Finding("budget-zero", "warning",
                      f"Budgeten är 0 kr: alla {len(budget.rows)} rader har beloppet 0. Fyll i beloppen; är "
                      "partnerskapet med avsikt utan ersättning, kvittera varningen under acknowledge: med skälet.",
                      ctx.where("budget", "rows"))


# A sentence about the public party's payment ...
_BUDGET_WORDS = lazy(r"ersätt|bidrag|budget|totalt|sammanlagt|utbetal|betala|medel\b|finansier|\bfår\b|erhåll"
                     r"|tilldela|\butgår\b|\butgå\b", re.I)
# ... unless it is about someone else's money or value.
_OTHER_WORDS = lazy(
    r"egen insats|egna insats|eget bidrag|egen finansiering|egna medel|medfinansier|annan finansiering|andra bidrag"
    r"|övrig finansiering|extern|statsbidrag|arvsfond|fonden|stiftelse|sponsr|insamla|gåvor|medlemsavgift"
    r"|omsättning|ideell tid|ideella insatser|värdet|tidigare|föregående|förra", re.I)
_CEILING_WORDS = lazy(r"\bhögst\b|\btak\b|\btaket\b|\bupp till\b|\bmaximalt\b|\bsom mest\b", re.I)
_FROM_NAME = lazy(r"\bfrån\s+(?P<name>[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+[A-ZÅÄÖ][\wåäöÅÄÖ-]*)*)")
_SENTENCE_END = lazy(r"[.!?](?=\s+[A-ZÅÄÖ\"'–-]|\s*$)|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end]; dots inside amounts ("2.000.000 kr") do not end it."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    stop = _SENTENCE_END.search(text, end)
    return text[left:stop.end() if stop else len(text)].strip()


class _Basis:
    """What the budget explains, per month and in whole: the budget's sum and rows, what the first
    period and the whole term come to, and the spec's other amounts and figures; the nämnd's
    decided ceiling where a sentence states it as one."""

    def __init__(self, ctx: CheckContext):
        spec = ctx.spec
        budget, period = spec.budget, spec.period
        self.sum, self.months = budget.sum, budget.months
        amounts = {budget.sum, *(r.amount for r in budget.rows)} | ({budget.total} if budget.total is not None else set())
        self.monthly = {a / budget.months for a in amounts}
        spans = [whole_months(period.start, period.end)]
        if period.renewal and period.renewal.max_end > period.end:
            spans.append(whole_months(period.start, period.renewal.max_end))
        self.whole = amounts | {m * n for m in self.monthly for n in spans if n}
        # A tillägg's sums, computed in the model (drafter/assemble/amendment_money.py), by document kind.
        self.computed: dict[str, list[tuple[int, int | None]]] = {}
        for doc in getattr(ctx, "documents", ()):  # a basis made from a spec alone has none
            self.computed.setdefault(doc.kind, []).extend(doc.amounts)
        self.other = list(spec.other_amounts.values())
        self.ceiling = spec.decision.ceiling if spec.decision else None
        self.figures = {v for v in spec.figures.values() if isinstance(v, int) and not isinstance(v, bool)}
        self.public_names = {n.casefold() for p in spec.parties if p.sector == "offentlig"
                             for n in (p.name, p.committee, p.municipality, p.administration) if n}

    def explains(self, amount: Amount) -> bool:
        value, months = amount.value, amount.months
        if months is None:  # a plain amount, or "per perioden"
            return (any(abs(value - a) <= 1 for a in self.whole) or value in self.figures
                    or any(abs(value - o.amount) <= 1 for o in self.other))
        if any(abs(value - m * months) <= 1 for m in self.monthly):
            return True
        for o in self.other:
            stated = o.amount if o.per is None else o.amount / RATE_MONTHS[o.per] * months
            if abs(value - stated) <= 1:
                return True
        return value in self.figures

    def computed_for(self, kind: str, amount: Amount) -> bool:
        """An amount drafter computed for a document of this kind, as it states it (a sum, or per year)."""
        for value, months in self.computed.get(kind, ()):
            if months is None and amount.months is None and abs(amount.value - value) <= 1:
                return True
            if months and amount.months and abs(amount.value - value / months * amount.months) <= 1:
                return True
        return False

    def ceiling_stated(self, amount: Amount, sentence: str) -> bool:
        """The nämnd's decided ceiling, stated as a ceiling ("om högst 900 000 kr per år", as "förslag till
        beslut" writes it from decision.ceiling): data, not the budget written wrong. Only with a word for
        a ceiling, so that a stale budget equal to the ceiling is still caught."""
        ceiling = self.ceiling
        if ceiling is None or not _CEILING_WORDS.search(sentence):
            return False
        if ceiling.per == "år" and amount.months is not None:
            return abs(amount.value - ceiling.amount / 12 * amount.months) <= 1
        return amount.months is None and abs(amount.value - ceiling.amount) <= 1

    def others_money(self, sentence: str) -> bool:
        """The sentence speaks of an own contribution, other funding or someone else's money."""
        if _OTHER_WORDS.search(sentence):
            return True
        return any(not any(n in m.group("name").casefold() or m.group("name").casefold() in n
                           for n in self.public_names)
                   for m in _FROM_NAME.finditer(sentence))

    def expected(self, amount: Amount) -> str:
        if amount.months is None:
            return kronor(self.sum)
        unit = amount.per if amount.per in ("år", "halvår", "kvartal", "månad") else \
            {12: "år", 6: "halvår", 3: "kvartal", 1: "månad"}[amount.months]
        return f"{kronor(round(self.sum / self.months * amount.months))} per {unit}"


def check_budget_amount(ctx: CheckContext):
    basis = _Basis(ctx)
    for piece in ctx.pieces:
        for amount in find_amounts(piece.text):
            if not amount.over_time or basis.explains(amount) or basis.computed_for(piece.document, amount):
                continue
            if basis.ceiling_stated(amount, sentence_around(piece.text, amount.start, amount.end)):
                continue
            yield _amount_finding(ctx, basis, piece, amount)


def _per_of(amount: Amount) -> str:
    """", per: år" for an amount stated per twelve months (other_amounts' `per`), else nothing."""
    per = {12: "år", 6: "halvår", 3: "kvartal", 1: "månad"}.get(amount.months or 0)
    return f", per: {per}" if per else ""


def _amount_finding(ctx: CheckContext, basis: _Basis, piece: Piece, amount: Amount) -> Finding:
    sentence = sentence_around(piece.text, amount.start, amount.end)
    place = ctx.place_of(piece, amount.written)
    budget_said = (amount.months is not None or _BUDGET_WORDS.search(sentence)) and not basis.others_money(sentence)
    if _computed_by_drafter(ctx, piece):
        hint = ("Beloppet står i en mening som drafter räknar fram själv ur specens budget och other_amounts, inte "
                "i en text du skrivit: rätta inte klausulen. Kontrollera i stället budget: och other_amounts: i "
                f"specen och i tilläggets set: ({ctx.where('budget')}). Bara belopp med kind: annat utskrivet räknas "
                "som nämndens bidrag; en egen insats eller annan finansiering skrivs med kind: egen insats eller "
                "kind: annan finansiering. Stämmer specen är det ett fel i drafter: rapportera det.")
        return Finding("budget-amount", "error",
                       f"Texten anger '{amount.written}' i meningen \"{_short(sentence)}\", som drafter räknat fram, "
                       f"men budgeten och tilläggen i specen förklarar inte beloppet. {hint}",
                       place, piece.document, hint=hint)
    if budget_said:
        hint = ("Är det ersättningen enligt budgeten, skriv beloppet med {{ budget.total | kronor }} i stället för för "
                "hand, eller rätta budgeten. Är det ett annat belopp (en egen insats, annan finansiering eller en "
                "kostnad utöver bidraget), ange det under other_amounts, t.ex. NAMN: {amount: "
                f"{round(amount.value)}{_per_of(amount)}, kind: annat" + "}, och skriv {{ other_amounts.NAMN | kronor }}."
                if piece.clause else
                f"Rätta beloppet eller budgeten; är det ett annat belopp än ersättningen, ange det under other_amounts "
                f"{_written(amount)}")
        return Finding("budget-amount", "error",
                       f"Texten anger '{amount.written}', men budgeten i specen ({ctx.where('budget')}) ger "
                       f"{basis.expected(amount)} och har ingen rad med det beloppet. {hint}",
                       place, piece.document, hint=hint)
    hint = ("Är beloppet rätt (t.ex. egen insats eller annan finansiering), ange det under other_amounts, t.ex. "
            f"egen_insats: {round(amount.value)}, och skriv " + "{{ other_amounts.egen_insats | kronor }} i texten."
            if piece.clause else "Är beloppet rätt (t.ex. egen insats eller annan finansiering), ange det under "
            f"other_amounts {_written(amount)}")
    return Finding("budget-amount", "warning",
                   f"Texten anger '{amount.written}' i meningen \"{_short(sentence)}\", men inget i specen förklarar "
                   f"beloppet: det är varken budgetens summa ({kronor(basis.sum)}), en budgetrad eller ett belopp "
                   f"under other_amounts. {hint}",
                   place, piece.document, hint=hint)


def _computed_by_drafter(ctx: CheckContext, piece: Piece) -> bool:
    """A sentence of a clause that states sums drafter computes itself (a tillägg's `tillagg.pengar`): the user
    has nothing to write there, so the finding must never send them to the template."""
    if not piece.clause:
        return False
    try:
        body = ctx.library.get(piece.clause).body
    except ClauseNotFound:  # a clause the library no longer has: say what it says for any clause
        return False
    return ".pengar" in body


def _written(amount: Amount) -> str:
    """How an amount in the spec's own text (texts:, a tillägg's text) is declared: the text is Markdown, never
    a template, so {{ }} shows as written; other_amounts makes the amount known to the check."""
    value = round(amount.value)
    return (f"(t.ex. other_amounts: {{NAMN: {{amount: {value}, kind: annat, item: …}}}}); i ett tillägg skrivs det "
            f"som en ändring: set: {{other_amounts.NAMN: {{amount: {value}, kind: annat, item: …}}}}. Beloppet står "
            "kvar i texten som det är skrivet: {{ }} fungerar bara i klausuler, inte i texts: eller ett tilläggs text.")


def _short(sentence: str, limit: int = 200) -> str:
    return sentence if len(sentence) <= limit else sentence[:limit - 1].rstrip() + "…"


def check_budget_period(ctx: CheckContext):
    budget, period = ctx.spec.budget, ctx.spec.period
    if period.end < period.start:
        return  # period-order says it
    months = whole_months(period.start, period.end)
    if months is not None:
        if months % budget.months == 0:
            return  # the same months, or a yearly budget in a multi-year agreement: the amounts are per year
        length = f"{months} månader" if months != 1 else "en månad"
    else:
        about = months_about(period.start, period.end)
        times = round(about / budget.months)
        if times >= 1 and abs(about - times * budget.months) <= 0.5:
            return
        length = "ungefär " + f"{about:.1f}".replace(".", ",") + " månader"
    advice = (f" Gäller beloppen den första perioden, ange budget.months: {months}."
              if months is not None else " Gäller beloppen den första perioden, ange dess antal månader i budget.months.")
    yield Finding("budget-period", "warning",
                  f"Budgeten avser {budget.months} månader (budget.months), men överenskommelsens första period, "
                  f"{span(period.start, period.end)}, är {length}.{advice} Är beloppen avsedda för "
                  f"{budget.months} månader i taget, kvittera varningen under acknowledge: med skälet.",
                  ctx.where("budget", "months"))


_CELL_AMOUNT = lazy(r"^−?\d{1,3}(?:[ \u00a0]\d{3})+$|^−?\d+$")
_SUM_LABEL = lazy(r"^(?:summa|totalt|total|sammanlagt|summa kostnader)\b", re.IGNORECASE)
_MONEY_HEADER = lazy(r"belopp|kostnad|kronor|\bkr\b|budget|summa|sek\b", re.IGNORECASE)


def _cell_amount(cell: str) -> int | None:
    cell = re.sub(r"\s*(?:kr|kronor|:-|SEK)\.?$", "", cell.strip())
    return int(re.sub(r"[ \u00a0]", "", cell).replace("−", "-")) if _CELL_AMOUNT.match(cell) else None


def _written_table(table: Table) -> bool:
    """A table typed into a clause: none of its cells is a value from the spec (block("budget") is)."""
    return not any(isinstance(node, Text) and node.origin is not None
                   for row in [table.header, *table.rows, *([table.total] if table.total else [])]
                   for cell in row for node in cell)


def check_budget_table(ctx: CheckContext):
    """budget-amount for a budget table typed into a clause (an import that could not make it
    `{{ block("budget") }}`, a table copied by hand): a row the spec's budget has with another amount, an
    amount no row explains, or a sum that is not the budget's, is the table left behind when the spec changed."""
    budget = ctx.spec.budget
    items = {" ".join(row.item.split()).casefold(): row.amount for row in budget.rows}
    for piece in ctx.pieces:
        for table in (b for b in piece.blocks if isinstance(b, Table) and _written_table(b)):
            rows = [[inline_text(c).strip() for c in row] for row in [*table.rows, *([table.total] if table.total else [])]]
            money = [(" ".join(r[:-1]).strip(), amount) for r in rows if len(r) >= 2 and r[-1]
                     for amount in [_cell_amount(r[-1])] if amount is not None]
            header = " ".join(inline_text(c) for c in table.header)
            if len(money) < 2 or not (_MONEY_HEADER.search(header) or any(i.casefold() in items for i, _ in money)):
                continue
            wrong = []
            for item, amount in money:
                key = " ".join(item.split()).casefold()
                if _SUM_LABEL.match(item):
                    if amount != budget.sum:
                        wrong.append(f"'{item} {tal(amount)}' (budgetens summa är {kronor(budget.sum)})")
                elif key in items:
                    if items[key] != amount:
                        wrong.append(f"'{item} {tal(amount)}' (specen: {kronor(items[key])})")
                elif amount not in items.values():
                    wrong.append(f"'{item} {tal(amount)}' (ingen sådan rad i budgeten)")
            if not wrong:
                continue
            hint = ("Tabellen är skriven som text i klausulen, så en ändring av budgeten i specen når den inte: ersätt "
                    "den med {{ block(\"budget\") }} (utseendet ställs in under budget.table), eller rätta den."
                    if piece.clause else "Tabellen är skriven som text, så en ändring av budgeten i specen når den "
                    "inte: ta bort den och lägg budgeten i dispositionen med {block: budget}, eller rätta den.")
            yield Finding("budget-amount", "error",
                          f"Budgettabellen i texten stämmer inte med budgeten i specen ({ctx.where('budget', 'rows')}): "
                          + "; ".join(wrong[:4]) + (f" och {len(wrong) - 4} till" if len(wrong) > 4 else "")
                          + f". {hint}", piece.clause or piece.fallback, piece.document, hint=hint)


CHECKS = [check_budget_sum, check_budget_zero, check_budget_amount, check_budget_table, check_budget_period]
