"""Renewing an agreement that "löper därefter tills vidare" (trial 10): it does not end with its period, so
`drafter renew` will not guess when the new one starts, and `drafter check` keeps renewal-ending until the
new spec records how the old one was ended (renews_ended_by:): two agreements in force means paying twice."""

from __future__ import annotations

import datetime as dt
import json

import yaml

from test_renew_old_wording import old_agreement, run


def codes_of(spec, clauses, code):
    checked = run("check", spec, "--clauses", clauses, "--format", "json")
    return [f for f in json.loads(checked.output)["findings"] if f["code"] == code]


def test_renew_without_start_is_refused_and_says_why(tmp_path):
    spec, clauses = old_agreement(tmp_path)  # period 2023-07-01 – 2024-06-30, then tills vidare
    result = run("renew", spec, "new", "--end", "2028-12-31", "--clauses", clauses)
    assert result.exit_code == 2, result.output
    said = result.output.replace("\u00a0", " ")
    assert "old.yaml löper enligt sin text tills vidare" in said
    assert "upphör inte av sig själv 30 juni 2024" in said and "betalar två gånger" in said
    assert "1 juli 2024, har dessutom redan varit" in said
    assert "--start ÅÅÅÅ-MM-DD" in said and "Traceback" not in said
    assert not (spec.parent / "new.yaml").exists()


def test_check_keeps_the_ending_until_the_spec_records_it(tmp_path):
    spec, clauses = old_agreement(tmp_path)
    assert run("renew", spec, "new", "--start", "2027-01-01", "--end", "2028-12-31",
               "--clauses", clauses).exit_code == 0
    new = spec.parent / "new.yaml"
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    data["document"]["date"] = "2026-12-01"
    data["proposal"]["date"] = "2026-11-10"
    new.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (found,) = codes_of(new, clauses, "renewal-ending")
    assert found["severity"] == "warning" and "renews_ended_by" in found["message"]
    assert "31 december 2026" in found["message"].replace("\u00a0", " ")
    assert found["where"].endswith(":2")  # renews_ends:, written under renews:

    data["document"]["status"] = "slutlig"
    new.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (found,) = codes_of(new, clauses, "renewal-ending")
    assert found["severity"] == "error"

    data["renews_ended_by"] = {"how": "uppsägning", "date": "2027-01-15"}  # after the day it was to end
    new.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (found,) = codes_of(new, clauses, "renewal-ending")
    assert "ligger efter" in found["message"]

    data["renews_ended_by"] = {"how": "uppsägning", "date": "2026-06-15"}
    new.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (found,) = codes_of(new, clauses, "renewal-ending")  # recorded, but the nämnd is not told
    assert "tjänsteutlåtandet säger det inte" in found["message"] and found["document"] == "proposal"
    assert "{{ renews_ended_by.date | datum }}" in found["message"]

    # the sentence the finding proposes, in a clause of the tjänsteutlåtande: said, and rendered from the spec
    clause = clauses / "street-minds" / "upphor"
    clause.mkdir()
    (clause / "v1.md").write_text(
        "---\nheading: Den förra överenskommelsen\nversion: 1\nstatus: granskad\nrationale: Test.\n"
        "partnership: street-minds\n---\nDen nuvarande överenskommelsen sades upp "
        "{{ renews_ended_by.date | datum }} och upphör {{ renews_ends | datum }}.\n", encoding="utf-8")
    data["proposal"]["outline"].append("street-minds/upphor@1")
    new.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert codes_of(new, clauses, "renewal-ending") == []
    data["document"]["status"] = "utkast"
    data["outline"] = [item for item in data["outline"] if "street-minds/underskrift" not in str(item)]  # old line
    new.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    built = run("build", new, "--clauses", clauses, "--output", out, "--format", "docx")
    assert built.exit_code in (0, 1), built.output
    import docx

    docs = sorted(out.rglob("*.docx"))
    assert docs, built.output
    (proposal,) = [p for p in docs if "tjanst" in p.name] or [docs]
    text = "\n".join(p.text for p in docx.Document(str(proposal)).paragraphs).replace("\u00a0", " ")
    assert "sades upp 15 juni 2026 och upphör 31 december 2026" in text


def test_start_the_day_after_the_period_still_needs_the_ending(tmp_path):
    spec, clauses = old_agreement(tmp_path)
    result = run("renew", spec, "new", "--start", "2024-07-01", "--end", "2025-06-30", "--clauses", clauses)
    assert result.exit_code == 0, result.output
    todo = result.output.split("Att göra")[1].split("Att känna till")[0]
    assert "löper enligt sin text tills vidare" in todo.splitlines()[1] and "renews_ended_by" in todo
    assert "renews_ends" not in yaml.safe_load((spec.parent / "new.yaml").read_text(encoding="utf-8"))
    (found,) = codes_of(spec.parent / "new.yaml", clauses, "renewal-ending")
    assert "30 juni 2024" in found["message"].replace("\u00a0", " ")


def test_an_agreement_that_ends_with_its_period_needs_no_record(tmp_path):
    spec, clauses = old_agreement(tmp_path, giltighet="Denna överenskommelse gäller till och med "
                                                      "{{ period.end | datum }}.")
    result = run("renew", spec, "new", "--end", "2026-06-30", "--clauses", clauses)
    assert result.exit_code == 0, result.output
    assert codes_of(spec.parent / "new.yaml", clauses, "renewal-ending") == []


def test_renew_writes_how_the_old_agreement_ended(tmp_path):
    """`drafter renew --ended-how … --ended-date …` (and the web page's Förnya form, tests/web/test_renew_ended.py):
    the new spec records the ending, so renewal-ending no longer says the spec lacks it, only that the
    tjänsteutlåtande must say it; the renewal's to-do says the same."""
    spec, clauses = old_agreement(tmp_path)
    result = run("renew", spec, "new", "--start", "2027-01-01", "--end", "2028-12-31", "--clauses", clauses,
                 "--ended-how", "uppsägning", "--ended-date", "2026-06-15", "--ended-by", "socialnämnden",
                 "--ended-diarienummer", "SN 2026/311")
    assert result.exit_code == 0, result.output
    new = spec.parent / "new.yaml"
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert data["renews_ended_by"] == {"how": "uppsägning", "date": dt.date(2026, 6, 15), "by": "socialnämnden",
                                       "diarienummer": "SN 2026/311"}
    assert list(data)[:3] == ["renews", "renews_ends", "renews_ended_by"]
    todo = result.output.replace("\u00a0", " ").split("Att göra")[1].split("Att känna till")[0]
    first = todo.splitlines()[1]
    assert "sades upp 15 juni 2026 (socialnämnden, SN 2026/311) och upphör 31 december 2026" in first
    assert "Skriv i tjänsteutlåtandet" in first and "{{ renews_ended_by.date | datum }}" in first
    assert first.strip().startswith(f"{new.as_posix()}:{new.read_text(encoding='utf-8').splitlines().index('renews_ended_by:') + 1}:")
    (found,) = codes_of(new, clauses, "renewal-ending")
    assert "tjänsteutlåtandet säger det inte" in found["message"] and "Specen säger inte" not in found["message"]

    result = run("renew", spec, "other", "--start", "2027-01-01", "--end", "2028-12-31", "--clauses", clauses,
                 "--ended-how", "överenskommelse", "--ended-date", "2026-11-30")
    assert result.exit_code == 0, result.output
    written = yaml.safe_load((spec.parent / "other.yaml").read_text(encoding="utf-8"))["renews_ended_by"]
    assert written == {"how": "överenskommelse", "date": dt.date(2026, 11, 30)}


def test_renew_refuses_an_ending_it_cannot_record(tmp_path):
    spec, clauses = old_agreement(tmp_path)
    for given, said in [(["--ended-how", "uppsägning"], "Ange dagen då uppsägningen lämnades"),
                        (["--ended-date", "2026-06-15"], "Ange hur den gamla överenskommelsen upphör"),
                        (["--ended-by", "socialnämnden"], "Ange hur den gamla överenskommelsen upphör"),
                        (["--ended-how", "avslut", "--ended-date", "2026-06-15"], "'avslut' är inget sätt"),
                        (["--ended-how", "uppsägning", "--ended-date", "2026-06-31"], "'2026-06-31' är inget datum"),
                        (["--ended-how", "uppsägning", "--ended-date", "2027-01-01"],
                         "renews_ended_by.date, 1 januari 2027, ligger efter den dag den förra överenskommelsen "
                         "(old.yaml) ska ha upphört, 31 december 2026")]:
        result = run("renew", spec, "new", "--start", "2027-01-01", "--end", "2028-12-31", "--clauses", clauses, *given)
        assert result.exit_code == 2, (given, result.output)
        assert said in result.output.replace("\u00a0", " ") and "Traceback" not in result.output
        assert not (spec.parent / "new.yaml").exists()


def test_an_ending_given_to_the_renewal_is_not_asked_for_again(tmp_path):
    """Trial 13: an agreement extended unless sagt upp, renewed with how and when it was sagt upp: the first
    to-do said "Skriv sedan hur och när den sades upp under renews:" although renews_ended_by was written."""
    import shutil

    from helpers import CLAUSES, EXAMPLE

    agreements = tmp_path / "agreements"
    agreements.mkdir()
    spec = agreements / "old.yaml"
    shutil.copy(EXAMPLE.parent / "street-minds-2023.yaml", spec)  # 2023-07-01 – 2024-06-30, extended by halvår
    clauses = tmp_path / "clauses"  # the renewal writes drafts into the library: a copy
    shutil.copytree(CLAUSES, clauses)
    result = run("renew", spec, "new", "--start", "2026-01-01", "--end", "2027-12-31", "--clauses", clauses,
                 "--ended-how", "uppsägning", "--ended-date", "2025-06-01", "--ended-by", "socialnämnden")
    assert result.exit_code == 0, result.output
    new = spec.parent / "new.yaml"
    assert yaml.safe_load(new.read_text(encoding="utf-8"))["renews_ends"] == dt.date(2025, 12, 31)
    todo = result.output.replace("\u00a0", " ").split("Att göra")[1].split("Att känna till")[0]
    first = todo.splitlines()[1]
    assert "Skriv sedan hur och när" not in todo and "ÅÅÅÅ-MM-DD" not in first
    assert "enligt renews_ended_by: sades upp 1 juni 2025 (socialnämnden) och upphör 31 december 2025 " \
        "(inskrivet i den nya specen)" in first
    assert "Skriv i tjänsteutlåtandet" in first
