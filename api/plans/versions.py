"""Plan versions: adopting freezes the draft as a numbered, immutable copy; versions can be compared."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import joinedload
from sqlmodel import Session, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.concurrency import matches
from api.core.errors import Conflict, NotFound, PreconditionFailed
from api.core.events import publish
from api.core.pagination import Page, keyset_page
from api.families.repository import get_readable_family
from api.models import Goal, Plan, PlanVersion
from api.models.base import localtoday, utcnow
from api.plans import repository as repo
from api.plans.presenters import snapshot, version_detail, version_summary
from api.plans.schemas import (
    ActionDiff,
    AdoptionCreate,
    FieldChange,
    GoalDiff,
    ItemChange,
    PlanComparison,
    PlanVersionDetail,
    PlanVersionSummary,
    SnapshotAction,
    SnapshotGoal,
)
from api.plans.service import family_t_score, writable_family

VERSION_NOT_FOUND = "Deze planversie bestaat niet / plan version not found."
# Fields that say what the plan is; labels follow from ids, and a goal's score is progress, not plan.
IGNORED = {
    "id",
    "goal_id",
    "actions",
    "gas_level",
    "life_domain_code",
    "life_domain_label_nl",
    "life_domain_label_en",
}


def _draft(session: Session, plan: Plan) -> list[SnapshotGoal]:
    goals = repo.goals_of_plan(session, plan.id)
    actions = repo.actions_of_family(session, plan.family_id)
    return snapshot(goals, actions, repo.latest_levels(session, plan.family_id, localtoday()))


def freeze(
    session: Session,
    plan: Plan,
    *,
    number: int,
    adopted_by_id: uuid.UUID | None,
    adopted_at: datetime | None = None,
    meeting_id: uuid.UUID | None = None,
    note: str | None = None,
) -> PlanVersion:
    """Write the draft as it stands as version `number` (scores as they stood on the adoption date)."""
    adopted_at = adopted_at or utcnow()
    goals = repo.goals_of_plan(session, plan.id)
    levels = repo.latest_levels(session, plan.family_id, adopted_at.date())
    frozen = snapshot(goals, repo.actions_of_family(session, plan.family_id), levels)
    version = PlanVersion(
        plan_id=plan.id,
        family_id=plan.family_id,
        number=number,
        draft_revision=plan.version,
        adopted_at=adopted_at,
        adopted_by_id=adopted_by_id,
        meeting_id=meeting_id,
        note=note,
        gas_t_score=family_t_score(goals, levels),
        snapshot={"goals": [g.model_dump(mode="json") for g in frozen]},
    )
    session.add(version)
    session.flush()
    return version


def adopt_plan(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    data: AdoptionCreate,
    if_match: str | None,
) -> PlanVersionDetail:
    """Freeze the draft as the next version; the draft stays open for the next round."""
    family = writable_family(session, principal, family_id=family_id, action="adopt")
    plan, _ = repo.ensure_plan(session, family)
    # Taking the number first locks the plan row, so no edit of the draft slips in while we copy it.
    number = repo.claim_adoption(session, plan)
    if number == 0:
        raise Conflict(
            "Het plan wordt op dit moment al vastgesteld / the plan is being adopted right now.",
            code="plan_adoption_running",
        )
    session.refresh(plan, attribute_names=["version"])
    if if_match is not None and not matches(if_match, plan.version):
        raise PreconditionFailed(
            "Het plan is veranderd sinds je het las; bekijk het opnieuw / the plan changed since you read it."
        )
    if session.exec(select(Goal.id).where(Goal.plan_id == plan.id).limit(1)).first() is None:
        raise Conflict(
            "Het plan heeft nog geen doelen / the plan has no goals yet.", code="plan_has_no_goals"
        )
    version = freeze(
        session, plan, number=number, adopted_by_id=principal.id, meeting_id=data.meeting_id, note=data.note
    )
    audit.record(
        session,
        principal,
        action="adopt",
        object_type="plan_version",
        object_id=version.id,
        family_id=family.id,
    )
    publish(
        session,
        event_type="plan.adopted",
        family_id=family.id,
        data={"plan_version_id": version.id, "number": number}
        | ({"meeting_id": data.meeting_id} if data.meeting_id else {}),
    )
    return version_detail(repo.get_version(session, plan.id, number))  # type: ignore[arg-type]


def _plan(session: Session, principal: Principal, family_id: uuid.UUID) -> Plan | None:
    family = get_readable_family(session, principal, family_id)
    return repo.find_plan(session, family.id)


def list_versions(
    session: Session, principal: Principal, *, family_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[PlanVersionSummary]:
    """The adopted versions, newest first."""
    plan = _plan(session, principal, family_id)
    audit.record(session, principal, action="list", object_type="plan_version", family_id=family_id)
    if plan is None:
        return Page(items=[])
    statement = (
        select(PlanVersion).where(PlanVersion.plan_id == plan.id).options(joinedload(PlanVersion.adopted_by))  # type: ignore[arg-type]
    )
    rows, next_cursor = keyset_page(
        session, statement, moment=PlanVersion.adopted_at, row_id=PlanVersion.id, limit=limit, cursor=cursor
    )
    return Page(items=[version_summary(v) for v in rows], next_cursor=next_cursor)


def read_version(
    session: Session, principal: Principal, *, family_id: uuid.UUID, number: int
) -> PlanVersionDetail:
    """One adopted version, exactly as it was adopted."""
    plan = _plan(session, principal, family_id)
    version = repo.get_version(session, plan.id, number) if plan else None
    if version is None:
        raise NotFound(VERSION_NOT_FOUND, code="plan_version_not_found")
    audit.record(
        session,
        principal,
        action="read",
        object_type="plan_version",
        object_id=version.id,
        family_id=family_id,
    )
    return version_detail(version)


def _flat(item: dict[str, Any]) -> dict[str, Any]:
    flat = {k: v for k, v in item.items() if k not in IGNORED and k != "ladder"}
    ladder = item.get("ladder") or {}
    for key in ("minus_2", "minus_1", "zero", "plus_1", "plus_2"):
        flat[f"ladder.{key}"] = ladder.get(key)
    return flat


def _changes(before: dict[str, Any], after: dict[str, Any], label: str) -> ItemChange | None:
    old, new = _flat(before), _flat(after)
    fields = [
        FieldChange(field=k, before=old.get(k), after=new.get(k)) for k in new if old.get(k) != new.get(k)
    ]
    return ItemChange(id=after["id"], label=label, changes=fields) if fields else None


def compare(goals_from: list[dict[str, Any]], goals_to: list[dict[str, Any]]) -> tuple[GoalDiff, ActionDiff]:
    """What was added, changed (field by field) and removed between two snapshots."""
    old_goals, new_goals = {g["id"]: g for g in goals_from}, {g["id"]: g for g in goals_to}
    old_actions = {a["id"]: a for g in goals_from for a in g["actions"]}
    new_actions = {a["id"]: a for g in goals_to for a in g["actions"]}
    goal_changes = [_changes(old_goals[i], g, g["text"]) for i, g in new_goals.items() if i in old_goals]
    action_changes = [
        _changes(old_actions[i], a, a["description"]) for i, a in new_actions.items() if i in old_actions
    ]
    goals = GoalDiff(
        added=[SnapshotGoal.model_validate(g) for i, g in new_goals.items() if i not in old_goals],
        removed=[SnapshotGoal.model_validate(g) for i, g in old_goals.items() if i not in new_goals],
        changed=[c for c in goal_changes if c is not None],
    )
    actions = ActionDiff(
        added=[SnapshotAction.model_validate(a) for i, a in new_actions.items() if i not in old_actions],
        removed=[SnapshotAction.model_validate(a) for i, a in old_actions.items() if i not in new_actions],
        changed=[c for c in action_changes if c is not None],
    )
    return goals, actions


def compare_versions(
    session: Session, principal: Principal, *, family_id: uuid.UUID, from_number: int | None, to: str
) -> PlanComparison:
    """Compare two versions, or a version and the draft (default: the latest version against the draft)."""
    plan = _plan(session, principal, family_id)

    def goals_of(number: int) -> list[dict[str, Any]]:
        version = repo.get_version(session, plan.id, number) if plan else None
        if version is None:
            raise NotFound(VERSION_NOT_FOUND, code="plan_version_not_found")
        return list(version.snapshot.get("goals", []))

    if from_number is None and plan is not None and plan.adopted_count > 0:
        from_number = plan.adopted_count
    before = goals_of(from_number) if from_number is not None else []
    to_number = None if to == "draft" else int(to)
    if to_number is not None:
        after = goals_of(to_number)
    else:
        after = [g.model_dump(mode="json") for g in _draft(session, plan)] if plan else []
    goals, actions = compare(before, after)
    audit.record(session, principal, action="compare", object_type="plan_version", family_id=family_id)
    return PlanComparison(from_version=from_number, to_version=to_number, goals=goals, actions=actions)
