"""Network-contact links for tests (token and code in clear, as only the test knows them)."""

from datetime import timedelta

from sqlmodel import Session

from api.checkins.links import code_digest, link_digest, new_secrets
from api.models import ContactKind, ContactLink, ContactParty, Family, NetworkContact
from api.models.base import utcnow


def make_professional(
    session: Session, family: Family, party: ContactParty, name: str = "Juf Ans"
) -> NetworkContact:
    contact = NetworkContact(family_id=family.id, name=name, kind=ContactKind.professional, party=party)
    session.add(contact)
    session.flush()
    return contact


def make_contact_link(
    session: Session, family: Family, contact: NetworkContact
) -> tuple[ContactLink, str, str]:
    token, code = new_secrets()
    link = ContactLink(
        organisation_id=family.organisation_id,
        family_id=family.id,
        contact_id=contact.id,
        token_digest=link_digest(token),
        code_digest="",
        expires_at=utcnow() + timedelta(days=30),
    )
    link.code_digest = code_digest(link.id, code)
    session.add(link)
    session.flush()
    return link, token, code
