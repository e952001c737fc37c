"""Migrations go down and up again (issue 19): every `NNN_name.sql` has a `NNN_name.down.sql`
that reverses it exactly, on DuckDB and PostgreSQL, and the server refuses a schema that is not
the one the code needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from lloradar.store import SchemaOutOfDate, Store, latest_version, open_store
from lloradar.store.base import down_migrations, migrations


def schema(store: Store) -> dict[str, list[tuple[str, str]]]:
    """Every table with its columns (name, type) in order: what a migration must restore."""
    rows = store.query(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = ? ORDER BY table_name, ordinal_position",
        ("public" if store.dialect == "postgres" else "main",),
    )
    found: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        found.setdefault(str(table), []).append((str(column), str(kind)))
    return found


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "duckdb":
        return str(tmp_path / "fresh.duckdb")
    return str(request.getfixturevalue("fresh_postgres_url"))


def test_every_migration_has_a_down_migration() -> None:
    downs = down_migrations()
    missing = [f"{v:03d}_{name}.down.sql" for v, name, _ in migrations() if v not in downs]
    assert missing == []


def test_down_to_zero_and_up_again_gives_the_same_schema(empty_url: str) -> None:
    with open_store(empty_url, migrate=False) as store:
        assert store.migrate() == [v for v, _, _ in migrations()]
        full = schema(store)
        assert store.migrate_down(to=0) == [v for v, _, _ in reversed(migrations())]
        assert set(schema(store)) == {"schema_migration"}
        assert store.schema_version() == 0
        store.migrate()
        assert schema(store) == full
        assert store.check_schema() == latest_version()


def test_each_step_down_restores_the_schema_before_it(empty_url: str) -> None:
    """Up to each version in turn, then one down: the schema of the version before comes back."""
    versions = [v for v, _, _ in migrations()]
    with open_store(empty_url, migrate=False) as store:
        assert store.migrate(to=0) == []  # the version table alone
        before: dict[int, dict[str, list[tuple[str, str]]]] = {0: schema(store)}
        for version in versions:
            store.migrate(to=version)
            before[version] = schema(store)
        for previous, version in reversed(list(zip([0, *versions], versions, strict=False))):
            assert store.migrate_down(to=previous) == [version]
            assert schema(store) == before[previous], f"{version} down"


def test_migration_012_down_puts_the_outcomes_back_on_the_participants(empty_url: str) -> None:
    with open_store(empty_url, migrate=False) as store:
        store.migrate(to=11)
        store.execute(
            "INSERT INTO participant (intervention_id, pseudonym, start_date, employed_3m, "
            "employed_6m, employed_12m, job_sector, job_occupation, source_id) VALUES "
            "('i', 'p-a', DATE '2025-01-01', TRUE, FALSE, NULL, 'Q', '2221', 's'), "
            "('i', 'p-b', DATE '2025-01-01', FALSE, FALSE, FALSE, 'F', NULL, 's'), "
            "('i', 'p-c', DATE '2025-01-01', NULL, NULL, NULL, NULL, NULL, 's')"
        )
        rows = "SELECT * FROM participant ORDER BY pseudonym"
        stored = store.query(rows)
        store.migrate(to=12)
        assert store.query("SELECT count(*) FROM outcome") == [(5,)]
        assert store.migrate_down(to=11) == [12]
        assert store.query(rows) == stored


def test_an_older_or_newer_schema_is_refused_with_both_versions(empty_url: str) -> None:
    with open_store(empty_url, migrate=False) as store:
        store.migrate(to=5)
        with pytest.raises(SchemaOutOfDate) as older:
            store.check_schema()
        assert f"schema version 5, but this LLO Radar needs version {latest_version()}" in str(
            older.value
        )
        assert "lloradar store migrate up" in str(older.value)
        store.migrate()
        store.execute(
            "INSERT INTO schema_migration VALUES (?, 'from_the_future', TIMESTAMP '2030-01-01')",
            (latest_version() + 1,),
        )
        with pytest.raises(SchemaOutOfDate, match="newer LLO Radar"):
            store.check_schema()


def test_down_without_a_down_file_reverts_nothing(
    empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lloradar.store.base as base

    every = base.down_migrations()
    monkeypatch.setattr(base, "down_migrations", lambda: {v: s for v, s in every.items() if v != 3})
    with open_store(empty_url, migrate=False) as store:
        store.migrate()
        with pytest.raises(ValueError, match=r"no down migration 003_indicators\.down\.sql"):
            store.migrate_down(to=2)
        assert store.schema_version() == latest_version()
