"""The family detail carries the supporter's own number, for the printed plan and meeting summary."""

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import World, auth


def test_the_family_detail_gives_the_supporters_phone(
    client: TestClient, session: Session, world: World
) -> None:
    url = f"/api/v1/families/{world.family.id}"
    assert client.get(url, headers=auth(world.supporter)).json()["supporter_phone"] is None
    world.supporter.phone = "+31 6 12345678"
    session.commit()
    response = client.get(url, headers=auth(world.supporter))
    assert response.status_code == 200, response.text
    assert response.json()["supporter_phone"] == "+31 6 12345678"
    listed = client.get("/api/v1/families", headers=auth(world.supporter)).json()["items"]
    assert "supporter_phone" not in listed[0]  # only the detail, not every row of the caseload
