"""Plain functions that make funder clients, consent and tokens for tests."""

import uuid
from datetime import timedelta

from sqlmodel import Session

from api.core.secrets import new_client_id, new_client_secret, secret_digest
from api.core.security import ACCESS, create_token
from api.funders.pseudonyms import funder_key, given_out
from api.models import Family, FamilyConsent, FunderClient, Organisation, Region

ALL_SCOPES = ("outcomes:read", "trajectories:read", "webhooks:manage")


def make_client(
    session: Session,
    organisation: Organisation,
    regions: list[Region],
    scopes: tuple[str, ...] = ALL_SCOPES,
    funder: str = "CZ",
) -> tuple[FunderClient, str]:
    """A funder client and its secret in clear."""
    secret = new_client_secret()
    client = FunderClient(
        organisation_id=organisation.id,
        client_id=new_client_id(),
        name=f"{funder} test",
        funder_name=funder,
        region_ids=[str(r.id) for r in regions],
        scopes=list(scopes),
        secret_hash=secret_digest(secret),
    )
    session.add(client)
    session.flush()
    return client, secret


def client_auth(client: FunderClient, scopes: tuple[str, ...] | None = None) -> dict[str, str]:
    """Authorization header for a funder client (signed directly; the grant itself is tested elsewhere)."""
    token, _ = create_token(
        subject=client.id,
        kind=ACCESS,
        lifetime=timedelta(minutes=10),
        actor_type="client",
        scopes=tuple(client.scopes) if scopes is None else scopes,
    )
    return {"Authorization": f"Bearer {token}"}


def consent(
    session: Session, family: Family, *, funder_data: bool = True, aggregates_only: bool = False
) -> FamilyConsent:
    row = FamilyConsent(family_id=family.id, funder_data=funder_data, aggregates_only=aggregates_only)
    session.add(row)
    session.flush()
    return row


def pseudonym_of(session: Session, client: FunderClient, family_id: uuid.UUID) -> str:
    """The family's pseudonym for the client's funder, as a listing or a webhook would hand it out."""
    key = funder_key(session, client.organisation_id, funder_name=client.funder_name)
    return given_out(session, key, family_ids=[family_id])[family_id]
