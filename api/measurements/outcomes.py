"""A family's outcomes over the waves (per respondent and for the family), and the cohort in SQL."""

import uuid
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import distinct, func
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.db import primary
from api.families.repository import get_readable_family, readable_families
from api.measurements import evidence
from api.measurements.definitions import InstrumentDefinition, Scale
from api.measurements.instruments import ensure_catalog
from api.measurements.norms import norms_status
from api.measurements.outcome_schemas import (
    CohortFactor,
    CohortOutcomes,
    CohortScale,
    CohortUnit,
    CohortWave,
    FamilyOutcomes,
    FamilyScalePoint,
    FamilyWave,
    InstrumentOutcomes,
    RespondentSeries,
    RespondentWave,
    ScaleInfo,
    ScalePoint,
)
from api.measurements.presenters import band_of
from api.measurements.repository import (
    definition_of,
    family_measurements,
    instrument_rows,
    latest_by_code,
    members_of,
    scores_of,
    users_by_id,
)
from api.measurements.scoring import RCI_CRITERION, ScaleScore, ScoreResult, family_score, reliable_change
from api.measurements.waves import member_respondent, user_respondent
from api.meetings.parties import cohort_parties, parties_at_table
from api.models import (
    ChangeClassValue,
    Factor,
    FactorKind,
    Family,
    FamilyFactor,
    FamilyType,
    Measurement,
    MeasurementScore,
    Wave,
)

WAVE_ORDER = list(Wave)


def primary_scale(definition: InstrumentDefinition) -> Scale:
    """The scale a chart shows first: the total, or the first subscale."""
    return definition.total or definition.subscales[0]


def _scale_info(definition: InstrumentDefinition) -> list[ScaleInfo]:
    infos = []
    for scale in definition.scales:
        low, high = definition.score_range(scale)
        infos.append(
            ScaleInfo(
                code=scale.code,
                name=scale.name,
                is_total=scale is definition.total,
                higher_is_better=scale.higher_is_better,
                minimum=low,
                maximum=high,
                bands=list(scale.bands),
                clinical_cutoff=scale.clinical_cutoff,
                has_norms=scale.norms is not None,
            )
        )
    return infos


def _point(row: MeasurementScore) -> ScalePoint:
    return ScalePoint(
        code=row.scale_code,
        score=row.score,
        band=band_of(row),
        n_answered=row.n_answered,
        reason=row.reason,
        change_from_t0=row.change_from_t0,
        rci=row.rci,
        change_class=row.change_class,
    )


def _family_waves(
    definition: InstrumentDefinition, by_wave: dict[Wave, dict[uuid.UUID, dict[str, MeasurementScore]]]
) -> list[FamilyWave]:
    """Family mean and spread per wave; change from T0 over the respondents present at both (paired)."""
    baseline = by_wave.get(Wave.t0, {})
    primary = primary_scale(definition).code
    result = []
    for wave in WAVE_ORDER:
        responses = by_wave.get(wave)
        if not responses:
            continue
        points = []
        for scale in definition.scales:
            results = [
                ScoreResult(definition.code, 0, {scale.code: _as_scale_score(rows.get(scale.code))}, 0)
                for rows in responses.values()
            ]
            combined = family_score(results).scales[scale.code]
            paired = [
                (base.score, rows[scale.code].score)
                for who, rows in responses.items()
                if scale.code in rows
                and rows[scale.code].score is not None
                and (base := baseline.get(who, {}).get(scale.code)) is not None
                and base.score is not None
            ]
            change = None
            if wave is not Wave.t0 and paired:
                before = sum(b for b, _ in paired) / len(paired)
                after = sum(a for _, a in paired) / len(paired)  # type: ignore[misc]
                # the members' norms give a conservative RCI for a mean of several members
                change = reliable_change(scale, before, after)
            points.append(
                FamilyScalePoint(
                    code=scale.code,
                    mean=combined.mean,
                    sd=combined.sd,
                    minimum=combined.minimum,
                    maximum=combined.maximum,
                    spread=combined.spread,
                    n_respondents=combined.n_respondents,
                    n_paired=len(paired) if wave is not Wave.t0 else 0,
                    change_from_t0=change.change if change else None,
                    rci=change.rci if change else None,
                    change_class=ChangeClassValue(change.change_class.value)
                    if change and change.change_class
                    else None,
                )
            )
        head = next(p for p in points if p.code == primary)
        result.append(
            FamilyWave(
                wave=wave,
                n_responses=len(responses),
                score=head.mean,
                change_from_t0=head.change_from_t0,
                rci=head.rci,
                change_class=head.change_class,
                scales=points,
            )
        )
    return result


def _as_scale_score(row: MeasurementScore | None) -> ScaleScore:
    if row is None:
        return ScaleScore("", None, 0, 0)
    return ScaleScore(row.scale_code, row.score, row.n_answered, row.n_items)


def family_outcomes(session: Session, principal: Principal, family_id: uuid.UUID) -> FamilyOutcomes:
    """Per instrument: each respondent's scores per wave with change and RCI; the family mean and spread."""
    family = get_readable_family(session, principal, family_id)
    ensure_catalog(session, principal.organisation_id)
    rows = instrument_rows(session, principal.organisation_id)
    definitions = {r.id: definition_of(r) for r in rows}
    latest = {code: definitions[r.id] for code, r in latest_by_code(rows).items()}
    measurements = [m for m in family_measurements(session, [family.id], completed_only=True) if m.wave]
    scores = scores_of(session, [m.id for m in measurements])
    members = {m.id: member_respondent(m) for m in members_of(session, [family.id], current=False)}
    users = {
        u.id: user_respondent(u)
        for u in users_by_id(
            session, [m.respondent_user_id for m in measurements if m.respondent_user_id]
        ).values()
    }
    per_code: dict[str, list[Measurement]] = defaultdict(list)
    for m in measurements:
        per_code[m.instrument_code].append(m)
    instruments = []
    for code in sorted(per_code):
        definition = latest[code]
        primary = primary_scale(definition).code
        series: dict[uuid.UUID, list[RespondentWave]] = defaultdict(list)
        by_wave: dict[Wave, dict[uuid.UUID, dict[str, MeasurementScore]]] = defaultdict(dict)
        for m in sorted(per_code[code], key=lambda m: WAVE_ORDER.index(m.wave)):  # type: ignore[arg-type]
            who = m.respondent_id
            assert m.wave is not None and m.completed_at is not None
            rows_by_scale = {s.scale_code: s for s in scores[m.id]}
            by_wave[m.wave][who] = rows_by_scale
            points = [
                _point(rows_by_scale[s.code])
                for s in definitions[m.instrument_id].scales
                if s.code in rows_by_scale
            ]
            head = next((p for p in points if p.code == primary), points[0])
            series[who].append(
                RespondentWave(
                    wave=m.wave,
                    measurement_id=m.id,
                    completed_at=m.completed_at,
                    instrument_version=definitions[m.instrument_id].version,
                    score=head.score,
                    change_from_t0=head.change_from_t0,
                    rci=head.rci,
                    change_class=head.change_class,
                    scales=points,
                )
            )
        instruments.append(
            InstrumentOutcomes(
                code=code,
                version=definition.version,
                name=definition.name,
                licence=definition.licence,
                primary_scale=primary,
                scales=_scale_info(definition),
                respondents=[
                    RespondentSeries(respondent=members.get(who) or users[who], waves=waves)
                    for who, waves in series.items()
                ],
                family=_family_waves(definition, by_wave),
            )
        )
    audit.record(session, principal, action="read", object_type="outcomes", family_id=family.id)
    return FamilyOutcomes(family_id=family.id, rci_criterion=RCI_CRITERION, instruments=instruments)


def cohort_outcomes(
    session: Session,
    principal: Principal,
    *,
    wave: CohortWave,
    unit: CohortUnit = CohortUnit.family,
    instrument: str | None,
    region_id: uuid.UUID | None,
    family_type: FamilyType | None,
    from_on: date | None,
    to_on: date | None,
) -> CohortOutcomes:
    """The cohort's figures (api/measurements/evidence.py, the same function funders get), unsuppressed."""
    with primary(session):  # a catalogue copied in on first use is on the primary only
        ensure_catalog(session, principal.organisation_id)
        rows = instrument_rows(session, principal.organisation_id)
    scope = readable_families(principal).with_only_columns(col(Family.id))
    if region_id is not None:
        scope = scope.where(col(Family.region_id) == region_id)
    if family_type is not None:
        scope = scope.where(col(Family.family_type) == family_type)
    latest = {c: definition_of(r) for c, r in latest_by_code(rows).items()}
    chosen = [d for c, d in latest.items() if instrument is None or c == instrument]
    span = evidence.window(from_on, to_on)
    found = evidence.figures(
        session,
        scope,
        [span],
        definitions=chosen,
        unit=evidence.Unit(unit.value),
        wave=None if wave is CohortWave.latest else Wave(wave.value),
    ).get((None, span.key), evidence.Figures())
    scales = [_cohort_scale(latest[f.instrument], f) for f in found.scales]
    order = {code: i for i, code in enumerate(sorted(latest))}
    scales.sort(
        key=lambda s: (
            order.get(s.instrument_code, 0),
            [x.code for x in latest[s.instrument_code].scales].index(s.scale_code),
        )
    )
    audit.record(session, principal, action="read", object_type="cohort_outcomes")
    return CohortOutcomes(
        wave=wave,
        unit=unit,
        instrument=instrument,
        region_id=region_id,
        family_type=family_type,
        from_on=from_on,
        to_on=to_on,
        n_families=found.families,
        by_status=found.by_status,
        gas_families=found.gas_families,
        mean_gas_t_score=round(found.mean_gas_t_score, 2) if found.mean_gas_t_score is not None else None,
        meetings_held=found.meetings,
        parties=cohort_parties(parties_at_table(session, scope, spans=[span]).get((None, span.key), {})),
        scales=scales,
        factors=_factor_counts(session, scope, from_on, to_on),
    )


def _cohort_scale(definition: InstrumentDefinition, figure: evidence.ScaleFigure) -> CohortScale:
    scale = definition.scale(figure.scale)
    n = figure.n_classified

    def share(k: int) -> float | None:
        return round(k / n, 4) if n else None

    return CohortScale(
        instrument_code=definition.code,
        instrument_name=definition.name,
        scale_code=scale.code,
        scale_name=scale.name,
        higher_is_better=scale.higher_is_better,
        n_families=figure.n_families,
        n_respondents=figure.n_respondents,
        mean_change_from_t0=round(figure.mean_change, 4) if figure.mean_change is not None else None,
        n_classified=n,
        share_improved=share(figure.n_improved),
        share_deteriorated=share(figure.n_deteriorated),
        share_unchanged=share(n - figure.n_improved - figure.n_deteriorated),
        norms_status=norms_status(scale),
        norms_source=scale.norms.source if scale.norms else None,
        norms_population=scale.norms.population if scale.norms else None,
    )


def _factor_counts(
    session: Session, scope: Any, from_on: date | None, to_on: date | None
) -> list[CohortFactor]:
    """How many families of the cohort each factor was recorded for."""
    statement = (
        select(  # type: ignore[call-overload]
            Factor.code,
            Factor.kind,
            Factor.label_nl,
            Factor.label_en,
            func.count(distinct(col(FamilyFactor.family_id))),
        )
        .join(Factor, col(Factor.id) == FamilyFactor.factor_id)
        .where(col(FamilyFactor.family_id).in_(scope))
        .group_by(Factor.code, Factor.kind, Factor.label_nl, Factor.label_en)
        .order_by(Factor.kind, Factor.code)
    )
    if from_on is not None:
        statement = statement.where(col(FamilyFactor.recorded_on) >= from_on)
    if to_on is not None:
        statement = statement.where(col(FamilyFactor.recorded_on) <= to_on)
    return [
        CohortFactor(code=code, kind=FactorKind(kind), label_nl=nl, label_en=en, n_families=n)
        for code, kind, nl, en, n in session.exec(statement).all()
    ]
