import datetime as dt

import pytest

from drafter.clauses.library import ClauseLibrary
from drafter.clauses.render import render_clause
from drafter.errors import DrafterError
from drafter.readers.markdown import ClauseReader
from drafter.model.text import block_lines
from clauses.test_library import write_version


def rendered_text(tmp_path, body, context):
    write_version(tmp_path, "t/x", 1, "fastställd", body)
    clause = ClauseLibrary(tmp_path).get("t/x")
    blocks, _ = ClauseReader({}).read(render_clause(clause, context))
    return "\n".join(line for b in blocks for line in block_lines(b))


def test_filters_give_swedish_dates_and_amounts(tmp_path):
    text = rendered_text(tmp_path, "Från den {{ start | datum }}, totalt {{ total | kronor }}.\n",
                         {"start": dt.date(2026, 7, 1), "total": 1000000})
    assert text == "Från den 1 juli 2026, totalt 1\u00a0000\u00a0000\u00a0kr."


def test_data_is_never_template_source_nor_markup(tmp_path):
    name = "{{ 7*7 }} *Ös & Co* <b>\"AB\"</b> 'x' [länk](http://x) # rubrik"
    text = rendered_text(tmp_path, "Parten {{ name }} skriver under.\n", {"name": name})
    assert text == f"Parten {name} skriver under."


def test_conditionals_follow_the_data(tmp_path):
    body = "Start.{% if renewal %} Förlängs.{% endif %}\n"
    assert rendered_text(tmp_path, body, {"renewal": True}) == "Start. Förlängs."
    assert rendered_text(tmp_path, body, {"renewal": None}) == "Start."


def test_unknown_variable_names_clause_file_and_line(tmp_path):
    with pytest.raises(DrafterError) as caught:
        rendered_text(tmp_path, "Rad ett.\n\nRad tre {{ partner.namn }}.\n", {"partner": {"name": "X"}})
    err = caught.value
    assert "'namn'" in err.message and "t/x@1" in err.message
    assert err.where.file.endswith("t/x/v1.md")
    lines = (tmp_path / "t/x/v1.md").read_text().splitlines()
    assert "partner.namn" in lines[err.where.line - 1]


def test_sandbox_refuses_python_internals(tmp_path):
    with pytest.raises(DrafterError, match="Otillåten|kan inte"):
        rendered_text(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}\n", {})
