"""Funder routes in the authorization matrix: staff tokens never reach funder routes (401), only
administrators manage clients, and consent follows the family's scope."""

from typing import Any

from sqlmodel import Session

from api.models import Family, Organisation
from tests.factories import World
from tests.funders.factories import make_client
from tests.matrix_rules import Rule

FUNDER = "funder"


def _client_params(session: Session, world: World, family: Family) -> dict[str, str]:
    # The client of the family's organisation: the matrix tries the caller's own and another organisation's.
    organisation = session.get(Organisation, family.organisation_id)
    assert organisation is not None
    client, _ = make_client(session, organisation, [world.region])
    return {"api_client_id": str(client.id)}


def _client_body(world: World) -> dict[str, Any]:
    return {
        "name": "CZ",
        "funder_name": "CZ",
        "region_ids": [str(world.region.id)],
        "scopes": ["outcomes:read"],
    }


ADMIN = ("admin",)
ROUTES: dict[tuple[str, str], Rule] = {
    ("GET", "/api/v1/families/{family_id}/consent"): Rule(200),
    ("PUT", "/api/v1/families/{family_id}/consent"): Rule(
        200, body=lambda w: {"funder_data": True, "research": False, "aggregates_only": False}
    ),
    ("POST", "/api/v1/funder/clients"): Rule(201, kind="global", roles=ADMIN, body=_client_body),
    ("GET", "/api/v1/funder/clients"): Rule(200, kind="global", roles=ADMIN),
    ("POST", "/api/v1/funder/clients/{api_client_id}/rotate-secret"): Rule(
        200, kind="org", roles=ADMIN, params=_client_params
    ),
    ("POST", "/api/v1/funder/clients/{api_client_id}/revoke"): Rule(
        200, kind="org", roles=ADMIN, params=_client_params
    ),
    ("GET", "/api/v1/funder/clients/{api_client_id}/webhooks"): Rule(
        200, kind="org", roles=ADMIN, params=_client_params
    ),
    ("GET", "/api/v1/funder/deliveries"): Rule(200, kind="global", roles=ADMIN),
    ("GET", "/api/v1/funder/outcomes"): Rule(200, kind=FUNDER),
    ("GET", "/api/v1/funder/trajectories"): Rule(200, kind=FUNDER),
    ("GET", "/api/v1/funder/trajectories/{pseudonym}/fhir"): Rule(
        200, kind=FUNDER, params=lambda s, w, f: {"pseudonym": "0" * 32}
    ),
    ("GET", "/api/v1/funder/webhooks"): Rule(200, kind=FUNDER),
    ("POST", "/api/v1/funder/webhooks"): Rule(
        201,
        kind=FUNDER,
        body=lambda w: {"url": "https://hooks.example.nl/x", "event_types": ["plan.adopted"]},
    ),
    ("DELETE", "/api/v1/funder/webhooks/{webhook_endpoint_id}"): Rule(
        204,
        kind=FUNDER,
        params=lambda s, w, f: {"webhook_endpoint_id": "00000000-0000-4000-8000-000000000000"},
    ),
}
