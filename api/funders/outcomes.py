"""Region outcomes for a funder: the staff cohort's figures (api/measurements/evidence.py) per region and
calendar period, with cells withheld so that no combination of requests isolates a small group."""

from collections.abc import Callable
from datetime import date, timedelta

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import FunderPrincipal
from api.core.config import get_settings
from api.core.errors import Unprocessable
from api.families.repository import funder_family_ids
from api.funders.schemas import (
    Cell,
    InstrumentChange,
    OutcomesReport,
    PartyCell,
    Period,
    RegionPeriodOutcomes,
)
from api.funders.suppression import Node, Reason, decide, key_of, lattice
from api.measurements import evidence
from api.measurements.definitions import InstrumentDefinition
from api.measurements.norms import norms_status
from api.measurements.repository import latest_definitions
from api.meetings.parties import PARTIES, PartyCount, parties_at_table
from api.models import Family, FamilyStatus, FamilyType, Region
from api.models.base import localtoday

MAX_PERIODS = 60


def periods(start: date, end: date, period: Period) -> list[tuple[date, date]]:
    """Whole calendar months, quarters or years from start to end (both must sit on period boundaries)."""
    return [
        (n.start, n.end)
        for n in lattice(start.year, end.year, period.value)
        if n.level == period.value and start <= n.start and n.end <= end
    ]


def _aligned(start: date, end: date, period: Period) -> None:
    step = {Period.month: 1, Period.quarter: 3, Period.year: 12}[period]
    following = end + timedelta(days=1)
    for name, day in (("from", start), ("to", following)):
        if day.day != 1 or (day.month - 1) % step:
            which = "first" if name == "from" else "last"
            nl = "eerste" if name == "from" else "laatste"
            message = (
                f"'{name}' moet de {nl} dag van een {period.value} zijn / "
                f"'{name}' must be the {which} day of a {period.value}: windows are whole calendar periods."
            )
            raise Unprocessable(message, errors=[{"field": name, "message": message, "type": "value_error"}])


def count_group(counts: dict[str, int], threshold: int) -> dict[str, Cell]:
    """Counts that add up to a shown total: a single withheld cell could be recovered by subtraction,
    so the next smallest is withheld too (complementary suppression)."""
    withheld = {key for key, n in counts.items() if 0 < n < threshold}
    if len(withheld) == 1 and len(counts) > 1:
        shown = [k for k in counts if k not in withheld and counts[k] > 0]
        if shown:
            withheld.add(min(shown, key=lambda k: counts[k]))
    return {
        k: Cell(suppressed=True, reason=Reason.below_threshold) if k in withheld else Cell(value=n)
        for k, n in counts.items()
    }


def _cell(value: float | None, reason: Reason | None) -> Cell:
    if reason is not None:
        return Cell(suppressed=True, reason=reason)
    return Cell(value=round(value, 2) if value is not None else None)


def _norms_reason(definition: InstrumentDefinition | None, scale: str) -> Reason | None:
    """Reliable change rests on the scale's norms: example norms never reach a funder."""
    if definition is None:
        return Reason.no_norms
    status = norms_status(definition.scale(scale))
    return None if status == "sourced" else Reason.no_norms if status is None else Reason.example_norms


def outcomes(
    session: Session, principal: FunderPrincipal, *, start: date | None, end: date | None, period: Period
) -> OutcomesReport:
    """Outcomes of the client's regions, per region and whole calendar period; see api/funders/suppression."""
    today = localtoday()
    current = [n for n in lattice(today.year, today.year, period.value) if n.level == period.value]
    end = end or next(n.end for n in current if n.start <= today <= n.end)
    start = start or date(end.year, 1, 1)
    spans = periods(start, end, period) if start <= end else []
    if start <= end:
        _aligned(start, end, period)
    if not spans or len(spans) > MAX_PERIODS:
        message = f"Kies een periode van 1 tot {MAX_PERIODS} delen / choose 1 to {MAX_PERIODS} periods."
        raise Unprocessable(
            message,
            errors=[{"field": "from", "message": message, "type": "value_error"}],
            code="period_invalid",
        )
    threshold = get_settings().suppression_threshold
    nodes = lattice(start.year, end.year, period.value)
    definitions = latest_definitions(session, principal.organisation_id)
    found = evidence.figures(
        session,
        funder_family_ids(principal),
        [evidence.Span(n.key, n.start, n.end) for n in nodes],
        definitions=definitions,
        group=col(Family.region_id),
    )
    at_table = parties_at_table(
        session,
        funder_family_ids(principal),
        spans=[evidence.Span(n.key, n.start, n.end) for n in nodes],
        group=col(Family.region_id),
    )
    regions = session.exec(
        select(Region).where(col(Region.id).in_(principal.region_ids)).order_by(col(Region.name))
    ).all()
    by_code = {d.code: d for d in definitions}
    decided: dict[tuple[tuple[str, int], ...], dict[str, Reason | None]] = {}  # per region and figure
    cells = [
        _region_period(region, node, nodes, found, by_code, threshold, today, at_table, decided)
        for region in regions
        for node in nodes
        if node.level == period.value and start <= node.start and node.end <= end
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


def _region_period(
    region: Region,
    node: Node,
    nodes: list[Node],
    found: dict[evidence.Key, evidence.Figures],
    definitions: dict[str, InstrumentDefinition],
    threshold: int,
    today: date,
    at_table: dict[evidence.Key, dict[str, PartyCount]],
    decided: dict[tuple[tuple[str, int], ...], dict[str, Reason | None]],
) -> RegionPeriodOutcomes:
    empty = evidence.Figures()
    per_node = {n.key: found.get((region.id, n.key), empty) for n in nodes}
    here = per_node[node.key]
    open_period = node.end >= today  # figures still moving day by day would give themselves away

    def reason(counts: dict[str, int]) -> Reason | None:
        if open_period:
            return Reason.period_open
        # the same counts (one region's figure over every period) decide every period at once
        key = tuple(sorted(counts.items()))
        if key not in decided:
            decided[key] = decide(nodes, counts, threshold)
        return decided[key][node.key]

    families = reason({k: f.families for k, f in per_node.items()})
    by_status = count_group({s.value: here.by_status.get(s.value, 0) for s in FamilyStatus}, threshold)
    types = [t.value for t in FamilyType] + (["unknown"] if here.by_family_type.get("unknown") else [])
    by_type = count_group({t: here.by_family_type.get(t, 0) for t in types}, threshold)
    if families is not None:  # the total itself is withheld: then so is every part of it
        by_status = {k: Cell(suppressed=True, reason=families) for k in by_status}
        by_type = {k: Cell(suppressed=True, reason=families) for k in by_type}
    scales = sorted({(s.instrument, s.scale) for f in per_node.values() for s in f.scales})
    instruments = []
    for code, scale in scales:
        figure = {
            k: next((s for s in f.scales if (s.instrument, s.scale) == (code, scale)), None)
            for k, f in per_node.items()
        }
        mine = figure[node.key]
        if mine is None:
            continue
        withheld = reason({k: s.n_families if s else 0 for k, s in figure.items()})
        share = mine.n_improved / mine.n_classified if mine.n_classified else None
        instruments.append(
            InstrumentChange(
                instrument=code,
                scale=scale,
                families=_cell(mine.n_families, withheld),
                mean_change=_cell(mine.mean_change, withheld),
                reliable_improvement_share=_cell(
                    share, withheld or _norms_reason(definitions.get(code), scale)
                ),
            )
        )
    return RegionPeriodOutcomes(
        region_id=region.id,
        region_name=region.name,
        period_start=node.start,
        period_end=node.end,
        families=_cell(here.families, families),
        by_status=by_status,
        by_family_type=by_type,
        meetings_held=_cell(
            here.meetings, reason({k: f.families_with_meetings for k, f in per_node.items()})
        ),
        mean_gas_t_score=_cell(
            here.mean_gas_t_score, reason({k: f.gas_families for k, f in per_node.items()})
        ),
        instruments=instruments,
        parties=_parties(region, node, nodes, at_table, reason, per_node, threshold),
    )


def _parties(
    region: Region,
    node: Node,
    nodes: list[Node],
    at_table: dict[evidence.Key, dict[str, PartyCount]],
    reason: Callable[[dict[str, int]], Reason | None],
    per_node: dict[str, evidence.Figures],
    threshold: int,
) -> list[PartyCell]:
    """Each party's meetings, withheld on the families behind them like every other cell, and also when the
    families of all held meetings minus this party's would leave fewer than `threshold` (a subtraction)."""
    empty = PartyCount()
    cells = []
    for party in PARTIES:
        counts = {n.key: at_table.get((region.id, n.key), {}).get(party, empty) for n in nodes}
        mine = counts[node.key]
        withheld = reason({k: c.families for k, c in counts.items()})
        rest = per_node[node.key].families_with_meetings - mine.families
        if withheld is None and mine.families and 0 < rest < threshold:
            withheld = Reason.difference
        cells.append(PartyCell(party=party, meetings=_cell(mine.meetings, withheld)))
    return cells


__all__ = ["count_group", "key_of", "outcomes", "periods"]
