"""Routes for staff accounts."""

import uuid

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.auth.principal import AdminPrincipal, CurrentPrincipal, IdempotentCreate, StaffPrincipal
from api.auth.router import token_response
from api.auth.schemas import TokenResponse
from api.auth.service import new_session
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page
from api.models import Role
from api.users import service
from api.users.schemas import Me, PasswordChange, PasswordReset, UserCreate, UserPublic, UserUpdate

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/me", response_model=Me)
def read_me(session: SessionDep, principal: CurrentPrincipal) -> Me:
    """Your own account and organisation."""
    return service.me(session, principal)


@router.post("/me/password", response_model=TokenResponse, responses=problems(404))
def change_password(session: SessionDep, principal: CurrentPrincipal, data: PasswordChange) -> JSONResponse:
    """Change your own password; your other sessions end and this answer starts a new one."""
    user = service.change_own_password(session, principal, data=data)
    return token_response(new_session(session, user))


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
    create: IdempotentCreate,
    session: SessionDep,
    principal: StaffPrincipal,
) -> JSONResponse:
    """Create a staff account (admin: any role; coordinator: supporters)."""
    return create(data, lambda: service.create_user(session, principal, data=data))


@router.patch("/{user_id}", response_model=UserPublic, responses=problems(403, 404, 409))
def update_user(
    user_id: uuid.UUID, data: UserUpdate, session: SessionDep, principal: AdminPrincipal
) -> UserPublic:
    """Change a colleague's role or name, or deactivate (every session ends at once) or reactivate (admin)."""
    return service.update_user(session, principal, user_id=user_id, data=data)


@router.post("/{user_id}/reset-password", response_model=UserPublic, responses=problems(403, 404))
def reset_password(
    user_id: uuid.UUID, data: PasswordReset, session: SessionDep, principal: AdminPrincipal
) -> UserPublic:
    """Set a temporary password for a colleague; every session of that account ends (admin)."""
    return service.reset_password(session, principal, user_id=user_id, data=data)
