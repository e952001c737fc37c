"""The `Store` interface: portable SQL with `?` parameters, transactions, migrations, upserts."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from importlib import resources
from typing import Any, ClassVar

import pyarrow as pa

from lloradar.domain.errors import StoreUnavailable
from lloradar.store.redact import redacted

Row = tuple[Any, ...]
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def identifier(name: str) -> str:
    """Table and column names are interpolated into SQL, so only plain names are allowed."""
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return name


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every numbered migration file `NNN_name.sql`, in order."""
    found = []
    for entry in resources.files("lloradar.store.migrations").iterdir():
        match = re.fullmatch(r"(\d{3})_(\w+)\.sql", entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def down_migrations() -> dict[int, str]:
    """version -> sql of every `NNN_name.down.sql` beside its migration: it reverses it exactly."""
    found = {}
    for entry in resources.files("lloradar.store.migrations").iterdir():
        match = re.fullmatch(r"(\d{3})_(\w+)\.down\.sql", entry.name)
        if match:
            found[int(match.group(1))] = entry.read_text(encoding="utf-8")
    return found


def latest_version() -> int:
    """The schema version this code needs: the highest numbered migration."""
    return max((version for version, _, _ in migrations()), default=0)


class SchemaOutOfDate(StoreUnavailable):
    """The store's schema is not the one this code was written for: an older one (migrations
    missing) or a newer one (a later release migrated it). The server refuses to serve it."""

    def __init__(self, url: str, found: int, needed: int) -> None:
        self.found = found
        self.needed = needed
        if found < needed:
            hint = "run `lloradar store migrate up` first"
        else:
            hint = (
                "it was migrated by a newer LLO Radar: run that version, or "
                f"`lloradar store migrate down --to {needed}` with the newer one"
            )
        super().__init__(
            url, f"schema version {found}, but this LLO Radar needs version {needed}: {hint}"
        )


def split_statements(sql: str) -> list[str]:
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


class Store(ABC):
    """One database behind one interface. SQL uses `?` placeholders on every engine."""

    dialect: ClassVar[str]

    def __init__(self) -> None:
        self._depth = 0

    @property
    @abstractmethod
    def url(self) -> str: ...

    @abstractmethod
    def _run(self, sql: str, params: Sequence[Any]) -> list[Row]: ...

    @abstractmethod
    def _begin(self) -> None: ...

    @abstractmethod
    def _commit(self) -> None: ...

    @abstractmethod
    def _rollback(self) -> None: ...

    @abstractmethod
    def _bulk_upsert(
        self, table: str, columns: Sequence[str], rows: Sequence[Row], key: Sequence[str]
    ) -> None: ...

    @abstractmethod
    def insert_arrow(self, table: str, values: pa.Table) -> None:
        """Append every row of `values` (its column names are the table's) in bulk."""

    @abstractmethod
    def tables(self) -> list[str]: ...

    @abstractmethod
    def close(self) -> None: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._run(sql, params)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self._run(sql, params)

    def query_dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        rows, names = self._run_with_names(sql, params)
        return [dict(zip(names, row, strict=True)) for row in rows]

    @abstractmethod
    def _run_with_names(self, sql: str, params: Sequence[Any]) -> tuple[list[Row], list[str]]: ...

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: an exception inside rolls every statement back. Nests as one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._rollback()
            raise
        self._depth = 0
        self._commit()

    def lock(self, name: str) -> None:
        """Serialise the writers of `name` until the current transaction ends: a run that
        replaces a whole result (indicators, their publication, skill demand) takes it first,
        so two runs at once leave one result. DuckDB has one writer per file already."""
        if not self._depth:
            raise RuntimeError(f"lock({name!r}) outside a transaction")

    def upsert(
        self, table: str, columns: Sequence[str], rows: Sequence[Row], key: Sequence[str]
    ) -> int:
        """Insert rows, replacing the non-key columns of rows whose key exists (idempotent)."""
        for name in [table, *columns]:
            identifier(name)
        if not rows:
            return 0
        with self.transaction():
            self._bulk_upsert(table, columns, rows, key)
        return len(rows)

    def upsert_sql(
        self, table: str, columns: Sequence[str], source: str, key: Sequence[str]
    ) -> str:
        cols = ", ".join(columns)
        rest = [c for c in columns if c not in key]
        action = (
            "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in rest)
            if rest
            else "DO NOTHING"
        )
        return (
            f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {source} "
            f"ON CONFLICT ({', '.join(key)}) {action}"
        )

    def _migration_lock(self) -> AbstractContextManager[object]:
        """Held while migrations run, so two processes never apply the same one (PostgreSQL);
        DuckDB has one writer per file already."""
        return nullcontext()

    def schema_version(self) -> int:
        """The highest applied migration (0 for a store without any)."""
        if "schema_migration" not in self.tables():
            return 0
        return int(self.query("SELECT coalesce(max(version), 0) FROM schema_migration")[0][0])

    def applied_versions(self) -> list[int]:
        if "schema_migration" not in self.tables():
            return []
        return [int(r[0]) for r in self.query("SELECT version FROM schema_migration ORDER BY 1")]

    def migrate(self, to: int | None = None) -> list[int]:
        """Apply the numbered migrations that are not applied yet (up to version `to`, or all),
        each in its own transaction; return their versions."""
        with self._migration_lock():
            self.execute(
                "CREATE TABLE IF NOT EXISTS schema_migration ("
                "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
            )
            done = {row[0] for row in self.query("SELECT version FROM schema_migration")}
            applied = []
            for version, name, sql in migrations():
                if version in done or (to is not None and version > to):
                    continue
                with self.transaction():
                    for statement in split_statements(sql):
                        self.execute(statement)
                    self.execute(
                        "INSERT INTO schema_migration VALUES (?, ?, ?)",
                        (version, name, datetime.now(UTC).replace(tzinfo=None)),
                    )
                applied.append(version)
            return applied

    def migrate_down(self, to: int) -> list[int]:
        """Revert every applied migration above version `to`, newest first, each with its
        `NNN_name.down.sql` in its own transaction; return the reverted versions. Nothing is
        reverted when one of them has no down migration (the error names it)."""
        if to < 0:
            raise ValueError(f"--to must be 0 or a migration version, not {to}")
        downs = down_migrations()
        with self._migration_lock():
            todo = [v for v in reversed(self.applied_versions()) if v > to]
            missing = [v for v in todo if v not in downs]
            if missing:
                names = {v: n for v, n, _ in migrations()}
                files = ", ".join(f"{v:03d}_{names.get(v, '?')}.down.sql" for v in missing)
                raise ValueError(f"cannot migrate down to {to}: no down migration {files}")
            for version in todo:
                with self.transaction():
                    for statement in split_statements(downs[version]):
                        self.execute(statement)
                    self.execute("DELETE FROM schema_migration WHERE version = ?", (version,))
            return todo

    def check_schema(self) -> int:
        """The schema version, when it is the one this code needs; `SchemaOutOfDate` otherwise."""
        found, needed = self.schema_version(), latest_version()
        if found != needed:
            raise SchemaOutOfDate(redacted(self.url), found, needed)
        return found

    def row_counts(self) -> dict[str, int]:
        return {
            table: int(self.query(f"SELECT count(*) FROM {identifier(table)}")[0][0])
            for table in self.tables()
        }

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
