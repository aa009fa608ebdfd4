"""A spec rewritten from an old one keeps the comments of the fields that stay (drafter/spec/yaml_keep.py).

The expectations come from the reader's own positions (spec/yaml_reader.py), not from the module under
test: a comment written on a field's line, or right above it, is found at that field's line afterwards."""

from __future__ import annotations

import copy
import random
import re
from pathlib import Path

import pytest

from drafter.spec.yaml_keep import rewrite
from drafter.spec.yaml_reader import read_yaml
from drafter.spec.yaml_write import dump_new
from helpers import EXAMPLE

HEAD = "# Skriven av ett test.\n\n"
IDENTITY = ("clause", "heading", "key", "item", "name", "code", "number")  # what names a list item


def read(text: str):
    return read_yaml(Path("spec.yaml"), text.encode("utf-8"))


def leaves(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, path + (key,))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from leaves(value, path + (n,))
    else:
        yield path


def has(data, path) -> bool:
    try:
        for part in path:
            data = data[part]
        return True
    except (KeyError, IndexError, TypeError):
        return False


def gone(path: tuple, replaced: set) -> bool:
    return any(path[: len(r)] == r for r in replaced)


def marked(text: str) -> tuple[str, dict[str, tuple], dict[str, tuple]]:
    """`text` with a comment `# eN` at the end of every line that holds one value and none yet, and a
    line `# aN` above it; which field each belongs to (the one value; the outermost field on the line)."""
    data, positions = read(text)
    lines = text.split("\n")
    on_line: dict[int, list[tuple]] = {}
    for path, (line, _) in positions.items():
        on_line.setdefault(line - 1, []).append(path)
    values = {path for path in leaves(data)}
    eol, above, out = {}, {}, []
    for n, line in enumerate(lines):
        here = on_line.get(n, [])
        ones = [p for p in here if p in values]
        if here and "#" not in line and len(ones) == 1 and not line.strip().startswith("{"):
            # A map's position is its first key's (on the next line): the outermost field *starting* here is
            # a list item or a value.
            outermost = min([p for p in here if p in values or (p and isinstance(p[-1], int))], key=len)
            indent = len(line) - len(line.lstrip())
            above[f"a{n}"] = outermost
            out.append(" " * indent + f"# a{n}")
            eol[f"e{n}"] = ones[0]
            line += f"  # e{n}"
        out.append(line)
    return "\n".join(out), eol, above


def mutate(data: dict, rng: random.Random, replaced: set, changed: set) -> dict:
    """1 to 3 random changes; `replaced` gets the list items that are now something else, `changed` the
    paths whose value is not the old one (a map or list with a key or item added or removed)."""
    new = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        paths = [p for p in leaves(new) if p]
        path = rng.choice(paths)
        parent = new
        for part in path[:-1]:
            parent = parent[part]
        what = rng.choice(["change", "remove", "add"])
        if len(path) > 1 and isinstance(path[-2], int) and path[-1] in IDENTITY:
            what = "change"  # a list item named otherwise is another item
            replaced.add(path[:-1])
        if isinstance(parent, list):  # only at the end: list items are matched by what they are
            if what == "remove" and len(parent) > 1:
                parent.pop()
                changed.add(path[:-1])
            elif what == "add":
                changed.add(path[:-1])
                parent.append("tillagd/klausul@1" if all(isinstance(x, str) for x in parent) else {"item": "Nytt"})
            else:
                parent[path[-1]] = f"ändrat värde {rng.randint(1, 99)}"
                replaced.add(path)
        elif what == "remove":
            del parent[path[-1]]
            changed.add(path[:-1])
        elif what == "add":
            parent[f"ny_{rng.randint(1, 999)}"] = rng.choice([7, "ny text", "2031-12-31", "två\nrader\n"])
            changed.add(path[:-1])
        else:
            value = rng.choice([0, "ändrad: text # inte en kommentar", "ja", "2031-01-01"])
            if value != parent[path[-1]]:
                changed.add(path)
            parent[path[-1]] = value
    return new


@pytest.mark.parametrize("spec", [EXAMPLE, EXAMPLE.parent / "street-minds-2023.yaml"], ids=lambda p: p.stem)
def test_random_changes_read_back_as_the_new_data_with_each_kept_fields_comments(spec):
    text, eol, above = marked(spec.read_text(encoding="utf-8"))
    old, at = read(text)
    rng = random.Random(spec.stem)

    def changed_on_its_line(path: tuple, changed: set) -> bool:
        """The value at `path` changed, or one it is in that stands on its line ({item: …, amount: …})."""
        return any(c[:len(path)] == path or (path[:len(c)] == c and one_line(c)) for c in changed)

    def one_line(path: tuple) -> bool:
        """A flow map or list on one line ({item: …, amount: …}); a block list of one item is not."""
        line, column = at.get(path, (0, 0))
        flow = line > 0 and text.split("\n")[line - 1][column - 1:column] in ("[", "{")
        return flow and len({at[p][0] for p in leaves(old) if p[:len(path)] == path and p in at}) == 1

    for _ in range(40):
        replaced: set = set()
        changed: set = set()
        new = mutate(old, rng, replaced, changed)
        dropped: list = []
        written = rewrite(text, new, HEAD, spec.name, dropped)
        data, positions = read(written)
        assert data == read(HEAD + dump_new(new))[0] == new
        lines = written.split("\n")
        told = {d.comment: d for d in dropped}
        for mark, path in eol.items():
            kept = has(new, path) and not gone(path, replaced)
            if kept and not changed_on_its_line(path, changed):
                assert lines[positions[path][0] - 1].endswith(f"# {mark}"), (mark, path)
            else:
                assert f"# {mark}\n" not in written + "\n", (mark, path)
                if kept:  # its value changed (or one inside it on its line): it stood next to the old value
                    owner = told.pop(f"# {mark}").path  # told to the caller, with where it stands now
                    assert path[:len(owner)] == owner and (owner == path or one_line(owner))
        assert not [c for c in told if re.fullmatch(r"# e\d+", c)]  # (the spec's own comments are not marked)
        for mark, path in above.items():
            if has(new, path) and not gone(path, replaced):
                line = positions[path][0] - 1
                run = []
                while line > 0 and (lines[line - 1].lstrip().startswith("#") or not lines[line - 1].strip()):
                    line -= 1
                    run.append(lines[line].strip())
                assert f"# {mark}" in run, (mark, path, written)
            else:
                assert not re.search(rf"# {mark}$", written, re.M), (mark, path)


def test_a_removed_clause_takes_its_comment_and_its_neighbours_keep_theirs():
    old = ("outline:\n"
           "  # Bakgrunden först.\n"
           "  - street-minds/bakgrund    # skriven 2023\n"
           "  - villkor/sekretess         # stryks vid förnyelsen\n"
           "  # Perioden, som nämnden beslutat.\n"
           "  - villkor/period\n")
    written = rewrite(old, {"outline": ["street-minds/bakgrund@2", "ny/klausul@1", "villkor/period@2"]}, "", "x.yaml")
    assert written == ("outline:\n"
                       "  # Bakgrunden först.\n"
                       "  - street-minds/bakgrund@2  # skriven 2023\n"
                       "  - ny/klausul@1\n"
                       "  # Perioden, som nämnden beslutat.\n"
                       "  - villkor/period@2\n")


def test_an_imports_note_on_a_changed_block_goes_and_is_reported():
    # trial 10: "period:  # stycke 27 i källan" stayed over the renewal's new period
    old = ("period:  # stycke 27 i källan\n"
           "  start: 2024-01-01\n"
           "  end: 2026-12-31\n"
           "budget:  # tabellen, stycke 21 i källan\n"
           "  months: 12\n")
    dropped: list = []
    written = rewrite(old, {"period": {"start": "2027-01-01", "end": "2028-12-31"}, "budget": {"months": 12}}, "",
                      "x.yaml", dropped)
    assert "stycke 27" not in written and [d.comment for d in dropped] == ["# stycke 27 i källan"]
    assert "budget:  # tabellen, stycke 21 i källan" in written  # nothing in the budget changed


def test_text_that_looks_like_a_comment_stays_text_and_a_filled_in_placeholder_goes():
    old = ("figures:\n"
           "  antal: 40   # räknat i mars\n"
           "  note: 'ett # i texten'\n"
           "texts:\n"
           "  inledning: |\n"
           "    # Rubrik i texten, ingen kommentar\n"
           "    Andra raden.\n"
           "  quoted: \"en text # som fortsätter\n    på nästa rad\"   # och en kommentar\n"
           "signatory:\n"
           "  # name: ...   # ordförandens namn\n"
           "  title: ordförande\n")
    new = {"figures": {"antal": 40, "note": "ett # i texten"},
           "texts": {"inledning": "# Rubrik i texten, ingen kommentar\nAndra raden.\n",
                     "quoted": "en text # som fortsätter på nästa rad"},
           "signatory": {"name": "Sara Ahmadi", "title": "ordförande"}}
    written = rewrite(old, new, "", "x.yaml")
    assert read(written)[0] == new
    assert "  antal: 40   # räknat i mars\n" in written and "  note: 'ett # i texten'\n" in written
    assert "    # Rubrik i texten, ingen kommentar\n" in written and "# och en kommentar" in written
    assert "# name: ..." not in written and "  name: Sara Ahmadi\n  title: ordförande\n" in written


def test_a_spec_that_does_not_round_trip_is_written_anew():
    """Whatever ruamel.yaml cannot keep, the data still reads back as the new data."""
    new = {"document": {"date": "ÅÅÅÅ-MM-DD"}}
    assert rewrite("- en lista\n", new, HEAD, "x.yaml") == HEAD + dump_new(new)
