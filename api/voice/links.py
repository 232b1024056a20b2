"""A network contact's personal link: made and stopped by staff; the same code and lockout rules."""

import uuid

from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.checkins.links import PAGE_PATH, issue_link, link_status, stop_link
from api.core.errors import Conflict, NotFound
from api.families.repository import get_readable_family
from api.models import ContactLink, NetworkContact
from api.voice.schemas import ContactLinkCreate, ContactLinkCreated, ContactLinkPublic

NO_LINK = "Deze link bestaat niet / this link was not found."


def contact_link_public(link: ContactLink) -> ContactLinkPublic:
    return ContactLinkPublic.model_validate(link.model_dump() | {"status": link_status(link)})


def create_link(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    contact_id: uuid.UUID,
    data: ContactLinkCreate,
    token_and_code: tuple[str, str] | None = None,
) -> ContactLinkCreated:
    """A new personal link for a network contact; it replaces the contact's earlier links (`token_and_code`:
    the demo's stable pair, see `issue_link`)."""
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
    link, token, code = issue_link(
        session,
        principal,
        family=family,
        kind=ContactLink,
        owner={"contact_id": contact.id},
        valid_days=data.valid_days,
        token_and_code=token_and_code,
    )
    return ContactLinkCreated(
        **contact_link_public(link).model_dump(), token=token, code=code, path=f"{PAGE_PATH}{token}"
    )


def revoke_link(
    session: Session, principal: Principal, *, family_id: uuid.UUID, link_id: uuid.UUID
) -> ContactLinkPublic:
    """Stop a contact's link at once (twice changes nothing)."""
    family = get_readable_family(session, principal, family_id, action="revoke")
    link = session.get(ContactLink, link_id)
    if link is None or link.family_id != family.id:
        raise NotFound(NO_LINK)
    stop_link(session, principal, link=link)
    return contact_link_public(link)
