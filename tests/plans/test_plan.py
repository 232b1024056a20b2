"""The living plan: one per family, adopted into frozen versions that can be listed and compared."""

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from api.models import AuditEvent, Family, Plan, PlanVersion
from api.models.base import utcnow
from api.models.plans import life_domain_id
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_member
from tests.plans.factories import make_action, make_goal, make_score, make_version


def _url(family: Family, tail: str = "") -> str:
    return f"/api/v1/families/{family.id}/plan{tail}"


def test_first_read_makes_the_one_plan(client: TestClient, session: Session, world: World) -> None:
    first = client.get(_url(world.family), headers=auth(world.supporter))
    assert first.status_code == 200
    body = first.json()
    assert body["goals"] == [] and body["gas_t_score"] is None and body["latest_version"] is None
    assert first.headers["etag"] == '"1"'
    again = client.post(_url(world.family), headers=auth(world.coordinator))
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    count = session.exec(
        select(func.count()).select_from(Plan).where(Plan.family_id == world.family.id)
    ).one()
    assert count == 1


def test_post_makes_the_plan_once(client: TestClient, world: World) -> None:
    created = client.post(_url(world.family), headers=auth(world.supporter))
    assert created.status_code == 201
    assert client.post(_url(world.family), headers=auth(world.supporter)).status_code == 200


def test_plan_contract_goals_with_weight_level_and_t_score(
    client: TestClient, session: Session, world: World
) -> None:
    goal = make_goal(session, world.family, weight=2.0)
    make_goal(session, world.family, text="Mama heeft één avond per week voor zichzelf.", domain="leisure")
    make_score(session, goal, 1, date(2026, 9, 1))
    make_action(session, goal, due_on=date(2020, 1, 1))
    session.commit()
    body = client.get(_url(world.family), headers=auth(world.supporter)).json()
    by_text = {g["text"]: g for g in body["goals"]}
    school = by_text["We willen dat Daan weer naar school gaat."]
    assert (school["weight"], school["gas_level"], school["gas_scored_on"]) == (2.0, 1, "2026-09-01")
    assert school["life_domain"]["code"] == "education" and school["life_domain"]["label_nl"] == "Onderwijs"
    assert school["ladder"]["zero"] == "Daan gaat elke ochtend."
    assert school["actions"][0]["is_overdue"] is True and school["actions"][0]["owner_name"] == "Oma Riet"
    assert by_text["Mama heeft één avond per week voor zichzelf."]["gas_level"] is None
    assert body["gas_t_score"] == pytest.approx(60.0)
    assert body["has_unadopted_changes"] is True


def test_reading_the_plan_takes_a_fixed_number_of_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    client.get(_url(world.family), headers=auth(world.supporter))  # warm up: the caller's account is cached
    counts = []
    for _ in range(2):
        for n in range(5):
            goal = make_goal(session, world.family, text=f"Doel {n}")
            make_score(session, goal, 0, date(2026, 9, 1))
            make_action(session, goal, due_on=date(2026, 12, 1))
        session.commit()
        before = count_queries.count
        assert client.get(_url(world.family), headers=auth(world.supporter)).status_code == 200
        counts.append(count_queries.count - before)
    assert counts[0] == counts[1]


def test_adopt_freezes_the_draft_and_the_draft_continues(
    client: TestClient, session: Session, world: World
) -> None:
    goal = make_goal(session, world.family)
    session.commit()
    headers = auth(world.supporter)
    adopted = client.post(_url(world.family, "/adopt"), json={"note": "Aan tafel besproken"}, headers=headers)
    assert adopted.status_code == 201, adopted.text
    version = adopted.json()
    assert version["number"] == 1 and version["adopted_by_id"] == str(world.supporter.id)
    assert version["goals"][0]["text"] == goal.text and version["goal_count"] == 1
    plan = client.get(_url(world.family), headers=headers).json()
    assert plan["has_unadopted_changes"] is False and plan["latest_version"]["number"] == 1
    etag = client.get(_url(world.family, f"/goals/{goal.id}"), headers=headers).headers["etag"]
    changed = client.patch(
        _url(world.family, f"/goals/{goal.id}"),
        json={"text": "Daan gaat weer naar school."},
        headers=headers | {"If-Match": etag},
    )
    assert changed.status_code == 200
    assert client.get(_url(world.family), headers=headers).json()["has_unadopted_changes"] is True
    frozen = client.get(_url(world.family, "/versions/1"), headers=headers).json()
    assert (
        frozen["goals"][0]["text"] == "We willen dat Daan weer naar school gaat."
    )  # not following the draft
    second = client.post(_url(world.family, "/adopt"), headers=headers)
    assert second.json()["number"] == 2
    listed = client.get(_url(world.family, "/versions"), headers=headers).json()
    assert [v["number"] for v in listed["items"]] == [2, 1]
    assert listed["items"][1]["note"] == "Aan tafel besproken"


def test_adopt_honours_if_match(client: TestClient, session: Session, world: World) -> None:
    make_goal(session, world.family)
    session.commit()
    headers = auth(world.supporter)
    etag = client.get(_url(world.family), headers=headers).headers["etag"]
    make_goal(session, world.family, text="Nog een doel")  # the draft moves on meanwhile
    client.post(
        _url(world.family, "/goals"),
        json={"text": "Nieuw", "life_domain_id": str(life_domain_id("health"))},
        headers=headers,
    )
    stale = client.post(_url(world.family, "/adopt"), headers=headers | {"If-Match": etag})
    assert stale.status_code == 412
    fresh = client.get(_url(world.family), headers=headers).headers["etag"]
    assert client.post(_url(world.family, "/adopt"), headers=headers | {"If-Match": fresh}).status_code == 201


def test_adopt_refuses_an_empty_plan_and_an_archived_family(
    client: TestClient, session: Session, world: World
) -> None:
    assert client.post(_url(world.family, "/adopt"), headers=auth(world.supporter)).status_code == 409
    make_goal(session, world.family)
    world.family.archived_at = utcnow()
    session.add(world.family)
    session.commit()
    assert client.post(_url(world.family, "/adopt"), headers=auth(world.coordinator)).status_code == 409


def test_adopt_with_an_idempotency_key_adopts_once(
    client: TestClient, session: Session, world: World
) -> None:
    make_goal(session, world.family)
    session.commit()
    headers = auth(world.supporter) | {"Idempotency-Key": "adopt-at-meeting-1"}
    first = client.post(_url(world.family, "/adopt"), json={}, headers=headers)
    again = client.post(_url(world.family, "/adopt"), json={}, headers=headers)
    assert first.json() == again.json()
    count = session.exec(
        select(func.count()).select_from(PlanVersion).where(PlanVersion.family_id == world.family.id)
    ).one()
    assert count == 1


def test_a_frozen_version_can_never_change(session: Session, world: World) -> None:
    make_goal(session, world.family)
    version = make_version(session, world.family, world.supporter)
    version.note = "achteraf aangepast"
    with pytest.raises(ValueError, match="frozen"):
        session.flush()
    session.rollback()


def test_unknown_version_is_404(client: TestClient, world: World) -> None:
    assert client.get(_url(world.family, "/versions/7"), headers=auth(world.supporter)).status_code == 404
    compare = client.get(
        _url(world.family, "/versions/compare"), params={"from": 3}, headers=auth(world.supporter)
    )
    assert compare.status_code == 404


def test_compare_lists_added_changed_and_removed(client: TestClient, session: Session, world: World) -> None:
    headers = auth(world.supporter)
    kept = make_goal(session, world.family, text="Naar school")
    dropped = make_goal(session, world.family, text="Wordt geschrapt")
    action = make_action(session, kept, due_on=date(2026, 12, 1))
    session.commit()
    client.post(_url(world.family, "/adopt"), headers=headers)
    client.patch(
        _url(world.family, f"/goals/{kept.id}"),
        json={
            "weight": 2,
            "ladder": {"minus_2": "a", "minus_1": "b", "zero": "c", "plus_1": "d", "plus_2": "e"},
        },
        headers=headers | {"If-Match": '"1"'},
    )
    client.patch(
        _url(world.family, f"/actions/{action.id}"),
        json={"due_on": "2027-01-15"},
        headers=headers | {"If-Match": '"1"'},
    )
    assert client.delete(_url(world.family, f"/goals/{dropped.id}"), headers=headers).status_code == 204
    client.post(
        _url(world.family, "/goals"),
        json={"text": "Nieuw doel", "life_domain_id": str(life_domain_id("housing"))},
        headers=headers,
    )

    to_draft = client.get(_url(world.family, "/versions/compare"), headers=headers)
    assert to_draft.status_code == 200, to_draft.text
    diff = to_draft.json()
    assert (diff["from_version"], diff["to_version"]) == (1, None)
    assert [g["text"] for g in diff["goals"]["added"]] == ["Nieuw doel"]
    assert [g["text"] for g in diff["goals"]["removed"]] == ["Wordt geschrapt"]
    changes = {c["field"]: (c["before"], c["after"]) for c in diff["goals"]["changed"][0]["changes"]}
    assert changes["weight"] == (1.0, 2.0)
    assert changes["ladder.zero"] == ("Daan gaat elke ochtend.", "c")
    action_changes = diff["actions"]["changed"][0]["changes"]
    assert {c["field"]: (c["before"], c["after"]) for c in action_changes}["due_on"] == (
        "2026-12-01",
        "2027-01-15",
    )

    client.post(_url(world.family, "/adopt"), headers=headers)
    between = client.get(
        _url(world.family, "/versions/compare"), params={"from": 1, "to": "2"}, headers=headers
    ).json()
    assert between["goals"]["added"][0]["text"] == "Nieuw doel" and between["to_version"] == 2
    same = client.get(_url(world.family, "/versions/compare"), headers=headers).json()
    assert same["goals"] == {"added": [], "removed": [], "changed": []}


def test_compare_before_any_adoption_shows_everything_added(
    client: TestClient, session: Session, world: World
) -> None:
    make_goal(session, world.family)
    session.commit()
    diff = client.get(_url(world.family, "/versions/compare"), headers=auth(world.supporter)).json()
    assert diff["from_version"] is None and len(diff["goals"]["added"]) == 1


def test_compare_validates_to(client: TestClient, world: World) -> None:
    bad = client.get(
        _url(world.family, "/versions/compare"), params={"to": "latest"}, headers=auth(world.supporter)
    )
    assert bad.status_code == 422


def test_plan_reads_are_audited(client: TestClient, session: Session, world: World) -> None:
    client.get(_url(world.family), headers=auth(world.supporter))
    events = session.exec(
        select(AuditEvent.action, AuditEvent.object_type).where(AuditEvent.family_id == world.family.id)
    ).all()
    assert ("read", "plan") in events


def test_plan_needs_login_and_scope(client: TestClient, session: Session, world: World) -> None:
    assert client.get(_url(world.family)).status_code == 401
    assert client.get(_url(world.other_caseload_family), headers=auth(world.supporter)).status_code == 404
    assert client.get(_url(world.other_org_family), headers=auth(world.coordinator)).status_code == 404
    denied = session.exec(
        select(AuditEvent).where(
            AuditEvent.family_id == world.other_org_family.id, AuditEvent.outcome == "denied"
        )
    ).first()
    assert denied is not None
    make_member(session, world.family)  # unrelated writes still work afterwards
