"""The notification routes: a staff member's settings, the administrator's templates with preview and the
delivery log, and the family page's list of what was sent to whom."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import AuditEvent, MessageStatus, RecipientKind
from api.notifications.outbox import queue
from tests.conftest import QueryCounter
from tests.factories import World, auth
from tests.notifications.helpers import NOON, reachable_member, sender
from tests.notifications.servers import SmtpServer

SETTINGS = "/api/v1/notifications/settings"
TEMPLATES = "/api/v1/notifications/templates"


def test_a_supporter_chooses_mobile_channel_language_and_digest(client: TestClient, world: World) -> None:
    before = client.get(SETTINGS, headers=auth(world.supporter)).json()
    assert (before["preferred_channel"], before["language"], before["digest"]) == ("email", "nl", "weekly")
    changed = client.patch(
        SETTINGS,
        json={
            "phone": "+31 6 12345678",
            "preferred_channel": "sms",
            "language": "en",
            "digest": "daily",
            "call_me_alerts": False,
        },
        headers=auth(world.supporter),
    )
    assert changed.status_code == 200, changed.text
    after = client.get(SETTINGS, headers=auth(world.supporter)).json()
    assert (after["phone"], after["preferred_channel"], after["language"], after["digest"]) == (
        "+31 6 12345678",
        "sms",
        "en",
        "daily",
    )
    assert after["call_me_alerts"] is False
    refused = client.patch(SETTINGS, json={"digest": "hourly"}, headers=auth(world.supporter))
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "digest"
    assert client.get(SETTINGS).status_code == 401


def test_an_administrator_rewords_a_message_and_previews_it(client: TestClient, world: World) -> None:
    listed = client.get(TEMPLATES, headers=auth(world.admin)).json()["items"]
    nudge = next(t for t in listed if t["kind"] == "checkin_nudge")
    assert nudge["placeholders"] == ["name", "supporter"] and not nudge["nl"]["customised"]
    wording = {"subject": "Even bijpraten?", "body": "Hoi $name, hoe gaat het? Groet, $supporter. $diagnose"}
    preview = client.post(
        f"{TEMPLATES}/checkin_nudge/preview", json=wording, headers=auth(world.admin)
    ).json()
    assert preview["subject"] == "Even bijpraten?"
    assert preview["text"].startswith("Hoi Sanne, hoe gaat het? Groet, Fatima (begeleider). $diagnose")
    assert preview["unknown_placeholders"] == ["diagnose"]
    assert "<p>" in preview["html"] and "afmelden" in preview["text"]
    saved = client.put(f"{TEMPLATES}/checkin_nudge/nl", json=wording, headers=auth(world.admin)).json()
    nudge = next(t for t in saved["items"] if t["kind"] == "checkin_nudge")
    assert nudge["nl"] == {**wording, "customised": True} and not nudge["en"]["customised"]
    reset = client.delete(f"{TEMPLATES}/checkin_nudge/nl", headers=auth(world.admin)).json()
    assert not next(t for t in reset["items"] if t["kind"] == "checkin_nudge")["nl"]["customised"]
    assert client.put(f"{TEMPLATES}/nope/nl", json=wording, headers=auth(world.admin)).status_code == 404
    assert (
        client.put(f"{TEMPLATES}/checkin_nudge/nl", json=wording, headers=auth(world.coordinator)).status_code
        == 403
    )


def test_the_organisations_wording_is_what_goes_out(
    client: TestClient, session: Session, world: World, smtp: SmtpServer
) -> None:
    wording = {"subject": "Even bijpraten?", "body": "Hoi $name, hoe gaat het?"}
    client.put(f"{TEMPLATES}/checkin_nudge/nl", json=wording, headers=auth(world.admin))
    member = reachable_member(session, world.family)
    queue(
        session,
        organisation_id=world.organisation.id,
        family_id=world.family.id,
        recipient_kind=RecipientKind.member,
        recipient_id=member.id,
        kind="checkin_nudge",
        key="n",
    )
    session.commit()
    sender(session, smtp=smtp).run_once(now=NOON)
    (mail,) = smtp.inbox.messages
    assert mail["Subject"] == "Even bijpraten?"
    assert mail.get_body(("plain",)).get_content().startswith("Hoi Sanne, hoe gaat het?")  # type: ignore[union-attr]


def test_the_family_page_shows_what_was_sent_to_whom(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    member = reachable_member(session, world.family)
    unreachable = reachable_member(session, world.family, name="Kees", consent=False)
    for recipient in (member, unreachable):
        queue(
            session,
            organisation_id=world.organisation.id,
            family_id=world.family.id,
            recipient_kind=RecipientKind.member,
            recipient_id=recipient.id,
            kind="checkin_nudge",
            key="n",
        )
    session.commit()
    count_queries.statements.clear()
    response = client.get(f"/api/v1/families/{world.family.id}/notifications", headers=auth(world.supporter))
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert {(i["recipient_name"], i["status"], i["reason"]) for i in items} == {
        ("Sanne de Vries", "queued", None),
        ("Kees", "skipped", "no_consent"),
    }
    assert count_queries.count <= 7
    assert session.exec(
        select(AuditEvent).where(
            AuditEvent.object_type == "notification", AuditEvent.family_id == world.family.id
        )
    ).first()
    other = client.get(
        f"/api/v1/families/{world.family.id}/notifications", headers=auth(world.other_supporter)
    )
    assert other.status_code == 404


def test_the_delivery_log_names_no_one(client: TestClient, session: Session, world: World) -> None:
    member = reachable_member(session, world.family)
    queue(
        session,
        organisation_id=world.organisation.id,
        family_id=world.family.id,
        recipient_kind=RecipientKind.member,
        recipient_id=member.id,
        kind="checkin_nudge",
        key="n",
    )
    session.commit()
    log = client.get("/api/v1/notifications/messages", headers=auth(world.admin)).json()
    (item,) = log["items"]
    assert (
        item["status"] == MessageStatus.queued and "Sanne" not in str(item) and "example.org" not in str(item)
    )
    assert (
        client.get(
            "/api/v1/notifications/messages", params={"status": "sent"}, headers=auth(world.admin)
        ).json()["items"]
        == []
    )
    assert client.get("/api/v1/notifications/messages", headers=auth(world.supporter)).status_code == 403
