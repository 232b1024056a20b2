"""The rules for staff accounts, within one organisation."""

import uuid

from sqlalchemy import update
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Conflict, Forbidden, NotFound, Unprocessable
from api.core.pagination import Page, keyset_page
from api.core.passwords import check_password
from api.core.security import hash_password, verify_password
from api.models import Organisation, RefreshToken, Role, User
from api.models.base import utcnow
from api.users.schemas import Me, PasswordChange, PasswordReset, UserCreate, UserPublic, UserUpdate

USER_NOT_FOUND = "Onbekend account / account not found."
# One answer whether the address is used in this organisation or another: nothing about other tenants leaks.
EMAIL_TAKEN = (
    "Met dit e-mailadres kan geen nieuw account worden gemaakt / "
    "this e-mail address cannot be used for a new account."
)


def _public(user: User) -> UserPublic:
    return UserPublic.model_validate(user.model_dump())


def me(session: Session, principal: Principal) -> Me:
    """The caller's own account."""
    user = session.get(User, principal.id)
    organisation = session.get(Organisation, principal.organisation_id)
    if user is None or organisation is None:
        raise NotFound("Dit account bestaat niet / account not found.", code="account_not_found")
    return Me(
        **_public(user).model_dump(),
        organisation_name=organisation.name,
        platform_operator=user.platform_operator,
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
    return Page(items=[_public(u) for u in rows], next_cursor=next_cursor)


def create_user(session: Session, principal: Principal, *, data: UserCreate) -> UserPublic:
    """Create a staff account; a coordinator may only add supporters."""
    if principal.role != Role.admin and data.role != Role.supporter:
        raise Forbidden(
            "Een coördinator kan alleen bondgenoten toevoegen / a coordinator can only add supporters.",
            code="coordinator_adds_supporters_only",
        )
    check_password(data.password, email=data.email)
    user = add_user(
        session,
        organisation_id=principal.organisation_id,
        email=data.email,
        full_name=data.full_name,
        role=data.role,
        password=data.password,
    )
    audit.record(session, principal, action="create", object_type="user", object_id=user.id)
    return _public(user)


def add_user(
    session: Session,
    *,
    organisation_id: uuid.UUID,
    email: str,
    full_name: str,
    role: Role,
    password: str,
) -> User:
    """Store a new account with a hashed password (409 when the e-mail is taken, in any organisation)."""
    email = email.strip().lower()
    if session.exec(select(User.id).where(User.email == email)).first() is not None:
        raise Conflict(
            EMAIL_TAKEN,
            code="email_taken",
            errors=[{"field": "email", "message": EMAIL_TAKEN, "type": "taken"}],
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


def _colleague(session: Session, principal: Principal, user_id: uuid.UUID) -> User:
    user = session.get(User, user_id)
    if user is None or user.organisation_id != principal.organisation_id:
        raise NotFound(USER_NOT_FOUND)
    return user


def end_sessions(session: Session, user: User) -> None:
    """Every session of `user` ends now: refresh tokens are revoked, older access tokens refused."""
    user.sessions_valid_after = utcnow()
    session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.user_id) == user.id, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )


def update_user(
    session: Session, principal: Principal, *, user_id: uuid.UUID, data: UserUpdate
) -> UserPublic:
    """Change a colleague's role, name or whether the account is active (admin)."""
    user = _colleague(session, principal, user_id)
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if user.id == principal.id and (
        changes.get("is_active") is False or changes.get("role", Role.admin) != Role.admin
    ):
        raise Conflict(
            "Je kunt je eigen beheerrechten niet intrekken / you cannot deactivate or demote yourself.",
            errors=[
                {
                    "field": "is_active" if "is_active" in changes else "role",
                    "message": "self",
                    "type": "self",
                }
            ],
        )
    for name, value in changes.items():
        setattr(user, name, value)
    if changes.get("is_active") is False:
        end_sessions(session, user)
    session.flush()
    active = changes.get("is_active")
    action = "update" if active is None else "reactivate" if active else "deactivate"
    audit.record(session, principal, action=action, object_type="user", object_id=user.id)
    return _public(user)


def reset_password(
    session: Session, principal: Principal, *, user_id: uuid.UUID, data: PasswordReset
) -> UserPublic:
    """Give a colleague a new password (admin); every session of that account ends."""
    user = _colleague(session, principal, user_id)
    check_password(data.new_password, email=user.email, field="new_password")
    user.password_hash = hash_password(data.new_password)
    end_sessions(session, user)
    session.flush()
    audit.record(session, principal, action="reset_password", object_type="user", object_id=user.id)
    return _public(user)


def change_own_password(session: Session, principal: Principal, *, data: PasswordChange) -> User:
    """Change your own password after giving the current one; your other sessions end."""
    user = session.get(User, principal.id)
    if user is None:
        raise NotFound(USER_NOT_FOUND)
    if not verify_password(data.current_password, user.password_hash):
        message = "Je huidige wachtwoord klopt niet / the current password is wrong."
        raise Unprocessable(
            message, errors=[{"field": "current_password", "message": message, "type": "wrong_password"}]
        )
    check_password(data.new_password, email=user.email, field="new_password")
    if verify_password(data.new_password, user.password_hash):
        message = "Kies een ander wachtwoord dan je huidige / choose a password other than the current one."
        raise Unprocessable(message, errors=[{"field": "new_password", "message": message, "type": "same"}])
    user.password_hash = hash_password(data.new_password)
    end_sessions(session, user)
    session.flush()
    audit.record(session, principal, action="change_password", object_type="user", object_id=user.id)
    return user
