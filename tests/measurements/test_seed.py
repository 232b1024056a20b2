"""The demo seed adds believable measurements (T0, T1, some T2, improvements, a few deteriorations), once."""

from sqlmodel import Session, func, select

from api.demo.seed import seed
from api.models import ChangeClassValue, FamilyFactor, Measurement, MeasurementScore, Wave


def _count(session: Session, *where: object) -> int:
    statement = select(func.count()).select_from(Measurement)
    for clause in where:
        statement = statement.where(clause)  # type: ignore[arg-type]
    return session.exec(statement).one()


def test_demo_measurements_are_believable_and_seeded_once(session: Session) -> None:
    report = seed(session, password="demo-password-123")
    assert "Demo measurements:" in report
    assert _count(session, Measurement.wave == Wave.t0) > 20
    assert _count(session, Measurement.wave == Wave.t1) > 10
    assert _count(session, Measurement.wave == Wave.t2) > 0
    assert _count(session, Measurement.instrument_code == "uwes9") > 0
    classes = session.exec(
        select(MeasurementScore.change_class, func.count())
        .where(MeasurementScore.scale_code == "total")
        .group_by(MeasurementScore.change_class)
    ).all()
    found = {c: n for c, n in classes}
    assert found.get(ChangeClassValue.improved, 0) + found.get(ChangeClassValue.recovered, 0) > 5
    assert 0 < found.get(ChangeClassValue.deteriorated, 0) < found.get(ChangeClassValue.unchanged, 0)
    assert session.exec(select(func.count()).select_from(FamilyFactor)).one() > 10
    before = _count(session)
    again = seed(session, password="demo-password-123")
    assert "Demo measurements: 0 measurements, 0 work-engagement answers and 0 factors added." in again
    assert _count(session) == before
