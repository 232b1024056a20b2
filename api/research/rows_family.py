"""Rows of the family-level tables, each from one set-based query over the dataset's scope."""

import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import case, func, select
from sqlmodel import col

from api.business_case.cost_events import phase
from api.business_case.definitions import ModelDefinition
from api.models import (
    Attendance,
    BusinessCaseModel,
    Checkin,
    ContactKind,
    CostEvent,
    Factor,
    Family,
    FamilyFactor,
    FamilyMember,
    FamilyStatusChange,
    GasScore,
    Goal,
    LifeDomain,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
    NetworkContact,
    ParticipantKind,
    Region,
)
from api.research.context import ExportContext, day_start, flag, month, number, text
from api.research.tables import AGE_BANDS, SUPPRESSED

Row = Sequence[str | None]


def _small_cells(ctx: ExportContext) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]]]:
    """Quasi-identifier groups smaller than the threshold: (organisation, region, type) groups lose the
    region; (organisation, type) groups still small lose the family type too (k-anonymity on both)."""
    k = ctx.project.small_cell_threshold
    counts = ctx.session.execute(
        select(col(Family.organisation_id), col(Region.name), col(Family.family_type), func.count())
        .outerjoin(Region, col(Region.id) == Family.region_id)
        .where(col(Family.id).in_(ctx.scope))
        .group_by(col(Family.organisation_id), col(Region.name), col(Family.family_type))
    ).all()
    small_region = {(str(o), r or "", text(t)) for o, r, t, n in counts if n < k}
    by_type: dict[tuple[str, str], int] = {}
    for o, _r, t, n in counts:
        by_type[(str(o), text(t))] = by_type.get((str(o), text(t)), 0) + n
    return small_region, {key for key, n in by_type.items() if n < k}


def families(ctx: ExportContext) -> Iterator[Row]:
    small_region, small_type = _small_cells(ctx)
    statement = (
        select(Family, Region.name)  # type: ignore[call-overload]
        .outerjoin(Region, col(Region.id) == Family.region_id)
        .where(col(Family.id).in_(ctx.scope))
        .order_by(col(Family.id))
    )
    for family, region in ctx.stream(statement):
        org, family_type = str(family.organisation_id), text(family.family_type)
        region_out = SUPPRESSED if (org, region or "", family_type) in small_region else (region or "")
        type_out = SUPPRESSED if (org, family_type) in small_type else family_type
        yield (
            ctx.pseudo("family", family.id),
            ctx.codes.get(family.organisation_id, ""),
            type_out,
            region_out,
            month(family.started_on or family.created_at),
            month(family.ended_on),
            text(family.status),
        )


def status_history(ctx: ExportContext) -> Iterator[Row]:
    c = FamilyStatusChange
    statement = select(c).where(col(c.family_id).in_(ctx.scope)).order_by(col(c.family_id), col(c.changed_at))
    for (change,) in ctx.stream(statement):
        yield (
            ctx.pseudo("family", change.family_id),
            text(change.from_status),
            text(change.to_status),
            month(change.changed_at),
        )


def age_band(birth_year: int | None, at_year: int) -> str:
    if birth_year is None:
        return ""
    age = at_year - birth_year
    for band, upper in zip(AGE_BANDS, (11, 17, 29, 44, 64), strict=False):
        if age <= upper:
            return band
    return AGE_BANDS[-1]


def respondents(ctx: ExportContext) -> Iterator[Row]:
    m = FamilyMember
    statement = (
        select(m.id, m.family_id, m.role, m.is_client, m.birth_year)  # type: ignore[call-overload]
        .where(col(m.family_id).in_(ctx.scope), col(m.archived_at).is_(None))
        .order_by(col(m.family_id), col(m.created_at))
    )
    year = ctx.project.period_end_on.year
    for member_id, family_id, role, is_client, birth_year in ctx.stream(statement):
        yield (
            ctx.pseudo("respondent", member_id),
            ctx.pseudo("family", family_id),
            text(role),
            flag(is_client),
            age_band(birth_year, year),
        )


def gas_goals(ctx: ExportContext) -> Iterator[Row]:
    statement = (
        select(Goal.id, Goal.family_id, LifeDomain.code, Goal.weight, Goal.status, Goal.baseline_level)  # type: ignore[call-overload]
        .add_columns(Goal.activated_on, Goal.target_on)
        .join(LifeDomain, col(LifeDomain.id) == Goal.life_domain_id)
        .where(col(Goal.family_id).in_(ctx.scope), col(Goal.level_0).is_not(None))
        .order_by(col(Goal.family_id), col(Goal.created_at))
    )
    for goal_id, family_id, domain, weight, status, baseline, activated, target in ctx.stream(statement):
        yield (
            ctx.pseudo("goal", goal_id),
            ctx.pseudo("family", family_id),
            domain,
            number(weight),
            text(status),
            text(baseline),
            month(activated),
            month(target),
        )


def gas_scores(ctx: ExportContext) -> Iterator[Row]:
    p = ctx.project
    statement = (
        select(GasScore.goal_id, GasScore.family_id, GasScore.scored_on, GasScore.level)  # type: ignore[call-overload]
        .where(
            col(GasScore.family_id).in_(ctx.scope),
            col(GasScore.scored_on) >= p.period_start_on,
            col(GasScore.scored_on) <= p.period_end_on,
        )
        .order_by(col(GasScore.goal_id), col(GasScore.scored_on))
    )
    for goal_id, family_id, scored_on, level in ctx.stream(statement):
        yield ctx.pseudo("goal", goal_id), ctx.pseudo("family", family_id), month(scored_on), str(level)


def _present(kind: ParticipantKind, contact: ContactKind | None = None) -> Any:
    p = MeetingParticipant
    condition = (col(p.kind) == kind) & (col(p.attendance) == Attendance.present)
    if contact is not None:
        condition = condition & (col(NetworkContact.kind) == contact)
    return func.sum(case((condition, 1), else_=0))


def meetings(ctx: ExportContext) -> Iterator[Row]:
    p = ctx.project
    statement = (
        select(
            Meeting,
            _present(ParticipantKind.member),
            _present(ParticipantKind.contact, ContactKind.informal),
            _present(ParticipantKind.contact, ContactKind.professional),
            _present(ParticipantKind.staff),
            _present(ParticipantKind.guest),
        )
        .outerjoin(MeetingParticipant, col(MeetingParticipant.meeting_id) == Meeting.id)
        .outerjoin(NetworkContact, col(NetworkContact.id) == MeetingParticipant.contact_id)
        .where(
            col(Meeting.family_id).in_(ctx.scope),
            col(Meeting.starts_at) >= day_start(p.period_start_on),
            col(Meeting.starts_at) < day_start(p.period_end_on, 1),
        )
        .group_by(col(Meeting.id))
        .order_by(col(Meeting.id))
    )
    for meeting, *present in ctx.stream(statement):
        missing = len(meeting.closing_flags or []) if meeting.status == MeetingStatus.held else None
        yield (
            ctx.pseudo("meeting", meeting.id),
            ctx.pseudo("family", meeting.family_id),
            month(meeting.starts_at),
            text(meeting.status),
            *(str(n or 0) for n in present),
            text(missing),
        )


def factors(ctx: ExportContext) -> Iterator[Row]:
    statement = (
        select(FamilyFactor.family_id, Factor.code, Factor.kind, FamilyFactor.recorded_on)  # type: ignore[call-overload]
        .join(Factor, col(Factor.id) == FamilyFactor.factor_id)
        .where(col(FamilyFactor.family_id).in_(ctx.scope))
        .order_by(col(FamilyFactor.family_id), col(FamilyFactor.recorded_on))
    )
    for family_id, code, kind, recorded_on in ctx.stream(statement):
        yield ctx.pseudo("family", family_id), code, text(kind), month(recorded_on)


def _units(ctx: ExportContext) -> dict[tuple[uuid.UUID, str], str]:
    """Each organisation's latest business-case model: the unit of every cost factor (read, never created)."""
    latest = (
        select(BusinessCaseModel.organisation_id, func.max(BusinessCaseModel.version).label("v"))  # type: ignore[call-overload]
        .where(col(BusinessCaseModel.organisation_id).in_(list(ctx.codes)))
        .group_by(col(BusinessCaseModel.organisation_id))
        .subquery()
    )
    rows = ctx.session.scalars(
        select(BusinessCaseModel).join(
            latest,
            (latest.c.organisation_id == BusinessCaseModel.organisation_id)
            & (latest.c.v == BusinessCaseModel.version),
        )
    ).all()
    units = {}
    for row in rows:
        for factor in ModelDefinition.model_validate(row.definition).cost_factors:
            units[(row.organisation_id, factor.code)] = text(factor.unit)
    return units


def cost_events(ctx: ExportContext) -> Iterator[Row]:
    units = _units(ctx)
    statement = (
        select(CostEvent, Family)
        .join(Family, col(Family.id) == CostEvent.family_id)
        .where(col(CostEvent.family_id).in_(ctx.scope))
        .order_by(col(CostEvent.family_id), col(CostEvent.occurred_on))
    )
    for event, family in ctx.stream(statement):
        yield (
            ctx.pseudo("family", event.family_id),
            event.factor_code,
            month(event.occurred_on),
            month(event.ended_on),
            number(event.volume_milli / 1000, 3),
            units.get((family.organisation_id, event.factor_code), ""),
            phase(family, event.occurred_on),
        )


def checkins_monthly(ctx: ExportContext) -> Iterator[Row]:
    p = ctx.project
    c = Checkin
    at = col(c.checked_in_at)
    key = (
        func.strftime("%Y-%m", at)
        if ctx.session.get_bind().dialect.name == "sqlite"
        else func.to_char(at, "YYYY-MM")
    )
    statement = (
        select(c.family_id, key.label("m"), func.count(), func.avg(c.wellbeing), func.avg(c.care_burden))  # type: ignore[call-overload]
        .where(
            col(c.family_id).in_(ctx.scope),
            at >= day_start(p.period_start_on),
            at < day_start(p.period_end_on, 1),
        )
        .group_by(col(c.family_id), key)
        .order_by(col(c.family_id), key)
    )
    for family_id, key_month, n, wellbeing, burden in ctx.stream(statement):
        yield ctx.pseudo("family", family_id), key_month, str(n), number(wellbeing, 2), number(burden, 2)
