"""Use-cases of the skills engine: import a taxonomy, show a concept, similar occupations,
extract skills from text, and the skill models of a store (one cache, one rule: built on first
use per store URL, dropped when a taxonomy import changes what they are built from). The edges
(CLI, API, pages) and other features call these and nothing below them."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Literal, TypeVar

from lloradar.analytics.crosswalk import (
    EscoOccupationLabels,
    LinkCandidate,
    OnetOccupationTitles,
    link_occupations,
)
from lloradar.analytics.extraction import Extractor, UniversalSentenceEncoder
from lloradar.analytics.extraction.lexicon import lemma
from lloradar.analytics.similarity import OccupationProfile, SimilarityModel, WorkProfiles
from lloradar.domain import IngestError
from lloradar.features.skills.skill_index import has_taxonomy as _has_taxonomy
from lloradar.features.skills.skill_index import skill_entries, skill_index, store_skill_index
from lloradar.features.skills.skill_index import split_labels as _split
from lloradar.pipeline.save import LoadReport
from lloradar.pipeline.taxonomy_import import import_esco, import_onet
from lloradar.services.request_store import open_web_store
from lloradar.store import Store

M = TypeVar("M")
TaxonomyKind = Literal["esco", "onet"]
DEFAULT_CACHE = Path.home() / ".cache" / "lloradar"


def import_taxonomy(store: Store, kind: TaxonomyKind, path: Path) -> list[LoadReport]:
    """Import the ESCO CSV package or the O*NET tables from `path` (idempotent)."""
    reports = import_esco(store, path) if kind == "esco" else import_onet(store, path)
    if kind == "esco":
        store_skill_index(store, DEFAULT_CACHE)
    forget_models()
    return reports


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


def load_similarity_model(store: Store, *, skill_vectors: bool = False) -> SimilarityModel:
    """The occupation-skill graph of the store as a similarity model (built once).
    `skill_vectors`: near skills also by the extractor's skill vectors, not only by the ESCO
    skill hierarchy (off: about 15 s more for no measurable gain, bench/bench_similarity.py)."""
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
    vectors, order = None, None
    if skill_vectors:
        entries = skill_entries(store)
        vectors, order = (
            skill_index(store, entries, DEFAULT_CACHE).vectors,
            [e.uri for e in entries],
        )
    return SimilarityModel(
        profiles,
        skill_labels,
        broader=_skill_broader(store),
        work=_work_profiles(store),
        skill_vectors=vectors,
        skill_order=order,
    )


def _skill_broader(store: Store) -> dict[str, list[str]]:
    """Each ESCO skill's broader skills and skill groups (the skill hierarchy)."""
    broader: dict[str, list[str]] = {}
    for skill, parent in store.query("SELECT id, broader_id FROM taxonomy_broader"):
        broader.setdefault(skill, []).append(parent)
    return broader


def _work_profiles(store: Store) -> WorkProfiles | None:
    """O*NET skill and knowledge ratings, job zones and the ESCO -> O*NET link; None without
    O*NET ratings. The link is the stored one (`lloradar tasks link`, the demo build); ESCO
    occupations it does not cover are linked now, in memory, the same way (about 10 s for all
    of ESCO: run `lloradar tasks link` once to store it)."""
    ratings: dict[str, dict[str, tuple[float | None, float | None]]] = {}
    for code, element, importance, level in store.query(
        "SELECT onet_code, element_id, importance, level FROM onet_rating"
    ):
        ratings.setdefault(code, {})[element] = (importance, level)
    if not ratings:
        return None
    links: dict[str, list[tuple[str, float]]] = {}
    for occupation, code, confidence in store.query(
        "SELECT occupation_id, onet_code, confidence FROM occupation_onet_link ORDER BY 1, 2"
    ):
        links.setdefault(occupation, []).append((code, float(confidence)))
    for link in _link_missing(store, set(links), set(ratings)):
        links.setdefault(link.occupation_id, []).append((link.onet_code, link.confidence))
    zones: dict[str, int] = dict(store.query("SELECT onet_code, job_zone FROM onet_job_zone"))
    return WorkProfiles(ratings, zones, links)


def _link_missing(store: Store, linked: set[str], rated: set[str]) -> list[LinkCandidate]:
    """`analytics.crosswalk.link_occupations` for the ESCO occupations without a stored link,
    from the labels in the store, to the O*NET occupations that have ratings."""
    isco: dict[str, str] = dict(
        store.query("SELECT id, label_en FROM taxonomy_concept WHERE type = 'isco_group'")
    )
    esco = [
        EscoOccupationLabels(
            uri,
            label,
            _split(alt),
            parent.rsplit("/C", 1)[-1] if parent else None,
            isco.get(parent),
        )
        for uri, label, alt, parent in store.query(
            "SELECT id, label_en, alt_labels, parent FROM taxonomy_concept "
            "WHERE type = 'esco_occupation' ORDER BY id"
        )
        if uri not in linked
    ]
    onet = [
        OnetOccupationTitles(code, title, _split(alt))
        for code, title, alt in store.query(
            "SELECT id, label_en, alt_labels FROM taxonomy_concept "
            "WHERE type = 'onet_occupation' ORDER BY id"
        )
        if code in rated
    ]
    return link_occupations(esco, onet)


def similar_occupations(
    model: SimilarityModel, uris: Iterable[str], top: int = 20
) -> Iterator[list[dict[str, Any]]]:
    """For each occupation URI, in order: the `top` most similar occupations, explained.
    An unknown URI raises LookupError with a message a person can act on."""
    for uri in uris:
        yield [s.as_dict() for s in model.similar(uri, top)]


def load_extractor(store: Store, *, cache: bool = True) -> Extractor:
    """The skill extractor over the imported ESCO skills: the one instance of this store's URL
    (see `_cached`), built from the store's precomputed index (nothing is embedded when the
    index is there and up to date). `cache=False`: no file cache of taxonomy vectors."""
    _require_taxonomy(store)
    if store.url == ":memory:":  # every in-memory store is another database: not cached
        return _build_extractor(store, cache=cache)
    return _cached(_EXTRACTOR, store.url, _build_extractor, _build_extractor, store)


def _build_extractor(store: Store, *, cache: bool = True) -> Extractor:
    encoder = UniversalSentenceEncoder()
    # while the index is read: the weights, the tokenizer and the English lemmas (about 1.5 s)
    encoder.load_in_background(lambda: lemma("skills", "en"))
    entries = skill_entries(store)
    if not entries:
        raise SkillsUnavailable(
            "the store holds no skills to extract (import ESCO: lloradar taxonomy import esco PATH)"
        )
    index = skill_index(store, entries, DEFAULT_CACHE if cache else None)
    return Extractor.from_index(entries, index, encoder)


def extract_skills(
    extractor: Extractor, texts: Sequence[str], lang: str = "auto", top: int = 5
) -> list[dict[str, Any]]:
    """One result per text, in order: {"text", "skills": [{"uri","label","score","span"}]}."""
    results = extractor.extract(texts, lang=lang, top=top)
    return [
        {"text": text, "skills": [m.as_dict() for m in matches]}
        for text, matches in zip(texts, results, strict=True)
    ]


# --- The skill models of a store, cached per store URL -------------------------------------


class SkillsUnavailable(Exception):
    """The store holds no occupation-skill graph to build the model from."""


_LOCK = threading.Lock()
MODELS_PER_KIND = 3
_SIMILARITY: dict[str, SimilarityModel] = {}
_EXTRACTOR: dict[str, Extractor] = {}


def _demo_similarity(store: Store) -> SimilarityModel:
    occupations = store.query(
        "SELECT id, label_en, description, isco_code FROM occupation ORDER BY id"
    )
    relations = store.query(
        "SELECT occupation_id, skill_id, relation FROM occupation_skill ORDER BY 1, 2"
    )
    if not occupations or not relations:
        raise SkillsUnavailable(
            "the store holds no occupations with skills (import ESCO: lloradar taxonomy import "
            "esco PATH, or build the demo world with ../shared/data present)"
        )
    essential: dict[str, list[str]] = {}
    optional: dict[str, list[str]] = {}
    for occupation, skill, relation in relations:
        target = essential if relation == "essential" else optional
        target.setdefault(occupation, []).append(skill)
    labels: dict[str, str] = dict(store.query("SELECT id, label_en FROM skill"))
    profiles = [
        OccupationProfile(
            uri,
            label or uri,
            description or "",
            isco,
            tuple(essential.get(uri, ())),
            tuple(optional.get(uri, ())),
        )
        for uri, label, description, isco in occupations
    ]
    return SimilarityModel(profiles, labels)


def _cached(
    cache: dict[str, M],
    url: str,
    real: Callable[[Store], M],
    demo: Callable[[Store], M],
    store: Store | None = None,
) -> M:
    """The one cache rule of the skill models: built on first use per store URL, from the ESCO
    taxonomy when one is imported, else from the demo world's occupations and skills; kept
    until `forget_models` (after an import that changes the taxonomy), for the last
    MODELS_PER_KIND stores used (an ESCO extractor holds about 200 MB). A caller that holds the
    store open already (the CLI, ingest) passes it, so it is not opened twice."""
    with _LOCK:
        if url not in cache:
            with nullcontext(store) if store is not None else open_web_store(url) as opened:
                try:
                    cache[url] = real(opened) if _has_taxonomy(opened) else demo(opened)
                except IngestError as exc:
                    raise SkillsUnavailable(str(exc)) from exc
        cache[url] = cache.pop(url)  # the most recently used last
        while len(cache) > MODELS_PER_KIND:
            cache.pop(next(iter(cache)))
        return cache[url]


def forget_models() -> None:
    """Drop every cached skill model: the next use rebuilds it from the store."""
    with _LOCK:
        _SIMILARITY.clear()
        _EXTRACTOR.clear()


def similarity_model(url: str) -> SimilarityModel:
    return _cached(_SIMILARITY, url, load_similarity_model, _demo_similarity)


def extractor(url: str) -> Extractor:
    """The one skill extractor of the store at `url` (ingest, passport, employer view, API and
    the CLI all get this instance)."""
    return _cached(_EXTRACTOR, url, _build_extractor, _build_extractor)


def resolve_occupation(url: str, key: str) -> str | None:
    """An occupation URI from a URI, the last part of one (the UUID) or a demo slug."""
    model = similarity_model(url)
    if key in model.index:
        return key
    for uri in model.index:
        if uri.rsplit("/", 1)[-1] == key:
            return uri
    return None


def similar_to(url: str, uri: str, top: int) -> list[dict[str, Any]]:
    """The `top` occupations most like `uri`, with the shared and missing skills."""
    return next(similar_occupations(similarity_model(url), [uri], top))


def extract_from_text(url: str, text: str, lang: str, top: int) -> list[dict[str, Any]]:
    """Skills in `text`: uri, label, score, span."""
    result = extract_skills(extractor(url), [text], lang, top)
    return list(result[0]["skills"])
