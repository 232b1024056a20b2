"""Composing one queued message when it is sent: the recipient's language, the organisation's wording, the
footer (opt-out link for families and the network, settings link for staff) and, for meetings, the .ics."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from api.core.config import Settings
from api.meetings.ical import invitation
from api.models import Channel, Family, Meeting, NotificationMessage, NotificationTemplate, User
from api.models.base import AMSTERDAM, utcnow
from api.notifications.channels import Attachment, Mail
from api.notifications.outbox import unseal, unsubscribe_token
from api.notifications.recipients import Recipient
from api.notifications.templates import KINDS, Rendered, render

MEETING_KINDS = {"meeting_invitation", "meeting_changed", "meeting_cancelled"}


@dataclass(frozen=True)
class Composed:
    rendered: Rendered
    attachments: tuple[Attachment, ...] = ()
    headers: dict[str, str] | None = None


class Skip(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _day(value: date) -> str:
    return value.strftime("%d-%m-%Y")


def _user(session: Session, value: object) -> User | None:
    return session.get(User, uuid.UUID(str(value))) if value else None


def _own_wording(
    session: Session, message: NotificationMessage, recipient: Recipient
) -> tuple[str, str] | None:
    row = session.exec(
        select(NotificationTemplate).where(
            NotificationTemplate.organisation_id == message.organisation_id,
            NotificationTemplate.kind == message.kind,
            NotificationTemplate.language == recipient.language,
        )
    ).first()
    return (row.subject, row.body) if row else None


def compose(
    session: Session, message: NotificationMessage, *, recipient: Recipient, settings: Settings
) -> Composed:
    """The rendered message, or Skip(reason) when it should not go out any more."""
    base = settings.public_url.rstrip("/")
    context = message.context
    supporter = _user(session, context.get("supporter_id"))
    values: dict[str, str] = {
        "name": recipient.first_name,
        "supporter": supporter.full_name if supporter else "je begeleider",
        "app_link": f"{base}/",
    }
    attachments: tuple[Attachment, ...] = ()
    if message.kind in ("checkin_link", "checkin_code"):
        secret = unseal(message.secret_sealed) if message.secret_sealed else None
        if secret is None:
            raise Skip("secret_gone")
        values["link" if message.kind == "checkin_link" else "code"] = (
            f"{base}{secret}" if message.kind == "checkin_link" else secret
        )
    elif message.kind in MEETING_KINDS:
        meeting = session.get(Meeting, uuid.UUID(context["meeting_id"]))
        family = session.get(Family, meeting.family_id) if meeting else None
        if meeting is None or family is None:
            raise Skip("meeting_gone")
        if meeting.sequence != context.get("sequence"):
            raise Skip("superseded")  # a newer invitation or change replaces this one
        if meeting.starts_at < utcnow():
            raise Skip("meeting_past")
        local = meeting.starts_at.astimezone(AMSTERDAM)
        values |= {
            "date": _day(local.date()),
            "time": local.strftime("%H:%M"),
            "place": meeting.place or meeting.video_url or "-",
        }
        organizer = _user(session, meeting.chair_user_id) or _user(session, family.supporter_id)
        if message.channel == Channel.email:
            ics = invitation(meeting, family, organizer)
            method = "CANCEL" if message.kind == "meeting_cancelled" else "REQUEST"
            attachments = (Attachment("invite.ics", f"text/calendar; method={method}", ics),)
    elif message.kind in ("questionnaire_due", "questionnaire_overdue_soon", "action_reminder"):
        values["due_date"] = _day(date.fromisoformat(context["due_on"]))
    elif message.kind == "digest":
        values |= {k: str(context.get(k, 0)) for k in ("alerts", "overdue_actions", "questionnaires")}
        values |= {"goals_without_score": str(context.get("goals_without_score", 0))}
        values["period"] = str(context.get("period", ""))
    elif message.kind == "team_digest":
        rows = context.get("rows") or []
        values["period"] = str(context.get("period", ""))
        values["table"] = (
            "\n".join(
                f"- {r['name']}: {r['families']} gezinnen/families, {r['overdue_actions']} acties/actions, "
                f"{r['questionnaires']} vragenlijsten/questionnaires, {r['goals']} doelen/goals"
                for r in rows
            )
            or "-"
        )
        values["app_link"] = f"{base}/"
    elif message.kind == "call_me_alert":
        values["reference"] = str(context.get("reference", ""))
        values["app_link"] = f"{base}/families/{context.get('family_id')}"
    if recipient.outside_staff:
        token = unsubscribe_token(message.id)
        footer = {"unsubscribe_link": f"{base}/afmelden#{token}"}
        one_click = f"{base}/api/v1/notifications/unsubscribe/{token}"
        headers = {
            "List-Unsubscribe": f"<{one_click}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    else:
        footer = {"settings_link": f"{base}/settings/notifications"}
        headers = {}
    rendered = render(
        KINDS[message.kind],
        recipient.language,
        _own_wording(session, message, recipient),
        values,
        footer=footer,
    )
    return Composed(rendered=rendered, attachments=attachments, headers=headers)


def as_mail(composed: Composed, to: str) -> Mail:
    return Mail(
        to=to,
        subject=composed.rendered.subject,
        text=composed.rendered.text,
        html=composed.rendered.html,
        headers=composed.headers or {},
        attachments=composed.attachments,
    )


def as_sms(composed: Composed) -> str:
    """A text message: the body without greeting lines doubled, within four parts."""
    return composed.rendered.text.replace("\n--\n", "\n").strip()[:600]


def iso_week(moment: datetime) -> str:
    year, week, _ = moment.astimezone(AMSTERDAM).isocalendar()
    return f"{year}-W{week:02d}"
