"""The invitation: RFC 5545 that calendars update (same UID, higher SEQUENCE) and cancel (METHOD:CANCEL)."""

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from icalendar import Calendar
from sqlmodel import Session, select

from api.models import AuditEvent
from tests.factories import World, auth
from tests.meetings.factories import MEETINGS, family_url

START = datetime(2026, 12, 3, 13, 0, tzinfo=UTC)


def _invite(client: TestClient, world: World, meeting_id: str) -> Calendar:
    response = client.get(f"{MEETINGS}/{meeting_id}/invite.ics", headers=auth(world.supporter))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="rondetafeloverleg-20261203.ics"'
    return Calendar.from_ical(response.content)


def test_invitation_then_update_then_cancellation(client: TestClient, session: Session, world: World) -> None:
    created = client.post(
        family_url(world.family),
        json={
            "starts_at": START.isoformat(),
            "place": "Wijkcentrum De Linde",
            "video_url": "https://meet.example/x",
        },
        headers=auth(world.supporter),
    ).json()
    calendar = _invite(client, world, created["id"])
    assert calendar["METHOD"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    uid = str(event["UID"])
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == START
    assert event.decoded("DTEND") == START + timedelta(minutes=90)
    assert event.to_ical().decode().count("DTSTART:20261203T130000Z") == 1  # UTC, no floating time
    assert str(event["SUMMARY"]) == f"Rondetafeloverleg {world.family.reference}"
    assert str(event["LOCATION"]) == "Wijkcentrum De Linde"
    assert str(event["URL"]) == "https://meet.example/x"
    assert str(event["ORGANIZER"]) == f"mailto:{world.supporter.email}"
    text = calendar.to_ical().decode()
    assert world.family.display_name not in text  # no family name in anyone's calendar
    assert "ATTENDEE" not in text

    url = f"{MEETINGS}/{created['id']}"
    later = (START + timedelta(days=1)).isoformat()
    end = (START + timedelta(days=1, hours=1)).isoformat()
    client.patch(
        url, json={"starts_at": later, "ends_at": end}, headers=auth(world.supporter) | {"If-Match": "*"}
    )
    (moved,) = _invite_any(client, world, created["id"]).walk("VEVENT")
    assert (str(moved["UID"]), moved["SEQUENCE"]) == (uid, 1)

    client.post(f"{url}/cancel", json={"reason": "Ziek"}, headers=auth(world.supporter))
    cancelled = _invite_any(client, world, created["id"])
    (gone,) = cancelled.walk("VEVENT")
    assert cancelled["METHOD"] == "CANCEL"
    assert (str(gone["UID"]), gone["SEQUENCE"], str(gone["STATUS"])) == (uid, 2, "CANCELLED")
    assert "Ziek" not in cancelled.to_ical().decode()  # the reason stays in the file, not in calendars
    exports = session.exec(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert len(exports) == 3
    assert {e.object_type for e in exports} == {"meeting"}


def _invite_any(client: TestClient, world: World, meeting_id: str) -> Calendar:
    response = client.get(f"{MEETINGS}/{meeting_id}/invite.ics", headers=auth(world.supporter))
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def test_invitation_of_another_caseload_is_not_found(client: TestClient, world: World) -> None:
    created = client.post(
        family_url(world.other_caseload_family),
        json={"starts_at": START.isoformat()},
        headers=auth(world.coordinator),
    ).json()
    url = f"{MEETINGS}/{created['id']}/invite.ics"
    assert client.get(url, headers=auth(world.supporter)).status_code == 404
    assert client.get(url).status_code == 401
    assert client.get(url, headers=auth(world.coordinator)).status_code == 200
