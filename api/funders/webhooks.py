"""Funders register webhook endpoints; administrators see every delivery attempt."""

import uuid
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import FunderPrincipal, Principal
from api.core.config import get_settings
from api.core.errors import NotFound, Unprocessable
from api.core.outbound import ForbiddenAddress, public_addresses
from api.core.pagination import Page, keyset_page
from api.core.secrets import new_webhook_secret, seal
from api.funders.clients import owned_client
from api.funders.schemas import DeliveryPublic, WebhookCreate, WebhookPublic, WebhookWithSecret
from api.models import FunderClient, WebhookAttempt, WebhookEndpoint, WebhookMessage
from api.models.base import utcnow

ENDPOINT_NOT_FOUND = "Dit webhook-endpoint bestaat niet / webhook endpoint not found."


def _bad_url(message: str) -> Unprocessable:
    return Unprocessable(message, errors=[{"field": "url", "message": message, "type": "value_error"}])


def check_url(url: str) -> None:
    """https only (plain http in development or with loopback allowed), and only public addresses.

    The host is resolved now and again at every delivery (api.core.outbound.GuardedTransport); a name that
    does not resolve yet is accepted here and refused at delivery until it resolves to a public address.
    """
    settings = get_settings()
    plain_ok = settings.environment == "development" or settings.webhook_allow_loopback
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise _bad_url("Dit is geen geldig adres / this is not a valid URL.") from exc
    if parts.scheme not in ({"https", "http"} if plain_ok else {"https"}) or not parts.hostname:
        raise _bad_url("Gebruik een https-adres / the endpoint must be an https URL.")
    if parts.username or parts.password:
        raise _bad_url("Geen inloggegevens in het adres / no credentials in the URL.")
    try:
        public_addresses(parts.hostname, port or 443)
    except ForbiddenAddress as exc:
        message = "Dit adres is niet publiek bereikbaar / the endpoint must be a public address."
        raise _bad_url(message) from exc


def to_public(endpoint: WebhookEndpoint) -> WebhookPublic:
    return WebhookPublic.model_validate(endpoint.model_dump())


def create_endpoint(
    session: Session, principal: FunderPrincipal, *, data: WebhookCreate
) -> WebhookWithSecret:
    """Register an endpoint; the `whsec_…` signing secret is in this answer only."""
    check_url(data.url)
    secret = new_webhook_secret()
    endpoint = WebhookEndpoint(
        client_id=principal.id,
        url=data.url,
        event_types=sorted({e.value for e in data.event_types}),
        secret_sealed=seal(secret),
        description=data.description,
    )
    session.add(endpoint)
    session.flush()
    audit.record(session, principal, action="create", object_type="webhook_endpoint", object_id=endpoint.id)
    return WebhookWithSecret(**to_public(endpoint).model_dump(), secret=secret)


def list_endpoints(
    session: Session, principal: FunderPrincipal, *, limit: int, cursor: str | None
) -> Page[WebhookPublic]:
    """The client's own endpoints (never their secrets)."""
    rows, next_cursor = keyset_page(
        session,
        select(WebhookEndpoint).where(WebhookEndpoint.client_id == principal.id),
        moment=WebhookEndpoint.created_at,
        row_id=WebhookEndpoint.id,
        limit=limit,
        cursor=cursor,
    )
    audit.record(session, principal, action="list", object_type="webhook_endpoint")
    return Page(items=[to_public(e) for e in rows], next_cursor=next_cursor)


def list_client_endpoints(
    session: Session, principal: Principal, *, api_client_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[WebhookPublic]:
    """One of the organisation's clients' endpoints, for the administrator (never their secrets)."""
    client = owned_client(session, principal, client_id=api_client_id)
    rows, next_cursor = keyset_page(
        session,
        select(WebhookEndpoint).where(WebhookEndpoint.client_id == client.id),
        moment=WebhookEndpoint.created_at,
        row_id=WebhookEndpoint.id,
        limit=limit,
        cursor=cursor,
    )
    audit.record(session, principal, action="list", object_type="webhook_endpoint", object_id=client.id)
    return Page(items=[to_public(e) for e in rows], next_cursor=next_cursor)


def disable_endpoint(session: Session, principal: FunderPrincipal, *, endpoint_id: uuid.UUID) -> None:
    """Stop deliveries to one of the client's endpoints (messages still queued are marked failed)."""
    endpoint = session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None or endpoint.client_id != principal.id:
        raise NotFound(ENDPOINT_NOT_FOUND, code="webhook_endpoint_not_found")
    endpoint.disabled_at = endpoint.disabled_at or utcnow()
    audit.record(session, principal, action="disable", object_type="webhook_endpoint", object_id=endpoint.id)


def list_deliveries(
    session: Session, principal: Principal, *, limit: int, cursor: str | None
) -> Page[DeliveryPublic]:
    """Every webhook message of the organisation's clients with its last attempt, newest first."""
    owned = (
        select(WebhookEndpoint.id)
        .join(FunderClient, col(FunderClient.id) == WebhookEndpoint.client_id)
        .where(FunderClient.organisation_id == principal.organisation_id)
    )
    rows, next_cursor = keyset_page(
        session,
        select(WebhookMessage).where(col(WebhookMessage.endpoint_id).in_(owned)),
        moment=WebhookMessage.created_at,
        row_id=WebhookMessage.id,
        limit=limit,
        cursor=cursor,
    )
    endpoints = {
        endpoint.id: (endpoint, client)
        for endpoint, client in session.exec(
            select(WebhookEndpoint, FunderClient)
            .join(FunderClient, col(FunderClient.id) == WebhookEndpoint.client_id)
            .where(col(WebhookEndpoint.id).in_({m.endpoint_id for m in rows}))
        ).all()
    }
    last: dict[uuid.UUID, WebhookAttempt] = {}
    for tried in session.exec(
        select(WebhookAttempt)
        .where(col(WebhookAttempt.message_id).in_([m.id for m in rows]))
        .order_by(col(WebhookAttempt.attempted_at))
    ).all():
        last[tried.message_id] = tried
    items = []
    for message in rows:
        endpoint, client = endpoints[message.endpoint_id]
        attempt = last.get(message.id)
        items.append(
            DeliveryPublic(
                id=message.id,
                webhook_id=webhook_id(message.id),
                client_id=client.client_id,
                endpoint_url=endpoint.url,
                event_type=message.event_type,
                status=message.status,
                attempts=message.attempts,
                next_attempt_at=message.next_attempt_at,
                delivered_at=message.delivered_at,
                last_status_code=attempt.status_code if attempt else None,
                last_error=attempt.error if attempt else None,
                created_at=message.created_at,
            )
        )
    audit.record(session, principal, action="list", object_type="webhook_delivery")
    return Page(items=items, next_cursor=next_cursor)


def webhook_id(message_id: uuid.UUID) -> str:
    return f"msg_{message_id.hex}"
