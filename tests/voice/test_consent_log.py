"""Changing what a network contact may see is shown in the family's access log, with who changed it."""

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.models import ContactParty
from tests.factories import World, auth
from tests.voice.factories import make_professional


def test_a_consent_change_appears_in_the_familys_access_log(
    client: TestClient, session: Session, world: World
) -> None:
    contact = make_professional(session, world.family, ContactParty.school)
    session.commit()
    url = f"/api/v1/families/{world.family.id}/contacts/{contact.id}/consent"
    headers = auth(world.supporter)
    first = client.put(url, json={"plan": True, "summaries": False, "checkin_trend": False}, headers=headers)
    assert first.status_code == 200, first.text
    again = client.put(
        url,
        json={"plan": True, "summaries": True, "checkin_trend": False},
        headers={**headers, "If-Match": first.headers["ETag"]},
    )
    assert again.status_code == 200, again.text
    log = client.get(f"/api/v1/families/{world.family.id}/access-log", headers=auth(world.coordinator))
    assert log.status_code == 200, log.text
    changes = [e for e in log.json()["items"] if e["object_type"] == "contact_consent"]
    assert [e["action"] for e in changes] == ["update", "update"]
    assert {(e["actor_id"], e["actor_name"]) for e in changes} == {
        (str(world.supporter.id), world.supporter.full_name)
    }
    outside = client.get(
        f"/api/v1/families/{world.other_caseload_family.id}/access-log", headers=auth(world.supporter)
    )
    assert outside.status_code == 404
