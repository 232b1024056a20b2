"""The scheduled passes queue each reminder once, however often they run: questionnaires due and nearly
overdue, the weekly check-in nudge, the network's actions, the supporters' and coordinators' digests, and a
'bel me' from a check-in at once."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.models import DigestFrequency, MessageStatus, NotificationPreference, OwnerType, RecipientKind
from api.models.base import localtoday, utcnow
from api.notifications.passes import run_passes
from tests.checkins.factories import make_checkin, make_link
from tests.factories import World, make_family
from tests.notifications.helpers import NOON, messages, reachable_contact, reachable_member, sender
from tests.notifications.servers import SmtpServer
from tests.plans.factories import make_action, make_goal

TODAY = NOON.date()


def test_questionnaire_due_then_nearly_overdue_once_each(session: Session, world: World) -> None:
    family = make_family(session, world.organisation, world.supporter, started_on=localtoday())
    member = reachable_member(session, family)
    late = make_family(
        session, world.organisation, world.supporter, started_on=localtoday() - timedelta(days=25)
    )
    late_member = reachable_member(session, late, name="Piet")
    session.commit()
    run_passes(session, utcnow())
    run_passes(session, utcnow())  # idempotent
    due = messages(session, recipient_id=member.id)
    assert {m.kind for m in due} == {"questionnaire_due"}
    assert len(due) == len({m.dedupe_key for m in due}) >= 1
    soon = messages(session, recipient_id=late_member.id)
    assert {m.kind for m in soon} == {"questionnaire_overdue_soon"}
    assert soon[0].context["due_on"] == (localtoday() + timedelta(days=5)).isoformat()


def test_weekly_nudge_only_to_those_who_asked_and_not_after_a_recent_checkin(
    session: Session, world: World
) -> None:
    asked = reachable_member(session, world.family, nudge=True)
    quiet = reachable_member(session, world.family, name="Kees")
    checked_in = reachable_member(session, world.family, name="Lies", nudge=True)
    link, _, _ = make_link(session, world.family)
    link.member_id = checked_in.id
    make_checkin(session, link)
    session.commit()
    run_passes(session, NOON)
    run_passes(session, NOON + timedelta(days=1))  # same week
    assert len(messages(session, recipient_id=asked.id, kind="checkin_nudge")) == 1
    assert messages(session, recipient_id=quiet.id, kind="checkin_nudge") == []
    assert messages(session, recipient_id=checked_in.id, kind="checkin_nudge") == []
    run_passes(session, NOON + timedelta(days=7))  # next week
    assert len(messages(session, recipient_id=asked.id, kind="checkin_nudge")) == 2


def test_network_contacts_hear_of_their_actions_due_soon(session: Session, world: World) -> None:
    contact = reachable_contact(session, world.family)
    goal = make_goal(session, world.family)
    action = make_action(session, goal, due_on=localtoday() + timedelta(days=2))
    action.owner_type, action.owner_contact_id, action.owner_name = OwnerType.contact, contact.id, None
    later = make_action(session, goal, due_on=localtoday() + timedelta(days=20))
    later.owner_type, later.owner_contact_id, later.owner_name = OwnerType.contact, contact.id, None
    session.commit()
    run_passes(session, utcnow())
    run_passes(session, utcnow())
    (reminder,) = messages(session, recipient_id=contact.id)
    assert reminder.kind == "action_reminder"
    assert reminder.dedupe_key == f"action_reminder:{action.id}:{action.due_on}"


def test_digests_carry_numbers_not_names(session: Session, world: World, smtp: SmtpServer) -> None:
    session.add(NotificationPreference(user_id=world.other_supporter.id, digest=DigestFrequency.daily))
    session.add(NotificationPreference(user_id=world.supporter.id, digest=DigestFrequency.off))
    goal = make_goal(session, world.other_caseload_family)
    make_action(session, goal, due_on=localtoday() - timedelta(days=3))
    session.commit()
    run_passes(session, NOON)
    run_passes(session, NOON)
    assert messages(session, recipient_id=world.supporter.id) == []  # turned off
    (daily,) = messages(session, recipient_id=world.other_supporter.id)
    assert (daily.kind, daily.dedupe_key) == ("digest", "digest:08-12-2026")
    assert daily.context["overdue_actions"] >= 1
    (team,) = messages(session, recipient_id=world.coordinator.id)
    assert (team.kind, team.dedupe_key) == ("team_digest", "team_digest:2026-W50")
    sender(session, smtp=smtp).run_once(now=NOON)
    for mail in smtp.inbox.messages:
        text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        for family in (world.family, world.other_caseload_family):
            assert family.display_name not in mail["Subject"] and family.display_name not in text
    subjects = {m["To"]: m["Subject"] for m in smtp.inbox.messages}
    assert subjects[world.other_supporter.email] == "Bondgenoot: je overzicht (08-12-2026)"
    assert subjects[world.coordinator.email] == "Bondgenoot: overzicht van je team (2026-W50)"
    assert "List-Unsubscribe" not in smtp.inbox.messages[0]  # staff change their settings instead


def test_digests_wait_for_the_morning(session: Session, world: World) -> None:
    run_passes(session, NOON.replace(hour=4))  # 05:00 in Amsterdam
    assert messages(session, recipient_kind=RecipientKind.user) == []


def test_call_me_reaches_the_supporter_at_once(client: TestClient, session: Session, world: World) -> None:
    _, token, code = make_link(session, world.family)
    session.commit()
    opened = client.post(
        "/api/v1/checkin/session", json={"code": code}, headers={"Authorization": f"CheckinLink {token}"}
    )
    assert opened.status_code == 200, opened.text
    bearer = {"Authorization": f"Bearer {opened.json()['session_token']}", "Idempotency-Key": "call-me-0001"}
    response = client.post(
        "/api/v1/checkin/checkins",
        json={"wellbeing": 4, "care_burden": 6, "needs": ["call_me"]},
        headers=bearer,
    )
    assert response.status_code == 201, response.text
    (alert,) = messages(session, recipient_id=world.supporter.id)
    assert (alert.kind, alert.status) == ("call_me_alert", MessageStatus.queued)
    assert alert.context == {"reference": world.family.reference, "family_id": str(world.family.id)}
