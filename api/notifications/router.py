"""Notification routes: a staff member's own settings, the administrator's templates and delivery log, the
family page's "what was sent to whom", and the opt-out link that works without logging in."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.auth.principal import AdminPrincipal, CurrentPrincipal
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page
from api.models import Language, MessageStatus
from api.notifications import service
from api.notifications.schemas import (
    FamilyMessagePublic,
    MessagePublic,
    NotificationSettings,
    NotificationSettingsUpdate,
    TemplateList,
    TemplatePreview,
    TemplatePreviewRequest,
    TemplateUpdate,
    UnsubscribeResult,
)

router = APIRouter(tags=["notifications"])
TEMPLATE = "/notifications/templates/{kind}"


@router.get("/notifications/settings", response_model=NotificationSettings)
def read_notification_settings(session: SessionDep, principal: CurrentPrincipal) -> NotificationSettings:
    """Your mobile number, channel, language and digest choices, and which channels are switched on."""
    return service.read_settings(session, principal)


@router.patch("/notifications/settings", response_model=NotificationSettings)
def update_notification_settings(
    data: NotificationSettingsUpdate, session: SessionDep, principal: CurrentPrincipal
) -> NotificationSettings:
    """Change your own message settings (only the fields sent)."""
    return service.update_settings(session, principal, data=data)


@router.get("/notifications/templates", response_model=TemplateList, responses=problems(403))
def list_notification_templates(session: SessionDep, principal: AdminPrincipal) -> TemplateList:
    """Every kind of message with its Dutch and English wording."""
    return service.list_templates(session, principal)


@router.put(f"{TEMPLATE}/{{language}}", response_model=TemplateList, responses=problems(403, 404))
def save_notification_template(
    kind: str, language: Language, data: TemplateUpdate, session: SessionDep, principal: AdminPrincipal
) -> TemplateList:
    """Store the organisation's own wording of one kind of message in one language."""
    return service.save_template(session, principal, kind=kind, language=language, data=data)


@router.delete(f"{TEMPLATE}/{{language}}", response_model=TemplateList, responses=problems(403, 404))
def reset_notification_template(
    kind: str, language: Language, session: SessionDep, principal: AdminPrincipal
) -> TemplateList:
    """Go back to the shipped wording."""
    return service.reset_template(session, principal, kind=kind, language=language)


@router.post(f"{TEMPLATE}/preview", response_model=TemplatePreview, responses=problems(403, 404))
def preview_notification_template(
    kind: str, data: TemplatePreviewRequest, principal: AdminPrincipal
) -> TemplatePreview:
    """The wording filled with made-up values, as the recipient would see it (text and HTML)."""
    return service.preview(kind, data)


@router.get("/notifications/messages", response_model=Page[MessagePublic], responses=problems(403))
def list_notification_messages(
    session: SessionDep,
    principal: AdminPrincipal,
    status: Annotated[MessageStatus | None, Query()] = None,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[MessagePublic]:
    """The organisation's delivery log, newest first (no names, addresses or message text)."""
    return service.list_messages(session, principal, status=status, limit=limit, cursor=cursor)


@router.get(
    "/families/{family_id}/notifications", response_model=Page[FamilyMessagePublic], responses=problems(404)
)
def list_family_notifications(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[FamilyMessagePublic]:
    """What was sent to whom about this family, and what was held back and why."""
    return service.family_messages(session, principal, family_id=family_id, limit=limit, cursor=cursor)


@router.post("/notifications/unsubscribe/{token}", response_model=UnsubscribeResult, responses=problems(404))
def unsubscribe(token: Annotated[str, Path(max_length=80)], session: SessionDep) -> UnsubscribeResult:
    """One-click opt-out (RFC 8058) from the link in a message: no login, the token is the proof."""
    return service.unsubscribe(session, token)
