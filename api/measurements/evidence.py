"""Cohort evidence: one definition, computed by the database, for the staff cohort and the funders' outcomes.

Every figure is an aggregate over a scope of family ids (a subquery, never a list of ids) and a set of
calendar spans, optionally grouped (by region for funders). The unit of a multi-respondent instrument is the
family: its change at a wave is the mean of its members' changes from their own T0, classified with the
Reliable Change Index against the scale's norms, exactly as the family outcome page does.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, func, null, or_, select
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
from api.measurements.scoring import RCI_CRITERION
from api.models import (
    Family,
    FamilyStatus,
    Meeting,
    MeetingStatus,
    RollupFamilyStatus,
    RollupGas,
    RollupRespondentWaveChange,
    RollupWaveChange,
    Wave,
)

FAMILY_OUTCOME = "family_outcome"
EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)
REPORT_WORK_MEM = "64MB"


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
    """Per group, span, instrument and scale: each unit's change from T0 at its latest wave completed in the
    span (or at `wave`), averaged, and the shares reliably improved and deteriorated. A wave belongs to the
    span in which the unit completed it and counts whole (api/measurements/rollup_waves.py): each unit's
    latest wave there is one rollup row, found by its interval [completed_at, superseded_at), not ranked."""
    codes = [d.code for d in definitions if d.use.value == FAMILY_OUTCOME]
    if not codes or not spans:
        return {}
    span = _spans(spans)
    r: Any = RollupRespondentWaveChange if unit is Unit.respondent else RollupWaveChange
    first, last = _overall(spans)
    columns = [r.family_id, r.instrument_code, r.scale_code, r.completed_at, r.superseded_at, r.n]
    changes = _once(
        _scoped([col(c) for c in (*columns, r.change_from_t0)], col(r.family_id), scope, group).where(
            col(r.instrument_code).in_(codes),
            col(r.completed_at) >= _moment(first),
            col(r.completed_at) < _moment(last + timedelta(days=1)),
            *([col(r.wave) == wave] if wave is not None else [_current(r.superseded_at, spans)]),
        ),
        "changes",
        spans,
    )
    c = changes.c
    in_span = and_(c.completed_at >= span.c.starts, c.completed_at < span.c.ends)
    if wave is None:  # the unit's latest wave in the span: no later one completed before the span ended
        in_span = and_(in_span, or_(c.superseded_at.is_(None), c.superseded_at >= span.c.ends))
    grp = (c.grp if group is not None else null()).label("grp")
    norm = _norms(definitions)
    rc = c.change_from_t0 * norm.c.sign / norm.c.s_diff
    # A family's one row per span and scale: counted without DISTINCT, so PostgreSQL hashes the groups
    # instead of sorting every span-joined row (~200k for seven regions by quarter).
    families = func.count() if unit is Unit.family else func.count(func.distinct(c.family_id))
    rows = session.execute(
        select(
            grp,
            span.c.pkey,
            c.instrument_code,
            c.scale_code,
            families,
            func.sum(c.n),
            func.avg(c.change_from_t0),
            func.count(norm.c.s_diff),
            func.sum(case((rc > RCI_CRITERION, 1), else_=0)),
            func.sum(case((rc < -RCI_CRITERION, 1), else_=0)),
        )
        .select_from(changes)
        .join(span, in_span)
        .outerjoin(norm, and_(norm.c.instrument == c.instrument_code, norm.c.scale == c.scale_code))
        .group_by(*_by(c.grp if group is not None else None), span.c.pkey, c.instrument_code, c.scale_code)
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


def _current(superseded_at: Any, spans: Sequence[Span]) -> Any:
    """Rows no span can take as a unit's latest wave go before the join: superseded before every span ended
    (for the whole organisation's window: every wave but each unit's last)."""
    ends = _moment(min(s.end for s in spans) + timedelta(days=1))
    return or_(col(superseded_at).is_(None), col(superseded_at) >= ends)


def gas_t_scores(
    session: Session, scope: Select[Any], spans: Sequence[Span], *, group: Any = None
) -> dict[Key, tuple[int, float | None]]:
    """Families with a GAS score in the span: their T-score at the span's end (active and achieved goals,
    each at its latest level; Kiresuk & Sherman, rho 0.3), how many, and their mean. From each family's
    T-score timeline (api/measurements/rollup.py): the step in force at the span's end began in the span
    exactly when the family was scored in the span."""
    span = _spans(spans)
    r = RollupGas
    first, last = _overall(spans)
    steps = _once(
        _scoped(
            [col(r.family_id), col(r.since_on), col(r.until_on), col(r.t_score)],
            col(r.family_id),
            scope,
            group,
        ).where(
            col(r.t_score).is_not(None),
            col(r.since_on) >= first,
            col(r.since_on) <= last,
            # in force after some span's end: for the whole organisation's window, each family's last step
            or_(col(r.until_on).is_(None), col(r.until_on) > min(s.end for s in spans)),
        ),
        "gas_steps",
        spans,
    )
    grp = (steps.c.grp if group is not None else null()).label("grp")
    statement = select(grp, span.c.pkey, func.count(), func.avg(steps.c.t_score)).select_from(steps)
    rows = session.execute(
        statement.join(
            span,
            and_(
                steps.c.since_on >= span.c.start_on,
                steps.c.since_on <= span.c.end_on,
                or_(steps.c.until_on.is_(None), steps.c.until_on > span.c.end_on),
            ),
        ).group_by(*_by(steps.c.grp if group is not None else None), span.c.pkey)
    ).all()
    return {
        (_uuid(grp_), pkey): (int(n), float(mean) if mean is not None else None)
        for grp_, pkey, n, mean in rows
    }


def _scoped(columns: list[Any], family_id: Any, scope: Select[Any], group: Any) -> Any:
    """A rollup's rows of the families in scope; grouped, with the group's value (`grp`): from the family, or
    from the scope that carries it (`figures`: each family once with its group), whose join then scopes."""
    if group is None:
        return select(*columns).where(family_id.in_(scope))
    if getattr(group, "table", None) is Family.__table__:  # type: ignore[attr-defined]
        joined = select(*columns, group.label("grp")).join(Family, col(Family.id) == family_id)
        return joined.where(family_id.in_(scope))
    holder: Any = group.table
    return select(*columns, group.label("grp")).join(holder, holder.c.id == family_id)


def family_counts(
    session: Session, scope: Select[Any], spans: Sequence[Span], *, group: Any = None
) -> dict[Key, Figures]:
    """Families in support at some point of each span (enrolled by its end, not closed before it began),
    by their status at the span's end (from the recorded status changes) and by family type."""
    span = _spans(spans)
    iv = RollupFamilyStatus
    grp = (group if group is not None else null()).label("grp")
    covers_end = and_(
        or_(col(iv.since).is_(None), col(iv.since) < span.c.ends),
        or_(col(iv.until).is_(None), col(iv.until) >= span.c.ends),
    )
    enrolled = or_(
        col(Family.started_on) <= span.c.end_on,
        and_(col(Family.started_on).is_(None), col(Family.created_at) < span.c.ends),
    )
    present = or_(col(iv.status) != FamilyStatus.closed, col(iv.since) > span.c.starts)
    rows = session.execute(
        select(grp, span.c.pkey, col(iv.status), col(Family.family_type), func.count())
        .select_from(iv)
        .join(Family, col(Family.id) == iv.family_id)
        .join(span, covers_end)
        .where(col(iv.family_id).in_(scope), enrolled, present)
        .group_by(*_by(group), span.c.pkey, col(iv.status), col(Family.family_type))
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
    """Every cohort figure per group and span, in four aggregate queries whatever the number of families: the
    status, GAS and scale figures read the per-family rollups (api/measurements/rollup.py), one narrow row per
    family and status interval, T-score step or wave of a scale."""
    # Found once per query, not once per use; with the group's value, so the rollups need not join the family.
    in_scope = _once(scope.add_columns(group.label("grp")) if group is not None else scope, "in_scope", spans)
    carried = in_scope.c.grp if group is not None else None
    scope = select(in_scope.c.id)
    if session.get_bind().dialect.name == "postgresql":
        # Hundreds of thousands of rollup rows are grouped: in memory, not sorts spilled to disk.
        # Compiling them (JIT) costs more than it saves on rows the planner overestimates. A SELECT (not SET),
        # so it reaches the replica the reads go to; `true`: this transaction only.
        session.execute(
            select(func.set_config("work_mem", REPORT_WORK_MEM, True), func.set_config("jit", "off", True))
        )
    found = family_counts(session, scope, spans, group=group)
    for key, (n, mean) in gas_t_scores(session, scope, spans, group=carried).items():
        found.setdefault(key, Figures()).gas_families, found[key].mean_gas_t_score = n, mean
    changes = scale_changes(
        session, scope, spans, definitions=definitions, unit=unit, wave=wave, group=carried
    )
    for key, scales in changes.items():
        found.setdefault(key, Figures()).scales = sorted(scales, key=lambda f: (f.instrument, f.scale))
    return found


def window(from_on: date | None, to_on: date | None) -> Span:
    """The staff cohort's window: open ends reach back and forward as far as the data go."""
    return Span("window", from_on or EARLIEST, to_on or LATEST)


# Shared with api/meetings/parties.py: the parties at the table are counted over the same spans and groups.
span_table = _spans
group_key = _uuid
once, overall, moment = _once, _overall, _moment

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
    "moment",
    "once",
    "overall",
    "scale_changes",
    "span_table",
    "window",
]
