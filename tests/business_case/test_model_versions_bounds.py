"""A model version beyond PostgreSQL's integer is a 422 naming the field, not a 500 (schemathesis)."""

from fastapi.testclient import TestClient

from tests.factories import World, auth


def test_a_version_too_large_for_the_database_is_refused(client: TestClient, world: World) -> None:
    url = "/api/v1/business-case/model?version=1775416547405660762006506962944"
    response = client.get(url, headers=auth(world.coordinator))
    assert response.status_code == 422
    assert "version" in response.text
