"""The server store: PostgreSQL through psycopg 3; bulk loads go through COPY."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
import pyarrow as pa
from psycopg_pool import ConnectionPool

from lloradar.store.base import Row, Store, identifier

_counter = itertools.count()
_PLACEHOLDER = re.compile(r"\?")


def to_pyformat(sql: str) -> str:
    """Our SQL uses `?`; psycopg wants `%s` (and a literal % doubled)."""
    return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))


class PostgresStore(Store):
    dialect = "postgres"

    def __init__(self, url: str, *, pool: ConnectionPool[Any] | None = None) -> None:
        """Connect to `url`, or borrow a connection from `pool` (the server's, one per worker
        process: `store.pools`) and give it back on `close`."""
        super().__init__()
        self._url = url
        self._pool = pool
        if pool is None:
            self.connection = psycopg.connect(url, autocommit=True)
        else:
            self.connection = pool.getconn()
        self._tx: Any = None

    @property
    def url(self) -> str:
        return self._url

    def lock(self, name: str) -> None:
        super().lock(name)
        self._run("SELECT pg_advisory_xact_lock(hashtext(?))", [f"lloradar:{name}"])

    @contextmanager
    def _migration_lock(self) -> Iterator[None]:
        """Migrations under a session advisory lock: two processes starting on a fresh database
        apply each migration once (the second waits, then finds them applied)."""
        self._run("SELECT pg_advisory_lock(hashtext(?))", ["lloradar:migrate"])
        try:
            yield
        finally:
            self._run("SELECT pg_advisory_unlock(hashtext(?))", ["lloradar:migrate"])

    def _run(self, sql: str, params: Sequence[Any]) -> list[Row]:
        return self._run_with_names(sql, params)[0]

    def _run_with_names(self, sql: str, params: Sequence[Any]) -> tuple[list[Row], list[str]]:
        with self.connection.cursor() as cursor:
            cursor.execute(to_pyformat(sql) if params else sql, list(params) or None)
            if cursor.description is None:
                return [], []
            names = [d.name for d in cursor.description]
            return [tuple(row) for row in cursor.fetchall()], names

    def _begin(self) -> None:
        self._tx = self.connection.transaction()
        self._tx.__enter__()

    def _commit(self) -> None:
        tx, self._tx = self._tx, None
        tx.__exit__(None, None, None)

    def _rollback(self) -> None:
        tx, self._tx = self._tx, None
        error = RuntimeError("rollback")
        try:
            tx.__exit__(RuntimeError, error, None)
        except RuntimeError as raised:
            if raised is not error:
                raise

    def _bulk_upsert(
        self, table: str, columns: Sequence[str], rows: Sequence[Row], key: Sequence[str]
    ) -> None:
        stage = f"_stage_{next(_counter)}"
        cols = ", ".join(columns)
        with self.connection.cursor() as cursor:
            cursor.execute(f"CREATE TEMP TABLE {stage} AS SELECT {cols} FROM {table} WITH NO DATA")
            try:
                with cursor.copy(f"COPY {stage} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                cursor.execute(self.upsert_sql(table, columns, stage, key))
            finally:
                cursor.execute(f"DROP TABLE IF EXISTS {stage}")

    def insert_arrow(self, table: str, values: pa.Table) -> None:
        names = ", ".join(identifier(c) for c in values.column_names)
        rows = zip(*(values.column(c).to_pylist() for c in values.column_names), strict=True)
        with (
            self.connection.cursor() as cursor,
            cursor.copy(f"COPY {identifier(table)} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def tables(self) -> list[str]:
        rows = self._run(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' ORDER BY table_name",
            (),
        )
        return [str(r[0]) for r in rows]

    def close(self) -> None:
        if self._pool is None:
            self.connection.close()
        else:  # the pool rolls back what was left open, and drops a broken connection
            self._pool.putconn(self.connection)
