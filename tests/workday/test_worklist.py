"""GET /worklist and acknowledging an alert with a note from it."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session, select

from api.models import Checkin, CheckinAlert
from api.models.base import localtoday
from api.models.workday import AlertNote
from tests.checkins.factories import first_member, make_alert, make_link
from tests.factories import World, auth, make_family, make_member
from tests.plans.factories import make_action, make_goal


def _morning(session: Session, world: World) -> CheckinAlert:
    member = first_member(session, world.family)
    member.phone = "06-12345678"
    link, _, _ = make_link(session, world.family)
    alert = make_alert(session, link)
    checkin = session.get(Checkin, alert.checkin_id)
    assert checkin is not None
    checkin.message = "Wil je me bellen?"
    goal = make_goal(session, world.family, activated_on=localtoday() - timedelta(days=154))
    make_action(session, goal, due_on=localtoday() - timedelta(days=3))
    session.commit()
    return alert


def test_supporter_sees_alerts_with_message_and_phone_and_debt(
    client: TestClient, session: Session, world: World
) -> None:
    alert = _morning(session, world)
    body = client.get("/api/v1/worklist", headers=auth(world.supporter)).json()
    group = body["alert_groups"][0]
    assert group["phone"] == "06-12345678"
    assert group["alerts"][0]["id"] == str(alert.id)
    assert group["alerts"][0]["message"] == "Wil je me bellen?"
    assert body["goals_without_score"][0]["days"] == 154
    assert body["overdue_actions"][0]["days"] == 3
    family = body["families"][0]
    assert (family["family_id"], family["open_alerts"]) == (str(world.family.id), 1)
    assert family["attention"] == 3 + 1 + 1 + family["questionnaires_due"]
    assert len(body["questionnaires"]) == family["questionnaires_due"]


def test_worklist_only_shows_the_own_caseload(client: TestClient, session: Session, world: World) -> None:
    link, _, _ = make_link(session, world.other_caseload_family)
    make_alert(session, link)
    session.commit()
    body = client.get("/api/v1/worklist", headers=auth(world.supporter)).json()
    assert body["alert_groups"] == []
    assert [f["family_id"] for f in body["families"]] == [str(world.family.id)]
    other = client.get(
        "/api/v1/worklist",
        params={"supporter_id": str(world.other_supporter.id)},
        headers=auth(world.supporter),
    )
    assert other.status_code == 404


def test_coordinator_opens_a_supporters_worklist(client: TestClient, session: Session, world: World) -> None:
    _morning(session, world)
    response = client.get(
        "/api/v1/worklist", params={"supporter_id": str(world.supporter.id)}, headers=auth(world.coordinator)
    )
    assert response.status_code == 200
    assert len(response.json()["alert_groups"]) == 1
    without = client.get("/api/v1/worklist", headers=auth(world.coordinator))
    assert (without.status_code, without.json()["code"]) == (403, "supporter_required")
    foreign = client.get(
        "/api/v1/worklist",
        params={"supporter_id": str(world.other_org_coordinator.id)},
        headers=auth(world.coordinator),
    )
    assert foreign.status_code == 404


def test_worklist_needs_a_login(client: TestClient) -> None:
    assert client.get("/api/v1/worklist").status_code == 401


def test_worklist_query_count_does_not_grow_with_the_caseload(
    client: TestClient, session: Session, world: World
) -> None:
    def count() -> int:
        statements: list[str] = []
        engine = session.get_bind()
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            assert client.get("/api/v1/worklist", headers=auth(world.supporter)).status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return len(statements)

    _morning(session, world)
    before = count()
    for index in range(5):
        family = make_family(session, world.organisation, world.supporter, display_name=f"Gezin {index}")
        make_member(session, family)
        link, _, _ = make_link(session, family)
        make_alert(session, link)
        make_goal(session, family, activated_on=localtoday() - timedelta(days=200))
    session.commit()
    assert count() <= before + 1  # measurement plans may read one more batch; never one per family


def test_acknowledge_with_a_note(client: TestClient, session: Session, world: World) -> None:
    alert = _morning(session, world)
    response = client.post(
        f"/api/v1/worklist/alerts/{alert.id}/acknowledge",
        json={"note": "Teruggebeld, het gaat weer."},
        headers=auth(world.supporter),
    )
    assert response.status_code == 200
    assert response.json()["note"]["text"] == "Teruggebeld, het gaat weer."
    note = session.exec(select(AlertNote).where(AlertNote.alert_id == alert.id)).one()
    assert note.author_id == world.supporter.id
    body = client.get("/api/v1/worklist", headers=auth(world.supporter)).json()
    assert body["alert_groups"] == []


def test_acknowledge_outside_the_caseload_is_404(client: TestClient, session: Session, world: World) -> None:
    link, _, _ = make_link(session, world.other_caseload_family)
    alert = make_alert(session, link)
    session.commit()
    response = client.post(f"/api/v1/worklist/alerts/{alert.id}/acknowledge", headers=auth(world.supporter))
    assert (response.status_code, response.json()["code"]) == (404, "alert_not_found")
