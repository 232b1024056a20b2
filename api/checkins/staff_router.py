"""Routes for supporters: check-in links of a family, the family's check-ins, alerts and the dashboard."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from api.auth.principal import CurrentPrincipal
from api.checkins import service, summary
from api.checkins.schemas import (
    AlertState,
    CheckinAlertPublic,
    CheckinLinkCreate,
    CheckinLinkCreated,
    CheckinLinkPublic,
    CheckinPublic,
    CheckinSummary,
    OpenAlertCount,
)
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page

router = APIRouter(tags=["checkins"])
FAMILY = "/families/{family_id}"


@router.post(
    f"{FAMILY}/members/{{member_id}}/checkin-links",
    response_model=CheckinLinkCreated,
    status_code=201,
    responses=problems(404, 409),
)
def create_checkin_link(
    family_id: uuid.UUID,
    member_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    data: CheckinLinkCreate | None = None,
) -> JSONResponse:
    """Make a personal check-in link for a family member (it replaces their earlier one); the token and
    the code are in this answer only."""
    created = service.create_link(
        session, principal, family_id=family_id, member_id=member_id, data=data or CheckinLinkCreate()
    )
    # No Idempotency-Key here: a stored replay would keep the token in clear. A retry makes a new link.
    return JSONResponse(
        created.model_dump(mode="json"), status_code=201, headers={"Cache-Control": "no-store"}
    )


@router.get(f"{FAMILY}/checkin-links", response_model=Page[CheckinLinkPublic], responses=problems(404))
def list_checkin_links(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[CheckinLinkPublic]:
    """The family's check-in links and their status (never the token or the code)."""
    return service.list_links(session, principal, family_id=family_id, limit=limit, cursor=cursor)


@router.post(
    f"{FAMILY}/checkin-links/{{link_id}}/revoke", response_model=CheckinLinkPublic, responses=problems(404)
)
def revoke_checkin_link(
    family_id: uuid.UUID, link_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> CheckinLinkPublic:
    """Stop a check-in link at once."""
    return service.revoke_link(session, principal, family_id=family_id, link_id=link_id)


@router.get(f"{FAMILY}/checkins", response_model=Page[CheckinPublic], responses=problems(404))
def list_family_checkins(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    member_id: uuid.UUID | None = None,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[CheckinPublic]:
    """The family's check-ins, newest first (reading them is audited)."""
    return service.list_checkins(
        session, principal, family_id=family_id, member_id=member_id, limit=limit, cursor=cursor
    )


@router.get("/checkin-alerts", response_model=Page[CheckinAlertPublic])
def list_checkin_alerts(
    session: SessionDep,
    principal: CurrentPrincipal,
    state: Annotated[AlertState, Query(description="open (default), acknowledged or all.")] = AlertState.open,
    family_id: Annotated[uuid.UUID | None, Query(description="Only this family's alerts.")] = None,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[CheckinAlertPublic]:
    """Alerts raised by check-ins of your families; open ones stay here until acknowledged."""
    return service.list_alerts(
        session, principal, state=state, family_id=family_id, limit=limit, cursor=cursor
    )


@router.get("/checkin-alerts/count", response_model=OpenAlertCount)
def count_open_checkin_alerts(session: SessionDep, principal: CurrentPrincipal) -> OpenAlertCount:
    """How many alerts of your families are open (for a badge; a number only, so no family is read)."""
    return summary.count_open_alerts(session, principal)


@router.post(
    "/checkin-alerts/{alert_id}/acknowledge", response_model=CheckinAlertPublic, responses=problems(404)
)
def acknowledge_checkin_alert(
    alert_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> CheckinAlertPublic:
    """Acknowledge an alert (who and when are recorded)."""
    return service.acknowledge_alert(session, principal, alert_id=alert_id)


@router.get("/checkin-summary", response_model=CheckinSummary)
def read_checkin_summary(
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: LimitQuery = 100,
) -> CheckinSummary:
    """For the dashboard: open alerts, and the latest check-in of the families that need a look first
    (open alerts, then the most recent check-in)."""
    return summary.summary(session, principal, limit=limit)
