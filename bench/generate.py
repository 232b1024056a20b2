"""A national-scale data set on PostgreSQL, in minutes: the demo's families cloned N times with plain SQL.

    .venv/bin/python bench/generate.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench \
        --families 100000 [--audit-events 10000000]

It migrates an empty database, loads the demo (30 families with members, network, plans, goals, GAS scores,
actions, meetings with participants, measurements with every respondent's scale scores, check-ins, consents,
factors and audit events), then copies every family-owned row with one `INSERT … SELECT … CROSS JOIN
generate_series` per table. Copy n of a row gets id md5(id || ':' || n), so every reference between copied
rows stays intact; dates move back by up to two years per copy (families start on different days), families
spread over 31 regions, and the demo's three supporters become one supporter per ~40 families. Optionally it
adds synthetic audit events (reads by the supporter) until the audit table holds `--audit-events` rows.
"""

import argparse
import math
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, String, Table, UniqueConstraint, Uuid, create_engine
from sqlalchemy.engine import Connection

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlmodel import SQLModel  # noqa: E402

import api.models  # noqa: E402, F401  (registers every table)

TEMPLATE_FAMILIES = 30  # what seed-demo makes
FAMILIES_PER_SUPPORTER = 40
REGIONS = 31  # the zorgkantoorregio's
SKIPPED = {"webhook_message", "webhook_attempt", "webhook_endpoint", "refresh_token", "idempotency_record"}


def run(connection: Connection, sql: str) -> Any:
    """Plain SQL straight to the driver (no placeholders, so % is the modulo operator)."""
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(sql)
    return cursor


def family_tables() -> list[Table]:
    """Tables whose rows belong to one family (reachable from `family` by foreign keys), parents first."""
    owned = {"family"}
    ordered = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name == "family" or any(fk.column.table.name in owned for fk in table.foreign_keys):
            if table.name in SKIPPED:
                continue
            owned.add(table.name)
            ordered.append(table)
    return ordered


def unique_columns(table: Table) -> set[str]:
    """Columns that are unique on their own (a constraint, an index or the column's flag)."""
    groups = [c.columns for c in table.constraints if isinstance(c, UniqueConstraint)]
    groups += [i.columns for i in table.indexes if i.unique]
    return {c.name for c in table.columns if c.unique} | {
        next(iter(cols)).name for cols in groups if len(cols) == 1
    }


def column_copy(table: Table, name: str, owned: set[str]) -> str:
    """The SQL expression that copies column `name` of `table` into copy number n."""
    column = table.c[name]
    quoted = f'src."{name}"'
    remap = f"md5({quoted}::text || ':' || n)::uuid"
    targets = {fk.column.table.name for fk in column.foreign_keys}
    if targets & owned or (column.primary_key and isinstance(column.type, Uuid)):
        return remap
    if "app_user" in targets or name == "actor_id":
        return f"pg_temp.bench_user({quoted}, n)"
    if "region" in targets:
        return f"(SELECT r.id FROM bench_region r WHERE r.slot = n % {REGIONS})"
    if table.name == "measurement" and name == "respondent_id":
        user = f"pg_temp.bench_user({quoted}, n)"
        return f'CASE WHEN src."respondent_member_id" IS NOT NULL THEN {remap} ELSE {user} END'
    if isinstance(column.type, Uuid) and not targets:
        return remap  # object ids, participant ids: rows of the same family
    if table.name == "family" and name == "reference":
        return f"{quoted} || '-' || n"
    if name in unique_columns(table) and isinstance(getattr(column.type, "impl", column.type), String):
        return f"md5({quoted} || ':' || n)"  # meeting uids, link token digests: unique per copy
    if isinstance(column.type, DateTime) or getattr(column.type, "impl", None).__class__ is DateTime:
        return f"{quoted} - make_interval(days => (n * 37) % 730)"
    if isinstance(column.type, Date):
        return f"{quoted} - ((n * 37) % 730)"
    return quoted


def clone(connection: Connection, copies: int) -> None:
    tables = family_tables()
    owned = {t.name for t in tables}
    for table in [*tables, SQLModel.metadata.tables["audit_event"]]:
        names = [c.name for c in table.columns]
        values = ", ".join(column_copy(table, name, owned) for name in names)
        where = ' WHERE src."family_id" IS NOT NULL' if table.name == "audit_event" else ""
        started = time.perf_counter()
        result = run(
            connection,
            (
                f'INSERT INTO "{table.name}" ({", ".join(f"{chr(34)}{n}{chr(34)}" for n in names)}) '
                f'SELECT {values} FROM "{table.name}" src CROSS JOIN generate_series(1, {copies}) n{where}'
            ),
        )
        print(f"  {table.name:<22}{result.rowcount:>10} rows  {time.perf_counter() - started:6.1f} s")


def prepare(connection: Connection, supporters_per_template: int) -> None:
    """Regions, supporters, and the two helper objects the copy statements use."""
    run(
        connection,
        (
            "INSERT INTO region (id, name, funder_name, created_at) "
            "SELECT md5('region:' || g)::uuid, 'Regio ' || lpad(g::text, 2, '0'), "
            "(ARRAY['CZ','Menzis','VGZ','Zilveren Kruis','DSW'])[1 + g % 5], now() "
            f"FROM generate_series(1, {REGIONS} - (SELECT count(*) FROM region)) g"
        ),
    )
    run(
        connection,
        (
            "CREATE TEMP TABLE bench_region AS "
            "SELECT id, (row_number() OVER (ORDER BY name) - 1)::int AS slot FROM region"
        ),
    )
    run(
        connection,
        ("CREATE TEMP TABLE bench_template_supporter AS SELECT id FROM app_user WHERE role = 'supporter'"),
    )
    run(
        connection,
        (
            "INSERT INTO app_user (id, organisation_id, email, full_name, role, password_hash, is_active, "
            "created_at) SELECT md5(u.id::text || ':s' || k)::uuid, u.organisation_id, "
            "'s' || k || '.' || u.email, u.full_name || ' ' || k, u.role, u.password_hash, true, "
            "u.created_at "
            f"FROM app_user u CROSS JOIN generate_series(1, {supporters_per_template}) k "
            "WHERE u.role = 'supporter'"
        ),
    )
    # Copy n of a family (and everything in it) goes to supporter copy n mod S of the template's supporter.
    run(
        connection,
        (
            "CREATE FUNCTION pg_temp.bench_user(u uuid, n int) RETURNS uuid LANGUAGE sql STABLE AS $$ "
            "SELECT CASE WHEN u IN (SELECT id FROM bench_template_supporter) "
            f"THEN md5(u::text || ':s' || (1 + n % {supporters_per_template}))::uuid ELSE u END $$"
        ),
    )


def add_audit_events(connection: Connection, target: int) -> None:
    """Reads by each family's supporter, spread over two years, until the audit table holds `target` rows.

    Each batch commits on its own, so a long fill that is stopped keeps what it wrote (event n gets id
    md5('audit:' || n), numbered after the rows already present)."""
    have = run(connection, ("SELECT count(*) FROM audit_event")).fetchone()[0]
    missing = target - have
    if missing <= 0:
        return
    run(
        connection,
        (
            "CREATE TEMP TABLE bench_family AS SELECT (row_number() OVER ())::int - 1 AS slot, id, "
            "organisation_id, supporter_id FROM family"
        ),
    )
    count = run(connection, ("SELECT count(*) FROM bench_family")).fetchone()[0]
    batch = 2_000_000
    for start in range(0, missing, batch):
        size = min(batch, missing - start)
        run(
            connection,
            (
                "INSERT INTO audit_event (id, occurred_at, actor_type, actor_id, actor_role, "
                "organisation_id, action, object_type, object_id, family_id, outcome, client_address, "
                "purpose) "
                "SELECT md5('audit:' || g)::uuid, "
                "now() - make_interval(secs => (g::bigint * 7919) % 63072000), "
                "'user', f.supporter_id, 'supporter', f.organisation_id, "
                "(ARRAY['read','list','update'])[1 + g % 3], 'family', f.id, f.id, 'success', "
                "'10.0.0.1', NULL "
                f"FROM generate_series({have + start + 1}, {have + start + size}) g "
                f"JOIN bench_family f ON f.slot = (g::bigint * 104729) % {count}"
            ),
        )
        connection.connection.commit()  # run() writes through the driver, beside SQLAlchemy's transaction
        print(f"  audit_event +{size} rows", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True, help="an empty PostgreSQL database")
    parser.add_argument("--families", type=int, default=1000)
    parser.add_argument(
        "--audit-events", type=int, default=0, help="fill the audit table up to this many rows"
    )
    args = parser.parse_args()
    if not args.database_url.startswith("postgresql"):
        sys.exit("The generator needs PostgreSQL (generate_series, md5()::uuid).")
    env = os.environ | {
        "BONDGENOOT_DATABASE_URL": args.database_url,
        "BONDGENOOT_ENVIRONMENT": "development",
        "BONDGENOOT_DEMO_PASSWORD": os.environ.get("BONDGENOOT_DEMO_PASSWORD", "bench-password"),
    }
    bindir = Path(sys.executable).parent
    started = time.perf_counter()
    engine = create_engine(args.database_url)
    subprocess.run([bindir / "bondgenoot", "migrate"], env=env, check=True, capture_output=True)
    # The audit log is partitioned by month (migration 0016) and a month whose events already sit in the
    # default partition is never split off, so the months of the demo's replayed history (and of the copies,
    # moved back further) exist before the demo writes its first event.
    with engine.begin() as connection:
        run(connection, "SELECT audit_event_ensure_partitions((now() - interval '5 years')::date, 12)")
    subprocess.run([bindir / "bondgenoot", "seed-demo"], env=env, check=True, capture_output=True)
    copies = max(0, math.ceil(args.families / TEMPLATE_FAMILIES) - 1)
    supporters = max(1, round(args.families / 3 / FAMILIES_PER_SUPPORTER))
    with engine.begin() as connection:
        if run(connection, "SELECT count(*) FROM family").fetchone()[0] != TEMPLATE_FAMILIES:
            sys.exit("Give the generator an empty database (it found more than the demo).")
        print(f"copying the demo's {TEMPLATE_FAMILIES} families {copies} times")
        prepare(connection, supporters)
        clone(connection, copies)
    # The copies are bulk SQL, which the rollups' flush listener never sees: recompute them from the raw data.
    rebuilt = subprocess.run(
        [bindir / "bondgenoot", "rollups", "rebuild"], env=env, check=True, capture_output=True
    )
    print(rebuilt.stdout.decode().strip())
    with engine.connect() as connection:
        add_audit_events(connection, args.audit_events)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        run(connection, ("VACUUM ANALYZE"))
        counts = run(
            connection,
            ("SELECT relname, n_live_tup FROM pg_stat_user_tables ORDER BY n_live_tup DESC LIMIT 12"),
        ).fetchall()
    print(f"done in {time.perf_counter() - started:.0f} s; largest tables:")
    for name, rows in counts:
        print(f"  {name:<22}{rows:>10}")


if __name__ == "__main__":
    main()
