"""Actions: owners of every kind, due and overdue, agreement at the table, and confirmation by a meeting."""

import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.core.errors import NotFound
from api.models import ActionStatus, GoalStatus
from api.models.base import localtoday
from api.plans.actions import confirm_actions
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_contact, make_member
from tests.plans.factories import make_action, make_goal, principal_of

PAST, FUTURE = localtoday() - timedelta(days=10), localtoday() + timedelta(days=10)


def _url(world: World, tail: str = "") -> str:
    return f"/api/v1/families/{world.family.id}/plan{tail}"


def test_owners_of_every_kind(client: TestClient, session: Session, world: World) -> None:
    goal = make_goal(session, world.family)
    member, contact = (
        make_member(session, world.family, "Linda"),
        make_contact(session, world.family, "Oma Riet"),
    )
    session.commit()
    url, headers = _url(world, f"/goals/{goal.id}/actions"), auth(world.supporter)
    owners = [
        ({"owner_type": "member", "owner_id": str(member.id)}, "Linda"),
        ({"owner_type": "contact", "owner_id": str(contact.id)}, "Oma Riet"),
        ({"owner_type": "supporter", "owner_id": str(world.supporter.id)}, world.supporter.full_name),
        ({"owner_type": "person", "owner_name": "Meester Jan"}, "Meester Jan"),
    ]
    for owner, name in owners:
        response = client.post(
            url, json={"description": "Iets doen", "due_on": FUTURE.isoformat()} | owner, headers=headers
        )
        assert response.status_code == 201, response.text
        action = response.json()
        assert action["owner_name"] == name and action["owner_type"] == owner["owner_type"]
        assert action["agreed_at_table"] is False and action["status"] == "open"
        assert response.headers["etag"] == '"1"'


@pytest.mark.parametrize(
    "owner",
    [
        {"owner_type": "person"},
        {"owner_type": "person", "owner_name": "Jan", "owner_id": str(uuid.uuid4())},
        {"owner_type": "member"},
        {"owner_type": "member", "owner_id": str(uuid.uuid4())},
        {"owner_type": "contact", "owner_name": "Oma"},
        {"owner_type": "supporter", "owner_id": str(uuid.uuid4())},
        {"owner_type": "nobody", "owner_name": "X"},
    ],
)
def test_owners_are_checked(
    client: TestClient, session: Session, world: World, owner: dict[str, str]
) -> None:
    goal = make_goal(session, world.family)
    session.commit()
    response = client.post(
        _url(world, f"/goals/{goal.id}/actions"),
        json={"description": "Iets"} | owner,
        headers=auth(world.supporter),
    )
    assert response.status_code == 422, response.text


def test_owner_from_another_family_or_organisation_is_refused(
    client: TestClient, session: Session, world: World
) -> None:
    goal = make_goal(session, world.family)
    stranger = make_member(session, world.other_caseload_family, "Vreemd")
    session.commit()
    url, headers = _url(world, f"/goals/{goal.id}/actions"), auth(world.supporter)
    member = client.post(
        url, json={"description": "x", "owner_type": "member", "owner_id": str(stranger.id)}, headers=headers
    )
    assert member.status_code == 422
    user = client.post(
        url,
        json={"description": "x", "owner_type": "supporter", "owner_id": str(world.other_org_coordinator.id)},
        headers=headers,
    )
    assert user.status_code == 422


def test_list_with_due_overdue_and_filters(client: TestClient, session: Session, world: World) -> None:
    goal = make_goal(session, world.family)
    late = make_action(session, goal, description="Te laat", due_on=PAST)
    make_action(session, goal, description="Op tijd", due_on=FUTURE)
    make_action(session, goal, description="Klaar", due_on=PAST, status=ActionStatus.done)
    make_action(session, goal, description="Aan tafel", agreed=True)
    session.commit()
    headers = auth(world.supporter)
    listed = client.get(_url(world, "/actions"), headers=headers).json()
    assert [a["description"] for a in listed] == ["Te laat", "Klaar", "Op tijd", "Aan tafel"]
    assert {a["description"]: a["is_overdue"] for a in listed} == {
        "Te laat": True, "Klaar": False, "Op tijd": False, "Aan tafel": False
    }  # fmt: skip
    overdue = client.get(_url(world, "/actions"), params={"overdue": True}, headers=headers).json()
    assert [a["id"] for a in overdue] == [str(late.id)]
    agreed = client.get(_url(world, "/actions"), params={"agreed": True}, headers=headers).json()
    assert [a["description"] for a in agreed] == ["Aan tafel"]
    done = client.get(_url(world, "/actions"), params={"status": "done"}, headers=headers).json()
    assert [a["description"] for a in done] == ["Klaar"]


def test_listing_takes_a_fixed_number_of_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    goal = make_goal(session, world.family)
    member, contact = make_member(session, world.family), make_contact(session, world.family)
    session.commit()
    client.get(_url(world, "/actions"), headers=auth(world.supporter))  # warm up
    counts = []
    for _ in range(2):
        for _ in range(4):
            for owner in (
                {"owner_type": "member", "owner_id": str(member.id)},
                {"owner_type": "contact", "owner_id": str(contact.id)},
            ):
                client.post(
                    _url(world, f"/goals/{goal.id}/actions"),
                    json={"description": "x"} | owner,
                    headers=auth(world.supporter),
                )
        before = count_queries.count
        client.get(_url(world, "/actions"), headers=auth(world.supporter))
        counts.append(count_queries.count - before)
    assert counts[0] == counts[1]


def test_done_sets_the_completion_date_and_keeps_agreement(
    client: TestClient, session: Session, world: World
) -> None:
    action = make_action(session, make_goal(session, world.family), agreed=True)
    session.commit()
    response = client.patch(
        _url(world, f"/actions/{action.id}"),
        json={"status": "done"},
        headers=auth(world.supporter) | {"If-Match": '"1"'},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["completed_on"] == localtoday().isoformat() and body["agreed_at_table"] is True
    assert response.headers["etag"] == '"2"'


def test_changing_what_who_or_when_needs_the_table_again(
    client: TestClient, session: Session, world: World
) -> None:
    action = make_action(session, make_goal(session, world.family), agreed=True, due_on=FUTURE)
    session.commit()
    url, headers = _url(world, f"/actions/{action.id}"), auth(world.supporter)
    same = client.patch(url, json={"due_on": FUTURE.isoformat()}, headers=headers | {"If-Match": '"1"'})
    assert same.json()["agreed_at_table"] is True  # nothing really changed
    moved = client.patch(url, json={"due_on": "2027-03-01"}, headers=headers | {"If-Match": '"2"'})
    assert moved.json()["agreed_at_table"] is False and moved.json()["agreed_at_meeting_id"] is None


def test_owner_is_changed_as_a_whole(client: TestClient, session: Session, world: World) -> None:
    action = make_action(session, make_goal(session, world.family))
    session.commit()
    url, headers = _url(world, f"/actions/{action.id}"), auth(world.supporter)
    partial = client.patch(url, json={"owner_name": "Opa"}, headers=headers | {"If-Match": "*"})
    assert partial.status_code == 422
    whole = client.patch(
        url,
        json={"owner_type": "supporter", "owner_id": str(world.supporter.id)},
        headers=headers | {"If-Match": "*"},
    )
    assert whole.status_code == 200 and whole.json()["owner_name"] == world.supporter.full_name


def test_move_an_action_to_another_goal(client: TestClient, session: Session, world: World) -> None:
    action = make_action(session, make_goal(session, world.family))
    other = make_goal(session, world.family, text="Ander doel")
    stopped = make_goal(session, world.family, text="Gestopt", status=GoalStatus.discontinued)
    session.commit()
    url, headers = _url(world, f"/actions/{action.id}"), auth(world.supporter)
    assert (
        client.patch(url, json={"goal_id": str(stopped.id)}, headers=headers | {"If-Match": "*"}).status_code
        == 409
    )
    moved = client.patch(url, json={"goal_id": str(other.id)}, headers=headers | {"If-Match": "*"})
    assert moved.json()["goal_id"] == str(other.id)


def test_patch_needs_if_match(client: TestClient, session: Session, world: World) -> None:
    action = make_action(session, make_goal(session, world.family))
    session.commit()
    url = _url(world, f"/actions/{action.id}")
    assert client.patch(url, json={"description": "x"}, headers=auth(world.supporter)).status_code == 428
    assert (
        client.patch(
            url, json={"description": "x"}, headers=auth(world.supporter) | {"If-Match": '"9"'}
        ).status_code
        == 412
    )


def test_only_unagreed_actions_are_deleted(client: TestClient, session: Session, world: World) -> None:
    goal = make_goal(session, world.family)
    loose, agreed = make_action(session, goal), make_action(session, goal, agreed=True)
    session.commit()
    headers = auth(world.supporter)
    assert client.delete(_url(world, f"/actions/{agreed.id}"), headers=headers).status_code == 409
    assert client.delete(_url(world, f"/actions/{loose.id}"), headers=headers).status_code == 204
    assert client.delete(_url(world, f"/actions/{loose.id}"), headers=headers).status_code == 404


def test_confirm_actions_marks_them_agreed_at_the_meeting(session: Session, world: World) -> None:
    goal = make_goal(session, world.family)
    first, second = make_action(session, goal), make_action(session, goal)
    meeting_id = uuid.uuid4()
    confirmed = confirm_actions(
        session,
        principal_of(world.supporter),
        family_id=world.family.id,
        action_ids=[first.id, second.id],
        meeting_id=meeting_id,
    )
    assert {a.id for a in confirmed} == {first.id, second.id}
    assert all(a.agreed_at_table and a.agreed_at_meeting_id == meeting_id for a in confirmed)
    assert first.version == 2


def test_confirm_actions_refuses_actions_of_other_families(session: Session, world: World) -> None:
    foreign = make_action(session, make_goal(session, world.other_caseload_family))
    with pytest.raises(NotFound):
        confirm_actions(
            session,
            principal_of(world.supporter),
            family_id=world.family.id,
            action_ids=[foreign.id],
            meeting_id=None,
        )
    with pytest.raises(NotFound):  # the family itself is out of the supporter's reach
        confirm_actions(
            session,
            principal_of(world.supporter),
            family_id=world.other_caseload_family.id,
            action_ids=[foreign.id],
            meeting_id=None,
        )


def test_actions_need_login_and_scope(client: TestClient, session: Session, world: World) -> None:
    assert client.get(_url(world, "/actions")).status_code == 401
    other = f"/api/v1/families/{world.other_org_family.id}/plan/actions"
    assert client.get(other, headers=auth(world.admin)).status_code == 404
