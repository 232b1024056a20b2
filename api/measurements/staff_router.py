"""Routes across families: what is due, the cohort's outcomes, and supporters' own work engagement."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from api.auth.principal import CurrentPrincipal, StaffPrincipal
from api.core.db import ReportingSessionDep, SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery
from api.core.types import SafeDate
from api.measurements import outcomes, service, work_engagement
from api.measurements.outcome_schemas import CohortOutcomes, CohortUnit, CohortWave
from api.measurements.schemas import (
    DueMeasurements,
    InstrumentCode,
    WorkEngagementAnswers,
    WorkEngagementEntry,
    WorkEngagementMine,
    WorkEngagementSummary,
)
from api.models import FamilyType

router = APIRouter(tags=["measurements"])


@router.get("/measurements/due", response_model=DueMeasurements)
def list_due_measurements(
    session: SessionDep,
    principal: CurrentPrincipal,
    supporter_id: uuid.UUID | None = None,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> DueMeasurements:
    """Due and overdue measurements of a page of your families (`limit` families), oldest due date first."""
    return service.due_measurements(session, principal, supporter_id=supporter_id, limit=limit, cursor=cursor)


@router.get("/outcomes/cohort", response_model=CohortOutcomes, responses=problems(403))
def read_cohort_outcomes(
    principal: StaffPrincipal,  # before the session: the caller is looked up on the primary
    session: ReportingSessionDep,
    wave: CohortWave = CohortWave.t1,
    unit: CohortUnit = CohortUnit.family,
    instrument: Annotated[InstrumentCode | None, Query()] = None,
    region_id: uuid.UUID | None = None,
    family_type: FamilyType | None = None,
    from_on: Annotated[SafeDate | None, Query(alias="from", description="Completed on or after.")] = None,
    to_on: Annotated[SafeDate | None, Query(alias="to", description="Completed on or before.")] = None,
) -> CohortOutcomes:
    """The cohort's figures (the same definition funders get): per instrument and scale the mean change from
    T0 and the shares reliably improved/deteriorated, per family (default) or per respondent; GAS; status."""
    return outcomes.cohort_outcomes(
        session,
        principal,
        wave=wave,
        unit=unit,
        instrument=instrument,
        region_id=region_id,
        family_type=family_type,
        from_on=from_on,
        to_on=to_on,
    )


@router.get(
    "/me/work-engagement",
    response_model=WorkEngagementMine,
    responses=problems(403),
    tags=["work engagement"],
)
def read_my_work_engagement(session: SessionDep, principal: CurrentPrincipal) -> WorkEngagementMine:
    """Your own work-engagement answers over time (only you see them), with the form."""
    return work_engagement.my_work_engagement(session, principal)


@router.post(
    "/me/work-engagement",
    response_model=WorkEngagementEntry,
    status_code=201,
    responses=problems(403),
    tags=["work engagement"],
)
def answer_my_work_engagement(
    data: WorkEngagementAnswers, session: SessionDep, principal: CurrentPrincipal
) -> WorkEngagementEntry:
    """Answer the work-engagement questionnaire about yourself; it is scored at once."""
    return work_engagement.answer_work_engagement(session, principal, answers=data.answers)


@router.get("/work-engagement/summary", response_model=WorkEngagementSummary, tags=["work engagement"])
def read_work_engagement_summary(session: SessionDep, principal: StaffPrincipal) -> WorkEngagementSummary:
    """Supporters' work engagement, only as an aggregate over at least five supporters (coordinator)."""
    return work_engagement.work_engagement_summary(session, principal)
