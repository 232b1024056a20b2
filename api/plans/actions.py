"""Actions: who does what for a goal, by when — and whether the table has agreed to it.

An action written outside a meeting is "not yet agreed at the table" until a meeting confirms it
(`confirm_actions`, called by the meetings domain). Changing what, who or when of a confirmed action makes
it unconfirmed again: the table agreed to the old wording, not the new one. Done or cancelled does not.
"""

import uuid
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.concurrency import claim_version
from api.core.errors import Conflict, NotFound
from api.families.repository import get_readable_family
from api.models import (
    ActionStatus,
    Family,
    FamilyMember,
    GoalStatus,
    NetworkContact,
    OwnerType,
    Plan,
    PlanAction,
    User,
)
from api.models.base import localtoday, utcnow
from api.plans import repository as repo
from api.plans.goals import load_goal
from api.plans.presenters import action_public
from api.plans.schemas import ActionCreate, ActionPublic, ActionUpdate
from api.plans.service import field_error, writable_family

ACTION_NOT_FOUND = "Deze actie bestaat niet (meer) / action not found."
MATERIAL = (
    "goal_id",
    "description",
    "owner_member_id",
    "owner_contact_id",
    "owner_user_id",
    "owner_name",
    "due_on",
)


def _owner_columns(
    session: Session, family: Family, owner_type: OwnerType, owner_id: uuid.UUID | None, name: str | None
) -> dict[str, Any]:
    """The owner columns for an owner given as type + id (or + name for a person without an account)."""
    columns: dict[str, Any] = {
        "owner_type": owner_type,
        "owner_member_id": None,
        "owner_contact_id": None,
        "owner_user_id": None,
        "owner_name": None,
    }
    if owner_type == OwnerType.person:
        if name is None or owner_id is not None:
            raise field_error(
                "owner_name", "Geef de naam van de persoon / give the person's name (and no id)."
            )
        columns["owner_name"] = name
        return columns
    if owner_id is None or name is not None:
        raise field_error("owner_id", "Kies wie het doet / choose who does it (an id, no name).")
    found: object | None
    if owner_type == OwnerType.member:
        found = session.exec(
            select(FamilyMember.id).where(
                FamilyMember.id == owner_id,
                FamilyMember.family_id == family.id,
                col(FamilyMember.archived_at).is_(None),
            )
        ).first()
        columns["owner_member_id"] = owner_id
    elif owner_type == OwnerType.contact:
        found = session.exec(
            select(NetworkContact.id).where(
                NetworkContact.id == owner_id,
                NetworkContact.family_id == family.id,
                col(NetworkContact.archived_at).is_(None),
            )
        ).first()
        columns["owner_contact_id"] = owner_id
    else:
        found = session.exec(
            select(User.id).where(
                User.id == owner_id, User.organisation_id == family.organisation_id, col(User.is_active)
            )
        ).first()
        columns["owner_user_id"] = owner_id
    if found is None:
        raise field_error(
            "owner_id", "Deze persoon hoort niet bij dit gezin / this person is not in this family."
        )
    return columns


def _load(session: Session, family_id: uuid.UUID, action_id: uuid.UUID) -> PlanAction:
    action = repo.get_action(session, family_id, action_id)
    if action is None:
        raise NotFound(ACTION_NOT_FOUND, code="action_not_found")
    return action


def _touch(session: Session, plan_id: uuid.UUID) -> None:
    plan = session.get(Plan, plan_id)
    assert plan is not None
    repo.touch_plan(session, plan)


def _public(session: Session, action: PlanAction) -> ActionPublic:
    session.expire(action, ["owner_member", "owner_contact", "owner_user"])
    return action_public(_load(session, action.family_id, action.id), localtoday())


def create_action(
    session: Session, principal: Principal, *, family_id: uuid.UUID, goal_id: uuid.UUID, data: ActionCreate
) -> ActionPublic:
    """Add an action to a goal; it is not yet agreed at the table."""
    family = writable_family(session, principal, family_id=family_id, action="create")
    goal = load_goal(session, family.id, goal_id=goal_id)
    if goal.status == GoalStatus.discontinued:
        raise Conflict("Dit doel is gestopt / this goal is discontinued.", code="goal_discontinued")
    _touch(session, goal.plan_id)
    owner = _owner_columns(session, family, data.owner_type, data.owner_id, data.owner_name)
    action = PlanAction(
        **owner,
        description=data.description,
        due_on=data.due_on,
        plan_id=goal.plan_id,
        family_id=family.id,
        goal_id=goal.id,
        created_by_id=principal.id,
    )
    session.add(action)
    session.flush()
    audit.record(
        session,
        principal,
        action="create",
        object_type="plan_action",
        object_id=action.id,
        family_id=family.id,
    )
    return _public(session, action)


def list_actions(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    goal_id: uuid.UUID | None = None,
    status: ActionStatus | None = None,
    overdue: bool = False,
    agreed: bool | None = None,
) -> list[ActionPublic]:
    """The family's actions, soonest due first (one query)."""
    family = get_readable_family(session, principal, family_id)
    today = localtoday()
    actions = repo.actions_of_family(
        session,
        family.id,
        goal_id=goal_id,
        status=status.value if status else None,
        overdue_on=today if overdue else None,
        agreed=agreed,
    )
    audit.record(session, principal, action="list", object_type="plan_action", family_id=family.id)
    return [action_public(a, today) for a in actions]


def update_action(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    action_id: uuid.UUID,
    data: ActionUpdate,
    if_match: str | None,
) -> ActionPublic:
    """Change an action, only from the version the caller read."""
    family = writable_family(session, principal, family_id=family_id, action="update")
    action = _load(session, family.id, action_id)
    claim_version(session, action, if_match)
    _touch(session, action.plan_id)
    fields = data.model_fields_set
    for name in ("description", "status", "goal_id"):
        if name in fields and getattr(data, name) is None:
            raise field_error(name, "Dit veld mag niet leeg zijn / this field cannot be empty.")
    before = {name: getattr(action, name) for name in MATERIAL}
    if fields & {"owner_type", "owner_id", "owner_name"}:
        if data.owner_type is None:
            raise field_error("owner_type", "Geef de eigenaar als geheel / send the owner as a whole.")
        for name, value in _owner_columns(
            session, family, data.owner_type, data.owner_id, data.owner_name
        ).items():
            setattr(action, name, value)
    if data.goal_id is not None and data.goal_id != action.goal_id:
        if load_goal(session, family.id, goal_id=data.goal_id).status == GoalStatus.discontinued:
            raise Conflict("Dit doel is gestopt / this goal is discontinued.", code="goal_discontinued")
        action.goal_id = data.goal_id
    for name in ("description", "due_on"):
        if name in fields:
            setattr(action, name, getattr(data, name))
    if data.status is not None and data.status != action.status:
        action.status = data.status
        action.completed_on = localtoday() if data.status == ActionStatus.done else None
    if any(getattr(action, name) != value for name, value in before.items()):
        action.agreed_at_table = False
        action.agreed_at_meeting_id = None
    action.updated_at = utcnow()
    session.flush()
    audit.record(
        session,
        principal,
        action="update",
        object_type="plan_action",
        object_id=action.id,
        family_id=family.id,
    )
    return _public(session, action)


def delete_action(
    session: Session, principal: Principal, *, family_id: uuid.UUID, action_id: uuid.UUID
) -> None:
    """Remove an action that the table never agreed to (an agreed one is cancelled instead)."""
    family = writable_family(session, principal, family_id=family_id, action="delete")
    action = _load(session, family.id, action_id)
    if action.agreed_at_table:
        raise Conflict(
            "Deze actie is aan tafel afgesproken; annuleer haar in plaats van te verwijderen / "
            "this action was agreed at the table; cancel it instead of deleting it.",
            code="action_agreed_at_table",
        )
    _touch(session, action.plan_id)
    session.delete(action)
    session.flush()
    audit.record(
        session,
        principal,
        action="delete",
        object_type="plan_action",
        object_id=action.id,
        family_id=family.id,
    )


def confirm_actions(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    action_ids: Sequence[uuid.UUID],
    meeting_id: uuid.UUID | None,
) -> list[ActionPublic]:
    """Mark actions as agreed at the table (by the meeting `meeting_id`); for the meetings domain."""
    family = writable_family(session, principal, family_id=family_id, action="confirm")
    wanted = set(action_ids)
    actions = repo.actions_of_family(session, family.id)
    found = [a for a in actions if a.id in wanted]
    if len(found) != len(wanted):
        raise NotFound(ACTION_NOT_FOUND, code="action_not_found")
    if found:
        _touch(session, found[0].plan_id)
    now = utcnow()
    for action in found:
        action.agreed_at_table = True
        action.agreed_at_meeting_id = meeting_id
        action.version += 1
        action.updated_at = now
        audit.record(
            session,
            principal,
            action="confirm",
            object_type="plan_action",
            object_id=action.id,
            family_id=family.id,
        )
    session.flush()
    today = localtoday()
    return [action_public(a, today) for a in found]
