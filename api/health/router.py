"""Health checks for load balancers and orchestrators."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from api.core.db import SessionDep
from api.core.errors import problem
from api.core.openapi import problems

router = APIRouter(prefix="/health", tags=["health"])


class Health(BaseModel):
    status: str


@router.get("", response_model=Health)
def health() -> Health:
    """The process is up."""
    return Health(status="ok")


@router.get("/ready", response_model=Health, responses=problems(503))
def ready(session: SessionDep) -> Health | JSONResponse:
    """The database answers."""
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        session.rollback()
        return problem(503, "The database is not reachable.", headers={"Retry-After": "5"})
    return Health(status="ok")
