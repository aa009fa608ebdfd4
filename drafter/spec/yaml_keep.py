"""A spec written anew from an old one (`drafter renew`), the old file's comments and layout kept.

Officials write `# …` comments in their spec (why an amount, who said what), and the renewed spec is
the old one moved on: every field it keeps keeps its comments, where they stood. ruamel.yaml hangs a
comment on whatever token precedes it (the comment above `outline:` belongs to the last figure), so a
removed field would take the next field's comment with it. Here comments are read by line instead:
the comment lines right above a field and the comment at the end of its line are that field's. The old
spec is round-tripped without its comments, changed in place to the new data (a map keeps its order,
flow style and quoting for what stays; list items are matched by what they are, a clause by its id),
dumped, and each kept field gets its comments back at its new line.

A field the renewal removes takes its comments with it (they were about it). A value it changes loses
its end-of-line comment: that comment stood next to the old value and may be about it
(`start: 2026-07-01  # första perioden 2026` would lie next to 2029-07-01); the caller is given each
one dropped, with the old line, to tell the official (drafter/renew_review.py, Att känna till), who
writes back what is still true. A clause pinned (villkor/period → villkor/period@3) is the same value.
A comment `drafter import` wrote on a whole block ("period:  # stycke 27 i källan") goes the same way
when anything in the block changes: it says where the old values were found. A comment that explains
the field rather than its value (those `drafter new` writes, "# överenskommelsens datum"; the caller
names them) stays. A commented-out key ("# name: ...") goes when the key is written. The comment above
the old file's first field describes that file, so it is kept under the new header with a note saying so.
The data read back is always exactly the new data: anything that would differ is written anew.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from drafter.errors import DrafterError
from drafter.spec.yaml_write import _same, dump_new, dump_rt, load_rt, styled_new

_EOL = re.compile(r"(?:^|\s)(#.*)$")
_COMMENTED_KEY = re.compile(r"#\s*([A-Za-z_][\w-]*)\s*:")


@dataclass
class _Notes:
    """A field's comments in the old file."""

    before: list[str]  # the comment and blank lines right above it, as written
    eol: str | None  # "# …" at the end of its line
    eol_col: int  # where that comment stood
    gap: int  # the spaces between the value and that comment
    col: int = 0  # the field's column then: a comment line keeps its indentation relative to it
    was: str = ""  # the old line up to that comment ("start: 2026-07-01"), to say what it stood next to


@dataclass
class Dropped:
    """An end-of-line comment the rewrite left out because the value beside it changed."""

    path: tuple  # the field's path in the new data ("period", "start"), as read_yaml's positions
    was: str  # the old line without the comment: "start: 2026-07-01"
    comment: str  # "# första perioden 2026"


@dataclass
class _Field:
    path: tuple  # (entry index, …) in the old file
    line: int  # 0-based line of the key, or of the item's "-"
    col: int  # its column
    one_line: bool  # its value is on that line (a scalar, or {…} and […] on one line)
    end: int  # the column after its value when one_line, else after the key (or the "-")


def rewrite(old_text: str, new: dict, head: str, old_name: str, dropped: list[Dropped] | None = None,
            about_fields: frozenset[str] = frozenset()) -> str:
    """`new` written as `old_text` is written: `head`, then the old file changed in place to `new`;
    `dropped` gets the end-of-line comments left out because their value changed, except those in
    `about_fields` (whitespace normalised): comments that explain the field, not its value, stay."""
    fallback = head + dump_new(new)
    left_out: list[Dropped] = []
    try:
        fields, lines, content = _fields(old_text)
        notes = _notes(fields, lines, content)
        rt = load_rt(_bare(fields, lines, content), old_name)
    except (yaml.YAMLError, DrafterError):
        return fallback
    if not isinstance(rt, CommentedMap):
        return fallback
    origin: dict[tuple, tuple] = {}
    changed: set[tuple] = set()
    merged = _merge(rt, new, (), (), origin, changed)
    first = notes.get((0,))
    if first and any(line.strip() for line in first.before):  # the old file's own head: said to be its
        head += f"# Överst i {old_name} stod:\n" + "".join(line.strip() + "\n" for line in first.before
                                                          if line.strip()) + "\n"
        notes[(0,)] = _Notes([], first.eol, first.eol_col, first.gap, first.col, first.was)
    body = _place(dump_rt(merged), merged, origin, notes, changed, left_out, about_fields)
    last = max(content, default=0)
    tail = [line.rstrip() for line in lines[last + 1:] if line.strip()]
    top = [path for path in origin.values() if len(path) == 1]
    if tail and all(line.lstrip().startswith("#") for line in tail) and top and \
            max(top)[0] == sum(1 for f in fields if len(f.path) == 1) - 1:
        body += "\n" + "\n".join(tail) + "\n"  # the comment that ended the file, after its last field
    text = head + body
    try:
        if _read(text) != _read(fallback):
            return fallback
    except (yaml.YAMLError, DrafterError):
        return fallback
    if dropped is not None:
        dropped += left_out
    return text


def _read(text: str):
    from pathlib import Path

    from drafter.spec.yaml_reader import read_yaml

    return read_yaml(Path("spec.yaml"), text.encode("utf-8"))[0]


# --- reading: each field's lines ----------------------------------------------------------------


def _fields(text: str) -> tuple[list[_Field], list[str], set[int]]:
    """Every map entry and list item, in document order (outer before inner), the text's lines, and
    the lines that hold content (a scalar of several lines holds all of them)."""
    lines = text.split("\n")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    fields: list[_Field] = []
    content: set[int] = set()

    def span(node) -> None:
        start, end = node.start_mark.line, node.end_mark.line
        if end > start and node.end_mark.column == 0:
            end -= 1
        while end > start and not lines[end].strip():
            end -= 1  # blank lines after a block text are layout, not text
        content.update(range(start, end + 1))

    def field(path: tuple, line: int, col: int, after: int, value) -> _Field:
        flat = isinstance(value, yaml.ScalarNode) and value.style not in ("|", ">") or \
            getattr(value, "flow_style", False)
        one = bool(flat) and value.end_mark.line == line
        if flat and not one and value.start_mark.line == line:
            after = len(lines[line])  # a text of several lines begins here: its " # " is text, not a comment
        return _Field(path, line, col, one, value.end_mark.column if one else after)

    def walk(node, path: tuple) -> None:
        if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
            span(node)
        elif isinstance(node, yaml.MappingNode):
            for n, (key, value) in enumerate(node.value):
                span(key)
                fields.append(field(path + (n,), key.start_mark.line, key.start_mark.column, key.end_mark.column,
                                    value))
                walk(value, path + (n,))
        elif isinstance(node, yaml.SequenceNode):
            for n, item in enumerate(node.value):
                line, col = item.start_mark.line, item.start_mark.column
                dash = lines[line][:col].rstrip()
                dash_col = len(dash) - 1 if dash.endswith("-") else col
                content.add(line)
                fields.append(field(path + (n,), line, dash_col, dash_col + 1, item))
                walk(item, path + (n,))

    if root is not None:
        walk(root, ())
    return fields, lines, content


def _eol_owner(fields: list[_Field]) -> dict[int, tuple[_Field, int]]:
    """The field an end-of-line comment on each line belongs to, and where its text ends: the outermost
    field whose one-line value ends there (`- {item: Lokaler, amount: 0}  # …` is the item's), else the
    innermost that starts there (`representatives:  # …`)."""
    on: dict[int, list[_Field]] = {}
    for f in fields:
        on.setdefault(f.line, []).append(f)
    owner = {}
    for line, here in on.items():
        ended = [f for f in here if f.one_line]
        owner[line] = (ended[0] if ended else here[-1], max(f.end for f in here))
    return owner


def _eol(line: str, after: int) -> tuple[str, int, int] | None:
    found = _EOL.search(line[after:])
    if not found:
        return None
    col = after + found.start(1)
    before = line[:col].rstrip()
    return found.group(1).rstrip(), col, col - len(before)


def _notes(fields: list[_Field], lines: list[str], content: set[int]) -> dict[tuple, _Notes]:
    notes: dict[tuple, _Notes] = {}
    owner = _eol_owner(fields)
    seen: set[int] = set()
    for f in fields:
        before: list[str] = []
        if f.line not in seen:  # the comment lines above a line are its outermost field's
            seen.add(f.line)
            n = f.line - 1
            while n >= 0 and n not in content and (not lines[n].strip() or lines[n].lstrip().startswith("#")):
                before.insert(0, lines[n])
                n -= 1
        eol = _eol(lines[f.line], owner[f.line][1]) if owner[f.line][0] is f else None
        if before or eol:
            said, col, gap = eol or (None, 0, 0)
            notes[f.path] = _Notes(before, said, col, gap, f.col, lines[f.line][:col].strip() if eol else "")
    return notes


def _bare(fields: list[_Field], lines: list[str], content: set[int]) -> str:
    """The text without comments and blank lines: ruamel.yaml then hangs nothing on any token."""
    owner = _eol_owner(fields)
    kept = []
    for n, line in enumerate(lines):
        if n not in content:
            continue
        found = _eol(line, owner[n][1]) if n in owner else None
        kept.append(line[: found[1]].rstrip() if found else line)
    return "\n".join(kept) + "\n"


# --- changing the old data in place ---------------------------------------------------------------


def _identity(item) -> str:
    """What a list item is, to match old and new lists: a clause by its id (not its pinned version), a
    section by its heading, a budget row by its item; anything else by its value."""
    if isinstance(item, str):
        return item.partition("@")[0]
    if isinstance(item, dict):
        for key in ("clause", "heading", "key", "item", "name", "code", "number"):
            if isinstance(item.get(key), (str, int)):
                return f"{key}:{str(item[key]).partition('@')[0]}"
        return ""
    return repr(item)


def _merge(old, new, path: tuple, opath: tuple, origin: dict[tuple, tuple], changed: set[tuple]):
    """`old` (round-trip data) changed into `new`; origin[new path] = the old field's index path;
    `changed` gets the new paths whose value is not the old one (a map or list: its keys or items)."""
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        indexes = {key: n for n, key in enumerate(old)}
        if set(old) != set(new):
            changed.add(path)
        for key in [k for k in old if k not in new]:
            del old[key]
        order = list(new)
        for key, value in new.items():
            if key in indexes:
                origin[path + (key,)] = opath + (indexes[key],)
                old[key] = _merge(old[key], value, path + (key,), opath + (indexes[key],), origin, changed)
                continue
            earlier = [k for k in order[: order.index(key)] if k in old]
            old.insert(list(old).index(earlier[-1]) + 1 if earlier else 0, key, styled_new(value))
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        out = CommentedSeq()
        if len(old) != len(new):
            changed.add(path)
        if old.fa.flow_style():
            out.fa.set_flow_style()
        # The same length: item by item (a value changed, or a point replaced in its place); else matched by
        # what the items are, so a removed or inserted point does not move its neighbours' comments.
        opcodes = [("equal", 0, len(old), 0, len(new))] if len(old) == len(new) else SequenceMatcher(
            None, [_identity(x) for x in old], [_identity(x) for x in new], autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for i, j in zip(range(i1, i2), range(j1, j2)):
                    was, now = _identity(old[i]), _identity(new[j])
                    if was and now and was != now:  # another point in its place: the old one's comments go
                        changed.add(path)
                        out.append(styled_new(new[j]))
                        continue
                    origin[path + (j,)] = opath + (i,)
                    out.append(_merge(old[i], new[j], path + (j,), opath + (i,), origin, changed))
            else:
                out.extend(styled_new(new[j]) for j in range(j1, j2))
        return out
    if not isinstance(old, (dict, list)) and not isinstance(new, (dict, list)) and _same(old, new):
        return old  # as written: its quotes and style
    if not _pinned(old, new):
        changed.add(path)
    return styled_new(new)


def _pinned(old, new) -> bool:
    """villkor/period → villkor/period@3: the clause the old spec used, now with its version."""
    if not isinstance(old, str) or not isinstance(new, str):
        return False
    clause, at, version = new.rpartition("@")
    return bool(at) and clause == old and version.isdigit()


# --- writing: the comments back at each kept field's new line ---------------------------------------


# Where `drafter import` found a value in the old document ("# stycke 27 i källan" over a whole period):
# about the old values, so it goes when the renewal changes anything under its field, as a value's does.
_FROM_SOURCE = re.compile(r"\bi källan\b")


def _place(body: str, merged, origin: dict[tuple, tuple], notes: dict[tuple, _Notes], changed: set[tuple],
           dropped: list[Dropped], about_fields: frozenset[str] = frozenset()) -> str:
    fields, lines, _ = _fields(body)
    keys: dict[tuple, tuple] = {}  # index path → key path in the merged data

    def walk(node, ipath: tuple, kpath: tuple) -> None:
        items = list(node.items()) if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for n, (key, value) in enumerate(items):
            keys[ipath + (n,)] = kpath + (key,)
            walk(value, ipath + (n,), kpath + (key,))

    walk(merged, (), ())
    above: dict[int, list[str]] = {}
    after: dict[int, str] = {}
    spaced = any("" in [line.strip() for line in note.before] for path, note in notes.items() if len(path) == 1)
    for f in fields:
        kpath = keys.get(f.path, ())
        note = notes.get(origin.get(kpath, ())) if kpath else None
        if note is None:
            if spaced and kpath and len(kpath) == 1 and kpath not in origin and f.line:
                above[f.line] = [""]  # a new field at the top, set apart as the old file's fields were
            continue
        parent = _get(merged, kpath[:-1])
        for line in note.before:
            said = _COMMENTED_KEY.match(line.strip())
            if said and isinstance(parent, dict) and said.group(1) in parent \
                    and kpath[:-1] + (said.group(1),) not in origin:
                continue  # "# name: ..." where the renewal wrote name:
            indent = len(line) - len(line.lstrip()) + f.col - note.col
            above.setdefault(f.line, []).append(" " * max(indent, 0) + line.strip() if line.strip() else "")
        if note.eol and (f.one_line or _FROM_SOURCE.search(note.eol)) and any(c[:len(kpath)] == kpath for c in changed) \
                and " ".join(note.eol.split()) not in about_fields:
            dropped.append(Dropped(kpath, note.was, note.eol))  # it stood next to the old value
        elif note.eol:
            text = lines[f.line].rstrip()
            pad = note.eol_col - len(text) if len(text) < note.eol_col else max(1, min(note.gap, 2))
            after[f.line] = text + " " * pad + note.eol
    out = []
    for n, line in enumerate(lines):
        out += above.get(n, [])
        out.append(after.get(n, line))
    return "\n".join(out)


def _get(data, path: tuple):
    for part in path:
        data = data[part]
    return data
