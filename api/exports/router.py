"""The family's right of access: everything stored about it, in one JSON file."""

import uuid

from fastapi import APIRouter

from api.auth.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.openapi import problems
from api.exports import service
from api.exports.schemas import FamilyExport

router = APIRouter(prefix="/families", tags=["families"])


@router.get("/{family_id}/export", response_model=FamilyExport, responses=problems(404))
def export_family(family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> FamilyExport:
    """Everything stored about a family, as JSON (audited as an export)."""
    return service.export_family(session, principal, family_id=family_id)
