"""The plan routes in the authorization matrix (merged into tests/test_authorization_matrix.py)."""

from sqlmodel import Session

from api.models import Family
from api.models.base import localtoday
from api.models.plans import life_domain_id
from tests.factories import World
from tests.matrix_rules import MATCH_ANY, STAFF, Rule
from tests.plans.factories import make_action, make_goal, make_version

PLAN = "/api/v1/families/{family_id}/plan"


def _goal(session: Session, _: World, family: Family) -> dict[str, str]:
    goal = make_goal(session, family)
    session.commit()
    return {"goal_id": str(goal.id)}


def _action(session: Session, _: World, family: Family) -> dict[str, str]:
    action = make_action(session, make_goal(session, family))
    session.commit()
    return {"action_id": str(action.id)}


def _version(session: Session, world: World, family: Family) -> dict[str, str]:
    make_goal(session, family)
    # Adopted by someone who can read that family (the request under test is made by another role).
    same_org = family.organisation_id == world.organisation.id
    version = make_version(session, family, world.coordinator if same_org else world.other_org_coordinator)
    session.commit()
    return {"number": str(version.number)}


ROUTES: dict[tuple[str, str], Rule] = {
    ("GET", PLAN): Rule(200),
    ("POST", PLAN): Rule(201),
    ("POST", f"{PLAN}/adopt"): Rule(201, params=_goal),
    ("GET", f"{PLAN}/versions"): Rule(200),
    ("GET", f"{PLAN}/versions/compare"): Rule(200),
    ("GET", f"{PLAN}/versions/{{number}}"): Rule(200, params=_version),
    ("GET", f"{PLAN}/gas"): Rule(200),
    ("GET", f"{PLAN}/gas/series"): Rule(200),
    ("POST", f"{PLAN}/goals"): Rule(
        201,
        body=lambda w: {
            "text": "Mama heeft één avond per week voor zichzelf.",
            "life_domain_id": str(life_domain_id("leisure")),
        },
    ),
    ("GET", f"{PLAN}/goals/{{goal_id}}"): Rule(200, params=_goal),
    ("PATCH", f"{PLAN}/goals/{{goal_id}}"): Rule(
        200, params=_goal, body=lambda w: {"priority": 1}, headers=MATCH_ANY
    ),
    ("DELETE", f"{PLAN}/goals/{{goal_id}}"): Rule(204, params=_goal),
    ("GET", f"{PLAN}/goals/{{goal_id}}/scores"): Rule(200, params=_goal),
    ("POST", f"{PLAN}/goals/{{goal_id}}/scores"): Rule(
        201, params=_goal, body=lambda w: {"scored_on": localtoday().isoformat(), "level": 1}
    ),
    ("POST", f"{PLAN}/goals/{{goal_id}}/actions"): Rule(
        201,
        params=_goal,
        body=lambda w: {"description": "Bellen", "owner_type": "person", "owner_name": "Oma"},
    ),
    ("GET", f"{PLAN}/actions"): Rule(200),
    ("PATCH", f"{PLAN}/actions/{{action_id}}"): Rule(
        200, params=_action, body=lambda w: {"due_on": "2026-12-31"}, headers=MATCH_ANY
    ),
    ("DELETE", f"{PLAN}/actions/{{action_id}}"): Rule(204, params=_action),
    ("GET", "/api/v1/life-domains"): Rule(200, kind="global"),
    ("POST", "/api/v1/life-domains"): Rule(
        201,
        kind="global",
        roles=(),  # shared by every organisation: platform operators only (tests/test_tenant_isolation.py)
        body=lambda w: {"code": "zingeving", "label_nl": "Zingeving", "label_en": "Meaning"},
    ),
    ("GET", "/api/v1/evaluation-debt"): Rule(200, kind="global"),
    ("GET", "/api/v1/evaluation-debt/summary"): Rule(200, kind="global", roles=STAFF),
}
