"""The demo seed gives every demo family in support cost events before and during support, once."""

from sqlmodel import Session, col, func, select

from api.business_case.cost_events import phase
from api.demo.seed import seed
from api.models import CostEvent, Family


def test_demo_cost_events_are_believable_and_seeded_once(session: Session) -> None:
    report = seed(session, password="demo-password-123")
    assert "Demo business case: model version 1" in report
    rows = session.exec(select(CostEvent, Family).join(Family, col(Family.id) == CostEvent.family_id)).all()
    phases = [phase(family, event.occurred_on) for event, family in rows]
    assert phases.count("before") > 20 and phases.count("during") > 20
    assert set(phases) <= {"before", "during"}
    families = {family.id for _, family in rows}
    assert len(families) >= 20
    assert all(family.family_type is not None for _, family in rows)
    before = session.exec(select(func.count()).select_from(CostEvent)).one()
    again = seed(session, password="demo-password-123")
    assert "0 cost events added" in again
    assert session.exec(select(func.count()).select_from(CostEvent)).one() == before
