"""Who reaches which research project, and which families a project's dataset holds (one subquery)."""

import uuid
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlmodel import Session, col

from api.audit.service import event
from api.auth.principal import Principal
from api.core.errors import NotFound
from api.models import Family, FamilyConsent, ResearchAccess, ResearchOrganisation, ResearchProject, Role

NOT_FOUND = "Dit onderzoek bestaat niet of je hebt er geen toegang toe / research project not found."


def readable_projects(principal: Principal) -> Select[Any]:
    """A researcher: the projects they were granted. Staff: those their organisation owns or is invited to."""
    if principal.role == Role.researcher:
        granted = select(ResearchAccess.project_id).where(  # type: ignore[call-overload]
            col(ResearchAccess.user_id) == principal.id, col(ResearchAccess.revoked_at).is_(None)
        )
        return select(ResearchProject).where(col(ResearchProject.id).in_(granted))
    if principal.role not in (Role.admin, Role.coordinator):
        return select(ResearchProject).where(col(ResearchProject.id).is_(None))
    invited = select(ResearchOrganisation.project_id).where(  # type: ignore[call-overload]
        col(ResearchOrganisation.organisation_id) == principal.organisation_id
    )
    return select(ResearchProject).where(
        or_(
            col(ResearchProject.organisation_id) == principal.organisation_id,
            col(ResearchProject.id).in_(invited),
        )
    )


def get_project(
    session: Session, principal: Principal, *, project_id: uuid.UUID, action: str = "read"
) -> ResearchProject:
    """One project within the caller's reach, or a 404 whose refusal is still audited."""
    statement = readable_projects(principal).where(col(ResearchProject.id) == project_id)
    found = session.execute(statement).scalars().first()
    if found is None:
        refused = event(
            principal, action=action, object_type="research_project", object_id=project_id, outcome="denied"
        )
        raise NotFound(NOT_FOUND, persist=[refused], code="research_project_not_found")
    return found


def joined_organisations(project_id: uuid.UUID) -> Select[Any]:
    """The organisations whose administrator joined the project (only their families are shared)."""
    return select(ResearchOrganisation.organisation_id).where(  # type: ignore[call-overload]
        col(ResearchOrganisation.project_id) == project_id, col(ResearchOrganisation.joined_at).is_not(None)
    )


def dataset_families(project: ResearchProject, *, organisation_id: uuid.UUID | None = None) -> Select[Any]:
    """The ids of the families in the dataset: in a joined organisation, research consent recorded, not
    archived, and in support at some point of the project's period."""
    consented = select(FamilyConsent.family_id).where(col(FamilyConsent.research).is_(True))  # type: ignore[call-overload]
    started = or_(
        col(Family.started_on) <= project.period_end_on,
        and_(col(Family.started_on).is_(None), col(Family.created_at) <= _end_moment(project)),
    )
    statement = select(col(Family.id)).where(
        col(Family.organisation_id).in_(joined_organisations(project.id)),
        col(Family.id).in_(consented),
        col(Family.archived_at).is_(None),
        started,
        or_(col(Family.ended_on).is_(None), col(Family.ended_on) >= project.period_start_on),
    )
    if organisation_id is not None:
        statement = statement.where(col(Family.organisation_id) == organisation_id)
    return statement


def _end_moment(project: ResearchProject) -> datetime:
    return datetime.combine(project.period_end_on + timedelta(days=1), time.min, tzinfo=UTC)
