"""Shared by the extraction benchmarks: the TECHWOLF set, the Dutch dev set, the metrics."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LLORADAR_SHARED_DATA", REPO.parent / "shared" / "data"))
DUTCH = REPO / "tests" / "fixtures" / "techwolf_nl_dev.jsonl"


def techwolf() -> list[tuple[str, set[str]]]:
    """(sentence, gold ESCO preferred labels) in file order, one entry per sentence."""
    path = SHARED / "skill-extraction-techwolf" / "techwolf_test_annotations.csv"
    gold: dict[str, set[str]] = {}
    for row in csv.DictReader(io.StringIO(path.read_text("utf-8"))):
        gold.setdefault(row["sentence"], set()).add(row["label"].strip())
    return list(gold.items())


def dutch() -> list[tuple[str, str, set[str]]]:
    """(Dutch sentence, English original, gold labels) of the Dutch development set."""
    rows = [json.loads(line) for line in DUTCH.read_text("utf-8").splitlines() if line.strip()]
    return [(r["nl"], r["en"], set(r["labels"])) for r in rows]


def r_precision_at(k: int, ranked: Sequence[str], gold: set[str]) -> float:
    return len(set(ranked[:k]) & gold) / min(k, len(gold))


def reciprocal_rank(ranked: Sequence[str], gold: set[str]) -> float:
    return next((1 / (i + 1) for i, label in enumerate(ranked) if label in gold), 0.0)


def score(
    rank: Callable[[list[str]], list[list[str]]], items: Sequence[tuple[str, set[str]]]
) -> dict[str, float]:
    """R-Precision@5 and MRR (over the top 100) of a ranker of labels, as in Decorte et al."""
    rankings = rank([text for text, _ in items])
    n = len(items)
    return {
        "rp@5": sum(r_precision_at(5, r, g) for r, (_, g) in zip(rankings, items, strict=True)) / n,
        "mrr": sum(reciprocal_rank(r, g) for r, (_, g) in zip(rankings, items, strict=True)) / n,
        "n": n,
    }
