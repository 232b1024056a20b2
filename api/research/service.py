"""Research projects: create, join (each organisation's administrator), grant researchers, and audit reads."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Forbidden, Unprocessable
from api.core.pagination import Page
from api.models import (
    AuditEvent,
    Family,
    Organisation,
    ResearchAccess,
    ResearchOrganisation,
    ResearchProject,
    Role,
    User,
)
from api.models.base import new_id, utcnow
from api.research.pseudonyms import new_key
from api.research.response import response_rows
from api.research.schemas import (
    AccessGrant,
    ProjectCreate,
    ProjectDetail,
    ProjectDownload,
    ProjectOrganisation,
    ProjectPublic,
    ProjectResearcher,
    ResponseTracking,
)
from api.research.scope import dataset_families, get_project, readable_projects

DATASET = "research_dataset"


def _organisations(
    session: Session, project_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[ProjectOrganisation]]:
    rows = session.exec(
        select(ResearchOrganisation, Organisation.name)
        .join(Organisation, col(Organisation.id) == ResearchOrganisation.organisation_id)
        .where(col(ResearchOrganisation.project_id).in_(project_ids))
        .order_by(col(ResearchOrganisation.code))
    ).all()
    found: dict[uuid.UUID, list[ProjectOrganisation]] = {p: [] for p in project_ids}
    for link, name in rows:
        found[link.project_id].append(
            ProjectOrganisation(
                organisation_id=link.organisation_id,
                organisation_name=name,
                code=link.code,
                invited_at=link.invited_at,
                joined_at=link.joined_at,
            )
        )
    return found


def _public(
    project: ResearchProject, principal: Principal, organisations: list[ProjectOrganisation]
) -> dict[str, Any]:
    return project.model_dump() | {
        "owned": project.organisation_id == principal.organisation_id and principal.role != Role.researcher,
        "organisations": organisations,
    }


def create_project(session: Session, principal: Principal, *, data: ProjectCreate) -> ProjectDetail:
    """A project owned by the administrator's organisation; it and the invited organisations still join."""
    project = ResearchProject(
        organisation_id=principal.organisation_id,
        title=data.title,
        institution=data.institution,
        period_start_on=data.period_start_on,
        period_end_on=data.period_end_on,
        shares=list(dict.fromkeys(data.shares)),
        small_cell_threshold=data.small_cell_threshold,
        pseudonym_key=new_key(),
        created_by_id=principal.id,
    )
    session.add(project)
    session.flush()
    invited = [
        principal.organisation_id,
        *(o for o in data.organisation_ids if o != principal.organisation_id),
    ]
    known = set(session.exec(select(Organisation.id).where(col(Organisation.id).in_(invited))).all())
    for number, organisation_id in enumerate((o for o in dict.fromkeys(invited) if o in known), start=1):
        session.add(
            ResearchOrganisation(project_id=project.id, organisation_id=organisation_id, code=f"O{number}")
        )
    session.flush()
    audit.record(session, principal, action="create", object_type="research_project", object_id=project.id)
    return read_project(session, principal, project_id=project.id, audited=False)


def list_projects(session: Session, principal: Principal) -> Page[ProjectPublic]:
    """The projects the caller reaches (a researcher: those granted; staff: owned or invited)."""
    projects = list(
        session.execute(
            readable_projects(principal).order_by(col(ResearchProject.created_at).desc())
        ).scalars()
    )
    links = _organisations(session, [p.id for p in projects])
    audit.record(session, principal, action="list", object_type="research_project")
    return Page(
        items=[ProjectPublic.model_validate(_public(p, principal, links[p.id])) for p in projects],
        next_cursor=None,
    )


def read_project(
    session: Session, principal: Principal, *, project_id: uuid.UUID, audited: bool = True
) -> ProjectDetail:
    """One project; staff also see who has access and the downloads made (from the audit log)."""
    project = get_project(session, principal, project_id=project_id)
    detail = ProjectDetail.model_validate(
        _public(project, principal, _organisations(session, [project.id])[project.id])
    )
    if principal.role != Role.researcher:
        detail.researchers = _researchers(session, project.id)
        detail.downloads = _downloads(session, project.id)
    if audited:
        audit.record(session, principal, action="read", object_type="research_project", object_id=project.id)
    return detail


def _researchers(session: Session, project_id: uuid.UUID) -> list[ProjectResearcher]:
    rows = session.exec(
        select(ResearchAccess, User)
        .join(User, col(User.id) == ResearchAccess.user_id)
        .where(col(ResearchAccess.project_id) == project_id)
        .order_by(col(ResearchAccess.granted_at))
    ).all()
    return [
        ProjectResearcher(
            user_id=user.id,
            full_name=user.full_name,
            email=user.email,
            granted_at=access.granted_at,
            revoked_at=access.revoked_at,
        )
        for access, user in rows
    ]


def _downloads(session: Session, project_id: uuid.UUID) -> list[ProjectDownload]:
    """The dataset downloads of the project, newest first (the audit's own rows: one per download)."""
    rows = session.exec(
        select(AuditEvent.occurred_at, User.full_name)
        .outerjoin(User, col(User.id) == AuditEvent.actor_id)
        .where(
            col(AuditEvent.object_type) == DATASET,
            col(AuditEvent.object_id) == project_id,
            col(AuditEvent.action) == "download",
            col(AuditEvent.family_id).is_(None),
        )
        .order_by(col(AuditEvent.occurred_at).desc())
        .limit(100)
    ).all()
    return [ProjectDownload(occurred_at=at, actor_name=name) for at, name in rows]


def join_project(session: Session, principal: Principal, *, project_id: uuid.UUID) -> ProjectDetail:
    """The administrator's organisation takes part from now on (its consenting families are shared)."""
    project = get_project(session, principal, project_id=project_id, action="update")
    link = session.exec(
        select(ResearchOrganisation).where(
            ResearchOrganisation.project_id == project.id,
            ResearchOrganisation.organisation_id == principal.organisation_id,
        )
    ).first()
    if link is None:  # only owned: the owner was invited at creation, so this is unreachable in practice
        raise Forbidden(
            "Je organisatie is niet uitgenodigd voor dit project / "
            "your organisation is not invited to this project."
        )
    if link.joined_at is None:
        link.joined_at, link.joined_by_id = utcnow(), principal.id
        session.flush()
        audit.record(session, principal, action="join", object_type="research_project", object_id=project.id)
    return read_project(session, principal, project_id=project.id, audited=False)


def grant_access(
    session: Session, principal: Principal, *, project_id: uuid.UUID, data: AccessGrant
) -> ProjectDetail:
    """Bind a researcher account of the owning organisation to the project."""
    project = get_project(session, principal, project_id=project_id, action="update")
    if project.organisation_id != principal.organisation_id:
        raise Forbidden(
            "Alleen de eigen organisatie van het project geeft toegang / "
            "only the project's own organisation grants access."
        )
    user = session.get(User, data.user_id)
    if user is None or user.organisation_id != principal.organisation_id or user.role != Role.researcher:
        raise Unprocessable(
            "Dit account is geen onderzoeker van je organisatie / "
            "this account is not a researcher of your organisation.",
            code="research_researcher_invalid",
            errors=[{"field": "user_id", "message": "not a researcher", "type": "value_error"}],
        )
    access = session.exec(
        select(ResearchAccess).where(
            ResearchAccess.project_id == project.id, ResearchAccess.user_id == user.id
        )
    ).first()
    if access is None:
        session.add(ResearchAccess(project_id=project.id, user_id=user.id, granted_by_id=principal.id))
    else:
        access.revoked_at = None
    session.flush()
    audit.record(session, principal, action="grant", object_type="research_access", object_id=user.id)
    return read_project(session, principal, project_id=project.id, audited=False)


def record_download(session: Session, principal: Principal, *, project: ResearchProject) -> int:
    """Audit a dataset download: one event for the project, and one per family in that family's organisation's
    log (one query and one multi-row INSERT, whatever the number of families). Answers how many families."""
    template = audit.event(principal, action="download", object_type=DATASET, object_id=project.id)
    session.add(template)
    base = template.model_dump(exclude={"id", "organisation_id", "family_id", "occurred_at"})
    scope = dataset_families(project).subquery()
    now = utcnow()
    rows = session.execute(
        select(Family.id, Family.organisation_id).where(col(Family.id).in_(select(scope.c.id)))
    ).all()
    if rows:
        session.execute(
            insert(AuditEvent),
            [
                base | {"id": new_id(), "occurred_at": now, "organisation_id": org, "family_id": fid}
                for fid, org in rows
            ],
        )
    return len(rows)


def family_total(session: Session, project: ResearchProject) -> int:
    scope = dataset_families(project).subquery()
    return int(session.execute(select(func.count()).select_from(scope)).scalar_one())


def start_download(session: Session, principal: Principal, *, project_id: uuid.UUID) -> ResearchProject:
    """Check the researcher's access and audit the download before the first byte is sent."""
    project = get_project(session, principal, project_id=project_id, action="download")
    record_download(session, principal, project=project)
    session.expunge(project)  # read again on the streaming session; this one commits before streaming
    return project


def response_tracking(
    session: Session, principal: Principal, *, project_id: uuid.UUID, today: date
) -> ResponseTracking:
    """A researcher sees every organisation; staff see their own organisation's rows and the pooled ones."""
    project = get_project(session, principal, project_id=project_id)
    codes = dict(
        session.exec(
            select(ResearchOrganisation.organisation_id, ResearchOrganisation.code).where(
                ResearchOrganisation.project_id == project.id
            )
        ).all()
    )
    only = None if principal.role == Role.researcher else principal.organisation_id
    rows = response_rows(session, project, codes=codes, today=today, only=only)
    audit.record(session, principal, action="read", object_type="research_response", object_id=project.id)
    return ResponseTracking(project_id=project.id, as_of=today, rows=rows)
