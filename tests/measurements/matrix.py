"""Measurement routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from typing import Any

from sqlmodel import Session, select

from api.models import Family, FamilyMember, Organisation
from tests.factories import World
from tests.matrix_rules import MATCH_ANY, STAFF, Rule
from tests.measurements.factories import brs_answers, make_factor, make_measurement, rating_definition

UWES_ANSWERS = {str(n): 4 for n in range(1, 10)}


def _code(session: Session, world: World, family: Family) -> dict[str, str]:
    return {"code": "brs"}


def _member(session: Session, family: Family) -> FamilyMember:
    member = session.exec(select(FamilyMember).where(FamilyMember.family_id == family.id)).first()
    assert member is not None
    return member


def _measurement(session: Session, world: World, family: Family) -> dict[str, str]:
    measurement = make_measurement(session, family, _member(session, family), answers=brs_answers(3))
    session.commit()
    return {"measurement_id": str(measurement.id)}


def _factor(session: Session, world: World, family: Family) -> dict[str, str]:
    # A factor of the family's organisation: the matrix tries the caller's own and another organisation's.
    organisation = session.get(Organisation, family.organisation_id)
    assert organisation is not None
    factor = make_factor(session, organisation)
    session.commit()
    # the body callable only sees the world, so hand it the factor id this way
    world.__dict__["matrix_factor_id"] = str(factor.id)
    return {"factor_id": str(factor.id)}


def _start(world: World) -> dict[str, Any]:
    return {
        "instrument_code": "brs",
        "wave": "t0",
        "respondent_member_id": world.__dict__["matrix_member_id"],
    }


def _own_member(session: Session, world: World, family: Family) -> dict[str, str]:
    world.__dict__["matrix_member_id"] = str(_member(session, family).id)
    return {}


ROUTES: dict[tuple[str, str], Rule] = {
    ("GET", "/api/v1/instruments"): Rule(200, kind="global"),
    ("GET", "/api/v1/instruments/{code}"): Rule(200, kind="global", params=_code),
    ("POST", "/api/v1/instruments"): Rule(
        201, kind="global", roles=("admin",), body=lambda w: rating_definition("matrix_rating")
    ),
    ("PUT", "/api/v1/instruments/{code}"): Rule(
        200,
        kind="global",
        roles=("admin",),
        params=_code,
        body=lambda w: rating_definition("brs", "family_member"),
    ),
    ("GET", "/api/v1/factors"): Rule(200, kind="global"),
    ("POST", "/api/v1/factors"): Rule(
        201,
        kind="global",
        roles=("admin",),
        body=lambda w: {
            "code": "matrix_factor",
            "kind": "hindering",
            "label_nl": "Iets",
            "label_en": "Something",
        },
    ),
    ("PATCH", "/api/v1/factors/{factor_id}"): Rule(
        200,
        kind="org",
        roles=("admin",),
        params=_factor,
        body=lambda w: {"label_en": "X"},
        headers=MATCH_ANY,
    ),
    ("GET", "/api/v1/families/{family_id}/measurement-plan"): Rule(200),
    ("GET", "/api/v1/families/{family_id}/measurements"): Rule(200),
    ("POST", "/api/v1/families/{family_id}/measurements"): Rule(201, params=_own_member, body=_start),
    ("GET", "/api/v1/families/{family_id}/measurements/{measurement_id}"): Rule(200, params=_measurement),
    ("PUT", "/api/v1/families/{family_id}/measurements/{measurement_id}/answers"): Rule(
        200, params=_measurement, body=lambda w: {"answers": {"1": 4}}
    ),
    ("POST", "/api/v1/families/{family_id}/measurements/{measurement_id}/complete"): Rule(
        200, params=_measurement
    ),
    ("GET", "/api/v1/families/{family_id}/outcomes"): Rule(200),
    ("GET", "/api/v1/families/{family_id}/factors"): Rule(200),
    ("POST", "/api/v1/families/{family_id}/factors"): Rule(
        201,
        params=_factor,
        body=lambda w: {"factor_id": w.__dict__["matrix_factor_id"], "note": "Lange wachtlijst"},
    ),
    ("GET", "/api/v1/measurements/due"): Rule(200, kind="global"),
    ("GET", "/api/v1/outcomes/cohort"): Rule(200, kind="global", roles=STAFF),
    ("GET", "/api/v1/me/work-engagement"): Rule(200, kind="global", roles=("supporter",)),
    ("POST", "/api/v1/me/work-engagement"): Rule(
        201, kind="global", roles=("supporter",), body=lambda w: {"answers": UWES_ANSWERS}
    ),
    ("GET", "/api/v1/work-engagement/summary"): Rule(200, kind="global", roles=STAFF),
}
