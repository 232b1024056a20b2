"""A supporter's own work engagement: private to them; coordinators see only groups of five or more."""

import math

from sqlalchemy import distinct, func
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.config import get_settings
from api.core.errors import Forbidden, NotFound
from api.measurements import recording
from api.measurements.definitions import InstrumentDefinition, InstrumentUse
from api.measurements.instruments import ensure_catalog
from api.measurements.presenters import scale_scores
from api.measurements.repository import definition_of, instrument_rows, latest_by_code, scores_of
from api.measurements.schemas import (
    WorkEngagementEntry,
    WorkEngagementMine,
    WorkEngagementScale,
    WorkEngagementSummary,
)
from api.models import Instrument, Measurement, MeasurementScore, MeasurementStatus, Role, User

PREFERRED = "uwes9"


def _instrument(session: Session, principal: Principal) -> Instrument:
    """The latest staff-wellbeing instrument (UWES-9 when there are several)."""
    ensure_catalog(session, principal.organisation_id)
    latest = latest_by_code(instrument_rows(session, principal.organisation_id))
    candidates = sorted(
        (r for r in latest.values() if r.use == InstrumentUse.STAFF_WELLBEING.value),
        key=lambda r: (r.code != PREFERRED, r.code),
    )
    if not candidates:
        raise NotFound(
            "Er is geen vragenlijst voor werkbeleving / no work-engagement instrument is defined.",
            code="work_engagement_missing",
        )
    return candidates[0]


def _only_supporters(principal: Principal) -> None:
    if principal.role != Role.supporter:
        raise Forbidden(
            "Alleen een bondgenoot vult dit in / only a supporter answers this.", code="supporter_only"
        )


def _entries(session: Session, principal: Principal, code: str) -> list[WorkEngagementEntry]:
    rows = session.exec(
        select(Measurement)
        .where(
            Measurement.respondent_user_id == principal.id,
            col(Measurement.family_id).is_(None),
            Measurement.instrument_code == code,
            Measurement.status == MeasurementStatus.completed,
        )
        .order_by(col(Measurement.completed_at).desc())
    ).all()
    versions = {r.id: definition_of(r) for r in instrument_rows(session, principal.organisation_id, code)}
    scores = scores_of(session, [m.id for m in rows])
    return [
        WorkEngagementEntry(
            id=m.id,
            completed_at=m.completed_at,
            instrument_version=versions[m.instrument_id].version,
            scores=scale_scores(versions[m.instrument_id], scores[m.id]),
        )
        for m in rows
    ]


def my_work_engagement(session: Session, principal: Principal) -> WorkEngagementMine:
    """The caller's own answers over time, and the form to answer again."""
    _only_supporters(principal)
    row = _instrument(session, principal)
    return WorkEngagementMine(instrument=definition_of(row), entries=_entries(session, principal, row.code))


def answer_work_engagement(
    session: Session, principal: Principal, *, answers: dict[int, int | None]
) -> WorkEngagementEntry:
    """Answer the questionnaire about oneself; it is scored at once."""
    _only_supporters(principal)
    row = _instrument(session, principal)
    definition = definition_of(row)
    measurement = Measurement(
        organisation_id=principal.organisation_id,
        instrument_id=row.id,
        instrument_code=row.code,
        respondent_user_id=principal.id,
        respondent_id=principal.id,
        created_by_id=principal.id,
        answers=recording.merge_answers(definition, {}, answers),
    )
    session.add(measurement)
    session.flush()
    scores = recording.complete(session, measurement, definition=definition)
    return WorkEngagementEntry(
        id=measurement.id,
        completed_at=measurement.completed_at,
        instrument_version=definition.version,
        scores=scale_scores(definition, scores),
    )


def work_engagement_summary(session: Session, principal: Principal) -> WorkEngagementSummary:
    """Mean and SD per scale over each supporter's latest answers, withheld below the minimum group."""
    row = _instrument(session, principal)
    definition: InstrumentDefinition = definition_of(row)
    minimum = get_settings().work_engagement_min_group
    latest = (
        select(Measurement.respondent_user_id, func.max(Measurement.completed_at).label("last"))
        .join(User, col(User.id) == Measurement.respondent_user_id)
        .where(
            User.organisation_id == principal.organisation_id,
            User.role == Role.supporter,
            col(Measurement.family_id).is_(None),
            Measurement.instrument_code == row.code,
            Measurement.status == MeasurementStatus.completed,
        )
        .group_by(col(Measurement.respondent_user_id))
        .subquery()
    )
    statement = (
        select(
            MeasurementScore.scale_code,
            func.count(distinct(col(Measurement.respondent_user_id))),
            func.sum(MeasurementScore.score),
            func.sum(col(MeasurementScore.score) * col(MeasurementScore.score)),
        )
        .join(Measurement, col(Measurement.id) == MeasurementScore.measurement_id)
        .join(
            latest,
            (latest.c.respondent_user_id == Measurement.respondent_user_id)
            & (latest.c.last == Measurement.completed_at),
        )
        .where(Measurement.instrument_code == row.code, col(MeasurementScore.score).is_not(None))
        .group_by(MeasurementScore.scale_code)
    )
    stats = {code: (n, total, squares) for code, n, total, squares in session.exec(statement).all()}
    n_supporters = session.exec(select(func.count()).select_from(latest)).one()
    suppressed = n_supporters < minimum
    scales = []
    for scale in definition.scales:
        n, total, squares = stats.get(scale.code, (0, None, None))
        hidden = suppressed or n < minimum
        mean = None if hidden or not n or total is None else float(total) / n
        sd = None
        if not hidden and n >= 2 and mean is not None:
            # sample SD from the sums the database returned; max() guards rounding just below zero
            sd = math.sqrt(max(float(squares or 0.0) - n * mean * mean, 0.0) / (n - 1))
        scales.append(
            WorkEngagementScale(
                code=scale.code, name=scale.name, n_supporters=0 if hidden else n, mean=mean, sd=sd
            )
        )
    audit.record(session, principal, action="read", object_type="work_engagement_summary")
    return WorkEngagementSummary(
        instrument_code=row.code,
        min_group=minimum,
        n_supporters=n_supporters,
        suppressed=suppressed,
        scales=scales,
    )
