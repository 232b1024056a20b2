"""Routes for closing a family's support and reopening it."""

import uuid

from fastapi import APIRouter

from api.auth.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.openapi import problems
from api.families import closing
from api.families.closing_schemas import ClosureCreate, ClosurePublic, ClosureState, Reopen

router = APIRouter(prefix="/families/{family_id}", tags=["families"])


@router.get("/closure", response_model=ClosureState, responses=problems(404))
def read_closure(family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> ClosureState:
    """What closing the family needs (its open goals and actions), and its latest closure."""
    return closing.closure_state(session, principal, family_id=family_id)


@router.post("/closure", response_model=ClosurePublic, status_code=201, responses=problems(404, 409, 422))
def close_family(
    family_id: uuid.UUID, data: ClosureCreate, session: SessionDep, principal: CurrentPrincipal
) -> ClosurePublic:
    """End support: a reason, every open goal and action resolved, the handover; the follow-up wave is set."""
    return closing.close_family(session, principal, family_id=family_id, data=data)


@router.post("/reopen", response_model=ClosurePublic, responses=problems(404, 409, 422))
def reopen_family(
    family_id: uuid.UUID, data: Reopen, session: SessionDep, principal: CurrentPrincipal
) -> ClosurePublic:
    """Take a closed family back into active support (recorded with the reason)."""
    return closing.reopen_family(session, principal, family_id=family_id, data=data)
