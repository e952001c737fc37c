"""Use-cases of the skills engine: import a taxonomy, show a concept, similar occupations,
extract skills from text. The edges (CLI, API) call these and nothing below them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np

from lloradar.analytics.extraction import (
    Extractor,
    SkillEntry,
    UniversalSentenceEncoder,
    embed_skills,
    skill_texts,
)
from lloradar.analytics.similarity import OccupationProfile, SimilarityModel
from lloradar.domain import IngestError
from lloradar.pipeline.save import LoadReport
from lloradar.pipeline.taxonomy_import import import_esco, import_onet
from lloradar.store import Store

TaxonomyKind = Literal["esco", "onet"]
DEFAULT_CACHE = Path.home() / ".cache" / "lloradar"


def import_taxonomy(store: Store, kind: TaxonomyKind, path: Path) -> list[LoadReport]:
    """Import the ESCO CSV package or the O*NET tables from `path` (idempotent)."""
    if kind == "esco":
        return import_esco(store, path)
    return import_onet(store, path)


def show_concept(store: Store, uri: str) -> dict[str, Any] | None:
    """One concept of the common taxonomy with its provenance and, for ESCO occupations and
    skills, the size of its part of the occupation-skill graph."""
    rows = store.query_dicts(
        "SELECT c.id, c.type, c.label_en, c.label_nl, c.alt_labels, c.description, c.parent, "
        "p.source, p.source_table, p.licence, p.retrieved_at "
        "FROM taxonomy_concept c JOIN provenance p ON p.source_id = c.source_id WHERE c.id = ?",
        [uri],
    )
    if not rows:
        return None
    concept = rows[0]
    concept["alt_labels"] = [a for a in concept["alt_labels"].split("\n") if a]
    concept["retrieved_at"] = str(concept["retrieved_at"])
    dutch = store.query("SELECT alt_labels FROM taxonomy_label_nl WHERE id = ?", [uri])
    concept["alt_labels_nl"] = [a for a in dutch[0][0].split("\n") if a] if dutch else []
    if concept["parent"]:
        parent = store.query(
            "SELECT label_en FROM taxonomy_concept WHERE id = ?", [concept["parent"]]
        )
        concept["parent_label"] = parent[0][0] if parent else None
    if concept["type"] == "esco_occupation":
        counts = store.query(
            "SELECT relation, count(*) FROM occupation_skill WHERE occupation_id = ? "
            "GROUP BY relation ORDER BY relation",
            [uri],
        )
        concept["skills"] = {relation: n for relation, n in counts}
    elif concept["type"] == "esco_skill":
        n = store.query("SELECT count(*) FROM occupation_skill WHERE skill_id = ?", [uri])
        concept["occupations"] = n[0][0]
    return concept


def _require_taxonomy(store: Store) -> None:
    if not store.query("SELECT 1 FROM taxonomy_concept WHERE type = 'esco_skill' LIMIT 1"):
        raise IngestError(
            "store", "no ESCO taxonomy imported yet (run: lloradar taxonomy import esco PATH)"
        )


def load_similarity_model(store: Store) -> SimilarityModel:
    """The occupation-skill graph of the store as a similarity model (built once)."""
    _require_taxonomy(store)
    occupations = store.query(
        "SELECT c.id, c.label_en, c.description, o.isco_code FROM taxonomy_concept c "
        "LEFT JOIN occupation o ON o.id = c.id WHERE c.type = 'esco_occupation' ORDER BY c.id"
    )
    relations = store.query(
        "SELECT occupation_id, skill_id, relation FROM occupation_skill ORDER BY 1, 2"
    )
    essential: dict[str, list[str]] = {}
    optional: dict[str, list[str]] = {}
    for occupation, skill, relation in relations:
        (essential if relation == "essential" else optional).setdefault(occupation, []).append(
            skill
        )
    skill_labels: dict[str, str] = dict(
        store.query("SELECT id, label_en FROM taxonomy_concept WHERE type = 'esco_skill'")
    )
    profiles = [
        OccupationProfile(
            uri,
            label,
            description or "",
            isco,
            tuple(essential.get(uri, ())),
            tuple(optional.get(uri, ())),
        )
        for uri, label, description, isco in occupations
    ]
    return SimilarityModel(profiles, skill_labels)


def similar_occupations(
    model: SimilarityModel, uris: Iterable[str], top: int = 20
) -> Iterator[list[dict[str, Any]]]:
    """For each occupation URI, in order: the `top` most similar occupations, explained.
    An unknown URI raises LookupError with a message a person can act on."""
    for uri in uris:
        yield [s.as_dict() for s in model.similar(uri, top)]


def load_extractor(store: Store, *, cache: bool = True) -> Extractor:
    """The skill extractor over the imported ESCO skills (labels, alternative labels, Dutch
    labels where they exist)."""
    _require_taxonomy(store)
    rows = store.query(
        "SELECT c.id, c.label_en, c.label_nl, c.alt_labels, n.alt_labels, c.description "
        "FROM taxonomy_concept c LEFT JOIN taxonomy_label_nl n ON n.id = c.id "
        "WHERE c.type = 'esco_skill' ORDER BY c.id"
    )
    entries = [
        SkillEntry(
            uri,
            label_en,
            label_nl,
            tuple(a for a in (alt_en or "").split("\n") if a),
            tuple(a for a in (alt_nl or "").split("\n") if a),
            description or "",
        )
        for uri, label_en, label_nl, alt_en, alt_nl, description in rows
    ]
    return Extractor(
        entries, skill_vectors=_cached_vectors(entries, DEFAULT_CACHE if cache else None)
    )


def _cached_vectors(entries: Sequence[SkillEntry], cache_dir: Path | None) -> Any:
    """Embedding the taxonomy is a one-off (about 10 s for ESCO): keep it in a cache file
    named after the checksum of what was embedded."""
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


def extract_skills(
    extractor: Extractor, texts: Sequence[str], lang: str = "auto", top: int = 5
) -> list[dict[str, Any]]:
    """One result per text, in order: {"text", "skills": [{"uri","label","score","span"}]}."""
    results = extractor.extract(texts, lang=lang, top=top)
    return [
        {"text": text, "skills": [m.as_dict() for m in matches]}
        for text, matches in zip(texts, results, strict=True)
    ]
