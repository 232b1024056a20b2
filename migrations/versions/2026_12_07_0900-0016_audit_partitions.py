"""audit at volume: monthly partitions on PostgreSQL, and only the indexes its reads use; period indexes

Revision ID: 0016
Revises: 0007, 0008, 0009, 0010, 0011, 0012, 0013
Create Date: 2026-12-07 09:00:00.000000

The audit log's two reads are one family's access log (`family_id, occurred_at, id`) and the organisation's
log (`organisation_id, occurred_at, id`, filtered by actor through `actor_id, occurred_at, id`). The single-column
indexes on `occurred_at`, `action` and `actor_id` served no read and cost every write; they go. On PostgreSQL
the table becomes `PARTITION BY RANGE (occurred_at)` with one partition a month in the schema
`audit_partition` (the application role has no rights there: it writes and reads through `audit_event` only),
a default partition so a write never fails, and `audit_event_ensure_partitions(months)` to create months ahead
(`bondgenoot audit-retention` calls it and drops months past retention). Existing events are copied over.
SQLite keeps a plain table.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = ("0007", "0008", "0009", "0010", "0011", "0012", "0013")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNUSED = ("ix_audit_event_occurred_at", "ix_audit_event_action", "ix_audit_event_actor_id")
KEPT = {
    "ix_audit_event_family_occurred": "family_id, occurred_at, id",
    "ix_audit_event_organisation_occurred": "organisation_id, occurred_at, id",
    "ix_audit_event_actor_occurred": "actor_id, occurred_at, id",
}
MONTHS_AHEAD = 12
PERIOD_INDEXES = (
    ("gas_score", "ix_gas_score_family_scored", ["family_id", "scored_on"]),
    ("meeting", "ix_meeting_family_starts", ["family_id", "starts_at"]),
)

ENSURE = """
CREATE FUNCTION audit_event_ensure_partitions(first_month date, months_ahead int) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    m date := date_trunc('month', first_month)::date;
    last_month date := (date_trunc('month', now()) + make_interval(months => months_ahead))::date;
    name text;
    made int := 0;
BEGIN
    WHILE m <= last_month LOOP
        name := 'audit_event_' || to_char(m, 'YYYY_MM');
        IF to_regclass('audit_partition.' || name) IS NULL THEN
            IF EXISTS (SELECT 1 FROM audit_partition.audit_event_default
                       WHERE occurred_at >= m AND occurred_at < m + interval '1 month') THEN
                RAISE WARNING 'audit events of % are in the default partition; month not split off', m;
            ELSE
                EXECUTE format(
                    'CREATE TABLE audit_partition.%I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)',
                    name, m::timestamptz, (m + interval '1 month')::timestamptz
                );
                made := made + 1;
            END IF;
        END IF;
        m := (m + interval '1 month')::date;
    END LOOP;
    RETURN made;
END;
$$;
"""


def upgrade() -> None:
    # The cohort and funder outcomes read a scope's scores and meetings in a period by family.
    for table, name, columns in PERIOD_INDEXES:
        with op.batch_alter_table(table) as batch:
            batch.create_index(name, columns)
            batch.drop_index(f"ix_{table}_family_id")  # the composite leads with it
    if op.get_bind().dialect.name != "postgresql":
        with op.batch_alter_table("audit_event") as batch:
            for name in UNUSED:
                batch.drop_index(name)
            batch.create_index("ix_audit_event_actor_occurred", ["actor_id", "occurred_at", "id"])
        return
    for name in (*UNUSED, "ix_audit_event_family_occurred", "ix_audit_event_organisation_occurred"):
        op.execute(f"DROP INDEX {name}")
    op.execute(
        """
        ALTER TABLE audit_event RENAME TO audit_event_unpartitioned;
        ALTER TABLE audit_event_unpartitioned RENAME CONSTRAINT pk_audit_event TO pk_audit_event_unpartitioned;
        CREATE SCHEMA audit_partition;
        CREATE TABLE audit_event (LIKE audit_event_unpartitioned INCLUDING DEFAULTS)
            PARTITION BY RANGE (occurred_at);
        CREATE TABLE audit_partition.audit_event_default PARTITION OF audit_event DEFAULT;
        """
    )
    op.execute(ENSURE)
    op.execute(
        f"""
        SELECT audit_event_ensure_partitions(
            coalesce((SELECT min(occurred_at) FROM audit_event_unpartitioned), now())::date, {MONTHS_AHEAD});
        INSERT INTO audit_event SELECT * FROM audit_event_unpartitioned;
        DROP TABLE audit_event_unpartitioned;
        ALTER TABLE audit_event ADD CONSTRAINT pk_audit_event PRIMARY KEY (id, occurred_at);
        """
    )
    for name, columns in KEPT.items():
        op.execute(f"CREATE INDEX {name} ON audit_event ({columns})")
    _append_only("audit_event")


def _append_only(table: str) -> None:
    # Row triggers on a partitioned table are cloned onto every partition, present and future; TRUNCATE is
    # refused on the whole table. Dropping a month past retention is the owner's deliberate act.
    op.execute(
        f"""
        CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
        CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
        """
    )


def downgrade() -> None:
    for table, name, _columns in PERIOD_INDEXES:
        with op.batch_alter_table(table) as batch:
            batch.create_index(f"ix_{table}_family_id", ["family_id"])
            batch.drop_index(name)
    if op.get_bind().dialect.name != "postgresql":
        with op.batch_alter_table("audit_event") as batch:
            batch.drop_index("ix_audit_event_actor_occurred")
            batch.create_index("ix_audit_event_actor_id", ["actor_id"])
            batch.create_index("ix_audit_event_action", ["action"])
            batch.create_index("ix_audit_event_occurred_at", ["occurred_at"])
        return
    op.execute(
        """
        ALTER TABLE audit_event RENAME TO audit_event_partitioned;
        ALTER TABLE audit_event_partitioned RENAME CONSTRAINT pk_audit_event TO pk_audit_event_partitioned;
        CREATE TABLE audit_event (LIKE audit_event_partitioned INCLUDING DEFAULTS);
        INSERT INTO audit_event SELECT * FROM audit_event_partitioned;
        DROP TABLE audit_event_partitioned;
        DROP SCHEMA audit_partition CASCADE;
        DROP FUNCTION audit_event_ensure_partitions(date, int);
        ALTER TABLE audit_event ADD CONSTRAINT pk_audit_event PRIMARY KEY (id);
        CREATE INDEX ix_audit_event_family_occurred ON audit_event (family_id, occurred_at, id);
        CREATE INDEX ix_audit_event_organisation_occurred ON audit_event (organisation_id, occurred_at, id);
        CREATE INDEX ix_audit_event_actor_id ON audit_event (actor_id);
        CREATE INDEX ix_audit_event_action ON audit_event (action);
        CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);
        CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
            FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
        """
    )
