"""Runs in the peer venv: the same occupation similarity written straightforwardly with pandas
(self-joins on skills) and scikit-learn (TF-IDF, cosine). Args: input folder, output .npy."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity


def main(folder: Path, output: Path) -> None:
    occupations = pd.read_csv(folder / "occupations.csv", keep_default_na=False)
    relations = pd.read_csv(folder / "relations.csv")
    stop_words = json.loads((folder / "stop_words.json").read_text())
    started = time.perf_counter()
    ids = occupations["id"].tolist()
    position = {uri: i for i, uri in enumerate(ids)}
    n = len(ids)
    relations = relations.drop_duplicates(["occupation_id", "skill_id"])
    essential = relations[relations["relation"] == "essential"]
    # coverage: |skills(a) & essential(b)| / |essential(b)|
    pairs = relations.merge(essential, on="skill_id", suffixes=("_a", "_b"))
    shared_essential = pairs.groupby(["occupation_id_a", "occupation_id_b"]).size()
    n_essential = essential.groupby("occupation_id").size()
    coverage = np.zeros((n, n))
    a = shared_essential.index.get_level_values(0).map(position)
    b = shared_essential.index.get_level_values(1).map(position)
    coverage[a, b] = (
        shared_essential.values
        / n_essential.reindex(shared_essential.index.get_level_values(1)).values
    )
    # overlap: Jaccard of all skills
    pairs = relations.merge(relations, on="skill_id", suffixes=("_a", "_b"))
    shared = pairs.groupby(["occupation_id_a", "occupation_id_b"]).size()
    n_all = relations.groupby("occupation_id").size()
    overlap = np.zeros((n, n))
    a_ids = shared.index.get_level_values(0)
    b_ids = shared.index.get_level_values(1)
    union = n_all.reindex(a_ids).values + n_all.reindex(b_ids).values - shared.values
    overlap[a_ids.map(position), b_ids.map(position)] = shared.values / union
    # descriptions: TF-IDF cosine
    vectorizer = TfidfVectorizer(token_pattern=r"[a-z][a-z]+", stop_words=stop_words)
    tfidf = vectorizer.fit_transform(occupations["description"])
    described = cosine_similarity(tfidf)
    similarity = 0.5 * coverage + 0.25 * overlap + 0.25 * described
    seconds = time.perf_counter() - started
    np.save(output, similarity.astype(np.float32))
    print(json.dumps({"seconds": seconds}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
