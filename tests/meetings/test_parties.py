"""Parties at the table: held meetings per party who came, one definition for the staff cohort and the funder
cells (api/meetings/parties.py), withheld for funders like every other cell."""

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.meetings.parties import PARTIES
from api.models import Attendance, ContactParty, MeetingStatus
from tests.factories import World, auth
from tests.funders.cohort import enrol, meeting, on, party_at
from tests.funders.factories import client_auth, make_client
from tests.meetings.factories import make_meeting

PARAMS = {"from": "2025-01-01", "to": "2025-06-30", "period": "quarter"}


def _table(session: Session, world: World) -> None:
    """Six families meet in Q1 2025 with the school; three with the huisarts too; one huisarts stayed away;
    a planned meeting with a neighbour does not count."""
    for n in range(6):
        family = enrol(session, world)
        held = meeting(session, family, date(2025, 2, 3 + n))
        party_at(session, held, ContactParty.school)
        if n < 3:
            party_at(session, held, ContactParty.gp)
        if n == 3:
            party_at(session, held, ContactParty.gp, Attendance.excused)
        if n == 4:
            planned = make_meeting(
                session, family, starts_at=on(date(2025, 3, 20)), status=MeetingStatus.planned
            )
            party_at(session, planned, ContactParty.informal)


def _staff(client: TestClient, world: World, start: str, end: str) -> dict[str, int]:
    response = client.get(
        "/api/v1/outcomes/cohort",
        params={"region_id": str(world.region.id), "from": start, "to": end, "wave": "latest"},
        headers=auth(world.coordinator),
    )
    assert response.status_code == 200, response.text
    parties = response.json()["parties"]
    assert [p["party"] for p in parties] == list(PARTIES)
    return {p["party"]: p["meetings"] for p in parties}


def test_the_cohort_counts_the_parties_at_the_table(
    client: TestClient, session: Session, world: World
) -> None:
    _table(session, world)
    session.commit()
    counts = _staff(client, world, "2025-01-01", "2025-03-31")
    assert (counts["family"], counts["school"], counts["gp"], counts["informal"]) == (6, 6, 3, 0)
    assert _staff(client, world, "2025-04-01", "2025-06-30")["school"] == 0


def test_each_funder_party_cell_equals_the_staff_cohort_or_is_withheld(
    client: TestClient, session: Session, world: World
) -> None:
    _table(session, world)
    fw_client, _ = make_client(session, world.organisation, [world.region])
    session.commit()
    response = client.get("/api/v1/funder/outcomes", params=PARAMS, headers=client_auth(fw_client))
    assert response.status_code == 200, response.text
    for cell in response.json()["cells"]:
        staff = _staff(client, world, cell["period_start"], cell["period_end"])
        shown = {p["party"]: p["meetings"] for p in cell["parties"]}
        assert set(shown) == set(PARTIES)
        for party, value in shown.items():
            if not value["suppressed"]:
                assert value["value"] == staff[party], (cell["period_start"], party)
    q1 = {p["party"]: p["meetings"] for p in response.json()["cells"][0]["parties"]}
    assert q1["school"]["value"] == 6 and q1["family"]["value"] == 6
    assert q1["gp"]["suppressed"]  # three families (the whole year too: "parent_withheld")
