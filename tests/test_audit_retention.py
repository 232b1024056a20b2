"""The audit log at volume: monthly partitions on PostgreSQL, months past retention archived and dropped by
the owner (`bondgenoot audit-retention`), never by the application; SQLite keeps one plain table."""

import gzip
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.exc import ProgrammingError

from api.audit.retention import apply, months_back, partitions
from api.cli import main
from tests.conftest import POSTGRES_URL

postgres_only = pytest.mark.skipif(not POSTGRES_URL, reason="partitions are PostgreSQL's")
TODAY = date(2026, 12, 7)


def test_months_back_lands_on_the_first_of_a_month() -> None:
    assert months_back(TODAY, 0) == date(2026, 12, 1)
    assert months_back(TODAY, 12) == date(2025, 12, 1)
    assert months_back(date(2026, 1, 31), 1) == date(2025, 12, 1)
    assert months_back(date(2026, 3, 1), 26) == date(2024, 1, 1)


def test_the_audit_table_keeps_only_the_indexes_its_reads_use(engine: Engine) -> None:
    names = {i["name"] for i in inspect(engine).get_indexes("audit_event")}
    assert names == {
        "ix_audit_event_family_occurred",
        "ix_audit_event_organisation_occurred",
        "ix_audit_event_actor_occurred",
    }


def test_sqlite_keeps_a_plain_table(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the SQLite path")
    main(["audit-retention", "--keep-months", "12"])
    assert "plain table" in capsys.readouterr().out


@pytest.fixture
def owner(engine: Engine) -> Iterator[Connection]:
    """A connection as the schema owner, in a transaction rolled back afterwards (DDL is transactional)."""
    owner_engine = create_engine(os.environ["BONDGENOOT_MIGRATION_DATABASE_URL"])
    with owner_engine.connect() as conn:
        outer = conn.begin()
        yield conn
        outer.rollback()
    owner_engine.dispose()


def _add(conn: Connection, day: str, n: int) -> None:
    conn.execute(
        text(
            "INSERT INTO audit_event (id, occurred_at, actor_type, action, object_type, outcome) "
            "SELECT gen_random_uuid(), CAST(:day AS timestamptz) + make_interval(mins => g), 'system', "
            "'read', 'retention-test', 'success' FROM generate_series(1, :n) g"
        ),
        {"day": day, "n": n},
    )


def _count(conn: Connection) -> int:
    return conn.execute(
        text("SELECT count(*) FROM audit_event WHERE object_type = 'retention-test'")
    ).scalar_one()


@postgres_only
def test_events_land_in_their_months_partition(owner: Connection) -> None:
    _add(owner, "2026-12-03", 2)
    where = owner.execute(
        text("SELECT DISTINCT tableoid::regclass::text FROM audit_event WHERE object_type = 'retention-test'")
    ).scalars()
    assert list(where) == ["audit_partition.audit_event_2026_12"]


@postgres_only
def test_months_past_retention_are_archived_then_dropped(owner: Connection, tmp_path: Path) -> None:
    owner.execute(text("SELECT audit_event_ensure_partitions('2023-01-01', 0)"))
    _add(owner, "2023-02-10", 3)  # 46 months before TODAY: past a 24-month retention
    _add(owner, "2025-06-10", 2)  # kept
    assert _count(owner) == 5
    dry = apply(owner, keep_months=24, today=TODAY, dry_run=True)
    assert "audit_event_2023_02" in dry.dropped and _count(owner) == 5  # a dry run changes nothing
    done = apply(owner, keep_months=24, today=TODAY, archive_dir=tmp_path)
    assert "audit_event_2023_02" in done.dropped
    assert "audit_event_2024_11" in done.dropped and "audit_event_2024_12" not in done.dropped
    assert _count(owner) == 2
    assert min(partitions(owner).values()) == date(2024, 12, 1)
    assert max(partitions(owner).values()) >= date(2027, 12, 1)  # a year ahead, so writes never wait
    archived = gzip.decompress((tmp_path / "audit_event_2023_02.csv.gz").read_bytes()).decode()
    lines = archived.splitlines()
    assert lines[0].startswith("id,occurred_at,") and len(lines) == 4


@postgres_only
def test_the_application_role_cannot_drop_a_month(engine: Engine, owner: Connection) -> None:
    with engine.connect() as conn:
        for statement in (
            "ALTER TABLE audit_event DETACH PARTITION audit_partition.audit_event_default",
            "DROP TABLE audit_partition.audit_event_default",
            "DELETE FROM audit_partition.audit_event_default",
        ):
            with pytest.raises(ProgrammingError, match=r"permission denied|must be owner"):
                conn.execute(text(statement))
            conn.rollback()


@postgres_only
def test_even_the_owner_cannot_delete_a_single_event(owner: Connection) -> None:
    _add(owner, "2026-12-03", 1)
    with pytest.raises(Exception, match="append-only"):
        owner.execute(
            text("DELETE FROM audit_partition.audit_event_2026_12 WHERE object_type = 'retention-test'")
        )
