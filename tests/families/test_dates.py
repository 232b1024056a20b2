"""Dates are validated where they are written; old rows that break the rules are reported, not rewritten."""

from datetime import UTC, date, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.families.dates import bad_rows
from api.models import Family, FamilyStatus, FamilyStatusChange
from api.models.base import localtoday
from tests.factories import World, auth, make_family, make_region
from tests.funders.factories import make_client


def _patch(client: TestClient, world: World, family: Family, **body: object) -> dict:
    current = client.get(f"/api/v1/families/{family.id}", headers=auth(world.coordinator))
    response = client.patch(
        f"/api/v1/families/{family.id}",
        json=body,
        headers=auth(world.coordinator) | {"If-Match": current.headers["ETag"]},
    )
    return {"status": response.status_code, "body": response.json()}


def test_no_end_before_start_and_no_closure_in_the_future(
    client: TestClient, session: Session, world: World
) -> None:
    family = make_family(session, world.organisation, world.supporter, started_on=date(2025, 3, 1))
    session.commit()
    early = _patch(client, world, family, ended_on="2025-02-01")
    assert early["status"] == 422 and early["body"]["errors"][0]["field"] == "ended_on"
    future = _patch(client, world, family, ended_on=str(localtoday() + timedelta(days=3)))
    assert future["status"] == 422 and future["body"]["errors"][0]["field"] == "ended_on"
    assert _patch(client, world, family, ended_on="2025-09-01")["status"] == 200


def test_no_status_change_before_enrolment(client: TestClient, session: Session, world: World) -> None:
    family = make_family(
        session, world.organisation, world.supporter, started_on=localtoday() + timedelta(days=10)
    )
    session.commit()
    moved = _patch(client, world, family, status="active")
    assert moved["status"] == 422 and moved["body"]["errors"][0]["field"] == "started_on"
    enrolled = make_family(session, world.organisation, world.supporter, status=FamilyStatus.active)
    session.add(
        FamilyStatusChange(
            family_id=enrolled.id,
            from_status=FamilyStatus.intake,
            to_status=FamilyStatus.active,
            changed_at=datetime(2025, 5, 1, 9, tzinfo=UTC),
        )
    )
    session.commit()
    later = _patch(client, world, enrolled, started_on="2025-06-01")  # after its recorded enrolment
    assert later["status"] == 422 and later["body"]["errors"][0]["field"] == "started_on"
    assert _patch(client, world, enrolled, started_on="2025-04-28")["status"] == 200


def test_old_bad_rows_are_reported_and_left_alone(session: Session, world: World, capsys: object) -> None:
    backwards = make_family(
        session, world.organisation, started_on=date(2025, 5, 1), ended_on=date(2025, 4, 1)
    )
    ahead = make_family(session, world.organisation, ended_on=localtoday() + timedelta(days=30))
    misbound, _ = make_client(session, world.organisation, [make_region(session, funder="Menzis")])
    session.commit()
    found = {(row.id, row.problem) for row in bad_rows(session, localtoday())}
    assert (backwards.id, "ended_on before started_on") in found
    assert (ahead.id, "ended_on in the future") in found
    assert (misbound.id, "bound to a region of another funder") in found
    session.refresh(backwards)
    assert backwards.ended_on == date(2025, 4, 1)  # reported, never rewritten
