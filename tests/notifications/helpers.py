"""Helpers of the notification tests: a sender on the test's session, reachable recipients, fixed moments."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from pydantic import SecretStr
from sqlmodel import Session, select

from api.core.config import Settings, get_settings
from api.models import (
    Channel,
    Family,
    FamilyMember,
    MemberRole,
    MessageStatus,
    NetworkContact,
    NotificationMessage,
)
from api.notifications.sender import Sender
from tests.notifications.servers import FakeCm, SmtpServer

NOON = datetime(2026, 12, 8, 11, 0, tzinfo=UTC)  # a Tuesday, 12:00 in Amsterdam


def sessions(session: Session) -> Any:
    @contextmanager
    def factory() -> Iterator[Session]:
        yield session  # the test's session: its commits are savepoints of the test's transaction

    return factory


def settings_with(*, smtp: SmtpServer | None = None, cm: FakeCm | None = None, **changes: Any) -> Settings:
    if smtp is not None:
        changes.setdefault("smtp_url", SecretStr(f"smtp://127.0.0.1:{smtp.port}?starttls=false"))
        changes.setdefault("mail_reply_to", "team@zorg.example.org")
    if cm is not None:
        changes |= {
            "sms_provider": "cm",
            "sms_api_url": cm.url,
            "sms_api_token": SecretStr("cm-product-token"),
        }
    return get_settings().model_copy(update=changes)


def sender(session: Session, **kwargs: Any) -> Sender:
    return Sender(sessions(session), name="test-sender", settings=settings_with(**kwargs))


def reachable_member(
    session: Session,
    family: Family,
    *,
    name: str = "Sanne de Vries",
    email: str | None = "sanne@example.org",
    phone: str | None = "+31600000001",
    channel: Channel = Channel.email,
    consent: bool = True,
    nudge: bool = False,
) -> FamilyMember:
    member = FamilyMember(
        family_id=family.id,
        display_name=name,
        role=MemberRole.parent,
        email=email,
        phone=phone,
        preferred_channel=channel,
        messages_consent=consent,
        weekly_nudge=nudge,
    )
    session.add(member)
    session.flush()
    return member


def reachable_contact(session: Session, family: Family, **fields: Any) -> NetworkContact:
    contact = NetworkContact(
        family_id=family.id,
        name=fields.pop("name", "Oma Riet"),
        kind="informal",  # type: ignore[arg-type]
        email=fields.pop("email", "riet@example.org"),
        preferred_channel=fields.pop("channel", Channel.email),
        messages_consent=fields.pop("consent", True),
        **fields,
    )
    session.add(contact)
    session.flush()
    return contact


def messages(session: Session, **where: Any) -> list[NotificationMessage]:
    statement = select(NotificationMessage).order_by(NotificationMessage.created_at)  # type: ignore[arg-type]
    for name, value in where.items():
        statement = statement.where(getattr(NotificationMessage, name) == value)
    session.expire_all()
    return list(session.exec(statement).all())


def statuses(session: Session, **where: Any) -> list[tuple[str, MessageStatus, str | None]]:
    return [(m.kind, m.status, m.reason) for m in messages(session, **where)]
