"""Pydantic's validation errors as Swedish sentences an official understands, with a hint."""

from __future__ import annotations

import re

from pydantic import BaseModel
from pydantic_core import ErrorDetails


def swedish_message(err: ErrorDetails, root: type[BaseModel]) -> tuple[str, str | None]:
    """One pydantic error as a Swedish sentence and a hint; `root` is the model validated."""
    loc = tuple(err["loc"])
    kind = err["type"]
    hint = None
    if kind == "missing":
        message = f"Fältet '{loc[-1]}' saknas."
    elif kind == "extra_forbidden":
        message = f"Fältet '{loc[-1]}' finns inte här."
        import difflib  # only for a field that does not exist

        close = difflib.get_close_matches(str(loc[-1]), _allowed_fields(root, loc[:-1]), n=1, cutoff=0.6)
        hint = f"Menade du '{close[0]}'?" if close else f"Tillåtna fält: {', '.join(_allowed_fields(root, loc[:-1]))}."
    elif kind == "whole_number":
        message, hint = whole_number_message(str(err.get("ctx", {}).get("written", "")), loc)
    elif kind == "string_too_short" or (kind == "string_type" and err.get("input") is None):
        message = f"Fältet {'.'.join(map(str, loc))} är tomt; här ska stå {_WHAT.get(str(loc[-1]), 'en text')}."
        hint = ("Fyll i fältet eller ta bort raden." if str(loc[-1]) in _OPTIONAL else
                f"Fyll i fältet. Det som inte är bestämt än kan stå inom hakparenteser, t.ex. "
                f"{_LATER.get(str(loc[-1]), '[Text]')}: då listar drafter check det tills det är ifyllt.")
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"Värdet {_shown(err)} ska vara ett heltal (hela kronor eller ett antal)."
        written = str(err.get("input", ""))
        if re.fullmatch(r"\d{1,3}([ \u00a0]\d{3})+( ?kr)?", written.strip()):
            digits = re.sub(r"\D", "", written)
            hint = f"Skriv beloppet utan mellanslag och utan kr: {digits}."
    elif kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        message = f"Värdet {_shown(err)} ska vara ett datum." + no_such_day(err.get("input"))
        hint = "Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2026-07-01."
    elif kind in ("string_type",):
        message = f"Värdet {_shown(err)} ska vara text."
    elif kind == "bool_type" or kind == "bool_parsing":
        message = f"Värdet {_shown(err)} ska vara true eller false."
    elif kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        message = f"Värdet {_shown(err)} är inte tillåtet; välj ett av {allowed.replace(' or ', ', ')}."
    elif kind in ("list_type", "too_short"):
        message = "Här ska stå en lista med minst ett värde (rader som börjar med '-')."
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = "Här ska stå en samling fält (namn: värde), inte ett enskilt värde."
    elif kind in ("greater_than_equal", "greater_than"):
        message = f"Värdet {_shown(err)} är för litet; det ska vara minst {err.get('ctx', {}).get('ge', err.get('ctx', {}).get('gt'))}."
    elif kind in ("less_than_equal", "less_than"):
        message = f"Värdet {_shown(err)} är för stort; det ska vara högst {err.get('ctx', {}).get('le', err.get('ctx', {}).get('lt'))}."
    elif kind == "value_error":
        message = str(err.get("ctx", {}).get("error", err["msg"])).rstrip(".") + "."
        message = message[0].upper() + message[1:]
    else:
        message = f"Värdet {_shown(err)} är inte giltigt här."
    return message, hint


# What a required text field holds, for the message about it left empty.
_WHAT = {"name": "ett namn", "place": "orten där överenskommelsen undertecknas, t.ex. Stockholm",
         "title": "en titel", "item": "en beskrivning", "by": "vem som beslutade", "to": "delegaten",
         "code": "fyndets kod", "reason": "ett skäl", "committee": "nämnden, t.ex. socialnämnden",
         "administration": "förvaltningen, t.ex. socialförvaltningen", "municipality": "kommunen, t.ex. Stockholms stad",
         "signs_for": "den part undertecknaren binder"}
_OPTIONAL = {"committee", "administration", "municipality", "signs_for", "by"}
_LATER = {"place": "[Ort]", "name": "[Namn]", "title": "[Titel]", "item": "[Post]"}
_AMOUNTS = ("amount", "total")


def _without(what: str, mark: str, digits: str) -> str:
    """The number to write instead: an amount may keep its groups of three ("60 000"), a count may not."""
    if what == "beloppet":
        grouped = f"{int(digits):,}".replace(",", " ")
        return f"Skriv beloppet utan {mark}: {digits}" + (f" (eller {grouped})." if grouped != digits else ".")
    return f"Skriv {what} utan {mark} och mellanslag: {digits}."


def whole_number_message(written: str, loc: tuple) -> tuple[str, str | None]:
    """"60.000", 60.5, "60,000", "60 000 kr" in a whole-number field: what is wrong, and the number to write."""
    what = "beloppet" if loc and loc[-1] in _AMOUNTS else "talet"
    unit = " i hela kronor" if what == "beloppet" else ""
    digits = re.sub(r"\D", "", written)
    plain = written.strip()
    if plain.casefold() in ("true", "false"):
        return f"Värdet {plain.lower()} ska vara ett heltal{unit}.", None
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+( ?kr)?", plain):
        return (f"Värdet {plain} ska vara ett heltal{unit}. En punkt i ett tal kan vara både decimaltecken och "
                f"tusentalsavgränsare, så {plain} kan läsas som {plain.split('.')[0]} lika väl som {digits}; "
                "drafter gissar inte.", _without(what, "punkt", digits))
    if re.fullmatch(r"[+-]?\d{1,3}([ \u00a0,]\d{3})+( ?kr)?", plain):
        if what == "beloppet" and "," in plain:  # a grouped amount with spaces is read as it is (Kronor)
            return f"Värdet '{plain}' ska vara ett heltal{unit}.", _without(what, "komma", digits)
        return f"Värdet '{plain}' ska vara ett heltal{unit}.", f"Skriv {what} utan mellanslag och utan kr: {digits}."
    if re.fullmatch(r"[+-]?\d+ ?kr", plain):
        return f"Värdet '{plain}' ska vara ett heltal{unit}.", f"Skriv {what} utan kr: {digits}."
    return (f"Värdet {plain} ska vara ett heltal{unit}, utan decimaler.",
            f"Skriv {what} som ett heltal utan punkt, komma och mellanslag, t.ex. "
            + ("60000." if what == "beloppet" else "12."))


_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"]


def no_such_day(value) -> str:
    """" Februari 2026 har 28 dagar." for 2026-02-30: say why a well-formed date is no date."""
    import calendar

    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(value or "").strip())
    if not m:
        return ""
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        return f" Månaden {month:02d} finns inte; månaderna är 01–12."
    days = calendar.monthrange(year, month)[1]
    if day > days or day < 1:
        return f" {_MONTHS[month - 1].capitalize()} {year} har {days} dagar."
    return ""


def _shown(err: ErrorDetails) -> str:
    value = err.get("input")
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"


def _allowed_fields(root: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at `loc`, by walking the pydantic models."""
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        info = model.model_fields.get(str(part))
        model = _model_in(info.annotation) if info else None
    return sorted(model.model_fields) if model else []


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found:
            return found
    return None
