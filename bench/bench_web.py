"""Latency of the region profile page and the indicators API under 50 concurrent clients.

Builds the demo world in a temporary store, serves it with uvicorn in a subprocess on a free
loopback port, and hammers it for 30 s (bounded: it stops by itself). Prints p50/p95 per route.
Run: .venv/bin/python bench/bench_web.py [--clients 50] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROUTES = {
    "region profile": "/regio/AM05",
    "indicators API": "/api/indicators?region=AM05&period_from=2025-01",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_store(path: Path) -> None:
    from lloradar.demo import build_demo_world
    from lloradar.store import open_store

    shared = Path(os.environ.get("LLORADAR_SHARED_DATA", Path(__file__).parents[2] / "shared/data"))
    store = open_store(str(path))
    try:
        build_demo_world(store, seed=42, shared_data=shared if shared.is_dir() else None)
    finally:
        store.close()


async def client(base: str, path: str, until: float, out: list[float]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=10) as http:
        while time.monotonic() < until:
            start = time.perf_counter()
            response = await http.get(path)
            response.raise_for_status()
            out.append((time.perf_counter() - start) * 1000)


async def run(base: str, clients: int, seconds: float) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {name: [] for name in ROUTES}
    until = time.monotonic() + seconds
    paths = list(ROUTES.items())
    await asyncio.gather(
        *(
            client(base, paths[i % len(paths)][1], until, results[paths[i % len(paths)][0]])
            for i in range(clients)
        )
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    store = Path(tempfile.mkdtemp(prefix="lloradar-bench-")) / "demo.duckdb"
    build_store(store)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "lloradar.server:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env={
            **os.environ,
            "LLORADAR_STORE": str(store),
            "LLORADAR_PSEUDONYM_KEY": secrets.token_urlsafe(32),  # the server needs one
        },
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/api/regions", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        results = asyncio.run(run(base, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{args.clients} clients, {args.seconds:.0f} s, loopback, 1 uvicorn worker")
    for name, times in results.items():
        q = statistics.quantiles(times, n=100)
        print(
            f"{name:16} n={len(times):6}  p50={q[49]:7.1f} ms  p95={q[94]:7.1f} ms  "
            f"({len(times) / args.seconds:.0f} req/s)"
        )


if __name__ == "__main__":
    main()
