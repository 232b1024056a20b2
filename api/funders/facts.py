"""Fact sources for funders: plans (issue 4), meetings (issue 5) and measurements (issue 6).

Each reads only codes, numbers and dates: never the goal's words, notes, answers or who answered.
"""

import uuid
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from api.funders.sources import FactSource, FamilyFacts, GoalFact, MeetingFact, PlanFact, ScoreFact
from api.models import (
    Attendance,
    GasScore,
    Goal,
    Instrument,
    LifeDomain,
    Measurement,
    MeasurementScore,
    MeasurementStatus,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
    PlanVersion,
)

PRESENT_AS = {"member": "family", "contact": "network", "staff": "supporter"}  # guests are professionals
FAMILY_OUTCOME = "family_outcome"  # instruments for a supporter's own wellbeing or check-ins never leave


def measurement_facts(session: Session, family_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, FamilyFacts]:
    """Completed outcome measurements with each scale's score and change from T0 (one query)."""
    rows = session.exec(
        select(Measurement, MeasurementScore)
        .join(MeasurementScore, col(MeasurementScore.measurement_id) == Measurement.id)
        .join(Instrument, col(Instrument.id) == Measurement.instrument_id)
        .where(
            col(Measurement.family_id).in_(family_ids),
            Measurement.status == MeasurementStatus.completed,
            Instrument.use == FAMILY_OUTCOME,
        )
        .order_by(col(Measurement.completed_at), col(MeasurementScore.scale_code))
    ).all()
    facts: dict[uuid.UUID, FamilyFacts] = {}
    for measurement, score in rows:
        if measurement.family_id is None or measurement.completed_at is None:
            continue
        facts.setdefault(measurement.family_id, FamilyFacts()).scores.append(
            ScoreFact(
                measurement_id=measurement.id,
                instrument=measurement.instrument_code,
                scale=score.scale_code,
                wave=measurement.wave.value if measurement.wave else "none",
                completed_on=measurement.completed_at.date(),
                score=score.score,
                change_from_t0=score.change_from_t0,
                change_class=score.change_class.value if score.change_class else None,
            )
        )
    return facts


def plan_facts(session: Session, family_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, FamilyFacts]:
    """Adopted plan versions (with their GAS T-score), goals by life domain and GAS levels (three queries)."""
    facts: dict[uuid.UUID, FamilyFacts] = {}
    versions = session.exec(
        select(PlanVersion)
        .where(col(PlanVersion.family_id).in_(family_ids))
        .order_by(col(PlanVersion.number))
    ).all()
    for version in versions:
        facts.setdefault(version.family_id, FamilyFacts()).plans.append(
            PlanFact(
                id=version.id,
                version=version.number,
                status="adopted",
                adopted_on=version.adopted_at.date(),
                gas_t_score=version.gas_t_score,
            )
        )
    goals = session.exec(
        select(Goal, LifeDomain.code)
        .join(LifeDomain, col(LifeDomain.id) == Goal.life_domain_id)
        .where(col(Goal.family_id).in_(family_ids))
        .order_by(col(Goal.created_at))
    ).all()
    scores: dict[uuid.UUID, list[tuple[date, int]]] = {}
    for score in session.exec(
        select(GasScore).where(col(GasScore.family_id).in_(family_ids)).order_by(col(GasScore.scored_on))
    ).all():
        scores.setdefault(score.goal_id, []).append((score.scored_on, score.level))
    for goal, domain in goals:
        facts.setdefault(goal.family_id, FamilyFacts()).goals.append(
            GoalFact(
                id=goal.id,
                life_domain=domain,
                status="stopped" if goal.status.value == "discontinued" else goal.status.value,
                weight=goal.weight,
                target_on=goal.target_on,
                scores=tuple(scores.get(goal.id, [])),
            )
        )
    return facts


def meeting_facts(session: Session, family_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, FamilyFacts]:
    """Held roundtable meetings with who was present by kind only, never names (one query)."""
    rows = session.exec(
        select(Meeting, MeetingParticipant.kind)
        .outerjoin(
            MeetingParticipant,
            (col(MeetingParticipant.meeting_id) == Meeting.id)
            & (col(MeetingParticipant.attendance) == Attendance.present),
        )
        .where(col(Meeting.family_id).in_(family_ids), Meeting.status == MeetingStatus.held)
        .order_by(col(Meeting.starts_at))
    ).all()
    kinds: dict[uuid.UUID, list[str]] = {}
    meetings: dict[uuid.UUID, Meeting] = {}
    for meeting, kind in rows:
        meetings[meeting.id] = meeting
        present = kinds.setdefault(meeting.id, [])
        if kind is not None:
            present.append(PRESENT_AS.get(str(kind), "professional"))
    facts: dict[uuid.UUID, FamilyFacts] = {}
    for meeting in meetings.values():
        facts.setdefault(meeting.family_id, FamilyFacts()).meetings.append(
            MeetingFact(
                id=meeting.id,
                held_on=meeting.starts_at.date(),
                participant_kinds=tuple(sorted(set(kinds[meeting.id]))),
            )
        )
    return facts


# The registry: one line per domain that feeds funders.
SOURCES: list[FactSource] = [plan_facts, meeting_facts, measurement_facts]


def collect(session: Session, family_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, FamilyFacts]:
    """Every registered source's facts for these families (one batch per source)."""
    facts = {family_id: FamilyFacts() for family_id in family_ids}
    if not family_ids:
        return facts
    for source in SOURCES:
        for family_id, found in source(session, family_ids).items():
            if family_id in facts:
                facts[family_id].merge(found)
    return facts
