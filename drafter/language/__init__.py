"""Klarspråk and spelling: readability (LIX, sentence length) and language rules for Swedish legal prose.

`measure(text)` gives a text's figures; `measure_clause(body)` those of a clause body as a reader meets
it; `review_document(doc, settings)` every rule over an assembled document (drafter.checks.language
turns its notes into findings). See docs/klarsprak.md.
"""

from drafter.language.measure import LONG_SENTENCE, Stats, measure, measure_clause

__all__ = ["LONG_SENTENCE", "Stats", "measure", "measure_clause"]
