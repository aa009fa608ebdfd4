"""The thresholds and word lists a project can set in `klarsprak.yaml` beside its clauses.

Every key is optional; what is left out keeps the default below. Example (docs/klarsprak.md):

    lix:
      standard: 50                 # agreement terms and every other section
      avsnitt:                     # a heading (or its start) → its own threshold
        Förslag till beslut: 45
        Sammanfattning: 45
      minsta_antal_ord: 25         # LIX of a shorter section says little and is not judged
    meningslängd: 30               # words
    beslutspunkt: 40               # words in one decision point
    av: [passive-no-agent]         # codes of checks turned off
    ord: [Hässelby, SoL]           # more words that are spelled right
    ordlista:                      # more word-list entries, as in drafter/language/data/ordlista.yaml
      - {ord: [åligga, åligger], skriv: ska, varför: vardagligare, källa: egen}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from drafter.errors import DrafterError, Where
from drafter.language.measure import LONG_SENTENCE
from drafter.language.rules import Entry, entry, standard_word_list

FILE_NAME = "klarsprak.yaml"

# Språkrådet's advice for texts to the public puts LIX around 40–45 for a general reader; agreement
# terms are read by board members and lawyers: ≤ 50 ("medelsvår"). A decision and a summary are what a
# politician reads first: ≤ 45.
DEFAULT_LIX = 50.0
DEFAULT_SECTIONS = {"förslag till beslut": 45.0, "förvaltningens förslag till beslut": 45.0, "sammanfattning": 45.0}


@dataclass
class Settings:
    lix: float = DEFAULT_LIX
    sections: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_SECTIONS))
    min_words: int = 25
    long_sentence: int = LONG_SENTENCE
    decision_sentence: int = 40
    off: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    word_list: list[Entry] = field(default_factory=lambda: list(standard_word_list()))

    def lix_limit(self, heading: str) -> float:
        """The threshold of a section: the longest configured heading it starts with, else the default."""
        heading = heading.strip().lower()
        matches = [k for k in self.sections if heading.startswith(k)]
        return self.sections[max(matches, key=len)] if matches else self.lix

    def on(self, code: str) -> bool:
        return code not in self.off


def load_settings(library_root: Path | None) -> Settings:
    """Defaults, with `klarsprak.yaml` in the clause library's folder applied when there is one."""
    settings = Settings()
    path = Path(library_root) / FILE_NAME if library_root else None
    if path is None or not path.is_file():
        return settings
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError("filen ska vara en mappning (nyckel: värde)")
        lix = data.get("lix") or {}
        settings.lix = float(lix.get("standard", settings.lix))
        settings.sections.update({str(k).lower(): float(v) for k, v in (lix.get("avsnitt") or {}).items()})
        settings.min_words = int(lix.get("minsta_antal_ord", settings.min_words))
        settings.long_sentence = int(data.get("meningslängd", settings.long_sentence))
        settings.decision_sentence = int(data.get("beslutspunkt", settings.decision_sentence))
        settings.off = {str(c) for c in data.get("av") or []}
        settings.words = {str(w) for w in data.get("ord") or []}
        settings.word_list += [entry(item) for item in data.get("ordlista") or []]
    except yaml.YAMLError as exc:
        raise DrafterError(f"{FILE_NAME} är inte giltig YAML ({exc}).", Where(str(path))) from None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise DrafterError(f"{FILE_NAME} kan inte läsas ({exc}).", Where(str(path)),
                           "Se docs/klarsprak.md för nycklarna.") from None
    return settings
