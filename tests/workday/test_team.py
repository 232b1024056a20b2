"""GET /team and POST /families/{id}/reassign (shown in the family's timeline)."""

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.core.config import get_settings
from api.core.pagination import encode_key
from api.models import FamilyStatus, Role
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


def _all_pages(
    client: TestClient, url: str, headers: dict[str, str], key: str, cursor: str | None = None
) -> list[list[dict[str, Any]]]:
    pages = []
    while True:
        body = client.get(url + (f"&cursor={cursor}" if cursor else ""), headers=headers).json()
        pages.append(body[key])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages


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
    # both paged, in their own orders: every page of one against every page of the other
    team = [r for page in _all_pages(client, "/api/v1/team?limit=4", headers, "members") for r in page]
    summary_pages = _all_pages(client, "/api/v1/evaluation-debt/summary?limit=5", headers, "supporters")
    summary = [r for page in summary_pages for r in page]
    fields = ("goals_without_score", "overdue_actions", "measurements_due")
    in_team = {r["supporter_id"]: (r["families_with_debt"], *(r[f] for f in fields)) for r in team}
    in_summary = {r["supporter_id"]: (r["families"], *(r[f] for f in fields)) for r in summary}
    assert len(in_team) == len(team)  # nobody twice
    assert {k: v for k, v in in_team.items() if any(v)} == {k: v for k, v in in_summary.items() if any(v)}
    for index, supporter_id in enumerate([*(str(s.id) for s in supporters), None]):
        assert in_team[supporter_id][:2] == (1, index % 3 + 1)


def test_team_pages_supporters_heaviest_caseload_first(
    client: TestClient, session: Session, world: World
) -> None:
    light, heavy = (make_user(session, world.organisation, Role.supporter) for _ in range(2))
    idle = make_user(session, world.organisation, Role.supporter)
    for _ in range(3):
        make_family(session, world.organisation, heavy)
    make_family(session, world.organisation, None)
    make_family(session, world.organisation, None)
    make_family(session, world.organisation, heavy, status=FamilyStatus.closed)  # closed: not on the caseload
    session.commit()
    headers = auth(world.coordinator)
    pages = _all_pages(client, "/api/v1/team?limit=2", headers, "members")
    # the families without a supporter start the first page, and only the first
    assert (pages[0][0]["supporter_id"], pages[0][0]["caseload"]) == (None, 2)
    supporters = [r for page in pages for r in page if r["supporter_id"] is not None]
    assert [len([r for r in page if r["supporter_id"]]) for page in pages] == [2, 2, 1]
    loads = [(-r["caseload"], r["supporter_name"], r["supporter_id"]) for r in supporters]
    assert loads == sorted(loads)
    assert supporters[0]["supporter_id"] == str(heavy.id) and supporters[0]["caseload"] == 3
    ids = {r["supporter_id"] for r in supporters}
    assert ids == {str(u.id) for u in (world.supporter, world.other_supporter, light, heavy, idle)}
    assert len(ids) == len(supporters)


def test_team_shows_the_families_of_a_deactivated_supporter_on_the_first_page(
    client: TestClient, session: Session, world: World
) -> None:
    world.other_supporter.is_active = False
    session.add(world.other_supporter)
    make_user(session, world.organisation, Role.supporter)  # two active supporters: two pages of one
    session.commit()
    headers = auth(world.coordinator)
    first = client.get("/api/v1/team?limit=1", headers=headers).json()
    assert first["next_cursor"] is not None
    gone = [r for r in first["members"] if r["supporter_id"] == str(world.other_supporter.id)]
    assert [(r["supporter_name"], r["caseload"]) for r in gone] == [(world.other_supporter.full_name, 1)]
    later = _all_pages(client, "/api/v1/team?limit=1", headers, "members", first["next_cursor"])
    assert str(world.other_supporter.id) not in {r["supporter_id"] for page in later for r in page}


def test_team_refuses_a_cursor_it_did_not_make(client: TestClient, world: World) -> None:
    for cursor in ("nonsense", encode_key("many", "Ann", "x"), encode_key(1, "Ann"), encode_key(1, "Ann", 5)):
        response = client.get(f"/api/v1/team?cursor={cursor}", headers=auth(world.coordinator))
        assert (response.status_code, response.json()["code"]) == (422, "invalid_cursor")
