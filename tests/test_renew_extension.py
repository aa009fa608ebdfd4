"""The renewed agreement's extension option (trial 12): `drafter renew` moved Aros Seniorträff's max_end from
31 December 2031 to 31 December 2033 and said nothing — it showed only in `drafter compare`. The option is a
term the nämnd decides on, so the renew report lists it under Att göra."""

from __future__ import annotations

import datetime as dt

import yaml

from checks.aros import OLD, renewed, run


def test_the_computed_max_end_is_a_todo_with_where_it_came_from(tmp_path):
    spec, clauses = renewed(tmp_path)
    assert yaml.safe_load(spec.read_text(encoding="utf-8"))["period"]["renewal"]["max_end"] == dt.date(2033, 12, 31)
    again = run("renew", spec.with_name(OLD.name), "aros-b", "--start", "2030-01-01", "--end", "2031-12-31",
                "--clauses", clauses)
    todo = again.output.split("Att göra")[1].split("Att känna till")[0].replace("\u00a0", " ")
    line = next(n for n, text in enumerate(spec.with_name("aros-b.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith("max_end:"))
    (said,) = [x for x in todo.splitlines() if "max_end: 2033-12-31" in x]
    assert f"aros-b.yaml:{line}:" in said
    assert "som längst till 31 december 2033" in said and "31 december 2031" in said and "24 månader" in said
    assert "ta bort period.renewal" in said
    assert "renews_ended_by:" in todo  # the notice to-do says what to write once it is given


def test_no_extension_to_confirm_when_the_old_agreement_had_none(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    data = yaml.safe_load(OLD.read_text(encoding="utf-8"))
    del data["period"]["renewal"]
    old = plain / "aros-utan.yaml"
    old.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    from helpers import CLAUSES

    result = run("renew", old, "aros-utan-2030", "--end", "2031-12-31", "--clauses", CLAUSES)
    assert result.exit_code == 0, result.output
    assert "max_end" not in result.output
