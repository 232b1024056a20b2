"""The family plan on the phone: a member sees the whole plan; a network contact sees their own part.

Every read and write runs as the link (its own actor in the audit log). Proposals and comments are items
for the table: they never change the plan by themselves. A member may only tick their own actions.
"""

import uuid
from datetime import date

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.checkins.plan_meetings import link_family, meeting_summaries, next_meeting
from api.checkins.plan_schemas import (
    LadderStep,
    PhoneAction,
    PhoneConsent,
    PhoneGoal,
    PhonePlan,
    PhoneProposal,
    PhoneTrendPoint,
    ProposalCreate,
)
from api.checkins.public_service import AnyLink, any_session_link, link_principal, session_link
from api.core.errors import NotFound, Unprocessable
from api.measurements.definitions import LocalizedText
from api.meetings import ical
from api.models import (
    ActionStatus,
    Checkin,
    CheckinLink,
    ContactLink,
    FamilyMember,
    FamilyProposal,
    Goal,
    GoalStatus,
    Meeting,
    NetworkContact,
    OwnerType,
    PlanAction,
    ProposalKind,
    User,
)
from api.models.base import localtoday, utcnow
from api.plans import repository as plans_repo
from api.plans.presenters import LADDER_COLUMNS, owner_name
from api.voice.consent import consent_of

SHOWN_GOALS = (GoalStatus.active, GoalStatus.proposed, GoalStatus.achieved)
NO_ACTION = "Deze actie is er niet (meer). / This action was not found."
NO_MEETING = "Dit overleg is er niet (meer). / This meeting was not found."
LEVELS = {"minus_2": -2, "minus_1": -1, "zero": 0, "plus_1": 1, "plus_2": 2}


def _first(name: str | None) -> str | None:
    return name.split()[0] if name and name.split() else None


def _mine(link: AnyLink, action: PlanAction) -> bool:
    if isinstance(link, CheckinLink):
        return action.owner_type == OwnerType.member and action.owner_member_id == link.member_id
    return action.owner_type == OwnerType.contact and action.owner_contact_id == link.contact_id


def _action(link: AnyLink, action: PlanAction) -> PhoneAction:
    return PhoneAction(
        id=action.id,
        goal_id=action.goal_id,
        description=action.description,
        who=_first(owner_name(action)) if action.owner_type != OwnerType.person else owner_name(action),
        due_on=action.due_on,
        status=action.status,
        mine=_mine(link, action),
    )


def _proposal(row: FamilyProposal) -> PhoneProposal:
    return PhoneProposal.model_validate(row.model_dump())


def _goal(
    link: AnyLink,
    goal: Goal,
    levels: dict[uuid.UUID, tuple[int, date]],
    actions: list[PlanAction],
    comments: list[FamilyProposal],
) -> PhoneGoal:
    level, scored_on = levels.get(
        goal.id, (goal.baseline_level, None) if goal.baseline_level is not None else (None, None)
    )
    ladder = [
        LadderStep(level=LEVELS[key], text=text)
        for key, column in LADDER_COLUMNS.items()
        if (text := getattr(goal, column))
    ]
    words = next((step.text for step in ladder if step.level == level), None)
    return PhoneGoal(
        id=goal.id,
        text=goal.text,
        domain=LocalizedText(nl=goal.life_domain.label_nl, en=goal.life_domain.label_en),
        status=goal.status,
        target_on=goal.target_on,
        level=level,
        level_text=words,
        scored_on=scored_on,
        ladder=sorted(ladder, key=lambda step: step.level),
        actions=[_action(link, a) for a in actions if a.goal_id == goal.id],
        comments=[_proposal(c) for c in comments if c.goal_id == goal.id],
    )


def _trend(session: Session, family_id: uuid.UUID) -> list[PhoneTrendPoint]:
    rows = session.exec(
        select(Checkin.checked_in_at, Checkin.wellbeing, Checkin.care_burden)
        .where(Checkin.family_id == family_id)
        .order_by(col(Checkin.checked_in_at).desc())
        .limit(12)
    ).all()
    return [PhoneTrendPoint(checked_in_at=at, wellbeing=w, care_burden=b) for at, w, b in reversed(rows)]


def _build(session: Session, link: AnyLink) -> PhonePlan:
    family = link_family(session, link)
    consent = consent_of(session, link.contact_id) if isinstance(link, ContactLink) else None
    member = isinstance(link, CheckinLink)
    sees_plan = member or (consent is not None and consent.plan)
    plan = plans_repo.find_plan(session, family.id)
    actions = list(plans_repo.actions_of_family(session, family.id)) if plan else []
    goals: list[PhoneGoal] = []
    proposals: list[FamilyProposal] = []
    if isinstance(link, CheckinLink):
        proposals = list(
            session.exec(
                select(FamilyProposal)
                .where(FamilyProposal.family_id == family.id)
                .order_by(col(FamilyProposal.created_at))
            ).all()
        )
    if plan is not None and sees_plan:
        levels = plans_repo.latest_levels(session, family.id)
        comments = [p for p in proposals if p.kind == ProposalKind.comment]
        goals = [
            _goal(link, goal, levels, actions, comments)
            for goal in plans_repo.goals_of_plan(session, plan.id)
            if goal.status in SHOWN_GOALS
        ]
    mine = [_action(link, a) for a in actions if _mine(link, a) and a.status != ActionStatus.cancelled]
    upcoming = next_meeting(session, link)
    if upcoming is not None and not sees_plan:
        upcoming.agenda = []  # the agenda names the family's goals and everyone's actions
    supporter = session.get(User, family.supporter_id) if family.supporter_id else None
    reader = link_reader_name(session, link)
    return PhonePlan(
        party="member" if isinstance(link, CheckinLink) else "contact",
        reader_first_name=_first(reader) or "",
        supporter_first_name=_first(supporter.full_name if supporter else None),
        updated_at=plan.updated_at if plan else None,
        goals=goals,
        my_actions=mine,
        proposals=[_proposal(p) for p in proposals if p.kind == ProposalKind.goal],
        summaries=meeting_summaries(
            session, link, all_held=member or (consent is not None and consent.summaries)
        ),
        next_meeting=upcoming,
        consent=PhoneConsent(
            plan=consent.plan, summaries=consent.summaries, checkin_trend=consent.checkin_trend
        )
        if isinstance(link, ContactLink) and consent is not None
        else (
            PhoneConsent(plan=False, summaries=False, checkin_trend=False)
            if isinstance(link, ContactLink)
            else None
        ),
        checkin_trend=_trend(session, family.id) if consent is not None and consent.checkin_trend else [],
    )


def link_reader_name(session: Session, link: AnyLink) -> str | None:
    if isinstance(link, CheckinLink):
        member = session.get(FamilyMember, link.member_id)
        return member.display_name if member else None
    contact = session.get(NetworkContact, link.contact_id)
    return contact.name if contact else None


def read_plan(session: Session, *, token: str | None, address: str | None) -> PhonePlan:
    """The plan as this link may see it (audited as a read of the plan by the link)."""

    def work(link: AnyLink) -> PhonePlan:
        audit.record(
            session,
            link_principal(link, address),
            action="read",
            object_type="plan",
            family_id=link.family_id,
        )
        return _build(session, link)

    return any_session_link(session, token=token, address=address, work=work)


def set_action_status(
    session: Session, *, token: str | None, address: str | None, action_id: uuid.UUID, status: str
) -> PhoneAction:
    """Mark one's own action done (or open again); anybody else's action answers 404."""

    def work(link: AnyLink) -> PhoneAction:
        action = plans_repo.get_action(session, link.family_id, action_id)
        if action is None or not _mine(link, action) or action.status == ActionStatus.cancelled:
            raise NotFound(NO_ACTION)
        wanted = ActionStatus(status)
        if action.status != wanted:
            action.status = wanted
            action.completed_on = localtoday() if wanted == ActionStatus.done else None
            action.version += 1
            action.updated_at = utcnow()
            plan = plans_repo.find_plan(session, link.family_id)
            if plan is not None:
                plans_repo.touch_plan(session, plan)
        session.flush()
        audit.record(
            session,
            link_principal(link, address),
            action="update",
            object_type="plan_action",
            object_id=action.id,
            family_id=link.family_id,
        )
        return _action(link, action)

    return any_session_link(session, token=token, address=address, work=work)


def propose(
    session: Session, *, token: str | None, address: str | None, data: ProposalCreate
) -> PhoneProposal:
    """A new goal in the member's own words, or a comment on a goal: an item for the table."""

    def work(link: CheckinLink) -> PhoneProposal:
        goal_id = data.goal_id if data.kind == ProposalKind.comment else None
        if data.kind == ProposalKind.comment:
            goal = plans_repo.get_goal(session, link.family_id, data.goal_id) if data.goal_id else None
            if goal is None:
                raise Unprocessable(
                    "Kies het doel waar je iets over zegt. / Choose the goal your comment is about.",
                    errors=[{"field": "goal_id", "message": "unknown goal", "type": "value_error"}],
                )
        row = FamilyProposal(
            organisation_id=link.organisation_id,
            family_id=link.family_id,
            goal_id=goal_id,
            member_id=link.member_id,
            link_id=link.id,
            kind=data.kind,
            text=data.text,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            link_principal(link, address),
            action="create",
            object_type="family_proposal",
            object_id=row.id,
            family_id=link.family_id,
        )
        return _proposal(row)

    return session_link(session, token=token, address=address, work=work)


def invitation(
    session: Session, *, token: str | None, address: str | None, meeting_id: uuid.UUID
) -> tuple[bytes, str]:
    """The .ics of the next meeting this link may see."""

    def work(link: AnyLink) -> tuple[bytes, str]:
        upcoming = next_meeting(session, link)
        meeting = session.get(Meeting, meeting_id) if upcoming and upcoming.meeting_id == meeting_id else None
        if meeting is None:
            raise NotFound(NO_MEETING)
        family = link_family(session, link)
        organizer = session.get(User, family.supporter_id) if family.supporter_id else None
        audit.record(
            session,
            link_principal(link, address),
            action="export",
            object_type="meeting",
            object_id=meeting.id,
            family_id=family.id,
        )
        return ical.invitation(
            meeting, family, organizer
        ), f"rondetafeloverleg-{meeting.starts_at:%Y%m%d}.ics"

    return any_session_link(session, token=token, address=address, work=work)
