"""The transactional outbox: events are written in the same transaction as the change they announce.

Domains publish events through `api.core.events` from their service (plan adopted, meeting held,
measurement completed); `queue_webhooks` listens, so the rows commit or roll back with that change, and
`bondgenoot worker` delivers them later.
"""

import re
import uuid
from collections.abc import Mapping
from datetime import date

from sqlmodel import Session, col, select

from api.core.events import DomainEvent, EventType
from api.core.secrets import pseudonym
from api.funders.pseudonyms import funder_key, given_out
from api.models import Family, FamilyConsent, FunderClient, Region, WebhookEndpoint, WebhookMessage
from api.models.base import utcnow

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_CODE = re.compile(r"^[A-Za-z0-9_.:-]{1,40}$")
# An event says that something happened, never how a family is doing: an outcome value tied to a pseudonym
# would undo the suppression of the region outcomes (README: funder guide).
_OUTCOME = re.compile(r"score|change|rci|level|class|value|burden|result")


def _thin(key: str, data: Mapping[str, object]) -> dict[str, object]:
    """Only ids (as the client's pseudonyms), numbers, months and short codes: free text cannot slip in."""
    thin: dict[str, object] = {}
    for name, value in data.items():
        if not _KEY.match(name):
            raise ValueError(f"event data key {name!r} is not a plain identifier")
        if isinstance(value, uuid.UUID):
            thin[name] = str(uuid.UUID(hex=pseudonym(key, value)))
        elif isinstance(value, bool | int):
            thin[name] = value
        elif isinstance(value, date):
            thin[name] = value.strftime("%Y-%m")
        elif isinstance(value, str) and _CODE.match(value):
            thin[name] = value
        else:
            raise ValueError(f"event data {name!r} must be an id, a number, a date or a short code")
    return thin


def emit(
    session: Session, *, event_type: str, family_id: uuid.UUID, data: Mapping[str, object] | None = None
) -> int:
    """Queue `event_type` about a family for every subscribed endpoint of clients whose regions cover it,
    when the family consented to funder data. Returns how many messages were queued."""
    kind = EventType(event_type)  # an unknown type is a programming error: fail loudly
    for name in data or {}:
        if _OUTCOME.search(name):
            raise ValueError(f"event data {name!r} looks like an outcome value; events never carry one")
    row = session.exec(
        select(Family, FamilyConsent)
        .join(FamilyConsent, col(FamilyConsent.family_id) == Family.id)
        .where(Family.id == family_id)
    ).first()
    if row is None:
        return 0
    family, consent = row
    if not consent.funder_data or family.region_id is None or family.archived_at is not None:
        return 0
    targets = session.exec(
        select(WebhookEndpoint, FunderClient)
        .join(FunderClient, col(FunderClient.id) == WebhookEndpoint.client_id)
        .where(
            FunderClient.organisation_id == family.organisation_id,
            col(FunderClient.revoked_at).is_(None),
            col(WebhookEndpoint.disabled_at).is_(None),
        )
    ).all()
    now = utcnow()
    queued = 0
    region = session.get(Region, family.region_id)
    for endpoint, client in targets:
        if str(family.region_id) not in client.region_ids or kind.value not in endpoint.event_types:
            continue
        if region is None or region.funder_name != client.funder_name:  # bound to its own funder's regions
            continue
        key = funder_key(session, family.organisation_id, funder_name=client.funder_name)
        payload = {
            "type": kind.value,
            "timestamp": now.isoformat().replace("+00:00", "Z"),
            "data": {"pseudonym": given_out(session, key, family_ids=[family.id])[family.id]}
            | _thin(key.pseudonym_key, data or {}),
        }
        session.add(WebhookMessage(endpoint_id=endpoint.id, event_type=kind.value, payload=payload))
        queued += 1
    return queued


def queue_webhooks(session: Session, event: DomainEvent) -> None:
    """The funders' subscriber to domain events (registered by `api.subscribers`)."""
    emit(session, event_type=event.type, family_id=event.family_id, data=event.data)
