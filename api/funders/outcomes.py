"""Region outcomes for a funder: per region and period, with small cells suppressed."""

import statistics
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import FunderPrincipal
from api.core.config import get_settings
from api.core.errors import Unprocessable
from api.funders.repository import funder_families
from api.funders.schemas import Cell, InstrumentChange, OutcomesReport, Period, RegionPeriodOutcomes
from api.funders.sources import FamilyFacts, GoalFact, Window, collect
from api.measurements.scoring import gas_t_score
from api.models import Family, FamilyStatus, FamilyType, Region

MAX_PERIODS = 60
IMPROVED = {"improved", "recovered"}


def periods(start: date, end: date, period: Period) -> list[tuple[date, date]]:
    """Calendar months, quarters or years covering start…end, clipped to it."""
    step = {Period.month: 1, Period.quarter: 3, Period.year: 12}[period]
    month = ((start.month - 1) // step) * step + 1
    cursor = date(start.year, month, 1)
    spans = []
    while cursor <= end:
        months = cursor.month - 1 + step
        following = date(cursor.year + months // 12, months % 12 + 1, 1)
        spans.append((max(cursor, start), min(following - timedelta(days=1), end)))
        cursor = following
    return spans


def in_care(family: Family, window: Window) -> bool:
    begin = family.started_on or family.created_at.date()
    return (window.end is None or begin <= window.end) and (
        family.ended_on is None or window.start is None or family.ended_on >= window.start
    )


def status_at(family: Family, day: date) -> FamilyStatus:
    """The status at the end of a period, derived from the start and end dates (no status history kept)."""
    if family.ended_on is not None and family.ended_on <= day:
        return FamilyStatus.closed
    if family.started_on is None or family.started_on > day:
        return FamilyStatus.intake
    if family.status in (FamilyStatus.active, FamilyStatus.phasing_out):
        return family.status
    return FamilyStatus.active


def cell(value: float | None, families: int, threshold: int) -> Cell:
    if families < threshold or value is None:
        return Cell(suppressed=True)
    return Cell(value=round(value, 2))


def count_group(counts: dict[str, int], threshold: int) -> dict[str, Cell]:
    """Counts that add up to a shown total: a single withheld cell could be recovered by subtraction,
    so the next smallest is withheld too (complementary suppression)."""
    withheld = {key for key, n in counts.items() if n < threshold}
    if len(withheld) == 1 and len(counts) > 1:
        withheld.add(min((k for k in counts if k not in withheld), key=lambda k: counts[k]))
    return {k: Cell(suppressed=True) if k in withheld else Cell(value=n) for k, n in counts.items()}


def family_t_score(goals: Sequence[GoalFact], day: date) -> float | None:
    """The family's GAS T-score from each goal's latest level on or before `day`."""
    latest = []
    for goal in goals:
        levels = [level for on, level in sorted(goal.scores) if on <= day]
        latest.append((levels[-1] if levels else None, goal.weight))
    return gas_t_score(latest) if latest else None


def instrument_changes(
    facts: Iterable[FamilyFacts], window: Window, threshold: int
) -> list[InstrumentChange]:
    """Per instrument scale: each family's latest change from T0 measured in the window."""
    latest: dict[tuple[str, str], dict[int, tuple[date, float, str | None]]] = defaultdict(dict)
    for index, family in enumerate(facts):
        for score in family.scores:
            if score.change_from_t0 is None or not window.contains(score.completed_on):
                continue
            seen = latest[(score.instrument, score.scale)].get(index)
            if seen is None or seen[0] <= score.completed_on:
                latest[(score.instrument, score.scale)][index] = (
                    score.completed_on,
                    score.change_from_t0,
                    score.change_class,
                )
    changes = []
    for (instrument, scale), per_family in sorted(latest.items()):
        n = len(per_family)
        values = [change for _, change, _ in per_family.values()]
        improved = sum(1 for *_, kind in per_family.values() if kind in IMPROVED)
        changes.append(
            InstrumentChange(
                instrument=instrument,
                scale=scale,
                families=cell(n, n, threshold),
                mean_change=cell(statistics.fmean(values), n, threshold),
                reliable_improvement_share=cell(improved / n, n, threshold),
            )
        )
    return changes


def region_period(
    region: Region,
    families: list[Family],
    facts: dict[uuid.UUID, FamilyFacts],
    window: Window,
    threshold: int,
) -> RegionPeriodOutcomes:
    assert window.start is not None and window.end is not None
    present = [f for f in families if f.region_id == region.id and in_care(f, window)]
    total = len(present)
    statuses = Counter(status_at(f, window.end).value for f in present)
    types = Counter(f.family_type.value if f.family_type else "unknown" for f in present)
    met = {f.id: sum(1 for m in facts[f.id].meetings if window.contains(m.held_on)) for f in present}
    with_meetings = sum(1 for n in met.values() if n)
    t_scores = [t for f in present if (t := family_t_score(facts[f.id].goals, window.end)) is not None]
    by_status = count_group({s.value: statuses.get(s.value, 0) for s in FamilyStatus}, threshold)
    type_keys = [t.value for t in FamilyType] + (["unknown"] if types.get("unknown") else [])
    by_type = count_group({k: types.get(k, 0) for k in type_keys}, threshold)
    if total < threshold:  # the total itself is withheld: then so is every part of it
        by_status = {k: Cell(suppressed=True) for k in by_status}
        by_type = {k: Cell(suppressed=True) for k in by_type}
    return RegionPeriodOutcomes(
        region_id=region.id,
        region_name=region.name,
        period_start=window.start,
        period_end=window.end,
        families=cell(total, total, threshold),
        by_status=by_status,
        by_family_type=by_type,
        meetings_held=cell(sum(met.values()), with_meetings, threshold),
        mean_gas_t_score=cell(statistics.fmean(t_scores) if t_scores else None, len(t_scores), threshold),
        instruments=instrument_changes((facts[f.id] for f in present), window, threshold),
    )


def outcomes(
    session: Session, principal: FunderPrincipal, *, start: date | None, end: date | None, period: Period
) -> OutcomesReport:
    """Outcomes of the client's regions, per region and period; cells under the threshold are withheld."""
    end = end or date.today()
    start = start or date(end.year, 1, 1)
    spans = periods(start, end, period) if start <= end else []
    if not spans or len(spans) > MAX_PERIODS:
        message = f"Kies een periode van 1 tot {MAX_PERIODS} delen / choose 1 to {MAX_PERIODS} periods."
        raise Unprocessable(
            message,
            errors=[{"field": "from", "message": message, "type": "value_error"}],
            code="period_invalid",
        )
    threshold = get_settings().suppression_threshold
    families = list(session.exec(funder_families(principal, aggregates=True)).all())
    facts = collect(session, [f.id for f in families])
    regions = session.exec(
        select(Region).where(col(Region.id).in_(principal.region_ids)).order_by(col(Region.name))
    ).all()
    cells = [
        region_period(region, families, facts, Window(a, b), threshold)
        for region in regions
        for a, b in spans
    ]
    audit.record(session, principal, action="read_outcomes", object_type="outcomes")
    return OutcomesReport(
        funder_name=principal.funder_name,
        suppression_threshold=threshold,
        start=start,
        end=end,
        period=period,
        cells=cells,
    )
