"""Closing a meeting: every decision reaches the plan in the request's one transaction, or none does."""

import uuid
from collections.abc import Callable

from sqlmodel import Session, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import DomainError, NotFound, Unprocessable, english
from api.meetings import events
from api.meetings.decision_schemas import (
    DECISION_TYPES,
    AddActionDecision,
    AddGoalDecision,
    AdoptPlanDecision,
    ChangeGoalDecision,
    ConfirmActionDecision,
)
from api.meetings.plan_links import crucial_people
from api.meetings.presenters import live_flags
from api.meetings.repository import decisions_of, get_open_meeting, participants_of
from api.meetings.schemas import MeetingClose, MeetingDetail
from api.meetings.service import claim_status, detail
from api.models import Attendance, DecisionKind, Family, Meeting, MeetingDecision, MeetingStatus, PlanVersion
from api.models.base import utcnow
from api.plans import actions as plan_actions
from api.plans import goals as plan_goals
from api.plans import versions as plan_versions
from api.plans.schemas import AdoptionCreate

# New goals first (actions may hang under them), the plan's adoption last (it freezes everything before it).
ORDER = [
    DecisionKind.add_goal,
    DecisionKind.change_goal,
    DecisionKind.add_action,
    DecisionKind.confirm_action,
    DecisionKind.note,
    DecisionKind.adopt_plan,
]


class _Applier:
    """Applies one meeting's decisions through the plans domain's services (they flush, never commit)."""

    def __init__(self, session: Session, principal: Principal, meeting: Meeting, family: Family) -> None:
        self.session, self.principal, self.meeting, self.family = session, principal, meeting, family
        self.new_goals: dict[str, uuid.UUID] = {}  # add_goal decision id → the goal it made

    def apply(self, decision: MeetingDecision) -> uuid.UUID | None:
        data = DECISION_TYPES[decision.kind].model_validate(
            decision.payload | {"kind": decision.kind.value, "text": decision.text}
        )
        handler: Callable[..., uuid.UUID | None] = getattr(self, f"_{decision.kind.value}")
        return handler(decision, data)

    def _add_goal(self, decision: MeetingDecision, data: AddGoalDecision) -> uuid.UUID:
        goal = plan_goals.create_goal(self.session, self.principal, family_id=self.family.id, data=data.goal)
        self.new_goals[str(decision.id)] = goal.id
        return goal.id

    def _change_goal(self, _: MeetingDecision, data: ChangeGoalDecision) -> uuid.UUID:
        # The table decided on the goal as it stands now: no If-Match race to lose against ourselves.
        plan_goals.update_goal(
            self.session,
            self.principal,
            family_id=self.family.id,
            goal_id=data.goal_id,
            data=data.changes,
            if_match="*",
        )
        return data.goal_id

    def _add_action(self, _: MeetingDecision, data: AddActionDecision) -> uuid.UUID:
        goal_id = data.goal_id or self.new_goals.get(str(data.goal_decision_id))
        if goal_id is None:
            raise Unprocessable(
                "Het nieuwe doel van deze afspraak ontbreekt / this action's new goal is missing.",
                code="decision_goal_missing",
            )
        action = plan_actions.create_action(
            self.session, self.principal, family_id=self.family.id, goal_id=goal_id, data=data.action
        )
        plan_actions.confirm_actions(
            self.session,
            self.principal,
            family_id=self.family.id,
            action_ids=[action.id],
            meeting_id=self.meeting.id,
        )
        return action.id

    def _confirm_action(self, _: MeetingDecision, data: ConfirmActionDecision) -> None:
        plan_actions.confirm_actions(
            self.session,
            self.principal,
            family_id=self.family.id,
            action_ids=data.action_ids,
            meeting_id=self.meeting.id,
        )

    def _note(self, *_: object) -> None:
        return None

    def _adopt_plan(self, _: MeetingDecision, data: AdoptPlanDecision) -> uuid.UUID:
        adoption = AdoptionCreate(meeting_id=self.meeting.id, note=data.note)
        version = plan_versions.adopt_plan(
            self.session, self.principal, family_id=self.family.id, data=adoption, if_match=None
        )
        version_id = self.session.exec(
            select(PlanVersion.id).where(
                PlanVersion.family_id == self.family.id, PlanVersion.number == version.number
            )
        ).one()
        self.meeting.plan_version_id = version_id
        return version_id


def _require_attendance(session: Session, meeting: Meeting) -> None:
    participants = participants_of(session, [meeting.id])[meeting.id]
    missing = [p for p in participants if p.attendance is None]
    if missing:
        raise Unprocessable(
            "Vul eerst voor iedereen in of die er was / record first for everyone whether they came.",
            errors=[
                {"field": f"participants.{p.id}.attendance", "message": "not recorded", "type": "missing"}
                for p in missing
            ],
            code="attendance_missing",
        )
    if not any(p.attendance == Attendance.present for p in participants):
        raise Unprocessable("Er was niemand aanwezig / nobody was present.", code="nobody_present")


def _failed(decision: MeetingDecision, exc: DomainError) -> DomainError:
    """The same error, saying which decision failed and that nothing was applied."""
    detail = (
        f"Decision {decision.position} could not be applied, so nothing changed and the meeting is "
        f"still open: {english(exc.detail)}"
    )
    # Something the decision points at is gone: that is the decision's fault, not a missing meeting (404).
    kind = Unprocessable if isinstance(exc, NotFound) else type(exc)
    return kind(
        detail,
        code="decision_failed",
        persist=exc.persist,
        errors=exc.errors,
        extensions=exc.extensions | {"decision_id": str(decision.id), "cause": exc.code},
    )


def close_meeting(
    session: Session, principal: Principal, *, meeting_id: uuid.UUID, data: MeetingClose
) -> MeetingDetail:
    """Close a held meeting: apply all its decisions to the plan at once, freeze who was missing."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="close")
    _require_attendance(session, meeting)
    claim_status(session, meeting, target=MeetingStatus.held)
    applier = _Applier(session, principal, meeting, family)
    now = utcnow()
    decisions = sorted(decisions_of(session, meeting.id), key=lambda d: (ORDER.index(d.kind), d.position))
    for decision in decisions:
        try:
            decision.result_id = applier.apply(decision)
        except DomainError as exc:
            raise _failed(decision, exc) from exc
        decision.applied_at = now
    if "minutes" in data.model_fields_set:
        meeting.minutes = data.minutes
    meeting.closed_at = meeting.updated_at = now
    meeting.closed_by_id = principal.id
    session.flush()
    participants = participants_of(session, [meeting.id])[meeting.id]
    crucial = crucial_people(session, [family.id]).get(family.id, [])
    meeting.closing_flags = [f.model_dump(mode="json") for f in live_flags(participants, crucial)]
    session.flush()
    audit.record(
        session, principal, action="close", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
    events.meeting_closed(session, meeting)
    return detail(session, meeting, family=family)
