"""The embedded default store: one DuckDB file (or ':memory:')."""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

from lloradar.store.base import Row, Store, identifier

_counter = itertools.count()
LOCK_WAIT_SECONDS = 30.0  # LLORADAR_LOCK_WAIT overrides
_CLOSING = "Unique file handle conflict"
_OPEN_CLOSE = threading.Lock()


def lock_wait() -> float:
    """How long an open waits for another process's write lock on the file to go."""
    return float(os.environ.get("LLORADAR_LOCK_WAIT", LOCK_WAIT_SECONDS))


def _connect(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Connect, waiting while another process holds the file's lock (one DuckDB writer per
    file: a CLI ingest waits for the server's request, or the other way round, instead of
    failing at once); after `wait` seconds the lock error goes up as it is.

    Within one process (the server's threads) DuckDB shares one database per file among its
    connections and closes it with the last one. Two threads that open the file at once, or one
    that opens it while another closes the last connection, can each make a database of their
    own, and the second finds the file attached by the first ("Unique file handle conflict"),
    for as long as that one has connections: under load, for good (the load test's server log
    showed it at 200 users). So this process opens and closes DuckDB connections one at a time
    (`_OPEN_CLOSE`); should the conflict still come, it is tried again."""
    deadline = time.monotonic() + wait
    pause = 0.005
    while True:
        try:
            with _OPEN_CLOSE:
                return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() + pause > deadline:
                raise
        except duckdb.BinderException as error:
            if _CLOSING not in str(error) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


class DuckDBStore(Store):
    dialect = "duckdb"

    def __init__(
        self,
        path: str = "lloradar.duckdb",
        *,
        read_only: bool = False,
        wait: float | None = None,
    ) -> None:
        super().__init__()
        self._path = path
        self.connection = _connect(path, read_only, lock_wait() if wait is None else wait)

    @property
    def url(self) -> str:
        return self._path

    def _run(self, sql: str, params: Sequence[Any]) -> list[Row]:
        return self._run_with_names(sql, params)[0]

    def _run_with_names(self, sql: str, params: Sequence[Any]) -> tuple[list[Row], list[str]]:
        cursor = self.connection.execute(sql, list(params))
        if cursor.description is None:
            return [], []
        names = [d[0] for d in cursor.description]
        return [tuple(row) for row in cursor.fetchall()], names

    def _begin(self) -> None:
        self.connection.begin()

    def _commit(self) -> None:
        self.connection.commit()

    def _rollback(self) -> None:
        self.connection.rollback()

    def _bulk_upsert(
        self, table: str, columns: Sequence[str], rows: Sequence[Row], key: Sequence[str]
    ) -> None:
        staged = pa.table({c: [row[i] for row in rows] for i, c in enumerate(columns)})
        view = f"_stage_{next(_counter)}"
        self.connection.register(view, staged)
        try:
            self.connection.execute(self.upsert_sql(table, columns, view, key))
        finally:
            self.connection.unregister(view)

    def insert_arrow(self, table: str, values: pa.Table) -> None:
        view = f"_stage_{next(_counter)}"
        names = ", ".join(identifier(c) for c in values.column_names)
        self.connection.register(view, values)
        try:
            self.connection.execute(
                f"INSERT INTO {identifier(table)} ({names}) SELECT {names} FROM {view}"
            )
        finally:
            self.connection.unregister(view)

    def tables(self) -> list[str]:
        rows = self._run(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'main' ORDER BY table_name",
            (),
        )
        return [str(r[0]) for r in rows]

    def close(self) -> None:
        with _OPEN_CLOSE:
            self.connection.close()
