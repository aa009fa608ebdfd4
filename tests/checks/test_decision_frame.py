"""decision-ceiling and decision-term after a tillägg the nämnd decided itself: a later tillägg by a
delegate is judged against the nämnd's latest decision (kommunallagen 6 kap. 37–40 §§), never left
unchecked. Our own partnership (Läxhjälpen i Tensta, 300 000 kr a year), not the example."""

import copy
import datetime as dt

from checks.support import findings, line_of, of, spec_file
from own_partnership import SPEC

NB = "\u00a0"
NAMND = "Spånga-Tensta stadsdelsnämnd"


def rows(personal: int) -> dict:
    return {"set": {"budget.rows": [{"item": "Personal", "amount": personal}, {"item": "Lokaler", "amount": 60000}]}}


def tillagg(number: int, by: str, personal: int, effective: str, **decision) -> dict:
    day = dt.date.fromisoformat(effective)
    return {"number": number, "date": day - dt.timedelta(days=10), "effective": day,
            "decision": {"by": by, "date": day - dt.timedelta(days=20), "paragraph": f"§ {number * 10}", **decision},
            "changes": [rows(personal)]}


def partnership(*amendments: dict, ceiling: dict | None = None) -> dict:
    data = copy.deepcopy(SPEC)
    data["period"]["renewal"] = {"unit": "år", "max_end": dt.date(2030, 5, 31), "notice_deadline": "02-28"}
    data["decision"] = {"by": NAMND, "date": dt.date(2026, 4, 14), "paragraph": "§ 9",
                        "ceiling": ceiling or {"amount": 300000, "per": "år"}, "latest_end": dt.date(2030, 5, 31),
                        "delegations": [{"to": "stadsdelsdirektören"}]}
    data["amendments"] = list(amendments)
    return data


def test_a_delegate_after_the_namnds_own_tillagg_is_held_to_the_raised_ceiling(tmp_path):
    # Tillägg 1: the nämnd raises the grant to 320 000 kr a year. Tillägg 2: the director to 360 000 kr.
    spec = spec_file(tmp_path, partnership(tillagg(1, NAMND, 260000, "2027-01-01"),
                                           tillagg(2, "stadsdelsdirektören", 300000, "2027-06-01")))
    (f,) = of(findings(spec), "decision-ceiling")
    assert f.severity == "error"
    assert f.message.startswith(f"Efter tillägg nr 2 är budgeten 360{NB}000{NB}kr för 12 månader")
    assert f"över det tak om 320{NB}000{NB}kr per år som {NAMND} beslutade genom tillägg nr 1" in f.message
    assert f.where == line_of(spec, "item: Personal", after="number: 2")


def test_a_delegate_within_the_raised_ceiling_is_fine(tmp_path):
    spec = spec_file(tmp_path, partnership(tillagg(1, NAMND, 260000, "2027-01-01"),
                                           tillagg(2, "stadsdelsdirektören", 250000, "2027-06-01")))
    assert of(findings(spec), "decision-ceiling") == []


def test_a_ceiling_the_namnd_states_in_its_tillagg_is_the_new_frame(tmp_path):
    # The nämnd approves 320 000 kr now and a frame of 350 000 kr: the director may go to 350 000, not above.
    first = tillagg(1, NAMND, 260000, "2027-01-01", ceiling={"amount": 350000, "per": "år"})
    within = spec_file(tmp_path, partnership(first, tillagg(2, "stadsdelsdirektören", 290000, "2027-06-01")))
    assert of(findings(within), "decision-ceiling") == []
    over = spec_file(tmp_path, partnership(first, tillagg(2, "stadsdelsdirektören", 291000, "2027-06-01")),
                     "over.yaml")
    (f,) = of(findings(over), "decision-ceiling")
    assert f"tak om 350{NB}000{NB}kr per år som {NAMND} beslutade genom tillägg nr 1" in f.message
    assert "amendments[0].decision.ceiling" in f.message


def test_a_delegate_cannot_set_a_ceiling(tmp_path):
    spec = spec_file(tmp_path, partnership(
        tillagg(1, "stadsdelsdirektören", 240000, "2027-01-01", ceiling={"amount": 900000, "per": "år"})))
    (f,) = of(findings(spec), "amendment-mandate")
    assert f.severity == "error" and "anger ett nytt tak" in f.message and f"Bara {NAMND}" in f.message


def test_a_whole_term_ceiling_after_the_namnds_tillagg(tmp_path):
    # 1 juni 2026–31 maj 2030 at 300 000 kr: 1 200 000 kr. The nämnd's tillägg 1 adds 20 000 kr a year from
    # 1 juni 2027 (60 000 kr); the director's tillägg 2 adds 12 000 kr a year more from 1 juni 2028 (24 000 kr).
    data = partnership(tillagg(1, NAMND, 260000, "2027-06-01"), tillagg(2, "stadsdelsdirektören", 272000, "2028-06-01"),
                       ceiling={"amount": 1200000, "per": "hela perioden"})
    (f,) = of(findings(spec_file(tmp_path, data)), "decision-ceiling")
    assert f"sammanlagt 1{NB}284{NB}000{NB}kr från 1 juni 2026 till 31 maj 2030" in f.message
    assert f"tak om 1{NB}260{NB}000{NB}kr för hela perioden som {NAMND} beslutade genom tillägg nr 1" in f.message


def test_a_delegate_cannot_extend_past_the_namnds_latest_decision(tmp_path):
    first = tillagg(1, NAMND, 240000, "2027-01-01", latest_end=dt.date(2031, 5, 31))
    first["changes"].append({"set": {"period.renewal.max_end": dt.date(2031, 5, 31)}})
    second = tillagg(2, "stadsdelsdirektören", 240000, "2027-06-01")
    second["changes"] = [{"set": {"period.renewal.max_end": dt.date(2032, 5, 31)}}]
    (f,) = of(findings(spec_file(tmp_path, partnership(first, second))), "decision-term")
    assert f.message.startswith("Efter tillägg nr 2 kan överenskommelsen gälla till 31 maj 2032")
    assert f"senaste slutdatum 31 maj 2031 som {NAMND} beslutade genom tillägg nr 1" in f.message
