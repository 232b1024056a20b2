"""Per-family consent for funders and research, recorded by staff (who and when), audited."""

import uuid

from sqlmodel import Session, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.concurrency import claim_version
from api.families.repository import get_readable_family
from api.funders.schemas import ConsentPublic, ConsentUpdate
from api.models import FamilyConsent
from api.models.base import utcnow


def consent_public(family_id: uuid.UUID, consent: FamilyConsent | None) -> ConsentPublic:
    if consent is None:  # nothing recorded: nothing is shared
        return ConsentPublic(
            family_id=family_id,
            funder_data=False,
            research=False,
            aggregates_only=False,
            recorded_by=None,
            recorded_at=None,
            version=0,
        )
    return ConsentPublic.model_validate(consent.model_dump())


def read_consent(session: Session, principal: Principal, *, family_id: uuid.UUID) -> ConsentPublic:
    """The family's consent (all false when none was recorded)."""
    family = get_readable_family(session, principal, family_id)
    consent = session.exec(select(FamilyConsent).where(FamilyConsent.family_id == family.id)).first()
    audit.record(session, principal, action="read", object_type="consent", family_id=family.id)
    return consent_public(family.id, consent)


def record_consent(
    session: Session, principal: Principal, *, family_id: uuid.UUID, data: ConsentUpdate, if_match: str | None
) -> ConsentPublic:
    """Record what the family agreed to; a change needs the ETag of the consent that was read."""
    family = get_readable_family(session, principal, family_id, action="update")
    consent = session.exec(select(FamilyConsent).where(FamilyConsent.family_id == family.id)).first()
    if consent is None:
        consent = FamilyConsent(family_id=family.id)
        session.add(consent)
    else:
        claim_version(session, consent, if_match)
        session.refresh(consent, attribute_names=["version"])
    consent.funder_data = data.funder_data
    consent.research = data.research
    consent.aggregates_only = data.aggregates_only
    consent.recorded_by = principal.id
    consent.recorded_at = utcnow()
    session.flush()
    audit.record(
        session, principal, action="update", object_type="consent", object_id=consent.id, family_id=family.id
    )
    return consent_public(family.id, consent)
