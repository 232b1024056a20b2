"""Cost events on a family: what happened (a crisis admission, sick leave …), before or during support."""

import uuid
from datetime import date, timedelta
from decimal import Decimal

from sqlmodel import Session, col

from api.audit import service as audit
from api.auth.principal import Principal
from api.business_case.definitions import ModelDefinition, Unit
from api.business_case.repository import YEAR_DAYS, family_cost_events, user_names
from api.business_case.schemas import CostEventCreate, CostEventPublic
from api.business_case.versions import definition_of, model_row
from api.core.errors import NotFound, Unprocessable
from api.core.pagination import Page, keyset_page
from api.families.repository import get_readable_family
from api.models import CostEvent, Family
from api.models.base import localtoday

UNKNOWN = "Deze kostengebeurtenis bestaat niet / cost event not found."


def phase(family: Family, occurred_on: date) -> str:
    """`before` in the year before the start of support, `during` from the start to the end, else `other`."""
    start = family.started_on
    if start is None:
        return "other"
    if start - timedelta(days=YEAR_DAYS) <= occurred_on < start:
        return "before"
    if occurred_on >= start and (family.ended_on is None or occurred_on <= family.ended_on):
        return "during"
    return "other"


def _public(
    event: CostEvent, family: Family, model: ModelDefinition, names: dict[uuid.UUID, str]
) -> CostEventPublic:
    factor = model.factor(event.factor_code)
    return CostEventPublic(
        id=event.id,
        family_id=event.family_id,
        factor_code=event.factor_code,
        factor_name=factor.name_nl if factor else None,
        unit=factor.unit if factor else None,
        occurred_on=event.occurred_on,
        ended_on=event.ended_on,
        volume=(Decimal(event.volume_milli) / 1000).quantize(Decimal("0.001")),
        phase=phase(family, event.occurred_on),
        note=event.note,
        recorded_by_name=names.get(event.recorded_by_id) if event.recorded_by_id else None,
        created_at=event.created_at,
    )


def list_cost_events(
    session: Session, principal: Principal, *, family_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[CostEventPublic]:
    """A family's cost events, newest recorded first."""
    family = get_readable_family(session, principal, family_id)
    model = definition_of(model_row(session, principal.organisation_id))
    rows, next_cursor = keyset_page(
        session,
        family_cost_events(session, family.id),
        moment=col(CostEvent.created_at),
        row_id=col(CostEvent.id),
        limit=limit,
        cursor=cursor,
    )
    names = user_names(session, {r.recorded_by_id for r in rows if r.recorded_by_id})
    audit.record(session, principal, action="list", object_type="cost_event", family_id=family.id)
    return Page(items=[_public(r, family, model, names) for r in rows], next_cursor=next_cursor)


def _invalid(field: str, message: str) -> Unprocessable:
    return Unprocessable(message, errors=[{"field": field, "message": message, "type": "value_error"}])


def _volume(data: CostEventCreate, unit: Unit) -> Decimal:
    if data.volume is not None:
        volume = Decimal(data.volume)
        if volume <= 0:
            raise _invalid("volume", "De hoeveelheid moet groter dan 0 zijn / volume must be above 0.")
        return volume
    if unit is Unit.day and data.ended_on is not None:
        return Decimal((data.ended_on - data.occurred_on).days + 1)
    raise _invalid("volume", "Vul de hoeveelheid in / volume is required.")


def record_cost_event(
    session: Session, principal: Principal, *, family_id: uuid.UUID, data: CostEventCreate
) -> CostEventPublic:
    """Record a cost event against a factor of the current model."""
    family = get_readable_family(session, principal, family_id, action="create")
    model = definition_of(model_row(session, principal.organisation_id))
    factor = model.factor(data.factor_code)
    if factor is None:
        raise _invalid("factor_code", "Deze kostenfactor staat niet in het model / unknown cost factor.")
    if data.ended_on is not None and data.ended_on < data.occurred_on:
        raise _invalid("ended_on", "De einddatum ligt voor de begindatum / ended_on is before occurred_on.")
    if data.occurred_on > localtoday():
        raise _invalid("occurred_on", "Deze datum ligt in de toekomst / occurred_on is in the future.")
    event = CostEvent(
        family_id=family.id,
        factor_code=factor.code,
        occurred_on=data.occurred_on,
        ended_on=data.ended_on,
        volume_milli=int(_volume(data, factor.unit) * 1000),
        note=data.note or None,
        recorded_by_id=principal.id,
    )
    session.add(event)
    session.flush()
    audit.record(
        session, principal, action="create", object_type="cost_event", object_id=event.id, family_id=family.id
    )
    return _public(event, family, model, user_names(session, {principal.id}))


def delete_cost_event(
    session: Session, principal: Principal, *, family_id: uuid.UUID, event_id: uuid.UUID
) -> None:
    """Remove a cost event recorded in error (the audit log keeps that it existed)."""
    family = get_readable_family(session, principal, family_id, action="delete")
    event = session.get(CostEvent, event_id)
    if event is None or event.family_id != family.id:
        raise NotFound(UNKNOWN)
    session.delete(event)
    audit.record(
        session, principal, action="delete", object_type="cost_event", object_id=event_id, family_id=family.id
    )
