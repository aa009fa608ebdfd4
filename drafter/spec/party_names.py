"""Which party a field or a spec line belongs to, as the official knows it ("part 2, Street Minds").

A message keeps the field path (`parties.1.organisationsnummer`: what `changes:`, JSON and tools use),
but an official reads "parties.1" as the first party. Errors name the party from their field path
(`party_of`); findings name only a line, so the party is the one whose lines hold it (`PartyLines`).
"""

from __future__ import annotations

from drafter.errors import PartyRef
from drafter.spec.placeholders import PLACEHOLDER

_LONGEST = 60  # a name longer than this is cut: the message is about a field, not the name


def party_of(data: object, loc: tuple) -> PartyRef | None:
    """The party of a field path under `parties.N` in spec data as read; None for any other path."""
    if len(loc) < 2 or loc[0] != "parties" or not isinstance(loc[1], int) or isinstance(loc[1], bool):
        return None
    parties = data.get("parties") if isinstance(data, dict) else None
    if not isinstance(parties, list) or not 0 <= loc[1] < len(parties):
        return PartyRef(loc[1]) if loc[1] >= 0 else None
    return PartyRef(loc[1], _name(parties[loc[1]]))


def _name(party: object) -> str | None:
    name = party.get("name") if isinstance(party, dict) else None
    if not isinstance(name, str) or not name.strip() or PLACEHOLDER.match(name.strip()):
        return None
    name = " ".join(name.split())
    return name if len(name) <= _LONGEST else name[:_LONGEST - 1] + "…"


class PartyLines:
    """The spec lines each party's fields are written on (from the reader's positions), so that a
    finding that names "file:line" names the party too. A line shared by two parties (flow style,
    `parties: [{…}, {…}]`) names neither."""

    def __init__(self, positions: dict, data: object):
        spans: dict[int, tuple[int, int]] = {}
        for path, (line, _column) in positions.items():
            if len(path) >= 2 and path[0] == "parties" and isinstance(path[1], int):
                first, last = spans.get(path[1], (line, line))
                spans[path[1]] = (min(first, line), max(last, line))
        self._spans = spans
        self._data = data

    def at(self, line: int) -> PartyRef | None:
        found = [i for i, (first, last) in self._spans.items() if first <= line <= last]
        return party_of(self._data, ("parties", found[0])) if len(found) == 1 else None
