"""A check-in link reaches the member when made: the link by their channel, the code by the other one (never
both in one message), only with their consent; a second copy of the same message cannot exist."""

import logging

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from api.models import AuditEvent, Channel, MessageStatus, NotificationMessage, RecipientKind
from api.notifications.outbox import queue
from tests.factories import World, auth
from tests.notifications.helpers import NOON, messages, reachable_member, sender, statuses
from tests.notifications.servers import FakeCm, SmtpServer


def _make_link(client: TestClient, world: World, member_id: object) -> dict:  # type: ignore[type-arg]
    response = client.post(
        f"/api/v1/families/{world.family.id}/members/{member_id}/checkin-links", headers=auth(world.supporter)
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_link_by_email_and_code_by_text_message(
    client: TestClient,
    session: Session,
    world: World,
    smtp: SmtpServer,
    cm: FakeCm,
    caplog: pytest.LogCaptureFixture,
) -> None:
    member = reachable_member(session, world.family)
    session.commit()
    link = _make_link(client, world, member.id)
    assert statuses(session, family_id=world.family.id) == [
        ("checkin_link", MessageStatus.queued, None),
        ("checkin_code", MessageStatus.queued, None),
    ]
    with caplog.at_level(logging.DEBUG):
        assert sender(session, smtp=smtp, cm=cm).run_once(now=NOON) == 2
    (mail,) = smtp.inbox.messages
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert link["path"] in text and link["code"] not in text
    (sms,) = cm.requests
    content = sms["body"]["messages"]["msg"][0]["body"]["content"]
    assert link["code"] in content and link["path"] not in content
    assert sms["body"]["messages"]["msg"][0]["to"] == [{"number": "0031600000001"}]
    sent = messages(session, family_id=world.family.id)
    assert [m.status for m in sent] == [MessageStatus.sent, MessageStatus.sent]
    assert all(m.secret_sealed is None for m in sent)  # the token is erased once sent
    audited = session.exec(
        select(AuditEvent).where(AuditEvent.action == "send", AuditEvent.family_id == world.family.id)
    ).all()
    assert {e.object_id for e in audited} == {m.id for m in sent}
    ours = [
        r.getMessage() for r in caplog.records if not r.name.startswith("mail.log")
    ]  # not the test relay's
    assert ours and all(link["code"] not in line and link["token"] not in line for line in ours)
    assert all("sanne@example.org" not in line and "Hallo" not in line for line in ours)


def test_without_a_second_channel_the_code_is_told_in_person(
    client: TestClient, session: Session, world: World
) -> None:
    member = reachable_member(session, world.family, phone=None)
    session.commit()
    _make_link(client, world, member.id)
    assert [m.kind for m in messages(session, family_id=world.family.id)] == ["checkin_link"]


def test_no_consent_or_no_channel_sends_nothing_and_says_why(
    client: TestClient, session: Session, world: World, smtp: SmtpServer
) -> None:
    refused = reachable_member(session, world.family, consent=False)
    unreachable = reachable_member(session, world.family, name="Kees", email=None, phone=None)
    session.commit()
    _make_link(client, world, refused.id)
    _make_link(client, world, unreachable.id)
    assert sorted(statuses(session, family_id=world.family.id)) == [
        ("checkin_link", MessageStatus.skipped, "no_address"),
        ("checkin_link", MessageStatus.skipped, "no_consent"),
    ]
    assert all(m.secret_sealed is None for m in messages(session))
    assert sender(session, smtp=smtp).run_once(now=NOON) == 0
    assert smtp.inbox.messages == []


def test_the_same_message_to_the_same_person_exists_once(session: Session, world: World) -> None:
    member = reachable_member(session, world.family)
    kwargs = {
        "organisation_id": world.organisation.id,
        "family_id": world.family.id,
        "recipient_kind": RecipientKind.member,
        "recipient_id": member.id,
        "kind": "checkin_nudge",
        "key": "checkin_nudge:2026-W50",
    }
    assert queue(session, **kwargs) is True  # type: ignore[arg-type]
    assert queue(session, **kwargs) is False  # type: ignore[arg-type]
    assert len(messages(session, recipient_id=member.id)) == 1
    with pytest.raises(IntegrityError), session.begin_nested():  # and not only because queue() checks
        session.add(
            NotificationMessage(
                organisation_id=world.organisation.id,
                recipient_kind=RecipientKind.member,
                recipient_id=member.id,
                channel=Channel.email,
                kind="checkin_nudge",
                dedupe_key="checkin_nudge:2026-W50",
            )
        )
        session.flush()
