"""What a tired parent is promised: no messages at night, at most a few a week, opting out per channel with
one click and no login; and in development nothing leaves for anyone but the demo's addresses."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.core.config import get_settings
from api.models import AuditEvent, Channel, MessageStatus, NotificationOptOut, RecipientKind
from api.notifications.outbox import queue, unsubscribe_token
from api.notifications.recipients import quiet_until
from tests.factories import World
from tests.notifications.helpers import NOON, messages, reachable_member, sender, settings_with
from tests.notifications.servers import SmtpServer

NIGHT = datetime(2026, 12, 8, 22, 30, tzinfo=UTC)  # 23:30 in Amsterdam
MORNING = datetime(2026, 12, 9, 7, 0, tzinfo=UTC)  # 08:00 in Amsterdam


def _queue(session: Session, world: World, recipient_id: object, key: str, **kwargs: object) -> bool:
    done = queue(
        session,
        organisation_id=world.organisation.id,
        family_id=world.family.id,
        recipient_kind=kwargs.pop("recipient_kind", RecipientKind.member),  # type: ignore[arg-type]
        recipient_id=recipient_id,  # type: ignore[arg-type]
        kind=str(kwargs.pop("kind", "checkin_nudge")),
        key=key,
        context=kwargs.pop("context", {}),  # type: ignore[arg-type]
    )
    session.commit()
    return done


def test_quiet_hours_end_at_eight_in_amsterdam() -> None:
    settings = get_settings().model_copy(update={"notify_quiet_start_hour": 21, "notify_quiet_end_hour": 8})
    assert quiet_until(NIGHT, settings) == MORNING
    assert quiet_until(datetime(2026, 12, 9, 5, 0, tzinfo=UTC), settings) == MORNING  # 06:00 local
    assert quiet_until(NOON, settings) is None
    summer = datetime(2026, 7, 1, 21, 0, tzinfo=UTC)  # 23:00 in summer time
    assert quiet_until(summer, settings) == datetime(2026, 7, 2, 6, 0, tzinfo=UTC)


def test_families_get_nothing_at_night_staff_alerts_still_go(
    session: Session, world: World, smtp: SmtpServer
) -> None:
    member = reachable_member(session, world.family)
    _queue(session, world, member.id, "checkin_nudge:2026-W50")
    _queue(
        session,
        world,
        world.supporter.id,
        "call_me:x",
        recipient_kind=RecipientKind.user,
        kind="call_me_alert",
        context={"reference": world.family.reference, "family_id": str(world.family.id)},
    )
    night = sender(session, smtp=smtp, notify_quiet_start_hour=21, notify_quiet_end_hour=8)
    assert night.run_once(now=NIGHT) == 2
    assert [to for _, (to,) in smtp.inbox.envelopes] == [world.supporter.email]
    (held,) = messages(session, recipient_id=member.id)
    assert (held.status, held.attempts, held.next_attempt_at) == (MessageStatus.queued, 0, MORNING)
    assert night.run_once(now=NIGHT + timedelta(hours=1)) == 0
    assert night.run_once(now=MORNING) == 1
    assert smtp.inbox.envelopes[-1][1] == ["sanne@example.org"]


def test_at_most_the_weekly_limit_of_automatic_messages(
    client: TestClient, session: Session, world: World, smtp: SmtpServer
) -> None:
    member = reachable_member(session, world.family)
    for week in range(4):
        _queue(session, world, member.id, f"reminder-{week}")
    assert sender(session, smtp=smtp, notify_weekly_limit=3).run_once(now=NOON) == 4
    assert sorted(m.status for m in messages(session, recipient_id=member.id)) == [
        MessageStatus.sent,
        MessageStatus.sent,
        MessageStatus.sent,
        MessageStatus.skipped,
    ]
    assert messages(session, status=MessageStatus.skipped)[0].reason == "weekly_limit"
    # a message someone asked for (an invitation) is not held back by the limit
    gone = str(uuid.uuid4())
    _queue(session, world, member.id, "meeting:x:0", kind="meeting_cancelled", context={"meeting_id": gone})
    sender(session, smtp=smtp, notify_weekly_limit=3).run_once(now=NOON)
    assert messages(session, dedupe_key="meeting:x:0")[0].reason != "weekly_limit"


def test_one_click_opt_out_without_login_stops_that_channel_only(
    client: TestClient, session: Session, world: World, smtp: SmtpServer
) -> None:
    member = reachable_member(session, world.family)
    _queue(session, world, member.id, "checkin_nudge:2026-W50")
    sender(session, smtp=smtp).run_once(now=NOON)
    unsubscribe = smtp.inbox.messages[0]["List-Unsubscribe"].strip("<>")
    (first,) = messages(session, recipient_id=member.id)
    assert unsubscribe.endswith(unsubscribe_token(first.id))
    path = unsubscribe.removeprefix("http://127.0.0.1:8000")
    assert client.post(path).json() == {"channel": "email", "unsubscribed": True}
    assert client.post(path).status_code == 200  # twice: still one opt-out
    opt_outs = session.exec(
        select(NotificationOptOut).where(NotificationOptOut.recipient_id == member.id)
    ).all()
    assert [o.channel for o in opt_outs] == [Channel.email]
    assert session.exec(select(AuditEvent).where(AuditEvent.action == "opt_out")).one().actor_id == member.id
    _queue(session, world, member.id, "checkin_nudge:2026-W51")
    sender(session, smtp=smtp).run_once(now=NOON)
    assert messages(session, dedupe_key="checkin_nudge:2026-W51")[0].reason == "opted_out"
    assert len(smtp.inbox.messages) == 1


@pytest.mark.parametrize("token", ["nonsense", "A" * 38])
def test_a_forged_opt_out_link_is_not_found(client: TestClient, token: str) -> None:
    response = client.post(f"/api/v1/notifications/unsubscribe/{token}")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_development_sends_only_to_the_demos_addresses(
    session: Session, world: World, smtp: SmtpServer
) -> None:
    demo = reachable_member(session, world.family)
    real = reachable_member(session, world.family, name="Echt", email="iemand@gmail.example.com")
    for member in (demo, real):
        _queue(session, world, member.id, "checkin_nudge:2026-W50")
    development = settings_with(smtp=smtp, environment="development")
    assert development.recipient_allowlist == ["@example.org", "+3160000"]
    sender(session, smtp=smtp, notify_recipient_allowlist=["@example.org", "+3160000"]).run_once(now=NOON)
    assert messages(session, recipient_id=real.id)[0].reason == "not_allowed"
    assert messages(session, recipient_id=demo.id)[0].status == MessageStatus.sent
