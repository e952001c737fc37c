"""Load test of the whole server (issue 19): anonymous visitors and logged-in citizens and
employers at 10, 50 and 200 concurrent users, against PostgreSQL with 4 workers and DuckDB with 1.

Each virtual user is an asyncio task with its own httpx client (its own cookies). An anonymous
visitor opens the map, region profiles, questions and factsheet PDFs; a citizen logs in through
the real login form (/inloggen, CSRF token and all) with the demo account and opens the passport,
the career navigator and the task ratings; an employer logs in and opens the employer view, and
sends a vacancy text to it now and then (skills, candidate pool, competition). Users wait a think
time between pages (exponential, mean --think seconds). Every level runs --seconds and stops; a
request gives up after 30 s (counted as an error). Bounded in time and count, loopback only.

The demo world is built once (the showcase of `lloradar demo build`, with ../shared/data when it
is there) into a DuckDB file, or taken from --duckdb; PostgreSQL is a temporary server of this
run (initdb/pg_ctl, like the test fixtures), filled from that file through DuckDB's postgres
extension. The servers run as `lloradar serve` with the anonymous page cache on
(LLORADAR_PAGE_CACHE_SECONDS=60).

Run: .venv/bin/python bench/bench_load.py [--stores postgres,duckdb] [--levels 10,50,200]
     [--seconds 20] [--think 1.0] [--duckdb demo.duckdb]
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
LLORADAR = str(Path(sys.executable).parent / "lloradar")
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
QUESTIONS = (
    "hoe krap is de markt voor verpleegkundigen in Twente?",
    "welke beroepen zijn het krapst in Utrecht?",
    "hoeveel vacatures zijn er voor chauffeurs in Groningen?",
    "what is the tension for nurses in Amsterdam?",
)
VACANCY = (
    "Wij zoeken een verpleegkundige voor onze afdeling. Je werkt in een team, zorgt voor "
    "patienten, dient medicatie toe en rapporteert in het elektronisch dossier. Een diploma "
    "mbo-4 verpleegkunde en goede communicatieve vaardigheden zijn een vereiste."
)
# What each kind of user opens, with weights; "post" sends the employer form.
ANONYMOUS = (("map", 30), ("region", 35), ("question", 20), ("factsheet", 15))
CITIZEN = (("passport", 30), ("navigator", 30), ("tasks", 25), ("region", 15))
EMPLOYER = (("employer", 50), ("employer post", 15), ("region", 35))
FACTSHEETS = 6  # factsheets are asked of this many regions (the others are drawn once a day)
CLASS = {
    "map": "anonymous (cached)",
    "region": "anonymous (cached)",
    "question": "anonymous (cached)",
    "factsheet": "factsheet PDF",
    "passport": "personal",
    "navigator": "personal",
    "tasks": "personal",
    "employer": "personal",
    "employer post": "personal",
}


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    messages: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    logins: list[float] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name) or ""]
    if not found[-1]:
        raise SystemExit(f"{name} not found: install Debian's postgresql (make postgres)")
    return found[-1]


def as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_server() -> Iterator[str]:
    """A temporary PostgreSQL server on a free loopback port, stopped and removed at the end."""
    root = Path(tempfile.mkdtemp(prefix="lloradar-load-pg-"))
    data = root / "pg"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = free_port()
    subprocess.run(
        as_server_user([pg_bin("initdb"), "-D", str(data), "-U", "lloradar", "-A", "trust"]),
        check=True,
        capture_output=True,
    )
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=100 "
        "-c synchronous_commit=off -c shared_buffers=256MB"
    )
    subprocess.run(
        as_server_user(
            [
                pg_bin("pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(root / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://lloradar@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            as_server_user([pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def build_world(path: Path) -> None:
    """The showcase of `lloradar demo build` (seed 42) into a new DuckDB file."""
    shared = Path(os.environ.get("LLORADAR_SHARED_DATA", REPO.parent / "shared" / "data"))
    env = {**os.environ, "LLORADAR_STORE": str(path), "LLORADAR_SHARED_DATA": str(shared)}
    subprocess.run([LLORADAR, "demo", "build", "--seed", "42"], check=True, env=env)


def demo_passwords(url: str) -> dict[str, str]:
    """New passwords for the demo accounts (role -> e-mail:password), for the login flow."""
    from lloradar.demo.showcase import ensure_demo_accounts
    from lloradar.store import open_store

    with open_store(url) as store:
        return {a.role: f"{a.email}:{a.password}" for a in ensure_demo_accounts(store, reset=True)}


def copy_to_postgres(duckdb_file: Path, url: str) -> None:
    """Every table of the DuckDB world into the (migrated) PostgreSQL database, through DuckDB's
    postgres extension (binary COPY), in one transaction."""
    import duckdb
    import duckdb_extensions

    from lloradar.store import open_store

    open_store(url).close()  # the schema, by the migrations
    duckdb_extensions.import_extension("postgres")
    connection = duckdb.connect()
    connection.execute("SET autoinstall_known_extensions = false")
    connection.execute("LOAD postgres")
    connection.execute(f"ATTACH '{duckdb_file}' AS world (READ_ONLY)")
    connection.execute(f"ATTACH '{url}' AS pg (TYPE postgres)")
    tables = [
        r[0]
        for r in connection.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'world'"
        ).fetchall()
    ]
    connection.execute("BEGIN")
    for table in tables:
        if table == "schema_migration":
            continue
        connection.execute(f"DELETE FROM pg.public.{table}")
        connection.execute(f"INSERT INTO pg.public.{table} SELECT * FROM world.main.{table}")
    connection.execute("COMMIT")
    connection.close()
    with open_store(url) as store:  # fresh planner statistics for the copied tables
        store.execute("ANALYZE")


@contextmanager
def served(url: str, workers: int, log: Path) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "LLORADAR_STORE": url,
        "LLORADAR_PSEUDONYM_KEY": secrets.token_urlsafe(32),
        "LLORADAR_COOKIE_SECURE": "0",
        "LLORADAR_PAGE_CACHE_SECONDS": "60",
        # Every virtual user comes from 127.0.0.1: lift the per-client limit of the heavy routes
        # (PDFs, vacancy texts) that is meant for one real client.
        "LLORADAR_HEAVY_PER_MINUTE": "100000",
    }
    with log.open("w") as out:
        server = subprocess.Popen(
            [LLORADAR, "serve", "--port", str(port), "--workers", str(workers)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 180
            while True:
                try:
                    if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    tail = log.read_text(errors="replace")[-3000:]
                    raise SystemExit(f"the server did not start:\n{tail}")
                time.sleep(0.5)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)


async def login(http: httpx.AsyncClient, credentials: str) -> None:
    """The real login flow: the form (CSRF cookie and field), then the POST."""
    email, password = credentials.split(":", 1)
    form = await http.get("/inloggen")
    token = CSRF.search(form.text)
    if form.status_code != 200 or token is None:
        raise RuntimeError(f"login form: {form.status_code}")
    answer = await http.post(
        "/inloggen", data={"csrf": token.group(1), "email": email, "password": password}
    )
    if answer.status_code not in (200, 303) or "lloradar_session" not in str(http.cookies):
        raise RuntimeError(f"login failed: {answer.status_code}")


def pick(choices: tuple[tuple[str, int], ...], rng: random.Random) -> str:
    return rng.choices([c[0] for c in choices], weights=[c[1] for c in choices])[0]


async def one_request(
    http: httpx.AsyncClient, page: str, regions: list[str], rng: random.Random
) -> httpx.Response:
    region = rng.choice(regions)
    if page == "map":
        return await http.get("/")
    if page == "region":
        return await http.get(f"/regio/{region}")
    if page == "question":
        return await http.get("/vraag", params={"q": rng.choice(QUESTIONS)})
    if page == "factsheet":  # the popular ones: the first few regions
        return await http.get(f"/regio/{rng.choice(regions[:FACTSHEETS])}/factsheet.pdf")
    if page == "passport":
        return await http.get("/paspoort")
    if page == "navigator":
        return await http.get("/loopbaan")
    if page == "tasks":
        return await http.get("/taken")
    if page == "employer":
        return await http.get("/werkgever")
    if page == "employer post":
        form = await http.get("/werkgever")
        token = CSRF.search(form.text)
        if form.status_code != 200 or token is None:
            return form  # no form, no post (a 503 here is the error to count)
        data = {"csrf": token.group(1), "text": VACANCY, "region": region}
        return await http.post("/werkgever", data=data)
    raise ValueError(page)


async def user(
    http: httpx.AsyncClient,
    kind: str,
    regions: list[str],
    until: float,
    think: float,
    results: Results,
    rng: random.Random,
) -> None:
    """One user's pages until `until` (a request started before it is counted when it ends)."""
    choices = {"anonymous": ANONYMOUS, "citizen": CITIZEN, "employer": EMPLOYER}[kind]
    await asyncio.sleep(rng.uniform(0, think))  # users do not all start at once
    while time.monotonic() < until:
        page = pick(choices, rng)
        started = time.perf_counter()
        try:
            response = await one_request(http, page, regions, rng)
            ok = response.status_code < 400
            reason = f"{page}: HTTP {response.status_code}"
        except httpx.HTTPError as error:
            ok, reason = False, f"{page}: {type(error).__name__}"
        results.latencies[page].append((time.perf_counter() - started) * 1000)
        if not ok:
            results.errors[page] += 1
            results.messages[reason] += 1
        await asyncio.sleep(rng.expovariate(1 / think) if think > 0 else 0)


async def log_in(http: httpx.AsyncClient, credentials: str, results: Results) -> bool:
    started = time.perf_counter()
    try:
        await login(http, credentials)
    except (RuntimeError, httpx.HTTPError) as error:
        results.errors["login"] += 1
        results.messages[f"login: {error}"] += 1
        return False
    results.logins.append((time.perf_counter() - started) * 1000)
    return True


def kind_of(index: int) -> str:
    """6 of 10 users are anonymous, 3 citizens, 1 employer."""
    return "anonymous" if index % 10 < 6 else ("citizen" if index % 10 < 9 else "employer")


async def level(
    base: str, users: int, seconds: float, think: float, credentials: dict[str, str]
) -> tuple[Results, float]:
    """Log the citizens and employers in (all at once, timed apart), then let every user browse
    for `seconds`."""
    results = Results()
    limits = httpx.Limits(max_connections=4, max_keepalive_connections=4)
    clients = [
        httpx.AsyncClient(base_url=base, timeout=30, follow_redirects=False, limits=limits)
        for _ in range(users)
    ]
    try:
        regions = [r["code"] for r in (await clients[0].get("/api/regions")).json()][:35]
        kinds = [kind_of(i) for i in range(users)]
        logged_in = await asyncio.gather(
            *(
                log_in(http, credentials[kind], results)
                for http, kind in zip(clients, kinds, strict=True)
                if kind != "anonymous"
            )
        )
        if not all(logged_in):
            print(f"{logged_in.count(False)} logins failed", flush=True)
        started = time.monotonic()
        until = started + seconds
        await asyncio.gather(
            *(
                user(http, kind, regions, until, think, results, random.Random(i))
                for i, (http, kind) in enumerate(zip(clients, kinds, strict=True))
                if kind == "anonymous" or "lloradar_session" in str(http.cookies)
            )
        )
        return results, time.monotonic() - started
    finally:
        await asyncio.gather(*(http.aclose() for http in clients))


def quantiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        v = values[0] if values else float("nan")
        return v, v, v
    q = statistics.quantiles(values, n=100, method="inclusive")
    return q[49], q[94], q[98]


def report(store: str, workers: int, users: int, results: Results, seconds: float) -> list[str]:
    by_class: dict[str, list[float]] = defaultdict(list)
    errors_by_class: dict[str, int] = defaultdict(int)
    for page, times in results.latencies.items():
        by_class[CLASS[page]] += times
        errors_by_class[CLASS[page]] += results.errors.get(page, 0)
    every = [t for times in results.latencies.values() for t in times]
    errors = sum(results.errors.values())
    rows = []
    for name, times in [("all", every), *sorted(by_class.items())]:
        p50, p95, p99 = quantiles(times)
        failed = errors if name == "all" else errors_by_class[name]
        rate = failed / max(len(times), 1) * 100
        rows.append(
            f"| {store} | {workers} | {users} | {name} | {len(times)} | "
            f"{len(times) / seconds:.1f} | {p50:.0f} | {p95:.0f} | {p99:.0f} | {rate:.2f}% |"
        )
    if results.logins:
        p50, p95, p99 = quantiles(results.logins)
        rows.append(
            f"| {store} | {workers} | {users} | login (before the clock) | {len(results.logins)} "
            f"| | {p50:.0f} | {p95:.0f} | {p99:.0f} | {results.errors.get('login', 0)} failed |"
        )
    for message, count in sorted(results.messages.items()):
        rows.append(f"<!-- {store} {users} users: {count} x {message} -->")
    return rows


def server_metrics(base: str, store: str) -> list[str]:
    """What the server's /metrics says after the levels: page cache and pool, all workers."""
    text = httpx.get(base + "/metrics", timeout=30).text
    wanted = (
        "lloradar_page_cache_total{",
        "lloradar_db_pool_connections{",
        "lloradar_db_pool_errors",
    )
    return [
        f"<!-- {store} /metrics: {line} -->"
        for line in text.splitlines()
        if line.startswith(wanted)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stores", default="postgres,duckdb")
    parser.add_argument("--levels", default="10,50,200")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument(
        "--warmup", type=float, default=15.0, help="seconds at 10 users, not counted"
    )
    parser.add_argument("--pg-workers", type=int, default=4)
    parser.add_argument("--duckdb", type=Path, help="a demo world to copy (else one is built)")
    parser.add_argument("--keep", action="store_true", help="keep the servers' JSON logs")
    args = parser.parse_args()
    levels = [int(n) for n in args.levels.split(",")]
    root = Path(tempfile.mkdtemp(prefix="lloradar-load-"))
    world = root / "demo.duckdb"
    if args.duckdb:
        shutil.copy(args.duckdb, world)
    else:
        build_world(world)
    header = [
        f"{args.seconds:.0f} s per level after a {args.warmup:.0f} s warm-up, think time "
        f"{args.think} s (exponential), loopback",
        "| store | workers | users | pages | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows: list[str] = []
    try:
        for store in args.stores.split(","):
            with store_url(store, world) as url:
                credentials = demo_passwords(url)
                workers = args.pg_workers if store == "postgres" else 1
                with served(url, workers, root / f"{store}.log") as base:
                    # Warm-up, not counted: every worker renders the pages once and fills its
                    # caches, as a server that has run for a while has.
                    asyncio.run(level(base, 10, args.warmup, args.think, credentials))
                    for users in levels:
                        results, took = asyncio.run(
                            level(base, users, args.seconds, args.think, credentials)
                        )
                        rows += report(store, workers, users, results, took)
                        print("\n".join(rows[-6:]), flush=True)
                    rows += server_metrics(base, store)
    finally:
        print("\n".join([*header, *rows]))
        if args.keep:
            print(f"server logs kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


@contextmanager
def store_url(store: str, world: Path) -> Iterator[str]:
    """The DuckDB world itself, or a PostgreSQL server of this run with a copy of it."""
    if store == "duckdb":
        yield str(world)
        return
    with postgres_server() as server:
        import psycopg

        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute("CREATE DATABASE radar")
        url = server.rsplit("/", 1)[0] + "/radar"
        started = time.monotonic()
        copy_to_postgres(world, url)
        print(f"copied the demo world to PostgreSQL in {time.monotonic() - started:.0f} s")
        yield url


if __name__ == "__main__":
    main()
