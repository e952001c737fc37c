"""Occupation transitions on the real ESCO (+ O*NET and the ESCO -> O*NET link):

1. the check set (bench/results/similarity_check_set.csv, built by similarity_check_set.py; see similarity_check_set.md): recall@20, MRR
   and nDCG@20 of the first score, the new score (with and without its O*NET component), a
   ranking by shared ISCO code prefix and a tf-idf skill cosine plus ISCO prefix (and the new
   score with the extractor's skill vectors as a second source of near skills), per part
   (dev: weights were chosen on it; held_out: never looked at while tuning) and relation;
2. speed: all-pairs of the new score, and the first score against the same measure written
   with pandas/scikit-learn (bench/baseline_similarity_pandas.py, in the peer venv).
Run: make bench (or .venv/bin/python this file)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_eval import SHARED
from peer_venv import peer_python
from similarity_check_set import OUTPUT as CHECK_SET
from similarity_check_set import main as build_check_set

from lloradar.analytics import transitions
from lloradar.analytics.similarity import COMPONENT_WEIGHTS, STOP_WORDS, WEIGHTS, SimilarityModel
from lloradar.features.skills.service import load_similarity_model
from lloradar.pipeline.tasks_load import load_tasks_and_link
from lloradar.pipeline.taxonomy_import import import_esco, import_onet
from lloradar.store import open_store

HERE = Path(__file__).resolve().parent
K = 20
GROUPS = {"esco_hierarchy": {"broader", "narrower", "sibling"}, "onet_title": {"onet_title"}}
Scores = npt.NDArray[np.float32]


def first_score(model: SimilarityModel) -> Scores:
    """The first score (issue 6): exact essential coverage, Jaccard, description."""
    coverage = (model.all_skills @ model.essential.T).toarray()
    coverage /= np.maximum(model.n_essential, 1)[None, :]
    shared = (model.all_skills @ model.all_skills.T).toarray()
    union = model.n_all[:, None] + model.n_all[None, :] - shared
    described = (model.descriptions @ model.descriptions.T).toarray()
    w_cov, w_overlap, w_described = WEIGHTS
    result: Scores = (
        w_cov * coverage + w_overlap * shared / np.maximum(union, 1) + w_described * described
    ).astype(np.float32)
    return result


def baselines(model: SimilarityModel) -> dict[str, Scores]:
    everyone = np.arange(len(model.occupations))
    prefix = transitions.isco_proximity(model.isco_keys, everyone)
    skills = (model.profiles @ model.profiles.T).toarray().astype(np.float32)
    return {"isco_prefix": prefix, "tfidf_skills+isco": skills + 0.25 * prefix}


def level_filter(model: SimilarityModel, scores: Scores) -> Scores:
    """As `SimilarityModel.similar`: at most one ILO skill level apart."""
    levels = model.levels.astype(np.int16)
    far = (levels[:, None] > 0) & (levels[None, :] > 0) & (np.abs(levels[:, None] - levels) > 1)
    return np.where(far, -np.inf, scores).astype(np.float32)


def truth(model: SimilarityModel) -> dict[tuple[str, str], dict[int, set[int]]]:
    """(part, relation group) -> origin row -> relevant rows."""
    if not CHECK_SET.exists():
        build_check_set(SHARED)
    found: dict[tuple[str, str], dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))
    with CHECK_SET.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            a, b = model.index.get(row["origin"]), model.index.get(row["target"])
            if a is None or b is None:
                continue
            for group, relations in GROUPS.items():
                if row["relation"] in relations:
                    found[(row["part"], group)][a].add(b)
            found[(row["part"], "all")][a].add(b)
    return found


def measure(scores: Scores, relevant: dict[int, set[int]]) -> dict[str, float]:
    """Macro recall@K, MRR (first relevant in the whole ranking) and nDCG@K over origins;
    ties broken by the occupation order (URI), the origin itself never counts."""
    origins = np.array(sorted(relevant))
    block = scores[origins].astype(np.float64)
    block[np.arange(len(origins)), origins] = -np.inf
    order = np.argsort(-block, axis=1, kind="stable")
    discount = 1 / np.log2(np.arange(2, K + 2))
    recall, reciprocal, ndcg = [], [], []
    for i, origin in enumerate(origins):
        wanted = relevant[int(origin)]
        hits = np.isin(order[i], list(wanted))
        top = hits[:K]
        recall.append(top.sum() / len(wanted))
        first = np.flatnonzero(hits)
        reciprocal.append(1 / (first[0] + 1) if len(first) else 0.0)
        ideal = discount[: min(len(wanted), K)].sum()
        ndcg.append(float((top * discount).sum() / ideal))
    return {
        "recall@20": round(float(np.mean(recall)), 4),
        "mrr": round(float(np.mean(reciprocal)), 4),
        "ndcg@20": round(float(np.mean(ndcg)), 4),
        "origins": len(origins),
    }


def check_set_table(
    model: SimilarityModel, with_vectors: SimilarityModel
) -> dict[str, dict[str, dict[str, float]]]:
    no_work = dict(COMPONENT_WEIGHTS, work=0.0)
    methods = {
        "first score (issue 6)": level_filter(model, first_score(model)),
        "new score": level_filter(model, model.all_pairs()),
        "new score + skill vectors": level_filter(model, with_vectors.all_pairs()),
        "new score without O*NET": level_filter(model, model.all_pairs(no_work)),
        "new score, no level filter": model.all_pairs(),
        **baselines(model),
    }
    sets = truth(model)
    return {
        f"{part}/{group}": {
            name: measure(scores, sets[(part, group)]) for name, scores in methods.items()
        }
        for part in ("held_out", "dev")
        for group in ("all", *GROUPS)
    }


def speed(store: object, model: SimilarityModel) -> dict[str, float]:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        model.all_pairs()
        times.append(time.perf_counter() - started)
    started = time.perf_counter()
    ours = first_score(model)
    first_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        pd.DataFrame(
            [(o.uri, o.description) for o in model.occupations], columns=["id", "description"]
        ).to_csv(work / "occupations.csv", index=False)
        pd.DataFrame(
            store.query("SELECT occupation_id, skill_id, relation FROM occupation_skill"),  # type: ignore[attr-defined]
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
    return {
        "new_all_pairs_seconds_best_of_3": round(min(times), 3),
        "first_score_all_pairs_seconds": round(first_seconds, 3),
        "first_score_pandas_sklearn_seconds": round(baseline_seconds, 3),
        "first_score_speedup": round(baseline_seconds / first_seconds, 1),
        "first_score_max_abs_difference": float(np.abs(ours - baseline).max()),
    }


def markdown(table: dict[str, dict[str, dict[str, float]]]) -> str:
    lines = [
        "| part/relations | method | origins | recall@20 | MRR | nDCG@20 |",
        "|---|---|---|---|---|---|",
    ]
    for key, methods in table.items():
        for name, m in methods.items():
            lines.append(
                f"| {key} | {name} | {m['origins']} | {m['recall@20']:.3f} | {m['mrr']:.3f} | {m['ndcg@20']:.3f} |"
            )
    return "\n".join(lines)


def main(prepared: str | None = None) -> None:
    """`prepared`: a store file that has ESCO, O*NET and the link already (saves ~35 s)."""
    store = open_store(prepared or ":memory:")
    started = time.perf_counter()
    if prepared is None:
        import_esco(store, SHARED / "esco-v1.1.1")
        import_onet(store, SHARED / "onet")
        load_tasks_and_link(store, SHARED / "onet", SHARED / "esco-v1.1.1")
    imported = time.perf_counter() - started
    started = time.perf_counter()
    model = load_similarity_model(store)
    build = time.perf_counter() - started
    started = time.perf_counter()
    with_vectors = load_similarity_model(store, skill_vectors=True)
    build_with_vectors = time.perf_counter() - started
    table = check_set_table(model, with_vectors)
    result = {
        "occupations": len(model.occupations),
        "with_onet_profile": int(model.has_work.sum()),
        "import_and_link_seconds": round(imported, 1),
        "model_build_seconds": round(build, 3),
        "model_build_with_skill_vectors_seconds": round(build_with_vectors, 3),
        **speed(store, model),
        "check_set": table,
    }
    print(json.dumps({k: v for k, v in result.items() if k != "check_set"}, indent=2))
    print(markdown(table))
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "similarity.json").write_text(json.dumps(result, indent=2))
    (HERE / "results" / "similarity.md").write_text(markdown(table) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
