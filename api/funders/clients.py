"""Administrators register, list, rotate and revoke funder API clients."""

import uuid

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Conflict, NotFound, Unprocessable
from api.core.pagination import Page, keyset_page
from api.core.secrets import new_client_id, new_client_secret, secret_digest
from api.funders.pseudonyms import funder_key
from api.funders.schemas import ClientCreate, ClientPublic, ClientWithSecret
from api.models import FunderClient, Region
from api.models.base import utcnow

CLIENT_NOT_FOUND = "Deze client bestaat niet / API client not found."


def to_public(client: FunderClient) -> ClientPublic:
    return ClientPublic.model_validate(client.model_dump())


def owned_client(session: Session, principal: Principal, *, client_id: uuid.UUID) -> FunderClient:
    client = session.get(FunderClient, client_id)
    if client is None or client.organisation_id != principal.organisation_id:
        raise NotFound(CLIENT_NOT_FOUND, code="funder_client_not_found")
    return client


def create_client(session: Session, principal: Principal, *, data: ClientCreate) -> ClientWithSecret:
    """Register a funder's system; the answer holds the secret this one time."""
    region_ids = list(dict.fromkeys(data.region_ids))
    found = session.exec(select(Region).where(col(Region.id).in_(region_ids))).all()
    if len(found) != len(region_ids):
        message = "Onbekende regio / unknown region."
        raise Unprocessable(
            message,
            errors=[{"field": "region_ids", "message": message, "type": "value_error"}],
            code="funder_region_invalid",
        )
    foreign = sorted(r.name for r in found if r.funder_name != data.funder_name)
    if foreign:  # a zorgkantoorregio has one zorgkantoor
        message = (
            f"Regio's van een andere financier: {', '.join(foreign)} / "
            f"regions of another funder than {data.funder_name}: {', '.join(foreign)}."
        )
        raise Unprocessable(
            message, errors=[{"field": "region_ids", "message": message, "type": "value_error"}]
        )
    secret = new_client_secret()
    client = FunderClient(
        organisation_id=principal.organisation_id,
        client_id=new_client_id(),
        name=data.name,
        funder_name=data.funder_name,
        region_ids=[str(r) for r in region_ids],
        scopes=sorted({s.value for s in data.scopes}),
        secret_hash=secret_digest(secret),
        created_by=principal.id,
    )
    session.add(client)
    session.flush()
    funder_key(
        session, principal.organisation_id, funder_name=data.funder_name
    )  # shared with its other clients
    audit.record(session, principal, action="create", object_type="funder_client", object_id=client.id)
    return ClientWithSecret(**to_public(client).model_dump(), client_secret=secret)


def list_clients(
    session: Session, principal: Principal, *, limit: int, cursor: str | None
) -> Page[ClientPublic]:
    """The organisation's funder clients, newest first (never their secrets)."""
    statement = select(FunderClient).where(FunderClient.organisation_id == principal.organisation_id)
    rows, next_cursor = keyset_page(
        session, statement, moment=FunderClient.created_at, row_id=FunderClient.id, limit=limit, cursor=cursor
    )
    return Page(items=[to_public(c) for c in rows], next_cursor=next_cursor)


def rotate_secret(session: Session, principal: Principal, *, client_id: uuid.UUID) -> ClientWithSecret:
    """A new secret, shown once; the old secret and every token issued with it stop working."""
    client = owned_client(session, principal, client_id=client_id)
    if client.revoked_at is not None:
        raise Conflict("Deze client is ingetrokken / this client is revoked.", code="funder_client_revoked")
    secret = new_client_secret()
    client.secret_hash = secret_digest(secret)
    client.secret_rotated_at = utcnow()
    session.flush()
    audit.record(session, principal, action="rotate_secret", object_type="funder_client", object_id=client.id)
    return ClientWithSecret(**to_public(client).model_dump(), client_secret=secret)


def revoke_client(session: Session, principal: Principal, *, client_id: uuid.UUID) -> ClientPublic:
    """Revoke a client for good: no new tokens, current tokens refused, no more webhook deliveries."""
    client = owned_client(session, principal, client_id=client_id)
    if client.revoked_at is None:
        client.revoked_at = utcnow()
        session.flush()
    audit.record(session, principal, action="revoke", object_type="funder_client", object_id=client.id)
    return to_public(client)
