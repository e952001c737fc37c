"""Skill extraction quality and speed: this engine, its ablations, a plain cosine retriever
with the same embeddings, and the peer esco-skill-extractor 0.1.18 (in its own venv), on the
TECHWOLF sentences (en) and the Dutch development set. Run: make bench."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_eval import SHARED, dutch, score, techwolf
from peer_venv import peer_python

from lloradar.analytics.extraction import Extractor, UniversalSentenceEncoder
from lloradar.features.skills import service as skills_engine
from lloradar.pipeline.taxonomy_import import import_esco
from lloradar.store import open_store

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
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


def peer(texts: list[str]) -> dict[str, object]:
    run = subprocess.run(
        [str(peer_python()), str(HERE / "peer_esco_skill_extractor.py")],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def main() -> None:
    RESULTS.mkdir(exist_ok=True)
    store = open_store(":memory:")
    import_esco(store, SHARED / "esco-v1.1.1")
    with tempfile.TemporaryDirectory() as cold:
        cached = any(skills_engine.DEFAULT_CACHE.glob("skill-vectors-*.npy"))
        if "--embed" in sys.argv:  # measure the one-off embedding of the taxonomy
            skills_engine.DEFAULT_CACHE = Path(cold)
        started = time.perf_counter()
        extractor = skills_engine.load_extractor(store)
        load_seconds = time.perf_counter() - started
    labels = {e.uri: e.label_en for e in extractor.entries}
    english = techwolf()
    dutch_rows = dutch()
    sets = {
        "techwolf_en": (english, "en"),
        "dev100_nl": ([(nl, gold) for nl, _, gold in dutch_rows], "nl"),
        "dev100_en": ([(en, gold) for _, en, gold in dutch_rows], "en"),
    }
    vectors = plain_vectors(extractor)
    report: dict[str, object] = {
        "taxonomy_load_seconds": round(load_seconds, 2),
        "taxonomy_vectors_from_cache": cached and "--embed" not in sys.argv,
    }
    variants = {
        "ours": {},
        "ours_without_lexicon": {"use_lexicon": False},
        "ours_without_fragments": {"use_fragments": False},
        "ours_without_boilerplate_removal": {"strip_boilerplate": False},
    }
    quality: dict[str, dict[str, object]] = {}
    for name, (items, lang) in sets.items():
        row: dict[str, object] = {}
        for variant, options in variants.items():
            variant_extractor = Extractor(
                extractor.entries, extractor.encoder, extractor.vectors, **options
            )
            row[variant] = score(ours(variant_extractor, lang), items)
        row["plain_cosine_same_embeddings"] = score(plain(extractor, vectors), items)
        peer_run = peer([text for text, _ in items])
        ranked = peer_run["ranked"]
        shipped = peer_run["shipped"]
        row["esco_skill_extractor_ranked"] = score(
            lambda _texts, r=ranked: [[labels.get(u, u) for u in x] for x in r], items
        )
        row["esco_skill_extractor_as_shipped"] = score(
            lambda _texts, r=shipped: [[labels.get(u, u) for u in x] for x in r], items
        )
        quality[name] = row
    report["quality"] = quality
    texts = [text for text, _ in english]
    extractor.extract(texts[:10])
    started = time.perf_counter()
    extractor.extract(texts, lang="auto", top=5)
    ours_seconds = time.perf_counter() - started
    peer_run = peer(texts)
    peer_seconds = float(peer_run["shipped_seconds"])  # type: ignore[arg-type]
    report["speed"] = {
        "sentences": len(texts),
        "ours_sentences_per_second": round(len(texts) / ours_seconds, 1),
        "peer_sentences_per_second": round(len(texts) / peer_seconds, 1),
        "ratio": round(peer_seconds / ours_seconds, 2),
        "peer_model_load_seconds": round(float(peer_run["load_seconds"]), 2),  # type: ignore[arg-type]
    }
    report["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(report, indent=1))
    (RESULTS / "extraction.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
