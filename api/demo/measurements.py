"""Demo measurements: T0, T1 and for some families T2, with believable change; supporters' UWES; factors."""

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.core.config import get_settings
from api.demo.context import DemoContext, acting, supporter_of
from api.measurements import recording
from api.measurements.definitions import Aggregation, InstrumentDefinition
from api.measurements.factors import ensure_factors, record_family_factor
from api.measurements.instruments import ensure_catalog
from api.measurements.repository import definition_of, instrument_rows, latest_by_code
from api.measurements.schemas import FamilyFactorCreate
from api.measurements.waves import wave_dates
from api.measurements.work_engagement import answer_work_engagement
from api.models import (
    Factor,
    Family,
    FamilyFactor,
    FamilyMember,
    Instrument,
    Measurement,
    MemberRole,
    Role,
    Wave,
)
from api.models.base import localtoday, replaying_at, utcnow

# How the relatives' resilience moves from T0 per later wave (burden and quality of life follow).
TRAJECTORIES = ["strong", "strong", "moderate", "moderate", "moderate", "flat", "worse"]
STEP = {"strong": 1.0, "moderate": 0.5, "flat": 0.05, "worse": -0.9}
NOTES = {
    "waiting_lists": "Wachtlijst bij de jeugd-GGZ; het gezin wacht al maanden op een intake.",
    "bureaucracy_rules": "Aanvraag Wlz-indicatie liep vast op formulieren en termijnen.",
    "family_trust": "Moeder vertelt dat ze zich voor het eerst gehoord voelt.",
    "collaboration_professionals": "School, wijkteam en zorgaanbieder stemmen nu samen af aan één tafel.",
    "supporter_continuity": "Sinds de start dezelfde bondgenoot; niet steeds opnieuw beginnen.",
    "fragmented_care": "Zeven hulpverleners die elkaar niet kenden.",
}


def _keyed_answers(definition: InstrumentDefinition, target: float, rng: random.Random) -> dict[int, int]:
    """Answers whose total scale lands near `target` (a mean, sum or count, as the scale aggregates)."""
    scale = definition.total or definition.subscales[0]
    answers: dict[int, int] = {}
    if scale.aggregation is Aggregation.COUNT_POSITIVE:
        threshold = scale.positive_threshold or 1
        positive = set(rng.sample(list(scale.items), max(0, min(len(scale.items), round(target)))))
    for item in definition.items:
        options = sorted(definition.option_set_of(item).values)
        low, high = options[0], options[-1]
        if scale.aggregation is Aggregation.COUNT_POSITIVE:
            pool = [v for v in options if (v >= threshold) == (item.number in positive)]
            keyed = rng.choice(pool)
        else:
            per_item = target / len(scale.items) if scale.aggregation is Aggregation.SUM else target
            keyed = min(high, max(low, round(per_item + rng.uniform(-0.9, 0.9))))
        answers[item.number] = low + high - keyed if item.reverse_keyed else keyed
    return answers


def _completed(
    session: Session,
    who: Principal,
    family: Family,
    row: Instrument,
    member: FamilyMember,
    wave: Wave,
    answers: dict[int, int],
    on: date,
) -> None:
    """Started, answered and completed through the measurement's own steps, at the times it happened."""
    with replaying_at(datetime.combine(on, time(10, 0), tzinfo=UTC)):
        measurement = recording.start_measurement(
            session,
            who,
            family=family,
            row=row,
            wave=wave,
            member_id=member.id,
            user_id=None,
            created_by_id=who.id,
        )
    with replaying_at(datetime.combine(on, time(10, 25), tzinfo=UTC)):
        recording.save_answers(session, who, measurement=measurement, answers=dict(answers))
        recording.complete_measurement(session, who, measurement=measurement)


def _family_measurements(
    session: Session,
    family: Family,
    members: list[FamilyMember],
    rows: dict[str, Instrument],
    rng: random.Random,
) -> int:
    today = localtoday()
    parent = next((m for m in members if m.role == MemberRole.parent), None)
    who = supporter_of(session, family)
    if parent is None or family.started_on is None or who is None:
        return 0
    trajectory = rng.choice(TRAJECTORIES)
    # Everyone the family questionnaire asks (one response per member), so the plan shows no false debt.
    fqol_roles = {r.value for r in definition_of(rows["fqol_beach"]).wave_member_roles}
    fqol_members = [m for m in members if not fqol_roles or m.role.value in fqol_roles]
    resilience, burden = rng.uniform(2.2, 3.2), rng.uniform(6, 12)
    quality = {m.id: rng.uniform(2.6, 3.4) for m in fqol_members}
    count = 0
    for step, wave in enumerate(
        w for w in wave_dates(family, get_settings()) if w.wave in (Wave.t0, Wave.t1, Wave.t2)
    ):
        on = wave.due_on + timedelta(days=rng.randint(0, 12))
        if on >= today:
            break
        move = STEP[trajectory] * step
        _completed(
            session,
            who,
            family,
            rows["brs"],
            parent,
            wave.wave,
            _keyed_answers(definition_of(rows["brs"]), min(5, max(1, resilience + move)), rng),
            on,
        )
        _completed(
            session,
            who,
            family,
            rows["ediz_plus"],
            parent,
            wave.wave,
            _keyed_answers(definition_of(rows["ediz_plus"]), min(15, max(0, burden - 5 * move)), rng),
            on,
        )
        for member in fqol_members:
            target = min(5, max(1, quality[member.id] + 0.9 * move))
            _completed(
                session,
                who,
                family,
                rows["fqol_beach"],
                member,
                wave.wave,
                _keyed_answers(definition_of(rows["fqol_beach"]), target, rng),
                on,
            )
        count += 2 + len(fqol_members)
    return count


def _work_engagement(session: Session, context: DemoContext, row: Instrument, rng: random.Random) -> int:
    definition, count = definition_of(row), 0
    for user in context.users.values():
        if user.role != Role.supporter:
            continue
        done = session.exec(
            select(Measurement.id).where(
                Measurement.respondent_user_id == user.id, col(Measurement.family_id).is_(None)
            )
        ).first()
        if done is not None:
            continue
        level = rng.uniform(3.4, 4.8)
        for months_ago in (6, 0):
            answers = _keyed_answers(definition, level, rng)
            with replaying_at(datetime.now(UTC) - timedelta(days=30 * months_ago + 3)):
                answer_work_engagement(session, acting(user), answers=dict(answers))
            count += 1
    return count


def _factors(session: Session, family: Family, factors: list[Factor], rng: random.Random) -> int:
    """A few factors, recorded by the family's supporter through the service on the day they were seen."""
    if session.exec(select(FamilyFactor.id).where(FamilyFactor.family_id == family.id)).first() is not None:
        return 0
    who = supporter_of(session, family)
    assert who is not None  # the caller only passes families with a supporter
    chosen = rng.sample(factors, rng.randint(1, 3))
    for factor in chosen:
        seen = (family.started_on or localtoday()) + timedelta(days=rng.randint(20, 90))
        data = FamilyFactorCreate(factor_id=factor.id, note=NOTES.get(factor.code), recorded_on=seen)
        with replaying_at(min(datetime.combine(seen, time(10), tzinfo=UTC), utcnow())):
            record_family_factor(session, who, family_id=family.id, data=data)
    return len(chosen)


def seed_measurements(session: Session, context: DemoContext) -> str:
    """Add what is missing: measurements for started families, UWES answers, recorded factors."""
    organisation_id = context.organisation.id
    ensure_catalog(session, organisation_id)
    ensure_factors(session, organisation_id)
    session.flush()
    rows = latest_by_code(instrument_rows(session, organisation_id))
    rng = random.Random(6)
    factors = list(session.exec(select(Factor).where(Factor.organisation_id == organisation_id)).all())
    measured = recorded = 0
    for family in context.families:
        family_rng = random.Random(f"measure-{family.reference}")
        has_any = session.exec(select(Measurement.id).where(Measurement.family_id == family.id)).first()
        if has_any is None and family.supporter_id is not None:
            members = list(
                session.exec(
                    select(FamilyMember)
                    .where(FamilyMember.family_id == family.id, col(FamilyMember.archived_at).is_(None))
                    .order_by(col(FamilyMember.created_at))
                ).all()
            )
            measured += _family_measurements(session, family, members, rows, family_rng)
        if family.supporter_id is not None and family.started_on is not None:
            recorded += _factors(session, family, factors, family_rng)
    engaged = _work_engagement(session, context, rows["uwes9"], rng)
    session.flush()
    return (
        f"Demo measurements: {measured} measurements, {engaged} work-engagement answers and "
        f"{recorded} factors added."
    )
