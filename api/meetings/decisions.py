"""Decisions written down during the meeting; nothing reaches the plan until the meeting closes."""

import uuid
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Conflict, Unprocessable
from api.meetings.decision_schemas import (
    AddActionDecision,
    AddGoalDecision,
    ChangeGoalDecision,
    ConfirmActionDecision,
    DecisionCreate,
    DecisionPublic,
)
from api.meetings.repository import decisions_of, get_decision, get_open_meeting, next_position
from api.models import (
    ActionStatus,
    DecisionKind,
    FamilyMember,
    Goal,
    Meeting,
    MeetingDecision,
    NetworkContact,
    OwnerType,
    PlanAction,
    User,
)
from api.plans.schemas import ActionCreate


def _field_error(field: str, message: str) -> Unprocessable:
    return Unprocessable(message, errors=[{"field": field, "message": message, "type": "value_error"}])


def _goal(session: Session, family_id: uuid.UUID, goal_id: uuid.UUID, field: str) -> Goal:
    goal = session.get(Goal, goal_id)
    if goal is None or goal.family_id != family_id:
        raise _field_error(
            field, "Dit doel staat niet in het plan van dit gezin / no such goal in this plan."
        )
    return goal


def owner_label(session: Session, action: ActionCreate) -> str:
    """The owner's name for the decision's text (the plans domain checks the owner when it is applied)."""
    if action.owner_type == OwnerType.person or action.owner_id is None:
        return action.owner_name or "?"
    model: Any = {
        OwnerType.member: FamilyMember,
        OwnerType.contact: NetworkContact,
        OwnerType.supporter: User,
    }[action.owner_type]
    row = session.get(model, action.owner_id)
    if row is None:
        return "?"
    return str(getattr(row, "display_name", None) or getattr(row, "name", None) or row.full_name)


def _check_and_describe(
    session: Session, meeting: Meeting, data: BaseModel, decision_id: uuid.UUID | None
) -> str:
    """Check references early (the close checks everything again) and write the decision in plain words."""
    family_id = meeting.family_id
    if isinstance(data, AddGoalDecision):
        return f"Nieuw doel: {data.goal.text}"
    if isinstance(data, ChangeGoalDecision):
        return f"Doel aangepast: {_goal(session, family_id, data.goal_id, 'goal_id').text}"
    if isinstance(data, AddActionDecision):
        if data.goal_id is not None:
            _goal(session, family_id, data.goal_id, "goal_id")
        else:
            source = session.get(MeetingDecision, data.goal_decision_id)
            if source is None or source.meeting_id != meeting.id or source.kind != DecisionKind.add_goal:
                raise _field_error(
                    "goal_decision_id",
                    "Geen nieuw doel van dit overleg / not an add_goal decision of this meeting.",
                )
        return f"Afspraak: {data.action.description} (wie: {owner_label(session, data.action)})"
    if isinstance(data, ConfirmActionDecision):
        actions = session.exec(
            select(PlanAction).where(
                col(PlanAction.id).in_(data.action_ids), PlanAction.family_id == family_id
            )
        ).all()
        if len(actions) != len(set(data.action_ids)) or any(a.status != ActionStatus.open for a in actions):
            raise _field_error(
                "action_ids", "Alleen open acties van dit gezin / only open actions of this family."
            )
        return "Afspraken bevestigd: " + "; ".join(a.description for a in actions)
    if data.kind == DecisionKind.adopt_plan:  # type: ignore[attr-defined]
        taken = [
            d
            for d in decisions_of(session, meeting.id)
            if d.kind == DecisionKind.adopt_plan and d.id != decision_id
        ]
        if taken:
            raise Conflict(
                "Het plan wordt in dit overleg al vastgesteld / this meeting already adopts the plan.",
                code="meeting_adopts_plan_already",
            )
        return "Het gezinsplan is vastgesteld."
    return ""


def _write(decision: MeetingDecision, data: BaseModel, text: str) -> None:
    decision.kind = DecisionKind(data.kind)  # type: ignore[attr-defined]
    decision.text = data.text or text  # type: ignore[attr-defined]
    decision.payload = data.model_dump(mode="json", exclude_unset=True, exclude={"kind", "text"})


def add_decision(
    session: Session, principal: Principal, *, meeting_id: uuid.UUID, data: DecisionCreate
) -> DecisionPublic:
    """Write down a decision; it is applied to the plan when the meeting closes."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="update")
    text = _check_and_describe(session, meeting, data, None)
    decision = MeetingDecision(
        meeting_id=meeting.id,
        position=next_position(decisions_of(session, meeting.id)),
        kind=DecisionKind(data.kind),
        text="",
        created_by_id=principal.id,
    )
    _write(decision, data, text)
    session.add(decision)
    session.flush()
    audit.record(
        session, principal, action="update", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
    return DecisionPublic.model_validate(decision.model_dump())


def replace_decision(
    session: Session,
    principal: Principal,
    *,
    meeting_id: uuid.UUID,
    decision_id: uuid.UUID,
    data: DecisionCreate,
) -> DecisionPublic:
    """Rewrite a decision while the meeting is open."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="update")
    decision = get_decision(session, meeting.id, decision_id)
    if decision.kind == DecisionKind.add_goal and data.kind != DecisionKind.add_goal:
        _refuse_if_referenced(session, meeting, decision)
    _write(decision, data, _check_and_describe(session, meeting, data, decision.id))
    session.flush()
    audit.record(
        session, principal, action="update", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
    return DecisionPublic.model_validate(decision.model_dump())


def _refuse_if_referenced(session: Session, meeting: Meeting, decision: MeetingDecision) -> None:
    if any(d.payload.get("goal_decision_id") == str(decision.id) for d in decisions_of(session, meeting.id)):
        raise Conflict(
            "Een afspraak van dit overleg hoort bij dit nieuwe doel; pas die eerst aan / "
            "an action decided here belongs to this new goal; change that first.",
            code="decision_goal_in_use",
        )


def remove_decision(
    session: Session, principal: Principal, *, meeting_id: uuid.UUID, decision_id: uuid.UUID
) -> None:
    """Strike a decision while the meeting is open."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="update")
    decision = get_decision(session, meeting.id, decision_id)
    _refuse_if_referenced(session, meeting, decision)
    session.delete(decision)
    session.flush()
    audit.record(
        session, principal, action="update", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
