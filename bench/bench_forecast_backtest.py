"""Rolling-origin backtest of the five-year forecast on the demo history (or a given store).

Builds the demo world in a temporary store (unless --store is given), forecasts the employment
stock per region x occupation from every origin with at least two years of history, and prints
MAPE and MASE per horizon for the model, 'no change' and a linear trend per cell, plus the
number of seeds on which the model beats 'no change'.
Run: .venv/bin/python bench/bench_forecast_backtest.py [--seeds 42 7 2026] [--store FILE]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from lloradar.demo import build_demo_world
from lloradar.features.forecast.service import backtest, backtest_by_sector
from lloradar.store import open_store

HEADER = (
    f"{'seed':>6} {'h':>2} {'n':>5} | {'MAPE model':>10} {'no change':>9} {'trend':>7} | "
    f"{'MASE model':>10} {'no change':>9} {'trend':>7} | beats no change"
)


def report(store_path: str, label: str, horizon: int) -> None:
    with open_store(store_path) as store:
        started = time.perf_counter()
        rows = backtest(store, horizon)
        seconds = time.perf_counter() - started
    for r in rows:
        print(
            f"{label:>6} {r.horizon:>2} {r.forecasts:>5} | {r.mape_model:>9.2f}% "
            f"{r.mape_no_change:>8.2f}% {r.mape_trend:>6.2f}% | {r.mase_model:>10.2f} "
            f"{r.mase_no_change:>9.2f} {r.mase_trend:>7.2f} | "
            f"{'yes' if r.beats_no_change else 'NO'}"
        )
    print(f"{'':>6} backtest took {seconds:.1f} s")
    with open_store(store_path) as store:
        sectors = backtest_by_sector(store, 1)
    losing = [s for s in sectors if s["model"] >= s["no_change"]]
    print(
        f"{'':>6} h=1 MAPE per sector (model / no change): "
        + ", ".join(f"{s['sector_code']} {s['model']:.2f}/{s['no_change']:.2f}" for s in sectors)
    )
    print(
        f"{'':>6} sectors where the model does not beat no change at h=1: "
        + (", ".join(str(s["sector_code"]) for s in losing) or "none")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[42, 7, 2026])
    parser.add_argument("--store", help="Backtest this store instead of demo worlds.")
    parser.add_argument("--horizon", type=int, default=3)
    args = parser.parse_args()
    print(HEADER)
    if args.store:
        report(args.store, "store", args.horizon)
        return
    with tempfile.TemporaryDirectory() as folder:
        for seed in args.seeds:
            path = str(Path(folder) / f"demo-{seed}.duckdb")
            with open_store(path) as store:
                build_demo_world(store, seed, None)
            report(path, str(seed), args.horizon)


if __name__ == "__main__":
    main()
