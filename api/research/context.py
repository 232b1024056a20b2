"""What every table writer of one export shares: the session, the project, its scope and its pseudonyms."""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select
from sqlmodel import Session, col, select

from api.models import ResearchOrganisation, ResearchProject
from api.research.pseudonyms import Pseudonymiser
from api.research.scope import dataset_families

BATCH = 500  # rows fetched per round trip while streaming


@dataclass
class ExportContext:
    session: Session
    project: ResearchProject
    pseudo: Pseudonymiser
    codes: dict[uuid.UUID, str]  # organisation id -> the project's code for it
    today: date

    @property
    def scope(self) -> Select[Any]:
        """The dataset's family ids, as a subquery (never a list of ids)."""
        return dataset_families(self.project)

    def stream(self, statement: Any) -> Iterator[Any]:
        """Rows of `statement`, fetched in batches (a server-side cursor on PostgreSQL)."""
        yield from self.session.execute(statement.execution_options(yield_per=BATCH))


def context_for(session: Session, project: ResearchProject, *, today: date) -> ExportContext:
    codes = dict(
        session.exec(
            select(ResearchOrganisation.organisation_id, ResearchOrganisation.code).where(
                col(ResearchOrganisation.project_id) == project.id
            )
        ).all()
    )
    return ExportContext(session, project, Pseudonymiser(project.pseudonym_key), codes, today)


def month(value: date | datetime | None) -> str:
    """A date to the month ("2026-03"), the only precision the dataset carries; "" when absent."""
    return "" if value is None else f"{value.year:04d}-{value.month:02d}"


def number(value: float | None, digits: int = 4) -> str:
    return "" if value is None else f"{round(float(value), digits)}"


def flag(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def text(value: Any) -> str:
    """An enum or plain value as CSV text ("" for None)."""
    if value is None:
        return ""
    return str(getattr(value, "value", value))


def day_start(day: date, plus_days: int = 0) -> datetime:
    """Midnight UTC at the start of `day` (plus some days): periods compare timestamps as [start, end)."""
    return datetime.combine(day + timedelta(days=plus_days), time.min, tzinfo=UTC)
