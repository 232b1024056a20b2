"""Audit retention on PostgreSQL: the log is partitioned by month (migration 0016), so keeping N months means
creating the coming months ahead and dropping whole months past retention (optionally archived first).

Run as the schema owner (`BONDGENOOT_MIGRATION_DATABASE_URL`): the application role may not drop anything,
and no row is ever deleted (the append-only trigger stays intact). SQLite keeps one plain table.
"""

import gzip
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, text

SCHEMA = "audit_partition"
MONTH = re.compile(r"^audit_event_(\d{4})_(\d{2})$")
MONTHS_AHEAD = 12
DEFAULT_KEEP_MONTHS = 240  # 20 years, the WGBO/Jeugdwet term for the file the log covers


@dataclass
class Retention:
    created: int = 0
    dropped: list[str] = field(default_factory=list)
    archived: list[Path] = field(default_factory=list)
    kept: int = 0


def months_back(day: date, months: int) -> date:
    """The first day of the month `months` before `day`'s month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def partitions(connection: Connection) -> dict[str, date]:
    """The monthly partitions of audit_event by name, with the first day of their month."""
    rows = connection.execute(
        text(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = 'public.audit_event'::regclass"
        )
    ).scalars()
    found = {}
    for name in rows:
        match = MONTH.match(name)
        if match:
            found[name] = date(int(match[1]), int(match[2]), 1)
    return found


def apply(
    connection: Connection,
    *,
    keep_months: int,
    today: date,
    archive_dir: Path | None = None,
    dry_run: bool = False,
) -> Retention:
    """Create the next MONTHS_AHEAD months; archive and drop every month that ended `keep_months` months
    before the current month began. The default partition is never dropped."""
    if keep_months < 1:
        raise ValueError("keep at least one month")
    result = Retention()
    if not dry_run:
        result.created = connection.execute(
            text("SELECT audit_event_ensure_partitions(:today, :ahead)"),
            {"today": today, "ahead": MONTHS_AHEAD},
        ).scalar_one()
    cutoff = months_back(today, keep_months)  # months starting before this are past retention
    for name, month in sorted(partitions(connection).items()):
        if month >= cutoff:
            result.kept += 1
            continue
        result.dropped.append(name)
        if dry_run:
            continue
        if archive_dir is not None:
            result.archived.append(_archive(connection, name, archive_dir))
        connection.execute(text(f"ALTER TABLE audit_event DETACH PARTITION {SCHEMA}.{name}"))
        connection.execute(text(f"DROP TABLE {SCHEMA}.{name}"))
    return result


def _archive(connection: Connection, name: str, archive_dir: Path) -> Path:
    """The month as gzipped CSV with a header, oldest first, written before the month is dropped."""
    archive_dir.mkdir(parents=True, exist_ok=True)
    target = archive_dir / f"{name}.csv.gz"
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    # name matched MONTH (audit_event_YYYY_MM): no input reaches this statement
    copy_sql = f"COPY (SELECT * FROM {SCHEMA}.{name} ORDER BY occurred_at, id) TO STDOUT WITH CSV HEADER"  # noqa: S608
    with gzip.open(target, "wb") as out, cursor.copy(copy_sql) as copy:
        for chunk in copy:
            out.write(bytes(chunk))
    return target
