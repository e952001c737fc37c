"""Retrain the skill extractor's ranker: pairwise logistic regression over the candidate features
(analytics/extraction/ranking.py) on the part of HOUSE, TECH (validation splits) and TECHWOLF
that extraction_eval.split keeps for tuning; the held-apart part is never read here. The L2
strength is chosen by 5-fold cross-validation over the tuning sentences (R-Precision@5).
Writes src/lloradar/analytics/extraction/ranker_weights.py. Run:
    .venv/bin/python bench/train_extraction_ranker.py
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_eval import SHARED, Item, decorte, split, techwolf

from lloradar.analytics.extraction import Extractor
from lloradar.analytics.extraction.ranking import FEATURES
from lloradar.features.skills import service as skills_engine
from lloradar.store import open_store

HERE = Path(__file__).resolve().parent
WEIGHTS = HERE.parent / "src" / "lloradar" / "analytics" / "extraction" / "ranker_weights.py"
STORE = HERE / "results" / "esco-extraction.duckdb"
CANDIDATES = 50
STRENGTHS = (0.01, 0.1, 1.0, 10.0)
FOLDS = 5

Group = tuple[np.ndarray, np.ndarray, int]  # features, relevance (0/1), number of gold labels


def esco_extractor() -> Extractor:
    """The extractor over the real ESCO in a benchmark store (imported once, with its index)."""
    STORE.parent.mkdir(exist_ok=True)
    fresh = not STORE.is_file()
    with open_store(str(STORE)) as store:
        if fresh:
            skills_engine.import_taxonomy(store, "esco", SHARED / "esco-v1.1.1")
        return skills_engine.load_extractor(store)


def groups(extractor: Extractor, items: list[Item]) -> list[Group]:
    found = extractor.candidates([text for text, _ in items], "en", CANDIDATES)
    result = []
    for candidates, (_, gold) in zip(found, items, strict=True):
        if not candidates.skills:
            continue
        labels = [extractor.entries[i].label_en for i in candidates.skills]
        relevant = np.array([label in gold for label in labels], dtype=float)
        result.append((candidates.features, relevant, len(gold)))
    return result


def pairs(data: list[Group]) -> np.ndarray:
    """Feature differences (relevant minus irrelevant) within each text."""
    rows = []
    for features, relevant, _ in data:
        good, bad = features[relevant == 1], features[relevant == 0]
        if len(good) and len(bad):
            rows.append((good[:, None, :] - bad[None, :, :]).reshape(-1, features.shape[1]))
    return np.vstack(rows) if rows else np.zeros((0, len(FEATURES)))


def fit(data: list[Group], strength: float) -> np.ndarray:
    """Weights minimising the mean pairwise logistic loss plus 50 * strength * |w|^2 / pairs
    (the penalty shrinks as the number of pairs grows, like a sum loss with an L2 term)."""
    diffs = pairs(data)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        margin = diffs @ w
        value = np.logaddexp(0.0, -margin).mean() + 0.5 * strength * w @ w / len(diffs) * 100
        grad = -(diffs.T @ (1.0 / (1.0 + np.exp(margin)))) / len(diffs)
        return float(value), grad + strength * w / len(diffs) * 100

    start = np.zeros(len(FEATURES))
    start[FEATURES.index("cosine")] = 1.0
    return np.asarray(minimize(loss, start, jac=True, method="L-BFGS-B").x)


def r_precision(data: list[Group], weights: np.ndarray, k: int = 5) -> float:
    total = 0.0
    for features, relevant, n_gold in data:
        order = np.argsort(-(features @ weights), kind="stable")[:k]
        total += relevant[order].sum() / min(k, n_gold)
    return total / len(data)


def main() -> None:
    extractor = esco_extractor()
    sets = {"house": decorte("house"), "tech": decorte("tech"), "techwolf": techwolf()}
    tune = {name: split(items)[0] for name, items in sets.items()}
    data = [g for items in tune.values() for g in groups(extractor, items)]
    rng = np.random.default_rng(20)
    fold = rng.permutation(len(data)) % FOLDS
    scores = {}
    for strength in STRENGTHS:
        folds = []
        for f in range(FOLDS):
            train = [g for g, k in zip(data, fold, strict=True) if k != f]
            test = [g for g, k in zip(data, fold, strict=True) if k == f]
            folds.append(r_precision(test, fit(train, strength)))
        scores[strength] = float(np.mean(folds))
        print(f"L2 {strength}: cross-validated R-P@5 {scores[strength]:.3f}")
    baseline = np.asarray(extractor.ranker.weights)
    print(f"current weights on all tuning sentences: R-P@5 {r_precision(data, baseline):.3f}")
    best = max(scores, key=lambda s: scores[s])
    weights = fit(data, best)
    print(f"chosen L2 {best}; on all tuning sentences: R-P@5 {r_precision(data, weights):.3f}")
    write(weights, best, scores, {name: len(items) for name, items in tune.items()})


def write(
    weights: np.ndarray, strength: float, scores: dict[float, float], sizes: dict[str, int]
) -> None:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE
    ).stdout.strip()
    today = datetime.date.today().isoformat()
    values = "\n".join(
        f'        "{name}": {w:.6f},' for name, w in zip(FEATURES, weights, strict=True)
    )
    cv = ", ".join(f"{s}: {v:.3f}" for s, v in scores.items())
    text = f'''"""The ranker's weights, written by bench/train_extraction_ranker.py (do not edit by hand).

How they were trained ({today}, at commit {commit}):
- data: the sentences of HOUSE and TECH (validation splits, Decorte et al. 2022) and TECHWOLF
  (Decorte et al. 2023) that bench/extraction_eval.split keeps for tuning: {sizes};
  the held-apart 30 % (and the English originals of the Dutch dev set) were never read;
- candidates: the extractor's top {CANDIDATES} skills by cosine plus its lexical finds, on ESCO v1.1.1;
- model: pairwise logistic regression (relevant minus irrelevant candidate of one sentence),
  L2 strength chosen by 5-fold cross-validation over sentences (R-Precision@5 per strength:
  {cv}); chosen {strength}.
"""

from lloradar.analytics.extraction.ranking import LinearRanker

VERSION = "{today}-{commit}"
RANKER = LinearRanker.from_mapping(
    {{
{values}
    }}
)
'''
    WEIGHTS.write_text(text, "utf-8")
    print(f"wrote {WEIGHTS.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
