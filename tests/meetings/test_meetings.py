"""Meetings: plan one with an agenda from the plan, read it with flags, change it with If-Match, cancel it."""

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from api.models import AuditEvent, GoalMember, Meeting, MeetingStatus, OwnerType, PlanAction
from api.models.base import localtoday
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_contact, make_member
from tests.meetings.factories import MEETINGS, family_url, first_member, make_meeting
from tests.plans.factories import make_action, make_goal, make_score

NEXT_WEEK = (datetime.now(UTC) + timedelta(days=7)).replace(microsecond=0)


def _create(client: TestClient, world: World, **body: object) -> dict:  # type: ignore[type-arg]
    response = client.post(
        family_url(world.family),
        json={"starts_at": NEXT_WEEK.isoformat()} | body,
        headers=auth(world.supporter),
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_create_builds_the_agenda_from_the_plan(client: TestClient, session: Session, world: World) -> None:
    due = make_goal(session, world.family, text="Daan gaat weer naar school")
    fresh = make_goal(session, world.family, text="Linda heeft een vaste logeeropvang")
    make_score(session, fresh, 0, localtoday())
    fresh.target_on = localtoday() + timedelta(days=200)
    make_action(session, due, description="Oma belt de school", agreed=False)
    make_action(session, due, description="School stuurt het rooster", agreed=True)
    session.commit()
    body = _create(client, world, place="Wijkcentrum De Linde")
    agenda = [(item["kind"], item["title"]) for item in body["agenda"]]
    assert agenda == [
        ("goal_review", "Doel bespreken: Daan gaat weer naar school"),
        ("unconfirmed_action", "Afspraak bevestigen: Oma belt de school (Oma Riet)"),
        ("open_action", "Actie nalopen: School stuurt het rooster (Oma Riet)"),
    ]
    assert body["status"] == "planned"
    assert body["sequence"] == 0


def test_create_adds_chair_and_supporter_and_given_participants(
    client: TestClient, session: Session, world: World
) -> None:
    member = first_member(session, world.family)
    response = client.post(
        family_url(world.family),
        json={
            "starts_at": NEXT_WEEK.isoformat(),
            "participants": [
                {"kind": "member", "member_id": str(member.id)},
                {"kind": "guest", "name": "Dr. Jansen", "organisation": "GGD", "role": "jeugdarts"},
            ],
        },
        headers=auth(world.coordinator),
    )
    assert response.status_code == 201, response.text
    assert response.headers["etag"] == '"1"'
    people = {(p["kind"], p["name"], p["is_chair"]) for p in response.json()["participants"]}
    assert people == {
        ("staff", world.coordinator.full_name, True),
        ("staff", world.supporter.full_name, False),
        ("member", "Sanne", False),
        ("guest", "Dr. Jansen", False),
    }
    assert response.json()["chair_name"] == world.coordinator.full_name


def test_times_are_utc_and_shown_in_amsterdam(client: TestClient, world: World) -> None:
    # A time without offset is what a form sends: it is Amsterdam wall-clock time (CET in winter).
    body = _create(client, world, starts_at="2026-12-03T14:00:00")
    assert body["starts_at"] == "2026-12-03T13:00:00Z"
    assert body["local_starts_at"] == "2026-12-03T14:00+01:00"
    assert body["local_ends_at"] == "2026-12-03T15:30+01:00"
    summer = _create(
        client, world, starts_at="2027-06-03T10:00:00+02:00", ends_at="2027-06-03T11:00:00+02:00"
    )
    assert summer["starts_at"] == "2027-06-03T08:00:00Z"
    assert summer["local_starts_at"] == "2027-06-03T10:00+02:00"
    assert summer["timezone"] == "Europe/Amsterdam"


def test_create_validates(client: TestClient, session: Session, world: World) -> None:
    other_member = first_member(session, world.other_caseload_family)
    cases = [
        ({"ends_at": (NEXT_WEEK - timedelta(hours=1)).isoformat()}, "body"),
        ({"video_url": "http://insecure.example/call"}, "video_url"),
        (
            {"participants": [{"kind": "member", "member_id": str(other_member.id)}]},
            "participants.0.member_id",
        ),
        ({"participants": [{"kind": "guest"}]}, "participants.0"),
        ({"participants": [{"kind": "member", "member_id": str(other_member.id), "email": "a@b.nl"}]}, None),
        ({"chair_user_id": str(world.other_org_coordinator.id)}, "chair_user_id"),
    ]
    for extra, field in cases:
        response = client.post(
            family_url(world.family),
            json={"starts_at": NEXT_WEEK.isoformat()} | extra,
            headers=auth(world.supporter),
        )
        assert response.status_code == 422, (extra, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        if field is not None:
            assert response.json()["errors"][0]["field"] == field, response.text


def test_create_is_idempotent_with_a_key(client: TestClient, session: Session, world: World) -> None:
    headers = auth(world.supporter) | {"Idempotency-Key": "meeting-create-0001"}
    body = {"starts_at": NEXT_WEEK.isoformat()}
    first = client.post(family_url(world.family), json=body, headers=headers)
    again = client.post(family_url(world.family), json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    count = session.exec(
        select(func.count()).select_from(Meeting).where(Meeting.family_id == world.family.id)
    )
    assert count.one() == 1


def test_other_caseload_and_anonymous(client: TestClient, session: Session, world: World) -> None:
    meeting = make_meeting(session, world.other_caseload_family)
    session.commit()
    assert client.get(f"{MEETINGS}/{meeting.id}").status_code == 401
    hidden = client.get(f"{MEETINGS}/{meeting.id}", headers=auth(world.supporter))
    missing = client.get(f"{MEETINGS}/{NEXT_WEEK.date().isoformat()}", headers=auth(world.supporter))
    assert hidden.status_code == 404
    assert missing.status_code == 422  # not even a meeting id
    assert hidden.json()["code"] == "meeting_not_found"
    refused = session.exec(
        select(AuditEvent).where(
            AuditEvent.family_id == world.other_caseload_family.id, AuditEvent.outcome == "denied"
        )
    ).all()
    assert [e.action for e in refused] == ["read"]
    assert client.get(f"{MEETINGS}/{meeting.id}", headers=auth(world.coordinator)).status_code == 200


def test_flags_name_crucial_players_who_are_missing(
    client: TestClient, session: Session, world: World
) -> None:
    sanne = first_member(session, world.family)
    kees = make_member(session, world.family, "Kees")
    annie = make_contact(session, world.family, "Buurvrouw Annie")
    goal = make_goal(session, world.family)
    session.add(GoalMember(goal_id=goal.id, member_id=sanne.id))
    action = make_action(session, goal)
    action.owner_type, action.owner_contact_id, action.owner_name = OwnerType.contact, annie.id, None
    session.add(
        PlanAction(
            plan_id=goal.plan_id,
            family_id=world.family.id,
            goal_id=goal.id,
            description="Bellen",
            owner_type=OwnerType.person,
            owner_name="Dr. Jansen",
        )
    )
    session.commit()
    body = _create(
        client,
        world,
        participants=[
            {"kind": "member", "member_id": str(kees.id)},
            {"kind": "contact", "contact_id": str(annie.id), "invitation": "declined"},
        ],
    )
    flags = {(f["reason"], f["person"]["name"]) for f in body["flags"]}
    assert flags == {("not_invited", "Sanne"), ("declined", "Buurvrouw Annie"), ("not_invited", "Dr. Jansen")}
    assert body["flag_count"] == 3
    sanne_flag = next(f for f in body["flags"] if f["person"]["name"] == "Sanne")
    assert sanne_flag["because"] == [f"Doel gaat over Sanne: {goal.text}"]
    crucial = {p["name"]: p["is_crucial"] for p in body["participants"]}
    assert crucial["Buurvrouw Annie"] is True
    assert crucial["Kees"] is False

    url = f"{MEETINGS}/{body['id']}"
    headers = auth(world.supporter)
    client.post(f"{url}/participants", json={"kind": "member", "member_id": str(sanne.id)}, headers=headers)
    client.post(f"{url}/participants", json={"kind": "guest", "name": "dr. jansen"}, headers=headers)
    annie_id = next(p["id"] for p in body["participants"] if p["name"] == "Buurvrouw Annie")
    client.put(
        f"{url}/attendance",
        json={"items": [{"participant_id": annie_id, "attendance": "excused"}]},
        headers=headers,
    )
    flags = client.get(url, headers=headers).json()["flags"]
    assert [(f["reason"], f["person"]["name"]) for f in flags] == [("did_not_attend", "Buurvrouw Annie")]


def test_update_needs_if_match_and_raises_the_sequence_on_calendar_changes(
    client: TestClient, world: World
) -> None:
    body = _create(client, world)
    url = f"{MEETINGS}/{body['id']}"
    headers = auth(world.supporter)
    assert client.patch(url, json={"place": "Buurthuis"}, headers=headers).status_code == 428
    assert (
        client.patch(url, json={"place": "Buurthuis"}, headers=headers | {"If-Match": '"9"'}).status_code
        == 412
    )
    moved = client.patch(url, json={"place": "Buurthuis"}, headers=headers | {"If-Match": '"1"'})
    assert moved.status_code == 200, moved.text
    assert (moved.json()["sequence"], moved.headers["etag"]) == (1, '"2"')
    minutes = client.patch(url, json={"minutes": "Concept"}, headers=headers | {"If-Match": '"2"'})
    assert minutes.json()["sequence"] == 1  # not a calendar change
    later = (NEXT_WEEK + timedelta(days=1)).isoformat()
    retimed = client.patch(url, json={"starts_at": later}, headers=headers | {"If-Match": '"3"'})
    assert retimed.status_code == 422  # would end before it starts
    retimed = client.patch(
        url,
        json={"starts_at": later, "ends_at": (NEXT_WEEK + timedelta(days=1, hours=1)).isoformat()},
        headers=headers | {"If-Match": '"3"'},
    )
    assert retimed.json()["sequence"] == 2


def test_cancel_is_final(client: TestClient, world: World) -> None:
    body = _create(client, world)
    url = f"{MEETINGS}/{body['id']}"
    headers = auth(world.supporter)
    cancelled = client.post(f"{url}/cancel", json={"reason": "Moeder is ziek"}, headers=headers)
    assert cancelled.status_code == 200
    assert (cancelled.json()["status"], cancelled.json()["sequence"]) == ("cancelled", 1)
    assert client.post(f"{url}/cancel", json={}, headers=headers).status_code == 409
    assert client.patch(url, json={"place": "x"}, headers=headers | {"If-Match": "*"}).status_code == 409
    assert client.post(f"{url}/agenda-items", json={"title": "x"}, headers=headers).status_code == 409
    assert client.post(f"{url}/close", json={}, headers=headers).status_code == 409


def test_family_list_is_newest_first_in_fixed_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    make_goal(session, world.family)
    for days in (3, 1, 2):
        make_meeting(session, world.family, starts_at=NEXT_WEEK - timedelta(days=days))
    session.commit()
    headers, url = auth(world.supporter), family_url(world.family)
    client.get(url, headers=headers)  # warm-up
    before = count_queries.count
    page = client.get(url, headers=headers).json()
    few = count_queries.count - before
    assert [m["starts_at"][:10] for m in page["items"]] == [
        (NEXT_WEEK - timedelta(days=d)).date().isoformat() for d in (1, 2, 3)
    ]
    for days in range(4, 10):
        make_meeting(session, world.family, starts_at=NEXT_WEEK - timedelta(days=days))
    session.commit()
    before = count_queries.count
    assert len(client.get(url, headers=headers).json()["items"]) == 9
    assert count_queries.count - before == few
    assert page["items"][0]["status"] == MeetingStatus.planned.value
