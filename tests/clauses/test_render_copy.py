"""A clause text that neither calls nor loops reads the data as given, without the render's own copy:
the output and the spec fields noted as read (the provenance) are those of the copied path."""

import pytest

from drafter.assemble.context import clause_context, traced_context
from drafter.clauses import render
from drafter.clauses.library import ClauseLibrary
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE


def _rendered(version, spec, kind: str):
    used: list = []
    context = traced_context(clause_context(spec, kind), spec, used)
    try:
        text = render.render_clause(version, context)
    except Exception as exc:  # noqa: BLE001 (a clause of another partnership's data: the same error both ways)
        text = f"{type(exc).__name__}: {exc}"
    return text, used


def test_every_library_text_renders_the_same_with_and_without_the_copy(monkeypatch):
    library = ClauseLibrary(CLAUSES)
    spec = load_spec(EXAMPLE).spec
    versions = [v for clause in library.ids() for v in library.versions(clause) if "{" in v.body]
    uncopied = [v for v in versions if not render._may_change_or_loop(render._MARKDOWN_ENV, v.body)]
    assert len(uncopied) >= 20 and len(uncopied) < len(versions)  # both paths are taken
    as_decided = [_rendered(v, spec, kind) for v in versions for kind in ("agreement", "proposal")]
    monkeypatch.setattr(render, "_may_change_or_loop", lambda env, source: True)
    assert [_rendered(v, spec, kind) for v in versions for kind in ("agreement", "proposal")] == as_decided
    assert any(used for _, used in as_decided)


@pytest.mark.parametrize("source, copied", [
    ("{{ partner.name }} och {{ budget.total | kronor }} (se avsnitt 3)", False),  # "(" in prose is no call
    ("{{ '(' ~ partner.name }}", False),  # nor in a string
    ("{{ ref('villkor/period') }}", True),
    ("{% for row in budget.rows %}{{ row.label }}{% endfor %}", True),
    ("{{ partners | map(attribute='name') | join(', ') }}", True),
    ("{% if partner.name %}{{ partner['name'] }}{% endif %}", False),
])
def test_what_needs_the_copy(source, copied):
    assert render._may_change_or_loop(render._MARKDOWN_ENV, source) is copied
