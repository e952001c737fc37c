"""The extractor's precomputed index: written at taxonomy import, read at start-up without
embedding anything, rebuilt only for skills whose labels changed; one extractor per store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from lloradar.analytics.extraction import index as extraction_index
from lloradar.features.skills import service as skills_engine
from lloradar.features.skills import skill_index as store_index
from lloradar.store import Store, open_store

TOY = Path(__file__).parents[1] / "fixtures" / "toy_esco"
DEBUG_SOFTWARE = "http://data.europa.eu/esco/skill/2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1"


@pytest.fixture(scope="module")
def toy_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("index")
    with pytest.MonkeyPatch.context() as patch, open_store(str(folder / "toy.duckdb")) as store:
        patch.setattr(skills_engine, "DEFAULT_CACHE", folder / "cache")
        skills_engine.import_taxonomy(store, "esco", TOY)
        yield store
    skills_engine.forget_models()


def no_embedding(*args: object, **kwargs: object) -> object:
    raise AssertionError("the taxonomy was embedded although the store holds its index")


def test_taxonomy_import_stores_a_vector_and_forms_per_skill(toy_store: Store) -> None:
    rows = toy_store.query(
        "SELECT e.skill_id, e.model, e.vector, e.forms FROM skill_embedding e "
        "JOIN taxonomy_concept c ON c.id = e.skill_id ORDER BY 1"
    )
    assert len(rows) == 30
    assert {r[1] for r in rows} == {extraction_index.MODEL}
    vector = np.frombuffer(bytes(rows[0][2]), dtype=np.float32)
    assert vector.shape == (512,) and np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-4)
    forms = dict((r[0], r[3]) for r in rows)[DEBUG_SOFTWARE]
    assert "en\tp\tdebug software" in forms.split("\n")


def test_a_warm_store_gives_an_extractor_without_embedding_the_taxonomy(
    toy_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_index, "embed_skills", no_embedding)
    monkeypatch.setattr(store_index, "cached_vectors", no_embedding)
    monkeypatch.setattr(extraction_index, "embed_skills", no_embedding)
    entries = store_index.skill_entries(toy_store)
    index = store_index.skill_index(toy_store, entries, None)
    assert index.fresh == [] and index.vectors.shape == (30, 512)
    found = skills_engine.load_extractor(toy_store).extract(["You debug software."], "en", 1)
    assert found[0][0].uri == DEBUG_SOFTWARE


def test_one_extractor_per_store_until_an_import(toy_store: Store) -> None:
    skills_engine.forget_models()
    first = skills_engine.load_extractor(toy_store)
    assert skills_engine.extractor(toy_store.url) is first
    assert skills_engine.load_extractor(toy_store) is first
    skills_engine.forget_models()
    assert skills_engine.load_extractor(toy_store) is not first


def test_only_a_changed_skill_is_embedded_again(toy_store: Store) -> None:
    entries = store_index.skill_entries(toy_store)
    changed = [
        e if e.uri != DEBUG_SOFTWARE else type(e)(e.uri, "debug computer programs", e.label_nl)
        for e in entries
    ]
    embedded: list[int] = []

    def embed(positions: list[int]) -> np.ndarray:
        embedded.extend(positions)
        return np.ones((len(positions), 512), dtype=np.float32)

    stored = store_index.stored_index(toy_store)
    index = extraction_index.build_index(changed, stored, embed)
    assert [changed[i].uri for i in embedded] == [DEBUG_SOFTWARE]
    assert [row.skill_id for row in index.fresh] == [DEBUG_SOFTWARE]
    assert any(f.key == "debug computer program" for f in index.forms)


def test_the_model_cache_keeps_the_stores_used_last(toy_store: Store) -> None:
    cache: dict[str, str] = {}

    def build(store: Store) -> str:
        return f"model {len(cache)}"

    for key in ("a", "b", "c", "a", "d"):
        skills_engine._cached(cache, key, build, build, toy_store)
    assert list(cache) == ["c", "a", "d"][-skills_engine.MODELS_PER_KIND :]
    assert cache["a"] == "model 0"  # used again before it was dropped: not rebuilt


def test_a_stored_vector_comes_back_byte_for_byte(any_store: Store) -> None:
    entry = extraction_index.SkillEntry("http://example.org/skill/1", "debug software")
    vector = np.linspace(-1, 1, 512, dtype=np.float32)
    forms = extraction_index.skill_forms(entry.uri, entry.labels())
    row = extraction_index.stored_row(entry, vector, forms)
    any_store.upsert(
        "skill_embedding",
        ["skill_id", "digest", "model", "vector", "forms"],
        [(row.skill_id, row.digest, row.model, row.vector, row.forms)],
        ["skill_id"],
    )
    back = store_index.stored_index(any_store)[entry.uri]
    assert back == row
    index = extraction_index.build_index([entry], {entry.uri: back}, None)
    assert index.vectors[0].tolist() == vector.tolist() and index.forms == forms
