"""The working-day and closure routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from sqlmodel import Session

from api.models import Family, FamilyStatus
from tests.checkins.factories import make_alert, make_link
from tests.factories import World
from tests.matrix_rules import STAFF, Rule


def _alert(session: Session, world: World, family: Family) -> dict[str, str]:
    link, _, _ = make_link(session, family)
    alert = make_alert(session, link)
    session.commit()
    return {"alert_id": str(alert.id)}


def _closed(session: Session, world: World, family: Family) -> dict[str, str]:
    family.status = FamilyStatus.closed
    session.add(family)
    session.commit()
    return {}


ROUTES: dict[tuple[str, str], Rule] = {
    ("GET", "/api/v1/worklist"): Rule(200, kind="global", roles=("supporter",)),
    ("POST", "/api/v1/worklist/alerts/{alert_id}/acknowledge"): Rule(
        200, params=_alert, body=lambda w: {"note": "Teruggebeld."}
    ),
    ("GET", "/api/v1/team"): Rule(200, kind="global", roles=STAFF),
    ("POST", "/api/v1/families/{family_id}/reassign"): Rule(
        200, roles=STAFF, body=lambda w: {"supporter_id": str(w.other_supporter.id)}
    ),
    ("GET", "/api/v1/families/{family_id}/closure"): Rule(200),
    ("POST", "/api/v1/families/{family_id}/closure"): Rule(201, body=lambda w: {"reason": "family_request"}),
    ("POST", "/api/v1/families/{family_id}/reopen"): Rule(
        200, params=_closed, body=lambda w: {"reason": "Nieuwe zorgen."}
    ),
}
