"""The dataset as a streamed ZIP holding a Frictionless Data Package.

Python's zipfile writes to an unseekable stream (sizes go in data descriptors), so the archive is produced
into a small buffer that is handed on and emptied after every batch of rows: memory stays at one batch
whatever the size of the project. No extra library is needed for that.
"""

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

from sqlmodel import Session

from api.models import ResearchProject
from api.research import response, rows_family, rows_measures
from api.research.cohort import cohort_figures
from api.research.context import ExportContext, context_for
from api.research.dictionary import shared_tables
from api.research.readme import package_descriptor, readme_text
from api.research.tables import Table

FLUSH_BYTES = 64 * 1024
WRITERS: dict[str, Callable[[ExportContext], Iterator[Sequence[str | None]]]] = {
    "families": rows_family.families,
    "status_history": rows_family.status_history,
    "respondents": rows_family.respondents,
    "measurements": rows_measures.measurements,
    "item_answers": rows_measures.item_answers,
    "scale_scores": rows_measures.scale_scores,
    "scales": rows_measures.scales,
    "gas_goals": rows_family.gas_goals,
    "gas_scores": rows_family.gas_scores,
    "meetings": rows_family.meetings,
    "factors": rows_family.factors,
    "cost_events": rows_family.cost_events,
    "checkins_monthly": rows_family.checkins_monthly,
}


class _Sink(io.RawIOBase):
    """A write-only, unseekable stream whose bytes are taken out by `drain`."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._chunks.append(chunk)
        self.size += len(chunk)
        return len(chunk)

    def drain(self) -> bytes:
        out = b"".join(self._chunks)
        self._chunks.clear()
        self.size = 0
        return out


def _rows(ctx: ExportContext, table: Table) -> Iterator[Sequence[str | None]]:
    if table.name == "response_tracking":
        return response.csv_rows(
            response.response_rows(ctx.session, ctx.project, codes=ctx.codes, today=ctx.today)
        )
    return WRITERS[table.name](ctx)


def stream_dataset(session: Session, project: ResearchProject, *, today: date) -> Iterator[bytes]:
    """The ZIP, chunk by chunk: datapackage.json, README.md, then one CSV per table, row batch by batch."""
    ctx = context_for(session, project, today=today)
    tables = shared_tables(project.shares)
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(package_descriptor(project, tables, today), indent=2))
        archive.writestr("README.md", readme_text(project, tables, cohort_figures(session, project)))
        yield sink.drain()
        for table in tables:
            with archive.open(f"data/{table.name}.csv", "w", force_zip64=True) as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)
                writer = csv.writer(text, lineterminator="\n")
                writer.writerow([c.name for c in table.columns])
                for row in _rows(ctx, table):
                    writer.writerow(row)
                    if sink.size >= FLUSH_BYTES:
                        yield sink.drain()
                text.flush()
                text.detach()
            yield sink.drain()
    yield sink.drain()
