"""A funder token reaches nothing outside its scopes and regions; its requests are audited as the client."""

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import AuditEvent
from tests.factories import World
from tests.funders.factories import ALL_SCOPES, client_auth, make_client
from tests.funders.matrix import FUNDER
from tests.test_authorization_matrix import ROUTES

STAFF_ROUTES = sorted(
    (method, path) for (method, path), rule in ROUTES.items() if rule.kind != FUNDER and not rule.public
)


@pytest.mark.parametrize(("method", "path"), STAFF_ROUTES, ids=[f"{m} {p}" for m, p in STAFF_ROUTES])
def test_a_funder_token_is_refused_on_every_staff_route(
    client: TestClient, session: Session, world: World, method: str, path: str
) -> None:
    funder, _ = make_client(session, world.organisation, [world.region], scopes=ALL_SCOPES)
    session.commit()
    url = re.sub(r"\{[a-z_]+\}", str(world.family.id), path)  # the token is refused before the path matters
    response = client.request(method, url, headers=client_auth(funder), json={})
    assert response.status_code == 401, response.text


def test_a_funder_token_cannot_read_a_family_directly(
    client: TestClient, session: Session, world: World
) -> None:
    funder, _ = make_client(session, world.organisation, [world.region])
    session.commit()
    for url in (
        "/api/v1/families",
        f"/api/v1/families/{world.family.id}",
        "/api/v1/users/me",
        "/api/v1/audit-events",
    ):
        assert client.get(url, headers=client_auth(funder)).status_code == 401


def test_every_funder_request_is_audited_as_the_client(
    client: TestClient, session: Session, world: World
) -> None:
    funder, _ = make_client(session, world.organisation, [world.region])
    session.commit()
    client.get("/api/v1/funder/outcomes", headers=client_auth(funder))
    client.get("/api/v1/funder/trajectories", headers=client_auth(funder))
    client.get("/api/v1/funder/webhooks", headers=client_auth(funder))
    events = session.exec(select(AuditEvent).where(AuditEvent.actor_id == funder.id)).all()
    assert {(e.actor_type, e.actor_role) for e in events} == {("client", "client")}
    assert {e.action for e in events} >= {"read_outcomes", "list"}
