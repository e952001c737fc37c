"""Build a DuckDB store aside and swap it in whole (issue 22): a long write such as
`lloradar demo build` holds the file's one write lock for as long as it runs, so a server on
the same file would wait and then answer 503. Instead the build works on a copy
(`<file>.building`, with everything the store held, accounts included) and, when it finished,
replaces the file in one `os.replace`: readers see the old world until then and the new one
after, never half of it. A build that fails leaves the file as it was and removes the copy.

What the server itself writes to the old file during the build (a new session, a rating) is not
in the copy and is gone after the swap: the price of never blocking the server, for a rebuild of
the demo world. The command line's other writers (`ingest`, `indicators compute`, ...) wait
until the build was swapped in (`wait_for_build`), so their rows land in the new world. PostgreSQL
stores are built in place (row locks and transactions serve there).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lloradar.store.duckdb_store import _connect, lock_wait


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


@contextmanager
def _held(path: Path) -> Iterator[None]:
    """The file's write lock (waiting for another process to let go), checkpointed: no other
    process writes it, and everything it holds is in the file itself, not in its WAL."""
    connection = _connect(str(path), False, lock_wait())
    try:
        connection.execute("CHECKPOINT")
        yield
    finally:
        connection.close()


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".building.lock")


@contextmanager
def _building(target: Path) -> Iterator[None]:
    """Hold `<file>.building.lock` (an exclusive flock) for the whole build: other writers see a
    build running until the new file is in place, and a second build waits for the first."""
    marker = _marker(target)
    with marker.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            marker.unlink(missing_ok=True)
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def built_aside(url: str) -> Iterator[str]:
    """The URL to build in: a copy of the DuckDB file at `url` (or a new file), swapped in when
    the block ends without an error; `url` itself for PostgreSQL and in-memory stores."""
    if url.startswith(("postgresql://", "postgres://")) or url in ("", ":memory:"):
        yield url
        return
    target = Path(url)
    with _building(target):
        aside = target.with_name(target.name + ".building")
        for stale in (aside, _wal(aside)):
            stale.unlink(missing_ok=True)
        if target.exists():
            with _held(target):
                shutil.copyfile(target, aside)
        try:
            yield str(aside)
        except BaseException:
            for left in (aside, _wal(aside)):
                left.unlink(missing_ok=True)
            raise
        if target.exists():
            with _held(target):
                os.replace(aside, target)
        else:
            os.replace(aside, target)


def build_running(url: str) -> bool:
    """Whether a build aside of the DuckDB file at `url` runs now (its lock file is held)."""
    if url.startswith(("postgresql://", "postgres://")) or url in ("", ":memory:"):
        return False
    try:
        handle = _marker(Path(url)).open("r")
    except FileNotFoundError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


def wait_for_build(url: str, timeout: float, pause: float = 0.5) -> bool:
    """Wait while a build aside of `url` runs (a write now would be lost at its swap); False
    when it still runs after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while build_running(url):
        if time.monotonic() >= deadline:
            return False
        time.sleep(pause)
    return True
