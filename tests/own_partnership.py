"""A partnership of our own, not the example: Läxhjälpen i Tensta with Spånga-Tensta stadsdelsnämnd, in
the shape `drafter new` gives (the standard outline iop-overenskommelse, the partnership's own texts as
sections with a key), and tillägg to it as an official writes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

NEW_LIST = ("Föreningen ska:\n\n- ge läxhjälp tre kvällar i veckan;\n- ordna studiedagar på loven;\n"
            "- ge läxhjälp på distans under sommaren.\n\nStadsdelsförvaltningen ska:\n\n"
            "- informera skolorna i området om läxhjälpen.\n")
EXTRA = ("Utöver bidraget enligt punkt 5.1 lämnar staden genom nämnden ett extra bidrag för "
         "sommarläxhjälpen. Det betalas ut i maj.")

SPEC: dict = {
    "document": {"subject": "Läxhjälp för barn och unga i Tensta", "date": dt.date(2026, 4, 20),
                 "place": "Stockholm", "diarienummer": "ST 2026/0301"},
    "parties": [
        {"name": "Stockholms stad", "sector": "offentlig", "kind": "kommun", "organisationsnummer": "212000-0142",
         "committee": "Spånga-Tensta stadsdelsnämnd", "administration": "Spånga-Tensta stadsdelsförvaltning",
         "signatory": {"name": "Anna Berg", "title": "stadsdelsdirektör",
                       "signs_for": "Spånga-Tensta stadsdelsnämnd i Stockholms stad"}},
        {"name": "Läxhjälpen i Tensta", "sector": "idéburen", "kind": "ideell förening",
         "organisationsnummer": "802501-0003", "signatory": {"name": "Omar Hassan", "title": "ordförande"}},
    ],
    "period": {"start": dt.date(2026, 6, 1), "end": dt.date(2028, 5, 31)},
    "budget": {"months": 12, "rows": [{"item": "Personal", "amount": 240000}, {"item": "Lokaler", "amount": 60000}]},
    "figures": {"egen_insats_text": "ideella läxhjälpare, de flesta studenter, och föreningens egna studiematerial"},
    "other_amounts": {"egen_insats": {"amount": 110000, "per": "år"}},
    "texts": {
        "bakgrund": "Läxhjälpen i Tensta har sedan 2021 gett läxhjälp i Tensta träff med ideella krafter.",
        "syfte-och-mal": "Syftet är att fler elever i Tensta ska klara skolan. Målet är läxhjälp tre kvällar i veckan.",
        "malgrupp": "Målgruppen är elever i årskurs 4–9 som bor eller går i skola i Tensta.",
        "ataganden": ("Föreningen ska:\n\n- ge läxhjälp tre kvällar i veckan;\n- ordna studiedagar på loven.\n\n"
                      "Stadsdelsförvaltningen ska:\n\n- informera skolorna i området om läxhjälpen.\n"),
        "statsstod-bedomning": ("Läxhjälpen är avgiftsfri och ges av ideella krafter till elever i Tensta. Parterna "
                                "bedömer därför att verksamheten inte är ekonomisk och att bidraget inte är statsstöd."),
    },
    "outline": {"standard": "iop-overenskommelse"},
}


def amendment(number: int, changes: list, date: str = "2027-02-10") -> dict:
    return {"number": number, "date": dt.date.fromisoformat(date), "effective": dt.date(2027, 3, 1),
            "decision": {"by": "Spånga-Tensta stadsdelsnämnd", "date": dt.date(2027, 2, 1), "paragraph": "§ 14"},
            "changes": changes}


def signed(folder, library, amendments: list) -> Path:
    """The partnership signed: slutlig, the nämnd's decision recorded, every clause version it uses
    fastställd for Spånga-Tensta stadsdelsnämnd (in the copy of the library `library`), the agreement
    locked; with `amendments` (tillägg written after the lock). Returns the spec's path."""
    import copy

    import yaml
    from click.testing import CliRunner

    from drafter.cli import main

    data = copy.deepcopy(SPEC)
    data["document"]["status"] = "slutlig"
    data["decision"] = {"by": "Spånga-Tensta stadsdelsnämnd", "date": dt.date(2026, 4, 14), "paragraph": "§ 9"}
    (folder / "agreements").mkdir(exist_ok=True)
    path = folder / "agreements" / "laxhjalp-tensta-2026.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def run(*args):
        result = CliRunner().invoke(main, [*map(str, args), "--clauses", str(library)], prog_name="drafter")
        assert result.exit_code == 0, result.output
        return result.output

    run("clauses", "approve", "--spec", path, "--av", "Spånga-Tensta stadsdelsnämnd", "--för", "Stockholms stad",
        "--datum", "2026-04-14", "--paragraf", "§ 9", "--ja", "--agreements", folder / "agreements")
    run("lock", path, "--document", "overenskommelse")
    data["amendments"] = amendments
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
