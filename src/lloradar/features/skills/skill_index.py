"""The skill extractor's index in a store: the skills as the extractor sees them, and their
precomputed vectors and label forms (table skill_embedding), written at taxonomy import and
demo build and read at start-up. A taxonomy embedded whole is also kept in a cache file, so a
second fresh store of the same taxonomy (tests, benchmarks) does not embed it again."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from lloradar.analytics.extraction import (
    SkillEntry,
    SkillIndex,
    StoredSkill,
    UniversalSentenceEncoder,
    build_index,
    embed_skills,
    skill_texts,
)
from lloradar.store import Store


def has_taxonomy(store: Store) -> bool:
    return bool(store.query("SELECT 1 FROM taxonomy_concept WHERE type = 'esco_skill' LIMIT 1"))


_SKILLS_SQL = (
    "SELECT c.id, c.label_en, c.label_nl, c.alt_labels, n.alt_labels, c.description, "
    "coalesce(f.n, 0), s.reuse_level, s.skill_type "
    "FROM taxonomy_concept c LEFT JOIN taxonomy_label_nl n ON n.id = c.id "
    "LEFT JOIN skill s ON s.id = c.id "
    "LEFT JOIN (SELECT skill_id, count(*) AS n FROM occupation_skill GROUP BY skill_id) f "
    "ON f.skill_id = c.id WHERE c.type = 'esco_skill' ORDER BY c.id"
)


def split_labels(labels: str | None) -> tuple[str, ...]:
    return tuple(a for a in (labels or "").split("\n") if a)


def skill_entries(store: Store) -> list[SkillEntry]:
    """The extractor's view of the store's skills: the imported ESCO skills (labels, alternative
    labels, Dutch labels where they exist, how many occupations name them), or, without a
    taxonomy, the demo world's skills."""
    if has_taxonomy(store):
        return [
            SkillEntry(
                uri,
                en,
                nl,
                split_labels(alt_en),
                split_labels(alt_nl),
                desc or "",
                n,
                reuse or "",
                kind or "",
            )
            for uri, en, nl, alt_en, alt_nl, desc, n, reuse, kind in store.query(_SKILLS_SQL)
        ]
    rows = store.query(
        "SELECT s.id, s.label_en, s.label_nl, s.description, coalesce(f.n, 0), s.reuse_level, "
        "s.skill_type FROM skill s LEFT JOIN (SELECT skill_id, count(*) AS n FROM "
        "occupation_skill GROUP BY skill_id) f ON f.skill_id = s.id ORDER BY s.id"
    )
    return [
        SkillEntry(uri, en or uri, nl, (), (), desc or "", n, reuse or "", kind or "")
        for uri, en, nl, desc, n, reuse, kind in rows
    ]


def stored_index(store: Store) -> dict[str, StoredSkill]:
    rows = store.query("SELECT skill_id, digest, model, vector, forms FROM skill_embedding")
    return {r[0]: StoredSkill(r[0], r[1], r[2], bytes(r[3]), r[4]) for r in rows}


def skill_index(store: Store, entries: Sequence[SkillEntry], cache_dir: Path | None) -> SkillIndex:
    """The extractor's index of `entries`: the store's precomputed rows where they are valid,
    the rest embedded now (through the file cache of whole-taxonomy vectors)."""
    stored = stored_index(store)

    def embed(positions: list[int]) -> Any:
        if cache_dir is not None and len(positions) == len(entries):  # a fresh store
            return cached_vectors(entries, cache_dir)
        return embed_skills([entries[i] for i in positions], UniversalSentenceEncoder())

    return build_index(entries, stored, embed)


def store_skill_index(store: Store, cache_dir: Path | None) -> int:
    """Precompute the extractor's index into the store (at taxonomy import and demo build):
    rows of changed or new skills are written, rows of skills no longer there are removed.
    Returns the number of rows written."""
    entries = skill_entries(store)
    index = skill_index(store, entries, cache_dir)
    with store.transaction():
        store.execute(
            "DELETE FROM skill_embedding WHERE skill_id NOT IN "
            "(SELECT id FROM taxonomy_concept WHERE type = 'esco_skill' UNION SELECT id FROM skill)"
        )
        if index.fresh:
            store.upsert(
                "skill_embedding",
                ["skill_id", "digest", "model", "vector", "forms"],
                [(r.skill_id, r.digest, r.model, r.vector, r.forms) for r in index.fresh],
                ["skill_id"],
            )
    return len(index.fresh)


def cached_vectors(entries: Sequence[SkillEntry], cache_dir: Path | None) -> Any:
    """Embedding a whole taxonomy is a one-off (about a minute for ESCO): kept in a cache file
    named after the checksum of what was embedded, so a second fresh store of the same
    taxonomy (tests, benchmarks) does not embed it again."""
    if cache_dir is None:
        return None
    texts = skill_texts(entries)
    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    path = cache_dir / f"skill-vectors-{digest}.npy"
    if path.is_file():
        try:
            return np.load(path)
        except (OSError, ValueError):
            pass
    vectors = embed_skills(entries, UniversalSentenceEncoder())
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    except OSError:
        pass  # a read-only home: work without the cache
    return vectors
