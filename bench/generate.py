"""Generated agreements for the benchmark: variations of the two example specs.

Each spec gets its own association (name, organisationsnummer with a valid check digit, computed with
python-stdnum's Luhn), its own signatory, budget amounts, figures and dates (the whole agreement moved
by whole years, so periods, renewals and notice days still fit together). The 2026 variations renew
their own copy of the 2023 variation, written beside them, so `renews:` and the continuity check run
as in the example.

    python bench/generate.py N FOLDER     # writes FOLDER/iop-0001.yaml … and prints the paths
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import yaml
from stdnum import luhn
from stdnum.se import orgnr

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {year: ROOT / "agreements" / f"street-minds-{year}.yaml" for year in (2023, 2026)}

_FIRST = ["Gatans", "Stadens", "Nya", "Södra", "Norra", "Unga", "Öppna", "Trygga", "Gröna", "Kvarterets"]
_SECOND = ["Röster", "Vänner", "Hjärtan", "Händer", "Steg", "Broar", "Rum", "Vägar", "Ljus", "Möten"]
_FORM = ["förening", "ideell förening", "Stödförening", "Nätverk"]
_NAMES = ["Anna Lind", "Omar Haddad", "Maria Berg", "Jonas Ek", "Fatima Ali", "Erik Holm", "Sara Nyström"]


def valid_orgnr(rng: random.Random) -> str:
    """A ten-digit organisationsnummer for a non-profit (8xxxxx-xxxx) with its Luhn check digit."""
    # group 8 (ideella föreningar), the third digit 2 or more (less would make it a personnummer)
    body = "8" + str(rng.randrange(10)) + str(rng.randrange(2, 10)) + "".join(str(rng.randrange(10)) for _ in range(6))
    number = body + luhn.calc_check_digit(body)
    assert orgnr.is_valid(number), number
    return f"{number[:6]}-{number[6:]}"


def _shift(value, years: int):
    if isinstance(value, dt.date):
        try:
            return value.replace(year=value.year + years)
        except ValueError:  # 29 February
            return value.replace(year=value.year + years, day=28)
    if isinstance(value, dict):
        return {k: _shift(v, years) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, years) for v in value]
    return value


def _vary(data: dict, rng: random.Random, name: str, number: str, years: int) -> dict:
    data = _shift(data, years)
    partner = next(p for p in data["parties"] if p["sector"] == "idéburen")
    partner["name"] = name
    partner["organisationsnummer"] = number
    partner.setdefault("signatory", {})["name"] = rng.choice(_NAMES)
    for row in data["budget"]["rows"]:
        if row["amount"]:
            row["amount"] = int(round(row["amount"] * rng.uniform(0.5, 2.0), -3))
    for key, value in list(data.get("figures", {}).items()):
        if isinstance(value, int) and not isinstance(value, bool):
            data["figures"][key] = max(1, int(value * rng.uniform(0.6, 1.6)))
        elif isinstance(value, str) and value.startswith(("våren", "hösten")):
            data["figures"][key] = f"{value.split()[0]} {int(value.split()[1]) + years}"
    return data


def generate(n: int, folder: Path, seed: int = 2026) -> list[Path]:
    """n specs in `folder` (half of them 2026 renewals, each with its 2023 spec beside it, which is not
    counted); returns the paths of the n specs to build."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    base = {year: yaml.safe_load(path.read_text(encoding="utf-8")) for year, path in EXAMPLES.items()}
    paths = []
    for i in range(1, n + 1):
        name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)} {rng.choice(_FORM)} {i}"
        number = valid_orgnr(rng)
        years = rng.randrange(0, 4)
        stem = f"iop-{i:04d}"
        if i % 2:  # a renewal, as street-minds-2026, with the partnership it renews beside it
            earlier = _vary(base[2023], random.Random(rng.random()), name, number, years)
            (folder / "tidigare").mkdir(exist_ok=True)
            _write(folder / "tidigare" / f"{stem}-forsta.yaml", earlier)
            spec = _vary(base[2026], rng, name, number, years)
            spec["renews"] = f"tidigare/{stem}-forsta.yaml"
        else:  # a first partnership, as street-minds-2023
            spec = _vary(base[2023], rng, name, number, years)
        paths.append(_write(folder / f"{stem}.yaml", spec))
    return paths


def _write(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


if __name__ == "__main__":
    for p in generate(int(sys.argv[1]), Path(sys.argv[2])):
        print(p)
