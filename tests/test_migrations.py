"""The schema is built by the migrations, and they agree with the models."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect
from sqlmodel import SQLModel

from api.cli import alembic_config, migrate
from api.core.config import get_settings
from api.core.db import get_engine


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as connection:
        diff = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), SQLModel.metadata
        )
    assert diff == []


def test_one_linear_history_per_domain() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    for revision in script.walk_revisions():
        assert Path(revision.path).name[:4].isdigit(), "migration files are dated"


def test_migrate_builds_an_empty_sqlite_file(tmp_path: Path, monkeypatch: object) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    monkeypatch.setenv("BONDGENOOT_DATABASE_URL", url)  # type: ignore[attr-defined]
    monkeypatch.delenv("BONDGENOOT_MIGRATION_DATABASE_URL", raising=False)  # type: ignore[attr-defined]
    get_settings.cache_clear()
    get_engine.cache_clear()
    try:
        migrate()
        fresh = create_engine(url)
        assert set(SQLModel.metadata.tables) <= set(inspect(fresh).get_table_names())
        fresh.dispose()
    finally:
        monkeypatch.undo()  # type: ignore[attr-defined]
        get_settings.cache_clear()
        get_engine.cache_clear()
