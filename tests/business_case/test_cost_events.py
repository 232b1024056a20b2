"""A family's cost events: recorded by its supporter against a factor of the model, scoped and audited."""

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import AuditEvent, CostEvent
from api.models.base import localtoday
from tests.factories import World, auth


def _url(world: World, family_id: object = None) -> str:
    return f"/api/v1/families/{family_id or world.family.id}/cost-events"


def test_a_supporter_records_and_lists_cost_events(
    client: TestClient, session: Session, world: World
) -> None:
    world.family.started_on = date(2026, 2, 1)
    session.commit()
    crisis = client.post(
        _url(world),
        headers=auth(world.supporter),
        json={
            "factor_code": "crisis_respite",
            "occurred_on": "2025-11-03",
            "ended_on": "2025-11-09",
            "note": "Crisisopvang na een zware week",
        },
    )
    assert crisis.status_code == 201, crisis.text
    body = crisis.json()
    assert body["volume"] == "7.000"  # a per-day factor with an end date: the days, both ends included
    assert (body["phase"], body["unit"], body["factor_name"]) == (
        "before",
        "day",
        "Crisisopvang of spoedlogeerzorg",
    )
    assert body["recorded_by_name"] == world.supporter.full_name
    leave = client.post(
        _url(world),
        headers=auth(world.supporter),
        json={"factor_code": "parent_sick_leave", "occurred_on": "2026-03-02", "volume": "2.5"},
    )
    assert leave.json()["phase"] == "during" and leave.json()["volume"] == "2.500"
    items = client.get(_url(world), headers=auth(world.coordinator)).json()["items"]
    assert [i["factor_code"] for i in items] == ["parent_sick_leave", "crisis_respite"]
    assert (
        session.exec(select(CostEvent.volume_milli).where(CostEvent.factor_code == "crisis_respite")).one()
        == 7000
    )
    actions = set(
        session.exec(
            select(AuditEvent.action).where(
                AuditEvent.object_type == "cost_event", AuditEvent.family_id == world.family.id
            )
        ).all()
    )
    assert actions == {"create", "list"}


def test_the_factor_dates_and_volume_are_checked(client: TestClient, world: World) -> None:
    def post(**fields: object) -> dict[str, object]:
        response = client.post(_url(world), headers=auth(world.supporter), json=fields)
        assert response.status_code == 422, response.text
        return response.json()

    assert post(factor_code="teleportation", occurred_on="2026-01-01", volume="1")["errors"][0]["field"] == (
        "factor_code"
    )
    later = (localtoday() + timedelta(days=3)).isoformat()
    assert (
        post(factor_code="gp_consult", occurred_on=later, volume="1")["errors"][0]["field"] == "occurred_on"
    )
    assert post(factor_code="gp_consult", occurred_on="2026-01-01")["errors"][0]["field"] == "volume"
    backwards = post(factor_code="crisis_respite", occurred_on="2026-01-05", ended_on="2026-01-01")
    assert backwards["errors"][0]["field"] == "ended_on"
    assert (
        "volume" in post(factor_code="gp_consult", occurred_on="2026-01-01", volume=-1)["errors"][0]["field"]
    )


def test_a_cost_event_is_deleted_only_through_its_own_family(client: TestClient, world: World) -> None:
    created = client.post(
        _url(world),
        headers=auth(world.supporter),
        json={"factor_code": "gp_consult", "occurred_on": "2026-01-01", "volume": "1"},
    ).json()
    via_other = f"{_url(world, world.other_caseload_family.id)}/{created['id']}"
    assert client.delete(via_other, headers=auth(world.coordinator)).status_code == 404
    assert client.delete(f"{_url(world)}/{created['id']}", headers=auth(world.supporter)).status_code == 204
    assert client.get(_url(world), headers=auth(world.supporter)).json()["items"] == []


def test_outside_the_caseload_is_404_and_anonymous_401(client: TestClient, world: World) -> None:
    other = _url(world, world.other_caseload_family.id)
    assert client.get(other, headers=auth(world.supporter)).status_code == 404
    assert (
        client.get(_url(world, world.other_org_family.id), headers=auth(world.coordinator)).status_code == 404
    )
    assert client.get(_url(world)).status_code == 401
