"""The model as plain data (dicts, lists, strings), like pandoc's JSON AST.

The Typst writer hands this to its template as JSON, so no user text is ever
read as markup. Every node carries its type name under "type".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

_LEAVES = frozenset({str, int, float, bool, type(None)})  # returned as they are, the most common values


@functools.cache
def _content_fields(cls: type) -> tuple[str, ...] | None:
    """A node class's fields that are content, in order (None: not a node). Where a node came from
    (a field marked `provenance`) is not content. Once per class: the model has a few dozen."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls) if not f.metadata.get("provenance"))


def to_data(node):
    cls = type(node)
    if cls in _LEAVES:
        return node
    names = _content_fields(cls)
    if names is not None:
        data = {"type": cls.__name__}
        for name in names:
            data[name] = to_data(getattr(node, name))
        return data
    if isinstance(node, (list, tuple)):
        return [to_data(n) for n in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    return node
