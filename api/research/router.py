"""Research projects: administrators create and join them and grant researchers; researchers download."""

import uuid
from typing import Annotated

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from api.auth.principal import AdminPrincipal, Principal, require_role
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import Page
from api.models import Role
from api.models.base import localtoday
from api.research import service
from api.research.export import stream_dataset
from api.research.reader import ExportSessionDep
from api.research.schemas import AccessGrant, ProjectCreate, ProjectDetail, ProjectPublic, ResponseTracking

router = APIRouter(prefix="/research", tags=["research"])
ResearcherPrincipal = Annotated[Principal, require_role(Role.researcher)]
# Supporters have no part in research projects; a researcher's own reach is narrowed in api/research/scope.py.
ReaderPrincipal = Annotated[Principal, require_role(Role.admin, Role.coordinator, Role.researcher)]


@router.get("/projects", response_model=Page[ProjectPublic])
def list_research_projects(session: SessionDep, principal: ReaderPrincipal) -> Page[ProjectPublic]:
    """Projects within reach: a researcher's granted ones; an administrator's "
    "or coordinator's owned or invited."""
    return service.list_projects(session, principal)


@router.post("/projects", response_model=ProjectDetail, status_code=201, responses=problems(403))
def create_research_project(
    session: SessionDep, principal: AdminPrincipal, data: ProjectCreate
) -> ProjectDetail:
    """Create a project owned by your organisation and invite others (each "
    "administrator joins; administrator)."""
    return service.create_project(session, principal, data=data)


@router.get("/projects/{project_id}", response_model=ProjectDetail, responses=problems(404))
def read_research_project(
    project_id: uuid.UUID, session: SessionDep, principal: ReaderPrincipal
) -> ProjectDetail:
    """A project; staff also see who has access and the downloads made (from the audit log)."""
    return service.read_project(session, principal, project_id=project_id)


@router.post("/projects/{project_id}/join", response_model=ProjectDetail, responses=problems(403, 404))
def join_research_project(
    project_id: uuid.UUID, session: SessionDep, principal: AdminPrincipal
) -> ProjectDetail:
    """Your organisation takes part: its families with research consent are "
    "shared from now on (administrator)."""
    return service.join_project(session, principal, project_id=project_id)


@router.post(
    "/projects/{project_id}/researchers", response_model=ProjectDetail, responses=problems(403, 404, 422)
)
def grant_research_access(
    project_id: uuid.UUID, session: SessionDep, principal: AdminPrincipal, data: AccessGrant
) -> ProjectDetail:
    """Bind a researcher account of your organisation to the project (administrator of the owner)."""
    return service.grant_access(session, principal, project_id=project_id, data=data)


@router.get("/projects/{project_id}/response", response_model=ResponseTracking, responses=problems(404))
def read_response_tracking(
    project_id: uuid.UUID, session: SessionDep, principal: ReaderPrincipal
) -> ResponseTracking:
    """Invited, started, completed and overdue per wave and instrument, per organisation and pooled."""
    return service.response_tracking(session, principal, project_id=project_id, today=localtoday())


@router.get(
    "/projects/{project_id}/dataset",
    response_class=StreamingResponse,
    responses={
        **problems(403, 404),
        200: {"content": {"application/zip": {}}, "description": "A Frictionless Data Package (ZIP)."},
    },
)
def download_research_dataset(
    project_id: uuid.UUID, session: SessionDep, principal: ResearcherPrincipal, reader: ExportSessionDep
) -> StreamingResponse:
    """The project's pseudonymised dataset, streamed as a ZIP (researcher; every download is audited)."""
    project = service.start_download(session, principal, project_id=project_id)
    return StreamingResponse(
        stream_dataset(reader, project, today=localtoday()),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="research-{project.id.hex[:8]}.zip"'},
    )
