"""A planned meeting's parts: participants and attendance, agenda items, decisions (checked when written)."""

import uuid

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import World, auth, make_contact
from tests.meetings.factories import MEETINGS, first_member, make_meeting
from tests.plans.factories import make_action, make_goal


def _url(session: Session, world: World) -> str:
    meeting = make_meeting(session, world.family)
    session.commit()
    return f"{MEETINGS}/{meeting.id}"


def test_participants(client: TestClient, session: Session, world: World) -> None:
    url, headers = _url(session, world), auth(world.supporter)
    annie = make_contact(session, world.family, "Buurvrouw Annie")
    stranger = first_member(session, world.other_caseload_family)
    session.commit()
    added = client.post(
        f"{url}/participants", json={"kind": "contact", "contact_id": str(annie.id)}, headers=headers
    )
    assert added.status_code == 201, added.text
    assert (added.json()["name"], added.json()["invitation"]) == ("Buurvrouw Annie", "invited")
    again = client.post(
        f"{url}/participants", json={"kind": "contact", "contact_id": str(annie.id)}, headers=headers
    )
    assert again.status_code == 409
    foreign = client.post(
        f"{url}/participants", json={"kind": "member", "member_id": str(stranger.id)}, headers=headers
    )
    assert foreign.status_code == 422
    guest = client.post(
        f"{url}/participants",
        json={
            "kind": "guest",
            "name": "Dr. Jansen",
            "organisation": "GGD",
            "role": "jeugdarts",
            "email": "j@ggd.nl",
        },
        headers=headers,
    ).json()
    assert (guest["organisation"], guest["role"], guest["email"]) == ("GGD", "jeugdarts", "j@ggd.nl")
    changed = client.patch(
        f"{url}/participants/{guest['id']}",
        json={"invitation": "accepted", "name": "Dr. P. Jansen"},
        headers=headers,
    )
    assert (changed.json()["invitation"], changed.json()["name"]) == ("accepted", "Dr. P. Jansen")
    not_a_guest = client.patch(
        f"{url}/participants/{added.json()['id']}", json={"email": "a@b.nl"}, headers=headers
    )
    assert not_a_guest.status_code == 422
    assert client.delete(f"{url}/participants/{guest['id']}", headers=headers).status_code == 204
    assert client.delete(f"{url}/participants/{guest['id']}", headers=headers).status_code == 404


def test_chair_cannot_be_removed(client: TestClient, world: World) -> None:
    created = client.post(
        f"/api/v1/families/{world.family.id}/meetings",
        json={"starts_at": "2026-12-03T14:00:00"},
        headers=auth(world.supporter),
    ).json()
    chair = next(p for p in created["participants"] if p["is_chair"])
    url = f"{MEETINGS}/{created['id']}/participants/{chair['id']}"
    assert client.delete(url, headers=auth(world.supporter)).status_code == 409


def test_attendance_for_many_at_once(client: TestClient, session: Session, world: World) -> None:
    url, headers = _url(session, world), auth(world.supporter)
    guest = client.post(
        f"{url}/participants", json={"kind": "guest", "name": "Dr. Jansen"}, headers=headers
    ).json()
    sanne = next(p for p in client.get(url, headers=headers).json()["participants"] if p["name"] == "Sanne")
    items = [
        {"participant_id": guest["id"], "attendance": "excused"},
        {"participant_id": sanne["id"], "attendance": "absent"},
    ]
    answer = client.put(f"{url}/attendance", json={"items": items}, headers=headers)
    assert answer.status_code == 200
    assert {p["name"]: p["attendance"] for p in answer.json()} == {"Dr. Jansen": "excused", "Sanne": "absent"}
    unknown = [{"participant_id": str(uuid.uuid4()), "attendance": "present"}]
    assert client.put(f"{url}/attendance", json={"items": unknown}, headers=headers).status_code == 404
    assert client.put(f"{url}/attendance", json={"items": []}, headers=headers).status_code == 422


def test_agenda_items(client: TestClient, session: Session, world: World) -> None:
    url, headers = _url(session, world), auth(world.supporter)
    added = client.post(f"{url}/agenda-items", json={"title": "Logeeropvang"}, headers=headers)
    assert added.status_code == 201
    assert (added.json()["kind"], added.json()["position"]) == ("free", 2)
    moved = client.patch(
        f"{url}/agenda-items/{added.json()['id']}", json={"position": 1, "note": "Besproken"}, headers=headers
    )
    assert (moved.json()["position"], moved.json()["note"]) == (1, "Besproken")
    agenda = client.get(url, headers=headers).json()["agenda"]
    assert [(i["title"], i["position"]) for i in agenda] == [("Logeeropvang", 1), ("Vervoer", 2)]
    assert client.delete(f"{url}/agenda-items/{added.json()['id']}", headers=headers).status_code == 204
    assert [i["title"] for i in client.get(url, headers=headers).json()["agenda"]] == ["Vervoer"]
    too_long = client.post(f"{url}/agenda-items", json={"title": "x" * 301}, headers=headers)
    assert too_long.status_code == 422


def test_decisions_are_checked_when_written(client: TestClient, session: Session, world: World) -> None:
    url, headers = _url(session, world), auth(world.supporter)
    foreign_goal = make_goal(session, world.other_caseload_family)
    goal = make_goal(session, world.family)
    done = make_action(session, goal)
    done.status = "done"  # type: ignore[assignment]
    session.commit()
    decide = f"{url}/decisions"
    wrong_goal = {"kind": "change_goal", "goal_id": str(foreign_goal.id), "changes": {"priority": 1}}
    assert client.post(decide, json=wrong_goal, headers=headers).json()["errors"][0]["field"] == "goal_id"
    closed_action = {"kind": "confirm_action", "action_ids": [str(done.id)]}
    assert client.post(decide, json=closed_action, headers=headers).status_code == 422
    note = client.get(url, headers=headers).json()["decisions"][0]
    under_a_note = {
        "kind": "add_action",
        "goal_decision_id": note["id"],
        "action": {"description": "Bellen", "owner_type": "person", "owner_name": "Oma"},
    }
    assert client.post(decide, json=under_a_note, headers=headers).status_code == 422
    both = under_a_note | {"goal_id": str(goal.id)}
    assert client.post(decide, json=both, headers=headers).status_code == 422
    unknown = client.post(decide, json={"kind": "vote"}, headers=headers)
    assert unknown.status_code == 422
    adopt = client.post(decide, json={"kind": "adopt_plan"}, headers=headers)
    assert adopt.status_code == 201
    assert adopt.json()["text"] == "Het gezinsplan is vastgesteld."
    assert client.post(decide, json={"kind": "adopt_plan"}, headers=headers).status_code == 409


def test_decisions_can_be_rewritten_and_struck(client: TestClient, session: Session, world: World) -> None:
    url, headers = _url(session, world), auth(world.supporter)
    goal = make_goal(session, world.family)
    session.commit()
    decide = f"{url}/decisions"
    new_goal = client.post(
        decide,
        headers=headers,
        json={
            "kind": "add_goal",
            "text": "We zoeken een logeeradres",
            "goal": {"text": "Een logeeradres voor Daan", "life_domain_id": str(goal.life_domain_id)},
        },
    ).json()
    assert new_goal["text"] == "We zoeken een logeeradres"
    assert new_goal["payload"]["goal"]["text"] == "Een logeeradres voor Daan"
    action = client.post(
        decide,
        headers=headers,
        json={
            "kind": "add_action",
            "goal_decision_id": new_goal["id"],
            "action": {
                "description": "Zorgkantoor bellen",
                "owner_type": "supporter",
                "owner_id": str(world.supporter.id),
            },
        },
    ).json()
    assert action["text"] == f"Afspraak: Zorgkantoor bellen (wie: {world.supporter.full_name})"
    assert (
        client.delete(f"{decide}/{new_goal['id']}", headers=headers).status_code == 409
    )  # an action hangs under it
    rewritten = client.put(
        f"{decide}/{action['id']}", headers=headers, json={"kind": "note", "text": "Later"}
    )
    assert (rewritten.json()["kind"], rewritten.json()["payload"]) == ("note", {})
    assert client.delete(f"{decide}/{new_goal['id']}", headers=headers).status_code == 204
    kinds = [d["kind"] for d in client.get(url, headers=headers).json()["decisions"]]
    assert kinds == ["note", "note"]


def test_agenda_follows_a_plan_that_moved(client: TestClient, session: Session, world: World) -> None:
    url, headers = _url(session, world), auth(world.supporter)
    goal = make_goal(session, world.family, text="Een logeeradres voor Daan")
    make_action(session, goal, description="Zorgkantoor bellen")
    session.commit()
    first = client.post(f"{url}/agenda-items/from-plan", headers=headers)
    assert first.status_code == 200, first.text
    titles = [i["title"] for i in first.json()]
    assert titles == [
        "Vervoer",
        "Doel bespreken: Een logeeradres voor Daan",
        "Afspraak bevestigen: Zorgkantoor bellen (Oma Riet)",
    ]
    again = client.post(f"{url}/agenda-items/from-plan", headers=headers).json()
    assert [i["title"] for i in again] == titles  # nothing twice
