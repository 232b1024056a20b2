"""Questionnaires through the check-in link: only the member's own due ones, answered and completed by the
measurement service, audited as the link."""

import uuid
from datetime import timedelta

from fastapi.testclient import TestClient
from httpx import Response
from sqlmodel import Session, select

from api.models import AuditEvent, Measurement, MeasurementScore, MeasurementStatus, Wave
from api.models.base import localtoday, utcnow
from tests.checkins.factories import first_member, make_link, open_session
from tests.factories import World, auth, make_member
from tests.measurements.factories import brs_answers, make_measurement

LIST = "/api/v1/checkin/questionnaires"


def _one(measurement_id: object) -> str:
    return f"{LIST}/{measurement_id}"


def _session(client: TestClient, session: Session, world: World) -> tuple[dict[str, str], uuid.UUID]:
    link, token, code = make_link(session, world.family)
    link.created_by_id = world.supporter.id
    first_member(session, world.family).language = "en"  # the BRS ships with English wording only
    session.commit()
    return open_session(client, token, code), link.id


def test_a_member_who_reads_dutch_is_not_offered_a_form_worded_in_english_only(
    client: TestClient, session: Session, world: World
) -> None:
    _, token, code = make_link(session, world.family)
    session.commit()
    headers = open_session(client, token, code)
    items = client.get("/api/v1/checkin/questionnaires", headers=headers).json()["items"]
    assert "brs" not in [i["instrument_code"] for i in items]
    assert (
        client.post(
            "/api/v1/checkin/questionnaires", json={"instrument_code": "brs", "wave": "t0"}, headers=headers
        ).status_code
        == 404
    )


def _start(client: TestClient, headers: dict[str, str], code: str = "brs", wave: str = "t0") -> Response:
    return client.post(LIST, json={"instrument_code": code, "wave": wave}, headers=headers)


def test_lists_only_the_members_own_due_questionnaires_with_wording(
    client: TestClient, session: Session, world: World
) -> None:
    other = make_member(session, world.family, name="Ahmed")
    make_measurement(session, world.family, other, answers={1: 3})  # another member's, started
    headers, _ = _session(client, session, world)
    response = client.get(LIST, headers=headers)
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    # T0 is due today; licensed forms shipped without wording (FQoL, EDIZ-plus) are done with the supporter.
    assert [(i["instrument_code"], i["wave"], i["status"]) for i in items] == [("brs", "t0", "due")]
    assert items[0]["measurement_id"] is None and items[0]["n_items"] == 6


def test_a_member_who_missed_waves_is_offered_one_per_questionnaire(
    client: TestClient, session: Session, world: World
) -> None:
    world.family.started_on = localtoday() - timedelta(days=400)  # T0, T1 and T2 all open
    headers, _ = _session(client, session, world)
    assert [(i["instrument_code"], i["wave"]) for i in client.get(LIST, headers=headers).json()["items"]] == [
        ("brs", "t2")
    ]
    assert _start(client, headers, wave="t0").status_code == 404
    make_measurement(session, world.family, first_member(session, world.family), wave=Wave.t1, answers={1: 3})
    session.commit()
    assert [(i["wave"], i["status"]) for i in client.get(LIST, headers=headers).json()["items"]] == [
        ("t1", "in_progress")
    ]


def test_start_is_safe_to_repeat_and_the_form_has_no_scores(
    client: TestClient, session: Session, world: World
) -> None:
    headers, link_id = _session(client, session, world)
    first = _start(client, headers)
    assert first.status_code == 201, first.text
    form = first.json()
    assert form["status"] == "in_progress" and form["answers"] == {}
    assert form["instrument"]["items"][0]["text_en"] and form["instrument"]["licence"]["owner"]
    assert "scores" not in form and "respondent" not in form
    again = _start(client, headers)
    assert again.status_code == 200 and again.json()["id"] == form["id"]
    stored = session.get(Measurement, uuid.UUID(form["id"]))
    assert stored is not None
    member = first_member(session, world.family)
    assert (stored.respondent_member_id, stored.created_by_id) == (member.id, world.supporter.id)
    created = session.exec(
        select(AuditEvent).where(AuditEvent.object_id == stored.id, AuditEvent.action == "create")
    ).one()
    assert (created.actor_type, created.actor_id) == ("checkin", link_id)
    assert client.get(LIST, headers=headers).json()["items"][0]["status"] == "in_progress"


def test_only_due_questionnaires_can_be_started(client: TestClient, session: Session, world: World) -> None:
    headers, _ = _session(client, session, world)
    for code, wave in (("brs", "t1"), ("fqol_beach", "t0"), ("uwes9", "t0"), ("nope", "t0")):
        response = _start(client, headers, code, wave)
        assert response.status_code == 404, (code, response.text)


def test_answers_are_checked_saved_and_resumable(client: TestClient, session: Session, world: World) -> None:
    headers, link_id = _session(client, session, world)
    form_id = _start(client, headers).json()["id"]
    saved = client.put(f"{_one(form_id)}/answers", json={"answers": {"1": 4, "2": 2}}, headers=headers)
    assert saved.status_code == 200, saved.text
    assert saved.json()["answers"] == {"1": 4, "2": 2} and saved.json()["n_answered"] == 2
    for bad, field in (({"1": 9}, "answers.1"), ({"99": 3}, "answers.99")):
        refused = client.put(f"{_one(form_id)}/answers", json={"answers": bad}, headers=headers)
        assert refused.status_code == 422, refused.text
        assert [e["field"] for e in refused.json()["errors"]] == [field]
    cleared = client.put(f"{_one(form_id)}/answers", json={"answers": {"2": None}}, headers=headers)
    assert cleared.json()["answers"] == {"1": 4}
    resumed = client.get(_one(form_id), headers=headers)
    assert resumed.status_code == 200 and resumed.json()["answers"] == {"1": 4}
    actions = session.exec(
        select(AuditEvent.action).where(
            AuditEvent.actor_id == link_id, AuditEvent.object_type == "measurement"
        )
    ).all()
    assert {"create", "update", "read"} <= set(actions)


def test_complete_scores_once_and_tells_the_member_no_score(
    client: TestClient, session: Session, world: World
) -> None:
    headers, _ = _session(client, session, world)
    form_id = _start(client, headers).json()["id"]
    client.put(f"{_one(form_id)}/answers", json={"answers": {"1": 4}}, headers=headers)
    too_few = client.post(f"{_one(form_id)}/complete", headers=headers)
    assert too_few.status_code == 422, too_few.text
    answers = {str(k): v for k, v in brs_answers(4).items()}
    client.put(f"{_one(form_id)}/answers", json={"answers": answers}, headers=headers)
    done = client.post(f"{_one(form_id)}/complete", headers=headers)
    assert done.status_code == 200, done.text
    assert set(done.json()) == {"id", "status", "completed_at"} and done.json()["status"] == "completed"
    scores = session.exec(
        select(MeasurementScore).where(MeasurementScore.measurement_id == uuid.UUID(form_id))
    ).all()
    assert [s.score for s in scores] == [4.0]
    assert client.post(f"{_one(form_id)}/complete", headers=headers).status_code == 409
    late = client.put(f"{_one(form_id)}/answers", json={"answers": {"1": 2}}, headers=headers)
    assert late.status_code == 409
    assert client.get(LIST, headers=headers).json()["items"] == []


def test_another_members_or_familys_measurement_is_not_found(
    client: TestClient, session: Session, world: World
) -> None:
    other = make_member(session, world.family, name="Ahmed")
    sibling = make_measurement(session, world.family, other, answers={1: 3})
    elsewhere = make_measurement(
        session, world.other_caseload_family, first_member(session, world.other_caseload_family)
    )
    headers, _ = _session(client, session, world)
    for measurement in (sibling, elsewhere):
        assert client.get(_one(measurement.id), headers=headers).status_code == 404
        put = client.put(f"{_one(measurement.id)}/answers", json={"answers": {"1": 5}}, headers=headers)
        assert put.status_code == 404
        assert client.post(f"{_one(measurement.id)}/complete", headers=headers).status_code == 404
    session.refresh(sibling)
    assert sibling.answers == {"1": 3} and sibling.status == MeasurementStatus.in_progress
    assert client.get(_one(uuid.uuid4()), headers=headers).status_code == 404


def test_a_staff_token_or_no_session_gets_nothing(client: TestClient, session: Session, world: World) -> None:
    measurement = make_measurement(session, world.family, first_member(session, world.family))
    session.commit()
    for headers in ({}, auth(world.supporter)):
        assert client.get(LIST, headers=headers).status_code == 401
        assert client.get(_one(measurement.id), headers=headers).status_code == 401


def test_revoked_or_expired_link_reaches_no_questionnaire(
    client: TestClient, session: Session, world: World
) -> None:
    measurement = make_measurement(session, world.family, first_member(session, world.family), wave=Wave.t0)
    link, token, code = make_link(session, world.family)
    first_member(session, world.family).language = "en"  # the BRS ships with English wording only
    session.commit()
    headers = open_session(client, token, code)
    assert client.get(_one(measurement.id), headers=headers).status_code == 200
    link.expires_at = utcnow()
    session.commit()
    assert client.get(LIST, headers=headers).status_code == 404
    link.expires_at = utcnow().replace(year=utcnow().year + 1)
    link.revoked_at = utcnow()
    session.commit()
    response = client.get(_one(measurement.id), headers=headers)
    assert response.status_code == 404 and response.json()["reason"] == "link_unusable"
    put = client.put(f"{_one(measurement.id)}/answers", json={"answers": {"1": 5}}, headers=headers)
    assert put.status_code == 404
