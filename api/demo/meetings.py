"""Demo meetings: held ones (closed through the service, so the plans change), upcoming ones, flagged ones.

Meant to run after the plans' seeder: a family with goals gets its loose actions confirmed, a new action and
its plan adopted at the table; a family without a plan gets its first goal from its first meeting."""

import uuid
from datetime import date, datetime, time, timedelta

from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.demo.context import DemoContext, supporter_of
from api.meetings import closing, participants, service
from api.meetings.clock import as_utc
from api.meetings.decision_schemas import (
    AddActionDecision,
    AddGoalDecision,
    AdoptPlanDecision,
    ConfirmActionDecision,
    NoteDecision,
)
from api.meetings.decisions import add_decision
from api.meetings.schemas import (
    AttendanceItem,
    AttendanceUpdate,
    MeetingCancel,
    MeetingClose,
    MeetingCreate,
    ParticipantCreate,
    ParticipantUpdate,
)
from api.models import (
    ActionStatus,
    Attendance,
    ContactKind,
    Family,
    FamilyMember,
    FamilyStatus,
    Goal,
    GoalStatus,
    InvitationStatus,
    Meeting,
    NetworkContact,
    OwnerType,
    ParticipantKind,
    PlanAction,
)
from api.models.base import AMSTERDAM, localtoday, replaying_at
from api.models.plans import life_domain_id
from api.plans.schemas import ActionCreate, GasLadder, GoalCreate

PLACE = "Wijkcentrum De Linde, zaal 2"
VIDEO = "https://meet.bondgenoot.example/rondetafel"
MINUTES = (
    "Iedereen vertelde hoe het gaat. Moeder merkt dat de vaste afspraken helpen. School ziet dat het kind "
    "rustiger is. We spraken af wie wat doet tot het volgende overleg."
)
FIRST_GOAL = GoalCreate(
    text="We willen dat het thuis rustiger wordt en dat er hulp is als het te veel wordt.",
    life_domain_id=life_domain_id("daily_care"),
    status=GoalStatus.active,
    priority=1,
    ladder=GasLadder(
        minus_2="Bijna elke dag ruzie; niemand om te bellen.",
        minus_1="Vaak ruzie; soms springt oma bij.",
        zero="Een paar keer per maand onrust; oma en de buurvrouw helpen op vaste dagen.",
        plus_1="Zelden onrust; er is een vaste logeeropvang.",
        plus_2="Rustig thuis; iedereen weet wat te doen als het toch misgaat.",
    ),
    baseline_level=-1,
)


def _at(day: date, hour: int) -> datetime:
    return as_utc(datetime.combine(day, time(hour, 0), tzinfo=AMSTERDAM))


def _people(session: Session, family: Family) -> tuple[list[FamilyMember], list[NetworkContact]]:
    members = session.exec(
        select(FamilyMember).where(
            FamilyMember.family_id == family.id, col(FamilyMember.archived_at).is_(None)
        )
    ).all()
    contacts = session.exec(
        select(NetworkContact).where(
            NetworkContact.family_id == family.id, col(NetworkContact.archived_at).is_(None)
        )
    ).all()
    return list(members), list(contacts)


def _invite(members: list[FamilyMember], contacts: list[NetworkContact]) -> list[ParticipantCreate]:
    return [ParticipantCreate(kind=ParticipantKind.member, member_id=m.id) for m in members] + [
        ParticipantCreate(kind=ParticipantKind.contact, contact_id=c.id) for c in contacts
    ]


def _named_owners(session: Session, family: Family) -> list[ParticipantCreate]:
    """Guests for the people without a record who own open actions (a careful supporter invites them too)."""
    names = session.exec(
        select(PlanAction.owner_name)
        .where(
            PlanAction.family_id == family.id,
            PlanAction.status == ActionStatus.open,
            PlanAction.owner_type == OwnerType.person,
        )
        .distinct()
    ).all()
    return [ParticipantCreate(kind=ParticipantKind.guest, name=name) for name in names if name]


def _first_table(session: Session, who: Principal, family: Family, meeting_id: uuid.UUID, due: date) -> None:
    """Confirm what was agreed outside the table; give the informal network an action (and a first goal)."""
    goal = session.exec(
        select(Goal)
        .where(Goal.family_id == family.id, Goal.status == GoalStatus.active)
        .order_by(col(Goal.priority))
    ).first()
    if goal is None:
        new_goal = add_decision(
            session, who, meeting_id=meeting_id, data=AddGoalDecision(kind="add_goal", goal=FIRST_GOAL)
        )
    loose = session.exec(
        select(PlanAction.id).where(
            PlanAction.family_id == family.id,
            PlanAction.status == ActionStatus.open,
            col(PlanAction.agreed_at_table).is_(False),
        )
    ).all()
    if loose:
        add_decision(
            session,
            who,
            meeting_id=meeting_id,
            data=ConfirmActionDecision(kind="confirm_action", action_ids=list(loose)),
        )
    _, contacts = _people(session, family)
    helper = next((c for c in contacts if c.kind == ContactKind.informal), None)
    action = ActionCreate(
        description="Vaste oppasmiddag op woensdag",
        owner_type=OwnerType.contact if helper else OwnerType.person,
        owner_id=helper.id if helper else None,
        owner_name=None if helper else "Oma",
        due_on=due,
    )
    where = {"goal_id": goal.id} if goal else {"goal_decision_id": new_goal.id}
    add_decision(
        session, who, meeting_id=meeting_id, data=AddActionDecision(kind="add_action", action=action, **where)
    )


def _hold(
    session: Session, who: Principal, family: Family, day: date, *, first: bool, helper_away: bool
) -> None:
    """Plan, record who came (a professional, or the informal helper, sent word), decide, close: all recorded
    at the meeting's own date, as it would have been."""
    with replaying_at(_at(day, 16)):
        members, contacts = _people(session, family)
        created = service.create_meeting(
            session,
            who,
            family_id=family.id,
            data=MeetingCreate(
                starts_at=_at(day, 14),
                place=PLACE,
                participants=_invite(members, contacts) + _named_owners(session, family),
            ),
        )
        away = ContactKind.informal if helper_away else ContactKind.professional
        excused = next((c.id for c in contacts if c.kind == away), None)
        items = [
            AttendanceItem(
                participant_id=p.id,
                attendance=Attendance.excused if excused and p.contact_id == excused else Attendance.present,
            )
            for p in created.participants
        ]
        participants.record_attendance(
            session, who, meeting_id=created.id, data=AttendanceUpdate(items=items)
        )
        if first:
            _first_table(session, who, family, created.id, localtoday() + timedelta(days=21))
        note = "Over drie maanden kijken we samen of het zo goed gaat."
        add_decision(session, who, meeting_id=created.id, data=NoteDecision(kind="note", text=note))
        add_decision(
            session,
            who,
            meeting_id=created.id,
            data=AdoptPlanDecision(kind="adopt_plan", note="Vastgesteld aan tafel."),
        )
        closing.close_meeting(session, who, meeting_id=created.id, data=MeetingClose(minutes=MINUTES))


def _plan_next(session: Session, who: Principal, family: Family, day: date, *, flagged: bool) -> uuid.UUID:
    """An upcoming meeting; a flagged one invites only the family: the network's open actions are missing."""
    members, contacts = _people(session, family)
    created = service.create_meeting(
        session,
        who,
        family_id=family.id,
        data=MeetingCreate(
            starts_at=_at(day, 10),
            place=None if not flagged else "Thuis bij het gezin",
            video_url=None if flagged else VIDEO,
            participants=_invite(members, [])
            if flagged
            else _invite(members, contacts) + _named_owners(session, family),
        ),
    )
    for participant in created.participants[1::2]:  # some have said yes already
        accepted = ParticipantUpdate(invitation=InvitationStatus.accepted)
        participants.update_participant(
            session, who, meeting_id=created.id, participant_id=participant.id, data=accepted
        )
    return created.id


def seed_meetings(session: Session, context: DemoContext) -> str:
    """Held, upcoming, flagged and cancelled meetings for active families (skips families that have any)."""
    today = localtoday()
    families = [f for f in context.families if f.status in (FamilyStatus.active, FamilyStatus.phasing_out)]
    created = 0
    for index, family in enumerate(families[:12]):
        if (
            session.exec(select(Meeting.id).where(Meeting.family_id == family.id).limit(1)).first()
            is not None
        ):
            continue
        who = supporter_of(session, family)
        if who is None:
            continue
        # The first table weeks after support started (the plan's version 1), a follow-up halfway to today.
        started = family.started_on or today - timedelta(days=120)
        first = max(started + timedelta(days=21), today - timedelta(days=120 - index))
        _hold(session, who, family, first, first=True, helper_away=index % 4 == 3)
        created += 1
        if index % 3 == 0 and (today - first).days >= 28:
            _hold(session, who, family, first + (today - first) / 2, first=False, helper_away=False)
            created += 1
        _plan_next(session, who, family, today + timedelta(days=7 + index * 2), flagged=index % 4 == 1)
        created += 1
        if index % 5 == 2:
            extra = _plan_next(session, who, family, today + timedelta(days=60), flagged=False)
            service.cancel_meeting(
                session, who, meeting_id=extra, data=MeetingCancel(reason="Dubbel gepland.")
            )
            created += 1
    session.flush()
    return f"Demo meetings: {created} created (held, upcoming, flagged and cancelled)."
