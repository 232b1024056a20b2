"""Every route of the app, against every role and every relation to the data.

A route without an entry in ROUTES fails `test_every_route_is_in_the_table`: add one when you add a route.
"""

import importlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.main import create_app
from api.models import Family, FamilyMember, NetworkContact, Organisation, Role, User
from tests.factories import PASSWORD, World, auth, make_user
from tests.matrix_rules import MATCH_ANY, STAFF, Rule

ROLES = ["anonymous", "supporter", "coordinator", "admin"]
RELATIONS = ["own", "other_caseload", "other_org"]


def _colleague(session: Session, world: World, family: Family) -> dict[str, str]:
    """A supporter of the family's organisation (own, or the other organisation)."""
    user = make_user(session, session.get(Organisation, family.organisation_id), Role.supporter)  # type: ignore[arg-type]
    return {"user_id": str(user.id)}


ROUTES: dict[tuple[str, str], Rule] = {
    # Each domain's own routes are listed in tests/<domain>/matrix.py and merged in below.
    ("GET", "/api/v1/health"): Rule(200, public=True),
    ("GET", "/api/v1/health/ready"): Rule(200, public=True),
    ("POST", "/api/v1/auth/token"): Rule(400, public=True, form={"grant_type": "refresh_token"}),
    ("POST", "/api/v1/auth/logout"): Rule(204, public=True),
    ("GET", "/api/v1/users/me"): Rule(200, kind="global"),
    ("GET", "/api/v1/users"): Rule(200, kind="global", roles=STAFF),
    ("POST", "/api/v1/users"): Rule(
        201,
        kind="global",
        roles=STAFF,
        body=lambda w: {
            "email": "nieuw@example.nl",
            "full_name": "Nieuw",
            "role": "supporter",
            "password": "lange zin als wachtwoord",
        },
    ),
    ("POST", "/api/v1/users/me/password"): Rule(
        200,
        kind="global",
        body=lambda w: {"current_password": PASSWORD, "new_password": "een nieuwe lange zin 42"},
    ),
    ("PATCH", "/api/v1/users/{user_id}"): Rule(
        200, kind="org", roles=("admin",), body=lambda w: {"full_name": "Hernoemd"}, params=_colleague
    ),
    ("POST", "/api/v1/users/{user_id}/reset-password"): Rule(
        200,
        kind="org",
        roles=("admin",),
        body=lambda w: {"new_password": "tijdelijk wachtwoord 2026"},
        params=_colleague,
    ),
    ("GET", "/api/v1/regions"): Rule(200, kind="global"),
    # Regions and life domains are shared by every organisation: no role of a care organisation changes them.
    ("POST", "/api/v1/regions"): Rule(
        201, kind="global", roles=(), body=lambda w: {"name": "Twente", "funder_name": "Menzis"}
    ),
    ("PATCH", "/api/v1/regions/{region_id}"): Rule(
        200, kind="global", roles=(), body=lambda w: {"funder_name": "CZ"}, headers=MATCH_ANY
    ),
    ("GET", "/api/v1/audit-events"): Rule(200, kind="global", roles=("admin",)),
    ("GET", "/api/v1/families"): Rule(200, kind="global"),
    ("POST", "/api/v1/families"): Rule(201, kind="global", body=lambda w: {"display_name": "Gezin Nieuw"}),
    ("GET", "/api/v1/families/{family_id}"): Rule(200),
    ("PATCH", "/api/v1/families/{family_id}"): Rule(
        200, body=lambda w: {"municipality": "Assen"}, headers=MATCH_ANY
    ),
    ("POST", "/api/v1/families/{family_id}/archive"): Rule(200, roles=STAFF),
    ("GET", "/api/v1/families/{family_id}/export"): Rule(200),
    ("GET", "/api/v1/families/{family_id}/access-log"): Rule(200, roles=STAFF),
    ("GET", "/api/v1/families/{family_id}/members"): Rule(200),
    ("POST", "/api/v1/families/{family_id}/members"): Rule(
        201, body=lambda w: {"display_name": "Kees", "role": "parent"}
    ),
    ("PATCH", "/api/v1/families/{family_id}/members/{member_id}"): Rule(
        200, body=lambda w: {"display_name": "Kees"}, headers=MATCH_ANY
    ),
    ("DELETE", "/api/v1/families/{family_id}/members/{member_id}"): Rule(204),
    ("GET", "/api/v1/families/{family_id}/contacts"): Rule(200),
    ("POST", "/api/v1/families/{family_id}/contacts"): Rule(
        201, body=lambda w: {"name": "Oma", "kind": "informal"}
    ),
    ("PATCH", "/api/v1/families/{family_id}/contacts/{contact_id}"): Rule(
        200, body=lambda w: {"name": "Opa"}, headers=MATCH_ANY
    ),
    ("DELETE", "/api/v1/families/{family_id}/contacts/{contact_id}"): Rule(204),
}
for module in sorted(Path(__file__).parent.glob("*/matrix.py")):
    ROUTES |= importlib.import_module(f"tests.{module.parent.name}.matrix").ROUTES


def api_routes() -> set[tuple[str, str]]:
    """Every operation of the contract (every API route is in it; none is hidden from the schema)."""
    paths = create_app().openapi()["paths"]
    return {(method.upper(), path) for path, operations in paths.items() for method in operations}


def test_every_route_is_in_the_table() -> None:
    routes = api_routes()
    assert routes - ROUTES.keys() == set(), "new routes need an entry in ROUTES"
    assert ROUTES.keys() - routes == set(), "ROUTES lists routes that no longer exist"


def _family_for(world: World, relation: str) -> Family:
    return {
        "own": world.family,
        "other_caseload": world.other_caseload_family,
        "other_org": world.other_org_family,
    }[relation]


def _user_for(world: World, role: str) -> User | None:
    return {"supporter": world.supporter, "coordinator": world.coordinator, "admin": world.admin}.get(role)


def _first(session: Session, model: type[FamilyMember] | type[NetworkContact], family: Family) -> str:
    return str(session.exec(select(model.id).where(model.family_id == family.id)).first())


CASES = [
    pytest.param(method, path, role, relation, id=f"{method} {path} {role} {relation}")
    for (method, path), rule in sorted(ROUTES.items())
    for role in ROLES
    for relation in (
        ["own", "other_org"]
        if rule.kind == "org"
        else RELATIONS
        if rule.kind != "global" and not rule.public
        else ["-"]
    )
]


@pytest.mark.parametrize(("method", "path", "role", "relation"), CASES)
def test_route_answers_by_role_and_relation(
    client: TestClient, session: Session, world: World, method: str, path: str, role: str, relation: str
) -> None:
    rule = ROUTES[(method, path)]
    family = _family_for(world, relation if relation != "-" else "own")
    url = path.format(
        family_id=family.id,
        member_id=_first(session, FamilyMember, family),
        contact_id=_first(session, NetworkContact, family),
        region_id=world.region.id,
        **(rule.params(session, world, family) if rule.params else {}),
    )
    user = _user_for(world, role)
    headers = rule.headers | (auth(user) if user else {})
    response = client.request(
        method, url, headers=headers, json=rule.body(world) if rule.body else None, data=rule.form
    )
    assert response.status_code == rule.expected(role, relation), response.text
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"
