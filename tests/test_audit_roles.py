"""On PostgreSQL the application's role may only INSERT and SELECT the audit trail, and cannot disable its
trigger; the suite itself runs as that role (tests/conftest.py)."""

import uuid

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import ProgrammingError

from tests.conftest import APP_ROLE, POSTGRES_URL

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="database roles are PostgreSQL's")


def test_the_application_runs_as_its_own_role(engine: Engine) -> None:
    with engine.connect() as conn:
        assert conn.execute(text("SELECT current_user")).scalar() == APP_ROLE


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_event SET action = 'read'",
        "DELETE FROM audit_event",
        "TRUNCATE audit_event",
        "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",
        "ALTER TABLE audit_event DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_event_append_only ON audit_event",
        "DROP TABLE audit_event",
        "CREATE TABLE sneaky (id int)",
        "UPDATE alembic_version SET version_num = 'x'",
    ],
)
def test_the_application_role_cannot_change_or_hide_the_audit_trail(engine: Engine, statement: str) -> None:
    with engine.connect() as conn, pytest.raises(ProgrammingError) as refused:
        conn.execute(text(statement))
    assert "permission denied" in str(refused.value) or "must be owner" in str(refused.value)


def test_the_application_role_inserts_and_reads_audit_events(engine: Engine) -> None:
    event_id = uuid.uuid4()
    with engine.connect() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_event (id, occurred_at, actor_type, action, object_type, outcome) "
                "VALUES (:id, now(), 'system', 'read', 'test', 'success')"
            ),
            {"id": event_id},
        )
        assert (
            conn.execute(text("SELECT count(*) FROM audit_event WHERE id = :id"), {"id": event_id}).scalar()
            == 1
        )
        conn.rollback()
