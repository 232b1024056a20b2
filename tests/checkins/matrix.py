"""Check-in routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from sqlmodel import Session

from api.models import Family
from tests.checkins.factories import first_member, make_alert, make_link
from tests.factories import World
from tests.matrix_rules import Rule
from tests.measurements.factories import make_measurement


def _link(session: Session, world: World, family: Family) -> dict[str, str]:
    link, _, _ = make_link(session, family)
    session.commit()
    return {"link_id": str(link.id)}


def _alert(session: Session, world: World, family: Family) -> dict[str, str]:
    link, _, _ = make_link(session, family)
    alert = make_alert(session, link)
    session.commit()
    return {"alert_id": str(alert.id)}


def _measurement(session: Session, world: World, family: Family) -> dict[str, str]:
    measurement = make_measurement(session, family, first_member(session, family))
    session.commit()
    return {"measurement_id": str(measurement.id)}


CHECKIN = {"wellbeing": 6, "care_burden": 5}
QUESTIONNAIRE = "/api/v1/checkin/questionnaires/{measurement_id}"

ROUTES: dict[tuple[str, str], Rule] = {
    ("POST", "/api/v1/families/{family_id}/members/{member_id}/checkin-links"): Rule(201),
    ("GET", "/api/v1/families/{family_id}/checkin-links"): Rule(200),
    ("POST", "/api/v1/families/{family_id}/checkin-links/{link_id}/revoke"): Rule(200, params=_link),
    ("GET", "/api/v1/families/{family_id}/checkins"): Rule(200),
    ("GET", "/api/v1/checkin-alerts"): Rule(200, kind="global"),
    ("POST", "/api/v1/checkin-alerts/{alert_id}/acknowledge"): Rule(200, params=_alert),
    ("GET", "/api/v1/checkin-summary"): Rule(200, kind="global"),
    ("GET", "/api/v1/checkin-alerts/count"): Rule(200, kind="global"),
    # Public: no account. Without a link token or check-in session (and with a staff token) they answer 401.
    ("POST", "/api/v1/checkin/session"): Rule(401, public=True, body=lambda w: {"code": "123456"}),
    ("POST", "/api/v1/checkin/checkins"): Rule(
        401, public=True, body=lambda w: CHECKIN, headers={"Idempotency-Key": "matrix-0000-0001"}
    ),
    ("GET", "/api/v1/checkin/checkins"): Rule(401, public=True),
    ("GET", "/api/v1/checkin/questionnaires"): Rule(401, public=True),
    ("POST", "/api/v1/checkin/questionnaires"): Rule(
        401, public=True, body=lambda w: {"instrument_code": "brs", "wave": "t0"}
    ),
    ("GET", f"{QUESTIONNAIRE}"): Rule(401, public=True, params=_measurement),
    ("PUT", f"{QUESTIONNAIRE}/answers"): Rule(
        401, public=True, params=_measurement, body=lambda w: {"answers": {"1": 3}}
    ),
    ("POST", f"{QUESTIONNAIRE}/complete"): Rule(401, public=True, params=_measurement),
}
