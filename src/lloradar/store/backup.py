"""Backups of a whole store, and restoring one into an empty store of the same kind.

DuckDB: `EXPORT DATABASE` writes a folder (schema.sql, load.sql and one Parquet file per table)
and `IMPORT DATABASE` reads it into an empty file. PostgreSQL: `pg_dump --format=custom` to one
file and `pg_restore` into an empty database (the client tools of the server's major version or
newer: Debian's `postgresql-client`). The schema version travels with the data (the
`schema_migration` table), so a restored store is checked like any other when served.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from lloradar.store.base import Store
from lloradar.store.redact import redacted, scrubbed


class BackupError(RuntimeError):
    """A backup or restore that could not be done, with the reason a person can act on."""


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def pg_tool(name: str) -> str:
    """The newest `pg_dump` / `pg_restore` on PATH or in /usr/lib/postgresql/*/bin."""
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_major, reverse=True)
    found = candidates[0] if candidates else shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found: install the PostgreSQL client tools")
    return found


def _major(path: str) -> int:
    part = path.split("/postgresql/", 1)[1].split("/", 1)[0]
    return int(part) if part.isdigit() else 0


def _without_password(url: str) -> tuple[str, dict[str, str]]:
    """The conninfo without its password, and the environment that passes it (PGPASSWORD), so
    the password never shows in a process list."""
    params = conninfo_to_dict(url)
    password = params.pop("password", None)
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = str(password)
    return make_conninfo(**{k: str(v) for k, v in params.items() if v is not None}), env


def _run(command: list[str], url: str, env: dict[str, str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        reason = scrubbed(lines[-1] if lines else f"exit code {done.returncode}", url)
        raise BackupError(f"{Path(command[0]).name} failed for {redacted(url)}: {reason}")


def backup_store(store: Store, target: Path) -> Path:
    """Write a backup of `store` to `target` (a new folder for DuckDB, a new file for
    PostgreSQL); returns it. An existing target is never overwritten."""
    if target.exists() and (target.is_file() or any(target.iterdir())):
        raise BackupError(f"{target} exists and is not empty: choose a new path for the backup")
    if store.dialect == "duckdb":
        store.execute(f"EXPORT DATABASE {_quoted(target)} (FORMAT parquet)")
        return target
    conninfo, env = _without_password(store.url)
    _run(
        [pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target}", conninfo],
        store.url,
        env,
    )
    return target


def restore_store(store: Store, source: Path) -> None:
    """Load the backup at `source` into `store`, which must be empty (no table at all)."""
    if not source.exists():
        raise BackupError(f"{source} does not exist: give the path a backup was written to")
    present = store.tables()
    if present:
        raise BackupError(
            f"restore needs an empty store, but {redacted(store.url)} has {len(present)} "
            f"tables ({', '.join(present[:3])}, ...): restore into a new file or database"
        )
    if store.dialect == "duckdb":
        if not (source / "schema.sql").is_file():
            raise BackupError(f"{source} is not a DuckDB backup folder (no schema.sql in it)")
        store.execute(f"IMPORT DATABASE {_quoted(source)}")
        return
    conninfo, env = _without_password(store.url)
    _run(
        [
            pg_tool("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            f"--dbname={conninfo}",
            str(source),
        ],
        store.url,
        env,
    )
