"""Text messages through CM.com's messaging API, tested against a local fake; off without configuration."""

from datetime import timedelta

from sqlmodel import Session

from api.models import Channel, MessageStatus, RecipientKind
from api.notifications.channels import sms_channel
from api.notifications.outbox import queue
from tests.factories import World
from tests.notifications.helpers import NOON, messages, reachable_member, sender, settings_with
from tests.notifications.servers import FakeCm


def _nudge(session: Session, world: World, member_id: object, week: str = "2026-W50") -> None:
    queue(
        session,
        organisation_id=world.organisation.id,
        family_id=world.family.id,
        recipient_kind=RecipientKind.member,
        recipient_id=member_id,  # type: ignore[arg-type]
        kind="checkin_nudge",
        key=f"checkin_nudge:{week}",
        context={"supporter_id": str(world.supporter.id)},
    )
    session.commit()


def test_a_text_message_is_sent_in_cm_coms_format(session: Session, world: World, cm: FakeCm) -> None:
    member = reachable_member(session, world.family, channel=Channel.sms, email=None)
    _nudge(session, world, member.id)
    assert sender(session, cm=cm).run_once(now=NOON) == 1
    (request,) = cm.requests
    assert request["path"] == "/v1.0/message"
    body = request["body"]["messages"]
    assert body["authentication"] == {"producttoken": "cm-product-token"}
    (msg,) = body["msg"]
    assert msg["from"] == "Bondgenoot"
    assert msg["to"] == [{"number": "0031600000001"}]
    assert msg["content" if "content" in msg else "body"]["content"].startswith("Hallo Sanne,")
    assert "/afmelden#" in msg["body"]["content"]  # the opt-out link, in a text message too
    (sent,) = messages(session, recipient_id=member.id)
    assert (sent.status, sent.provider_id) == (MessageStatus.sent, msg["reference"])


def test_a_rejected_number_bounces_and_a_provider_outage_is_retried(
    session: Session, world: World, cm: FakeCm
) -> None:
    member = reachable_member(session, world.family, channel=Channel.sms, email=None)
    _nudge(session, world, member.id)
    cm.replies = [FakeCm.rejected()]
    sender(session, cm=cm).run_once(now=NOON)
    (bounced,) = messages(session, recipient_id=member.id)
    assert (bounced.status, bounced.reason) == (MessageStatus.bounced, "rejected by provider (303)")
    _nudge(session, world, member.id, week="2026-W51")
    cm.replies = [(503, {})]
    sender(session, cm=cm).run_once(now=NOON)
    retried = messages(session, recipient_id=member.id, status=MessageStatus.queued)[0]
    assert (retried.reason, retried.attempts) == ("HTTP 503", 1)
    sender(session, cm=cm).run_once(now=NOON + timedelta(hours=1))
    assert messages(session, id=retried.id)[0].status == MessageStatus.sent


def test_without_a_provider_text_messages_are_off(session: Session, world: World) -> None:
    assert sms_channel(settings_with()) is None
    assert sms_channel(settings_with(sms_provider="cm")) is None  # a provider without its token is off too
    member = reachable_member(session, world.family, channel=Channel.sms, email=None)
    _nudge(session, world, member.id)
    sender(session).run_once(now=NOON)
    assert messages(session, recipient_id=member.id)[0].reason == "channel_off"
