"""Who is asking: resolved once per request from the bearer token."""

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, Header, Request, Response
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import Row, bindparam, select
from sqlmodel import Session

from api.core.concurrency import Creation, IdempotencyKey, IfMatch, Precondition, Tagging
from api.core.config import get_settings
from api.core.db import SessionDep
from api.core.errors import Forbidden, Unauthorized
from api.core.security import ACCESS, decode_token
from api.models import FunderClient, Role, User

# What a researcher's token may open (api/research); every other route answers 403.
RESEARCHER_PATHS = ("/api/v1/research/", "/api/v1/users/me", "/api/v1/auth/")

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
    platform_operator: bool = False

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
        raise Unauthorized(
            "Log eerst in / please log in first.",
            headers={"WWW-Authenticate": "Bearer"},
            code="login_required",
        )
    claims = decode_token(token, kind=ACCESS)
    user = _caller(session, claims.subject) if claims.actor_type == "user" else None
    if (
        user is None
        or not user.is_active
        or not session_still_valid(user.sessions_valid_after, claims.issued_at)
    ):
        raise Unauthorized(
            "Je account is niet actief / your account is not active.",
            headers={"WWW-Authenticate": "Bearer"},
            code="account_inactive",
        )
    if user.role == Role.researcher and not request.url.path.startswith(RESEARCHER_PATHS):
        # deny by default: a researcher's token opens the research pages and its own account, nothing else
        raise Forbidden(
            "Een onderzoeker leest alleen de onderzoeksprojecten / "
            "a researcher reads only the research projects.",
            code="researcher_research_only",
        )
    return Principal(
        actor_type="user",
        id=user.id,
        role=user.role,
        organisation_id=user.organisation_id,
        client_address=client_address(request),
        purpose=purpose,
        platform_operator=user.platform_operator,
    )


_USER = User.__table__  # type: ignore[attr-defined]
# What authentication reads of the caller: a Core select of six columns (no ORM object, no identity map),
# on the primary (the session's own connection, even where a reporting route reads from the replica).
_CALLER = select(
    _USER.c.id,
    _USER.c.role,
    _USER.c.organisation_id,
    _USER.c.is_active,
    _USER.c.sessions_valid_after,
    _USER.c.platform_operator,
).where(_USER.c.id == bindparam("user_id"))


def _caller(session: Session, user_id: uuid.UUID) -> Row[*tuple[Any, ...]] | None:
    return session.connection().execute(_CALLER, {"user_id": user_id}).first()


def session_still_valid(cut_off: datetime | None, issued_at: datetime | None) -> bool:
    """False for a token issued before the user's sessions were ended (deactivation, password change)."""
    # Tokens carry milliseconds: compare at that precision, so a token issued right after the cut-off lives.
    return cut_off is None or (
        issued_at is not None and issued_at >= cut_off.replace(microsecond=cut_off.microsecond // 1000 * 1000)
    )


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


async def _creation(
    request: Request, session: SessionDep, principal: CurrentPrincipal, idempotency_key: IdempotencyKey = None
) -> Creation:
    path = request.url.path
    return Creation(
        session=session, actor_id=principal.id, key=idempotency_key, path=path, principal=principal
    )


async def _tagging(response: Response, session: SessionDep, principal: CurrentPrincipal) -> Tagging:
    return Tagging(response=response, session=session, principal=principal)


async def _precondition(
    response: Response, session: SessionDep, principal: CurrentPrincipal, if_match: IfMatch = None
) -> Precondition:
    return Precondition(response=response, session=session, principal=principal, if_match=if_match)


# Every create route's Idempotency-Key: take `create: IdempotentCreate`, then `return create.run(…)`.
IdempotentCreate = Annotated[Creation, Depends(_creation)]
# A route that answers one versioned object takes `tag: ETagged`; one that changes it, `change: Conditional`.
ETagged = Annotated[Tagging, Depends(_tagging)]
Conditional = Annotated[Precondition, Depends(_precondition)]


def require_role(*roles: Role) -> object:
    """A dependency that lets only the given roles through (403 for other signed-in users)."""

    async def _check(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles:
            raise Forbidden("Je rol mag dit niet / your role may not do this.")
        return principal

    return Depends(_check)


StaffPrincipal = Annotated[Principal, require_role(Role.admin, Role.coordinator)]
AdminPrincipal = Annotated[Principal, require_role(Role.admin)]


async def _require_operator(principal: CurrentPrincipal) -> Principal:
    if not principal.platform_operator:
        raise Forbidden(
            "Alleen de beheerder van het platform wijzigt gedeelde gegevens / "
            "only a platform operator changes data that every organisation shares."
        )
    return principal


OperatorPrincipal = Annotated[Principal, Depends(_require_operator)]


@dataclass(frozen=True)
class FunderPrincipal(Principal):
    """A funder's system (client-credentials token): its funder, regions and granted scopes."""

    funder_name: str = ""
    region_ids: tuple[uuid.UUID, ...] = ()


def get_funder_principal(
    request: Request,
    session: SessionDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
) -> FunderPrincipal:
    """Resolve a client-credentials token to an active funder client; a person's token is a 401 here."""
    if not token:
        raise Unauthorized(
            "Hiervoor is een client-credentials-token nodig / a client-credentials token is required.",
            headers={"WWW-Authenticate": "Bearer"},
            code="client_token_required",
        )
    claims = decode_token(token, kind=ACCESS)
    client = session.get(FunderClient, claims.subject) if claims.actor_type == "client" else None
    # Tokens issued before the last secret rotation die with it (iat = exp - lifetime, whole seconds).
    issued_at = claims.expires_at - timedelta(minutes=get_settings().funder_token_minutes)
    if (
        client is None
        or client.revoked_at is not None
        or issued_at < client.secret_rotated_at.replace(microsecond=0)
    ):
        raise Unauthorized(
            "Dit client-token is niet geldig / this client token is not valid.",
            headers={"WWW-Authenticate": "Bearer"},
            code="client_token_invalid",
        )
    return FunderPrincipal(
        actor_type="client",
        id=client.id,
        role=None,
        organisation_id=client.organisation_id,
        client_address=client_address(request),
        scopes=tuple(s for s in claims.scopes if s in client.scopes),
        funder_name=client.funder_name,
        region_ids=tuple(uuid.UUID(r) for r in client.region_ids),
    )


def require_scope(scope: str) -> object:
    """A dependency that lets a funder client through only when its token carries `scope` (else 403)."""

    async def _check(principal: Annotated[FunderPrincipal, Depends(get_funder_principal)]) -> FunderPrincipal:
        if scope not in principal.scopes:
            raise Forbidden(
                f"Dit token heeft scope {scope} niet / this token lacks the scope {scope}.",
                headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{scope}"'},
                code="scope_missing",
            )
        return principal

    return Depends(_check)


OutcomesClient = Annotated[FunderPrincipal, require_scope("outcomes:read")]
TrajectoriesClient = Annotated[FunderPrincipal, require_scope("trajectories:read")]
WebhooksClient = Annotated[FunderPrincipal, require_scope("webhooks:manage")]
