"""A model's pydantic core schema kept between runs (drafter.parse_cache), as Jinja keeps compiled templates.

Building the spec model's schema is pydantic's own Python walk over every field and annotation (about
17 ms, the largest single step of a first `drafter check`); pydantic-core compiles the result into a
validator in well under a millisecond. A class that inherits `KeptSchema` gives pydantic, through its
documented hook `__get_pydantic_core_schema__`, the schema an earlier run built, when there is one
for the same drafter (package digest) and the same pydantic; else pydantic builds it as always and it
is kept when the class is complete (`__pydantic_on_complete__`). Only classes validated on their own
inherit it (Spec, the house style, an outline file, a clause's front matter), never a model nested
in another.
"""

from __future__ import annotations

from typing import Any

_KIND = "pydantic-schema"


def _key(cls: type) -> bytes:
    import pydantic
    import pydantic_core

    return f"{cls.__module__}.{cls.__qualname__}|{pydantic.VERSION}|{pydantic_core.__version__}".encode()


def _valid(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("type"), str)


class KeptSchema:
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        if source is cls:
            from drafter.parse_cache import found

            schema = found(_KIND, _key(cls), _valid)
            if schema is not None:
                return schema
        return handler(source)

    @classmethod
    def __pydantic_on_complete__(cls) -> None:
        from drafter.parse_cache import keep

        schema = cls.__dict__.get("__pydantic_core_schema__")
        if _valid(schema):
            keep(_KIND, _key(cls), schema)
