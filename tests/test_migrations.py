"""The Alembic migrations produce exactly the schema the models describe."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from sqlalchemy import inspect

from bot.migrate import alembic_config
from models.db import Base, create_engine


def template_url(migrated_template: Path | str) -> str:
    if isinstance(migrated_template, str):
        return migrated_template
    return f"sqlite+aiosqlite:///{migrated_template}"


def test_models_and_migrations_agree(migrated_template: Path | str) -> None:
    # Raises when autogenerate would find any difference between models and migrated schema.
    command.check(alembic_config(template_url(migrated_template)))


def test_every_model_table_exists_after_upgrade(migrated_template: Path | str) -> None:
    async def table_names() -> set[str]:
        engine = create_engine(template_url(migrated_template))
        async with engine.connect() as connection:
            names = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
        await engine.dispose()
        return names

    assert set(Base.metadata.tables) <= asyncio.run(table_names())


def test_downgrade_to_nothing_and_back(tmp_path: Path) -> None:
    config = alembic_config(f"sqlite+aiosqlite:///{tmp_path / 'roundtrip.sqlite3'}")
    command.upgrade(config, "heads")
    command.downgrade(config, "base")
    command.upgrade(config, "heads")
    command.check(config)
