"""Safe YAML reading that remembers where every value stood.

PyYAML's safe loader silently keeps the last of two equal keys and expands
aliases without limit; here both are refused, and each value's line and column
are kept so that validation errors can name them.

Plain values are resolved by YAML 1.2's core schema, not PyYAML's YAML 1.1: `050000` is 50000 (not
octal 20480), `1:20:00` and `no` are text (not 4800 and false); a number written in another base
(`0x10`, `0o17`, `0b101`) is refused with the line and the value, since no official means one.
Dates (ÅÅÅÅ-MM-DD) are read as dates, as before.

Text is normalised to NFC; characters that hide or reorder what a reader sees (bidi controls,
zero-width characters) and private-use characters (drafter's own markers are among them) are
refused with the line, column and code point. Only regular files are read (a FIFO would hang, a
device never end), at most MAX_BYTES, nested at most MAX_DEPTH levels.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

import yaml
from yaml.events import AliasEvent

from drafter.errors import DrafterError, Where, os_reason
from drafter.validation import no_such_day
from drafter.xmlchars import NOT_XML, first_bad_char

MAX_BYTES = 1_000_000
MAX_DEPTH = 40  # a spec's deepest field is a handful of levels; PyYAML recurses per level

Positions = dict[tuple, tuple[int, int]]

# Characters that change what a reader sees without being seen: bidirectional controls (U+202E
# shows "Evil gnineröF" as "Evil Förening"), zero-width and invisible characters, and private-use
# characters (no font has them; drafter marks cross-references with two of them).
HIDDEN = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u206a-\u206f\ufeff"
                    "\u034f\u115f\u1160\u180e\u3164\uffa0\ue000-\uf8ff\U000e0000-\U000e007f"
                    "\U000f0000-\U0010ffff]")


def hidden_char_message(char: str) -> str:
    if "\ue000" <= char <= "\uf8ff" or char >= "\U000f0000":
        kind = "ett tecken för privat bruk, som inget typsnitt har och som drafter använder internt"
    elif unicodedata.bidirectional(char) in ("RLO", "LRO", "RLE", "LRE", "PDF", "RLI", "LRI", "FSI", "PDI") \
            or char in "\u200e\u200f\u061c":
        kind = "ett osynligt styrtecken för skrivriktning, som kan få texten att visas i annan ordning än den står"
    else:
        kind = "ett osynligt tecken"
    return f"Texten innehåller {kind} (U+{ord(char):04X} {unicodedata.name(char, '')})".rstrip() + "."


def first_hidden_char(text: str) -> tuple[int, int, str] | None:
    """(line, column, character), 1-based, of the first character HIDDEN refuses."""
    found = HIDDEN.search(text)
    if not found:
        return None
    before = text[: found.start()]
    return before.count("\n") + 1, found.start() - (before.rfind("\n") + 1) + 1, found.group()


def _meant(path: Path) -> str | None:
    """For a file that is not there: the spec the user most likely meant, when there is one (the name as the
    web page and the messages show it, `street-minds-2026`, is agreements/street-minds-2026.yaml)."""
    name = path.name if path.suffix in (".yaml", ".yml") else f"{path.name}.yaml"
    for candidate in (path.with_name(name), path.parent / "agreements" / name, Path("agreements") / name):
        if candidate != path and candidate.is_file():
            return f"Menade du {candidate.as_posix()}?"
    return None


def read_input(path: Path, limit: int = MAX_BYTES, what: str = "Filen") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else is a DrafterError naming it.
    Opened without blocking, so that a FIFO cannot hang drafter; a device (/dev/zero) is refused."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise DrafterError(f"{what} kan inte läsas ({os_reason(exc)}).", Where(name), _meant(Path(path))) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DrafterError(f"{what} är ingen vanlig fil (utan en mapp, en enhet eller en namngiven pipe).",
                               Where(name), "Ange sökvägen till en textfil.")
        if info.st_size > limit:
            raise DrafterError(f"{what} är {info.st_size} byte; största tillåtna storlek är {_size(limit)}.",
                               Where(name))
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grew while read
                raise DrafterError(f"{what} är större än {_size(limit)}.", Where(name))
        return b"".join(chunks)
    except OSError as exc:
        raise DrafterError(f"{what} kan inte läsas ({os_reason(exc)}).", Where(name)) from None
    finally:
        os.close(fd)


def _size(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit} byte"


# YAML 1.2 core schema for plain scalars (https://yaml.org/spec/1.2.2/#1032-tag-resolution), and the
# timestamp drafter's dates rely on.
_CORE = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", list("-+0123456789")),
    ("tag:drafter,2026:other-base", r"^[-+]?0(?:x[0-9a-fA-F_]+|o[0-7_]+|b[01_]+)$", list("-+0")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]


class _Loader(yaml.SafeLoader):
    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers
                if tag not in ("tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                               "tag:yaml.org,2002:float")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    depth = 0

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark
            raise DrafterError(
                "YAML-alias (*namn) används inte i drafter.",
                Where(self.name, mark.line + 1, mark.column + 1),
                "Skriv ut värdet på nytt i stället för att hänvisa till det med *.",
            )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise DrafterError(f"Filen är nästlad djupare än {MAX_DEPTH} nivåer.",
                               Where(self.name, mark.line + 1, mark.column + 1),
                               "En spec har bara några få nivåer; kontrollera hakparenteser och indrag.")
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


for _tag, _regexp, _first in _CORE:
    _Loader.add_implicit_resolver(_tag, re.compile(_regexp), _first)


def _decimal_int(loader, node) -> int:
    return int(loader.construct_scalar(node).replace("_", ""), 10)  # YAML 1.2: a leading 0 is not octal


def _other_base(loader, node):
    mark = node.start_mark
    raise DrafterError(
        f"Värdet '{node.value}' är skrivet som ett tal i en annan talbas (0x, 0o, 0b); drafter läser det inte.",
        Where(loader.name, mark.line + 1, mark.column + 1),
        "Skriv talet med siffrorna 0–9, eller sätt värdet inom citattecken om det är text.")


class WrittenFloat(float):
    """A decimal number that remembers how it was written: `amount: 60.000` is the float 60.0, and the
    message refusing it (drafter/spec/numbers.py) shows 60.000, with the hint 60000."""

    written: str = ""

    def __reduce__(self):
        return (_written_float, (float(self), self.written))


def _written_float(value: float, text: str) -> WrittenFloat:
    number = WrittenFloat(value)
    number.written = text
    return number


def _float(loader, node) -> float:
    value = yaml.constructor.SafeConstructor.construct_yaml_float(loader, node)
    return _written_float(value, node.value) if isinstance(node.value, str) else value


_Loader.add_constructor("tag:yaml.org,2002:int", _decimal_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _float)
yaml.SafeDumper.add_representer(WrittenFloat, yaml.representer.SafeRepresenter.represent_float)
_Loader.add_constructor("tag:drafter,2026:other-base", _other_base)


if yaml.__with_libyaml__:
    class _CLoader(yaml.CSafeLoader):  # type: ignore[misc,valid-type]
        """libyaml's parser and composer (C, with each node's line and column), _Loader's resolvers and
        constructors: the same data, a fifth of the time. It cannot refuse an alias or a deep nesting
        while composing, so _plain_tree looks at the nodes afterwards and sends such a file (and any
        file libyaml finds an error in) to _Loader, which says what is wrong."""

        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
        yaml_constructors = _Loader.yaml_constructors
        name = ""
else:  # pragma: no cover (PyYAML built without libyaml)
    _CLoader = None  # type: ignore[assignment,misc]


def _plain_tree(node) -> bool:
    """No node reached twice (an alias: libyaml hands out the anchored node again) and no node deeper
    than MAX_DEPTH (counted as _Loader.compose_node counts)."""
    seen: set[int] = set()
    stack = [(node, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH or id(node) in seen:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [(n, depth + 1) for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(n, depth + 1) for n in node.value]
    return True


def _compose_fast(text: str, name: str):
    """(loader, root node) by libyaml, or None when the file needs _Loader's word on it."""
    if _CLoader is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    loader = _CLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if node is None or not _plain_tree(node):
        return None
    loader.name = name
    return loader, node


def read_yaml(path: Path, data: bytes | None = None) -> tuple[object, Positions]:
    """Return the data and a map from key path to (line, column), both 1-based. `data`: the file's
    bytes when the caller has read them already (so that what is hashed is what is read)."""
    name = str(path)
    raw = read_input(Path(path)) if data is None else data
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
    if hidden := first_hidden_char(text):
        line, column, char = hidden
        raise DrafterError(hidden_char_message(char), Where(name, line, column),
                           "Ta bort tecknet; det kommer ofta med när text klistras in från andra program.")
    fast = _compose_fast(text, name)
    if fast is not None:
        loader, node = fast
        positions: Positions = {}
        return _construct(loader, node, (), positions, name), positions
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
            f"Filen är inte giltig YAML: {explain_problem(exc.problem or '')}.",
            Where(name, mark.line + 1 if mark else None, mark.column + 1 if mark else None),
            "Kontrollera indrag och kolon på raden och raden ovanför.",
        ) from None
    except yaml.YAMLError:
        raise DrafterError("Filen är inte giltig YAML.", Where(name)) from None
    finally:
        loader.dispose()
    if node is None:  # only comments
        raise DrafterError("Filen innehåller bara kommentarer, inga fält.", Where(name))
    positions = {}
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
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value)
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


def explain_problem(problem: str) -> str:
    """PyYAML's problem in Swedish, for every file drafter reads as YAML (specs, clause front matter)."""
    for english, swedish in _PROBLEMS:
        if english in problem:
            return swedish
    return "raden kan inte tolkas"


def _where(name, node, field=None) -> Where:
    return Where(name, node.start_mark.line + 1, node.start_mark.column + 1, field or None)
