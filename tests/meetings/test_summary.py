"""The family's summary in plain Dutch: before the meeting an invitation, after it what was agreed."""

from datetime import UTC, date, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import World, auth, make_contact
from tests.meetings.factories import MEETINGS, family_url, first_member
from tests.plans.factories import make_action, make_goal


def test_summary_before_and_after(client: TestClient, session: Session, world: World) -> None:
    goal = make_goal(session, world.family, text="Daan gaat weer naar school")
    action = make_action(session, goal, description="Oma belt de school", due_on=date(2027, 1, 15))
    sanne = first_member(session, world.family)
    hans = make_contact(session, world.family, "Oom Hans")
    session.commit()
    headers = auth(world.supporter)
    start = datetime(2026, 12, 1, 13, 0, tzinfo=UTC)  # a Tuesday, 14.00 in Amsterdam
    created = client.post(
        family_url(world.family),
        json={
            "starts_at": start.isoformat(),
            "place": "Wijkcentrum De Linde",
            "participants": [
                {"kind": "member", "member_id": str(sanne.id)},
                {"kind": "contact", "contact_id": str(hans.id)},
            ],
        },
        headers=headers,
    ).json()
    url = f"{MEETINGS}/{created['id']}"
    before = client.get(f"{url}/summary", headers=headers).json()
    assert before["title"] == "Uitnodiging voor het rondetafeloverleg"
    assert before["when"] == "dinsdag 1 december 2026, van 14.00 tot 15.30 uur"
    assert before["where"] == "Wijkcentrum De Linde"
    assert before["chair"] == f"{world.supporter.full_name} leidt het gesprek."
    assert before["invited"] == [f"{world.supporter.full_name} (bondgenoot)", "Sanne (ouder)", "Oom Hans"]
    assert before["agenda"][0] == "Doel bespreken: Daan gaat weer naar school"
    assert before["present"] == before["decisions"] == []

    people = {p["name"]: p["id"] for p in created["participants"]}
    attendance = [
        {"participant_id": people[world.supporter.full_name], "attendance": "present"},
        {"participant_id": people["Sanne"], "attendance": "present"},
        {"participant_id": people["Oom Hans"], "attendance": "excused"},
    ]
    client.put(f"{url}/attendance", json={"items": attendance}, headers=headers)
    decide = f"{url}/decisions"
    client.post(decide, json={"kind": "confirm_action", "action_ids": [str(action.id)]}, headers=headers)
    client.post(decide, json={"kind": "note", "text": "We zien elkaar over drie maanden."}, headers=headers)
    client.post(decide, json={"kind": "adopt_plan"}, headers=headers)
    next_start = (start + timedelta(days=91)).isoformat()
    client.post(family_url(world.family), json={"starts_at": next_start}, headers=headers)
    assert client.post(f"{url}/close", json={"minutes": "Fijn gesprek."}, headers=headers).status_code == 200

    after = client.get(f"{url}/summary", headers=headers).json()
    assert after["title"] == "Verslag van het rondetafeloverleg"
    assert after["present"] == [f"{world.supporter.full_name} (bondgenoot)", "Sanne (ouder)"]
    assert after["absent"] == ["Oom Hans, afgemeld"]
    assert after["decisions"] == [
        "Afspraken bevestigd: Oma belt de school",
        "We zien elkaar over drie maanden.",
    ]
    assert after["agreements"] == [
        {"what": "Oma belt de school", "who": "Oma Riet", "when": "vóór vrijdag 15 januari 2027"}
    ]
    assert after["plan_adopted"] == "Jullie gezinsplan is vastgesteld (versie 1)."
    assert after["minutes"] == "Fijn gesprek."
    assert (
        after["next_meeting"] == "Het volgende overleg is op dinsdag 2 maart 2027, van 14.00 tot 15.30 uur."
    )
    assert after["agenda"] == after["invited"] == []
    assert world.supporter.full_name in after["closing"]


def test_summary_is_scoped(client: TestClient, world: World) -> None:
    created = client.post(
        family_url(world.other_caseload_family),
        json={"starts_at": datetime.now(UTC).isoformat()},
        headers=auth(world.coordinator),
    ).json()
    url = f"{MEETINGS}/{created['id']}/summary"
    assert client.get(url, headers=auth(world.supporter)).status_code == 404
    assert client.get(url).status_code == 401
