"""Routes for one family's measurement plan, questionnaires, outcomes and factors."""

import uuid

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.auth.principal import CurrentPrincipal, IdempotentCreate
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page
from api.measurements import factors, outcomes, service
from api.measurements.outcome_schemas import FamilyOutcomes
from api.measurements.schemas import (
    AnswersUpdate,
    FamilyFactorCreate,
    FamilyFactorPublic,
    MeasurementDetail,
    MeasurementPlan,
    MeasurementPublic,
    MeasurementStart,
)

router = APIRouter(prefix="/families/{family_id}", tags=["measurements"])


@router.get("/measurement-plan", response_model=MeasurementPlan, responses=problems(404))
def read_measurement_plan(
    family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> MeasurementPlan:
    """The family's waves: which instrument, for whom, when, and whether it is due, overdue or done."""
    return service.measurement_plan(session, principal, family_id=family_id)


@router.get("/measurements", response_model=Page[MeasurementPublic], responses=problems(404))
def list_measurements(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[MeasurementPublic]:
    """The family's measurements, newest first."""
    return service.list_measurements(session, principal, family_id=family_id, limit=limit, cursor=cursor)


@router.post("/measurements", response_model=MeasurementDetail, status_code=201, responses=problems(404, 409))
def start_measurement(family_id: uuid.UUID, data: MeasurementStart, create: IdempotentCreate) -> JSONResponse:
    """Start a questionnaire for a respondent at a wave; answers the form to fill in."""
    return create.run(service.start_measurement, data, family_id=family_id)


@router.get("/measurements/{measurement_id}", response_model=MeasurementDetail, responses=problems(404))
def read_measurement(
    family_id: uuid.UUID, measurement_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> MeasurementDetail:
    """One questionnaire: the form with its licence, the answers so far, and the scores once completed."""
    return service.read_measurement(session, principal, family_id=family_id, measurement_id=measurement_id)


@router.put(
    "/measurements/{measurement_id}/answers", response_model=MeasurementDetail, responses=problems(404, 409)
)
def save_measurement_answers(
    family_id: uuid.UUID,
    measurement_id: uuid.UUID,
    data: AnswersUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> MeasurementDetail:
    """Save some answers (null clears one); other answers are kept, so a respondent can stop and resume."""
    return service.save_answers(
        session, principal, family_id=family_id, measurement_id=measurement_id, answers=data.answers
    )


@router.post(
    "/measurements/{measurement_id}/complete", response_model=MeasurementDetail, responses=problems(404, 409)
)
def complete_measurement(
    family_id: uuid.UUID, measurement_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> MeasurementDetail:
    """Finish a questionnaire: it is scored, and change from T0 with its RCI is stored."""
    return service.complete_measurement(
        session, principal, family_id=family_id, measurement_id=measurement_id
    )


@router.get("/outcomes", response_model=FamilyOutcomes, responses=problems(404))
def read_family_outcomes(
    family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> FamilyOutcomes:
    """Scores per instrument, respondent and wave, with change from T0, RCI and class, and the family mean."""
    return outcomes.family_outcomes(session, principal, family_id)


@router.get("/factors", response_model=Page[FamilyFactorPublic], responses=problems(404), tags=["factors"])
def list_family_factors(
    family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> Page[FamilyFactorPublic]:
    """The hindering and facilitating factors recorded for the family."""
    return factors.family_factors(session, principal, family_id=family_id)


@router.post(
    "/factors",
    response_model=FamilyFactorPublic,
    status_code=201,
    responses=problems(404, 409),
    tags=["factors"],
)
def record_family_factor(
    family_id: uuid.UUID, data: FamilyFactorCreate, create: IdempotentCreate
) -> JSONResponse:
    """Record a factor seen in the family, with a note."""
    return create.run(factors.record_family_factor, data, family_id=family_id)
