"""Cohort evidence: one definition, computed by the database, for the staff cohort and the funders' outcomes.

Every figure is an aggregate over a scope of family ids (a subquery, never a list of ids) and a set of
calendar spans, optionally grouped (by region for funders). The unit of a multi-respondent instrument is the
family: its change at a wave is the mean of its members' changes from their own T0, classified with the
Reliable Change Index against the scale's norms, exactly as the family outcome page does.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, func, null, or_, select, union_all
from sqlalchemy.sql import Select
from sqlmodel import Session, col

from api.measurements.definitions import InstrumentDefinition
from api.measurements.evidence_parts import (
    Figures,
    Key,
    ScaleFigure,
    Span,
    Unit,
    _by,
    _moment,
    _norms,
    _once,
    _overall,
    _spans,
    _uuid,
)
from api.measurements.scoring import GAS_DEFAULT_RHO, RCI_CRITERION
from api.models import (
    Family,
    FamilyStatus,
    FamilyStatusChange,
    GasScore,
    Goal,
    GoalStatus,
    Measurement,
    MeasurementScore,
    MeasurementStatus,
    Meeting,
    MeetingStatus,
    Wave,
)

COUNTED_GOALS = (GoalStatus.active, GoalStatus.achieved)  # as the family's own T-score (api/plans)
FAMILY_OUTCOME = "family_outcome"
EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)


def scale_changes(
    session: Session,
    scope: Select[Any],
    spans: Sequence[Span],
    *,
    definitions: Sequence[InstrumentDefinition],
    unit: Unit = Unit.family,
    wave: Wave | None = None,
    group: Any = None,
) -> dict[Key, list[ScaleFigure]]:
    """Per group, span, instrument and scale: each unit's change from T0 measured in the span (its latest
    wave there unless `wave` is given), averaged, and the shares reliably improved and deteriorated."""
    codes = [d.code for d in definitions if d.use.value == FAMILY_OUTCOME]
    if not codes or not spans:
        return {}
    span = _spans(spans)
    m, s = Measurement, MeasurementScore
    who = col(m.respondent_id) if unit is Unit.respondent else col(m.family_id)
    grp = (group if group is not None else null()).label("grp")
    per_wave = (
        select(
            grp,
            span.c.pkey,
            col(m.family_id).label("family_id"),
            who.label("who"),
            col(m.instrument_code).label("instrument"),
            col(s.scale_code).label("scale"),
            func.max(m.completed_at).label("at"),
            func.avg(s.change_from_t0).label("change"),
            func.count().label("n"),
        )
        .select_from(s)
        .join(m, col(m.id) == s.measurement_id)
        .join(Family, col(Family.id) == m.family_id)
        .join(span, and_(col(m.completed_at) >= span.c.starts, col(m.completed_at) < span.c.ends))
        .where(
            col(m.family_id).in_(scope),
            col(m.status) == MeasurementStatus.completed,
            col(m.instrument_code).in_(codes),
            col(s.change_from_t0).is_not(None),
            *([col(m.wave) == wave] if wave is not None else []),
        )
        .group_by(
            *_by(group),
            span.c.pkey,
            col(m.family_id),
            who,
            col(m.instrument_code),
            col(s.scale_code),
            col(m.wave),
        )
        .subquery("per_wave")
    )
    latest = func.row_number().over(
        partition_by=[per_wave.c.pkey, per_wave.c.who, per_wave.c.instrument, per_wave.c.scale],
        order_by=per_wave.c.at.desc(),
    )
    ranked = select(per_wave, latest.label("rn")).subquery("ranked")
    norm = _norms(definitions)
    rc = ranked.c.change * norm.c.sign / norm.c.s_diff
    rows = session.execute(
        select(
            ranked.c.grp,
            ranked.c.pkey,
            ranked.c.instrument,
            ranked.c.scale,
            func.count(func.distinct(ranked.c.family_id)),
            func.sum(ranked.c.n),
            func.avg(ranked.c.change),
            func.count(norm.c.s_diff),
            func.sum(case((rc > RCI_CRITERION, 1), else_=0)),
            func.sum(case((rc < -RCI_CRITERION, 1), else_=0)),
        )
        .select_from(ranked)
        .outerjoin(norm, and_(norm.c.instrument == ranked.c.instrument, norm.c.scale == ranked.c.scale))
        .where(ranked.c.rn == 1)
        .group_by(ranked.c.grp, ranked.c.pkey, ranked.c.instrument, ranked.c.scale)
    ).all()
    found: dict[Key, list[ScaleFigure]] = {}
    for g, pkey, code, scale, n_fam, n_resp, mean, n_cls, n_up, n_down in rows:
        found.setdefault((_uuid(g), pkey), []).append(
            ScaleFigure(
                code,
                scale,
                int(n_fam),
                int(n_resp),
                float(mean) if mean is not None else None,
                int(n_cls),
                int(n_up or 0),
                int(n_down or 0),
            )
        )
    return found


def gas_t_scores(
    session: Session, scope: Select[Any], spans: Sequence[Span], *, group: Any = None
) -> dict[Key, tuple[int, float | None]]:
    """Families with a GAS score in the span: their T-score at the span's end (active and achieved goals,
    each at its latest level; Kiresuk & Sherman, rho 0.3), how many, and their mean."""
    span = _spans(spans)
    g = GasScore
    until = func.lead(g.scored_on).over(
        partition_by=col(g.goal_id), order_by=(col(g.scored_on), col(g.created_at))
    )
    levels = (
        select(col(g.family_id), col(g.level), col(g.scored_on), col(Goal.weight), until.label("until"))
        .join(Goal, col(Goal.id) == g.goal_id)
        .where(col(g.family_id).in_(scope), col(Goal.status).in_(COUNTED_GOALS))
        .subquery("level")
    )
    grp = (group if group is not None else null()).label("grp")
    w, x = levels.c.weight, levels.c.level
    rho = GAS_DEFAULT_RHO
    t = 50 + 10 * func.sum(w * x) / func.sqrt((1 - rho) * func.sum(w * w) + rho * func.sum(w) * func.sum(w))
    at_end = (
        select(grp, span.c.pkey, levels.c.family_id, t.label("t"))
        .select_from(levels)
        .join(Family, col(Family.id) == levels.c.family_id)
        .join(
            span,
            and_(
                levels.c.scored_on <= span.c.end_on,
                or_(levels.c.until.is_(None), levels.c.until > span.c.end_on),
            ),
        )
        .group_by(*_by(group), span.c.pkey, levels.c.family_id)
        .subquery("at_end")
    )
    first, last = _overall(spans)
    dates = _once(
        select(col(g.family_id), col(g.scored_on)).where(
            col(g.family_id).in_(scope), col(g.scored_on) >= first, col(g.scored_on) <= last
        ),
        "gas_dates",
        spans,
    )
    scored = (
        select(span.c.pkey, dates.c.family_id)
        .join(span, and_(dates.c.scored_on >= span.c.start_on, dates.c.scored_on <= span.c.end_on))
        .distinct()
        .subquery("scored")
    )
    rows = session.execute(
        select(at_end.c.grp, at_end.c.pkey, func.count(), func.avg(at_end.c.t))
        .select_from(at_end)
        .join(scored, and_(scored.c.pkey == at_end.c.pkey, scored.c.family_id == at_end.c.family_id))
        .group_by(at_end.c.grp, at_end.c.pkey)
    ).all()
    return {
        (_uuid(grp_), pkey): (int(n), float(mean) if mean is not None else None)
        for grp_, pkey, n, mean in rows
    }


def _status_intervals(scope: Select[Any]) -> Any:
    """Each family's statuses over time from its recorded changes: (family, status, since, until)."""
    c = FamilyStatusChange
    order = (col(c.changed_at), col(c.id))
    moves: Any = select(
        col(c.family_id),
        col(c.to_status).label("status"),
        col(c.changed_at).label("since"),
        func.lead(c.changed_at).over(partition_by=col(c.family_id), order_by=order).label("until"),
    ).where(col(c.family_id).in_(scope))
    first = (
        select(
            col(c.family_id),
            col(c.from_status),
            col(c.changed_at),
            func.row_number().over(partition_by=col(c.family_id), order_by=order).label("rn"),
        )
        .where(col(c.family_id).in_(scope))
        .subquery("first_change")
    )
    before = select(first.c.family_id, first.c.from_status, null().label("since"), first.c.changed_at).where(
        first.c.rn == 1
    )
    unchanged = select(col(Family.id), col(Family.status), null(), null()).where(
        col(Family.id).in_(scope), ~select(col(c.id)).where(col(c.family_id) == Family.id).exists()
    )
    return union_all(moves, before, unchanged).subquery("interval")


def family_counts(
    session: Session, scope: Select[Any], spans: Sequence[Span], *, group: Any = None
) -> dict[Key, Figures]:
    """Families in support at some point of each span (enrolled by its end, not closed before it began),
    by their status at the span's end (from the recorded status changes) and by family type."""
    span = _spans(spans)
    iv = _status_intervals(scope)
    grp = (group if group is not None else null()).label("grp")
    covers_end = and_(
        or_(iv.c.since.is_(None), iv.c.since < span.c.ends),
        or_(iv.c.until.is_(None), iv.c.until >= span.c.ends),
    )
    enrolled = or_(
        col(Family.started_on) <= span.c.end_on,
        and_(col(Family.started_on).is_(None), col(Family.created_at) < span.c.ends),
    )
    present = or_(iv.c.status != FamilyStatus.closed, iv.c.since > span.c.starts)
    rows = session.execute(
        select(grp, span.c.pkey, iv.c.status, col(Family.family_type), func.count())
        .select_from(iv)
        .join(Family, col(Family.id) == iv.c.family_id)
        .join(span, covers_end)
        .where(enrolled, present)
        .group_by(*_by(group), span.c.pkey, iv.c.status, col(Family.family_type))
    ).all()
    found: dict[Key, Figures] = {}
    for g, pkey, status, family_type, n in rows:
        figures = found.setdefault((_uuid(g), pkey), Figures())
        figures.families += n
        status_code = getattr(status, "value", status)
        figures.by_status[status_code] = figures.by_status.get(status_code, 0) + n
        type_code = getattr(family_type, "value", family_type) or "unknown"
        figures.by_family_type[type_code] = figures.by_family_type.get(type_code, 0) + n
    first, last = _overall(spans)
    held = _once(
        select(col(Meeting.family_id), col(Meeting.starts_at)).where(
            col(Meeting.family_id).in_(scope),
            col(Meeting.status) == MeetingStatus.held,
            col(Meeting.starts_at) >= _moment(first),
            col(Meeting.starts_at) < _moment(last + timedelta(days=1)),
        ),
        "held",
        spans,
    )
    meetings = session.execute(
        select(grp, span.c.pkey, func.count(), func.count(func.distinct(held.c.family_id)))
        .select_from(held)
        .join(Family, col(Family.id) == held.c.family_id)
        .join(span, and_(held.c.starts_at >= span.c.starts, held.c.starts_at < span.c.ends))
        .group_by(*_by(group), span.c.pkey)
    ).all()
    for g, pkey, n, n_families in meetings:
        figures = found.setdefault((_uuid(g), pkey), Figures())
        figures.meetings, figures.families_with_meetings = int(n), int(n_families)
    return found


def figures(
    session: Session,
    scope: Select[Any],
    spans: Sequence[Span],
    *,
    definitions: Sequence[InstrumentDefinition],
    unit: Unit = Unit.family,
    wave: Wave | None = None,
    group: Any = None,
) -> dict[Key, Figures]:
    """Every cohort figure per group and span, in four aggregate queries whatever the number of families."""
    scope = select(_once(scope, "in_scope", spans).c.id)  # found once per query, not once per use
    found = family_counts(session, scope, spans, group=group)
    for key, (n, mean) in gas_t_scores(session, scope, spans, group=group).items():
        found.setdefault(key, Figures()).gas_families, found[key].mean_gas_t_score = n, mean
    changes = scale_changes(session, scope, spans, definitions=definitions, unit=unit, wave=wave, group=group)
    for key, scales in changes.items():
        found.setdefault(key, Figures()).scales = sorted(scales, key=lambda f: (f.instrument, f.scale))
    return found


def window(from_on: date | None, to_on: date | None) -> Span:
    """The staff cohort's window: open ends reach back and forward as far as the data go."""
    return Span("window", from_on or EARLIEST, to_on or LATEST)


# Shared with api/meetings/parties.py: the parties at the table are counted over the same spans and groups.
span_table = _spans
group_key = _uuid

__all__ = [
    "Figures",
    "Key",
    "ScaleFigure",
    "Span",
    "Unit",
    "family_counts",
    "figures",
    "gas_t_scores",
    "group_key",
    "scale_changes",
    "span_table",
    "window",
]
