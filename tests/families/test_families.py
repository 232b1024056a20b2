"""Families: create, list with filters and keyset pages, read, change with If-Match, status moves, archive."""

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from api.core.pagination import encode_key
from api.models import AuditEvent, Family, FamilyStatus, Plan
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_family, make_member

URL = "/api/v1/families"


def test_create_needs_only_a_name_and_generates_a_reference(
    client: TestClient, session: Session, world: World
) -> None:
    response = client.post(URL, json={"display_name": "Gezin Yilmaz"}, headers=auth(world.supporter))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["reference"].startswith("BG-")
    assert body["status"] == "intake"
    assert body["supporter_id"] == str(world.supporter.id)  # a supporter's new family is on their caseload
    assert response.headers["etag"] == '"1"'
    # One family, one plan: the living plan exists from enrolment on (not only after a first GET).
    assert session.exec(select(Plan).where(Plan.family_id == uuid.UUID(body["id"]))).one()


def test_create_validates_every_field(client: TestClient, world: World) -> None:
    response = client.post(
        URL,
        json={"display_name": "x" * 201, "family_type": "nonsense", "owner": "me", "target_groups": ["zzz"]},
        headers=auth(world.coordinator),
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"display_name", "family_type", "owner", "target_groups.0"}


def test_a_supporters_family_without_supporter_is_theirs(client: TestClient, world: World) -> None:
    body = {"display_name": "Gezin Null", "supporter_id": None}
    response = client.post(URL, json=body, headers=auth(world.supporter))
    assert response.status_code == 201
    assert response.json()["supporter_id"] == str(world.supporter.id)


def test_supporter_cannot_put_a_family_on_another_caseload(client: TestClient, world: World) -> None:
    response = client.post(
        URL,
        json={"display_name": "Gezin X", "supporter_id": str(world.other_supporter.id)},
        headers=auth(world.supporter),
    )
    assert response.status_code == 403


def test_coordinator_assigns_only_supporters_of_the_organisation(client: TestClient, world: World) -> None:
    ok = client.post(
        URL,
        json={"display_name": "Gezin X", "supporter_id": str(world.other_supporter.id)},
        headers=auth(world.coordinator),
    )
    assert ok.status_code == 201
    assert ok.json()["supporter_name"] == world.other_supporter.full_name
    wrong = client.post(
        URL,
        json={"display_name": "Gezin Y", "supporter_id": str(world.other_org_coordinator.id)},
        headers=auth(world.coordinator),
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "supporter_id"


def test_duplicate_reference_is_a_conflict(client: TestClient, world: World) -> None:
    body = {"display_name": "Gezin X", "reference": "REF-1"}
    assert client.post(URL, json=body, headers=auth(world.coordinator)).status_code == 201
    assert client.post(URL, json=body, headers=auth(world.coordinator)).status_code == 409


def test_idempotency_key_replays_the_first_answer(client: TestClient, session: Session, world: World) -> None:
    headers = auth(world.supporter) | {"Idempotency-Key": "create-family-0001"}
    first = client.post(URL, json={"display_name": "Gezin Retry"}, headers=headers)
    again = client.post(URL, json={"display_name": "Gezin Retry"}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    count = session.exec(
        select(func.count()).select_from(Family).where(Family.display_name == "Gezin Retry")
    ).one()
    assert count == 1
    other_body = client.post(URL, json={"display_name": "Gezin Anders"}, headers=headers)
    assert other_body.status_code == 422
    assert other_body.json()["errors"][0]["field"] == "Idempotency-Key"


def test_list_shows_the_callers_scope(client: TestClient, world: World) -> None:
    mine = client.get(URL, headers=auth(world.supporter)).json()["items"]
    assert [f["id"] for f in mine] == [str(world.family.id)]
    staff = {f["id"] for f in client.get(URL, headers=auth(world.coordinator)).json()["items"]}
    assert staff == {str(world.family.id), str(world.other_caseload_family.id)}


def test_list_filters(client: TestClient, session: Session, world: World) -> None:
    make_family(
        session, world.organisation, world.supporter, display_name="Gezin Zoekmij", status=FamilyStatus.active
    )
    session.commit()
    headers = auth(world.coordinator)
    by_text = client.get(URL, params={"q": "zoekMIJ"}, headers=headers).json()["items"]
    assert [f["display_name"] for f in by_text] == ["Gezin Zoekmij"]
    by_reference = client.get(URL, params={"q": world.family.reference}, headers=headers).json()["items"]
    assert [f["id"] for f in by_reference] == [str(world.family.id)]
    assert client.get(URL, params={"q": "%"}, headers=headers).json()["items"] == []
    active = client.get(URL, params={"status": "active"}, headers=headers).json()["items"]
    assert [f["display_name"] for f in active] == ["Gezin Zoekmij"]
    by_supporter = client.get(
        URL, params={"supporter_id": str(world.other_supporter.id)}, headers=headers
    ).json()
    assert [f["id"] for f in by_supporter["items"]] == [str(world.other_caseload_family.id)]
    by_region = client.get(URL, params={"region_id": str(world.region.id)}, headers=headers).json()
    assert [f["id"] for f in by_region["items"]] == [str(world.family.id)]


def test_pages_neither_repeat_nor_skip_while_families_are_added(
    client: TestClient, session: Session, world: World
) -> None:
    for n in range(7):
        make_family(session, world.organisation, world.supporter, display_name=f"Gezin {n}")
    session.commit()
    headers = auth(world.supporter)
    expected = {f["id"] for f in client.get(URL, params={"limit": 100}, headers=headers).json()["items"]}
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, object] = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = client.get(URL, params=params, headers=headers).json()
        seen += [f["id"] for f in page["items"]]
        client.post(URL, json={"display_name": "Gezin Tussendoor"}, headers=headers)  # added meanwhile
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == len(expected)
    assert set(seen) == expected


def test_limit_and_cursor_are_validated(client: TestClient, world: World) -> None:
    too_many = client.get(URL, params={"limit": 101}, headers=auth(world.supporter))
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["field"] == "limit"
    bad_cursor = client.get(URL, params={"cursor": "not-a-cursor"}, headers=auth(world.supporter))
    assert bad_cursor.status_code == 422
    for key in (("x", "2026-01-01", "y"), (1, "yesterday", world.family.id), (1, "2026-01-01", 5)):
        by_attention = {"sort": "attention", "cursor": encode_key(*key)}
        refused = client.get(URL, params=by_attention, headers=auth(world.supporter))
        assert (refused.status_code, refused.json()["code"]) == (422, "invalid_cursor"), key


def test_read_carries_etag_and_people(client: TestClient, world: World) -> None:
    response = client.get(f"{URL}/{world.family.id}", headers=auth(world.supporter))
    assert response.headers["etag"] == '"1"'
    assert [m["display_name"] for m in response.json()["members"]] == ["Sanne"]
    assert len(response.json()["contacts"]) == 1


def test_patch_needs_if_match_and_refuses_stale_versions(client: TestClient, world: World) -> None:
    url, headers = f"{URL}/{world.family.id}", auth(world.supporter)
    assert client.patch(url, json={"municipality": "Assen"}, headers=headers).status_code == 428
    etag = client.get(url, headers=headers).headers["etag"]
    first = client.patch(url, json={"municipality": "Assen"}, headers=headers | {"If-Match": etag})
    assert first.status_code == 200
    assert first.json()["municipality"] == "Assen"
    assert first.headers["etag"] == '"2"'
    stale = client.patch(url, json={"municipality": "Emmen"}, headers=headers | {"If-Match": etag})
    assert stale.status_code == 412
    assert client.get(url, headers=headers).json()["municipality"] == "Assen"


def test_reassigning_updates_the_supporter_name(client: TestClient, world: World) -> None:
    url, headers = f"{URL}/{world.family.id}", auth(world.coordinator)
    response = client.patch(
        url, json={"supporter_id": str(world.other_supporter.id)}, headers=headers | {"If-Match": '"1"'}
    )
    assert response.json()["supporter_name"] == world.other_supporter.full_name
    assert client.get(url, headers=auth(world.supporter)).status_code == 404


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        (["active", "phasing_out", "closed"], True),
        (["active", "phasing_out", "active"], True),
        (["phasing_out"], False),
        (["closed"], False),
        (["active", "intake"], False),
        (["active", "phasing_out", "closed", "active"], False),
    ],
)
def test_status_moves_along_its_path(
    client: TestClient, world: World, path: list[str], allowed: bool
) -> None:
    url, headers = f"{URL}/{world.family.id}", auth(world.supporter)
    responses = []
    for status in path:
        etag = client.get(url, headers=headers).headers["etag"]
        responses.append(client.patch(url, json={"status": status}, headers=headers | {"If-Match": etag}))
    assert all(r.status_code == 200 for r in responses[:-1])
    last = responses[-1]
    assert last.status_code == (200 if allowed else 409), last.text
    if not allowed:
        assert last.json()["code"] == "family_status_transition"


def test_closing_sets_the_end_date(client: TestClient, session: Session, world: World) -> None:
    family = make_family(session, world.organisation, world.supporter, status=FamilyStatus.phasing_out)
    session.commit()
    response = client.patch(
        f"{URL}/{family.id}", json={"status": "closed"}, headers=auth(world.supporter) | {"If-Match": '"1"'}
    )
    assert response.json()["ended_on"] is not None


def test_archive_hides_but_keeps(client: TestClient, session: Session, world: World) -> None:
    response = client.post(f"{URL}/{world.family.id}/archive", headers=auth(world.coordinator))
    assert response.status_code == 200
    assert response.json()["archived_at"] is not None
    listed = client.get(URL, headers=auth(world.coordinator)).json()["items"]
    assert str(world.family.id) not in {f["id"] for f in listed}
    with_archive = client.get(URL, params={"include_archived": True}, headers=auth(world.coordinator)).json()
    assert str(world.family.id) in {f["id"] for f in with_archive["items"]}
    assert session.get(Family, world.family.id) is not None
    etag = client.get(f"{URL}/{world.family.id}", headers=auth(world.coordinator)).headers["etag"]
    changed = client.patch(
        f"{URL}/{world.family.id}",
        json={"municipality": "X"},
        headers=auth(world.coordinator) | {"If-Match": etag},
    )
    assert changed.status_code == 409


def test_there_is_no_hard_delete(client: TestClient, world: World) -> None:
    assert client.delete(f"{URL}/{world.family.id}", headers=auth(world.admin)).status_code == 405


def test_export_holds_everything_and_is_audited(client: TestClient, session: Session, world: World) -> None:
    response = client.get(f"{URL}/{world.family.id}/export", headers=auth(world.supporter))
    assert response.json()["family"]["members"][0]["display_name"] == "Sanne"
    actions = session.exec(select(AuditEvent.action).where(AuditEvent.family_id == world.family.id)).all()
    assert "export" in actions


def test_listing_takes_a_fixed_number_of_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    headers = auth(world.supporter)
    client.get(URL, headers=headers)  # the organisation's instrument catalogue is copied on first use
    session.refresh(world.supporter)  # as make_family does below: the caller is in the session either way
    counts = []
    for extra in (0, 20):
        for n in range(extra):
            make_member(
                session, make_family(session, world.organisation, world.supporter, display_name=f"G{n}")
            )
        session.commit()
        before = count_queries.count
        page = client.get(URL, params={"limit": 100}, headers=headers).json()
        assert len(page["items"]) == 1 + extra
        counts.append(count_queries.count - before)
    assert counts[0] == counts[1], counts


def test_reading_a_family_takes_a_fixed_number_of_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    headers, url, family = auth(world.supporter), f"{URL}/{world.family.id}", world.family
    client.get(url, headers=headers)  # warm-up: every later request starts uncached
    before = count_queries.count
    client.get(url, headers=headers)
    small = count_queries.count - before
    for n in range(15):
        make_member(session, family, name=f"Kind {n}")
    session.commit()
    before = count_queries.count
    assert len(client.get(url, headers=headers).json()["members"]) == 16
    assert count_queries.count - before == small, count_queries.statements[-8:]


def test_unknown_family_is_404_problem(client: TestClient, world: World) -> None:
    response = client.get(f"{URL}/{uuid.uuid4()}", headers=auth(world.admin))
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
