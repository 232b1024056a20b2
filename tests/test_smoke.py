from fastapi.testclient import TestClient

from tests.factories import World, auth


def test_supporter_reads_own_family(client: TestClient, world: World) -> None:
    response = client.get(f"/api/v1/families/{world.family.id}", headers=auth(world.supporter))
    assert response.status_code == 200, response.text
    assert len(response.json()["members"]) == 1
