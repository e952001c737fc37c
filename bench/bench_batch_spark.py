"""Batch vacancy ingest at scale (issue 19, item 3): the local DuckDB path against Spark
`local[2]` on synthetic vacancy texts (labelled demo: written from the demo world's occupations
and their ESCO skill labels), with skill extraction and then the skill demand. Reports texts/s,
peak memory (RSS of this process and every child: the JVM and Spark's Python workers) and a
projection of the cluster size for 10 million texts a month.

Usage (the size is an argument; 1 million is the issue's target size):
    .venv/bin/python bench/bench_batch_spark.py --size 1000000
    .venv/bin/python bench/bench_batch_spark.py --size 5000 --engines local,spark
    .venv/bin/python bench/bench_batch_spark.py --size 200000 --no-skills   # I/O, checks, load
The demo world (ESCO taxonomy, occupations, regions) is built once into --world (slow the
first time) and copied for every run."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

MONTH_TEXTS = 10_000_000
WINDOWS = {"continuous (30 days)": 30 * 24 * 3600, "one nightly run of 8 h": 8 * 3600}
EXECUTOR_CORES = 4


def descendants(root: int) -> list[int]:
    """`root` and every process below it (from /proc; no psutil)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


class PeakMemory:
    """The highest RSS of this process tree, sampled every 0.25 s in a thread."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_mb(descendants(os.getpid())))
            self._stop.wait(0.25)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def world(path: Path, shared: Path) -> Path:
    """The demo world's store (built once: ESCO taxonomy, occupations, regions, statistics)."""
    if path.is_file():
        return path
    from lloradar.demo import build_demo_world
    from lloradar.demo.showcase import import_real_taxonomy
    from lloradar.store import open_store

    clock = time.perf_counter()
    with open_store(str(path)) as store:
        build_demo_world(store, shared_data=shared)
        import_real_taxonomy(store, shared)  # the ESCO skills the extractor reads
    print(f"demo world built in {time.perf_counter() - clock:,.0f} s -> {path}")
    return path


def generate(store_path: Path, target: Path, size: int, seed: int = 19) -> int:
    """`size` synthetic Dutch/English postings (JSON Lines, streamed to disk): an occupation of
    the demo world, three to five of its essential skills' labels, one other ESCO skill."""
    from lloradar.demo.vacancy_texts import demo_occupations
    from lloradar.store import open_store

    with open_store(str(store_path)) as store:
        ids = [str(r[0]) for r in store.query("SELECT DISTINCT occupation_id FROM vacancy_stats")]
        occupations = [o for o in demo_occupations(store, sorted(ids)) if o.skills_en]
        labels = [str(r[0]) for r in store.query("SELECT label_en FROM skill ORDER BY id")]
        places = [
            str(r[0])
            for r in store.query("SELECT name FROM region WHERE level = 'gemeente' ORDER BY code")
        ] or ["Utrecht"]
    rng = np.random.default_rng(seed)
    start = date(2025, 1, 1)
    with target.open("w", encoding="utf-8") as out:
        for n in range(size):
            o = occupations[int(rng.integers(len(occupations)))]
            dutch = len(o.skills_nl) >= 3
            own = list(o.skills_nl if dutch else o.skills_en)
            picked = [own[int(i)] for i in rng.permutation(len(own))[: int(rng.integers(3, 6))]]
            extra = labels[int(rng.integers(len(labels)))] if labels else ""
            place = places[int(rng.integers(len(places)))]
            title = o.label_nl if dutch else o.label_en
            if dutch:
                text = (f"Voor onze vestiging in {place} zoeken we een {title}. Je taken: "
                        f"{'; '.join(picked)}. Een pré: {extra}. Vacature {n}.")  # fmt: skip
            else:
                text = (f"For our branch in {place} we are looking for a {title}. Your tasks: "
                        f"{'; '.join(picked)}. A plus: {extra}. Vacancy {n}.")  # fmt: skip
            posted = start + timedelta(days=int(rng.integers(0, 330)))
            item = {"id": f"demo-bench-{n}", "title": title[:1].upper() + title[1:],
                    "description": text, "employer": f"Voorbeeld werkgever {n % 9973}",
                    "location": place, "posted": posted.isoformat(), "demo": True}  # fmt: skip
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return size


@dataclass
class Result:
    engine: str
    size: int
    stored: int
    ingest_s: float
    indicators_s: float
    peak_mb: float
    cores: int

    @property
    def rate(self) -> float:
        return self.stored / self.ingest_s if self.ingest_s else 0.0


def run(engine: str, world_path: Path, source: Path, tmp: Path, skills: bool, rows: int) -> Result:
    from lloradar.features.batch.service import Options, run_batch, skill_finder
    from lloradar.features.indicators.skills import compute_skill_indicators
    from lloradar.store import open_store

    path = tmp / f"{engine}.duckdb"
    shutil.copyfile(world_path, path)
    with open_store(str(path)) as store, PeakMemory() as memory:
        finder = skill_finder(store) if skills else None
        clock = time.perf_counter()
        options = Options(engine, batch_rows=rows, partitions=2, indicators=False)
        batch = run_batch(store, source, out=tmp / f"out-{engine}", options=options, finder=finder)
        ingest = time.perf_counter() - clock
        clock = time.perf_counter()
        try:
            compute_skill_indicators(store, "spark" if engine == "spark" else store.dialect)
            indicators = time.perf_counter() - clock
        except Exception as error:  # reported in the table, the ingest figures still count
            print(f"{engine}: skill demand failed: {str(error).splitlines()[0][:200]}")
            indicators = float("nan")
    return Result(engine, batch.files[0].read, batch.stored, ingest, indicators, memory.peak,
                  2 if engine == "spark" else 1)  # fmt: skip


def projection(results: list[Result]) -> list[str]:
    lines = []
    for r in results:
        per_core = r.rate / r.cores
        for window, seconds in WINDOWS.items():
            needed = MONTH_TEXTS / seconds
            cores = needed / per_core if per_core else float("inf")
            executors = int(np.ceil(cores / EXECUTOR_CORES))
            lines.append(
                f"| {r.engine} | {window} | {needed:,.0f} texts/s | {per_core:,.1f} texts/s/core "
                f"| {cores:,.1f} cores = {executors} executor(s) of {EXECUTOR_CORES} cores |"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--engines", default="local,spark")
    parser.add_argument("--no-skills", action="store_true")
    parser.add_argument("--batch-rows", type=int, default=5_000)
    parser.add_argument(
        "--driver-memory",
        default="3g",
        help="Spark driver heap (local mode: the whole JVM); the skill demand over the demo "
        "world ran out of the default 1g",
    )
    parser.add_argument(
        "--world", type=Path, default=Path(tempfile.gettempdir()) / "lloradar-bench-demo.duckdb"
    )
    args = parser.parse_args()
    os.environ.setdefault(
        "PYSPARK_SUBMIT_ARGS", f"--driver-memory {args.driver_memory} pyspark-shell"
    )
    shared = Path(os.environ.get("LLORADAR_SHARED_DATA", Path(__file__).parents[2] / "shared/data"))
    world_path = world(args.world, shared)
    results = []
    with tempfile.TemporaryDirectory(prefix="lloradar-bench-batch-") as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "demo-vacatures.jsonl"
        clock = time.perf_counter()
        generate(world_path, source, args.size)
        print(f"{args.size:,} synthetic demo texts written in {time.perf_counter() - clock:,.1f} s "
              f"({source.stat().st_size / 2**20:,.0f} MB)")  # fmt: skip
        for engine in args.engines.split(","):
            result = run(engine, world_path, source, tmp, not args.no_skills, args.batch_rows)
            results.append(result)
            print(f"{engine}: {result.stored:,} stored in {result.ingest_s:,.1f} s", flush=True)
    skills = "without skills" if args.no_skills else "with skill extraction"
    print(f"\nSynthetic demo texts, {skills}, on {os.cpu_count()} cores "
          f"(load average at the end {os.getloadavg()[0]:.1f}):\n")  # fmt: skip
    print("| size | path | texts stored | ingest s | texts/s | skill demand s | peak RSS MB |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        name = "Spark local[2]" if r.engine == "spark" else "local DuckDB (1 process)"
        print(f"| {r.size:,} | {name} | {r.stored:,} | {r.ingest_s:,.1f} | {r.rate:,.1f} | "
              f"{r.indicators_s:,.1f} | {r.peak_mb:,.0f} |")  # fmt: skip
    if args.size < 1_000_000:
        print(f"\n1 million extrapolated linearly from {args.size:,} (not measured):")
        for r in results:
            print(f"  {r.engine}: {1_000_000 / r.rate / 3600 if r.rate else float('inf'):,.2f} h")
    print(f"\nProjection for {MONTH_TEXTS:,} texts a month (linear in cores, from the per-core "
          "rate above; a cluster core assumed as fast as one here):\n")  # fmt: skip
    print("| path | window | needed | measured | cluster |")
    print("| --- | --- | ---: | ---: | --- |")
    for line in projection(results):
        print(line)


if __name__ == "__main__":
    main()
