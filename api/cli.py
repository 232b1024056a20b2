"""The `bondgenoot` command: migrate, create-admin, seed-demo, serve, worker, openapi, audit-retention,
rollups."""

import argparse
import json
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import make_url
from sqlmodel import Session, select

from api import subscribers
from api.core.config import REPO_ROOT, get_settings
from api.core.db import get_engine
from api.core.errors import DomainError
from api.models.base import localtoday


def alembic_config() -> Config:
    config = Config(str(REPO_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(REPO_ROOT / "migrations"))
    return config


def migrate() -> None:
    """Bring the database schema up to date (all heads), as the owner role when one is configured; then grant
    the application's role its rights (PostgreSQL: it may only INSERT and SELECT the audit trail)."""
    settings = get_settings()
    owner_url = settings.migration_database_url or settings.database_url
    config = alembic_config()
    config.set_main_option("sqlalchemy.url", owner_url.replace("%", "%%"))
    command.upgrade(config, "heads")
    application = make_url(settings.database_url)
    if owner_url != settings.database_url and application.get_backend_name() == "postgresql":
        from api.core.db import make_engine
        from api.core.roles import grant_application_role

        owner = make_engine(owner_url)
        with owner.begin() as connection:
            grant_application_role(connection, application.username or "")
        owner.dispose()
    fill_rollups(only_when_empty=True)


def fill_rollups(*, only_when_empty: bool = False) -> None:
    """Recompute the cohort and funder rollups from the raw data (set-based; minutes at most at 100,000
    families). `migrate` does it only when they were never filled: right after upgrading to them."""
    import time

    from api.measurements import rollup

    with Session(get_engine()) as session:
        if only_when_empty and not rollup.is_empty(session):
            return
        started = time.perf_counter()
        counts = rollup.rebuild(session)
        session.commit()
    if get_engine().dialect.name == "postgresql":  # fresh statistics and visibility map (the owner only)
        with get_engine().connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            for name in counts:
                connection.exec_driver_sql(f"VACUUM (ANALYZE) {name}")
    rows = ", ".join(f"{name} {n}" for name, n in counts.items())
    print(f"rollups rebuilt in {time.perf_counter() - started:.1f} s: {rows}")


def create_admin(
    email: str, organisation_name: str, password: str, full_name: str, *, platform_operator: bool = False
) -> None:
    """Create an administrator, and the organisation when it does not exist yet."""
    from api.core.passwords import check_password
    from api.models import Organisation, Role
    from api.users.service import add_user

    try:
        check_password(password, email=email)
    except DomainError as exc:
        raise SystemExit(exc.detail) from exc
    with Session(get_engine()) as session:
        organisation = session.exec(
            select(Organisation).where(Organisation.name == organisation_name)
        ).first()
        if organisation is None:
            organisation = Organisation(name=organisation_name)
            session.add(organisation)
            session.flush()
        try:
            user = add_user(
                session,
                organisation_id=organisation.id,
                email=email,
                full_name=full_name,
                role=Role.admin,
                password=password,
            )
        except DomainError as exc:
            raise SystemExit(exc.detail) from exc
        # The supplier's own operator account keeps the shared reference data (regions, life domains).
        user.platform_operator = platform_operator
        session.commit()
    print(f"Administrator created in organisation {organisation_name!r}.")


def seed_demo() -> None:
    """Fill an empty database with believable, fictional demo data (running it again changes nothing)."""
    from api.demo.seed import seed

    settings = get_settings()
    if settings.environment == "production":
        raise SystemExit("Demo data is never loaded in production.")
    with Session(get_engine()) as session:
        try:
            report = seed(session, password=settings.demo_password)
        except DomainError as exc:  # e.g. a BONDGENOOT_DEMO_PASSWORD the accounts' password rules refuse
            raise SystemExit(exc.detail) from exc
        session.commit()
    print(report)


def check_data() -> None:
    """List rows that break the date and funder-binding rules (read only: nothing is changed)."""

    from api.families.dates import bad_rows

    with Session(get_engine()) as session:
        found = bad_rows(session, localtoday())
    for row in found:
        print(f"{row.table} {row.id}: {row.problem}")
    print(f"{len(found)} row(s) to correct by hand." if found else "No rows break the rules.")


def audit_retention(keep_months: int, archive_dir: Path | None, dry_run: bool) -> None:
    """Create the audit log's coming months and drop (after archiving) the months past retention."""

    from api.audit.retention import apply
    from api.core.db import make_engine

    settings = get_settings()
    owner_url = settings.migration_database_url or settings.database_url
    if make_url(owner_url).get_backend_name() != "postgresql":
        print("SQLite keeps the audit log as one plain table; retention by month needs PostgreSQL.")
        return
    owner = make_engine(owner_url)
    with owner.begin() as connection:
        done = apply(
            connection, keep_months=keep_months, today=localtoday(), archive_dir=archive_dir, dry_run=dry_run
        )
    owner.dispose()
    verb = "would drop" if dry_run else "dropped"
    print(f"audit log: {done.created} months created ahead, {done.kept} kept, {verb} {len(done.dropped)}")
    for name in done.dropped:
        print(f"  {name}")
    for path in done.archived:
        print(f"  archived to {path}")


def write_openapi(path: Path) -> None:
    """Write the contract generated from the app."""
    from api.main import create_app

    path.write_text(json.dumps(create_app().openapi(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bondgenoot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="apply the database migrations")
    admin = commands.add_parser("create-admin", help="create an administrator")
    admin.add_argument("--email", required=True)
    admin.add_argument("--organisation", required=True)
    admin.add_argument("--full-name", default="Beheerder")
    admin.add_argument(
        "--password-stdin", action="store_true", required=True, help="read the password from stdin"
    )
    admin.add_argument(
        "--platform-operator",
        action="store_true",
        help="may change the reference data every organisation shares (regions, life domains)",
    )
    commands.add_parser("seed-demo", help="load demo data when it is not there yet")
    serve_cmd = commands.add_parser("serve", help="run the API (and the built web app)")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument(
        "--workers", type=int, default=1, help="server processes sharing the port (SO_REUSEPORT)"
    )
    worker = commands.add_parser(
        "worker", help="deliver webhooks and notifications from their outboxes (run one or more)"
    )
    worker.add_argument("--once", action="store_true", help="deliver one batch and stop")
    worker.add_argument("--batch", type=int, default=20, help="messages claimed at a time")
    rollups = commands.add_parser(
        "rollups", help="the per-family rollups behind the cohort and funder figures"
    )
    rollups.add_argument("action", choices=["rebuild"], help="rebuild: recompute them all from the raw data")
    commands.add_parser("check-data", help="report rows that break the date rules (changes nothing)")
    retention = commands.add_parser(
        "audit-retention", help="PostgreSQL: create the audit log's coming months, drop months past retention"
    )
    retention.add_argument("--keep-months", type=int, default=240, help="months kept (default 240, 20 years)")
    retention.add_argument("--archive-dir", type=Path, default=None, help="write each month here first")
    retention.add_argument("--dry-run", action="store_true", help="only list what would be dropped")
    openapi = commands.add_parser("openapi", help="write the OpenAPI contract")
    openapi.add_argument("--output", type=Path, default=REPO_ROOT / "openapi" / "openapi.json")
    args = parser.parse_args(argv)
    subscribers.register()  # seed-demo and the worker publish domain events too

    if args.command == "migrate":
        migrate()
    elif args.command == "create-admin":
        create_admin(
            args.email,
            args.organisation,
            sys.stdin.readline().rstrip("\n"),
            args.full_name,
            platform_operator=args.platform_operator,
        )
    elif args.command == "seed-demo":
        seed_demo()
    elif args.command == "serve":
        from api.serving import serve

        serve(args.host, args.port, args.workers)
    elif args.command == "worker":
        from api.funders.worker import Worker
        from api.notifications.worker import run_with

        run_with(Worker(), once=args.once, batch=args.batch)
    elif args.command == "openapi":
        write_openapi(args.output)
    elif args.command == "rollups":
        fill_rollups()
    elif args.command == "check-data":
        check_data()
    elif args.command == "audit-retention":
        audit_retention(args.keep_months, args.archive_dir, args.dry_run)


if __name__ == "__main__":
    main()
