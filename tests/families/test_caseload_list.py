"""The family list of one caseload is sent as kept statements: the same statement object and text for every
caseload and day, each request's caseload, filters and cursor as parameters; newest first, only the page's
families are counted."""

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, bindparam, select
from sqlalchemy.exc import StatementError
from sqlmodel import Session, col

from api.auth.principal import Principal
from api.core.kept import parameterised
from api.families.listing import FamilyFilters, filtered
from api.models import Family, User
from api.models.base import localtoday
from api.workday.attention import attention_counts, attention_statement
from tests.factories import World, auth, make_family
from tests.plans.factories import make_action, make_goal
from tests.statements import selects_sent


def _principal(user: User) -> Principal:
    return Principal(actor_type="user", id=user.id, role=user.role, organisation_id=user.organisation_id)


def _scope(user: User) -> object:
    return filtered(_principal(user), FamilyFilters()).with_only_columns(col(Family.id))


def test_one_kept_attention_statement_answers_two_caseloads_on_two_days(
    session: Session, world: World
) -> None:
    goal = make_goal(session, world.family, activated_on=localtoday() - timedelta(days=100))
    make_action(session, goal, due_on=localtoday() - timedelta(days=3))
    session.commit()
    mine, theirs = _principal(world.supporter), _principal(world.other_supporter)
    today = localtoday()
    first, _ = attention_statement(session, mine, scope=_scope(world.supporter), today=today)
    second, _ = attention_statement(session, theirs, scope=_scope(world.other_supporter), today=today)
    assert first is second  # SQLAlchemy finds its compiled form without walking the tree again
    counts = {
        (who.id, day): attention_counts(session, who, scope=_scope(user), today=day)
        for who, user in ((mine, world.supporter), (theirs, world.other_supporter))
        for day in (today, today - timedelta(days=30))
    }
    assert set(counts[mine.id, today]) == {world.family.id}  # each caseload its own families, zeros included
    assert set(counts[theirs.id, today]) == {world.other_caseload_family.id}
    now, earlier = counts[mine.id, today][world.family.id], counts[mine.id, today - timedelta(days=30)]
    assert (now.goals, now.actions) == (1, 1)
    assert (earlier[world.family.id].goals, earlier[world.family.id].actions) == (0, 0)
    theirs_now = counts[theirs.id, today][world.other_caseload_family.id]
    assert (theirs_now.alerts, theirs_now.goals, theirs_now.actions) == (0, 0, 0)


def test_two_caseloads_send_the_same_text_with_their_own_values(
    client: TestClient, connection: Connection, session: Session, world: World
) -> None:
    for n in range(3):
        make_family(session, world.organisation, world.other_supporter, display_name=f"Gezin {n}")
    session.commit()
    sent = {
        user.id: selects_sent(client, connection, "/api/v1/families?limit=2", auth(user))[-1]
        for user in (world.supporter, world.other_supporter)
    }
    (mine, _), (theirs, their_values) = sent[world.supporter.id], sent[world.other_supporter.id]
    assert mine == theirs
    assert str(world.supporter.id) not in str(their_values)
    for user, expected in ((world.supporter, 1), (world.other_supporter, 4)):
        listed, cursor = [], None
        while True:
            params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
            page = client.get("/api/v1/families", params=params, headers=auth(user)).json()
            listed += page["items"]
            if not (cursor := page["next_cursor"]):
                break
        assert len(listed) == len({i["id"] for i in listed}) == expected
        assert all(i["supporter_id"] == str(user.id) and i["attention"] is not None for i in listed)
        assert [i["created_at"] for i in listed] == sorted((i["created_at"] for i in listed), reverse=True)


@pytest.mark.parametrize(
    ("params", "whole_caseload"),
    [({}, False), ({"sort": "attention"}, True), ({"attention": "true"}, True)],
)
def test_newest_first_counts_only_the_page(
    client: TestClient, connection: Connection, world: World, params: dict[str, str], whole_caseload: bool
) -> None:
    url = "/api/v1/families?" + "&".join(f"{k}={v}" for k, v in (params | {"limit": "2"}).items())
    statement, _ = selects_sent(client, connection, url, auth(world.supporter))[-1]
    scope = re.search(r"attention_scope AS\s*\((.*?)\)\s*(,|SELECT)", statement, re.DOTALL)
    assert scope is not None
    assert ("LIMIT" in scope.group(1)) is not whole_caseload


def test_a_kept_statement_never_sends_an_earlier_requests_value(session: Session, world: World) -> None:
    statement = select(Family.id).where(Family.supporter_id == world.supporter.id)
    kept, shape, values = parameterised(statement, "scope")
    _, other_shape, other_values = parameterised(
        select(Family.id).where(Family.supporter_id == world.other_supporter.id), "scope"
    )
    assert shape == other_shape and values == {"scope_0": world.supporter.id}
    assert other_values == {"scope_0": world.other_supporter.id}
    assert list(session.execute(kept, other_values).scalars()) == [world.other_caseload_family.id]
    with pytest.raises(StatementError, match="scope_0"):
        session.execute(kept)
    named = select(Family.id).where(Family.supporter_id == bindparam("who", world.supporter.id))
    assert parameterised(named, "scope")[1] == shape


def test_each_filter_on_a_caseload_answers_with_its_own_value(
    client: TestClient, session: Session, world: World
) -> None:
    found = make_family(session, world.organisation, world.supporter, display_name="Gezin Zoekmij")
    session.commit()
    mine = auth(world.supporter)

    def listed(headers: dict[str, str], **params: str) -> list[str]:
        return [
            i["id"] for i in client.get("/api/v1/families", params=params, headers=headers).json()["items"]
        ]

    for sort in ("newest", "attention"):  # the same shape twice in a row, with other values
        assert listed(mine, q="zoekMIJ", sort=sort) == [str(found.id)]
        assert listed(mine, q="%", sort=sort) == []
        assert listed(mine, region_id=str(world.region.id), sort=sort) == [str(world.family.id)]
        assert listed(mine, region_id=str(world.other_org_family.id), sort=sort) == []
        assert listed(mine, supporter_id=str(world.supporter.id), sort=sort) == listed(mine, sort=sort)
        assert listed(mine, supporter_id=str(world.other_supporter.id), sort=sort) == []
        staff = auth(world.coordinator)
        assert listed(staff, supporter_id=str(world.other_supporter.id), sort=sort) == [
            str(world.other_caseload_family.id)
        ]
        assert set(listed(staff, supporter_id=str(world.supporter.id), sort=sort)) == {
            str(world.family.id),
            str(found.id),
        }
        assert (
            listed(auth(world.other_org_coordinator), supporter_id=str(world.supporter.id), sort=sort) == []
        )
