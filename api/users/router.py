"""Routes for staff accounts."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.auth.principal import CurrentPrincipal, StaffPrincipal
from api.core.concurrency import IdempotencyKey, idempotent_create
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page
from api.models import Role
from api.users import service
from api.users.schemas import Me, UserCreate, UserPublic

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/me", response_model=Me)
def read_me(session: SessionDep, principal: CurrentPrincipal) -> Me:
    """Your own account and organisation."""
    return service.me(session, principal)


@router.get("", response_model=Page[UserPublic], responses=problems(403))
def list_users(
    session: SessionDep,
    principal: StaffPrincipal,
    role: Role | None = None,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[UserPublic]:
    """Your organisation's staff (coordinator or admin)."""
    return service.list_users(session, principal, role=role, limit=limit, cursor=cursor)


@router.post("", response_model=UserPublic, status_code=201, responses=problems(403, 409))
def create_user(
    data: UserCreate,
    request: Request,
    session: SessionDep,
    principal: StaffPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Create a staff account (admin: any role; coordinator: supporters)."""
    return idempotent_create(
        session,
        actor_id=principal.id,
        key=idempotency_key,
        path=request.url.path,
        payload=data,
        create=lambda: service.create_user(session, principal, data),
    )
