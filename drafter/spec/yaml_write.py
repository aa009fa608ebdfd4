"""Writing a spec back: the user's comments, key order and formatting kept for everything not changed.

The spec file is the source of truth an official keeps in git, so a change made elsewhere (the web
page, and later `renew`, `new`, `import`, `lock`) must show in `git diff` as that change only. ruamel.yaml's
round-trip mode keeps comments, flow and block styles, quotes and key order; this module is the one
place drafter uses it. Reading for validation stays with spec/yaml_reader.py (safe, with positions).

`save_text` writes atomically and only when the file on disk is still the one the change started from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import threading
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken

from drafter.errors import DrafterError, Where, os_reason


_save_lock = threading.Lock()


class Conflict(DrafterError):
    """The file changed on disk after it was opened (another window, a git pull): nothing written."""

    exit_code = 1

    def __init__(self, path: Path, on_disk: str):
        super().__init__(f"{path} har ändrats sedan den öppnades; dina ändringar sparades inte.", Where(str(path)),
                         "Jämför de två versionerna, öppna filen på nytt och gör ändringen igen.")
        self.on_disk = on_disk


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long line the user wrote
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def load_rt(text: str, name: str = "spec"):
    """Round-trip data (CommentedMap …) of a YAML text; a syntax error is bad input in Swedish."""
    try:
        return _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DrafterError("Filen är inte giltig YAML och kan inte ändras här.",
                           Where(name, mark.line + 1 if mark else None),
                           "Rätta raden i en textredigerare först.") from None


def dump_rt(data) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def dump_new(data) -> str:
    """A spec (or a part of one) that drafter writes anew (`drafter new`, `drafter renew`), in the style
    the web page saves in: the first save then changes only what it changes in `git diff`, not every
    list's indentation."""
    return dump_rt(styled_new(data))


def styled_new(value):
    """A value as drafter writes it anew: texts of several lines as blocks (|), as a person writes them,
    each exactly as it was; a text that would not read back as itself ("yes", "2026-07-01", "[Fyll i]")
    in single quotes, as drafter wrote them before."""
    from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString

    if isinstance(value, dict):
        return {key: styled_new(v) for key, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [styled_new(v) for v in value]
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    if isinstance(value, str) and not _reads_back_as_text(value):
        return SingleQuotedScalarString(value)
    return value


def get_path(data, path: tuple):
    for part in path:
        data = data[part]
    return data


def has_path(data, path: tuple) -> bool:
    try:
        get_path(data, path)
        return True
    except (KeyError, IndexError, TypeError):
        return False


def set_value(data, path: tuple, value, order: list[str] | None = None) -> bool:
    """Set one value, creating missing maps on the way; True when something changed.

    An unchanged value is left alone, so its quoting and comment stay as written. A new key goes where
    `order` (the schema's field order) puts it, after any comment that ended the previous key."""
    parent = data
    for n, part in enumerate(path[:-1]):
        if isinstance(parent, CommentedMap) and part not in parent:  # build the missing maps, insert once
            nested = _styled_like(None, value)
            for inner in reversed(path[n + 1:]):
                nested = CommentedMap({inner: nested})
            _insert(parent, part, nested, order if n == 0 else None)
            return True
        parent = parent[part]
    last = path[-1]
    if isinstance(parent, CommentedMap) and last not in parent:
        _insert(parent, last, _styled_like(None, value), order)
        return True
    if isinstance(parent, dict) and last in parent and _same(parent[last], value):
        return False
    if isinstance(parent, list) and isinstance(last, int) and last < len(parent) and _same(parent[last], value):
        return False
    if isinstance(parent, list) and last == len(parent):
        parent.append(value)
    else:
        old = parent[last] if (isinstance(parent, dict) and last in parent) else None
        parent[last] = _styled_like(old, value)
    return True


def _insert(m: CommentedMap, key, value, order: list[str] | None) -> None:
    keys = list(m)
    pos = len(keys)
    if order and key in order:
        later = [i for i, k in enumerate(keys) if k in order and order.index(k) > order.index(key)]
        pos = later[0] if later else len(keys)
    if pos == 0 or not isinstance(m, CommentedMap):
        m.insert(pos, key, value)
        return
    previous = keys[pos - 1]
    token = _take_trailing(m, previous)
    m.insert(pos, key, value)
    if token is None:
        return
    own, rest = _split_end_of_line(token)
    if own is not None:  # `figures: {}  # siffror …` keeps its own comment on its line
        _give_trailing(m, previous, own)
    if rest is not None:  # the comment lines that introduced the next key follow the new one
        _give_trailing(m, key, rest)


def _split_end_of_line(token):
    """A trailing comment as (the end-of-line comment of the value it follows, the lines after it)."""
    text = token.value
    if text.startswith("\n"):
        return None, token
    first, _, after = text.partition("\n")
    own = CommentToken(first + "\n", token.start_mark, None)
    return own, (CommentToken("\n" + after, CommentMark(0), None) if after else None)


def _give_trailing(node, key, token) -> None:
    """Put `token` after the value of `key`, at its deepest last item (where `_take_trailing` finds it)."""
    value = node[key]
    if isinstance(value, CommentedMap) and len(value) and not value.fa.flow_style():
        return _give_trailing(value, list(value)[-1], token)
    if isinstance(value, CommentedSeq) and len(value) and not value.fa.flow_style():
        return _give_trailing(value, len(value) - 1, token)
    slot = 2 if isinstance(node, CommentedMap) else 0
    node.ca.items.setdefault(key, [None, None, None, None])[slot] = token
    return None


def _take_trailing(node, key):
    """Pop the comment (and blank lines) that follow the value of `key`, looking into nested values."""
    value = node[key]
    if isinstance(value, CommentedMap) and len(value) and not value.fa.flow_style():
        return _take_trailing(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and len(value) and not value.fa.flow_style():
        return _take_trailing(value, len(value) - 1)
    entry = node.ca.items.get(key)
    if not entry:
        return None
    slot = 2 if isinstance(node, CommentedMap) else 0
    token, entry[slot] = entry[slot], None
    return token


def delete_path(data, path: tuple) -> bool:
    try:
        parent = get_path(data, path[:-1])
        del parent[path[-1]]
        return True
    except (KeyError, IndexError, TypeError):
        return False


def move_item(data, path: tuple, step: int) -> bool:
    """Move a list item up (-1) or down (+1)."""
    seq = get_path(data, path[:-1])
    i, j = path[-1], path[-1] + step
    if not isinstance(seq, list) or not 0 <= j < len(seq):
        return False
    seq[i], seq[j] = seq[j], seq[i]
    return True


def new_map(items: dict, flow: bool = False) -> CommentedMap:
    m = CommentedMap(items)
    if flow:
        m.fa.set_flow_style()
    return m


def new_seq(items: list) -> CommentedSeq:
    return CommentedSeq(items)


def _same(old, new) -> bool:
    if isinstance(old, (dict, list)) or isinstance(new, (dict, list)):
        return False
    if isinstance(old, bool) != isinstance(new, bool):
        return False
    if isinstance(old, dt.datetime) or isinstance(new, dt.datetime):
        return old == new
    return type(old) is type(new) and old == new or (isinstance(old, str) and isinstance(new, str) and str(old) == new)


def _styled_like(old, value):
    """A new string keeps the quoting style of the one it replaces; text of several lines becomes a block."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString, SingleQuotedScalarString

    if not isinstance(value, str):
        return value
    if "\n" in value.strip():
        return LiteralScalarString(value.rstrip("\n") + "\n")
    if isinstance(old, (DoubleQuotedScalarString, SingleQuotedScalarString)):
        return type(old)(value)
    if not _reads_back_as_text(value):  # "yes", "0123", "12:30", "2026-07-01" typed as text stay text
        return DoubleQuotedScalarString(value)
    return value


def _reads_back_as_text(value: str) -> bool:
    """Whether the plain scalar reads back as this very string under YAML 1.1 (PyYAML, spec/yaml_reader.py)
    as well as YAML 1.2 (ruamel); the writer quotes it otherwise."""
    import yaml

    try:
        return yaml.safe_load(f"k: {value}") == {"k": value} and _yaml().load(f"k: {value}") == {"k": value}
    except Exception:  # anything that does not even parse plain is quoted
        return False


def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DrafterError(f"Filen kan inte läsas ({os_reason(exc) if isinstance(exc, OSError) else 'inte UTF-8'}).",
                           Where(str(path))) from None


def save_text(path: Path, text: str, base_sha256: str | None) -> str:
    """Write `text` to `path` atomically if the file is still the one with `base_sha256` (None: a new
    file that must not exist). Returns the new sha256; raises Conflict otherwise."""
    from drafter.output import write_atomic

    with _save_lock:  # one writer at a time in this process; the sha256 check catches every other writer
        if base_sha256 is None:
            if path.exists():
                raise Conflict(path, read_text(path))
        else:
            on_disk = read_text(path) if path.exists() else ""
            if text_sha256(on_disk) != base_sha256:
                raise Conflict(path, on_disk)
        write_atomic(path, text.encode("utf-8"))
    return text_sha256(text)
