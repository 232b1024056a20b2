"""The phone side: link + code, lock-out, expiry, revocation, rate limits, idempotent check-ins, trend."""

import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from api.core.config import get_settings
from api.models import AuditEvent, Checkin, CheckinAlert, CheckinLink
from api.models.base import utcnow
from tests.checkins.factories import (
    CHECKINS_URL,
    SESSION_URL,
    first_member,
    link_header,
    make_checkin,
    make_link,
    open_session,
)
from tests.factories import World, auth

CHECKIN = {"wellbeing": 7, "care_burden": 4, "needs": ["talk"], "message": "Het gaat wel."}


def _submit(client: TestClient, headers: dict[str, str], body: dict[str, object], key: str) -> object:
    return client.post(CHECKINS_URL, json=body, headers=headers | {"Idempotency-Key": key})


def _count(session: Session, model: type, *where: object) -> int:
    return session.exec(select(func.count()).select_from(model).where(*where)).one()  # type: ignore[call-overload]


def test_link_and_code_open_a_session_with_a_friendly_greeting(
    client: TestClient, session: Session, world: World
) -> None:
    link, token, code = make_link(session, world.family)
    session.commit()
    response = client.post(SESSION_URL, json={"code": f"{code[:3]} {code[3:]}"}, headers=link_header(token))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["member_first_name"] == "Sanne"
    assert body["supporter_first_name"] == "Test"
    assert body["token_type"] == "bearer"
    assert 0 < body["expires_in"] <= 12 * 3600
    assert body["last_checkin_at"] is None
    assert response.headers["cache-control"] == "no-store"
    opened = session.exec(
        select(AuditEvent).where(AuditEvent.actor_id == link.id, AuditEvent.action == "open_session")
    ).one()
    assert (opened.actor_type, opened.family_id, opened.outcome) == ("checkin", world.family.id, "success")


def test_check_in_is_stored_once_and_audited(client: TestClient, session: Session, world: World) -> None:
    link, token, code = make_link(session, world.family)
    session.commit()
    headers = open_session(client, token, code)
    first = _submit(client, headers, CHECKIN, "offline-key-0001")
    assert first.status_code == 201, first.text
    assert set(first.json()) == {"id", "checked_in_at", "received_at"}  # nothing personal kept for replays
    again = _submit(client, headers, CHECKIN, "offline-key-0001")
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert _count(session, Checkin, Checkin.link_id == link.id) == 1
    stored = session.exec(select(Checkin).where(Checkin.link_id == link.id)).one()
    assert (stored.wellbeing, stored.care_burden, stored.needs, stored.message) == (
        7,
        4,
        ["talk"],
        "Het gaat wel.",
    )
    created = session.exec(
        select(AuditEvent).where(AuditEvent.action == "create", AuditEvent.object_type == "checkin")
    ).one()
    assert (created.actor_type, created.actor_id, created.object_id) == ("checkin", link.id, stored.id)


def test_same_key_with_another_body_or_no_key_is_refused(
    client: TestClient, session: Session, world: World
) -> None:
    _, token, code = make_link(session, world.family)
    session.commit()
    headers = open_session(client, token, code)
    assert _submit(client, headers, CHECKIN, "key-0000-0002").status_code == 201
    other = _submit(client, headers, CHECKIN | {"wellbeing": 2}, "key-0000-0002")
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "Idempotency-Key"
    missing = client.post(CHECKINS_URL, json=CHECKIN, headers=headers)
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "Idempotency-Key"


def test_check_in_is_validated(client: TestClient, session: Session, world: World) -> None:
    _, token, code = make_link(session, world.family)
    session.commit()
    headers = open_session(client, token, code)
    bad = {"wellbeing": 11, "care_burden": -1, "needs": ["pizza"], "message": "x" * 1001, "extra": 1}
    response = _submit(client, headers, bad, "key-0000-0003")
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"wellbeing", "care_burden", "needs.0", "message", "extra"}
    too_old = CHECKIN | {"checked_in_at": (utcnow() - timedelta(days=31)).isoformat()}
    assert _submit(client, headers, too_old, "key-0000-0004").status_code == 422
    no_zone = CHECKIN | {"checked_in_at": "2026-11-20T21:30:00"}
    response = _submit(client, headers, no_zone, "key-0000-0009")
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "checked_in_at"


def test_a_check_in_kept_offline_keeps_its_own_time(
    client: TestClient, session: Session, world: World
) -> None:
    link, token, code = make_link(session, world.family)
    session.commit()
    made = utcnow() - timedelta(hours=9)
    response = _submit(
        client,
        open_session(client, token, code),
        CHECKIN | {"checked_in_at": made.isoformat()},
        "key-0000-0005",
    )
    assert response.status_code == 201
    stored = session.exec(select(Checkin).where(Checkin.link_id == link.id)).one()
    assert abs((stored.checked_in_at - made).total_seconds()) < 1
    assert stored.received_at > stored.checked_in_at


def test_five_wrong_codes_lock_the_link(client: TestClient, session: Session, world: World) -> None:
    link, token, code = make_link(session, world.family)
    session.commit()
    wrong = "000000" if code != "000000" else "111111"
    for left in (4, 3, 2, 1):
        response = client.post(SESSION_URL, json={"code": wrong}, headers=link_header(token))
        assert response.status_code == 401
        assert response.json()["reason"] == "wrong_code"
        assert response.json()["attempts_left"] == left
    locked = client.post(SESSION_URL, json={"code": wrong}, headers=link_header(token))
    assert locked.status_code == 423
    assert locked.json()["reason"] == "locked"
    assert locked.json()["code"] == "checkin_link_locked"
    right = client.post(SESSION_URL, json={"code": code}, headers=link_header(token))
    assert right.status_code == 423
    session.refresh(link)
    assert link.locked_at is not None and link.failed_attempts == 5
    assert _count(session, AuditEvent, AuditEvent.actor_id == link.id, AuditEvent.action == "lock") == 1


def test_a_right_code_resets_the_count_and_a_malformed_one_is_not_counted(
    client: TestClient, session: Session, world: World
) -> None:
    link, token, code = make_link(session, world.family)
    session.commit()
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(3):
        client.post(SESSION_URL, json={"code": wrong}, headers=link_header(token))
    malformed = client.post(SESSION_URL, json={"code": "12ab"}, headers=link_header(token))
    assert malformed.status_code == 422
    assert malformed.json()["errors"][0]["field"] == "code"
    open_session(client, token, code)
    session.refresh(link)
    assert link.failed_attempts == 0


@pytest.mark.parametrize("state", ["expired", "revoked", "unknown"])
def test_expired_revoked_and_unknown_links_answer_alike(
    client: TestClient, session: Session, world: World, state: str
) -> None:
    link, token, code = make_link(
        session, world.family, expires_in=timedelta(seconds=-1) if state == "expired" else timedelta(days=1)
    )
    if state == "revoked":
        link.revoked_at = utcnow()
    session.commit()
    sent = token if state != "unknown" else token[::-1]
    response = client.post(SESSION_URL, json={"code": code}, headers=link_header(sent))
    assert response.status_code == 404
    body = response.json()
    assert body["reason"] == "link_unusable"
    assert body["code"] == "checkin_link_unusable"  # the phone shows its own words for the code


def test_revoking_ends_an_open_session(client: TestClient, session: Session, world: World) -> None:
    link, token, code = make_link(session, world.family)
    session.commit()
    headers = open_session(client, token, code)
    revoked = client.post(
        f"/api/v1/families/{world.family.id}/checkin-links/{link.id}/revoke", headers=auth(world.supporter)
    )
    assert revoked.status_code == 200
    assert _submit(client, headers, CHECKIN, "key-0000-0006").status_code == 404
    assert client.get(CHECKINS_URL, headers=headers).status_code == 404


def test_no_token_and_a_bad_session_are_401(client: TestClient, session: Session, world: World) -> None:
    no_token = client.post(SESSION_URL, json={"code": "123456"})
    assert no_token.status_code == 401
    assert no_token.json()["reason"] == "no_token"
    bad = client.get(CHECKINS_URL, headers={"Authorization": "Bearer not-a-session"})
    assert bad.status_code == 401
    assert bad.json()["reason"] == "session_expired"
    staff = _submit(client, auth(world.supporter), CHECKIN, "key-0000-0007")
    assert staff.status_code == 401  # a staff access token is not a check-in session


def test_a_check_in_session_reaches_no_family_data(
    client: TestClient, session: Session, world: World
) -> None:
    _, token, code = make_link(session, world.family)
    session.commit()
    headers = open_session(client, token, code)
    for url in (
        "/api/v1/families",
        "/api/v1/users/me",
        f"/api/v1/families/{world.family.id}",
        f"/api/v1/families/{world.family.id}/checkins",
        "/api/v1/checkin-alerts",
    ):
        assert client.get(url, headers=headers).status_code == 401, url
    assert client.get("/api/v1/families", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_trend_shows_only_the_members_own_numbers_oldest_first(
    client: TestClient, session: Session, world: World
) -> None:
    link, token, code = make_link(session, world.family)
    other_link, _, _ = make_link(session, world.other_caseload_family)
    make_checkin(session, link, wellbeing=5, care_burden=6, days_ago=14)
    make_checkin(session, link, wellbeing=6, care_burden=5, days_ago=7)
    make_checkin(session, other_link, wellbeing=1, care_burden=10, days_ago=3)
    session.commit()
    response = client.get(CHECKINS_URL, headers=open_session(client, token, code))
    assert response.status_code == 200
    items = response.json()["items"]
    assert [(i["wellbeing"], i["care_burden"]) for i in items] == [(5, 6), (6, 5)]
    assert set(items[0]) == {"checked_in_at", "wellbeing", "care_burden"}
    read = session.exec(
        select(AuditEvent).where(AuditEvent.actor_id == link.id, AuditEvent.action == "read")
    ).one()
    assert read.family_id == world.family.id


@pytest.mark.parametrize(
    ("previous", "body", "reasons"),
    [
        (None, {"wellbeing": 6, "care_burden": 8}, ["high_care_burden"]),
        (8, {"wellbeing": 5, "care_burden": 3}, ["wellbeing_drop"]),
        (8, {"wellbeing": 6, "care_burden": 7}, []),
        (None, {"wellbeing": 6, "care_burden": 2, "needs": ["call_me"]}, ["asked_for_call"]),
    ],
)
def test_thresholds_raise_an_alert(
    client: TestClient,
    session: Session,
    world: World,
    previous: int | None,
    body: dict[str, object],
    reasons: list[str],
) -> None:
    link, token, code = make_link(session, world.family)
    if previous is not None:
        make_checkin(session, link, wellbeing=previous, days_ago=7)
    session.commit()
    response = _submit(client, open_session(client, token, code), body, "key-0000-0008")
    assert response.status_code == 201
    checkin_id = uuid.UUID(response.json()["id"])
    alert = session.exec(select(CheckinAlert).where(CheckinAlert.checkin_id == checkin_id)).first()
    assert (alert.reasons if alert else []) == reasons
    if alert and previous is not None:
        assert alert.previous_wellbeing == previous


def test_requests_are_limited_per_link(
    client: TestClient, session: Session, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "checkin_max_requests_per_link", 3)
    _, token, code = make_link(session, world.family)
    _, other_token, other_code = make_link(session, world.other_caseload_family)
    session.commit()
    headers = open_session(client, token, code)
    assert client.get(CHECKINS_URL, headers=headers).status_code == 200
    assert client.get(CHECKINS_URL, headers=headers).status_code == 200
    limited = client.get(CHECKINS_URL, headers=headers)
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0
    assert limited.json()["reason"] == "rate_limited"
    assert client.post(SESSION_URL, json={"code": code}, headers=link_header(token)).status_code == 429
    open_session(client, other_token, other_code)  # another link from the same address still works


def test_requests_are_limited_per_address_also_when_refused(
    client: TestClient, session: Session, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "checkin_max_requests_per_address", 3)
    _, token, code = make_link(session, world.family)
    session.commit()
    for n in range(3):  # guessing tokens: each refusal still counts
        assert (
            client.post(SESSION_URL, json={"code": code}, headers=link_header(f"guess-{n}")).status_code
            == 404
        )
    limited = client.post(SESSION_URL, json={"code": code}, headers=link_header(token))
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0


def test_only_hashes_of_token_and_code_are_stored(client: TestClient, session: Session, world: World) -> None:
    member = first_member(session, world.family)
    response = client.post(
        f"/api/v1/families/{world.family.id}/members/{member.id}/checkin-links",
        headers=auth(world.supporter),
    )
    assert response.status_code == 201
    token, code = response.json()["token"], response.json()["code"]
    stored = session.exec(select(CheckinLink)).one()
    values = " ".join(str(v) for v in stored.model_dump().values())
    assert token not in values and code not in values
    open_session(client, token, code)
