"""Closing a meeting applies all its decisions to the plan in one transaction, or none of them."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, col, func, select

from api.core.secrets import seal
from api.models import (
    Goal,
    GoalStatus,
    Meeting,
    MeetingDecision,
    MeetingStatus,
    PlanAction,
    PlanVersion,
    WebhookEndpoint,
    WebhookMessage,
)
from api.models.base import localtoday
from api.models.plans import life_domain_id
from tests.factories import World, auth, make_contact
from tests.funders.factories import consent, make_client
from tests.meetings.factories import MEETINGS, first_member, make_meeting
from tests.plans.factories import LADDER, make_action, make_goal


def _count(session: Session, model: type) -> int:  # type: ignore[type-arg]
    return session.exec(select(func.count()).select_from(model)).one()


def _decide(client: TestClient, world: World, meeting: Meeting, body: dict) -> dict:  # type: ignore[type-arg]
    response = client.post(f"{MEETINGS}/{meeting.id}/decisions", json=body, headers=auth(world.supporter))
    assert response.status_code == 201, response.text
    return response.json()


def _table(session: Session, world: World) -> tuple[Meeting, Goal, PlanAction, str]:
    """A meeting about a plan with one active goal and one action agreed outside the table."""
    goal = make_goal(session, world.family, text="Daan gaat weer naar school")
    action = make_action(session, goal, description="Oma belt de school", agreed=False)
    contact = make_contact(session, world.family, "Wijkteam Noord")
    meeting = make_meeting(session, world.family)
    session.commit()
    return meeting, goal, action, str(contact.id)


def _new_goal(session: Session, world: World) -> dict:  # type: ignore[type-arg]
    return {
        "kind": "add_goal",
        "goal": {
            "text": "Linda krijgt hulp bij de post en de rekeningen",
            "life_domain_id": str(life_domain_id("finances")),
            "member_ids": [str(first_member(session, world.family).id)],
            "status": "active",
            "ladder": LADDER,
        },
    }


def test_close_applies_every_decision(client: TestClient, session: Session, world: World) -> None:
    meeting, goal, action, contact_id = _table(session, world)
    new_goal = _decide(client, world, meeting, _new_goal(session, world))
    assert new_goal["text"] == "Nieuw doel: Linda krijgt hulp bij de post en de rekeningen"
    due = (localtoday() + timedelta(days=30)).isoformat()
    _decide(
        client,
        world,
        meeting,
        {
            "kind": "add_action",
            "goal_decision_id": new_goal["id"],
            "action": {
                "description": "Budgetcoach aanvragen",
                "owner_type": "contact",
                "owner_id": contact_id,
                "due_on": due,
            },
        },
    )
    _decide(client, world, meeting, {"kind": "confirm_action", "action_ids": [str(action.id)]})
    _decide(
        client, world, meeting, {"kind": "change_goal", "goal_id": str(goal.id), "changes": {"priority": 1}}
    )
    _decide(client, world, meeting, {"kind": "adopt_plan", "note": "Vastgesteld aan tafel"})
    _decide(client, world, meeting, {"kind": "note", "text": "Over drie maanden weer bij elkaar."})

    closed = client.post(
        f"{MEETINGS}/{meeting.id}/close", json={"minutes": "Goed gesprek."}, headers=auth(world.supporter)
    )
    assert closed.status_code == 200, closed.text
    body = closed.json()
    assert (body["status"], body["minutes"]) == ("held", "Goed gesprek.")
    assert all(d["applied_at"] for d in body["decisions"])

    created = session.exec(
        select(Goal).where(Goal.text == "Linda krijgt hulp bij de post en de rekeningen")
    ).one()
    assert created.status == GoalStatus.active
    budget = session.exec(select(PlanAction).where(PlanAction.description == "Budgetcoach aanvragen")).one()
    assert (budget.goal_id, budget.agreed_at_table, budget.agreed_at_meeting_id) == (
        created.id,
        True,
        meeting.id,
    )
    session.refresh(action)
    session.refresh(goal)
    assert (action.agreed_at_table, action.agreed_at_meeting_id) == (True, meeting.id)
    assert goal.priority == 1
    version = session.exec(select(PlanVersion).where(PlanVersion.family_id == world.family.id)).one()
    assert (version.meeting_id, version.note) == (meeting.id, "Vastgesteld aan tafel")
    assert body["plan_version_id"] == str(version.id)
    # The adopted version froze the plan as the table left it: both goals, the new action agreed.
    frozen = {g["text"]: g for g in version.snapshot["goals"]}
    assert set(frozen) == {"Daan gaat weer naar school", "Linda krijgt hulp bij de post en de rekeningen"}
    assert [
        a["agreed_at_table"] for a in frozen["Linda krijgt hulp bij de post en de rekeningen"]["actions"]
    ] == [True]
    results = {d["kind"]: d["result_id"] for d in body["decisions"]}
    assert results["add_goal"] == str(created.id)
    assert results["adopt_plan"] == str(version.id)
    # The actions' owners were not at the table: the frozen flags say so.
    assert {(f["reason"], f["person"]["name"]) for f in body["flags"]} == {
        ("not_invited", "Oma Riet"),
        ("not_invited", "Wijkteam Noord"),
    }


def test_a_failing_decision_leaves_nothing_applied(
    client: TestClient, session: Session, world: World
) -> None:
    meeting, goal, action, contact_id = _table(session, world)
    new_goal = _decide(client, world, meeting, _new_goal(session, world))
    _decide(
        client,
        world,
        meeting,
        {
            "kind": "add_action",
            "goal_decision_id": new_goal["id"],
            "action": {
                "description": "Budgetcoach aanvragen",
                "owner_type": "contact",
                "owner_id": contact_id,
            },
        },
    )
    _decide(client, world, meeting, {"kind": "confirm_action", "action_ids": [str(action.id)]})
    # Valid when written; at the close the plans domain refuses it (active cannot go back to proposed).
    bad = _decide(
        client,
        world,
        meeting,
        {
            "kind": "change_goal",
            "goal_id": str(goal.id),
            "changes": {"status": "proposed"},
        },
    )
    _decide(client, world, meeting, {"kind": "adopt_plan"})
    goals, actions = _count(session, Goal), _count(session, PlanAction)

    refused = client.post(f"{MEETINGS}/{meeting.id}/close", json={}, headers=auth(world.supporter))

    assert refused.status_code == 409, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["decision_id"] == bad["id"]
    assert refused.json()["code"] == "decision_failed" and "nothing changed" in refused.json()["detail"]
    session.expire_all()
    assert (_count(session, Goal), _count(session, PlanAction), _count(session, PlanVersion)) == (
        goals,
        actions,
        0,
    )
    assert session.get(PlanAction, action.id).agreed_at_table is False  # type: ignore[union-attr]
    assert session.get(Meeting, meeting.id).status == MeetingStatus.planned  # type: ignore[union-attr]
    applied = session.exec(select(MeetingDecision).where(col(MeetingDecision.applied_at).is_not(None))).all()
    assert applied == []
    # Fix the decision and close again: now everything goes through.
    fixed = client.put(
        f"{MEETINGS}/{meeting.id}/decisions/{bad['id']}",
        headers=auth(world.supporter),
        json={"kind": "change_goal", "goal_id": str(goal.id), "changes": {"status": "achieved"}},
    )
    assert fixed.status_code == 200
    assert (
        client.post(f"{MEETINGS}/{meeting.id}/close", json={}, headers=auth(world.supporter)).status_code
        == 200
    )
    assert _count(session, PlanVersion) == 1


def test_close_needs_attendance_and_happens_once(client: TestClient, session: Session, world: World) -> None:
    meeting = make_meeting(session, world.family)
    session.commit()
    url, headers = f"{MEETINGS}/{meeting.id}", auth(world.supporter)
    guest = client.post(
        f"{url}/participants", json={"kind": "guest", "name": "Dr. Jansen"}, headers=headers
    ).json()
    missing = client.post(f"{url}/close", json={}, headers=headers)
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == f"participants.{guest['id']}.attendance"
    items = [{"participant_id": guest["id"], "attendance": "absent"}]
    assert client.put(f"{url}/attendance", json={"items": items}, headers=headers).status_code == 200
    assert client.post(f"{url}/close", json={}, headers=headers).status_code == 200
    assert client.post(f"{url}/close", json={}, headers=headers).status_code == 409
    assert (
        client.post(f"{url}/participants", json={"kind": "guest", "name": "X"}, headers=headers).status_code
        == 409
    )


def test_nobody_present_cannot_close(client: TestClient, session: Session, world: World) -> None:
    meeting = make_meeting(session, world.family)
    session.commit()
    url, headers = f"{MEETINGS}/{meeting.id}", auth(world.supporter)
    participant = client.get(url, headers=headers).json()["participants"][0]
    items = [{"participant_id": participant["id"], "attendance": "excused"}]
    client.put(f"{url}/attendance", json={"items": items}, headers=headers)
    assert client.post(f"{url}/close", json={}, headers=headers).status_code == 422


def test_close_queues_thin_webhooks(client: TestClient, session: Session, world: World) -> None:
    meeting, *_ = _table(session, world)
    consent(session, world.family)
    funder, _ = make_client(session, world.organisation, [world.region])
    session.add(
        WebhookEndpoint(
            client_id=funder.id,
            url="https://hooks.example.nl/x",
            event_types=["meeting.held", "plan.adopted"],
            secret_sealed=seal("s" * 32),
        )
    )
    session.commit()
    _decide(client, world, meeting, {"kind": "adopt_plan"})
    assert (
        client.post(f"{MEETINGS}/{meeting.id}/close", json={}, headers=auth(world.supporter)).status_code
        == 200
    )
    messages = session.exec(select(WebhookMessage).order_by(col(WebhookMessage.created_at))).all()
    assert sorted(m.event_type for m in messages) == ["meeting.held", "plan.adopted"]
    held = next(m for m in messages if m.event_type == "meeting.held")
    assert set(held.payload["data"]) == {"pseudonym", "meeting_id", "held_on", "plan_adopted"}
    assert str(meeting.id) not in str(held.payload)  # ids are pseudonymised per funder


def test_a_decision_about_something_gone_is_unprocessable(
    client: TestClient, session: Session, world: World
) -> None:
    meeting, goal, action, _ = _table(session, world)
    _decide(
        client, world, meeting, {"kind": "change_goal", "goal_id": str(goal.id), "changes": {"priority": 2}}
    )
    confirm = _decide(client, world, meeting, {"kind": "confirm_action", "action_ids": [str(action.id)]})
    session.delete(session.get(PlanAction, action.id))
    session.commit()
    refused = client.post(f"{MEETINGS}/{meeting.id}/close", json={}, headers=auth(world.supporter))
    assert refused.status_code == 422, refused.text
    assert refused.json()["decision_id"] == confirm["id"]
    session.expire_all()
    assert session.get(Goal, goal.id).priority == 3  # type: ignore[union-attr]  # the first decision rolled back
