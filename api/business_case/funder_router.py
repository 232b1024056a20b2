"""The funder's route to the business case (scope `outcomes:read`)."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from api.auth.principal import OutcomesClient
from api.business_case import funder
from api.business_case.service import MAX_SCALE
from api.core.db import ReportingSessionDep
from api.core.openapi import problems

router = APIRouter(prefix="/funder", tags=["funder"])


@router.get("/business-case", response_model=funder.FunderBusinessCase, responses=problems(403))
def read_funder_business_case(
    principal: OutcomesClient,  # before the session: the client is looked up on the primary
    session: ReportingSessionDep,
    start: Annotated[
        date | None, Query(alias="from", description="First day (default: a year before `to`).")
    ] = None,
    end: Annotated[date | None, Query(alias="to", description="Last day (default: today).")] = None,
    families: Annotated[
        int | None, Query(ge=1, le=MAX_SCALE, description="Scale totals to this many.")
    ] = None,
) -> funder.FunderBusinessCase:
    """The business case of your regions (consenting families, by type); small cells are withheld."""
    return funder.funder_business_case(session, principal, from_on=start, to_on=end, families=families)
