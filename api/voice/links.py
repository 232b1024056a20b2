"""A network contact's personal link: made and stopped by staff; the same code and lockout rules."""

import uuid
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.checkins.public_service import code_digest, link_digest
from api.checkins.schemas import LinkStatus
from api.checkins.service import PAGE_PATH, new_secrets
from api.core.config import get_settings
from api.core.errors import Conflict, NotFound
from api.families.repository import get_readable_family
from api.models import ContactLink, NetworkContact
from api.models.base import utcnow
from api.voice.schemas import ContactLinkCreate, ContactLinkCreated, ContactLinkPublic

NO_LINK = "Deze link bestaat niet / this link was not found."


def _status(link: ContactLink) -> LinkStatus:
    if link.revoked_at is not None:
        return LinkStatus.revoked
    if link.expires_at <= utcnow():
        return LinkStatus.expired
    if link.locked_at is not None:
        return LinkStatus.locked
    return LinkStatus.active


def contact_link_public(link: ContactLink) -> ContactLinkPublic:
    return ContactLinkPublic.model_validate(link.model_dump() | {"status": _status(link)})


def create_link(
    session: Session,
    principal: Principal,
    family_id: uuid.UUID,
    contact_id: uuid.UUID,
    data: ContactLinkCreate,
) -> ContactLinkCreated:
    """A new personal link for a network contact; it replaces the contact's earlier links."""
    family = get_readable_family(session, principal, family_id, action="create")
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.")
    contact = session.exec(
        select(NetworkContact).where(
            NetworkContact.id == contact_id,
            NetworkContact.family_id == family.id,
            col(NetworkContact.archived_at).is_(None),
        )
    ).first()
    if contact is None:
        raise NotFound("Deze persoon bestaat niet (meer) / this contact was not found.")
    now = utcnow()
    session.execute(
        update(ContactLink)
        .where(col(ContactLink.contact_id) == contact.id, col(ContactLink.revoked_at).is_(None))
        .values(revoked_at=now, revoked_by_id=principal.id)
    )
    token, code = new_secrets()
    link = ContactLink(
        organisation_id=family.organisation_id,
        family_id=family.id,
        contact_id=contact.id,
        created_by_id=principal.id,
        token_digest=link_digest(token),
        code_digest="",
        expires_at=now + timedelta(days=data.valid_days or get_settings().checkin_link_days),
    )
    link.code_digest = code_digest(link.id, code)
    session.add(link)
    session.flush()
    audit.record(
        session,
        principal,
        action="create",
        object_type="contact_link",
        object_id=link.id,
        family_id=family.id,
    )
    return ContactLinkCreated(
        **contact_link_public(link).model_dump(), token=token, code=code, path=f"{PAGE_PATH}{token}"
    )


def revoke_link(
    session: Session, principal: Principal, family_id: uuid.UUID, link_id: uuid.UUID
) -> ContactLinkPublic:
    """Stop a contact's link at once (twice changes nothing)."""
    family = get_readable_family(session, principal, family_id, action="revoke")
    link = session.get(ContactLink, link_id)
    if link is None or link.family_id != family.id:
        raise NotFound(NO_LINK)
    if link.revoked_at is None:
        link.revoked_at = utcnow()
        link.revoked_by_id = principal.id
    audit.record(
        session,
        principal,
        action="revoke",
        object_type="contact_link",
        object_id=link.id,
        family_id=family.id,
    )
    return contact_link_public(link)
