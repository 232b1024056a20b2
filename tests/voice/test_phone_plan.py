"""The plan on the phone: a member sees, ticks and proposes; a network contact sees their own part."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import (
    ActionStatus,
    AuditEvent,
    ContactConsent,
    ContactParty,
    FamilyProposal,
    Meeting,
    MeetingParticipant,
    OwnerType,
    ParticipantKind,
)
from api.models.base import utcnow
from tests.checkins.factories import SESSION_URL, first_member, link_header, make_link, open_session
from tests.factories import World, auth, make_contact
from tests.plans.factories import make_action, make_goal, make_score
from tests.voice.factories import make_contact_link, make_professional

PLAN_URL = "/api/v1/checkin/plan"


def _meeting(session: Session, world: World, *, days: int) -> Meeting:
    start = utcnow() + timedelta(days=days)
    meeting = Meeting(
        family_id=world.family.id,
        uid=f"m-{start.timestamp()}@test",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )
    session.add(meeting)
    session.flush()
    return meeting


def test_member_sees_the_plan_in_words_ticks_own_action_and_proposes(
    client: TestClient, session: Session, world: World
) -> None:
    member = first_member(session, world.family)
    goal = make_goal(session, world.family)
    make_score(session, goal, 0, utcnow().date())
    mine = make_action(session, goal, description="Ik bel school")
    mine.owner_type, mine.owner_member_id, mine.owner_name = OwnerType.member, member.id, None
    other = make_action(session, goal)
    link, token, code = make_link(session, world.family)
    session.commit()
    headers = open_session(client, token, code)

    plan = client.get(PLAN_URL, headers=headers)
    assert plan.status_code == 200, plan.text
    body = plan.json()
    assert body["party"] == "member"
    assert body["goals"][0]["text"] == goal.text
    assert body["goals"][0]["level"] == 0
    assert body["goals"][0]["level_text"] == "Daan gaat elke ochtend."
    assert "t_score" not in plan.text
    assert [a["mine"] for a in body["goals"][0]["actions"]] == [True, False]

    done = client.put(f"{PLAN_URL}/actions/{mine.id}/status", json={"status": "done"}, headers=headers)
    assert done.status_code == 200, done.text
    session.refresh(mine)
    assert mine.status == ActionStatus.done
    refused = client.put(f"{PLAN_URL}/actions/{other.id}/status", json={"status": "done"}, headers=headers)
    assert refused.status_code == 404

    proposal = client.post(
        f"{PLAN_URL}/proposals", json={"kind": "goal", "text": "Een keer per week vrij"}, headers=headers
    )
    assert proposal.status_code == 201, proposal.text
    comment = client.post(
        f"{PLAN_URL}/proposals",
        json={"kind": "comment", "text": "Lukt nog niet", "goal_id": str(goal.id)},
        headers=headers,
    )
    assert comment.status_code == 201
    stored = session.exec(select(FamilyProposal).where(FamilyProposal.family_id == world.family.id)).all()
    assert {p.kind.value for p in stored} == {"goal", "comment"}
    session.refresh(goal)
    assert goal.text == "We willen dat Daan weer naar school gaat."  # a proposal never changes the plan

    actions = {
        (e.action, e.object_type)
        for e in session.exec(select(AuditEvent).where(AuditEvent.actor_id == link.id)).all()
    }
    assert {("read", "plan"), ("update", "plan_action"), ("create", "family_proposal")} <= actions

    staff = client.get(f"/api/v1/families/{world.family.id}/proposals", headers=auth(world.supporter))
    assert staff.status_code == 200
    assert {p["kind"] for p in staff.json()} == {"goal", "comment"}


def test_contact_sees_only_own_actions_and_the_meeting_they_are_invited_to(
    client: TestClient, session: Session, world: World
) -> None:
    contact = make_contact(session, world.family, "Buurvrouw Annie")
    goal = make_goal(session, world.family)
    hers = make_action(session, goal, description="Annie past op")
    hers.owner_type, hers.owner_contact_id, hers.owner_name = OwnerType.contact, contact.id, None
    make_action(session, goal, description="Iets van een ander")
    meeting = _meeting(session, world, days=7)
    session.add(
        MeetingParticipant(meeting_id=meeting.id, kind=ParticipantKind.contact, contact_id=contact.id)
    )
    link, token, code = make_contact_link(session, world.family, contact)
    session.commit()

    opened = client.post(SESSION_URL, json={"code": code}, headers=link_header(token))
    assert opened.status_code == 200, opened.text
    assert opened.json()["party"] == "contact"
    headers = {"Authorization": f"Bearer {opened.json()['session_token']}"}
    body = client.get(PLAN_URL, headers=headers).json()
    assert body["party"] == "contact"
    assert body["goals"] == []  # no consent: nothing else about the family
    assert [a["description"] for a in body["my_actions"]] == ["Annie past op"]
    assert body["next_meeting"]["meeting_id"] == str(meeting.id)
    assert body["consent"] == {"plan": False, "summaries": False, "checkin_trend": False}
    ics = client.get(f"{PLAN_URL}/meetings/{meeting.id}/invitation", headers=headers)
    assert ics.status_code == 200 and ics.content.startswith(b"BEGIN:VCALENDAR")
    # A contact's session opens none of the member's routes, and proposes nothing.
    assert client.get("/api/v1/checkin/checkins", headers=headers).status_code == 401
    assert (
        client.post(f"{PLAN_URL}/proposals", json={"kind": "goal", "text": "x"}, headers=headers).status_code
        == 401
    )

    consent = client.put(
        f"/api/v1/families/{world.family.id}/contacts/{contact.id}/consent",
        json={"plan": True, "summaries": False, "checkin_trend": False},
        headers=auth(world.supporter),
    )
    assert consent.status_code == 200, consent.text
    body = client.get(PLAN_URL, headers=headers).json()
    assert len(body["goals"]) == 1
    audit = session.exec(
        select(AuditEvent).where(AuditEvent.actor_id == link.id, AuditEvent.action == "read")
    ).all()
    assert {e.actor_type for e in audit} == {"network_link"}


def test_contact_link_locks_after_five_wrong_codes(
    client: TestClient, session: Session, world: World
) -> None:
    contact = make_contact(session, world.family)
    _, token, code = make_contact_link(session, world.family, contact)
    session.commit()
    wrong = "000000" if code != "000000" else "111111"
    answers = [
        client.post(SESSION_URL, json={"code": wrong}, headers=link_header(token)).status_code
        for _ in range(5)
    ]
    assert answers == [401, 401, 401, 401, 423]
    assert client.post(SESSION_URL, json={"code": code}, headers=link_header(token)).status_code == 423


def test_plan_needs_a_session(client: TestClient, world: World) -> None:
    assert client.get(PLAN_URL).status_code == 401
    assert client.get(PLAN_URL, headers=auth(world.supporter)).status_code == 401


def test_staff_outside_scope_get_404(client: TestClient, session: Session, world: World) -> None:
    contact = make_contact(session, world.other_org_family)
    session.commit()
    family = world.other_org_family.id
    assert (
        client.get(f"/api/v1/families/{family}/network-access", headers=auth(world.supporter)).status_code
        == 404
    )
    assert (
        client.get(f"/api/v1/families/{family}/proposals", headers=auth(world.supporter)).status_code == 404
    )
    made = client.post(
        f"/api/v1/families/{family}/contacts/{contact.id}/links", headers=auth(world.supporter)
    )
    assert made.status_code == 404
    assert session.exec(select(ContactConsent)).all() == []


def test_supporter_makes_a_contact_link_and_sees_network_access(
    client: TestClient, session: Session, world: World
) -> None:
    contact = make_professional(session, world.family, ContactParty.school)
    session.commit()
    made = client.post(
        f"/api/v1/families/{world.family.id}/contacts/{contact.id}/links", headers=auth(world.supporter)
    )
    assert made.status_code == 201, made.text
    assert made.json()["path"].startswith("/c#")
    listed = client.get(
        f"/api/v1/families/{world.family.id}/network-access", headers=auth(world.supporter)
    ).json()
    school = next(row for row in listed if row["contact_id"] == str(contact.id))
    assert school["party"] == "school"
    assert school["link"]["status"] == "active"
    assert school["consent"]["version"] == 0


def test_school_is_crucial_for_an_education_goal(client: TestClient, session: Session, world: World) -> None:
    contact = make_professional(session, world.family, ContactParty.school)
    make_goal(session, world.family, domain="education")
    session.commit()
    from api.meetings.plan_links import crucial_people

    crucial = crucial_people(session, [world.family.id])[world.family.id]
    assert any(c.ref_id == contact.id and "school" in c.because[0] for c in crucial)
