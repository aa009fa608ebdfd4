"""The per-process caches of pure work (a part's language review, a sentence's terms, a text's amounts
and placeholders) give exactly what the work done afresh gives: the findings of the examples and of
generated specs are compared with every cache emptied before each spec and with the caches warm from
all the others, and a document's review cold against warm."""

import sys
from pathlib import Path

import pytest

from drafter.assemble import assemble_documents
from drafter.checks import period_text, placeholder, prose_data, representatives
from drafter.clauses.library import ClauseLibrary
from drafter.language import review, spelling, terms
from drafter.language.settings import load_settings
from drafter.pipeline import check_spec
from drafter.readers import markdown
from drafter.spec.load import load_spec
from drafter.swedish import parse
from helpers import CLAUSES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

CACHED = [review._review_part, review._review_line, review._review_sentence, terms._terms_in, terms._variant, parse._amounts_in,
          parse._amounts_in_line, placeholder._placeholders_in, placeholder._placeholders_in_line,
          spelling.checkable, spelling._checkable_line,
          markdown._tree, period_text._matches, representatives._said_in,
          prose_data._matches]


def _empty_caches() -> None:
    for cached in CACHED:
        cached.cache_clear()


def _said(spec: Path) -> list[tuple]:
    return [(f.code, f.severity, f.message, f.where, f.document)
            for f in check_spec(load_spec(spec), ClauseLibrary(CLAUSES))]


@pytest.fixture(scope="module")
def specs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("generated")
    generated = generate(3, folder / "plain") + generate(3, folder / "varied", seed=7, varied=True)
    return [ROOT / "agreements" / "street-minds-2023.yaml", ROOT / "agreements" / "street-minds-2026.yaml",
            *generated]


def test_findings_with_warm_caches_are_those_of_empty_ones(specs):
    cold = {}
    for spec in specs:
        _empty_caches()
        cold[spec] = _said(spec)
    for spec in [*specs, *specs]:  # warm: each spec after all the others, twice
        assert _said(spec) == cold[spec], spec
    assert parse._amounts_in.cache_info().hits and review._review_part.cache_info().hits
    assert any(cold.values())  # the specs do have findings to compare


def test_a_documents_review_is_the_same_cold_and_warm(specs):
    settings = load_settings(CLAUSES)
    for spec in specs[1:4]:
        loaded = load_spec(spec)
        documents = assemble_documents(loaded, ClauseLibrary(CLAUSES))
        for doc in documents:
            _empty_caches()
            cold = review.review_document(doc, settings, None, ("Street Minds",))
            warm = review.review_document(doc, settings, None, ("Street Minds",))
            assert warm == cold
            assert cold.notes and cold.stats.words > 100


def _part_afresh(text: str, heading: str, limit: float, decision: bool, rules) -> tuple:
    """A part's review over the whole part at once, as it was before the lines were kept: the rules run
    on all the part's sentences (drafter.language.rules), nothing cached."""
    from drafter.language.measure import stats_of
    from drafter.language.rules import Remark, agreement, long_sentences, passive_without_agent, plain_words
    from drafter.language.text import sentences

    found = sentences(text)
    stats = stats_of(found, rules.long_sentence)
    remarks = []
    if "lix" in rules.on and heading and stats.words >= rules.min_words and stats.lix > limit:
        hardest = max(found, key=lambda s: len(s.words) + s.long_words)
        remarks.append(Remark("lix", f"Avsnittet \"{heading}\" har LIX {stats.lix:.0f} ({stats.level}); "
                              f"gränsen är {limit:.0f}. Svårast är meningen", hardest.text))
    if "long-sentence" in rules.on:
        remarks += long_sentences(found, rules.decision_sentence if decision else rules.long_sentence)
    if "passive-no-agent" in rules.on:
        remarks += passive_without_agent(found)
    if "plain-word" in rules.on:
        remarks += plain_words(found, rules.word_list)
    if "agreement-error" in rules.on:
        remarks += agreement(found)
    return tuple(found), stats, tuple(remarks)


def test_a_parts_review_from_its_lines_is_the_whole_parts(specs):
    """Every part of the examples and the generated specs, and texts made to test the adding up (a word
    of the list on several lines, the same line twice): the review put together from the lines' is the
    review of the whole part, sentence offsets and long-word counts included, cold and warm."""
    from drafter.language.document import parts

    settings = load_settings(CLAUSES)
    rules = review._rules(settings)
    texts = [(p.text, p.heading, settings.lix_limit(p.top), p.decision)
             for spec in specs for doc in assemble_documents(load_spec(spec), ClauseLibrary(CLAUSES))
             for p in parts(doc)]
    line = "Föreningen ska i enlighet med avtalet erhålla medel, och medlen ska redovisas, i enlighet med beslut."
    texts += [(f"{line}\n\n- {line}\n{line} Ett annan fel. IOPs beslut.", "Rubrik", 30.0, False),
              ("Kort.\n\nFlera åtagande ska uppfyllas.", "", 40.0, True)]
    compared = remarked = 0
    for round_ in range(2):
        _empty_caches() if round_ == 0 else None
        for text, heading, limit, decision in texts:
            afresh = _part_afresh(text, heading, limit, decision, rules)
            got = review._review_part(text, heading, limit, decision, rules)
            assert got == afresh, text[:80]
            assert [s.long_words for s in got[0]] == [s.long_words for s in afresh[0]]
            compared += 1
            remarked += bool(got[2])
    assert review._review_line.cache_info().hits and remarked > 20 and compared > 200
    assert any("gånger i avsnittet" in r.message for t in texts[-2:]
               for r in review._review_part(*t[:4], rules)[2])


def test_the_settings_content_keys_the_part_review():
    """Two settings of equal content share entries; a changed threshold is another entry, not a stale one."""
    a, b = load_settings(CLAUSES), load_settings(CLAUSES)
    assert review._rules(a) is review._rules(b)
    b.long_sentence = 5
    _empty_caches()
    text = "Föreningen ska varje år lämna en skriftlig redovisning av verksamheten till förvaltningen."
    assert not review._review_part(text, "Rubrik", 50.0, False, review._rules(a))[2]
    (remark,) = review._review_part(text, "Rubrik", 50.0, False, review._rules(b))[2]
    assert remark.code == "long-sentence"


def _in_threads(work, threads: int = 8) -> list[BaseException]:
    """Run work(i) in several threads at once, as `drafter serve` checks requests; the errors raised."""
    import threading

    errors: list[BaseException] = []
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns often, as a busy server's do

    def run(i: int) -> None:
        try:
            work(i)
        except BaseException as exc:  # noqa: BLE001 (collected for the assertion)
            errors.append(exc)

    started = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    sys.setswitchinterval(switch)
    return errors


def test_the_review_rules_hold_when_threads_ask_for_many_settings_at_once(monkeypatch):
    """More settings than the cache keeps, asked from several threads: each gets its own rules."""
    from drafter.language.settings import Settings

    review._rules_of.cache_clear()
    settings = [Settings(long_sentence=5 + n) for n in range(200)]  # the word list makes the key slow to hash

    def work(i: int) -> None:
        for round_ in range(1500):
            wanted = settings[(i * 7 + round_) % len(settings)]
            assert review._rules(wanted).long_sentence == wanted.long_sentence

    assert _in_threads(work) == []


def test_a_renewed_spec_is_read_right_when_threads_read_many_at_once(tmp_path, monkeypatch):
    """More renewed specs than the cache keeps, read from several threads: no lost entry, no KeyError."""
    from drafter.spec import renewed

    renewed._load.cache_clear()
    example = (ROOT / "agreements" / "street-minds-2023.yaml").read_text(encoding="utf-8")
    loaded = []
    for n in range(12):  # each renews its own copy of the 2023 spec, with its own name
        (tmp_path / f"old-{n}.yaml").write_text(example.replace("Street Minds", f"Förening {n}"), encoding="utf-8")
        spec = load_spec(ROOT / "agreements" / "street-minds-2026.yaml")
        spec.spec.renews = f"old-{n}.yaml"
        spec.path = tmp_path / f"new-{n}.yaml"
        loaded.append(spec)

    def work(i: int) -> None:
        for round_ in range(24):
            n = (i * 5 + round_) % len(loaded)
            assert f"Förening {n}" in [p.name for p in renewed.load_renewed(loaded[n]).spec.parties]

    assert _in_threads(work, threads=6) == []


def test_a_names_variant_is_found_as_by_keying_every_run_of_words():
    """terms._variant keys each token once; what it finds is what keying every run of words finds."""
    import random
    import re

    def every_run(name: str, text: str) -> str | None:
        key, n = terms._key(name), len(name.split())
        tokens = re.findall(r"[\w-]+", text)
        spans = (" ".join(tokens[j:j + size]) for size in {max(1, n - 1), n, n + 1}
                 for j in range(len(tokens) - size + 1))
        return next((c for c in spans if terms._key(c) == key and c.lower() != name.lower()), None)

    rng = random.Random(3)
    words = "Street Minds street-minds STREET KFUM kfum:s Stockholm Gatans Vänner förening 7 och ska - A B C".split()
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    names = ["Street Minds", "KFUM Stockholm", "Gatans Vänner förening 7", "Stockholm", "A B C"]
    found = [(name, text, every_run(name, text)) for name in names for text in texts]
    assert [terms._variant.__wrapped__(name, text) for name, text, _ in found] == [f for _, _, f in found]
    assert sum(f is not None for _, _, f in found) > 500


def test_amounts_and_placeholders_found_line_by_line_are_those_of_the_whole_text(specs):
    """parse._amounts_in, placeholder._placeholders_in and spelling.checkable put a text's findings together from its lines':
    the same as running the patterns over the whole text, on every piece of the examples and generated
    specs and on texts made to sit at the lines' edges."""
    from drafter.checks.context import CheckContext
    from drafter.swedish.parse import AMOUNT_ANY

    def amounts_whole(text: str) -> tuple:
        with_lines = parse._amounts_in_line.__wrapped__(text)  # the rule itself, over the whole text at once
        return tuple((a.value, a.written, a.start, a.end, a.per) for a in with_lines)

    def placeholders_whole(text: str) -> tuple:
        return tuple((what, m.group(0).strip(), m.start(), m.end()) for pattern, what in placeholder.PATTERNS
                     for m in pattern.finditer(text))

    texts = []
    for spec in specs:
        loaded = load_spec(spec)
        library = ClauseLibrary(CLAUSES)
        ctx = CheckContext(loaded, library, assemble_documents(loaded, library))
        texts += [piece.text for piece in ctx.pieces]
    texts += ["1 000 kr\n2 000 kr per år\ntvå miljoner kronor\n500 tkr\n", "xxx\n[namn]\nden / 2026\nNN\n{{ x }}\n",
              "\n\nTODO\n 5 000 kr i bidrag\n  / 2027\n____\n....\nÅÅÅÅ-MM-DD", "kr\n1\nkr 12,50 kr\n"]
    assert sum(bool(AMOUNT_ANY.search(t)) for t in texts) > 20
    for round_ in range(2):
        _empty_caches() if round_ == 0 else None
        for text in texts:
            assert tuple((a.value, a.written, a.start, a.end, a.per) for a in parse._amounts_in(text)) == \
                amounts_whole(text), text[:80]
            assert placeholder._placeholders_in(text) == placeholders_whole(text), text[:80]
    assert sum(bool(placeholders_whole(t)) for t in texts) >= 2
    texts += ["Se www.exempel.se/sida\noch skriv till info@exempel.se.\nIOP-överenskommelse KFUM:s\n\nslut"]
    for text in texts:  # the spelling check's words, too
        assert spelling.checkable(text) == spelling._checkable_line.__wrapped__(text), text[:80]


def test_a_word_list_pattern_that_could_see_past_a_sentence_is_searched_over_the_whole_part():
    """A project's own word list may hold any expression: one that asks for the start of the text (^), or
    for what is not after a word (?!\\s), finds other things in a line than in the whole part, so the
    review searches the whole part for it, as before the lines were kept. Either way the review is the
    one of the whole part."""
    from drafter.language.rules import entry, sees_no_line_break

    settings = load_settings(CLAUSES)
    standard = list(settings.word_list)
    assert all(sees_no_line_break(e.pattern) for e in standard)  # the standard list is reviewed by lines
    texts = ["Inledning.\nskall göras av föreningen.\nOch skall.", "skall\nInledning skall", "Ord x\nx ord. Ord\nord",
             "Föreningen ska erhålla medel.\nMedlen ska erhållas i tid, skall."]
    for expression, safe in [("^skall", False), ("skall$", False), (r"ord(?!\s)", False), (r"(?<![\w\s])ord", False),
                             ("(?>ord )x", False), ("(?<![\x01-z])ord", False), (r"(?<![\w:-])skall(?![\w:-])", True),
                             (r"ord\s+x", True),
                             ("(?i)ord", True)]:
        extra = entry({"uttryck": expression, "skriv": "ett annat ord"})
        assert sees_no_line_break(extra.pattern) is safe, expression
        settings.word_list = [*standard, extra]
        rules = review._rules(settings)
        assert rules.words_by_line is safe
        _empty_caches()
        for text in texts:
            assert review._review_part(text, "Rubrik", 40.0, False, rules) == \
                _part_afresh(text, "Rubrik", 40.0, False, rules), (expression, text)
    settings.word_list = [*standard, entry({"uttryck": "^skall", "skriv": "först i texten"})]
    (remark,) = [r for r in review._review_part(texts[1], "", 40.0, False, review._rules(settings))[2]
                 if "först i texten" in r.message]
    assert remark.sentence == "skall" and "gånger" not in remark.message  # the text's start, once


def test_what_a_pattern_judged_blind_to_line_breaks_finds_alone_it_finds_in_context():
    """rules.sees_no_line_break's promise, tried: each match of such a pattern in a sentence alone is
    found again with other sentences around it, joined by line breaks."""
    import random
    import re

    from drafter.language.rules import sees_no_line_break

    expressions = [r"(?<![\w:-])skall(?![\w:-])", r"\bså som\b(?= t\.? ?ex|\s+[a-zåäö]+(?:,| och))", r"äga\s+rum",
                   r"(?<![a-z])ord(?!-)", r"[a-z]+ning\b", r"x\.y", r"(?=ord)o", r"(?<!\d)\d{2}(?!\d)"]
    rng = random.Random(5)
    words = ["skall", "så", "som", "t.ex.", "äga", "rum", "ord", "-ord", "ordning", "x.y", "12", "123", ",", "och"]
    for expression in expressions:
        pattern = re.compile(expression, re.IGNORECASE)
        assert sees_no_line_break(pattern), expression
        for _ in range(400):
            sentences = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(3)]
            whole = "\n".join(sentences)
            for sentence in sentences:
                if pattern.search(sentence):
                    assert pattern.search(whole), (expression, sentence, whole)


def test_line_by_line_equals_the_whole_text_on_random_texts_with_every_kind_of_line_end():
    """Seeded random texts of what sits at a line's edge: CR LF, a lone CR, U+2028 (neither splits a line
    for these functions), no-break spaces, an amount or a placeholder broken over a line, a passive whose
    agent is on the next line, a list label, an address. Amounts, placeholders, the spelling check's words
    and the part review (with project expressions judged either way) are those of the whole text."""
    import random

    from drafter.language.rules import entry

    tokens = ["1", "000", "1 000", "200 000", "kr", "kronor", "tkr", ":-", "per", "år", "halvår", "i", "två",
              "miljoner", "och", "en", "halv", "\n", "\n", "\r", "\r\n", "\u2028", " ", " ", "\u00a0", "\u202f", "[",
              "]", "Skriv", "här", "xxx", "TODO", "den", "/", "2026", "____", "....", "{{", "NN", "ÅÅÅÅ", "skall",
              "ska", "lämnas", "av", "föreningen", ".", ",", ":", "?", "-", "t.ex.", "erhålla", "så", "som", "barn",
              "äger", "rum", "alla", "åtagande", "ett", "annan", "IOPs", "KFUM:s", "info@asby.se", "www.asby.se",
              "- ", "1. ", "# ", "|", "\t", "inte", "bidrag"]
    projects = [[], [{"uttryck": "^skall", "skriv": "ska"}], [{"uttryck": r"lämnas(?!\s+av)", "skriv": "lämnar"}],
                [{"uttryck": "(?<!inte )erhålla", "skriv": "få"}], [{"ord": ["äga rum", "ska lämnas"], "skriv": "x"}]]
    settings = load_settings(CLAUSES)
    standard = list(settings.word_list)
    rules = []
    for extra in projects:
        settings.word_list = [*standard, *(entry(e) for e in extra)]
        rules.append(review._rules(settings))
    assert [r.words_by_line for r in rules] == [True, False, False, True, True]
    rng = random.Random(11)
    _empty_caches()
    stated = 0
    for n in range(1500):
        text = "".join(rng.choice(tokens) + rng.choice(["", " "]) for _ in range(rng.randrange(1, 50)))
        assert parse._amounts_in(text) == parse._amounts_in_line.__wrapped__(text), repr(text)
        assert placeholder._placeholders_in(text) == tuple(
            found for per_pattern in placeholder._placeholders_in_line.__wrapped__(text) for found in per_pattern), repr(text)
        assert spelling.checkable(text) == spelling._checkable_line.__wrapped__(text), repr(text)
        part_rules = rules[n % len(rules)]
        assert review._review_part(text, "Rubrik", 40.0, False, part_rules) == \
            _part_afresh(text, "Rubrik", 40.0, False, part_rules), repr(text)
        stated += bool(parse._amounts_in(text)) and "\n" in text
    assert stated > 50  # the texts do hold amounts beside line breaks
