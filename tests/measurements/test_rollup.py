"""The per-family rollups behind the cohort and funder figures, and the meetings' flag counts: what the
writes leave behind is exactly what a rebuild from the raw data makes (api/measurements/rollup.py,
rollup_tracking.py, api/meetings/flag_rollup.py)."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete
from sqlalchemy import select as select_rows
from sqlmodel import Session, select

from api.demo.seed import seed
from api.measurements import rollup
from api.measurements.rollup_tracking import deferred
from api.meetings import flag_rollup
from api.models import Family, FamilyMember
from api.models.base import localtoday
from tests.factories import World, auth, make_family, make_member
from tests.meetings.factories import MEETINGS, make_meeting
from tests.plans.factories import make_goal, make_score

BRS_ANSWERS = [
    {"1": 2, "2": 4, "3": 2, "4": 4, "5": 2, "6": 4},  # T0: low resilience
    {"1": 4, "2": 2, "3": 4, "4": 2, "5": 3, "6": 1},  # T1: 4.0
]


def _rows(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table.name: sorted((tuple(row) for row in session.execute(select_rows(table)).all()), key=repr)
        for table in [*(made.table for made in rollup.ROLLUPS), flag_rollup.TABLE]
    }


def _equals_a_rebuild(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    session.flush()
    kept = _rows(session)
    rollup.rebuild(session)
    assert _rows(session) == kept
    return kept


def test_the_demo_leaves_the_rollups_a_rebuild_would_make(session: Session) -> None:
    seed(session, password="demo-password-123")
    kept = _equals_a_rebuild(session)
    assert all(kept.values())  # statuses, T-score steps, scale changes, parties and flag counts of the demo
    assert any(row[-1] > 0 for row in kept["rollup_meeting_flag"])  # the demo has flagged meetings
    for made in rollup.ROLLUPS:
        session.execute(made.table.delete())
    assert rollup.is_empty(session)  # what `bondgenoot migrate` fills by itself (just upgraded to them)
    rollup.rebuild(session)
    assert not rollup.is_empty(session) and _rows(session) == kept
    session.execute(flag_rollup.TABLE.delete())  # only the flag counts missing: upgraded to migration 0024
    assert rollup.is_empty(session)


def test_api_writes_keep_the_rollups_equal_to_a_rebuild(
    client: TestClient, session: Session, world: World
) -> None:
    headers = auth(world.supporter)
    family_url = f"/api/v1/families/{world.family.id}"
    first, second = make_goal(session, world.family), make_goal(session, world.family, weight=2.0)
    session.commit()
    etag = client.get(family_url, headers=headers).headers["etag"]
    moved = client.patch(family_url, json={"status": "active"}, headers=headers | {"If-Match": etag})
    assert moved.status_code == 200, moved.text
    _equals_a_rebuild(session)
    today = localtoday()
    for goal, day, level in ((first, 20, -1), (second, 20, 0), (first, 5, 1), (first, 5, 2)):
        body = {"scored_on": (today - timedelta(days=day)).isoformat(), "level": level}
        scored = client.post(f"{family_url}/plan/goals/{goal.id}/scores", json=body, headers=headers)
        assert scored.status_code == 201, scored.text
        _equals_a_rebuild(session)
    parent = session.exec(select(FamilyMember).where(FamilyMember.family_id == world.family.id)).one()
    for wave, answers in zip(("t0", "t1"), BRS_ANSWERS, strict=True):
        body = {"instrument_code": "brs", "wave": wave, "respondent_member_id": str(parent.id)}
        started = client.post(f"{family_url}/measurements", json=body, headers=headers)
        assert started.status_code == 201, started.text
        base = f"{family_url}/measurements/{started.json()['id']}"
        assert client.put(f"{base}/answers", json={"answers": answers}, headers=headers).status_code == 200
        assert client.post(f"{base}/complete", headers=headers).status_code == 200
        _equals_a_rebuild(session)
    closing = {
        "reason": "goals_achieved",
        "goals": [
            {"goal_id": str(first.id), "resolution": "achieved"},
            {"goal_id": str(second.id), "resolution": "handed_over", "handed_over_to": "Wijkteam"},
        ],
        "actions": [],
    }
    closed = client.post(f"{family_url}/closure", json=closing, headers=headers)
    assert closed.status_code == 201, closed.text
    _equals_a_rebuild(session)
    reopened = client.post(f"{family_url}/reopen", json={"reason": "Moeder belde."}, headers=headers)
    assert reopened.status_code == 200, reopened.text
    kept = _equals_a_rebuild(session)
    mine = {name: [r for r in rows if world.family.id in r] for name, rows in kept.items()}
    assert len(mine["rollup_family_status"]) >= 4  # intake, active, closed, reopened
    assert [r[1:] for r in mine["rollup_gas"]][-1][-1] is not None  # a T-score after the last scores
    assert len(mine["rollup_wave_change"]) == len(mine["rollup_respondent_wave_change"]) == 1  # T1 total


def test_meeting_writes_keep_the_party_rollup_equal_to_a_rebuild(
    client: TestClient, session: Session, world: World
) -> None:
    meeting = make_meeting(session, world.family)  # planned, with a family member present
    session.commit()
    url, headers = f"/api/v1/meetings/{meeting.id}", auth(world.supporter)
    assert not [r for r in _equals_a_rebuild(session)["rollup_meeting_party"] if meeting.id in r]
    guest = client.post(f"{url}/participants", json={"kind": "guest", "name": "Dr. Jansen"}, headers=headers)
    items = [{"participant_id": guest.json()["id"], "attendance": "present"}]
    assert client.put(f"{url}/attendance", json={"items": items}, headers=headers).status_code == 200
    assert client.post(f"{url}/close", json={}, headers=headers).status_code == 200
    held = [r for r in _equals_a_rebuild(session)["rollup_meeting_party"] if meeting.id in r]
    assert [r[1] for r in held] == ["family"]  # a guest is no party of the family's network


def test_a_family_deleted_by_a_statement_takes_its_rollup_rows_along(session: Session, world: World) -> None:
    family = make_family(session, world.organisation)
    session.flush()
    assert any(row[0] == family.id for row in _rows(session)["rollup_family_status"])
    session.execute(delete(Family).where(Family.id == family.id))  # type: ignore[arg-type]
    assert not any(row[0] == family.id for row in _equals_a_rebuild(session)["rollup_family_status"])


def test_deferred_rollups_are_refreshed_once_when_the_block_ends(
    session: Session, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[set[Any]] = []
    refresh = rollup.refresh
    monkeypatch.setattr(
        rollup, "refresh", lambda s, ids: (calls.append(set().union(*ids.values())), refresh(s, ids))[1]
    )
    with deferred(session):
        family = make_family(session, world.organisation)
        make_score(session, make_goal(session, family), 0, localtoday())
        assert calls == []
        assert not any(row[0] == family.id for row in _rows(session)["rollup_family_status"])
    assert calls == [{family.id}]
    _equals_a_rebuild(session)


def test_plan_and_table_changes_move_a_meeting_in_and_out_of_flagged(
    client: TestClient, session: Session, world: World
) -> None:
    """A crucial player (an open action's owner, an active goal's member) not at the table flags the planned
    meeting; inviting them, their declining, the action done and the goal stopped each move it at once."""
    meeting = make_meeting(session, world.family, starts_at=datetime.now(UTC) + timedelta(days=3))
    goal, kees = make_goal(session, world.family), make_member(session, world.family, "Kees")
    session.commit()
    headers, plan = auth(world.supporter), f"/api/v1/families/{world.family.id}/plan"

    def flagged() -> bool:
        _equals_a_rebuild(session)
        page = client.get(MEETINGS, params={"flagged": "true"}, headers=auth(world.coordinator)).json()
        return str(meeting.id) in [m["id"] for m in page["items"]]

    assert not flagged()
    body = {"description": "Oma Riet haalt Daan op.", "owner_type": "person", "owner_name": "Oma Riet"}
    action = client.post(f"{plan}/goals/{goal.id}/actions", json=body, headers=headers)
    assert action.status_code == 201, action.text
    assert flagged()  # the owner of an open action is not invited
    guest = client.post(
        f"{MEETINGS}/{meeting.id}/participants", json={"kind": "guest", "name": "oma riet"}, headers=headers
    )
    assert guest.status_code == 201, guest.text
    assert not flagged()
    participant = f"{MEETINGS}/{meeting.id}/participants/{guest.json()['id']}"
    assert client.patch(participant, json={"invitation": "declined"}, headers=headers).status_code == 200
    assert flagged()
    done = client.patch(
        f"{plan}/actions/{action.json()['id']}",
        json={"status": "done"},
        headers=headers | {"If-Match": action.headers["etag"]},
    )
    assert done.status_code == 200, done.text
    assert not flagged()
    about_kees = client.patch(
        f"{plan}/goals/{goal.id}", json={"member_ids": [str(kees.id)]}, headers=headers | {"If-Match": '"1"'}
    )
    assert about_kees.status_code == 200, about_kees.text
    assert flagged()  # the goal is about Kees, who is not on the list
    stopped = client.patch(
        f"{plan}/goals/{goal.id}",
        json={"status": "discontinued"},
        headers=headers | {"If-Match": about_kees.headers["etag"]},
    )
    assert stopped.status_code == 200, stopped.text
    assert not flagged()
