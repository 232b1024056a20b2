"""Answering a questionnaire: start, resume, every value checked per item, complete and score, scope."""

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from api.models import AuditEvent, FamilyMember, MeasurementScore
from api.models.base import utcnow
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_member
from tests.measurements.factories import brs_answers, make_measurement


def _url(world: World) -> str:
    return f"/api/v1/families/{world.family.id}/measurements"


def _parent(session: Session, world: World) -> FamilyMember:
    return session.exec(select(FamilyMember).where(FamilyMember.family_id == world.family.id)).one()


def _start(client: TestClient, world: World, member: FamilyMember, **extra: str) -> dict:  # type: ignore[type-arg]
    body = {"instrument_code": "brs", "wave": "t0", "respondent_member_id": str(member.id)} | extra
    response = client.post(_url(world), json=body, headers=auth(world.supporter))
    assert response.status_code == 201, response.text
    return response.json()


def test_starting_answers_the_form_with_its_licence(
    client: TestClient, session: Session, world: World
) -> None:
    body = _start(client, world, _parent(session, world))
    assert body["status"] == "in_progress"
    assert body["respondent"]["kind"] == "member"
    assert body["instrument"]["code"] == "brs"
    assert body["instrument"]["licence"]["terms"]
    assert len(body["instrument"]["items"]) == 6 and body["n_items"] == 6
    assert body["answers"] == {} and body["scores"] == []


def test_starting_twice_is_a_conflict_that_points_to_the_first(
    client: TestClient, session: Session, world: World
) -> None:
    first = _start(client, world, _parent(session, world))
    again = client.post(
        _url(world),
        json={
            "instrument_code": "brs",
            "wave": "t0",
            "respondent_member_id": str(_parent(session, world).id),
        },
        headers=auth(world.supporter),
    )
    assert again.status_code == 409
    assert again.json()["measurement_id"] == first["id"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"instrument_code": "zarit", "wave": "t0"}, "instrument_code"),
        ({"instrument_code": "uwes9", "wave": "t0"}, "instrument_code"),  # private to a supporter
        ({"instrument_code": "brs", "wave": "t0"}, "respondent_member_id"),
        (
            {"instrument_code": "brs", "wave": "t0", "respondent_member_id": str(uuid.uuid4())},
            "respondent_member_id",
        ),
        ({"instrument_code": "brs", "wave": "t9"}, "wave"),
    ],
)
def test_start_checks_instrument_respondent_and_wave(
    client: TestClient, world: World, body: dict[str, str], field: str
) -> None:
    response = client.post(_url(world), json=body, headers=auth(world.supporter))
    assert response.status_code == 422
    assert field in {e["field"] for e in response.json()["errors"]}


def test_a_member_of_another_family_cannot_answer_here(
    client: TestClient, session: Session, world: World
) -> None:
    stranger = session.exec(
        select(FamilyMember).where(FamilyMember.family_id == world.other_caseload_family.id)
    ).one()
    body = {"instrument_code": "brs", "wave": "t0", "respondent_member_id": str(stranger.id)}
    assert client.post(_url(world), json=body, headers=auth(world.supporter)).status_code == 422


def test_answering_is_resumable(client: TestClient, session: Session, world: World) -> None:
    started = _start(client, world, _parent(session, world))
    url = f"{_url(world)}/{started['id']}/answers"
    headers = auth(world.supporter)
    assert client.put(url, json={"answers": {"1": 4, "2": 2}}, headers=headers).status_code == 200
    after = client.put(url, json={"answers": {"3": 4}}, headers=headers).json()
    assert after["answers"] == {"1": 4, "2": 2, "3": 4}
    cleared = client.put(url, json={"answers": {"2": None}}, headers=headers).json()
    assert cleared["answers"] == {"1": 4, "3": 4} and cleared["n_answered"] == 2
    # reading it later (another device) gives the same saved answers
    again = client.get(f"{_url(world)}/{started['id']}", headers=headers).json()
    assert again["answers"] == {"1": 4, "3": 4}


def test_every_value_is_checked_and_the_error_names_the_item(
    client: TestClient, session: Session, world: World
) -> None:
    started = _start(client, world, _parent(session, world))
    url = f"{_url(world)}/{started['id']}/answers"
    response = client.put(url, json={"answers": {"1": 4, "5": 9, "7": 3}}, headers=auth(world.supporter))
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert {e["field"] for e in response.json()["errors"]} == {"answers.5", "answers.7"}
    # nothing of a refused request is saved
    assert client.get(f"{_url(world)}/{started['id']}", headers=auth(world.supporter)).json()["answers"] == {}
    not_a_number = client.put(url, json={"answers": {"2": "veel"}}, headers=auth(world.supporter))
    assert not_a_number.status_code == 422
    assert not_a_number.json()["errors"][0]["field"] == "answers.2"


def test_completing_scores_exactly_as_defined(client: TestClient, session: Session, world: World) -> None:
    started = _start(client, world, _parent(session, world))
    base = f"{_url(world)}/{started['id']}"
    headers = auth(world.supporter)
    # items 2, 4 and 6 are reversed (6 - x): keyed 4, 4, 4, 4, 3, 5 -> mean 24 / 6 = 4.0
    client.put(
        f"{base}/answers", json={"answers": {"1": 4, "2": 2, "3": 4, "4": 2, "5": 3, "6": 1}}, headers=headers
    )
    response = client.post(f"{base}/complete", headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "completed" and body["completed_at"]
    [total] = body["scores"]
    assert total["score"] == pytest.approx(4.0)
    assert total["band"] == {"nl": "Gemiddelde veerkracht", "en": "Normal resilience"}
    assert (total["n_answered"], total["n_items"]) == (6, 6)
    assert total["change_from_t0"] is None  # T0 itself has no change
    stored = session.exec(
        select(MeasurementScore).where(MeasurementScore.measurement_id == uuid.UUID(body["id"]))
    ).one()
    assert stored.score == pytest.approx(4.0)
    assert client.post(f"{base}/complete", headers=headers).status_code == 409
    assert client.put(f"{base}/answers", json={"answers": {"1": 1}}, headers=headers).status_code == 409


def test_too_few_answers_cannot_be_completed(client: TestClient, session: Session, world: World) -> None:
    started = _start(client, world, _parent(session, world))
    base = f"{_url(world)}/{started['id']}"
    client.put(f"{base}/answers", json={"answers": {"1": 4, "2": 2, "3": 4}}, headers=auth(world.supporter))
    response = client.post(f"{base}/complete", headers=auth(world.supporter))
    assert response.status_code == 422
    assert "3 of 6 items answered; at least 4 needed" in response.json()["detail"]


def test_a_missing_item_still_scores_above_the_minimum(
    client: TestClient, session: Session, world: World
) -> None:
    m = make_measurement(session, world.family, _parent(session, world), answers={1: 5, 2: 1, 3: 5, 4: 1})
    session.commit()
    body = client.post(f"{_url(world)}/{m.id}/complete", headers=auth(world.supporter)).json()
    assert body["scores"][0]["score"] == pytest.approx(5.0) and body["scores"][0]["n_answered"] == 4


def test_outside_scope_is_404_and_audited(client: TestClient, session: Session, world: World) -> None:
    m = make_measurement(session, world.family, _parent(session, world), answers=brs_answers(3))
    session.commit()
    url = f"{_url(world)}/{m.id}"
    assert client.get(url, headers=auth(world.other_supporter)).status_code == 404
    assert client.get(url, headers=auth(world.other_org_coordinator)).status_code == 404
    assert client.post(f"{url}/complete", headers=auth(world.other_supporter)).status_code == 404
    # a measurement id under the wrong family is not found either
    wrong = f"/api/v1/families/{world.other_caseload_family.id}/measurements/{m.id}"
    assert client.get(wrong, headers=auth(world.coordinator)).status_code == 404
    denied = session.exec(
        select(AuditEvent).where(AuditEvent.family_id == world.family.id, AuditEvent.outcome == "denied")
    ).all()
    assert len(denied) >= 2
    assert client.get(url).status_code == 401


def test_reads_and_changes_are_audited(client: TestClient, session: Session, world: World) -> None:
    started = _start(client, world, _parent(session, world))
    client.get(f"{_url(world)}/{started['id']}", headers=auth(world.coordinator))
    actions = set(
        session.exec(
            select(AuditEvent.action).where(
                AuditEvent.family_id == world.family.id, AuditEvent.object_type == "measurement"
            )
        ).all()
    )
    assert {"create", "read"} <= actions


def test_listing_measurements_takes_a_fixed_number_of_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    headers, url = auth(world.supporter), _url(world)
    make_measurement(session, world.family, _parent(session, world), answers=brs_answers(3), complete=True)
    session.commit()
    client.get(url, headers=headers)
    before = count_queries.count
    assert len(client.get(url, headers=headers).json()["items"]) == 1
    small = count_queries.count - before
    for n in range(6):
        member = make_member(session, world.family, name=f"Lid {n}")
        make_measurement(session, world.family, member, code="fqol_beach", answers={1: 3})
    session.commit()
    before = count_queries.count
    assert len(client.get(url, headers=headers).json()["items"]) == 7
    assert count_queries.count - before == small, count_queries.statements[-10:]


def test_an_archived_family_is_read_only(client: TestClient, session: Session, world: World) -> None:
    m = make_measurement(session, world.family, _parent(session, world), answers=brs_answers(3))
    world.family.archived_at = utcnow()
    session.add(world.family)
    session.commit()
    url = f"{_url(world)}/{m.id}"
    assert client.get(url, headers=auth(world.supporter)).status_code == 200
    assert (
        client.put(f"{url}/answers", json={"answers": {"1": 2}}, headers=auth(world.supporter)).status_code
        == 409
    )
    assert client.post(f"{url}/complete", headers=auth(world.supporter)).status_code == 409


def test_the_database_refuses_a_second_measurement_for_the_same_wave(session: Session, world: World) -> None:
    parent = _parent(session, world)
    make_measurement(session, world.family, parent)
    with pytest.raises(IntegrityError), session.begin_nested():
        make_measurement(session, world.family, parent)
