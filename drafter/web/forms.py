"""The editor's form, built from the spec's pydantic model (the schema `drafter schema` prints).

`fields(model, data)` walks the model and the spec's data together and gives a tree of form nodes,
so a field added to the model appears in the form without a new page. `apply(model, data, form)`
writes the posted values back into the round-trip data: only values that changed are touched, so
the saved file keeps everything else as the user wrote it. Each form field is named by its spec path
("budget.rows.2.amount"), which is also how findings are placed beside it.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from pydantic import BaseModel

from drafter.spec import yaml_write as yw

# Swedish labels for the spec's (English) field names; a field not listed shows its own name.
LABELS = {
    "renews": "Förnyar överenskommelsen", "renews_ends": "Den förnyade upphör",
    "partnership": "Partnerskap", "document": "Dokument", "title": "Titel", "subject": "Ämne",
    "diarienummer": "Diarienummer", "date": "Datum", "place": "Ort", "author": "Upphovsman", "status": "Status",
    "signed": "Redan undertecknad",
    "parties": "Parter", "name": "Namn", "sector": "Sektor", "kind": "Organisationsform",
    "organisationsnummer": "Organisationsnummer", "committee": "Nämnd", "municipality": "Kommun",
    "signatory": "Undertecknare", "signs_for": "Undertecknar för", "period": "Period", "start": "Startdatum",
    "end": "Slutdatum", "renewal": "Förlängning", "unit": "Förlängs med", "max_end": "Längsta slutdatum",
    "notice_deadline": "Sista dag för uppsägning (MM-DD)", "budget": "Budget", "months": "Antal månader",
    "rows": "Budgetrader", "item": "Post", "amount": "Belopp (kr)", "total": "Angiven summa (kr)",
    "figures": "Siffror och uppgifter", "texts": "Partnerskapets texter", "outline": "Avsnitt",
    "proposal": "Tjänsteutlåtande", "subtitle": "Underrubrik", "department": "Avdelning",
    "handlaggare": "Handläggare", "phone": "Telefon", "officials": "Tjänstepersoner som undertecknar",
    "amendments": "Tillägg", "number": "Nummer", "decision": "Beslut", "by": "Beslutat av",
    "paragraph": "Paragraf", "effective": "Gäller från", "changes": "Ändringar", "replace": "Ny lydelse av punkt",
    "remove": "Punkt som upphör", "insert_after": "Ny punkt efter", "clause": "Klausul", "heading": "Rubrik",
    "text": "Text", "set": "Ändrade uppgifter", "standard": "Standardmall", "transition": "Övergångsbestämmelse",
    "other_amounts": "Andra belopp", "other_periods": "Andra perioder", "per": "Per",
}
# Named figures a library clause reads, said in Swedish beside the name the spec gives them.
FIGURE_LABELS = {"egen_insats_text": "Vad organisationen bidrar med, med egna ord (egen_insats_text)"}
# A field whose name means something else in one model: "kind" of a party is its organisationsform, of
# an other amount or period what kind of amount or period it is.
MODEL_LABELS = {"OtherAmount": {"kind": "Slag av belopp", "item": "Avser", "amount": "Belopp (kr)"},
                "OtherPeriod": {"kind": "Slag av period", "item": "Avser"}}
ITEM_LABELS = {"parties": "Part", "rows": "Rad", "officials": "Tjänsteperson", "amendments": "Tillägg nr",
               "changes": "Ändring", "representatives": "Ny företrädare", "delegations": "Delegation"}
# The schema's descriptions speak to who writes the YAML file (keys, true/false, paths); the form says the same
# to an official: what the field means and what to do with it here. "Model.field" → the form's hint.
DESCRIPTIONS = {
    "Spec.renews": "Filen med den tidigare överenskommelsen som den här ersätter, t.ex. street-minds-2023.yaml. "
                   "Förnya på översikten fyller i den; ändra den bara om den pekar på fel överenskommelse.",
    "Spec.renews_ends": "Dagen då den tidigare överenskommelsen upphör om den sägs upp före sitt längsta slutdatum "
                        "(vid slutet av sin första period eller av en förlängning). Lämna tomt om den gäller till "
                        "sitt längsta slutdatum; den här börjar då dagen efter.",
    "Spec.partnership": "Vilket partnerskap överenskommelsen hör till, t.ex. street-minds. Överenskommelser i samma "
                        "partnerskap delar dess egna klausuler. Lämna tomt så tar drafter det ur filens namn eller "
                        "den idéburna partens namn.",
    "DocumentInfo.signed": "Kryssa i om överenskommelsen redan är undertecknad det datum som står under Datum (t.ex. "
                           "när den har importerats från den undertecknade handlingen): underskrifterna visar då ort "
                           "och datum. Utan kryss, det vanliga, lämnas datumraden tom för den som skriver under.",
    "Spec.other_amounts": "Andra belopp som texterna nämner, t.ex. föreningens egen insats eller bidrag från "
                          "Arvsfonden; kontrollen av beloppen jämför texterna med dem.",
    "Acknowledgement.about": "Vad varningen gäller: ett fält (t.ex. budget.months) eller en klausul (t.ex. "
                             "villkor/period@1). Lämna tomt om det gäller alla varningar med samma kod.",
}
TEXTAREA = {"texts", "text"}
# Kinds a party can no longer be: neither a legal person nor an organ that can sign (the check
# party-legal-person). Offered only to a spec that already has one, so that its form still shows it.
NOT_PARTIES = {"nämnd", "förvaltning", "stadsdelsförvaltning"}


@dataclass
class Node:
    kind: str  # scalar | model | list | dict | outline | yaml
    path: tuple
    label: str
    description: str = ""
    input: str = "text"  # text | number | date | select | textarea | checkbox
    options: list[str] = field(default_factory=list)
    value: Any = None
    required: bool = False
    present: bool = True  # an optional model not written in the spec: offered as "Lägg till"
    children: list["Node"] = field(default_factory=list)
    removable: bool = False
    movable: bool = False
    addable: bool = False  # a list or dict that takes another item
    yaml: str = ""  # kind yaml: the part as written, shown read-only
    default: Any = None  # the schema's default, shown for a field not written (and not written back)
    order: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return path_name(self.path)

    @property
    def id(self) -> str:
        return "f-" + re.sub(r"[^A-Za-z0-9_-]", "-", self.name)

    @property
    def shown(self) -> str:
        v = self.value
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, dt.date):
            return v.isoformat()
        return str(v)


def path_name(path: tuple) -> str:
    return ".".join(str(p) for p in path)


def parse_path(name: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in name.split("."))


def _unwrap(annotation):
    """(inner annotation, optional?) for X | None."""
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _is_model(t) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def _is_union(t) -> bool:
    """int | date | str and the like: a figure, whose type follows what is typed."""
    return typing.get_origin(t) in (Union, types.UnionType) and all(a in (int, dt.date, str) for a in typing.get_args(t))


def _scalar_input(t) -> tuple[str, list[str]] | None:
    if typing.get_origin(t) is Literal:
        return "select", [str(a) for a in typing.get_args(t)]
    if t is bool:
        return "checkbox", []
    if t is int:
        return "number", []
    if t is dt.date:
        return "date", []
    if t is str:
        return "text", []
    return None


def fields(model: type[BaseModel], data, path: tuple = ()) -> list[Node]:
    """The form nodes of `model`'s fields with the values in `data` (a dict, possibly empty)."""
    data = data if isinstance(data, dict) else {}
    nodes = []
    for name, info in model.model_fields.items():
        node = _node(name, info.annotation, info.description or "", info.is_required(), data,
                     path + (name,), list(model.model_fields))
        if info.title and str(name) not in LABELS:  # the schema's own Swedish title, where it gives one
            node.label = info.title
        node.label = MODEL_LABELS.get(model.__name__, {}).get(str(name), node.label)
        node.description = DESCRIPTIONS.get(f"{model.__name__}.{name}", node.description)
        # a default (a true/false one too) is shown for a field not written, and not written back
        if not info.is_required() and isinstance(info.default, (str, int, dt.date)):
            node.default = info.default
            if not node.present:
                node.value = info.default
        nodes.append(node)
    return nodes


def _node(name, annotation, description, required, parent_data, path, order) -> Node:
    label = LABELS.get(str(name), str(name))
    present = isinstance(parent_data, dict) and name in parent_data
    value = parent_data.get(name) if isinstance(parent_data, dict) else None
    t, optional = _unwrap(annotation)
    common = dict(path=path, label=label, description=description, required=required, present=present, order=order)
    if name == "outline" and path[-1] == "outline":
        return _outline_node(value, common)
    scalar = _scalar_input(t)
    if scalar:
        kind, options = scalar
        if name == "kind" and "parties" in path and value not in NOT_PARTIES:
            options = [o for o in options if o not in NOT_PARTIES]
        if str(name) in TEXTAREA:
            kind = "textarea"
        return Node("scalar", input=kind, options=options, value=value, **common)
    if _is_model(t):
        node = Node("model", **common, removable=optional and present)
        if present:
            node.children = fields(t, value, path)
        return node
    origin = typing.get_origin(t)
    if origin is list:
        (item_t,) = typing.get_args(t)
        node = Node("list", **common, addable=True)
        items = value if isinstance(value, list) else []
        for i, item in enumerate(items):
            child = _item_node(item_t, item, path + (i,), f"{ITEM_LABELS.get(str(name), 'Punkt')} {i + 1}")
            child.removable = child.movable = True
            node.children.append(child)
        return node
    if origin is dict:
        key_t, value_t = typing.get_args(t)
        scalar = _scalar_input(value_t) if value_t is not object else None
        node = Node("dict", **common, addable=scalar is not None or _is_union(value_t) or _is_model(value_t))
        entries = value if isinstance(value, dict) else {}
        for key, item in entries.items():
            if _is_model(value_t) and isinstance(item, dict):  # a named entry (other_amounts.egen_insats)
                entry = Node("model", path + (key,), str(key), present=True, removable=True)
                entry.children = fields(value_t, item, path + (key,))
                node.children.append(entry)
                continue
            if scalar is None and not isinstance(item, (str, int, dt.date)):
                node.children.append(Node("yaml", path + (key,), str(key), yaml=_as_yaml({key: item})))
                continue
            kind = "textarea" if str(name) in TEXTAREA else "auto" if scalar is None and _is_union(value_t) else "text"
            shown = FIGURE_LABELS.get(str(key), str(key)) if str(name) == "figures" else str(key)
            node.children.append(Node("scalar", path + (key,), shown, input=kind, value=item,
                                      removable=True, present=True, required=True))
        return node
    return Node("yaml", yaml=_as_yaml({name: value}) if present else "", **common)


def _item_node(item_t, item, path, label) -> Node:
    if _is_model(item_t):
        node = Node("model", path, label, present=True)
        node.children = fields(item_t, item, path)
        return node
    scalar = _scalar_input(item_t)
    if scalar:
        return Node("scalar", path, label, input=scalar[0], options=scalar[1], value=item, present=True, required=True)
    return Node("yaml", path, label, yaml=_as_yaml(item))


def _outline_node(value, common) -> Node:
    """The outline: a list of sections (clause, heading or block, with subsections) or a standard outline."""
    node = Node("outline", **common, addable=isinstance(value, list))
    if isinstance(value, dict):
        node.value = "standard"
        node.yaml = _as_yaml(value)
        return node

    def walk(items, path, depth):
        for i, item in enumerate(items if isinstance(items, list) else []):
            p = path + (i,)
            if isinstance(item, str):
                entry = Node("scalar", p, "Klausul", value=item, input="clause", present=True)
            elif isinstance(item, dict) and "clause" in item:
                entry = Node("scalar", p + ("clause",), "Klausul", value=item.get("clause"), input="clause", present=True)
            elif isinstance(item, dict) and "heading" in item:
                entry = Node("scalar", p + ("heading",), "Rubrik", value=item.get("heading"), present=True)
            else:
                entry = Node("yaml", p, "Avsnitt", yaml=_as_yaml(item))
            entry.options = [str(depth)]
            entry.required = True
            entry.removable = entry.movable = True
            entry.order = [path_name(p)]  # the item's own path, for remove and move
            node.children.append(entry)
            if isinstance(item, dict):
                walk(item.get("sections"), p + ("sections",), depth + 1)

    walk(value, common["path"], 0)
    return node


def _as_yaml(value) -> str:
    try:
        return yw.dump_rt(value).strip()
    except Exception:  # a value ruamel cannot write back as it stands: show it plainly
        return str(value)


# --- applying a posted form -------------------------------------------------------------------------

def convert(node: Node, raw: str):
    """A posted string as the value the spec holds: int and dates when they parse, else the text
    (validation then says in Swedish what is wrong, as for the file)."""
    raw = raw.replace("\r\n", "\n")
    text = raw if node.input == "textarea" else raw.strip()
    if node.input == "number" and re.fullmatch(r"-?\d{1,15}", text):
        return int(text)
    if node.input == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    if node.input == "checkbox":
        return text in ("on", "true", "1")
    if node.input == "auto" or isinstance(node.value, (int, dt.date)):  # a figure: a number or a date when it is one
        if re.fullmatch(r"-?\d{1,15}", text) and not (isinstance(node.value, str) and node.input != "auto"):
            return int(text)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return text
    return text


def walk_scalars(nodes: list[Node]):
    for node in nodes:
        if node.kind == "scalar":
            yield node
        yield from walk_scalars(node.children)


def apply(model: type[BaseModel], data, form: dict[str, str]) -> bool:
    """Write the form's values into the round-trip `data`; True when anything changed."""
    changed = False
    for node in walk_scalars(fields(model, data)):
        if node.name not in form:
            continue
        value = convert(node, form[node.name])
        if not node.present and node.default is not None and value == node.default:
            continue  # the default, shown but not written
        if value == "" and not node.required:  # an optional field emptied: the key goes
            if node.present:
                changed |= yw.delete_path(data, node.path)
            continue
        changed |= yw.set_value(data, node.path, value, node.order or None)
    return changed


def _parent_is_map(data, path) -> bool:
    try:
        return isinstance(yw.get_path(data, path[:-1]), dict)
    except (KeyError, IndexError, TypeError):
        return False


# Optional in the schema, but one of them is required by a validator (a party signs either through
# `signatory` or `signatories`): a new item gets the first, so the form shows what the user must fill in.
ONE_OF_REQUIRED = {"Party": "signatory"}


def skeleton(model: type[BaseModel], flow: bool = False):
    """A new item for a list of `model`: its required fields, empty, for the user to fill in."""
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if not info.is_required() and ONE_OF_REQUIRED.get(model.__name__) != name:
            continue
        t, _ = _unwrap(info.annotation)
        scalar = _scalar_input(t)
        if scalar and scalar[0] == "select":
            out[name] = scalar[1][0]
        elif scalar:
            out[name] = ""
        elif _is_model(t):
            out[name] = skeleton(t)
        elif typing.get_origin(t) is list and _is_model(typing.get_args(t)[0]):
            out[name] = yw.new_seq([skeleton(typing.get_args(t)[0])])  # a tillägg's changes: one to fill in
    return yw.new_map(out, flow=flow)


def item_model(model: type[BaseModel], path: tuple):
    """The pydantic model (or scalar type) of the items of the list at `path`."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if typing.get_origin(current) is dict:  # a named entry: the dict's value type
            current = _unwrap(typing.get_args(current)[1])[0]
            continue
        if not _is_model(current):
            return None
        info = current.model_fields.get(str(part))
        if info is None:
            return None
        t, _ = _unwrap(info.annotation)
        if typing.get_origin(t) is list:
            t = typing.get_args(t)[0]
        current = t
    return current
