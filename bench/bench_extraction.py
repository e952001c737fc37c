"""Skill extraction quality and speed in one run: this engine (learned ranker), the same engine
with the hand-set rule it replaced, a plain cosine retriever with the same embeddings, and the
peer esco-skill-extractor 0.1.18 (in its own venv); on the parts of TECHWOLF, HOUSE and TECH
that the ranker was never trained on (extraction_eval.split) and the Dutch dev set; then batch
speed on 10,000 sentences and the warm start of `lloradar skills extract`. Run: make bench, or
    .venv/bin/python bench/bench_extraction.py [--no-peer]
(--no-peer and --no-quality leave parts out.) Writes bench/results/extraction.json and .md."""

from __future__ import annotations

import copy
import csv
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_eval import SHARED, Item, decorte, dutch, score, split, techwolf
from peer_venv import peer_python
from train_extraction_ranker import STORE, esco_extractor

from lloradar.analytics.extraction import Extractor, UniversalSentenceEncoder
from lloradar.analytics.extraction.ranking import BASELINE
from lloradar.analytics.extraction.text import sentences

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
BATCH_SENTENCES = 10_000
Ranker = Callable[[list[str]], list[list[str]]]


def plain_vectors(extractor: Extractor) -> np.ndarray:
    """The plain retriever's skill side: 'label, alternative labels' as one text (cached)."""
    path = RESULTS / "plain-skill-vectors.npy"
    if path.is_file():
        return np.load(path)
    texts = [", ".join((e.label_en, *e.alt_en)) for e in extractor.entries]
    vectors = UniversalSentenceEncoder()(texts)
    np.save(path, vectors)
    return vectors


def ours(extractor: Extractor, lang: str) -> Ranker:
    def rank(texts: list[str]) -> list[list[str]]:
        results = extractor.extract(texts, lang=lang, top=100)
        return [[extractor.entries[extractor.index[m.uri]].label_en for m in r] for r in results]

    return rank


def plain(extractor: Extractor, vectors: np.ndarray) -> Ranker:
    def rank(texts: list[str]) -> list[list[str]]:
        scores = extractor.encoder(texts) @ vectors.T
        order = np.argsort(-scores, axis=1)[:, :100]
        return [[extractor.entries[i].label_en for i in row] for row in order]

    return rank


def peer(texts: list[str], speed: list[str]) -> dict[str, object]:
    """One launch of the peer: its ranking of `texts`, and its time on `speed`."""
    run = subprocess.run(
        [str(peer_python()), str(HERE / "peer_esco_skill_extractor.py")],
        input=json.dumps({"rank": texts, "speed": speed}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def speed_batch() -> list[str]:
    """10,000 different sentences in the language of job descriptions: the sentences of the
    ESCO occupation descriptions, then of the skill descriptions (no sentence twice, so the
    engine's embedding of a repeated fragment once does not flatter it)."""
    found: dict[str, None] = {}
    for name in ("occupations_en.csv.gz", "skills_en.csv.gz"):
        with gzip.open(SHARED / "esco-v1.1.1" / name, "rt", encoding="utf-8") as file:
            for row in csv.DictReader(file):
                for sentence in sentences(row["description"]):
                    if len(sentence.split()) >= 4:
                        found[sentence] = None
                if len(found) >= BATCH_SENTENCES:
                    return list(found)[:BATCH_SENTENCES]
    return list(found)


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def warm_start(texts: list[str]) -> dict[str, float]:
    """`lloradar skills extract` on one sentence, in a new process, on the benchmark store
    (its index precomputed): wall and CPU seconds of the whole command (best of three)."""
    env = {**os.environ, "LLORADAR_STORE": str(STORE)}
    command = [str(Path(sys.executable).parent / "lloradar"), "skills", "extract", "--top", "5"]
    runs = []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            command, input=texts[0] + "\n", env=env, capture_output=True, text=True, check=True
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        runs.append((wall, cpu))
    wall, cpu = min(runs)
    return {"wall_seconds": round(wall, 2), "cpu_seconds": round(cpu, 2)}


def main() -> None:
    RESULTS.mkdir(exist_ok=True)
    with_peer = "--no-peer" not in sys.argv
    started = time.perf_counter()
    extractor = esco_extractor()
    load_seconds = time.perf_counter() - started
    labels = {e.uri: e.label_en for e in extractor.entries}
    dutch_rows = dutch()
    sets: dict[str, tuple[list[Item], str]] = {
        "techwolf_held_apart": (split(techwolf())[1], "en"),
        "house_held_apart": (split(decorte("house"))[1], "en"),
        "tech_held_apart": (split(decorte("tech"))[1], "en"),
        "dutch_dev_nl": ([(nl, gold) for nl, _, gold in dutch_rows], "nl"),
        "dutch_dev_nl_auto": ([(nl, gold) for nl, _, gold in dutch_rows], "auto"),
    }
    hand_rule = extractor.with_ranker(BASELINE)
    split_for_encoder = copy.copy(extractor)
    split_for_encoder.split_dutch = True
    vectors = plain_vectors(extractor)
    quality: dict[str, dict[str, object]] = {}
    batch = speed_batch()
    every = [text for items, _ in sets.values() for text, _ in items]
    peer_run = peer(every, batch) if with_peer else {}
    if with_peer:
        print("peer done", flush=True)
    peer_ranked: list[list[str]] = peer_run.get("ranked", [])  # type: ignore[assignment]
    offset = 0
    speed: dict[str, float] = {}
    for name, (items, lang) in sets.items() if "--no-quality" not in sys.argv else ():
        texts = [text for text, _ in items]
        row: dict[str, object] = {}
        row["ours"] = score(ours(extractor, lang), items)
        row["ours_hand_rule"] = score(ours(hand_rule, lang), items)
        if lang != "en":  # Dutch: the encoder reads compounds split into their words
            row["ours_compounds_split_for_encoder"] = score(ours(split_for_encoder, lang), items)
        row["plain_retrieval"] = score(plain(extractor, vectors), items)
        if with_peer:
            ranked = peer_ranked[offset : offset + len(texts)]
            row["esco_skill_extractor"] = score(
                lambda _t, r=ranked: [[labels.get(u, u) for u in x] for x in r], items
            )
        offset += len(texts)
        quality[name] = row
        print(name, json.dumps(row), flush=True)
    extractor.extract(batch[:20])
    speed["ours"] = round(len(batch) / timed(lambda: extractor.extract(batch, "auto", 5)), 1)
    speed["plain_retrieval"] = round(
        len(batch) / timed(lambda: plain(extractor, vectors)(batch)), 1
    )
    if with_peer:
        speed["esco_skill_extractor"] = round(len(batch) / float(peer_run["speed_seconds"]), 1)  # type: ignore[arg-type]
    print("sentences/s", json.dumps(speed), flush=True)
    report = {
        "sentences_in_speed_batch": len(batch),
        "sentences_per_second": speed,
        "quality": quality,
        "extractor_load_seconds_warm_store": round(load_seconds, 2),
        "cli_warm_start": warm_start(every),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(report, indent=1))
    (RESULTS / "extraction.json").write_text(json.dumps(report, indent=1))
    (RESULTS / "extraction.md").write_text(table(report))
    print(table(report))


def table(report: dict[str, object]) -> str:
    quality: dict[str, dict[str, dict[str, float]]] = report["quality"]  # type: ignore[assignment]
    speed: dict[str, float] = report["sentences_per_second"]  # type: ignore[assignment]
    lines = [
        "| set | system | n | R-P@5 | MRR | sentences/s (10,000-sentence batch) |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for name, row in quality.items():
        for system, figures in row.items():
            per_second = speed.get(system, "")
            lines.append(
                f"| {name} | {system} | {figures['n']} | {figures['rp@5']:.3f} | "
                f"{figures['mrr']:.3f} | {per_second} |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
