"""The rules behind the notification routes: staff settings, templates with preview, the delivery logs and
the opt-out that works without logging in."""

import re
import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.config import get_settings
from api.core.errors import NotFound
from api.core.pagination import Page, keyset_page
from api.families.repository import get_readable_family
from api.models import (
    AuditEvent,
    FamilyMember,
    Language,
    MessageStatus,
    NetworkContact,
    NotificationMessage,
    NotificationOptOut,
    NotificationPreference,
    NotificationTemplate,
    RecipientKind,
    User,
)
from api.models.base import utcnow
from api.notifications.channels import email_channel, sms_channel
from api.notifications.outbox import unsubscribe_message_id
from api.notifications.schemas import (
    ChannelStatus,
    FamilyMessagePublic,
    MessagePublic,
    NotificationSettings,
    NotificationSettingsUpdate,
    TemplateList,
    TemplatePreview,
    TemplatePreviewRequest,
    TemplatePublic,
    TemplateText,
    TemplateUpdate,
    UnsubscribeResult,
)
from api.notifications.templates import KINDS, render, sample_values

NOT_FOUND = "Dit bericht bestaat niet / this message type was not found."
_PLACEHOLDER = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")


def channel_status() -> ChannelStatus:
    settings = get_settings()
    return ChannelStatus(
        email=email_channel(settings) is not None,
        sms=sms_channel(settings) is not None,
        sms_provider=settings.sms_provider if sms_channel(settings) else None,
    )


def _preference(session: Session, user_id: uuid.UUID) -> NotificationPreference:
    found = session.exec(
        select(NotificationPreference).where(NotificationPreference.user_id == user_id)
    ).first()
    return found or NotificationPreference(user_id=user_id)


def read_settings(session: Session, principal: Principal) -> NotificationSettings:
    """The caller's own contact fields and choices."""
    user = session.get(User, principal.id)
    if user is None:
        raise NotFound("Dit account bestaat niet / account not found.")
    preference = _preference(session, user.id)
    return NotificationSettings(
        email=user.email,
        phone=user.phone,
        preferred_channel=user.preferred_channel,
        language=user.language,
        digest=preference.digest,
        call_me_alerts=preference.call_me_alerts,
        team_digest=preference.team_digest,
        channels=channel_status(),
    )


def update_settings(
    session: Session, principal: Principal, *, data: NotificationSettingsUpdate
) -> NotificationSettings:
    """Change the caller's own choices (only the fields sent)."""
    user = session.get(User, principal.id)
    if user is None:
        raise NotFound("Dit account bestaat niet / account not found.")
    fields = data.model_dump(exclude_unset=True)
    for name in ("phone", "preferred_channel", "language"):
        if name in fields and (fields[name] is not None or name == "phone"):
            setattr(user, name, fields[name] or None if name == "phone" else fields[name])
    preference = _preference(session, user.id)
    for name in ("digest", "call_me_alerts", "team_digest"):
        if fields.get(name) is not None:
            setattr(preference, name, fields[name])
    preference.updated_at = utcnow()
    session.add(preference)
    session.flush()
    return read_settings(session, principal)


def list_templates(session: Session, principal: Principal) -> TemplateList:
    """Every kind of message with its wording in both languages (the organisation's own, else the default)."""
    own = {
        (t.kind, t.language): t
        for t in session.exec(
            select(NotificationTemplate).where(
                NotificationTemplate.organisation_id == principal.organisation_id
            )
        ).all()
    }

    def text(kind: str, language: Language) -> TemplateText:
        row = own.get((kind, language))
        subject, body = (row.subject, row.body) if row else KINDS[kind].defaults[language]
        return TemplateText(subject=subject, body=body, customised=row is not None)

    return TemplateList(
        items=[
            TemplatePublic(
                kind=k.code,
                audience=list(k.audience),
                placeholders=list(k.placeholders),
                automatic=k.automatic,
                nl=text(k.code, Language.nl),
                en=text(k.code, Language.en),
            )
            for k in KINDS.values()
        ]
    )


def _kind(kind: str) -> None:
    if kind not in KINDS:
        raise NotFound(NOT_FOUND)


def save_template(
    session: Session, principal: Principal, *, kind: str, language: Language, data: TemplateUpdate
) -> TemplateList:
    """Store the organisation's own wording of one kind in one language."""
    _kind(kind)
    row = session.exec(
        select(NotificationTemplate).where(
            NotificationTemplate.organisation_id == principal.organisation_id,
            NotificationTemplate.kind == kind,
            NotificationTemplate.language == language,
        )
    ).first() or NotificationTemplate(
        organisation_id=principal.organisation_id, kind=kind, language=language, subject="", body=""
    )
    row.subject, row.body = data.subject, data.body
    row.updated_by_id, row.updated_at = principal.id, utcnow()
    session.add(row)
    session.flush()
    return list_templates(session, principal)


def reset_template(session: Session, principal: Principal, *, kind: str, language: Language) -> TemplateList:
    """Back to the shipped wording."""
    _kind(kind)
    row = session.exec(
        select(NotificationTemplate).where(
            NotificationTemplate.organisation_id == principal.organisation_id,
            NotificationTemplate.kind == kind,
            NotificationTemplate.language == language,
        )
    ).first()
    if row is not None:
        session.delete(row)
        session.flush()
    return list_templates(session, principal)


def preview(kind: str, data: TemplatePreviewRequest) -> TemplatePreview:
    """The wording filled with made-up values, as text and HTML; unknown placeholders are named."""
    _kind(kind)
    spec = KINDS[kind]
    used = set(_PLACEHOLDER.findall(data.subject + data.body))
    family = any(a != RecipientKind.user for a in spec.audience)
    footer = (
        {"unsubscribe_link": "https://bondgenoot.example.org/afmelden#voorbeeld"}
        if family
        else {"settings_link": "https://bondgenoot.example.org/settings/notifications"}
    )
    rendered = render(spec, data.language, (data.subject, data.body), sample_values(spec), footer=footer)
    return TemplatePreview(
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        unknown_placeholders=sorted(used - set(spec.placeholders)),
    )


def list_messages(
    session: Session,
    principal: Principal,
    *,
    status: MessageStatus | None,
    limit: int,
    cursor: str | None,
) -> Page[MessagePublic]:
    """The organisation's delivery log, newest first: kinds, channels and outcomes, no names or addresses."""
    statement = select(NotificationMessage).where(
        NotificationMessage.organisation_id == principal.organisation_id
    )
    if status is not None:
        statement = statement.where(NotificationMessage.status == status)
    rows, next_cursor = keyset_page(
        session,
        statement,
        moment=NotificationMessage.created_at,
        row_id=NotificationMessage.id,
        limit=limit,
        cursor=cursor,
    )
    audit.record(session, principal, action="list", object_type="notification")
    return Page(
        items=[MessagePublic.model_validate(r, from_attributes=True) for r in rows], next_cursor=next_cursor
    )


def family_messages(
    session: Session, principal: Principal, *, family_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[FamilyMessagePublic]:
    """What was sent (or held back, and why) to whom about this family, newest first."""
    family = get_readable_family(session, principal, family_id)
    rows, next_cursor = keyset_page(
        session,
        select(NotificationMessage).where(NotificationMessage.family_id == family.id),
        moment=NotificationMessage.created_at,
        row_id=NotificationMessage.id,
        limit=limit,
        cursor=cursor,
    )
    names: dict[uuid.UUID, str] = {}
    by_kind: dict[RecipientKind, set[uuid.UUID]] = {}
    for row in rows:
        by_kind.setdefault(row.recipient_kind, set()).add(row.recipient_id)
    for kind, model, column in (
        (RecipientKind.member, FamilyMember, FamilyMember.display_name),
        (RecipientKind.contact, NetworkContact, NetworkContact.name),
        (RecipientKind.user, User, User.full_name),
    ):
        if by_kind.get(kind):
            names |= dict(
                session.exec(select(model.id, column).where(col(model.id).in_(by_kind[kind]))).all()
            )
    audit.record(session, principal, action="list", object_type="notification", family_id=family.id)
    items = [
        FamilyMessagePublic(
            **MessagePublic.model_validate(r, from_attributes=True).model_dump(),
            recipient_name=names.get(r.recipient_id),
        )
        for r in rows
    ]
    return Page(items=items, next_cursor=next_cursor)


def unsubscribe(session: Session, token: str) -> UnsubscribeResult:
    """Opt the message's recipient out of its channel (no login; the token is the proof). Idempotent."""
    message_id = unsubscribe_message_id(token)
    message = session.get(NotificationMessage, message_id) if message_id else None
    if message is None or message.recipient_kind == RecipientKind.user:
        raise NotFound("Deze link werkt niet (meer) / this link does not work.")
    exists = session.exec(
        select(NotificationOptOut.id).where(
            NotificationOptOut.recipient_kind == message.recipient_kind,
            NotificationOptOut.recipient_id == message.recipient_id,
            NotificationOptOut.channel == message.channel,
        )
    ).first()
    if exists is None:
        try:
            with session.begin_nested():
                session.add(
                    NotificationOptOut(
                        recipient_kind=message.recipient_kind,
                        recipient_id=message.recipient_id,
                        channel=message.channel,
                    )
                )
        except IntegrityError:
            pass  # a second click at the same moment: already opted out
        session.add(
            AuditEvent(
                actor_type="recipient",
                actor_role=message.recipient_kind.value,
                actor_id=message.recipient_id,
                organisation_id=message.organisation_id,
                action="opt_out",
                object_type="notification",
                object_id=message.id,
                family_id=message.family_id,
            )
        )
    return UnsubscribeResult(channel=message.channel, unsubscribed=True)
