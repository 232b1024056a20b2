"""Routes for a family's consent (staff who may read the family)."""

import uuid

from fastapi import APIRouter, Response

from api.auth.principal import CurrentPrincipal
from api.core.concurrency import IfMatch, etag
from api.core.db import SessionDep
from api.core.openapi import problems
from api.funders import consent as service
from api.funders.schemas import ConsentPublic, ConsentUpdate

router = APIRouter(prefix="/families", tags=["consent"])


@router.get("/{family_id}/consent", response_model=ConsentPublic, responses=problems(404))
def read_consent(
    family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> ConsentPublic:
    """What the family agreed to share with funders and researchers; the answer carries an ETag."""
    consent = service.read_consent(session, principal, family_id=family_id)
    response.headers["ETag"] = etag(consent.version)
    return consent


@router.put("/{family_id}/consent", response_model=ConsentPublic, responses=problems(404, 412, 428))
def record_consent(
    family_id: uuid.UUID,
    data: ConsentUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> ConsentPublic:
    """Record the family's consent (send If-Match with the ETag you read once a consent exists)."""
    consent = service.record_consent(session, principal, family_id=family_id, data=data, if_match=if_match)
    response.headers["ETag"] = etag(consent.version)
    return consent
