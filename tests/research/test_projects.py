"""Projects: an administrator creates one and invites others; every organisation joins explicitly; only
joined organisations' consenting families are shared, under their own organisation code."""

import csv
import io
from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.models import FamilyConsent, FamilyStatus, Organisation, Role
from tests.factories import World, auth, make_organisation, make_user
from tests.research.factories import research_family, unzip

BODY = {
    "title": "Meta-analyse pilots",
    "institution": "RUG",
    "period_start_on": "2024-01-01",
    "period_end_on": "2026-12-31",
    "shares": ["families", "measurements", "response_tracking"],
}


def _codes(client: TestClient, reader: object, project_id: str) -> list[str]:
    body = client.get(f"/api/v1/research/projects/{project_id}/dataset", headers=auth(reader)).content  # type: ignore[arg-type]
    return sorted(
        row["organisation_code"] for row in csv.DictReader(io.StringIO(unzip(body)["data/families.csv"]))
    )


def test_each_organisation_joins_explicitly_and_pools_under_its_code(
    client: TestClient, session: Session, world: World
) -> None:
    other = session.get(Organisation, world.other_org_family.organisation_id)
    assert other is not None
    other_admin = make_user(session, other, Role.admin)
    reader = make_user(session, world.organisation, Role.researcher)
    research_family(session, world)
    shared = world.other_org_family
    shared.status, shared.started_on = FamilyStatus.active, date(2025, 1, 6)
    session.add(FamilyConsent(family_id=shared.id, funder_data=False, research=True, aggregates_only=False))
    session.commit()

    created = client.post(
        "/api/v1/research/projects",
        json=BODY | {"organisation_ids": [str(other.id)]},
        headers=auth(world.admin),
    )
    assert created.status_code == 201, created.text
    project = created.json()
    assert [(o["code"], o["joined_at"]) for o in project["organisations"]] == [("O1", None), ("O2", None)]
    granted = client.post(
        f"/api/v1/research/projects/{project['id']}/researchers",
        json={"user_id": str(reader.id)},
        headers=auth(world.admin),
    )
    assert granted.status_code == 200, granted.text
    assert _codes(client, reader, project["id"]) == []  # invited is not joined: nothing is shared yet

    assert (
        client.post(f"/api/v1/research/projects/{project['id']}/join", headers=auth(world.admin)).status_code
        == 200
    )
    assert _codes(client, reader, project["id"]) == ["O1"]
    # the invited organisation's administrator sees the project and joins for their own organisation
    listed = client.get("/api/v1/research/projects", headers=auth(other_admin)).json()["items"]
    assert [p["id"] for p in listed] == [project["id"]] and listed[0]["owned"] is False
    # only the owner grants access
    assert (
        client.post(
            f"/api/v1/research/projects/{project['id']}/researchers",
            json={"user_id": str(reader.id)},
            headers=auth(other_admin),
        ).status_code
        == 403
    )
    joined = client.post(f"/api/v1/research/projects/{project['id']}/join", headers=auth(other_admin))
    assert [o["joined_at"] is not None for o in joined.json()["organisations"]] == [True, True]
    assert _codes(client, reader, project["id"]) == ["O1", "O2"]

    # an organisation that was never invited does not see the project at all
    outsider = make_user(session, make_organisation(session), Role.admin)
    session.commit()
    assert client.get(f"/api/v1/research/projects/{project['id']}", headers=auth(outsider)).status_code == 404
    assert (
        client.post(f"/api/v1/research/projects/{project['id']}/join", headers=auth(outsider)).status_code
        == 404
    )


def test_a_period_that_ends_before_it_starts_is_refused(client: TestClient, world: World) -> None:
    body = BODY | {"period_start_on": "2026-12-31", "period_end_on": "2026-01-01"}
    response = client.post("/api/v1/research/projects", json=body, headers=auth(world.admin))
    assert response.status_code == 422
