"""Safe YAML reading that remembers where every value stood.

PyYAML's safe loader silently keeps the last of two equal keys and expands
aliases without limit; here both are refused, and each value's line and column
are kept so that validation errors can name them.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.events import AliasEvent

from drafter.errors import DrafterError, Where
from drafter.validation import no_such_day
from drafter.xmlchars import NOT_XML, first_bad_char

MAX_BYTES = 1_000_000

Positions = dict[tuple, tuple[int, int]]


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark
            raise DrafterError(
                "YAML-alias (*namn) används inte i drafter.",
                Where(self.name, mark.line + 1, mark.column + 1),
                "Skriv ut värdet på nytt i stället för att hänvisa till det med *.",
            )
        return super().compose_node(parent, index)


def read_yaml(path: Path) -> tuple[object, Positions]:
    """Return the data and a map from key path to (line, column), both 1-based."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DrafterError(f"Filen kan inte läsas ({exc.strerror}).", Where(name)) from None
    if len(raw) > MAX_BYTES:
        raise DrafterError(f"Filen är {len(raw)} byte; största tillåtna storlek är 1 MB.", Where(name))
    if b"\x00" in raw:
        raise DrafterError("Filen är inte en textfil (den innehåller binära data).", Where(name))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DrafterError(f"Filen är inte sparad som UTF-8 (byte {exc.start}).", Where(name),
                           "Spara filen med teckenkodningen UTF-8.") from None
    if not text.strip():
        raise DrafterError("Filen är tom.", Where(name))
    if bad := first_bad_char(text):
        line, column, char = bad
        raise DrafterError(f"Filen innehåller ett tecken som inte kan stå i ett dokument (U+{ord(char):04X}).",
                           Where(name, line, column), "Ta bort tecknet.")
    try:
        loader = _Loader(text)
    except yaml.YAMLError:  # a character YAML refuses (the reader checks on creation)
        raise DrafterError("Filen innehåller tecken som YAML inte tillåter.", Where(name),
                           "Spara filen som vanlig text (UTF-8).") from None
    loader.name = name
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DrafterError(
            f"Filen är inte giltig YAML: {_explain(exc.problem or '')}.",
            Where(name, mark.line + 1 if mark else None, mark.column + 1 if mark else None),
            "Kontrollera indrag och kolon på raden och raden ovanför.",
        ) from None
    except yaml.YAMLError:
        raise DrafterError("Filen är inte giltig YAML.", Where(name)) from None
    finally:
        loader.dispose()
    if node is None:  # only comments
        raise DrafterError("Filen innehåller bara kommentarer, inga fält.", Where(name))
    positions: Positions = {}
    data = _construct(loader, node, (), positions, name)
    return data, positions


def _construct(loader, node, path, positions, name):
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _construct(loader, key_node, path + ("<key>",), {}, name)
            if not isinstance(key, (str, int)):
                raise DrafterError("En nyckel måste vara text.", _where(name, key_node))
            if key in result:
                raise DrafterError(
                    f"Fältet '{key}' förekommer två gånger.",
                    _where(name, key_node, ".".join(map(str, path + (key,)))),
                    "Ta bort den ena förekomsten; YAML skulle annars tyst använda den sista.",
                )
            result[key] = _construct(loader, value_node, path + (key,), positions, name)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, item, path + (i,), positions, name) for i, item in enumerate(node.value)]
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError):
        raise DrafterError(
            f"Värdet '{node.value}' kan inte läsas; det ser ut som ett datum men dagen finns inte."
            + no_such_day(node.value),
            _where(name, node, ".".join(map(str, path))),
            "Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2026-07-01.",
        ) from None
    if isinstance(value, str) and (bad := NOT_XML.search(value)):
        raise DrafterError(
            f"Värdet innehåller ett tecken som inte kan stå i ett dokument (U+{ord(bad.group()):04X}).",
            _where(name, node, ".".join(map(str, path))),
            "Ta bort tecknet; det kommer ofta med när text klistras in från andra program.",
        )
    return value


# PyYAML's problems in Swedish; the most common first. Anything else gets the general sentence.
_PROBLEMS = [
    ("mapping values are not allowed", "ett kolon (:) står där det inte får stå; sätt texten inom citattecken"),
    ("could not find expected ':'", "ett kolon (:) saknas efter fältnamnet"),
    ("expected ',' or ']'", "en lista inom [ ] är inte avslutad med ]"),
    ("expected ',' or '}'", "en samling inom { } är inte avslutad med }"),
    ("that cannot start any token", "tecknet kan inte inleda ett värde (tabbtecken får inte användas för indrag)"),
    ("found unexpected end of stream", "ett citattecken är inte avslutat"),
    ("while scanning a quoted scalar", "ett citattecken är inte avslutat"),
    ("expected <block end>", "indraget stämmer inte med raderna ovanför"),
    ("did not find expected key", "indraget stämmer inte med raderna ovanför"),
    ("did not find expected '-' indicator", "en listrad (-) har fel indrag"),
    ("unacceptable character", "filen innehåller ett tecken som inte får stå i YAML"),
    ("found duplicate anchor", "samma ankare (&namn) används två gånger"),
]


def _explain(problem: str) -> str:
    for english, swedish in _PROBLEMS:
        if english in problem:
            return swedish
    return "raden kan inte tolkas"


def _where(name, node, field=None) -> Where:
    return Where(name, node.start_mark.line + 1, node.start_mark.column + 1, field or None)
