"""The rules for staff accounts, within one organisation."""

import uuid

from sqlmodel import Session, select

from api.auth.principal import Principal
from api.core.errors import Conflict, Forbidden, NotFound
from api.core.pagination import Page, keyset_page
from api.core.security import hash_password
from api.models import Organisation, Role, User
from api.users.schemas import Me, UserCreate, UserPublic


def me(session: Session, principal: Principal) -> Me:
    """The caller's own account."""
    user = session.get(User, principal.id)
    organisation = session.get(Organisation, principal.organisation_id)
    if user is None or organisation is None:
        raise NotFound("Account not found.", code="account_not_found")
    return Me(
        **UserPublic.model_validate(user.model_dump()).model_dump(), organisation_name=organisation.name
    )


def list_users(
    session: Session, principal: Principal, *, role: Role | None, limit: int, cursor: str | None
) -> Page[UserPublic]:
    """The organisation's staff, newest first."""
    statement = select(User).where(User.organisation_id == principal.organisation_id)
    if role is not None:
        statement = statement.where(User.role == role)
    rows, next_cursor = keyset_page(
        session, statement, moment=User.created_at, row_id=User.id, limit=limit, cursor=cursor
    )
    return Page(items=[UserPublic.model_validate(u.model_dump()) for u in rows], next_cursor=next_cursor)


def create_user(session: Session, principal: Principal, data: UserCreate) -> UserPublic:
    """Create a staff account; a coordinator may only add supporters."""
    if principal.role != Role.admin and data.role != Role.supporter:
        raise Forbidden(
            "Een coördinator kan alleen bondgenoten toevoegen / a coordinator can only add supporters.",
            code="coordinator_adds_supporters_only",
        )
    user = add_user(
        session,
        organisation_id=principal.organisation_id,
        email=data.email,
        full_name=data.full_name,
        role=data.role,
        password=data.password,
    )
    return UserPublic.model_validate(user.model_dump())


def add_user(
    session: Session,
    *,
    organisation_id: uuid.UUID,
    email: str,
    full_name: str,
    role: Role,
    password: str,
) -> User:
    """Store a new account with a hashed password (409 when the e-mail is taken)."""
    email = email.strip().lower()
    if session.exec(select(User.id).where(User.email == email)).first() is not None:
        raise Conflict(
            "Dit e-mailadres heeft al een account / this e-mail address already has an account.",
            code="email_taken",
        )
    user = User(
        organisation_id=organisation_id,
        email=email,
        full_name=full_name,
        role=role,
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    return user
