"""Who is asking: resolved once per request from the bearer token."""

import uuid
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import OAuth2PasswordBearer

from api.core.db import SessionDep
from api.core.errors import Forbidden, Unauthorized
from api.core.security import ACCESS, decode_token
from api.models import Role, User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


@dataclass(frozen=True)
class Principal:
    """The authenticated caller and where the request came from (for the audit log)."""

    actor_type: str
    id: uuid.UUID
    role: Role | None
    organisation_id: uuid.UUID
    client_address: str | None = None
    purpose: str | None = None
    scopes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_supporter(self) -> bool:
        return self.role == Role.supporter


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def get_principal(
    request: Request,
    session: SessionDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
    purpose: Annotated[
        str | None,
        Header(alias="X-Access-Purpose", max_length=200, description="Why the data is read (audit log)."),
    ] = None,
) -> Principal:
    """Resolve the bearer token to an active user; anything else is a 401."""
    if not token:
        raise Unauthorized("Please log in first.", headers={"WWW-Authenticate": "Bearer"})
    claims = decode_token(token, kind=ACCESS)
    user = session.get(User, claims.subject) if claims.actor_type == "user" else None
    if user is None or not user.is_active:
        raise Unauthorized("Your account is not active.", headers={"WWW-Authenticate": "Bearer"})
    return Principal(
        actor_type="user",
        id=user.id,
        role=user.role,
        organisation_id=user.organisation_id,
        client_address=client_address(request),
        purpose=purpose,
    )


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require_role(*roles: Role) -> object:
    """A dependency that lets only the given roles through (403 for other signed-in users)."""

    def _check(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles:
            raise Forbidden("Your role may not do this.")
        return principal

    return Depends(_check)


StaffPrincipal = Annotated[Principal, require_role(Role.admin, Role.coordinator)]
AdminPrincipal = Annotated[Principal, require_role(Role.admin)]
