"""The business-case routes in the authorization matrix (merged into tests/test_authorization_matrix.py)."""

from datetime import date
from typing import Any

from sqlmodel import Session

from api.business_case.shipped import shipped_model
from api.models import Family
from tests.business_case.factories import cost_event
from tests.factories import World
from tests.matrix_rules import STAFF, Rule

EVENTS = "/api/v1/families/{family_id}/cost-events"


def _edit(_: World) -> dict[str, Any]:
    return {
        "based_on_version": 1,
        "change_note": "Eigen tarieven",
        "model": shipped_model().model_dump(mode="json"),
    }


def _event(session: Session, _: World, family: Family) -> dict[str, str]:
    event = cost_event(session, family, "crisis_respite", date(2026, 3, 1), 2)
    session.commit()
    return {"cost_event_id": str(event.id)}


ROUTES: dict[tuple[str, str], Rule] = {
    ("GET", "/api/v1/business-case"): Rule(200, kind="global", roles=STAFF),
    ("GET", "/api/v1/business-case/model"): Rule(200, kind="global"),
    ("PUT", "/api/v1/business-case/model"): Rule(200, kind="global", roles=("admin",), body=_edit),
    ("GET", "/api/v1/business-case/model/versions"): Rule(200, kind="global"),
    ("GET", EVENTS): Rule(200),
    ("POST", EVENTS): Rule(
        201, body=lambda w: {"factor_code": "crisis_respite", "occurred_on": "2026-03-01", "volume": "2"}
    ),
    ("DELETE", f"{EVENTS}/{{cost_event_id}}"): Rule(204, params=_event),
    ("GET", "/api/v1/funder/business-case"): Rule(200, kind="funder"),
}
