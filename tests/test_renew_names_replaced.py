"""A renewal names the agreement it replaces (trial14): inledning/fornyad-overenskommelse@3 in the agreement
and tjansteutlatande/giltighetstid@3 in the tjänsteutlåtande said "parternas tidigare överenskommelse" with
neither date nor diarienummer. They now take both from the renewed spec (`renews:`), shown on a partnership
`drafter new` wrote (Läxhjälpen Norr), not the example."""

from __future__ import annotations

import docx

from test_renew_first_period import partnership, renew, run


def paragraphs(path) -> list[str]:
    return [" ".join(p.text.split()) for p in docx.Document(str(path)).paragraphs]


def test_the_renewed_agreement_and_its_tjansteutlatande_name_the_old_agreement_by_date_and_dnr(tmp_path):
    spec = partnership(tmp_path)  # dated 4 January 2027, diarienummer SDN 2026/77
    assert renew(spec, "--start", "2028-01-01", "--months", "24").exit_code == 0
    new = spec.with_name("laxhjalpen-norr-2028.yaml")
    text = new.read_text(encoding="utf-8")
    # the agreement's clause comes by renew's swap; the tjänsteutlåtande's giltighetstid@3 by renew's swap or, as
    # here, with the outline `drafter new` now writes (iop-tjansteutlatande-facknamnd@5 already holds it)
    assert "inledning/fornyad-overenskommelse@3" in text
    assert "tjansteutlatande/giltighetstid@3" in text or "iop-tjansteutlatande-facknamnd@5" in text
    new.write_text(text.replace("ÅÅÅÅ-MM-DD", "2027-11-20"), encoding="utf-8")
    out = tmp_path / "output"
    built = run("build", new, "--format", "docx", "--output", out, "--clauses", tmp_path / "clauses")
    assert built.exit_code in (0, 1), built.output
    (agreement,) = out.rglob("laxhjalpen-norr-2028-overenskommelse.docx")
    (proposal,) = out.rglob("laxhjalpen-norr-2028-tjansteutlatande.docx")
    said = " ".join(paragraphs(agreement))
    assert ("Den ersätter från och med den 1 januari 2028 parternas tidigare överenskommelse daterad den 4 januari "
            "2027 (dnr SDN 2026/77), som upphör den 31 december 2027.") in said
    proposed = " ".join(paragraphs(proposal))
    assert ("ersätter från och med den 1 januari 2028 den nuvarande överenskommelsen mellan parterna, daterad den "
            "4 januari 2027 (dnr SDN 2026/77), som upphör den 31 december 2027.") in proposed


def test_the_clause_context_reads_the_renewed_spec_and_stays_whole_without_it(tmp_path):
    import datetime as dt

    from drafter.assemble.context import Renewed, clause_context
    from drafter.spec.load import load_spec

    spec = partnership(tmp_path)
    assert renew(spec, "--start", "2028-01-01", "--months", "24").exit_code == 0
    new = spec.with_name("laxhjalpen-norr-2028.yaml")
    new.write_text(new.read_text(encoding="utf-8").replace("ÅÅÅÅ-MM-DD", "2027-11-20"), encoding="utf-8")
    loaded = load_spec(new)
    assert clause_context(loaded.spec, "agreement", loaded)["renewed"] == Renewed(dt.date(2027, 1, 4), "SDN 2026/77")
    assert clause_context(loaded.spec, "agreement")["renewed"] is None  # no path: nothing to read it from
    spec.write_text(spec.read_text(encoding="utf-8").replace("date: 2027-01-04", "date: 2027-01-05"), encoding="utf-8")
    assert clause_context(loaded.spec, "agreement", loaded)["renewed"].date == dt.date(2027, 1, 5)  # read anew
    spec.unlink()  # gone: the renewal checks say so (the build stops); the text is then as before
    assert clause_context(loaded.spec, "agreement", loaded)["renewed"] is None
