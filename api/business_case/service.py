"""The cohort business case for staff: the families in support in the scope, weighted by type."""

import uuid
from datetime import date, timedelta

from sqlmodel import Session

from api.audit import service as audit
from api.auth.principal import Principal
from api.business_case import report
from api.business_case.repository import in_support, observed_exposure, observed_volumes, type_counts
from api.business_case.schemas import BusinessCaseReport, BusinessCaseScope
from api.business_case.versions import definition_of, model_row
from api.core.errors import Unprocessable
from api.families.repository import readable_families
from api.models.base import localtoday

MAX_SCALE = 1_000_000


def period(from_on: date | None, to_on: date | None) -> tuple[date, date]:
    """The period asked for; by default the twelve months up to today."""
    to_on = to_on or localtoday()
    from_on = from_on or to_on - timedelta(days=364)
    if from_on > to_on:
        message = "`from` ligt na `to` / `from` is after `to`."
        raise Unprocessable(message, errors=[{"field": "from", "message": message, "type": "value_error"}])
    return from_on, to_on


def business_case(
    session: Session,
    principal: Principal,
    *,
    region_id: uuid.UUID | None,
    from_on: date | None,
    to_on: date | None,
    families: int | None,
    model_version: int | None,
) -> BusinessCaseReport:
    """The business case of the organisation's families in support in the scope, with the model it used."""
    from_on, to_on = period(from_on, to_on)
    row = model_row(session, principal.organisation_id, version=model_version)
    model = definition_of(row)
    scope = in_support(readable_families(principal), region_id=region_id, from_on=from_on, to_on=to_on)
    counts = type_counts(session, scope)
    tornado, spread = report.sensitivity(model, counts)
    today = localtoday()
    audit.record(session, principal, action="read", object_type="business_case", object_id=row.id)
    return BusinessCaseReport(
        model_version=row.version,
        model_name=model.name,
        is_example=model.is_example,
        notice_nl=model.notice_nl,
        notice_en=model.notice_en,
        price_year=model.price_year,
        support_payer=model.support_payer,
        scope=BusinessCaseScope(region_id=region_id, from_on=from_on, to_on=to_on),
        family_types=report.family_types(model, counts),
        cost_factors=report.cost_factors(model),
        cohort=report.cohort(model, counts, families),
        sensitivity=tornado,
        sensitivity_range=spread,
        observed=report.observed(
            model, observed_volumes(session, scope, today), observed_exposure(session, scope, today)
        ),
    )
