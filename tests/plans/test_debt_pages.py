"""Evaluation debt at any size: the list pages by family, the summary by supporter, one audit write each."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.core.pagination import encode_key
from api.models import Role
from api.models.base import localtoday
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_family, make_member, make_user
from tests.plans.factories import make_action, make_goal

TODAY = localtoday()
LONG_AGO = TODAY - timedelta(days=400)


def _families_with_debt(session: Session, world: World, count: int) -> set[str]:
    texts = set()
    for n in range(count):
        family = make_family(session, world.organisation, world.supporter, started_on=LONG_AGO)
        make_member(session, family)
        goal = make_goal(session, family, text=f"Doel {n}", activated_on=LONG_AGO)
        make_action(session, goal, description=f"Actie {n}", due_on=TODAY - timedelta(days=n + 1))
        texts |= {f"Doel {n}", f"Actie {n}"}
    session.commit()
    return texts


def _walk(client: TestClient, url: str, headers: dict[str, str], **params: object) -> list[dict]:  # type: ignore[type-arg]
    pages, cursor = [], None
    while True:
        response = client.get(
            url, params={**params, **({"cursor": cursor} if cursor else {})}, headers=headers
        )
        assert response.status_code == 200, response.text
        pages.append(response.json())
        cursor = pages[-1]["next_cursor"]
        if cursor is None:
            return pages


def test_the_debt_list_pages_by_family_and_misses_nothing(
    client: TestClient, session: Session, world: World
) -> None:
    texts = _families_with_debt(session, world, 5)
    headers = auth(world.coordinator)
    whole = client.get("/api/v1/evaluation-debt", headers=headers).json()
    assert whole["next_cursor"] is None and texts <= {i["text"] for i in whole["items"]}
    pages = _walk(client, "/api/v1/evaluation-debt", headers, limit=2)
    assert len(pages) >= 3
    seen = [(i["kind"], i["goal_id"], i["action_id"]) for p in pages for i in p["items"]]
    assert sorted(seen, key=str) == sorted(
        ((i["kind"], i["goal_id"], i["action_id"]) for i in whole["items"]), key=str
    )
    assert len(seen) == len(set(seen))  # no item on two pages
    measured = [(m["family_id"], m["instrument_code"], m["wave"]) for p in pages for m in p["measurements"]]
    assert len(measured) == len(whole["measurements"]) > 0
    for page in pages:  # each page is ordered longest overdue first
        assert [i["days"] for i in page["items"]] == sorted((i["days"] for i in page["items"]), reverse=True)


def test_the_summary_pages_by_supporter_and_counts_the_unassigned_last(
    client: TestClient, session: Session, world: World
) -> None:
    _families_with_debt(session, world, 2)
    for _ in range(3):
        make_user(session, world.organisation, Role.supporter)
    unassigned = make_family(session, world.organisation, None)
    make_goal(session, unassigned, activated_on=LONG_AGO)
    session.commit()
    pages = _walk(client, "/api/v1/evaluation-debt/summary", auth(world.coordinator), limit=2)
    rows = [r for p in pages for r in p["supporters"]]
    ids = [r["supporter_id"] for r in rows]
    assert len(ids) == len(set(ids)) and len(pages) >= 3
    assert ids[-1] is None and None not in [r["supporter_id"] for p in pages[:-1] for r in p["supporters"]]
    assert rows[-1]["goals_without_score"] == 1
    named = [r["supporter_name"] for r in rows[:-1]]
    assert named == sorted(named)
    mine = next(r for r in rows if r["supporter_id"] == str(world.supporter.id))
    assert mine["families"] >= 2 and mine["overdue_actions"] >= 2


def test_debt_writes_one_audit_statement_per_request(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    _families_with_debt(session, world, 4)
    headers = auth(world.coordinator)
    client.get("/api/v1/evaluation-debt", headers=headers)  # the instrument catalogue is made on first use
    for url in ("/api/v1/evaluation-debt", "/api/v1/evaluation-debt/summary", "/api/v1/families?limit=100"):
        before = count_queries.count
        assert client.get(url, headers=headers).status_code == 200
        audits = [
            s for s in count_queries.statements[before:] if s.lstrip().startswith("INSERT INTO audit_event")
        ]
        assert len(audits) == 1, (url, audits)


@pytest.mark.parametrize(
    "cursor", ["bm90LWEtY3Vyc29y", encode_key("Ann", "not-an-id"), encode_key(["Ann"], 1)]
)
def test_a_foreign_cursor_is_refused(client: TestClient, world: World, cursor: str) -> None:
    response = client.get(
        "/api/v1/evaluation-debt/summary", params={"cursor": cursor}, headers=auth(world.coordinator)
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "cursor"
