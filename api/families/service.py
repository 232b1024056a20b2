"""The rules for families: caseload assignment, status moves, archiving (the export is in api/exports)."""

import secrets
import uuid

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.audit.schemas import AuditEventPublic
from api.auth.principal import Principal
from api.core.concurrency import claim_version
from api.core.errors import Conflict, Forbidden, Unprocessable
from api.core.events import publish
from api.core.pagination import Page
from api.families.dates import check_family_dates, first_change_on
from api.families.repository import get_readable_family
from api.families.schemas import (
    ContactPublic,
    FamilyCreate,
    FamilyDetail,
    FamilyPublic,
    FamilyUpdate,
    MemberPublic,
)
from api.models import (
    ActionStatus,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Goal,
    GoalStatus,
    PlanAction,
    Region,
    Role,
    User,
)
from api.models.base import localtoday, utcnow
from api.plans.repository import ensure_plan

TRANSITIONS: dict[FamilyStatus, set[FamilyStatus]] = {
    FamilyStatus.intake: {FamilyStatus.active},
    FamilyStatus.active: {FamilyStatus.phasing_out},
    FamilyStatus.phasing_out: {FamilyStatus.closed, FamilyStatus.active},
    FamilyStatus.closed: set(),
}
OPEN_GOALS = (GoalStatus.proposed, GoalStatus.active)
_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def to_public(family: Family) -> FamilyPublic:
    return FamilyPublic.model_validate(
        family.model_dump()
        | {
            "region_name": family.region.name if family.region else None,
            "supporter_name": family.supporter.full_name if family.supporter else None,
        }
    )


def to_detail(family: Family) -> FamilyDetail:
    return FamilyDetail(
        **to_public(family).model_dump(),
        members=[MemberPublic.model_validate(m.model_dump()) for m in family.members],
        contacts=[ContactPublic.model_validate(c.model_dump()) for c in family.contacts],
        supporter_phone=family.supporter.phone if family.supporter else None,
    )


def _field_error(field: str, message: str) -> Unprocessable:
    return Unprocessable(message, errors=[{"field": field, "message": message, "type": "value_error"}])


def _check_staff_member(
    session: Session, principal: Principal, field: str, user_id: uuid.UUID | None, role: Role
) -> None:
    if user_id is None:
        return
    user = session.get(User, user_id)
    if (
        user is None
        or user.organisation_id != principal.organisation_id
        or user.role != role
        or not user.is_active
    ):
        raise _field_error(
            field, f"Geen actieve {role.value} in je organisatie / not an active {role.value} here."
        )


def _check_links(session: Session, principal: Principal, data: FamilyCreate | FamilyUpdate) -> None:
    fields = data.model_fields_set
    if "supporter_id" in fields:
        if principal.role == Role.supporter and data.supporter_id != principal.id:
            raise Forbidden(
                "Alleen een coördinator kan een gezin aan een andere caseload geven / "
                "only a coordinator can assign a family to another caseload.",
                code="family_assign_forbidden",
            )
        _check_staff_member(session, principal, "supporter_id", data.supporter_id, Role.supporter)
    if "coordinator_id" in fields:
        _check_staff_member(session, principal, "coordinator_id", data.coordinator_id, Role.coordinator)
    if data.region_id is not None and session.get(Region, data.region_id) is None:
        raise _field_error("region_id", "Onbekende regio / unknown region.")


def _new_reference(session: Session, organisation_id: uuid.UUID) -> str:
    while True:
        reference = "BG-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))
        taken = session.exec(
            select(Family.id).where(Family.organisation_id == organisation_id, Family.reference == reference)
        ).first()
        if taken is None:
            return reference


def create_family(session: Session, principal: Principal, *, data: FamilyCreate) -> FamilyDetail:
    """Enrol a family; a supporter's own families land on their caseload."""
    if principal.role == Role.supporter and data.supporter_id is None:
        # Left out or null: a supporter's new family lands on their own caseload.
        data = data.model_copy(update={"supporter_id": principal.id})
        data.model_fields_set.add("supporter_id")
    _check_links(session, principal, data)
    reference = data.reference or _new_reference(session, principal.organisation_id)
    clash = session.exec(
        select(Family.id).where(
            Family.organisation_id == principal.organisation_id, Family.reference == reference
        )
    ).first()
    if clash is not None:
        raise Conflict(
            "Dit kenmerk bestaat al / this reference is already in use.", code="family_reference_taken"
        )
    family = Family(
        **data.model_dump(exclude={"reference", "target_groups"}),
        target_groups=[g.value for g in data.target_groups],
        reference=reference,
        organisation_id=principal.organisation_id,
    )
    session.add(family)
    session.flush()
    ensure_plan(session, family)  # one family, one plan: the living plan exists from enrolment on
    audit.record(
        session, principal, action="create", object_type="family", object_id=family.id, family_id=family.id
    )
    return to_detail(get_readable_family(session, principal, family.id, action="create", people=True))


def read_family(session: Session, principal: Principal, *, family_id: uuid.UUID) -> FamilyDetail:
    """One family with its members and network."""
    family = get_readable_family(session, principal, family_id, people=True)
    audit.record(
        session, principal, action="read", object_type="family", object_id=family.id, family_id=family.id
    )
    return to_detail(family)


def _check_transition(family: Family, target: FamilyStatus) -> None:
    if target == family.status:
        return
    if target not in TRANSITIONS[family.status]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[family.status])) or "none"
        raise Conflict(
            f"Status kan niet van {family.status.value} naar {target.value}; toegestaan: {allowed} / "
            f"status cannot move from {family.status.value} to {target.value}; allowed: {allowed}.",
            code="family_status_transition",
        )
    if target == FamilyStatus.active and family.started_on is None:
        family.started_on = localtoday()
    if target == FamilyStatus.closed and family.ended_on is None:
        family.ended_on = localtoday()


def _refuse_open_work(session: Session, family: Family) -> None:
    """A closed family keeps no active goal or open action: the closure (families/closing.py) ends them."""
    open_goal = session.exec(
        select(Goal.id).where(Goal.family_id == family.id, col(Goal.status).in_(OPEN_GOALS)).limit(1)
    ).first()
    open_action = session.exec(
        select(PlanAction.id)
        .where(PlanAction.family_id == family.id, PlanAction.status == ActionStatus.open)
        .limit(1)
    ).first()
    if open_goal is not None or open_action is not None:
        raise Conflict(
            "Er staan nog doelen of acties open; sluit het gezin af via de afsluiting / "
            "goals or actions are still open; close the family through its closure.",
            code="family_has_open_work",
        )


def update_family(
    session: Session, principal: Principal, *, family_id: uuid.UUID, data: FamilyUpdate, if_match: str | None
) -> FamilyDetail:
    """Change a family's details or status, only from the version the caller read."""
    family = get_readable_family(session, principal, family_id, action="update", people=True)
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.", code="family_archived")
    claim_version(session, family, if_match)
    _check_links(session, principal, data)
    changes = data.model_dump(exclude_unset=True)
    if "status" in changes:
        _check_transition(family, changes.pop("status"))
        if data.status != family.status:  # kept for the family's timeline (api/meetings/timeline.py)
            change = FamilyStatusChange(family_id=family.id, from_status=family.status, to_status=data.status)  # type: ignore[arg-type]
            change.changed_by_id = principal.id
            session.add(change)
        if data.status == FamilyStatus.closed and family.status != FamilyStatus.closed:
            _refuse_open_work(session, family)
            publish(session, event_type="family.closed", family_id=family.id)  # in the change's transaction
        family.status = data.status  # type: ignore[assignment]
    if "target_groups" in changes:
        changes["target_groups"] = [g.value for g in data.target_groups or []]
    for name, value in changes.items():
        setattr(family, name, value)
    check_family_dates(
        started_on=family.started_on,
        ended_on=family.ended_on,
        status=family.status,
        today=localtoday(),
        first_change_on=first_change_on(session, family.id) if "started_on" in changes else None,
    )
    family.updated_at = utcnow()
    session.flush()
    audit.record(
        session, principal, action="update", object_type="family", object_id=family.id, family_id=family.id
    )
    session.refresh(family, attribute_names=["supporter", "region"])
    return to_detail(family)


def _staff_family(session: Session, principal: Principal, family_id: uuid.UUID, action: str) -> Family:
    """A family for coordinator/admin work: out of scope is 404 first, then other roles get 403."""
    family = get_readable_family(session, principal, family_id, action=action)
    if principal.role not in (Role.admin, Role.coordinator):
        raise Forbidden(
            "Alleen een coördinator of beheerder mag dit / only a coordinator or admin may do this.",
            code="staff_only",
        )
    return family


def archive_family(session: Session, principal: Principal, *, family_id: uuid.UUID) -> FamilyPublic:
    """Archive a family: it leaves every list but is never deleted."""
    family = _staff_family(session, principal, family_id, "archive")
    if family.archived_at is None:
        family.archived_at = utcnow()
        family.version += 1
        family.updated_at = family.archived_at
    audit.record(
        session, principal, action="archive", object_type="family", object_id=family.id, family_id=family.id
    )
    return to_public(family)


def read_access_log(
    session: Session, principal: Principal, *, family_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[AuditEventPublic]:
    """Who accessed this family's data, for staff who may read the family (reading it is audited too)."""
    family = _staff_family(session, principal, family_id, "read_access_log")
    audit.record(session, principal, action="read_access_log", object_type="audit_event", family_id=family.id)
    return audit.family_events(session, family.id, limit=limit, cursor=cursor)
