"""All-pairs similarity of the real ESCO occupations: ours (scipy sparse) against the same
measure written with pandas/scikit-learn. Run: make bench (or .venv/bin/python this file)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_eval import SHARED
from peer_venv import peer_python

from lloradar.analytics.similarity import STOP_WORDS
from lloradar.features.skills.service import load_similarity_model
from lloradar.pipeline.taxonomy_import import import_esco
from lloradar.store import open_store

HERE = Path(__file__).resolve().parent


def main() -> None:
    store = open_store(":memory:")
    import_esco(store, SHARED / "esco-v1.1.1")
    started = time.perf_counter()
    model = load_similarity_model(store)
    build = time.perf_counter() - started
    times = []
    for _ in range(3):
        started = time.perf_counter()
        ours = model.all_pairs()
        times.append(time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        pd.DataFrame(
            [(o.uri, o.description) for o in model.occupations], columns=["id", "description"]
        ).to_csv(work / "occupations.csv", index=False)
        pd.DataFrame(
            store.query("SELECT occupation_id, skill_id, relation FROM occupation_skill"),
            columns=["occupation_id", "skill_id", "relation"],
        ).to_csv(work / "relations.csv", index=False)
        (work / "stop_words.json").write_text(json.dumps(sorted(STOP_WORDS)))
        run = subprocess.run(
            [
                str(peer_python()),
                str(HERE / "baseline_similarity_pandas.py"),
                folder,
                str(work / "baseline.npy"),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        baseline_seconds = json.loads(run.stdout.strip().splitlines()[-1])["seconds"]
        baseline = np.load(work / "baseline.npy")
    result = {
        "occupations": len(model.occupations),
        "skills_in_graph": len(model.skill_index),
        "model_build_seconds": round(build, 3),
        "all_pairs_seconds_best_of_3": round(min(times), 3),
        "pandas_sklearn_seconds": round(baseline_seconds, 3),
        "speedup": round(baseline_seconds / min(times), 1),
        "max_abs_difference": float(np.abs(ours - baseline).max()),
    }
    print(json.dumps(result, indent=2))
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "similarity.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
