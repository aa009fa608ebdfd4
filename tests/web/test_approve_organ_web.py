"""The web page's two approve forms (the clause page's Fastställ and /spec/NAME/approve) refuse what
`drafter clauses approve` refuses (trial 14): a styrgrupp, a förvaltning or a person approves for no one;
an official on a nämnd's delegation, who says whose, does."""

from __future__ import annotations

import html

import pytest

from drafter.clauses.library import ClauseLibrary
from tests.web.conftest import TOKEN

SPEC = "street-minds-2026"
WAITING = "street-minds/tu-bakgrund@2"


def clause_files(project):
    return {p: p.read_bytes() for p in (project / "clauses").rglob("*") if p.is_file()}


@pytest.mark.parametrize("by", ["Styrgruppen för partnerskapet", "Socialförvaltningen", "Anna Svensson"])
def test_clause_page_refuses_a_body_that_is_not_an_organ(client, project, by):
    before = clause_files(project)
    answer = client.post("/clauses/approve", data={"csrf": TOKEN, "id": "street-minds/tu-bakgrund", "version": "2",
                                                   "by": by, "organisation": "Stockholms stad", "date": "2026-11-20"})
    page = html.unescape(answer.text)
    assert answer.status_code == 422, page
    assert f"{by} är inget organ i kommunen" in page
    assert "”Fastställd av”: Kommunfullmäktige i Stockholms stad" in page  # the form's words, an organ
    assert "--av" not in page
    assert clause_files(project) == before


@pytest.mark.parametrize("whole", [False, True])
def test_spec_page_refuses_a_styrgrupp_for_the_nämnd_and_for_the_whole_kommun(client, project, whole):
    before = clause_files(project)
    data = {"csrf": TOKEN, "ref": WAITING, "by": "Styrgruppen för partnerskapet", "date": "2026-11-20"}
    answer = client.post(f"/spec/{SPEC}/approve", data={**data, **({"scope": "whole"} if whole else {})})
    page = html.unescape(answer.text)
    assert answer.status_code == 422, page
    assert "Styrgruppen för partnerskapet är inget organ i kommunen" in page
    assert "Styrgruppen för partnerskapet i Stockholms stad" not in page
    assert clause_files(project) == before


def test_spec_page_takes_an_official_on_the_nämnds_delegation(client, project):
    by = "Socialdirektören på delegation av socialnämnden i Stockholms stad"
    answer = client.post(f"/spec/{SPEC}/approve", data={"csrf": TOKEN, "ref": WAITING, "by": by,
                                                        "date": "2026-11-20"})
    assert answer.status_code == 200, answer.text
    approval = ClauseLibrary(project / "clauses").get(WAITING).meta.all_approvals[-1]
    assert approval.by == by
    assert (approval.applies_to.organisation, approval.applies_to.committee) == ("Stockholms stad", "socialnämnden")
    assert f"fastställd av {by} 2026-11-20 för socialnämnden i Stockholms stad" in html.unescape(answer.text)


def test_clause_page_refuses_a_delegate_of_another_nämnd(client, project):
    before = clause_files(project)
    answer = client.post("/clauses/approve", data={
        "csrf": TOKEN, "id": "street-minds/tu-bakgrund", "version": "2", "organisation": "Stockholms stad",
        "committee": "socialnämnden", "by": "Kulturdirektören på delegation av kulturnämnden", "date": "2026-11-20"})
    assert answer.status_code == 422
    assert "kan inte fastställa för socialnämnden i Stockholms stad" in html.unescape(answer.text)
    assert clause_files(project) == before
