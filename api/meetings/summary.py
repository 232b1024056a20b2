"""The meeting for the family, in plain Dutch (B1): who came, what was decided, who does what by when."""

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field
from sqlalchemy.orm import joinedload
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.meetings.clock import local
from api.meetings.presenters import chair_name, participant_name
from api.meetings.repository import agenda_of, decisions_of, get_meeting, participants_of
from api.models import (
    Attendance,
    DecisionKind,
    Family,
    InvitationStatus,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
    PlanAction,
    PlanVersion,
    User,
)
from api.plans.presenters import owner_name

DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]  # fmt: skip
MEMBER_ROLES = {"client": None, "parent": "ouder", "partner": "partner", "sibling": "broer of zus",
                "other_relative": "familie"}  # fmt: skip
STAFF_ROLES = {"supporter": "bondgenoot", "coordinator": "coördinator", "admin": "medewerker"}


class Agreement(BaseModel):
    what: str
    who: str
    when: str | None = Field(description="e.g. 'vóór 15 januari 2027'.")


class MeetingSummary(BaseModel):
    """Ready-to-print text fields; the page only lays them out."""

    meeting_id: uuid.UUID
    family_reference: str
    status: MeetingStatus
    title: str
    when: str = Field(examples=["dinsdag 3 december 2026, van 14.00 tot 15.30 uur"])
    where: str | None
    chair: str | None
    intro: str
    invited: list[str] = Field(description="Only before the meeting: who is invited.")
    present: list[str] = Field(description="After the meeting: who came.")
    absent: list[str] = Field(description="After the meeting: who did not come (and whether they sent word).")
    agenda: list[str] = Field(description="Only before the meeting: what will be discussed.")
    decisions: list[str]
    agreements: list[Agreement] = Field(description="Actions agreed or confirmed at this meeting.")
    plan_adopted: str | None
    minutes: str | None
    next_meeting: str | None
    closing: str


def long_date(day: date) -> str:
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _clock(moment: datetime) -> str:
    return f"{moment.hour:02d}.{moment.minute:02d}"


def when_text(meeting: Meeting) -> str:
    start, end = local(meeting.starts_at), local(meeting.ends_at)
    if start.date() == end.date():
        return f"{long_date(start.date())}, van {_clock(start)} tot {_clock(end)} uur"
    return f"{long_date(start.date())} {_clock(start)} uur tot {long_date(end.date())} {_clock(end)} uur"


def _who(p: MeetingParticipant) -> str:
    name = participant_name(p)
    if p.member is not None:
        label = MEMBER_ROLES.get(p.member.role.value)
    elif p.user is not None:
        label = STAFF_ROLES.get(p.user.role.value)
    else:
        label = p.role or (p.contact.role or p.contact.relation if p.contact else None)
        organisation = p.organisation or (p.contact.organisation if p.contact else None)
        label = ", ".join(x for x in (label, organisation) if x) or None
    return f"{name} ({label})" if label else name


def _next_meeting(session: Session, meeting: Meeting) -> str | None:
    upcoming = session.exec(
        select(Meeting)
        .where(
            Meeting.family_id == meeting.family_id,
            Meeting.status == MeetingStatus.planned,
            Meeting.starts_at > meeting.starts_at,
            Meeting.id != meeting.id,
        )
        .order_by(col(Meeting.starts_at))
        .limit(1)
    ).first()
    return f"Het volgende overleg is op {when_text(upcoming)}." if upcoming else None


def _agreements(session: Session, meeting: Meeting) -> list[Agreement]:
    actions = session.exec(
        select(PlanAction)
        .where(PlanAction.agreed_at_meeting_id == meeting.id)
        .options(
            joinedload(PlanAction.owner_member),  # type: ignore[arg-type]
            joinedload(PlanAction.owner_contact),  # type: ignore[arg-type]
            joinedload(PlanAction.owner_user),  # type: ignore[arg-type]
        )
        .order_by(col(PlanAction.due_on), col(PlanAction.created_at))
    ).all()
    return [
        Agreement(
            what=a.description,
            who=owner_name(a) or "?",
            when=f"vóór {long_date(a.due_on)}" if a.due_on else None,
        )
        for a in actions
    ]


def summary(session: Session, principal: Principal, *, meeting_id: uuid.UUID) -> MeetingSummary:
    """The family's summary of one meeting (audited as a read)."""
    meeting, family = get_meeting(session, principal, meeting_id)
    audit.record(
        session,
        principal,
        action="read",
        object_type="meeting_summary",
        object_id=meeting.id,
        family_id=family.id,
    )
    return build_summary(session, meeting, family=family)


def build_summary(session: Session, meeting: Meeting, *, family: Family) -> MeetingSummary:
    """The summary of a meeting the caller may already see (the phone's links reuse it)."""
    participants = participants_of(session, [meeting.id])[meeting.id]
    held = meeting.status == MeetingStatus.held
    supporter = session.get(User, family.supporter_id) if family.supporter_id else None
    chair = chair_name(meeting, participants)
    if meeting.status == MeetingStatus.cancelled:
        title, intro = (
            "Het rondetafeloverleg gaat niet door",
            "Dit overleg is afgezegd. Jullie horen wanneer het wel is.",
        )
    elif held:
        title = "Verslag van het rondetafeloverleg"
        intro = "We hebben samen gekeken naar jullie gezinsplan. Hieronder staat wat we hebben afgesproken."
    else:
        title = "Uitnodiging voor het rondetafeloverleg"
        intro = (
            "We gaan samen praten over jullie gezinsplan. "
            "Jullie, jullie netwerk en de hulpverleners zitten aan één tafel."
        )
    present = [_who(p) for p in participants if p.attendance == Attendance.present]
    absent_label = {Attendance.absent: "niet aanwezig", Attendance.excused: "afgemeld"}
    absent = [
        f"{_who(p)}, {absent_label[p.attendance]}" for p in participants if p.attendance in absent_label
    ]
    invited = [
        _who(p) for p in participants if p.invitation in (InvitationStatus.invited, InvitationStatus.accepted)
    ]
    if not held:
        present, absent = [], []
    decisions = decisions_of(session, meeting.id) if held else []
    version = (
        session.get(PlanVersion, meeting.plan_version_id)
        if held and meeting.plan_version_id is not None
        else None
    )
    who = f", {supporter.full_name}" if supporter else ""
    contact = f"Vragen? Neem contact op met jullie bondgenoot{who}."
    return MeetingSummary(
        meeting_id=meeting.id,
        family_reference=family.reference,
        status=meeting.status,
        title=title,
        when=when_text(meeting),
        where=meeting.place or ("Online, via een videoverbinding" if meeting.video_url else None),
        chair=f"{chair} leidt het gesprek." if chair else None,
        intro=intro,
        invited=invited if meeting.status == MeetingStatus.planned else [],
        present=present,
        absent=absent,
        agenda=[item.title for item in agenda_of(session, meeting.id)]
        if meeting.status == MeetingStatus.planned
        else [],
        decisions=[d.text for d in decisions if d.kind != DecisionKind.adopt_plan],
        agreements=_agreements(session, meeting) if held else [],
        plan_adopted=f"Jullie gezinsplan is vastgesteld (versie {version.number})." if version else None,
        minutes=meeting.minutes if held else None,
        next_meeting=_next_meeting(session, meeting),
        closing=contact,
    )
