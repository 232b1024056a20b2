"""Rows to response models, and the snapshot that freezes a plan version."""

import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from api.models import ActionStatus, Goal, LifeDomain, OwnerType, PlanAction, PlanVersion
from api.plans.schemas import (
    ActionPublic,
    GasLadder,
    GoalDetail,
    GoalPublic,
    LifeDomainPublic,
    PlanVersionDetail,
    PlanVersionSummary,
    SnapshotAction,
    SnapshotGoal,
)

Levels = Mapping[uuid.UUID, tuple[int, date]]
SNAPSHOT_GOAL_FIELDS = {
    "id", "text", "life_domain_id", "priority", "target_on", "status", "baseline_level", "weight"
}  # fmt: skip
LADDER_COLUMNS = {
    "minus_2": "level_minus_2",
    "minus_1": "level_minus_1",
    "zero": "level_0",
    "plus_1": "level_plus_1",
    "plus_2": "level_plus_2",
}


def ladder_of(goal: Goal) -> GasLadder | None:
    values = {key: getattr(goal, column) for key, column in LADDER_COLUMNS.items()}
    if any(v is None for v in values.values()):
        return None
    return GasLadder(**values)


def set_ladder(goal: Goal, ladder: GasLadder | None) -> None:
    for key, column in LADDER_COLUMNS.items():
        setattr(goal, column, getattr(ladder, key) if ladder else None)


def domain_public(domain: LifeDomain) -> LifeDomainPublic:
    return LifeDomainPublic.model_validate(domain.model_dump())


def owner_id(action: PlanAction) -> uuid.UUID | None:
    return {
        OwnerType.member: action.owner_member_id,
        OwnerType.contact: action.owner_contact_id,
        OwnerType.supporter: action.owner_user_id,
        OwnerType.person: None,
    }[action.owner_type]


def owner_name(action: PlanAction) -> str | None:
    """The owner's name; the relationships must have been loaded with the action."""
    if action.owner_type == OwnerType.member and action.owner_member is not None:
        return action.owner_member.display_name
    if action.owner_type == OwnerType.contact and action.owner_contact is not None:
        return action.owner_contact.name
    if action.owner_type == OwnerType.supporter and action.owner_user is not None:
        return action.owner_user.full_name
    return action.owner_name


def action_public(action: PlanAction, today: date) -> ActionPublic:
    overdue = action.status == ActionStatus.open and action.due_on is not None and action.due_on < today
    return ActionPublic.model_validate(
        action.model_dump(exclude={"owner_name"})
        | {"owner_id": owner_id(action), "owner_name": owner_name(action), "is_overdue": overdue}
    )


def goal_public(goal: Goal, levels: Levels) -> GoalPublic:
    level, scored_on = levels.get(goal.id, (None, None))
    return GoalPublic.model_validate(
        goal.model_dump()
        | {
            "life_domain": domain_public(goal.life_domain),
            "member_ids": sorted((link.member_id for link in goal.member_links), key=str),
            "ladder": ladder_of(goal),
            "gas_level": level,
            "gas_scored_on": scored_on,
        }
    )


def goal_detail(goal: Goal, levels: Levels, actions: Sequence[PlanAction], today: date) -> GoalDetail:
    return GoalDetail(
        **goal_public(goal, levels).model_dump(),
        actions=[action_public(a, today) for a in actions if a.goal_id == goal.id],
    )


def snapshot(goals: Sequence[Goal], actions: Sequence[PlanAction], levels: Levels) -> list[SnapshotGoal]:
    """The plan as it stands: what a version freezes and what a comparison reads."""
    frozen = []
    for goal in goals:
        frozen.append(
            SnapshotGoal(
                **goal.model_dump(include=SNAPSHOT_GOAL_FIELDS),
                life_domain_code=goal.life_domain.code,
                life_domain_label_nl=goal.life_domain.label_nl,
                life_domain_label_en=goal.life_domain.label_en,
                member_ids=sorted((link.member_id for link in goal.member_links), key=str),
                ladder=ladder_of(goal),
                gas_level=levels.get(goal.id, (None, None))[0],
                actions=[
                    SnapshotAction.model_validate(
                        a.model_dump(exclude={"owner_name"})
                        | {"owner_id": owner_id(a), "owner_name": owner_name(a)}
                    )
                    for a in actions
                    if a.goal_id == goal.id
                ],
            )
        )
    return frozen


def version_summary(version: PlanVersion) -> PlanVersionSummary:
    goals: list[dict[str, Any]] = version.snapshot.get("goals", [])
    return PlanVersionSummary(
        number=version.number,
        adopted_at=version.adopted_at,
        adopted_by_id=version.adopted_by_id,
        adopted_by_name=version.adopted_by.full_name if version.adopted_by else None,
        meeting_id=version.meeting_id,
        note=version.note,
        gas_t_score=version.gas_t_score,
        goal_count=len(goals),
        action_count=sum(len(g.get("actions", [])) for g in goals),
    )


def version_detail(version: PlanVersion) -> PlanVersionDetail:
    return PlanVersionDetail(
        **version_summary(version).model_dump(),
        goals=[SnapshotGoal.model_validate(g) for g in version.snapshot.get("goals", [])],
    )
