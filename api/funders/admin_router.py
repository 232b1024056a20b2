"""Administrator routes: funder API clients and webhook delivery attempts."""

import uuid

from fastapi import APIRouter

from api.auth.principal import AdminPrincipal
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page
from api.funders import clients, webhooks
from api.funders.schemas import ClientCreate, ClientPublic, ClientWithSecret, DeliveryPublic, WebhookPublic

router = APIRouter(prefix="/funder", tags=["funder administration"])


@router.post("/clients", response_model=ClientWithSecret, status_code=201, responses=problems(403))
def create_funder_client(
    session: SessionDep, principal: AdminPrincipal, data: ClientCreate
) -> ClientWithSecret:
    """Register a funder's system; `client_secret` is in this answer only (administrator)."""
    return clients.create_client(session, principal, data=data)


@router.get("/clients", response_model=Page[ClientPublic], responses=problems(403))
def list_funder_clients(
    session: SessionDep, principal: AdminPrincipal, limit: LimitQuery = 25, cursor: CursorQuery = None
) -> Page[ClientPublic]:
    """The organisation's funder API clients (administrator)."""
    return clients.list_clients(session, principal, limit=limit, cursor=cursor)


@router.post(
    "/clients/{api_client_id}/rotate-secret",
    response_model=ClientWithSecret,
    responses=problems(403, 404, 409),
)
def rotate_funder_client_secret(
    api_client_id: uuid.UUID, session: SessionDep, principal: AdminPrincipal
) -> ClientWithSecret:
    """Issue a new secret (shown once); the old one and its tokens stop working (administrator)."""
    return clients.rotate_secret(session, principal, client_id=api_client_id)


@router.post("/clients/{api_client_id}/revoke", response_model=ClientPublic, responses=problems(403, 404))
def revoke_funder_client(
    api_client_id: uuid.UUID, session: SessionDep, principal: AdminPrincipal
) -> ClientPublic:
    """Revoke a client for good: no tokens, no data, no webhook deliveries (administrator)."""
    return clients.revoke_client(session, principal, client_id=api_client_id)


@router.get(
    "/clients/{api_client_id}/webhooks", response_model=Page[WebhookPublic], responses=problems(403, 404)
)
def list_funder_client_webhooks(
    api_client_id: uuid.UUID,
    session: SessionDep,
    principal: AdminPrincipal,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[WebhookPublic]:
    """The webhook endpoints a client registered, disabled ones included (administrator)."""
    return webhooks.list_client_endpoints(
        session, principal, api_client_id=api_client_id, limit=limit, cursor=cursor
    )


@router.get("/deliveries", response_model=Page[DeliveryPublic], responses=problems(403))
def list_webhook_deliveries(
    session: SessionDep, principal: AdminPrincipal, limit: LimitQuery = 25, cursor: CursorQuery = None
) -> Page[DeliveryPublic]:
    """Webhook messages with their status and last attempt, newest first (administrator)."""
    return webhooks.list_deliveries(session, principal, limit=limit, cursor=cursor)
