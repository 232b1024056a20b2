"""Routes for a family's consent (staff who may read the family)."""

import uuid

from fastapi import APIRouter

from api.auth.principal import Conditional, ETagged
from api.core.openapi import problems
from api.funders import consent as service
from api.funders.schemas import ConsentPublic, ConsentUpdate

router = APIRouter(prefix="/families", tags=["consent"])


@router.get("/{family_id}/consent", response_model=ConsentPublic, responses=problems(404))
def read_consent(family_id: uuid.UUID, tag: ETagged) -> ConsentPublic:
    """What the family agreed to share with funders and researchers; the answer carries an ETag."""
    return tag.run(service.read_consent, family_id=family_id)


@router.put("/{family_id}/consent", response_model=ConsentPublic, responses=problems(404, 412, 428))
def record_consent(family_id: uuid.UUID, data: ConsentUpdate, change: Conditional) -> ConsentPublic:
    """Record the family's consent (send If-Match with the ETag you read once a consent exists)."""
    return change.run(service.record_consent, family_id=family_id, data=data)
