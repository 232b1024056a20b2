"""Every read writes its audit events in at most ONE statement, however many rows it shows: every GET route
of the API, called by every staff role on the demo's 30 families (lists of 100 rows where a route pages)."""

import re
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from api.demo.seed import seed
from api.main import create_app
from api.models import Family, User
from tests.conftest import QueryCounter
from tests.factories import auth

PASSWORD = "demo-password-123"
SKIPPED = {"/api/v1/health", "/api/v1/ready", "/api/v1/auth/jwks"}


def _get_routes() -> list[str]:
    paths = create_app().openapi()["paths"]
    prefix = "" if next(iter(paths)).startswith("/api/v1") else "/api/v1"
    return sorted(prefix + p for p, ops in paths.items() if "get" in ops and prefix + p not in SKIPPED)


def _audit_inserts(statements: list[str]) -> list[str]:
    return [s for s in statements if s.lstrip().upper().startswith("INSERT INTO AUDIT_EVENT")]


@pytest.mark.parametrize("role", ["supporter", "coordinator", "admin"])
def test_every_read_writes_at_most_one_audit_statement(
    client: TestClient, session: Session, count_queries: QueryCounter, role: str
) -> None:
    seed(session, password=PASSWORD)
    user = session.exec(
        select(User).where(User.role == role, col(User.email).like("%@demo.bondgenoot.nl"))
    ).first()
    assert user is not None
    family_id = (
        session.exec(select(Family.id).where(Family.supporter_id == user.id)).first()
        if role == "supporter"
        else session.exec(select(Family.id)).first()
    )
    headers = auth(user)
    client.get("/api/v1/evaluation-debt", headers=headers)  # catalogues and models are made on first use
    client.get("/api/v1/business-case", headers=headers)
    checked, over = 0, []
    for path in _get_routes():
        url = re.sub(r"\{family_id\}", str(family_id), path)
        url = re.sub(r"\{[a-z_]+\}", str(uuid.uuid4()), url)
        before = count_queries.count
        response = client.get(url, params={"limit": 100}, headers=headers)
        inserts = _audit_inserts(count_queries.statements[before:])
        if len(inserts) > 1:
            over.append((path, response.status_code, len(inserts)))
        checked += response.status_code == 200
    assert over == []
    assert checked >= 20  # the check reached real pages, not only refusals
