"""Routes outside one family: life domains and evaluation debt."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from api.auth.principal import CurrentPrincipal, IdempotentCreate, OperatorPrincipal, StaffPrincipal
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page
from api.plans import debt, domains
from api.plans.debt_schemas import EvaluationDebt, EvaluationDebtSummary
from api.plans.schemas import LifeDomainCreate, LifeDomainPublic

router = APIRouter(tags=["plans"])


@router.get("/life-domains", response_model=Page[LifeDomainPublic])
def list_life_domains(session: SessionDep, _: CurrentPrincipal) -> Page[LifeDomainPublic]:
    """All life domains, in display order (a short list, on one page)."""
    return Page(items=domains.list_domains(session))


@router.post("/life-domains", response_model=LifeDomainPublic, status_code=201, responses=problems(403, 409))
def create_life_domain(
    data: LifeDomainCreate,
    create: IdempotentCreate,
    session: SessionDep,
    principal: OperatorPrincipal,
) -> JSONResponse:
    """Add a life domain with Dutch and English labels (platform operator: every organisation sees it)."""
    return create(data, lambda: domains.create_domain(session, principal, data=data))


@router.get("/evaluation-debt", response_model=EvaluationDebt)
def read_evaluation_debt(
    session: SessionDep,
    principal: CurrentPrincipal,
    supporter_id: uuid.UUID | None = None,
    family_id: uuid.UUID | None = None,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> EvaluationDebt:
    """Goals without a recent GAS score, overdue actions and due questionnaires in a page of your families
    (`limit` families in the family list's order), longest overdue first."""
    return debt.evaluation_debt(
        session, principal, supporter_id=supporter_id, family_id=family_id, limit=limit, cursor=cursor
    )


@router.get("/evaluation-debt/summary", response_model=EvaluationDebtSummary, responses=problems(403))
def read_evaluation_debt_summary(
    session: SessionDep,
    principal: StaffPrincipal,
    limit: Annotated[int, Query(ge=1, le=50, description="Supporters per page (at most 50).")] = 10,
    cursor: CursorQuery = None,
) -> EvaluationDebtSummary:
    """Evaluation debt counted per supporter of the organisation, a page of supporters by name (coordinator
    or admin); the last page adds families without a supporter."""
    return debt.debt_summary(session, principal, limit=limit, cursor=cursor)
