"""Shared by the extraction benchmarks and the ranker's training: the TECHWOLF set, the HOUSE and
TECH validation splits, the Dutch dev set, the fixed split into a part to tune on and a part held
apart (never tuned on), and the metrics."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LLORADAR_SHARED_DATA", REPO.parent / "shared" / "data"))
DUTCH = REPO / "tests" / "fixtures" / "techwolf_nl_dev.jsonl"
DECORTE = SHARED / "skill-extraction-decorte-dev"
SPLIT_SEED = "lloradar-issue-20"
HELD_APART_PERCENT = 30
NOT_A_SKILL = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}
Item = tuple[str, set[str]]


def techwolf() -> list[tuple[str, set[str]]]:
    """(sentence, gold ESCO preferred labels) in file order, one entry per sentence."""
    path = SHARED / "skill-extraction-techwolf" / "techwolf_test_annotations.csv"
    gold: dict[str, set[str]] = {}
    for row in csv.DictReader(io.StringIO(path.read_text("utf-8"))):
        gold.setdefault(row["sentence"], set()).add(row["label"].strip())
    return list(gold.items())


def decorte(name: str) -> list[Item]:
    """The HOUSE or TECH validation split: (sentence, gold labels), sentences without a gold
    skill left out (as the benchmark scores them)."""
    path = DECORTE / f"{name}_validation_annotations.csv"
    gold: dict[str, set[str]] = {}
    for row in csv.DictReader(io.StringIO(path.read_text("utf-8"))):
        labels = gold.setdefault(row["sentence"], set())
        if row["label"].strip() not in NOT_A_SKILL:
            labels.add(row["label"].strip())
    return [(sentence, labels) for sentence, labels in gold.items() if labels]


def held_apart(sentence: str) -> bool:
    """The fixed split: a seeded hash of the sentence puts 30 % of every set apart. The Dutch
    dev set's English originals (TECHWOLF sentences) are held apart as a whole too, so the
    Dutch figures are not trained on either."""
    if sentence in _dutch_originals():
        return True
    digest = hashlib.sha256(f"{SPLIT_SEED}:{sentence}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HELD_APART_PERCENT


def split(items: Sequence[Item]) -> tuple[list[Item], list[Item]]:
    """(the part to tune on, the part held apart)."""
    tune = [item for item in items if not held_apart(item[0])]
    return tune, [item for item in items if held_apart(item[0])]


_ORIGINALS: set[str] = set()


def _dutch_originals() -> set[str]:
    if not _ORIGINALS:
        _ORIGINALS.update(en for _, en, _ in dutch())
    return _ORIGINALS


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
