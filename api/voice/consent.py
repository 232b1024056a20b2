"""Consent per network contact: what the family agreed one contact may see beyond their own part."""

import uuid

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.concurrency import claim_version
from api.core.errors import NotFound
from api.families.repository import get_readable_family
from api.models import ContactConsent, ContactLink, NetworkContact
from api.models.base import utcnow
from api.voice.links import contact_link_public
from api.voice.schemas import ContactConsentPublic, ContactConsentUpdate, NetworkAccess

NO_CONTACT = "Deze persoon bestaat niet (meer) / this contact was not found."


def consent_of(session: Session, contact_id: uuid.UUID) -> ContactConsent | None:
    """The recorded consent of one contact (None: nothing beyond their own actions and meetings)."""
    return session.exec(select(ContactConsent).where(ContactConsent.contact_id == contact_id)).first()


def consent_public(contact_id: uuid.UUID, consent: ContactConsent | None) -> ContactConsentPublic:
    if consent is None:
        return ContactConsentPublic(
            contact_id=contact_id,
            plan=False,
            summaries=False,
            checkin_trend=False,
            recorded_by=None,
            recorded_at=None,
            version=0,
        )
    return ContactConsentPublic.model_validate(consent.model_dump(exclude={"id", "family_id"}))


def network_access(session: Session, principal: Principal, *, family_id: uuid.UUID) -> list[NetworkAccess]:
    """Every current contact with their newest link and consent (three queries)."""
    family = get_readable_family(session, principal, family_id)
    contacts = session.exec(
        select(NetworkContact)
        .where(NetworkContact.family_id == family.id, col(NetworkContact.archived_at).is_(None))
        .order_by(col(NetworkContact.created_at))
    ).all()
    consents = {
        c.contact_id: c
        for c in session.exec(select(ContactConsent).where(ContactConsent.family_id == family.id)).all()
    }
    links: dict[uuid.UUID, ContactLink] = {}
    for link in session.exec(
        select(ContactLink).where(ContactLink.family_id == family.id).order_by(col(ContactLink.created_at))
    ).all():
        links[link.contact_id] = link  # the newest wins
    audit.record(session, principal, action="list", object_type="contact_consent", family_id=family.id)
    return [
        NetworkAccess(
            contact_id=c.id,
            name=c.name,
            party=c.party,
            consent=consent_public(c.id, consents.get(c.id)),
            link=contact_link_public(links[c.id]) if c.id in links else None,
        )
        for c in contacts
    ]


def record_consent(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    contact_id: uuid.UUID,
    data: ContactConsentUpdate,
    if_match: str | None,
) -> ContactConsentPublic:
    """Record what the family agreed for this contact; a change needs the ETag that was read."""
    family = get_readable_family(session, principal, family_id, action="update")
    contact = session.get(NetworkContact, contact_id)
    if contact is None or contact.family_id != family.id or contact.archived_at is not None:
        raise NotFound(NO_CONTACT)
    consent = consent_of(session, contact.id)
    if consent is None:
        consent = ContactConsent(family_id=family.id, contact_id=contact.id)
        session.add(consent)
    else:
        claim_version(session, consent, if_match)
        session.refresh(consent, attribute_names=["version"])
    consent.plan = data.plan
    consent.summaries = data.summaries
    consent.checkin_trend = data.checkin_trend
    consent.recorded_by = principal.id
    consent.recorded_at = utcnow()
    session.flush()
    audit.record(
        session,
        principal,
        action="update",
        object_type="contact_consent",
        object_id=consent.id,
        family_id=family.id,
    )
    return consent_public(contact.id, consent)
