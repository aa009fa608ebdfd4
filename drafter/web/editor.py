"""The spec editor's state: the draft text, the form built from it, and each finding's place in the form.

The draft travels with the form (a hidden field) together with the sha256 of the file as it was
opened, so the server keeps no session: every post is draft + posted values → new draft.
"""

from __future__ import annotations

import copy
import re
import typing
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from drafter.spec import yaml_write as yw
from drafter.web import forms, service, text_labels


@dataclass
class Placed:
    """A finding or input error as the page shows it."""

    severity: str  # error | warning | info
    word: str  # fel | varning | info
    code: str
    message: str
    where: str
    slot: str | None  # the form node's name it is shown beside
    document: str | None = None
    acknowledged: str | None = None  # the spec's reason, for a warning it acknowledges (as `drafter check` shows)
    action: tuple[str, str] | None = None  # (href, text): where on the web page the finding is dealt with


@dataclass
class EditorState:
    name: str
    draft: str
    base: str  # sha256 of the file when opened
    nodes: list = field(default_factory=list)
    inspection: service.Inspection | None = None
    placed: list[Placed] = field(default_factory=list)
    by_slot: dict[str, list[Placed]] = field(default_factory=dict)
    slots: set[str] = field(default_factory=set)
    ids: dict[str, str] = field(default_factory=dict)  # node name → its element id
    clause_ids: dict[str, str] = field(default_factory=dict)  # clause id → the outline entry's element id
    heading_ids: dict[str, str] = field(default_factory=dict)  # a section heading → its text or outline field
    total: int | None = None
    unsaved: bool = False  # the draft says something the file on disk does not (shown, and asked before leaving)


WORDS = {"error": "fel", "warning": "varning", "info": "info"}


def state_for(project: service.Project, name: str, draft: str, base: str, inspect: bool = True,
              data=None) -> EditorState:
    """`data`: the round-trip data `draft` was written from, when the caller has it (saves a parse)."""
    model = service.spec_schema()
    if data is None:
        data = yw.load_rt(draft, f"agreements/{name}.yaml")
    state = EditorState(name, draft, base, forms.fields(model, data if isinstance(data, dict) else {}))
    state.ids = {n.name: n.id for n in _walk(state.nodes)}
    state.slots = set(state.ids)
    for n in _walk(state.nodes):
        if n.input == "clause" and isinstance(n.value, str):
            state.clause_ids.setdefault(n.value.partition("@")[0], n.id)
    state.total = _budget_sum(data)
    _text_labels(state, project, data)
    _headings(state, data)
    if inspect:
        state.inspection = service.inspect_text(project, name, draft)
        place(state)
    return state


def _text_labels(state: EditorState, project: service.Project, data) -> None:
    """The partnership's texts labelled by the heading they appear under, the key as secondary detail."""
    texts = next((n for n in state.nodes if n.path == ("texts",) and n.kind == "dict"), None)
    if texts is None or not texts.children:
        return
    known = text_labels.labels(project.clauses, data)
    for node in texts.children:
        key = str(node.path[-1])
        node.label = known.get(key) or text_labels.fallback(key)
        node.description = f"Namn i specen: {key}" + ("" if key in known else " (inget avsnitt med den rubriken hittades)")


def _headings(state: EditorState, data) -> None:
    """Sections that come from the spec itself (a heading with the partnership's own text) → the field."""
    texts = data.get("texts") if isinstance(data, dict) and isinstance(data.get("texts"), dict) else {}

    def walk(items, path):
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                heading, key = item.get("heading"), item.get("key")
                target = f"texts.{key}" if key in texts else forms.path_name(path + (i, "heading"))
                if isinstance(heading, str) and target in state.ids:
                    state.heading_ids.setdefault(heading, state.ids[target])
                walk(item.get("sections"), path + (i, "sections"))

    if isinstance(data, dict):
        walk(data.get("outline"), ("outline",))
        if isinstance(data.get("proposal"), dict):
            walk(data["proposal"].get("outline"), ("proposal", "outline"))


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _budget_sum(data) -> int | None:
    try:
        amounts = [row["amount"] for row in data["budget"]["rows"]]
    except (KeyError, TypeError, IndexError):
        return None
    return sum(amounts) if all(isinstance(a, int) and not isinstance(a, bool) for a in amounts) else None


def place(state: EditorState) -> None:
    """Every finding and input error beside the form field it concerns (and all of them in the list)."""
    result = state.inspection
    assert result is not None  # placed only after the spec text was inspected
    by_line: dict[int, list[tuple]] = {}
    for path, (line, _column) in result.positions.items():
        by_line.setdefault(line, []).append(path)
    for error in result.errors:
        path = service.error_field(error)
        where = str(error.where) if error.where else state.name
        message = error.message + (f" {error.hint}" if error.hint else "")
        state.placed.append(Placed("error", "fel", "indata", message, where, _nearest_slot(state, path)))
    for f in result.findings:
        slot = None
        line = service.finding_line(f, f"{state.name}.yaml")
        if line is not None:
            candidates = sorted(by_line.get(line, []), key=len, reverse=True)
            slot = next((forms.path_name(p) for p in candidates if forms.path_name(p) in state.slots), None)
        elif clause := service.finding_clause(f):
            slot = _clause_slot(state, clause)
        message, action = web_words(f.message, state.name)
        state.placed.append(Placed(f.severity, WORDS[f.severity], f.code, message, f.place, slot, f.document,
                                   f.acknowledged if f.severity == "warning" else None, action))
    for p in state.placed:
        if p.slot:
            state.by_slot.setdefault(p.slot, []).append(p)


_APPROVE_SPEC = re.compile(r"Fastställ dem när beslutet är fattat: drafter clauses approve --spec \S+ --av NAMN "
                           r"--datum ÅÅÅÅ-MM-DD \(listar versionerna och frågar innan något skrivs\)\.")
_APPROVE_ONE = re.compile(r"Låt (.+?) fastställa versionen: drafter clauses approve \S+ --av NAMN .*?--datum ÅÅÅÅ-MM-DD\.")
_JSON = re.compile(r" ?`drafter check --format json` visar varje version för sig\.")


def web_words(message: str, name: str) -> tuple[str, tuple[str, str] | None]:
    """A finding's message as the web page says it: a command to approve clause versions becomes the page
    that records the nämnd's decision (Fastställ klausulerna), linked beside the finding."""
    said = _APPROVE_SPEC.sub("För in nämndens beslut när det är fattat, på sidan Fastställ klausulerna.", message)
    said = _APPROVE_ONE.sub(r"Låt \1 fastställa versionen, och för in beslutet på sidan Fastställ klausulerna.", said)
    said = _JSON.sub("", said)
    return said, ((f"/spec/{name}/approve", "Fastställ klausulerna") if said != message else None)


def _nearest_slot(state: EditorState, path: tuple | None) -> str | None:
    while path:
        if forms.path_name(path) in state.slots:
            return forms.path_name(path)
        path = path[:-1]
    return None


def _clause_slot(state: EditorState, ref: str) -> str | None:
    clause_id = ref.partition("@")[0]
    for node in _walk(state.nodes):
        if node.input == "clause" and isinstance(node.value, str) and node.value.partition("@")[0] == clause_id:
            return node.name
    return None


# --- structural edits: add, remove, move ------------------------------------------------------------

_parsed: OrderedDict[str, object] = OrderedDict()  # draft sha256 → its round-trip data (a copy is handed out)
_parsed_lock = threading.Lock()


def _load_draft(draft: str, name: str):
    """The draft's round-trip data; while typing the draft stays the same, so it is parsed once."""
    key = yw.text_sha256(draft)
    with _parsed_lock:
        data = _parsed.get(key)
    if data is None:
        data = yw.load_rt(draft, f"agreements/{name}.yaml")
        with _parsed_lock:
            _parsed[key] = data
            while len(_parsed) > 16:
                _parsed.popitem(last=False)
    return copy.deepcopy(data)


def apply_form(draft: str, form: dict[str, str], name: str):
    """The draft with the posted values written in; returns the round-trip data."""
    data = _load_draft(draft, name)
    if isinstance(data, dict):
        forms.apply(service.spec_schema(), data, form)
    return data


def apply_op(data, op: str, form: dict[str, str]) -> str | None:
    """One button's change ("add:budget.rows", "remove:parties.2", "up:…", "down:…"); a message when refused."""
    action, _, target = op.partition(":")
    path = forms.parse_path(target) if target else ()
    model = service.spec_schema()
    if not path or action not in ("add", "remove", "up", "down"):
        return "Okänd ändring."
    if action == "remove":
        return None if yw.delete_path(data, path) else "Det finns inget att ta bort där."
    if action in ("up", "down"):
        return None if yw.move_item(data, path, -1 if action == "up" else 1) else None
    # add: a list item, a dict entry, an optional part, or an outline section
    if path[0] in ("outline",) or path[-1] == "outline":
        ref = form.get(f"new:{target}", "").strip()
        if not ref:
            return "Skriv eller välj en klausul att lägga till."
        seq = yw.get_path(data, path)
        if not isinstance(seq, list):
            return "Avsnitten följer en standardmall; ändra den i YAML-filen."
        seq.append(ref)
        return None
    current = yw.get_path(data, path) if yw.has_path(data, path) else None
    if isinstance(current, dict) or (current is None and _is_dict_field(model, path)):
        key = form.get(f"new:{target}", "").strip()
        if not key or not all(c.isalnum() or c in "_-" for c in key):
            return "Ange ett namn (bokstäver, siffror, - och _) för det nya fältet."
        if isinstance(current, dict) and key in current:
            return f"'{key}' finns redan."
        entry = forms.item_model(model, path + (key,))
        yw.set_value(data, path + (key,), forms.skeleton(entry) if forms._is_model(entry) else "", _order(model, path))
        return None
    item = forms.item_model(model, path)
    if isinstance(current, list):
        flow = bool(current) and hasattr(current[-1], "fa") and current[-1].fa.flow_style()
        current.append(_numbered(forms.skeleton(item, flow) if forms._is_model(item) else "", current))
        return None
    if current is None and forms._is_model(item):
        if _is_list_field(model, path):  # the first tillägg is nr 1 (trial 13: its Nummer stood empty)
            yw.set_value(data, path, yw.new_seq([_numbered(forms.skeleton(item), [])]), _order(model, path))
        else:
            yw.set_value(data, path, forms.skeleton(item), _order(model, path))
        return None
    return "Det går inte att lägga till något här."


def _numbered(new, siblings: list):
    """A new tillägg gets the next number (one after the highest written), not an empty one."""
    if isinstance(new, dict) and new.get("number") == "":
        numbers = [e.get("number") for e in siblings if isinstance(e, dict)]
        new["number"] = max([n for n in numbers if isinstance(n, int) and not isinstance(n, bool)], default=0) + 1
    return new


def _field_info(model, path):
    current = model
    info = None
    for part in path:
        if isinstance(part, int):
            continue
        if not forms._is_model(current):
            return None
        info = current.model_fields.get(str(part))
        if info is None:
            return None
        t, _ = forms._unwrap(info.annotation)
        if typing.get_origin(t) in (list, dict):  # the items' model, for the path's next part
            t = typing.get_args(t)[-1]
        current = t
    return info


def _order(model, path):
    parent = forms.item_model(model, path[:-1]) if len(path) > 1 else model
    return list(parent.model_fields) if forms._is_model(parent) else None


def _is_dict_field(model, path) -> bool:
    import typing

    info = _field_info(model, path)
    return bool(info) and typing.get_origin(forms._unwrap(info.annotation)[0]) is dict


def _is_list_field(model, path) -> bool:
    import typing

    info = _field_info(model, path)
    return bool(info) and typing.get_origin(forms._unwrap(info.annotation)[0]) is list

