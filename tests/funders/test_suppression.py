"""Suppression that cannot be subtracted away: the lattice rules, and an attacker who asks for every window
and grouping the API accepts and subtracts every pair of published cells."""

import random
from datetime import date
from itertools import combinations

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.funders.suppression import Reason, decide, lattice
from api.measurements.scoring import gas_t_score
from api.models import ContactParty, Wave
from tests.factories import World
from tests.funders.cohort import brs, enrol, gas, meeting, parent, party_at
from tests.funders.factories import client_auth, make_client

THRESHOLD = 5


def test_a_child_whose_difference_with_its_parent_is_small_is_withheld() -> None:
    nodes = lattice(2025, 2025, "quarter")
    counts = {"2025": 12, "2025-Q1": 11, "2025-Q2": 6, "2025-Q3": 6, "2025-Q4": 0}
    reasons = decide(nodes, counts, THRESHOLD)
    assert reasons["2025"] is None
    assert reasons["2025-Q1"] == Reason.difference  # 12 - 11 = 1 family by subtraction
    assert reasons["2025-Q2"] == Reason.complementary  # else Q1 ≈ year - Q2 - Q3
    assert reasons["2025-Q3"] is None and reasons["2025-Q4"] is None


def test_children_of_a_withheld_period_are_withheld() -> None:
    nodes = lattice(2025, 2025, "month")
    counts = {"2025": 9, "2025-Q1": 3, "2025-01": 3, "2025-Q2": 6, "2025-04": 6}
    reasons = decide(nodes, counts, THRESHOLD)
    assert reasons["2025-Q1"] == Reason.below_threshold
    assert reasons["2025-Q2"] == Reason.difference  # 9 - 6 = 3 by subtraction from the year
    assert reasons["2025-04"] == Reason.parent_withheld


def _cohort(session: Session, world: World) -> dict[str, dict[str, dict[str, object]]]:
    """Thirty families with facts spread over 2025; returns each family's facts per metric, by day."""
    rng = random.Random(12)
    facts: dict[str, dict[str, dict[str, object]]] = {"brs": {}, "gas": {}, "meetings": {}, "school": {}}
    for n in range(30):
        family = enrol(session, world)
        key = str(family.id)
        member = parent(session, family)
        brs(session, family, member, Wave.t0, 2, date(2024, 12, 2))
        waves = {}
        for wave in (Wave.t1, Wave.t2)[: 1 + n % 2]:
            day = date(2025, rng.randint(1, 12), rng.randint(1, 28))
            if waves and day <= max(waves):
                day = date(2025, 12, 28)
            level = rng.randint(2, 5)
            brs(session, family, member, wave, level, day)
            waves[day] = (wave.value, level)
        facts["brs"][key] = waves
        levels = sorted({date(2025, rng.randint(1, 12), 15): rng.randint(-2, 2) for _ in range(3)}.items())
        gas(session, family, levels)
        facts["gas"][key] = dict(levels)
        days = sorted({date(2025, rng.randint(1, 12), 10) for _ in range(2)})
        for day in days:
            held = meeting(session, family, day)
            if n % 2 == 0 and day == days[0]:  # the school at the table (api/meetings/parties)
                party_at(session, held, ContactParty.school)
                facts["school"][key] = {day: 1}
        facts["meetings"][key] = dict.fromkeys(days, 1)
    facts["family"] = facts["meetings"]  # a family member came to every meeting
    return facts


def _behind(metric: str, facts: dict[str, dict[str, object]], start: date, end: date) -> dict[str, object]:
    """Which fact of each family a cell over [start, end] rests on (the test's own reading of the data)."""
    behind: dict[str, object] = {}
    for family, dated in facts.items():
        inside = sorted(day for day in dated if start <= day <= end)  # type: ignore[operator]
        if not inside:
            continue
        if metric == "brs":
            behind[family] = dated[inside[-1]]  # the family's latest wave in the window
        elif metric == "gas":
            latest = [level for day, level in sorted(dated.items()) if day <= end]  # type: ignore[operator]
            behind[family] = (end, gas_t_score([(latest[-1], 1.0)]))  # its T-score at the window's end
        else:
            behind[family] = tuple(inside)  # the meetings held in the window
    return behind


def _windows() -> list[dict[str, str]]:
    months = [(date(2025, m, 1), date(2025, m + 1, 1) if m < 12 else date(2026, 1, 1)) for m in range(1, 13)]
    asked = []
    for period, step in (("month", 1), ("quarter", 3), ("year", 12)):
        starts = [months[i][0] for i in range(0, 12, step)]
        ends = [months[i + step - 1][1] for i in range(0, 12, step)]
        for a in starts:
            for b in ends:
                if a < b:
                    last = date.fromordinal(b.toordinal() - 1)
                    asked.append({"from": a.isoformat(), "to": last.isoformat(), "period": period})
    return asked


def test_no_two_published_cells_differ_by_fewer_than_the_threshold(
    client: TestClient, session: Session, world: World
) -> None:
    facts = _cohort(session, world)
    fw_client, _ = make_client(session, world.organisation, [world.region])
    session.commit()
    published: dict[tuple[str, str, str], object] = {}
    for params in _windows():
        response = client.get("/api/v1/funder/outcomes", params=params, headers=client_auth(fw_client))
        assert response.status_code == 200, (params, response.text)
        for cell in response.json()["cells"]:
            period = (cell["period_start"], cell["period_end"])
            shown = {"gas": cell["mean_gas_t_score"], "meetings": cell["meetings_held"]}
            shown |= {
                p["party"]: p["meetings"] for p in cell["parties"] if p["party"] in ("school", "family")
            }
            for change in cell["instruments"]:
                if change["scale"] == "total":
                    shown["brs"] = change["mean_change"]
            for metric, value in shown.items():
                if value.get("suppressed") or value.get("value") is None:
                    continue
                key = (metric, *period)
                assert published.setdefault(key, value["value"]) == value["value"]  # same cell, same answer
    assert len(published) > 10, "the cohort is too small to test anything"
    checked = 0
    for (metric_a, *span_a), (metric_b, *span_b) in combinations(published, 2):
        if metric_a != metric_b:
            continue
        a = _behind(metric_a, facts[metric_a], *(date.fromisoformat(d) for d in span_a))
        b = _behind(metric_b, facts[metric_b], *(date.fromisoformat(d) for d in span_b))
        differing = {f for f in a.keys() | b.keys() if a.get(f) != b.get(f)}
        assert len(differing) == 0 or len(differing) >= THRESHOLD, (metric_a, span_a, span_b, differing)
        checked += 1
    assert checked > 10
