"""Staff routes: network contacts' links and consent, and the family's proposals waiting for the table."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.auth.principal import Conditional, CurrentPrincipal
from api.core.db import SessionDep
from api.core.openapi import problems
from api.models import ProposalStatus
from api.voice import consent, links, proposals
from api.voice.schemas import (
    ContactConsentPublic,
    ContactConsentUpdate,
    ContactLinkCreate,
    ContactLinkCreated,
    ContactLinkPublic,
    NetworkAccess,
    ProposalPublic,
    ProposalUpdate,
)

router = APIRouter(prefix="/families/{family_id}", tags=["network and proposals"])


@router.get("/network-access", response_model=list[NetworkAccess], responses=problems(404))
def list_network_access(
    family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[NetworkAccess]:
    """Every network contact with their personal link and what the family agreed they may see."""
    return consent.network_access(session, principal, family_id=family_id)


@router.put(
    "/contacts/{contact_id}/consent", response_model=ContactConsentPublic, responses=problems(404, 412, 428)
)
def record_contact_consent(
    family_id: uuid.UUID, contact_id: uuid.UUID, data: ContactConsentUpdate, change: Conditional
) -> ContactConsentPublic:
    """Record what the family agreed this contact may see (If-Match with the version read, once recorded)."""
    return change.run(consent.record_consent, family_id=family_id, contact_id=contact_id, data=data)


@router.post(
    "/contacts/{contact_id}/links",
    response_model=ContactLinkCreated,
    status_code=201,
    responses=problems(404, 409),
)
def create_contact_link(
    family_id: uuid.UUID,
    contact_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    data: ContactLinkCreate | None = None,
) -> ContactLinkCreated:
    """A personal link for a network contact (replacing their earlier one); token and code shown once."""
    response.headers["Cache-Control"] = "no-store"
    return links.create_link(
        session, principal, family_id=family_id, contact_id=contact_id, data=data or ContactLinkCreate()
    )


@router.post("/contact-links/{link_id}/revoke", response_model=ContactLinkPublic, responses=problems(404))
def revoke_contact_link(
    family_id: uuid.UUID, link_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> ContactLinkPublic:
    """Stop a network contact's link at once."""
    return links.revoke_link(session, principal, family_id=family_id, link_id=link_id)


@router.get("/proposals", response_model=list[ProposalPublic], responses=problems(404))
def list_family_proposals(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    status: Annotated[ProposalStatus | None, Query(description="Only proposals in this state.")] = None,
) -> list[ProposalPublic]:
    """The family's own proposals and comments from their phones, oldest first."""
    return proposals.list_proposals(session, principal, family_id=family_id, status=status)


@router.patch("/proposals/{proposal_id}", response_model=ProposalPublic, responses=problems(404))
def update_family_proposal(
    family_id: uuid.UUID,
    proposal_id: uuid.UUID,
    data: ProposalUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> ProposalPublic:
    """Put a proposal on a meeting's agenda, or mark it handled with an answer the family reads."""
    return proposals.update_proposal(
        session, principal, family_id=family_id, proposal_id=proposal_id, data=data
    )
