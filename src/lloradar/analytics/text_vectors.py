"""Word vectors of short English texts (the ESCO occupation descriptions): tokens without stop
words, and L2-normalised TF-IDF rows."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

TOKEN = re.compile(r"[a-z][a-z]+")
STOP_WORDS = frozenset(
    [
        "and",
        "the",
        "for",
        "with",
        "from",
        "that",
        "this",
        "are",
        "was",
        "were",
        "their",
        "they",
        "them",
        "such",
        "other",
        "into",
        "use",
        "used",
        "using",
        "also",
        "may",
        "can",
        "all",
        "any",
        "its",
        "has",
        "have",
        "not",
        "but",
        "who",
        "which",
        "when",
        "where",
        "how",
        "what",
        "out",
        "per",
        "within",
        "about",
        "between",
        "under",
        "over",
        "through",
        "including",
        "include",
        "includes",
    ]
)


def tokens(text: str) -> list[str]:
    return [t for t in TOKEN.findall(text.lower()) if t not in STOP_WORDS]


def tfidf(descriptions: Sequence[str]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (smooth idf, as scikit-learn's TfidfVectorizer)."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    values: list[int] = []
    for row, text in enumerate(descriptions):
        counts: dict[int, int] = {}
        for token in tokens(text):
            column = vocabulary.setdefault(token, len(vocabulary))
            counts[column] = counts.get(column, 0) + 1
        rows.extend([row] * len(counts))
        cols.extend(counts)
        values.extend(counts.values())
    shape = (len(descriptions), max(len(vocabulary), 1))
    matrix = sparse.csr_matrix(
        (np.asarray(values, dtype=np.float32), (rows, cols)), shape=shape, dtype=np.float32
    )
    document_frequency = np.bincount(matrix.indices, minlength=shape[1])
    idf = np.log((1 + shape[0]) / (1 + document_frequency)) + 1
    matrix = matrix.multiply(idf.astype(np.float32)).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.csr_matrix(sparse.diags((1 / norms).astype(np.float32)) @ matrix)
