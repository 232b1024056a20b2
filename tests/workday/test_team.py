"""GET /team and POST /families/{id}/reassign (shown in the family's timeline)."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.core.config import get_settings
from api.models import Role
from api.models.base import localtoday
from tests.checkins.factories import make_alert, make_link
from tests.factories import World, auth, make_family, make_user
from tests.plans.factories import make_goal


def test_team_counts_caseload_debt_and_alerts_per_supporter(
    client: TestClient, session: Session, world: World
) -> None:
    make_goal(session, world.family, activated_on=localtoday() - timedelta(days=200))
    link, _, _ = make_link(session, world.family)
    make_alert(session, link)
    for index in range(get_settings().caseload_norm):
        make_family(session, world.organisation, world.other_supporter, display_name=f"Gezin {index}")
    session.commit()
    body = client.get("/api/v1/team", headers=auth(world.coordinator)).json()
    rows = {r["supporter_id"]: r for r in body["members"]}
    mine = rows[str(world.supporter.id)]
    assert (mine["caseload"], mine["goals_without_score"], mine["open_alerts"], mine["over_norm"]) == (
        1,
        1,
        1,
        False,
    )
    other = rows[str(world.other_supporter.id)]
    assert (other["caseload"], other["over_norm"]) == (get_settings().caseload_norm + 1, True)
    assert body["caseload_norm"] == get_settings().caseload_norm


def test_team_is_for_staff(client: TestClient, world: World) -> None:
    assert client.get("/api/v1/team", headers=auth(world.supporter)).status_code == 403
    assert client.get("/api/v1/team").status_code == 401


def test_reassign_moves_the_family_and_shows_in_the_timeline(
    client: TestClient, session: Session, world: World
) -> None:
    response = client.post(
        f"/api/v1/families/{world.family.id}/reassign",
        json={"supporter_id": str(world.other_supporter.id), "note": "Caseload van Fatima is te vol."},
        headers=auth(world.coordinator),
    )
    assert response.status_code == 200
    assert response.json()["changed"] is True
    family = client.get(f"/api/v1/families/{world.family.id}", headers=auth(world.coordinator)).json()
    assert family["supporter_id"] == str(world.other_supporter.id)
    timeline = client.get(
        f"/api/v1/families/{world.family.id}/timeline", headers=auth(world.coordinator)
    ).json()
    entry = timeline["items"][0]
    assert entry["kind"] == "supporter_changed"
    assert entry["detail"] == "Caseload van Fatima is te vol."
    # the old supporter no longer reaches the family
    assert client.get(f"/api/v1/families/{world.family.id}", headers=auth(world.supporter)).status_code == 404


def test_reassign_refuses_supporters_and_strangers(client: TestClient, world: World) -> None:
    body = {"supporter_id": str(world.other_supporter.id)}
    own = client.post(
        f"/api/v1/families/{world.family.id}/reassign", json=body, headers=auth(world.supporter)
    )
    assert (own.status_code, own.json()["code"]) == (403, "staff_only")
    foreign = client.post(
        f"/api/v1/families/{world.other_org_family.id}/reassign", json=body, headers=auth(world.coordinator)
    )
    assert foreign.status_code == 404
    unknown = client.post(
        f"/api/v1/families/{world.family.id}/reassign",
        json={"supporter_id": str(world.coordinator.id)},
        headers=auth(world.coordinator),
    )
    assert (unknown.status_code, unknown.json()["code"]) == (404, "supporter_not_found")


def test_team_counts_debt_for_every_supporter_as_the_evaluation_debt_summary_does(
    client: TestClient, session: Session, world: World
) -> None:
    supporters = [make_user(session, world.organisation, Role.supporter) for _ in range(11)]  # > 10: one page
    for index, supporter in enumerate([*supporters, None]):
        family = make_family(session, world.organisation, supporter)
        for _ in range(index % 3 + 1):
            make_goal(session, family, activated_on=localtoday() - timedelta(days=200))
    session.commit()
    headers = auth(world.coordinator)
    team = client.get("/api/v1/team", headers=headers).json()["members"]
    summary = client.get("/api/v1/evaluation-debt/summary?limit=50", headers=headers).json()["supporters"]
    fields = ("goals_without_score", "overdue_actions", "measurements_due")
    in_team = {r["supporter_id"]: (r["families_with_debt"], *(r[f] for f in fields)) for r in team}
    in_summary = {r["supporter_id"]: (r["families"], *(r[f] for f in fields)) for r in summary}
    assert {k: v for k, v in in_team.items() if any(v)} == {k: v for k, v in in_summary.items() if any(v)}
    for index, supporter_id in enumerate([*(str(s.id) for s in supporters), None]):
        assert in_team[supporter_id][:2] == (1, index % 3 + 1)
