"""The family export: every section filled, no secrets, scoped, one audit event, a fixed number of queries."""

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import (
    AuditEvent,
    FamilyConsent,
    FamilyFactor,
    FamilyStatus,
    FamilyStatusChange,
    MeetingStatus,
)
from api.models.base import localtoday
from tests.checkins.factories import make_alert, make_checkin, make_link
from tests.conftest import QueryCounter
from tests.factories import World, auth
from tests.measurements.factories import brs_answers, make_factor, make_measurement
from tests.meetings.factories import first_member, make_meeting
from tests.plans.factories import make_action, make_goal, make_score, make_version

URL = "/api/v1/families"
SECTIONS = (
    "status_changes",
    "gas_scores",
    "plan_versions",
    "meetings",
    "measurements",
    "factors",
    "checkins",
    "checkin_alerts",
    "checkin_links",
)
SECRET_KEYS = {"token", "token_hash", "code_hash", "token_digest", "code_digest", "password_hash"}


def fill(session: Session, world: World, n: int) -> None:
    """One more of everything a family can have stored about it (the n-th round)."""
    family, user, organisation = world.family, world.supporter, world.organisation
    goal = make_goal(session, family, text=f"Doel {n}")
    make_score(session, goal, 0, localtoday())
    make_action(session, goal, description=f"Actie {n}")
    make_version(session, family, user)
    make_meeting(session, family, status=MeetingStatus.held)
    make_measurement(
        session, family, first_member(session, family), answers=brs_answers(3), complete=True, wave=None
    )
    link, _, _ = make_link(session, family)
    make_checkin(session, link)
    make_alert(session, link)
    factor = make_factor(session, organisation, code=f"test_factor_{n}")
    session.add(
        FamilyFactor(
            family_id=family.id,
            factor_id=factor.id,
            note="Gezien",
            recorded_on=localtoday(),
            recorded_by_id=user.id,
        )
    )
    session.add(
        FamilyStatusChange(
            family_id=family.id,
            from_status=FamilyStatus.intake,
            to_status=FamilyStatus.active,
            changed_by_id=user.id,
        )
    )
    session.flush()


def keys_in(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys_in(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys_in(v)}
    return set()


def test_export_holds_every_section_and_no_secrets(
    client: TestClient, session: Session, world: World
) -> None:
    fill(session, world, 0)
    session.add(FamilyConsent(family_id=world.family.id, funder_data=True, recorded_by=world.coordinator.id))
    session.commit()
    response = client.get(f"{URL}/{world.family.id}/export", headers=auth(world.supporter))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["family"]["members"][0]["display_name"] == "Sanne"
    assert body["exported_at"]
    for section in SECTIONS:
        assert body[section], section
    assert body["plan"]["goals"][0]["actions"][0]["description"] == "Actie 0"
    assert body["plan"]["goals"][0]["ladder"]["zero"]
    assert body["plan_versions"][0]["goals"][0]["text"] == "Doel 0"
    meeting = body["meetings"][0]
    assert meeting["status"] == "held"
    assert meeting["participants"] and meeting["agenda"] and meeting["decisions"]
    measurement = body["measurements"][0]
    assert measurement["status"] == "completed" and measurement["answers"] and measurement["scores"]
    assert "instrument" not in measurement  # the (licensed) form itself is left out
    assert body["checkins"][-1]["alert_id"] == body["checkin_alerts"][0]["id"]
    assert body["consent"]["funder_data"] is True
    assert not keys_in(body) & SECRET_KEYS


def test_export_is_one_audit_event(client: TestClient, session: Session, world: World) -> None:
    fill(session, world, 0)
    session.commit()
    before = len(session.exec(select(AuditEvent.id)).all())
    assert client.get(f"{URL}/{world.family.id}/export", headers=auth(world.supporter)).status_code == 200
    events = session.exec(select(AuditEvent).order_by(AuditEvent.occurred_at)).all()[before:]  # type: ignore[arg-type]
    assert [(e.action, e.object_type, e.family_id) for e in events] == [("export", "family", world.family.id)]


def test_family_of_another_caseload_is_404(client: TestClient, world: World) -> None:
    for family in (world.other_caseload_family, world.other_org_family):
        response = client.get(f"{URL}/{family.id}/export", headers=auth(world.supporter))
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


def test_export_takes_a_fixed_number_of_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    headers, url = auth(world.supporter), f"{URL}/{world.family.id}/export"
    fill(session, world, 0)
    session.commit()
    session.expunge_all()  # every measured request starts uncached
    before = count_queries.count
    small = client.get(url, headers=headers).json()
    little = count_queries.count - before
    first = count_queries.statements[before:]
    for n in range(1, 6):
        fill(session, world, n)
    session.commit()
    session.expunge_all()
    before = count_queries.count
    big = client.get(url, headers=headers).json()
    assert count_queries.count - before == little, "\n".join(
        f"{a[:90]} | {b[:90]}" for a, b in zip(first, count_queries.statements[before:], strict=False)
    )
    for section in SECTIONS:
        assert len(big[section]) > len(small[section]), section
