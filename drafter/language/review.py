"""Every language rule over one assembled document: readability, the word list, agreement, terms, spelling.

`review_document` returns the document's figures and a list of `Note`s, each tied to the part (section)
whose sentence it quotes; drafter.checks.language gives them a place and a severity, and
`drafter language` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from drafter.language.document import Part, parts
from drafter.language.measure import Stats, stats_of
from drafter.language.rules import (Entry, Remark, WordHits, agreement, long_sentences, passive_without_agent,
                                    plain_word_remarks, sees_no_line_break, word_hits)
from drafter.language.settings import Settings
from drafter.language.spelling import Speller, checkable
from drafter.language.terms import term_remarks
from drafter.language.text import Sentence, lines, reflow, sentences
from drafter.model.nodes import Document


@dataclass
class Note:
    part: Part | None  # None: the document as a whole
    remark: Remark


@dataclass
class DocumentReview:
    stats: Stats
    parts: list[tuple[Part, Stats]]
    notes: list[Note]


def review_document(doc: Document, settings: Settings, speller: Speller | None = None,
                    party_names: tuple[str, ...] = ()) -> DocumentReview:
    return review_parts(parts(doc), settings, speller, party_names)


def review_text(text: str, settings: Settings, speller: Speller | None = None) -> DocumentReview:
    """A plain text (e.g. copied out of a signed PDF), reflowed to one paragraph a line."""
    return review_parts([Part("", reflow(text), None, "")], settings, speller)


def review_parts(found_parts: list[Part], settings: Settings, speller: Speller | None = None,
                 party_names: tuple[str, ...] = ()) -> DocumentReview:
    notes: list[Note] = []
    measured = []
    cut = []
    rules = _rules(settings)
    for part in found_parts:
        limit = settings.lix_limit(part.top if part.top != part.heading else part.heading)
        found, stats, remarks = _review_part(part.text, part.heading, limit, part.decision, rules)
        measured.append((part, stats))
        cut += [(part, s) for s in found]
        notes += [Note(part, r) for r in remarks]
    if settings.on("term-variant"):
        notes += [Note(cut[t.index][0], t.remark) for t in term_remarks([s for _, s in cut], list(party_names))]
    if speller is not None and settings.on("spelling"):
        notes += _spelling(measured, speller)
    whole = stats_of([s for _, s in cut], settings.long_sentence)  # sentences are cut line by line: the
    # whole text's are its parts' (what measure("\n".join(part texts)) would cut again)
    if settings.on("lix") and whole.lix > settings.lix:
        notes.insert(0, Note(None, Remark("lix", f"Dokumentet har LIX {whole.lix:.0f} ({whole.level}); gränsen är "
                                          f"{settings.lix:.0f}. {whole.long_sentences} meningar har fler än "
                                          f"{settings.long_sentence} ord, den längsta {whole.longest}.", "")))
    return DocumentReview(whole, measured, notes)


@dataclass(frozen=True, eq=False)
class _Rules:
    """What the review of one part depends on besides its text: the settings' content, frozen. One
    instance per distinct content (_rules), so the part cache compares it by identity, cheaply."""

    min_words: int
    long_sentence: int
    decision_sentence: int
    on: frozenset[str]  # which of the part's rules are on
    word_list: tuple[Entry, ...]
    words_by_line: bool  # every entry sees no line break: a part's word-list hits are its lines' (rules.py)


_PART_CODES = ("lix", "long-sentence", "passive-no-agent", "plain-word", "agreement-error")
def _rules(settings: Settings) -> _Rules:
    return _rules_of((settings.min_words, settings.long_sentence, settings.decision_sentence,
                      frozenset(c for c in _PART_CODES if settings.on(c)), tuple(settings.word_list)))


# Bounded, and safe across the web server's threads; an evicted content gets a new instance (and
# fresh part-cache entries).
@lru_cache(maxsize=64)
def _rules_of(content: tuple) -> _Rules:
    min_words, long_sentence, decision_sentence, on, word_list = content
    return _Rules(min_words, long_sentence, decision_sentence, on, word_list,
                  all(sees_no_line_break(e.pattern) for e in word_list))


@lru_cache(maxsize=512)
def _review_part(text: str, heading: str, limit: float, decision: bool,
                 rules: _Rules) -> tuple[tuple[Sentence, ...], Stats, tuple[Remark, ...]]:
    """One part's sentences, figures and remarks, in the order the rules give them. Pure in its
    arguments and immutable (Sentence, Stats and Remark are frozen): a batch of specs and the web page's
    edits review the same clause texts again and again, and get the first review back. A part that
    holds a spec's own values (its name, its dates) is new to the cache; its lines without them are
    not (_review_line): sentences are cut line by line, and every rule but the word list's count and
    LIX judges one sentence at a time."""
    found: list[Sentence] = []
    passive: list[Remark] = []
    agreeing: list[Remark] = []
    hits: dict[int, list] = {}
    for offset, line in lines(text):
        cut, line_passive, line_agreeing, line_hits = _review_line(line, rules)
        found += [_moved(s, offset) for s in cut] if offset else cut
        passive += line_passive
        agreeing += line_agreeing
        _add_hits(hits, line_hits)
    stats = stats_of(found, rules.long_sentence)
    remarks: list[Remark] = []
    if "lix" in rules.on and heading and stats.words >= rules.min_words and stats.lix > limit:
        hardest = max(found, key=lambda s: len(s.words) + s.long_words)  # what adds most to O/M and L
        remarks.append(Remark("lix", f"Avsnittet \"{heading}\" har LIX {stats.lix:.0f} ({stats.level}); "
                              f"gränsen är {limit:.0f}. Svårast är meningen", hardest.text))
    if "long-sentence" in rules.on:
        remarks += long_sentences(found, rules.decision_sentence if decision else rules.long_sentence)
    remarks += passive
    if "plain-word" in rules.on and rules.words_by_line:
        remarks += plain_word_remarks(tuple(tuple(hit) for _, hit in sorted(hits.items())), rules.word_list)
    elif "plain-word" in rules.on:  # a pattern that could see past a sentence: the whole part at once
        remarks += plain_word_remarks(word_hits(found, rules.word_list), rules.word_list)
    remarks += agreeing
    return tuple(found), stats, tuple(remarks)


@lru_cache(maxsize=1024)
def _review_line(line: str, rules: _Rules) -> tuple[tuple[Sentence, ...], tuple[Remark, ...],
                                                   tuple[Remark, ...], WordHits]:
    """One line's sentences (offsets within the line), its passive and agreement remarks and the word
    list's hits: what _review_part adds up for the lines of a part."""
    found = sentences(line)
    passive: list[Remark] = []
    agreeing: list[Remark] = []
    hits: dict[int, list] = {}
    for sentence in found:  # a line that holds a spec's own value has sentences that do not
        sentence_passive, sentence_agreeing, sentence_hits = _review_sentence(sentence.text, rules)
        passive += sentence_passive
        agreeing += sentence_agreeing
        _add_hits(hits, sentence_hits)
    return tuple(found), tuple(passive), tuple(agreeing), tuple(tuple(hit) for _, hit in sorted(hits.items()))


@lru_cache(maxsize=1024)
def _review_sentence(text: str, rules: _Rules) -> tuple[tuple[Remark, ...], tuple[Remark, ...], WordHits]:
    """One sentence's passive and agreement remarks and word-list hits (the rules read a sentence's text only)."""
    found = [Sentence(text, 0, ())]
    return (tuple(passive_without_agent(found)) if "passive-no-agent" in rules.on else (),
            tuple(agreement(found)) if "agreement-error" in rules.on else (),
            word_hits(found, rules.word_list) if "plain-word" in rules.on and rules.words_by_line else ())


def _add_hits(hits: dict[int, list], more: WordHits) -> None:
    """The word list's hits of a text, then of the text after it: the first place kept, the counts added."""
    for index, sentence, match, count in more:
        if index in hits:
            hits[index][3] += count
        else:
            hits[index] = [index, sentence, match, count]


def _moved(sentence: Sentence, offset: int) -> Sentence:
    """The sentence with its offset in the part rather than in its line; its long words counted once."""
    moved = Sentence(sentence.text, sentence.start + offset, sentence.words)
    moved.__dict__["long_words"] = sentence.long_words  # functools.cached_property's own slot
    return moved


def _spelling(measured, speller: Speller) -> list[Note]:
    """One note per unknown word and document, at its first sentence."""
    seen: set[str] = set()
    notes: list[Note] = []
    candidates = {w for part, _ in measured for w in checkable(f"{part.text}\n{part.other}")}
    # one call; a known word (a name) is never judged. `wrong` is what speller.misspelled(text) would
    # keep of each text (neither known nor in the dictionary), judged once for the document.
    wrong = speller.unknown({w for w in candidates if not speller.is_known(w)})
    if not wrong:
        return notes  # most documents: no word to look for part by part
    for part, _ in measured:
        text = f"{part.text}\n{part.other}"
        for word in [w for w in dict.fromkeys(checkable(text)) if w in wrong]:
            if word.lower() in seen:
                continue
            seen.add(word.lower())
            sentence = next((s.text for s in sentences(text) if word in s.text), part.text)
            notes.append(Note(part, Remark("spelling", f"\"{word}\" finns inte i den svenska ordlistan; kontrollera "
                                           "stavningen, eller lägg ordet i projektets ordlista (klarsprak.yaml, ord:).",
                                           sentence, True)))
    return notes


def spell_ahead(documents: list[Document], library_root=None, known: set[str] | frozenset[str] = frozenset()) -> None:
    """Ask hunspell about the words of all of a spec's documents in one call, before the checks ask
    document by document: each call loads the Swedish dictionary again (about 80 ms of CPU), each word
    costs next to nothing. The verdicts are remembered (spelling._JUDGED), so the checks ask nothing;
    `known` words (the spec's names, the word lists) are never asked about, so a batch of specs that
    differ in their names asks hunspell about little after the first."""
    from drafter.language import spelling
    from drafter.language.settings import load_settings

    settings = load_settings(library_root)
    if not documents or not spelling.available() or not settings.on("spelling"):
        return
    speller = Speller(set(known) | settings.words)
    candidates = {w for doc in documents for part in parts(doc) for w in checkable(f"{part.text}\n{part.other}")}
    speller.unknown({w for w in candidates if not speller.is_known(w)})  # each word judged once, not per use
