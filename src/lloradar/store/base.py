"""The `Store` interface: portable SQL with `?` parameters, transactions, migrations, upserts."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from typing import Any, ClassVar

import pyarrow as pa

Row = tuple[Any, ...]
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def identifier(name: str) -> str:
    """Table and column names are interpolated into SQL, so only plain names are allowed."""
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return name


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every numbered migration file, in order."""
    found = []
    for entry in resources.files("lloradar.store.migrations").iterdir():
        match = re.fullmatch(r"(\d{3})_(\w+)\.sql", entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


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

    def migrate(self) -> list[int]:
        """Apply the numbered migrations that are not applied yet; return their versions."""
        self.execute(
            "CREATE TABLE IF NOT EXISTS schema_migration ("
            "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
        done = {row[0] for row in self.query("SELECT version FROM schema_migration")}
        applied = []
        for version, name, sql in migrations():
            if version in done:
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

    def row_counts(self) -> dict[str, int]:
        return {
            table: int(self.query(f"SELECT count(*) FROM {identifier(table)}")[0][0])
            for table in self.tables()
        }

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
