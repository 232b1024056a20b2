"""Response tracking: per organisation (and pooled), wave and instrument, who was invited, started, completed
or is overdue. The plan itself comes from api/measurements/wave_plan.py (the one the family's page shows)."""

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from api.core.config import get_settings
from api.measurements.repository import latest_definitions
from api.measurements.wave_plan import plan_rows
from api.measurements.waves import entry_status
from api.models import Family, MeasurementStatus, ResearchProject, Wave
from api.research.schemas import ResponseRow
from api.research.scope import dataset_families

POOLED = "ALL"
WAVES = [w.value for w in Wave]


def _order(item: tuple[tuple[str, str], object]) -> tuple[int, str]:
    (wave, instrument), _ = item
    return WAVES.index(wave), instrument


@dataclass
class Tally:
    invited: int = 0
    started: int = 0
    completed: int = 0
    overdue: int = 0

    def row(self, organisation: str | None, wave: str, instrument: str) -> ResponseRow:
        rate = round(self.completed / self.invited, 4) if self.invited else None
        return ResponseRow(
            organisation_code=organisation,
            wave=wave,
            instrument_code=instrument,
            invited=self.invited,
            started=self.started,
            completed=self.completed,
            overdue=self.overdue,
            response_rate=rate,
        )


def _organisation_tallies(
    session: Session, project: ResearchProject, organisation_id: uuid.UUID, today: date
) -> dict[tuple[str, str], Tally]:
    """One organisation's tallies, from the set-based plan every family page and worklist reads."""
    definitions = latest_definitions(session, organisation_id)
    settings, tallies = get_settings(), dict[tuple[str, str], Tally]()
    statement = plan_rows(dataset_families(project, organisation_id=organisation_id), definitions, settings)
    if statement is None:
        return tallies
    for row in session.execute(statement):
        # only waves that fell due within the project's period count as invitations
        if not project.period_start_on <= row.due_on <= project.period_end_on:
            continue
        started = MeasurementStatus(row.measurement_status) if row.measurement_status is not None else None
        status = entry_status(row.due_on, today, started, settings)
        if status == "upcoming":
            continue
        tally = tallies.setdefault((row.wave, row.code), Tally())
        tally.invited += 1
        tally.started += status in ("in_progress", "done")
        tally.completed += status == "done"
        tally.overdue += status == "overdue"
    return tallies


def response_rows(
    session: Session,
    project: ResearchProject,
    *,
    codes: dict[uuid.UUID, str],
    today: date,
    only: uuid.UUID | None = None,
) -> list[ResponseRow]:
    """Rows per joined organisation (one at a time, so memory follows the largest organisation) and pooled."""
    pooled: dict[tuple[str, str], Tally] = {}
    rows: list[ResponseRow] = []
    joined = session.exec(
        select(Family.organisation_id).where(col(Family.id).in_(dataset_families(project))).distinct()
    ).all()
    for organisation_id in sorted(joined, key=lambda o: codes.get(o, "")):
        tallies = _organisation_tallies(session, project, organisation_id, today)
        for (wave, instrument), tally in sorted(tallies.items(), key=_order):
            total = pooled.setdefault((wave, instrument), Tally())
            for name in ("invited", "started", "completed", "overdue"):
                setattr(total, name, getattr(total, name) + getattr(tally, name))
            if only is None or organisation_id == only:
                rows.append(tally.row(codes.get(organisation_id), wave, instrument))
    rows.extend(
        tally.row(None, wave, instrument) for (wave, instrument), tally in sorted(pooled.items(), key=_order)
    )
    return rows


def csv_rows(rows: Sequence[ResponseRow]) -> Iterator[Sequence[str | None]]:
    for r in rows:
        yield (
            r.organisation_code or POOLED,
            r.wave,
            r.instrument_code,
            str(r.invited),
            str(r.started),
            str(r.completed),
            str(r.overdue),
            "" if r.response_rate is None else str(r.response_rate),
        )
