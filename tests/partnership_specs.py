"""Specs and clauses of two partnerships of our own (not the seeds), for the tests of `partnership:`:
Läxhjälpen i Järva (clauses/laxhjalp/) and Gatans Röst (clauses/gatans-rost/), each with a background
text that states its own facts; Läxhjälpen's activity text names the public party ({{ public.name }}),
so that a renewal that moves a förvaltning to its kommun drafts a new version of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from helpers import CLAUSES

BACKGROUND = {
    "laxhjalp/bakgrund": "Läxhjälpen startade 2024 i Rinkeby bibliotek och har i dag 35 frivilliga läxhjälpare.",
    "gatans-rost/bakgrund": "Gatans Röst ger sedan 2019 ut en tidning som säljs av personer i hemlöshet.",
    "laxhjalp/verksamhet": "Läxhjälpen tar emot elever tre kvällar i veckan i lokaler som {{ public.name }} "
                           "upplåter.",
}


HEADINGS = {"bakgrund": "Bakgrund", "verksamhet": "Verksamheten"}
KOMMUN = {"name": "Stockholms stad", "sector": "offentlig", "kind": "kommun", "organisationsnummer": "212000-0142",
          "committee": "Rinkeby-Kista stadsdelsnämnd",
          "signatory": {"name": "Eva Lind", "title": "stadsdelsdirektör"}}
# The public party as older specs wrote it: the förvaltning (a renewal moves it to the kommun).
FORVALTNING = {"name": "Rinkeby-Kista stadsdelsförvaltning", "sector": "offentlig", "kind": "stadsdelsförvaltning",
               "organisationsnummer": "212000-0142", "committee": "Rinkeby-Kista stadsdelsnämnd",
               "municipality": "Stockholms stad", "signatory": {"name": "Eva Lind", "title": "stadsdelsdirektör"}}


def library(tmp_path: Path) -> Path:
    """The shared library, plus the partnerships' own clauses (BACKGROUND), `P/…` with `partnership: P`."""
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES, root, ignore=shutil.ignore_patterns("street-minds"))
    for clause_id, body in BACKGROUND.items():
        owner, name = clause_id.split("/")
        folder = root / clause_id
        folder.mkdir(parents=True)
        front = {"heading": HEADINGS[name], "version": 1, "status": "fastställd",
                 "approval": {"by": "Socialnämnden", "date": "2026-05-01"}, "rationale": "Partnerskapets text.",
                 "partnership": owner}
        (folder / "v1.md").write_text("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
                                      + "---\n" + body + "\n", encoding="utf-8")
    return root


def spec(tmp_path: Path, name: str, partnership: str | None, clauses: list,
         association: str = "Läxhjälpen i Järva", public: dict = KOMMUN) -> Path:
    """A small spec of our own: a kommun (or `public`) and an association, eleven months, the given
    clauses and the shared signature clause; `partnership:` written when given, with a comment."""
    data: dict = {
        "document": {"subject": "Läxhjälp för barn i årskurs 4–9", "date": "2027-01-15", "place": "Stockholm"},
        "parties": [dict(public),
                    {"name": association, "sector": "idéburen", "kind": "ideell förening",
                     "organisationsnummer": "802524-2879", "signatory": {"name": "Amir Hassan", "title": "ordförande"}}],
        "period": {"start": "2027-02-01", "end": "2027-12-31"},
        "budget": {"months": 11, "rows": [{"item": "Samordnare", "amount": 300000}]},
        "outline": [*clauses, "signering/signering"],
    }
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if partnership is not None:
        text = f"partnership: {partnership}   # vår mapp i clauses/\n" + text
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path
