"""A small hand-checkable model and helpers shared by the business-case tests."""

from datetime import date
from typing import Any

from sqlmodel import Session

from api.models import CostEvent, Family, FamilyStatus, FamilyType, Organisation, User
from tests.factories import make_family


def small_model(**changes: Any) -> dict[str, Any]:
    """Two types, three factors, two payers; every figure is checked by hand in test_calculation.py.

    child_pimd:        crisis 10 → 4 days x €300 = €1,800; sick leave 20 → 5 days x €200 = €3,000;
                       gp 6 → 6 x €40 = €0.  Gross €4,800; support 40 h x €80 = €3,200; net €1,600.
    child_id_parents:  crisis 5 → 2 days x €300 = €900; gp 10 → 4 x €40 = €240.
                       Gross €1,140; support 10 h x €80 = €800; net €340.
    """
    model: dict[str, Any] = {
        "name": "Testmodel",
        "is_example": False,
        "notice_nl": "",
        "notice_en": "",
        "price_year": 2026,
        "support_payer": "wlz",
        "payers": [
            {"code": "wlz", "name_nl": "Wlz / zorgkantoor", "name_en": "Wlz"},
            {"code": "uwv", "name_nl": "UWV / werkgever", "name_en": "UWV"},
        ],
        "family_types": [
            {
                "code": "child_pimd",
                "name_nl": "EMB",
                "name_en": "PIMD",
                "support_hours_per_year": "40",
                "hourly_rate": "80.00",
            },
            {
                "code": "child_id_parents",
                "name_nl": "LVB",
                "name_en": "ID",
                "support_hours_per_year": "10",
                "hourly_rate": "80.00",
            },
        ],
        "cost_factors": [
            _factor("crisis", "wlz", "day", "300", "200", "400"),
            _factor("sick_leave", "uwv", "day", "200", "150", "250"),
            _factor("gp", "wlz", "occurrence", "40", "40", "40"),
        ],
        "assumptions": [
            _assumption("child_pimd", "crisis", "10", "4"),
            _assumption("child_pimd", "sick_leave", "20", "5"),
            _assumption("child_pimd", "gp", "6", "6"),
            _assumption("child_id_parents", "crisis", "5", "2"),
            _assumption("child_id_parents", "gp", "10", "4"),
        ],
    }
    return model | changes


def _factor(code: str, payer: str, unit: str, cost: str, low: str, high: str) -> dict[str, Any]:
    return {
        "code": code,
        "name_nl": f"Factor {code}",
        "name_en": f"Factor {code}",
        "life_domain": "health",
        "payer": payer,
        "unit": unit,
        "unit_cost": cost,
        "unit_cost_low": low,
        "unit_cost_high": high,
        "source": "Testbron",
    }


def _assumption(family_type: str, factor: str, usual: str, with_support: str) -> dict[str, Any]:
    """Low and high volumes are the expected value ∓ 1 (exact, so the tests can add them up)."""
    u, w = int(usual), int(with_support)
    return {
        "family_type": family_type,
        "factor": factor,
        "usual": usual,
        "usual_low": str(max(u - 1, 0)),
        "usual_high": str(u + 1),
        "with_support": with_support,
        "with_support_low": str(max(w - 1, 0)),
        "with_support_high": str(w + 1),
        "note": "",
    }


def family_in_support(
    session: Session,
    organisation: Organisation,
    supporter: User | None,
    family_type: FamilyType | None,
    *,
    started_on: date = date(2026, 1, 1),
    **fields: Any,
) -> Family:
    return make_family(
        session,
        organisation,
        supporter,
        status=fields.pop("status", FamilyStatus.active),
        family_type=family_type,
        started_on=started_on,
        **fields,
    )


def cost_event(session: Session, family: Family, factor: str, on: date, volume: int) -> CostEvent:
    event = CostEvent(family_id=family.id, factor_code=factor, occurred_on=on, volume_milli=volume * 1000)
    session.add(event)
    session.flush()
    return event
