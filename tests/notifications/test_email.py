"""E-mail over real SMTP: multipart text and HTML, the reply-to, List-Unsubscribe for families and the
network, the meeting's .ics with the same UID and SEQUENCE as invite.ics, STARTTLS with login, bounces
and retries."""

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from icalendar import Calendar
from pydantic import SecretStr
from sqlmodel import Session

from api.models import MessageStatus
from tests.factories import World, auth
from tests.notifications.helpers import NOON, messages, reachable_contact, reachable_member, sender
from tests.notifications.servers import SmtpServer

START = datetime(2026, 12, 15, 13, 0, tzinfo=UTC)


def _plan_meeting(client: TestClient, world: World, member_id: object, contact_id: object) -> dict:  # type: ignore[type-arg]
    response = client.post(
        f"/api/v1/families/{world.family.id}/meetings",
        json={
            "starts_at": START.isoformat(),
            "place": "Wijkcentrum De Linde",
            "participants": [
                {"kind": "member", "member_id": str(member_id)},
                {"kind": "contact", "contact_id": str(contact_id)},
            ],
        },
        headers=auth(world.supporter),
    )
    assert response.status_code == 201, response.text
    return response.json()


def _calendar(client: TestClient, world: World, meeting_id: str) -> Calendar:
    response = client.get(f"/api/v1/meetings/{meeting_id}/invite.ics", headers=auth(world.supporter))
    return Calendar.from_ical(response.content)


def test_meeting_invitation_and_change_carry_the_same_calendar_event(
    client: TestClient, session: Session, world: World, smtp: SmtpServer
) -> None:
    member = reachable_member(session, world.family)
    contact = reachable_contact(session, world.family)
    session.commit()
    meeting = _plan_meeting(client, world, member.id, contact.id)
    assert sender(session, smtp=smtp).run_once(now=NOON) == 2
    assert sorted(to for _, (to,) in smtp.inbox.envelopes) == ["riet@example.org", "sanne@example.org"]
    mail = next(m for m in smtp.inbox.messages if m["To"] == "sanne@example.org")
    assert mail["Subject"] == "Uitnodiging: rondetafeloverleg op 15-12-2026"
    assert world.family.display_name not in mail["Subject"]
    assert mail["Reply-To"] == "team@zorg.example.org"
    assert mail["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/api/v1/notifications/unsubscribe/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail.get_content_type() == "multipart/mixed"
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "Wanneer: 15-12-2026 om 14:00" in text and "Wijkcentrum De Linde" in html
    (attachment,) = list(mail.iter_attachments())
    assert attachment.get_filename() == "invite.ics"
    sent = Calendar.from_ical(attachment.get_content())
    (event,) = sent.walk("VEVENT")
    (download,) = _calendar(client, world, meeting["id"]).walk("VEVENT")
    assert (event["UID"], event["SEQUENCE"]) == (download["UID"], 0)

    changed = client.patch(
        f"/api/v1/meetings/{meeting['id']}",
        json={
            "starts_at": (START + timedelta(days=1)).isoformat(),
            "ends_at": (START + timedelta(days=1, hours=1)).isoformat(),
        },
        headers=auth(world.supporter) | {"If-Match": "*"},
    )
    assert changed.status_code == 200, changed.text
    assert sender(session, smtp=smtp).run_once(now=NOON) == 2
    update = next(m for m in smtp.inbox.messages[2:] if m["To"] == "sanne@example.org")
    assert update["Subject"] == "Gewijzigd: rondetafeloverleg op 16-12-2026"
    (event,) = Calendar.from_ical(next(update.iter_attachments()).get_content()).walk("VEVENT")
    assert (event["UID"], event["SEQUENCE"]) == (download["UID"], 1)


def test_english_when_the_recipient_prefers_it(
    client: TestClient, session: Session, world: World, smtp: SmtpServer
) -> None:
    member = reachable_member(session, world.family)
    member.language = "en"  # type: ignore[assignment]
    contact = reachable_contact(session, world.family, consent=False)
    session.commit()
    _plan_meeting(client, world, member.id, contact.id)
    assert sender(session, smtp=smtp).run_once(now=NOON) == 1  # the contact gave no consent
    (mail,) = smtp.inbox.messages
    assert mail["Subject"] == "Invitation: roundtable meeting on 15-12-2026"
    assert 'lang="en"' in mail.get_body(("html",)).get_content()  # type: ignore[union-attr]


def test_starttls_and_login_to_the_organisations_relay(
    client: TestClient, session: Session, world: World, secure_smtp: SmtpServer
) -> None:
    member = reachable_member(session, world.family)
    contact = reachable_contact(session, world.family, consent=False)
    session.commit()
    _plan_meeting(client, world, member.id, contact.id)
    url = SecretStr(f"smtp://bondgenoot:relay-secret@127.0.0.1:{secure_smtp.port}")
    assert sender(session, smtp_url=url, smtp_ca_file=secure_smtp.cert).run_once(now=NOON) == 1
    assert secure_smtp.logins == ["bondgenoot"]
    assert len(secure_smtp.inbox.messages) == 1
    assert messages(session, recipient_id=member.id)[0].status == MessageStatus.sent


def test_a_refused_address_bounces_and_a_busy_relay_is_retried_later(
    client: TestClient, session: Session, world: World, smtp: SmtpServer
) -> None:
    member = reachable_member(session, world.family, email="weg@example.org")
    contact = reachable_contact(session, world.family, email="druk@example.org")
    session.commit()
    smtp.inbox.refuse = {"weg@example.org": 550, "druk@example.org": 451}
    _plan_meeting(client, world, member.id, contact.id)
    assert sender(session, smtp=smtp).run_once(now=NOON) == 2
    by_recipient = {m.recipient_id: m for m in messages(session, family_id=world.family.id)}
    bounced, retried = by_recipient[member.id], by_recipient[contact.id]
    assert (bounced.status, bounced.reason) == (MessageStatus.bounced, "recipient refused (550)")
    assert (retried.status, retried.reason, retried.attempts) == (
        MessageStatus.queued,
        "recipient refused (451)",
        1,
    )
    assert retried.next_attempt_at > NOON + timedelta(
        seconds=29
    )  # back-off: 60 s, jitter keeps the upper half
    assert sender(session, smtp=smtp).run_once(now=NOON) == 0  # not due yet
    smtp.inbox.refuse = {}
    assert sender(session, smtp=smtp).run_once(now=NOON + timedelta(minutes=5)) == 1
    assert messages(session, recipient_id=contact.id)[0].status == MessageStatus.sent


def test_without_smtp_configured_mail_is_off_and_says_so(
    client: TestClient, session: Session, world: World
) -> None:
    member = reachable_member(session, world.family)
    contact = reachable_contact(session, world.family, consent=False)
    session.commit()
    _plan_meeting(client, world, member.id, contact.id)
    assert sender(session).run_once(now=NOON) == 1
    assert messages(session, recipient_id=member.id)[0].reason == "channel_off"
    settings = client.get("/api/v1/notifications/settings", headers=auth(world.supporter)).json()
    assert settings["channels"] == {"email": False, "sms": False, "sms_provider": None}
