"""What a renewal carries over that only a person can confirm (trial 10): the tjänstepersoner who signed
the old tjänsteutlåtande, and other amounts that were true of the old period, with what to write."""

from __future__ import annotations

from test_renew import renewed


def todo_of(output: str) -> list[str]:
    return output.replace("\u00a0", " ").split("Att göra")[1].split("Att känna till")[0].splitlines()


def test_the_old_officials_are_to_confirm(tmp_path):
    spec, output = renewed(tmp_path)
    (line,) = [line for line in todo_of(output) if "proposal.officials" in line]
    assert "Veronica Carstorp Wolgast (Socialdirektör); Avdelningschef" in line
    assert "undertecknar det nya" in line
    number = int(line.split(":")[1])
    assert "Veronica Carstorp Wolgast" in spec.read_text(encoding="utf-8").splitlines()[number - 1]


AMOUNTS = ("other_amounts:\n"
           "  stadning: {amount: 35000, per: år, kind: annat, item: Städning}\n"
           "  egen_insats: {amount: 200000, kind: egen insats}\n"
           "  start_halvar: {amount: 300000, kind: delperiod}\n")


def test_other_amounts_say_what_to_write(tmp_path):
    spec, output = renewed(tmp_path, lambda text: text.replace("\noutline:", "\n" + AMOUNTS + "outline:", 1))
    lines = {name: line for line in todo_of(output) for name in ("stadning", "egen_insats", "start_halvar")
             if f"beloppet {name} " in line}
    assert "med per: år gäller det för varje år av den nya perioden" in lines["stadning"]
    assert "skriv det nya under amount:" in lines["stadning"] and '"stadning: 35 000 kr per år"' in lines["stadning"]
    assert "beloppet för hela den nya perioden" in lines["egen_insats"]
    assert "(eller per: år och årsbeloppet)" in lines["egen_insats"]
    assert "delperiods belopp" in lines["start_halvar"]
    for line in lines.values():
        assert "ange det för den nya perioden eller ta bort det" not in line
        assert "ta bort other_amounts." in line
