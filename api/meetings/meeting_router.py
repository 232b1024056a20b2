"""Routes for one meeting: overview, read, change, cancel, close, summary, invitation."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.auth.principal import Conditional, CurrentPrincipal, ETagged
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page
from api.core.types import SafeDateTime
from api.meetings import closing, ical, overview, service, summary
from api.meetings.clock import as_utc
from api.meetings.schemas import (
    MeetingCancel,
    MeetingClose,
    MeetingDetail,
    MeetingOverviewItem,
    MeetingUpdate,
)
from api.models import MeetingStatus

router = APIRouter(prefix="/meetings", tags=["meetings"])


@router.get("", response_model=Page[MeetingOverviewItem])
def list_meetings(
    session: SessionDep,
    principal: CurrentPrincipal,
    scope: overview.Scope = overview.Scope.organisation,
    starts_from: Annotated[
        SafeDateTime | None, Query(alias="from", description="Starts at or after.")
    ] = None,
    starts_to: Annotated[SafeDateTime | None, Query(alias="to", description="Starts before.")] = None,
    status: MeetingStatus | None = None,
    flagged: Annotated[
        bool | None, Query(description="Only meetings with (true) or without (false) flags.")
    ] = None,
    order: overview.Order = overview.Order.desc,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[MeetingOverviewItem]:
    """Meetings across the families you may see (`scope=mine`: your own families), with their flags."""
    filters = overview.OverviewFilters(
        scope=scope,
        starts_from=as_utc(starts_from) if starts_from else None,
        starts_to=as_utc(starts_to) if starts_to else None,
        status=status,
        flagged=flagged,
        order=order,
    )
    return overview.overview(session, principal, filters=filters, limit=limit, cursor=cursor)


@router.get("/{meeting_id}", response_model=MeetingDetail, responses=problems(404))
def read_meeting(meeting_id: uuid.UUID, tag: ETagged) -> MeetingDetail:
    """One meeting: participants, agenda, decisions and flags; the answer carries an ETag."""
    return tag.run(service.read_meeting, meeting_id=meeting_id)


@router.patch("/{meeting_id}", response_model=MeetingDetail, responses=problems(404, 409, 412, 428))
def update_meeting(meeting_id: uuid.UUID, data: MeetingUpdate, change: Conditional) -> MeetingDetail:
    """Change time, place, video link, chair or minutes (send `If-Match`); only minutes after closing."""
    return change.run(service.update_meeting, meeting_id=meeting_id, data=data)


@router.post("/{meeting_id}/cancel", response_model=MeetingDetail, responses=problems(404, 409))
def cancel_meeting(meeting_id: uuid.UUID, data: MeetingCancel, tag: ETagged) -> MeetingDetail:
    """Call a planned meeting off (the invitation becomes a cancellation)."""
    return tag.run(service.cancel_meeting, meeting_id=meeting_id, data=data)


@router.post("/{meeting_id}/close", response_model=MeetingDetail, responses=problems(404, 409))
def close_meeting(meeting_id: uuid.UUID, data: MeetingClose, tag: ETagged) -> MeetingDetail:
    """Close the meeting: all decisions reach the plan at once, or none does (then the meeting stays open)."""
    return tag.run(closing.close_meeting, meeting_id=meeting_id, data=data)


@router.get("/{meeting_id}/summary", response_model=summary.MeetingSummary, responses=problems(404))
def read_meeting_summary(
    meeting_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> summary.MeetingSummary:
    """The meeting for the family in plain Dutch, ready to print."""
    return summary.summary(session, principal, meeting_id=meeting_id)


@router.get(
    "/{meeting_id}/invite.ics",
    response_class=Response,
    responses={
        200: {"content": {"text/calendar": {"schema": {"type": "string"}}}, "description": "RFC 5545"},
        **problems(404),
    },
)
def download_meeting_invitation(
    meeting_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """The iCalendar invitation (a cancellation once the meeting is called off); same UID on every update."""
    body, filename = ical.invitation_for(session, principal, meeting_id=meeting_id)
    return Response(
        content=body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )
