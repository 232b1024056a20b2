"""PostgreSQL roles: migrations run as the owner of the schema, the application as a role that may read and
write the data but only INSERT and SELECT the audit trail. Not owning the tables, it cannot disable the audit
trigger, truncate or alter anything."""

from sqlalchemy import Connection, text

AUDIT_TABLE = "audit_event"


def quoted(role: str) -> str:
    return '"' + role.replace('"', '""') + '"'


def grant_application_role(connection: Connection, role: str) -> None:
    """Give `role` what the application needs and no more (run as the owner, after every migration)."""
    name = quoted(role)
    for statement in (
        f"GRANT USAGE ON SCHEMA public TO {name}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {name}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {AUDIT_TABLE} FROM {name}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {name}",
    ):
        connection.execute(text(statement))
