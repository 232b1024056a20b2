"""Ending a family's support properly, and reopening it.

Closing asks for a reason, resolves every open goal and action (achieved, discontinued, or handed over to a
named party), keeps the handover note and successor, and sets the end date the follow-up wave runs from.
A closed family keeps no active goal or open action. Both moves are status changes in the family's timeline.
"""

import uuid
from datetime import date

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.config import get_settings
from api.core.errors import Conflict, Unprocessable
from api.core.events import publish
from api.families.closing_schemas import (
    ClosureCreate,
    ClosureItemPublic,
    ClosurePublic,
    ClosureState,
    OpenAction,
    OpenGoal,
    Reopen,
)
from api.families.repository import get_readable_family
from api.measurements.waves import add_months
from api.models import (
    ActionStatus,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Goal,
    GoalStatus,
    PlanAction,
    User,
)
from api.models.base import localtoday, utcnow
from api.models.workday import ClosureItem, ClosureReason, FamilyClosure, Resolution
from api.plans.repository import ensure_plan, touch_plan

OPEN_GOALS = (GoalStatus.proposed, GoalStatus.active)
GOAL_END = {
    Resolution.achieved: GoalStatus.achieved,
    Resolution.discontinued: GoalStatus.discontinued,
    Resolution.handed_over: GoalStatus.discontinued,
}
ACTION_END = {
    Resolution.achieved: ActionStatus.done,
    Resolution.discontinued: ActionStatus.cancelled,
    Resolution.handed_over: ActionStatus.cancelled,
}


def _invalid(field: str, message: str, code: str = "invalid_input") -> Unprocessable:
    return Unprocessable(
        message, code=code, errors=[{"field": field, "message": message, "type": "value_error"}]
    )


def check_end_date(family: Family, ended_on: date, today: date) -> None:
    """No closure in the future, before the start of support, or before enrolment."""
    if ended_on > today:
        raise _invalid(
            "ended_on",
            "De einddatum kan niet in de toekomst liggen / the end date cannot be in the future.",
            "family_date_invalid",
        )
    if family.started_on is not None and ended_on < family.started_on:
        raise _invalid(
            "ended_on",
            "De einddatum kan niet voor het begin van de ondersteuning liggen / "
            "the end date cannot be before the start of support.",
            "family_date_invalid",
        )
    if ended_on < family.created_at.date():
        raise _invalid(
            "ended_on",
            "De einddatum kan niet voor de aanmelding liggen / the end date cannot be before enrolment.",
            "family_date_invalid",
        )


def _open_work(session: Session, family_id: uuid.UUID) -> tuple[list[Goal], list[PlanAction]]:
    goals = session.exec(
        select(Goal)
        .where(Goal.family_id == family_id, col(Goal.status).in_(OPEN_GOALS))
        .order_by(col(Goal.created_at))
    ).all()
    actions = session.exec(
        select(PlanAction)
        .where(PlanAction.family_id == family_id, PlanAction.status == ActionStatus.open)
        .order_by(col(PlanAction.created_at))
    ).all()
    return list(goals), list(actions)


def _latest(session: Session, family_id: uuid.UUID) -> ClosurePublic | None:
    row = session.exec(
        select(FamilyClosure, User.full_name)
        .outerjoin(User, col(User.id) == FamilyClosure.closed_by_id)
        .where(FamilyClosure.family_id == family_id)
        .order_by(col(FamilyClosure.closed_at).desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    closure, name = row
    items = session.exec(select(ClosureItem).where(ClosureItem.closure_id == closure.id)).all()
    return ClosurePublic(
        **closure.model_dump(exclude={"closed_by_id", "reopened_by_id", "family_id"}),
        closed_by_name=name,
        items=[ClosureItemPublic.model_validate(i.model_dump()) for i in items],
    )


def closure_state(session: Session, principal: Principal, *, family_id: uuid.UUID) -> ClosureState:
    """The open goals and actions a closure must resolve, and the latest closure."""
    family = get_readable_family(session, principal, family_id)
    goals, actions = _open_work(session, family.id)
    audit.record(session, principal, action="read", object_type="family_closure", family_id=family.id)
    return ClosureState(
        family_id=family.id,
        status=family.status,
        started_on=family.started_on,
        follow_up_months=get_settings().wave_follow_up_months,
        open_goals=[OpenGoal(id=g.id, text=g.text, status=g.status) for g in goals],
        open_actions=[
            OpenAction(
                id=a.id, goal_id=a.goal_id, description=a.description, due_on=a.due_on, status=a.status
            )
            for a in actions
        ],
        latest=_latest(session, family.id),
    )


def _check_resolutions(data: ClosureCreate, goals: list[Goal], actions: list[PlanAction]) -> None:
    errors: list[dict[str, str]] = []
    for kind, wanted, given in (
        ("goals", {g.id for g in goals}, [r.goal_id for r in data.goals]),
        ("actions", {a.id for a in actions}, [r.action_id for r in data.actions]),
    ):
        for index, item_id in enumerate(given):
            if item_id not in wanted:
                errors.append(
                    {"field": f"{kind}.{index}", "message": "not open in this family", "type": "value_error"}
                )
        for item_id in sorted(wanted - set(given), key=str):
            errors.append({"field": f"{kind}.{item_id}", "message": "needs a resolution", "type": "missing"})
    named: list[tuple[str, list[tuple[Resolution, str | None]]]] = [
        ("goals", [(r.resolution, r.handed_over_to) for r in data.goals]),
        ("actions", [(r.resolution, r.handed_over_to) for r in data.actions]),
    ]
    for kind, resolutions in named:
        for index, (resolution, handed_over_to) in enumerate(resolutions):
            if resolution == Resolution.handed_over and not (handed_over_to or "").strip():
                errors.append(
                    {
                        "field": f"{kind}.{index}.handed_over_to",
                        "message": "name who takes it over",
                        "type": "missing",
                    }
                )
    if errors:
        raise Unprocessable(
            "Elk open doel en elke open actie heeft een afronding nodig / "
            "every open goal and action needs a resolution.",
            code="closure_unresolved",
            errors=errors,
        )


def close_family(
    session: Session, principal: Principal, *, family_id: uuid.UUID, data: ClosureCreate
) -> ClosurePublic:
    """End the family's support: resolve its open work, record why and who takes over, and close it."""
    family = get_readable_family(session, principal, family_id, action="close")
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.", code="family_archived")
    if family.status == FamilyStatus.closed:
        raise Conflict("Dit gezin is al afgesloten / this family is already closed.", code="family_closed")
    if data.reason == ClosureReason.other and not (data.reason_text or "").strip():
        raise _invalid("reason_text", "Beschrijf de reden / describe the reason.")
    today = localtoday()
    ended_on = data.ended_on or today
    check_end_date(family, ended_on, today)
    goals, actions = _open_work(session, family.id)
    _check_resolutions(data, goals, actions)
    closure = FamilyClosure(
        family_id=family.id,
        reason=data.reason,
        reason_text=(data.reason_text or "").strip() or None,
        ended_on=ended_on,
        handover_note=(data.handover_note or "").strip() or None,
        successor_name=(data.successor_name or "").strip() or None,
        successor_organisation=(data.successor_organisation or "").strip() or None,
        follow_up_due_on=add_months(ended_on, get_settings().wave_follow_up_months),
        closed_by_id=principal.id,
    )
    session.add(closure)
    session.flush()
    now = utcnow()
    goal_by_id = {g.id: g for g in goals}
    action_by_id = {a.id: a for a in actions}
    for g in data.goals:
        goal_by_id[g.goal_id].status = GOAL_END[g.resolution]
        goal_by_id[g.goal_id].version += 1
        goal_by_id[g.goal_id].updated_at = now
        session.add(
            ClosureItem(
                closure_id=closure.id,
                goal_id=g.goal_id,
                resolution=g.resolution,
                handed_over_to=g.handed_over_to,
            )
        )
    for a in data.actions:
        action = action_by_id[a.action_id]
        action.status = ACTION_END[a.resolution]
        action.completed_on = ended_on if a.resolution == Resolution.achieved else None
        action.version += 1
        action.updated_at = now
        session.add(
            ClosureItem(
                closure_id=closure.id,
                action_id=a.action_id,
                resolution=a.resolution,
                handed_over_to=a.handed_over_to,
            )
        )
    if goals or actions:
        plan, _ = ensure_plan(session, family)
        touch_plan(session, plan)
    change = FamilyStatusChange(family_id=family.id, from_status=family.status, to_status=FamilyStatus.closed)
    change.changed_by_id = principal.id
    session.add(change)
    family.status = FamilyStatus.closed
    family.ended_on = ended_on
    family.version += 1
    family.updated_at = now
    publish(session, event_type="family.closed", family_id=family.id)  # in the change's transaction
    session.flush()
    audit.record(
        session, principal, action="close", object_type="family", object_id=family.id, family_id=family.id
    )
    latest = _latest(session, family.id)
    assert latest is not None
    return latest


def reopen_family(
    session: Session, principal: Principal, *, family_id: uuid.UUID, data: Reopen
) -> ClosurePublic:
    """Take a closed family back into active support; the closure keeps who reopened it, when and why."""
    family = get_readable_family(session, principal, family_id, action="reopen")
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.", code="family_archived")
    if family.status != FamilyStatus.closed:
        raise Conflict("Dit gezin is niet afgesloten / this family is not closed.", code="family_not_closed")
    closure = session.exec(
        select(FamilyClosure)
        .where(FamilyClosure.family_id == family.id, col(FamilyClosure.reopened_at).is_(None))
        .order_by(col(FamilyClosure.closed_at).desc())
    ).first()
    now = utcnow()
    if closure is None:  # closed before closures were recorded: keep the reopening all the same
        closure = FamilyClosure(
            family_id=family.id,
            reason=ClosureReason.other,
            reason_text="(closed without a recorded closure)",
            ended_on=family.ended_on or now.date(),
            follow_up_due_on=add_months(family.ended_on or now.date(), get_settings().wave_follow_up_months),
            closed_by_id=principal.id,
        )
        session.add(closure)
    closure.reopened_at = now
    closure.reopened_by_id = principal.id
    closure.reopen_reason = data.reason.strip()
    change = FamilyStatusChange(
        family_id=family.id, from_status=FamilyStatus.closed, to_status=FamilyStatus.active
    )
    change.changed_by_id = principal.id
    session.add(change)
    family.status = FamilyStatus.active
    family.ended_on = None
    family.version += 1
    family.updated_at = now
    session.flush()
    audit.record(
        session, principal, action="reopen", object_type="family", object_id=family.id, family_id=family.id
    )
    latest = _latest(session, family.id)
    assert latest is not None
    return latest
