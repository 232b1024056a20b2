"""Reading the audit log: all of it for administrators, one family's access log for staff."""

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from api.audit import service
from api.audit.schemas import AuditEventPublic, AuditFilters
from api.auth.principal import AdminPrincipal
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page

router = APIRouter(tags=["audit"])


@router.get("/audit-events", response_model=Page[AuditEventPublic], responses=problems(403))
def list_audit_events(
    session: SessionDep,
    principal: AdminPrincipal,
    family_id: uuid.UUID | None = None,
    actor_id: uuid.UUID | None = None,
    action: Annotated[str | None, Query(max_length=40)] = None,
    outcome: Annotated[str | None, Query(max_length=20)] = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[AuditEventPublic]:
    """The organisation's audit log, newest first, with filters (admin)."""
    filters = AuditFilters(
        family_id=family_id, actor_id=actor_id, action=action, outcome=outcome, since=since, until=until
    )
    return service.list_events(session, principal, filters=filters, limit=limit, cursor=cursor)
