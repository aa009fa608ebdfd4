"""Generated agreements for the benchmark: variations of the two example specs.

Each spec gets its own association (name, organisationsnummer with a valid check digit, computed with
python-stdnum's Luhn), its own signatory, budget amounts, figures and dates (the whole agreement moved
by whole years, so periods, renewals and notice days still fit together). The 2026 variations renew
their own copy of the 2023 variation, written beside them, so `renews:` and the continuity check run
as in the example.

    python bench/generate.py N FOLDER     # writes FOLDER/iop-0001-street-minds.yaml … and prints the paths

The variations keep the Street Minds partnership's own clauses (street-minds/…), so their names say
they are of that partnership (clause-other-partnership, drafter/checks/partnership.py).
    python bench/generate.py N FOLDER --varied   # also other public parties, officials, budgets, outlines
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
    return _fit_decision(data)


def _fit_decision(data: dict) -> dict:
    """The nämnd's decision (`decision:`) approves the varied budget: its yearly ceiling is the largest
    yearly budget, as signed or after a tillägg (so decision-ceiling fires only on purpose)."""
    ceiling = (data.get("decision") or {}).get("ceiling")
    if ceiling:
        budgets = [data["budget"]["rows"]] + [change["set"]["budget.rows"] for amendment in data.get("amendments", [])
                                              for change in amendment["changes"]
                                              if "budget.rows" in (change.get("set") or {})]
        yearly = max(sum(row["amount"] for row in rows) * 12 / data["budget"]["months"] for rows in budgets)
        ceiling.update(amount=-(-int(yearly) // 1000) * 1000, per="år")
    return data


# --varied: the public party, the partner's kind, the officials, the budget rows and the outline vary too
_PUBLIC = [  # name, kind, committee, municipality, organisationsnummer body (9 digits), signatory title
    ("Socialförvaltningen", "förvaltning", "socialnämnden", "Stockholms stad", "212000014", "socialdirektör"),
    ("Kulturförvaltningen", "förvaltning", "kulturnämnden", "Göteborgs stad", "212000135", "kulturdirektör"),
    ("Västerdalens stadsdelsförvaltning", "stadsdelsförvaltning", "Västerdalens stadsdelsnämnd", "Stockholms stad",
     "212000014", "stadsdelsdirektör"),
    ("Region Norrstrand", "region", "hälso- och sjukvårdsnämnden", "Region Norrstrand", "232100001",
     "regiondirektör"),
    ("Åsby kommun", "kommun", "kommunstyrelsen", "Åsby kommun", "212000233", "kommundirektör"),
    ("Utbildningsförvaltningen", "förvaltning", "utbildningsnämnden", "Malmö stad", "212000112", "utbildningsdirektör"),
]
_TITLES = ["Avdelningschef", "Enhetschef", "Utredare", "Controller", "Förvaltningschef", "Verksamhetschef"]
_MORE_NAMES = ["Lena Åkesson", "Ahmed Yusuf", "Karin Söderlund", "Mikael Ström", "Noor Rahimi", "Eva-Lena Dahl",
               "Johan Bergkvist", "Amira Haddad", "Per Lindqvist"]
_ITEMS = ["Personal", "Lokaler", "Aktiviteter", "Förbrukningsmaterial", "Övrigt", "Konsulter", "Resor",
          "Utbildning av volontärer", "Administration", "Hyra av lokal för gruppverksamhet", "Material och utrustning"]
_OPTIONAL = {"parter/informationsspridning", "villkor/forsakring", "organisation/samverkansgrupp",
             "uppfoljning/synpunkter", "parter/vardegrund", "villkor/informationsskyldighet"}


def _public_number(body: str) -> str:
    number = body + luhn.calc_check_digit(body)
    return f"{number[:6]}-{number[6:]}"


def _vary_more(data: dict, rng: random.Random, i: int) -> dict:
    """The public party, the partner's kind, the officials, budget rows and optional sections."""
    name, kind, committee, municipality, body, title = rng.choice(_PUBLIC)
    public = next(p for p in data["parties"] if p["sector"] == "offentlig")
    public.update(name=name, kind=kind, committee=committee, municipality=municipality,
                  organisationsnummer=_public_number(body))
    public["signatory"] = {"name": rng.choice(_MORE_NAMES), "title": title, "signs_for": f"{committee} i {municipality}"}
    if (committee, municipality) != ("socialnämnden", "Stockholms stad"):
        # the library's texts are fastställda for socialnämnden i Stockholms stad only (issue 13: an
        # approval applies to whom it says), so another nämnd's agreement is a draft until it approves them
        data["document"]["status"] = "utkast"
    partner = next(p for p in data["parties"] if p["sector"] == "idéburen")
    if rng.random() < 0.3:
        partner["kind"] = "stiftelse"
        partner["name"] = f"Stiftelsen {partner['name'].split()[0]} {partner['name'].split()[1]} {i}"
    rows = rng.sample(_ITEMS, rng.randint(1, 7))
    data["budget"]["rows"] = [{"item": item, "amount": int(rng.randrange(5, 900)) * 1000} for item in rows]
    if data.get("proposal"):
        officials = [{"name": rng.choice(_MORE_NAMES), "title": title[:1].upper() + title[1:]}]
        for extra in rng.sample(_TITLES, rng.randint(0, 2)):
            officials.append({"name": rng.choice(_MORE_NAMES), "title": extra} if rng.random() < 0.7
                             else {"title": extra})
        data["proposal"]["officials"] = officials
    drop = {s for s in _OPTIONAL if rng.random() < 0.3}
    data["outline"] = _without(data["outline"], drop)
    if data.get("proposal"):
        data["proposal"]["outline"] = _without(data["proposal"]["outline"], drop)
    if data.get("decision"):
        data["decision"]["by"] = committee
    return _fit_decision(data)


def _without(outline: list, drop: set) -> list:
    out = []
    for item in outline:
        ref = item if isinstance(item, str) else item.get("clause")
        if ref and ref.split("@")[0] in drop:
            continue
        if isinstance(item, dict) and "sections" in item:
            item = {**item, "sections": _without(item["sections"], drop)}
        out.append(item)
    return out


def generate(n: int, folder: Path, seed: int = 2026, varied: bool = False) -> list[Path]:
    """n specs in `folder` (half of them 2026 renewals, each with its 2023 spec beside it, which is not
    counted); returns the paths of the n specs to build. `varied` also varies the public party, the
    partner's kind, the officials, the budget rows and the outline (bench/import_roundtrip.py)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    base = {year: yaml.safe_load(path.read_text(encoding="utf-8")) for year, path in EXAMPLES.items()}
    paths = []
    for i in range(1, n + 1):
        name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)} {rng.choice(_FORM)} {i}"
        number = valid_orgnr(rng)
        years = rng.randrange(0, 4)
        stem = f"iop-{i:04d}-street-minds"  # of the partnership whose clauses it uses
        if i % 2:  # a renewal, as street-minds-2026, with the partnership it renews beside it
            earlier = _vary(base[2023], random.Random(rng.random()), name, number, years)
            (folder / "tidigare").mkdir(exist_ok=True)
            _write(folder / "tidigare" / f"{stem}-forsta.yaml", earlier)
            spec = _vary(base[2026], rng, name, number, years)
            spec["renews"] = f"tidigare/{stem}-forsta.yaml"
        else:  # a first partnership, as street-minds-2023
            spec = _vary(base[2023], rng, name, number, years)
        if varied:
            spec = _vary_more(spec, random.Random(f"{seed}-{i}"), i)
            spec.pop("amendments", None)  # they set the budget rows and signatories of the example
        paths.append(_write(folder / f"{stem}.yaml", spec))
    return paths


def _write(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--varied"]
    for p in generate(int(args[0]), Path(args[1]), varied="--varied" in sys.argv):
        print(p)
