"""The supporter's side: check-in links, a family's check-ins, alerts and the dashboard summary."""

import re
import uuid
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.checkins import service
from api.checkins.schemas import CheckinLinkCreate
from api.models import AuditEvent
from api.models.base import utcnow
from tests.checkins.factories import first_member, make_alert, make_checkin, make_link, open_session
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_member
from tests.plans.factories import principal_of

ALERTS = "/api/v1/checkin-alerts"


def _links_url(world: World) -> str:
    return f"/api/v1/families/{world.family.id}/checkin-links"


def _create_url(session: Session, world: World) -> str:
    member = first_member(session, world.family)
    return f"/api/v1/families/{world.family.id}/members/{member.id}/checkin-links"


def test_create_shows_token_and_code_once(client: TestClient, session: Session, world: World) -> None:
    response = client.post(
        _create_url(session, world), json={"valid_days": 30}, headers=auth(world.supporter)
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert len(body["token"]) >= 43 and re.fullmatch(r"[0-9]{6}", body["code"])
    assert body["path"] == f"/c#{body['token']}"
    assert body["status"] == "active" and body["member_name"] == "Sanne"
    assert 29 <= (datetime.fromisoformat(body["expires_at"]) - utcnow()).days <= 30
    assert response.headers["cache-control"] == "no-store"
    listed = client.get(_links_url(world), headers=auth(world.supporter)).json()["items"]
    assert [i["id"] for i in listed] == [body["id"]]
    assert "token" not in listed[0] and "code" not in listed[0]
    created = session.exec(
        select(AuditEvent).where(AuditEvent.action == "create", AuditEvent.object_type == "checkin_link")
    ).one()
    assert created.family_id == world.family.id and created.actor_id == world.supporter.id


def test_a_new_link_replaces_the_members_earlier_one(
    client: TestClient, session: Session, world: World
) -> None:
    old, _, _ = make_link(session, world.family)
    session.commit()
    assert client.post(_create_url(session, world), headers=auth(world.supporter)).status_code == 201
    session.refresh(old)
    assert old.revoked_at is not None and old.revoked_by_id == world.supporter.id
    statuses = [
        i["status"] for i in client.get(_links_url(world), headers=auth(world.supporter)).json()["items"]
    ]
    assert sorted(statuses) == ["active", "revoked"]


def test_links_only_for_members_of_the_family(client: TestClient, session: Session, world: World) -> None:
    stranger = first_member(session, world.other_caseload_family)
    url = f"/api/v1/families/{world.family.id}/members/{stranger.id}/checkin-links"
    assert client.post(url, headers=auth(world.coordinator)).status_code == 404
    unknown = f"/api/v1/families/{world.family.id}/members/{uuid.uuid4()}/checkin-links"
    assert client.post(unknown, headers=auth(world.coordinator)).status_code == 404


def test_outside_the_caseload_is_404_and_audited(client: TestClient, session: Session, world: World) -> None:
    response = client.post(_create_url(session, world), headers=auth(world.other_supporter))
    assert response.status_code == 404
    denied = session.exec(
        select(AuditEvent).where(
            AuditEvent.actor_id == world.other_supporter.id, AuditEvent.outcome == "denied"
        )
    ).one()
    assert denied.family_id == world.family.id
    assert client.get(_links_url(world), headers=auth(world.other_supporter)).status_code == 404
    assert client.post(_create_url(session, world)).status_code == 401


def test_link_status_shows_locked_expired_and_revoked(
    client: TestClient, session: Session, world: World
) -> None:
    locked, _, _ = make_link(session, world.family)
    locked.locked_at = utcnow()
    expired, _, _ = make_link(session, world.family, expires_in=-timedelta(days=1))
    session.commit()
    revoke = client.post(f"{_links_url(world)}/{locked.id}/revoke", headers=auth(world.supporter))
    assert revoke.status_code == 200 and revoke.json()["status"] == "revoked"
    again = client.post(f"{_links_url(world)}/{locked.id}/revoke", headers=auth(world.supporter))
    assert again.json()["revoked_at"] == revoke.json()["revoked_at"]
    items = {
        i["id"]: i["status"]
        for i in client.get(_links_url(world), headers=auth(world.supporter)).json()["items"]
    }
    assert items == {str(locked.id): "revoked", str(expired.id): "expired"}
    assert (
        client.post(f"{_links_url(world)}/{uuid.uuid4()}/revoke", headers=auth(world.supporter)).status_code
        == 404
    )


def test_family_checkins_are_listed_newest_first_and_the_read_is_audited(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    link, _, _ = make_link(session, world.family)
    other_member = make_member(session, world.family, "Kees")
    for days in (21, 14, 7):
        make_checkin(session, link, days_ago=days)
    alert = make_alert(session, link)
    session.commit()
    url = f"/api/v1/families/{world.family.id}/checkins"
    count_queries.statements.clear()
    response = client.get(url, headers=auth(world.supporter) | {"X-Access-Purpose": "weekly review"})
    assert response.status_code == 200
    small = count_queries.count
    items = response.json()["items"]
    assert len(items) == 4 and items[0]["alert_id"] == str(alert.id) and items[1]["alert_id"] is None
    assert items[0]["member_name"] == "Sanne"
    read = session.exec(
        select(AuditEvent).where(AuditEvent.action == "read", AuditEvent.object_type == "checkin")
    ).one()
    assert (read.actor_id, read.family_id, read.purpose) == (
        world.supporter.id,
        world.family.id,
        "weekly review",
    )
    for _ in range(10):
        make_checkin(session, link)
    session.commit()
    count_queries.statements.clear()
    assert len(client.get(url, headers=auth(world.supporter)).json()["items"]) == 14
    assert count_queries.count == small  # a fixed number of queries, however many check-ins
    by_member = client.get(url, params={"member_id": str(other_member.id)}, headers=auth(world.supporter))
    assert by_member.json()["items"] == []


def test_alerts_follow_the_callers_scope_and_stay_until_acknowledged(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    mine = make_alert(session, make_link(session, world.family)[0])
    colleague = make_alert(session, make_link(session, world.other_caseload_family)[0])
    make_alert(session, make_link(session, world.other_org_family)[0])
    session.commit()
    supporter = client.get(ALERTS, headers=auth(world.supporter)).json()["items"]
    assert [a["id"] for a in supporter] == [str(mine.id)]
    assert supporter[0]["reasons"] == ["high_care_burden"] and supporter[0]["care_burden"] == 9
    count_queries.statements.clear()
    staff = {a["id"] for a in client.get(ALERTS, headers=auth(world.coordinator)).json()["items"]}
    queries = count_queries.count
    assert staff == {str(mine.id), str(colleague.id)}
    for _ in range(5):
        make_alert(session, make_link(session, world.other_caseload_family)[0])
    session.commit()
    count_queries.statements.clear()
    assert len(client.get(ALERTS, headers=auth(world.coordinator)).json()["items"]) == 7
    assert count_queries.count == queries  # a fixed number of queries, however many alerts

    acknowledged = client.post(f"{ALERTS}/{mine.id}/acknowledge", headers=auth(world.supporter))
    assert acknowledged.status_code == 200
    body = acknowledged.json()
    assert body["acknowledged_by_id"] == str(world.supporter.id) and body["acknowledged_at"]
    later = client.post(f"{ALERTS}/{mine.id}/acknowledge", headers=auth(world.coordinator)).json()
    assert later["acknowledged_by_id"] == str(world.supporter.id)  # the first acknowledgement is kept
    assert client.get(ALERTS, headers=auth(world.supporter)).json()["items"] == []
    done = client.get(ALERTS, params={"state": "acknowledged"}, headers=auth(world.supporter)).json()
    assert [a["id"] for a in done["items"]] == [str(mine.id)]
    events = session.exec(
        select(AuditEvent).where(AuditEvent.action == "acknowledge", AuditEvent.object_id == mine.id)
    ).all()
    assert len(events) == 2


def test_acknowledging_outside_the_scope_is_404_and_audited(
    client: TestClient, session: Session, world: World
) -> None:
    alert = make_alert(session, make_link(session, world.other_caseload_family)[0])
    session.commit()
    response = client.post(f"{ALERTS}/{alert.id}/acknowledge", headers=auth(world.supporter))
    assert response.status_code == 404
    denied = session.exec(select(AuditEvent).where(AuditEvent.object_id == alert.id)).one()
    assert (denied.outcome, denied.actor_id) == ("denied", world.supporter.id)
    assert client.get(ALERTS).status_code == 401


def test_summary_lists_families_with_open_alerts_first(
    client: TestClient, session: Session, world: World
) -> None:
    calm, _, _ = make_link(session, world.family)
    make_checkin(session, calm, wellbeing=7, care_burden=3, days_ago=2)
    worried, _, _ = make_link(session, world.other_caseload_family)
    make_checkin(session, worried, days_ago=40)
    make_alert(session, worried)
    make_link(session, world.other_org_family)
    session.commit()
    body = client.get("/api/v1/checkin-summary", headers=auth(world.coordinator)).json()
    assert body["open_alerts"] == 1
    families = body["families"]
    assert [f["family_id"] for f in families] == [str(world.other_caseload_family.id), str(world.family.id)]
    assert families[0]["open_alerts"] == 1 and families[0]["checkins_last_28_days"] == 1
    assert families[0]["last_care_burden"] == 9
    assert (families[1]["last_wellbeing"], families[1]["last_care_burden"]) == (7, 3)
    own = client.get("/api/v1/checkin-summary", headers=auth(world.supporter)).json()
    assert own["open_alerts"] == 0 and [f["family_id"] for f in own["families"]] == [str(world.family.id)]
    assert client.get("/api/v1/checkin-summary").status_code == 401


def test_the_organisation_dashboard_is_bounded_by_recent_activity_and_limit(
    client: TestClient, session: Session, world: World
) -> None:
    quiet, _, _ = make_link(session, world.family)
    make_checkin(session, quiet, days_ago=60)
    worried, _, _ = make_link(session, world.other_caseload_family)
    make_checkin(session, worried, days_ago=40)
    make_alert(session, worried)
    session.commit()
    url = "/api/v1/checkin-summary"
    staff = client.get(url, headers=auth(world.coordinator)).json()["families"]
    # a whole organisation: families with an open alert or a check-in in the last four weeks
    assert [f["family_id"] for f in staff] == [str(world.other_caseload_family.id)]
    # a caseload: every family that ever checked in
    own = client.get(url, headers=auth(world.supporter)).json()["families"]
    assert [f["family_id"] for f in own] == [str(world.family.id)]
    make_checkin(session, quiet, days_ago=1)
    session.commit()
    first = client.get(f"{url}?limit=1", headers=auth(world.coordinator)).json()
    assert [f["family_id"] for f in first["families"]] == [str(world.other_caseload_family.id)]
    assert first["open_alerts"] == 1
    assert client.get(f"{url}?limit=101", headers=auth(world.coordinator)).status_code == 422


def test_open_alert_count_follows_the_scope_and_reads_no_family(
    client: TestClient, session: Session, world: World
) -> None:
    make_alert(session, make_link(session, world.family)[0])
    make_alert(session, make_link(session, world.other_caseload_family)[0])
    make_alert(session, make_link(session, world.other_org_family)[0])
    session.commit()
    count = "/api/v1/checkin-alerts/count"
    assert client.get(count, headers=auth(world.supporter)).json() == {"open_alerts": 1}
    assert client.get(count, headers=auth(world.coordinator)).json() == {"open_alerts": 2}
    assert session.exec(select(AuditEvent).where(AuditEvent.object_type == "checkin_alert")).all() == []


def test_reading_the_dashboard_is_audited_per_family(
    client: TestClient, session: Session, world: World
) -> None:
    link, _, _ = make_link(session, world.family)
    make_checkin(session, link)
    make_alert(session, link)
    session.commit()
    client.get("/api/v1/checkin-summary", headers=auth(world.supporter))
    client.get(ALERTS, headers=auth(world.supporter))
    events = session.exec(
        select(AuditEvent).where(AuditEvent.actor_id == world.supporter.id, AuditEvent.action == "list")
    ).all()
    assert {(e.object_type, e.family_id) for e in events} == {
        ("checkin", world.family.id),
        ("checkin_alert", world.family.id),
    }


def test_alerts_of_one_family(client: TestClient, session: Session, world: World) -> None:
    mine = make_alert(session, make_link(session, world.family)[0])
    theirs = make_alert(session, make_link(session, world.other_caseload_family)[0])
    session.commit()
    for family, alert in ((world.family, mine), (world.other_caseload_family, theirs)):
        response = client.get(ALERTS, params={"family_id": str(family.id)}, headers=auth(world.coordinator))
        assert [a["id"] for a in response.json()["items"]] == [str(alert.id)]
    scoped = client.get(
        ALERTS, params={"family_id": str(world.other_caseload_family.id)}, headers=auth(world.supporter)
    )
    assert scoped.json()["items"] == []  # outside the caseload: nothing, as in the unfiltered list


def test_a_given_pair_makes_a_working_link_and_a_weak_one_is_refused(
    client: TestClient, session: Session, world: World
) -> None:
    # Only the demo gives its pair (its printed link must work after every seeding).
    member, who = first_member(session, world.family), principal_of(world.supporter)
    token, code = "Demo_" + "x" * 38, "024680"
    created = service.create_link(
        session, who, family_id=world.family.id, member_id=member.id, data=CheckinLinkCreate(),
        token_and_code=(token, code),
    )  # fmt: skip
    assert (created.token, created.code) == (token, code)
    session.commit()
    assert open_session(client, token, code)
    for weak in (("too-short", code), (token, "12345"), (token + "/", code)):
        with pytest.raises(ValueError):
            service.create_link(
                session, who, family_id=world.family.id, member_id=member.id, data=CheckinLinkCreate(),
                token_and_code=weak,
            )  # fmt: skip
