"""Occupation transitions: components, direction and explanations by hand on a tiny graph;
the golden file on the toy taxonomy; all pairs of the real ESCO."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np
import pytest

from demo_worlds import copy_world
from lloradar.analytics import transitions
from lloradar.analytics.similarity import (
    COMPONENT_WEIGHTS,
    JOB_ZONE_STEP,
    OccupationProfile,
    SimilarityModel,
    WorkProfiles,
)
from lloradar.features.skills.service import load_similarity_model
from lloradar.pipeline.taxonomy_import import import_esco
from lloradar.store import open_store

HERE = Path(__file__).parent
GOLDEN = HERE / "golden" / "similarity_toy.json"
TOY = HERE.parent / "fixtures" / "toy_esco"


LINKS = {"a": [("51-3011.00", 1.0)], "b": [("51-3011.00", 0.8)], "d": [("37-2011.00", 1.0)]}
RATINGS = {
    "51-3011.00": {"2.A.1.a": (3.0, 4.0), "2.C.1.a": (4.0, 5.0), "2.B.3.b": (1.0, 0.0)},
    "37-2011.00": {"2.A.1.a": (2.0, 1.0), "2.C.1.a": (1.0, 0.0), "2.B.3.b": (4.0, 3.0)},
}


def tiny(*, hierarchy: bool = True, work: bool = True) -> SimilarityModel:
    profiles = [
        OccupationProfile("a", "baker", "bake bread daily", "7512", ("s1", "s2"), ("s3",)),
        OccupationProfile("b", "pastry cook", "bake bread daily", "7512", ("s1", "s4"), ()),
        OccupationProfile("c", "surgeon", "operate patients", "2212", ("s5",), ()),
        OccupationProfile("d", "cleaner", "clean offices", "9112", ("s1",), ()),
    ]
    labels = {f"s{i}": f"skill {i}" for i in range(1, 6)}
    return SimilarityModel(
        profiles,
        labels,
        broader={"s2": ["g-dough"], "s4": ["g-dough"]} if hierarchy else None,
        work=WorkProfiles(RATINGS, {"51-3011.00": 2, "37-2011.00": 1}, LINKS) if work else None,
    )


def test_coverage_counts_a_close_skill_in_part() -> None:
    # b's essential skills {s1, s4}: a has s1, and s2 in the same skill group as s4 -> 1 + 0.5
    (to_b,) = [s for s in tiny().similar("a", top=3) if s.uri == "b"]
    assert to_b.essential_coverage == pytest.approx(0.75)
    (plain,) = [s for s in tiny(hierarchy=False).similar("a", top=3) if s.uri == "b"]
    assert plain.essential_coverage == pytest.approx(0.5)
    assert to_b.semantic_similarity > plain.semantic_similarity
    assert plain.semantic_similarity == pytest.approx(plain.skill_overlap, abs=1e-6)


def test_score_is_the_weighted_mean_of_the_components() -> None:
    for suggestion in tiny().similar("a", top=3, max_level_gap=None):
        parts = {
            k: v
            for k, v in suggestion.components.items()
            if v is not None and k in COMPONENT_WEIGHTS
        }
        total = sum(COMPONENT_WEIGHTS[k] * v for k, v in parts.items())
        mean = total / sum(COMPONENT_WEIGHTS[k] for k in parts)
        assert suggestion.similarity == pytest.approx(mean, abs=1e-3)
        assert all(0.0 <= v <= 1.0 + 1e-6 for v in parts.values())


def test_work_profile_counts_only_when_both_ends_are_linked() -> None:
    suggestions = {s.uri: s for s in tiny().similar("a", top=3, max_level_gap=None)}
    assert suggestions["b"].work_similarity == pytest.approx(1.0)  # the same O*NET occupation
    assert suggestions["d"].work_similarity == pytest.approx(0.0)  # centred profiles disagree
    assert suggestions["c"].work_similarity is None  # the surgeon has no O*NET link
    assert suggestions["c"].as_dict()["components"]["work"] is None
    without = {s.uri: s for s in tiny(work=False).similar("a", top=3, max_level_gap=None)}
    assert without["b"].similarity < suggestions["b"].similarity


def test_job_zone_is_the_link_weighted_zone() -> None:
    model = tiny()
    assert model.job_zones[model.index["a"]] == pytest.approx(2.0)
    assert model.job_zones[model.index["d"]] == pytest.approx(1.0)
    assert np.isnan(model.job_zones[model.index["c"]])


def test_moving_up_a_job_zone_costs_a_little() -> None:
    model = tiny()
    (to_a,) = [s for s in model.similar("d", top=3, max_level_gap=None) if s.uri == "a"]
    assert to_a.job_zone_step == pytest.approx(1.0)  # the cleaner's zone 1 -> the baker's 2
    weights = {k: v for k, v in to_a.components.items() if k in COMPONENT_WEIGHTS}
    mean = sum(COMPONENT_WEIGHTS[k] * v for k, v in weights.items() if v is not None)
    assert to_a.similarity == pytest.approx(mean - JOB_ZONE_STEP, abs=1e-3)
    (to_c,) = [s for s in model.similar("d", top=3, max_level_gap=None) if s.uri == "c"]
    assert to_c.job_zone_step is None  # the surgeon has no O*NET link


def test_isco_proximity_is_the_shared_code_prefix() -> None:
    keys = transitions.isco_keys(["7512", "7511", "7212", None])
    shared = transitions.isco_proximity(keys, np.array([0, 3]))
    assert shared[0].tolist() == pytest.approx([1.0, 0.75, 0.25, 0.0])
    assert shared[1].tolist() == pytest.approx([0.0, 0.0, 0.0, 1.0])


def test_explanation_names_shared_missing_and_near_skills() -> None:
    (to_b,) = [s for s in tiny().similar("a", top=3) if s.uri == "b"]
    assert to_b.shared_skills == (("s1", "skill 1"),)
    assert to_b.missing_skills == (("s4", "skill 4"),)
    assert to_b.near_skills == (("s4", "skill 4", "s2", "skill 2"),)
    body = to_b.as_dict()
    assert set(body) == {
        "uri", "label", "similarity", "shared_skills", "missing_skills",
        "viability", "components", "near_skills",
    }  # fmt: skip
    assert body["near_skills"] == [
        {"uri": "s4", "label": "skill 4", "close_to": {"uri": "s2", "label": "skill 2"}}
    ]
    assert set(body["components"]) == {*COMPONENT_WEIGHTS, "job_zone_step"}
    assert body["viability"] == to_b.viability


def test_similarity_is_asymmetric_like_a_career_move() -> None:
    model = tiny()
    matrix = model.all_pairs()
    a, d = model.index["a"], model.index["d"]
    assert matrix[a, d] > matrix[d, a]  # a has d's only essential skill; d lacks a's s2
    into_d, into_a = model.components([a]).coverage[0, d], model.components([d]).coverage[0, a]
    assert (into_d, into_a) == (pytest.approx(1.0), pytest.approx(0.5))


def test_skill_vectors_make_near_identical_skills_close() -> None:
    skills = ["operate forklift", "drive forklift", "bake bread"]
    vectors = np.array([[1, 0], [0.95, 0.312], [0, 1]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    close = transitions.close_skills(skills, {}, vectors).toarray()
    assert close[0, 1] == pytest.approx(0.95, abs=0.01)
    assert close[0, 2] == 0.0 and close[2, 2] == 1.0


def test_a_big_skill_group_does_not_make_its_members_close() -> None:
    skills = [f"s{i}" for i in range(transitions.MAX_GROUP + 1)]
    broad = transitions.close_skills(skills, {s: ["g"] for s in skills}).toarray()
    assert broad[0, 1] == 0.0
    small = transitions.close_skills(skills, {"s0": ["g"], "s1": ["g"]}).toarray()
    assert small[0, 1] == transitions.GROUP_CLOSENESS


def test_model_takes_skill_vectors_in_their_own_order() -> None:
    profiles = [
        OccupationProfile("x", "forklift driver", "", "8344", ("fork-op",), ()),
        OccupationProfile("y", "reach truck driver", "", "8344", ("fork-drive",), ()),
    ]
    order = ["fork-drive", "unused", "fork-op"]
    vectors = np.array([[0.95, 0.312], [0, 1], [1, 0]], dtype=np.float32)
    model = SimilarityModel(profiles, {}, skill_vectors=vectors, skill_order=order)
    (move,) = model.similar("x", top=1)
    assert move.skill_overlap == 0.0 and move.essential_coverage > 0.7
    assert move.near_skills[0][:1] == ("fork-drive",)


def test_level_filter_keeps_moves_within_one_skill_level() -> None:
    model = tiny()
    assert "c" not in [s.uri for s in model.similar("d", top=10)]  # level 1 -> level 4
    assert "c" in [s.uri for s in model.similar("d", top=10, max_level_gap=None)]
    assert "a" not in [s.uri for s in model.similar("a", top=10)]  # never itself


def test_unknown_occupation_is_a_clear_error() -> None:
    with pytest.raises(LookupError, match="not an ESCO occupation"):
        tiny().similar("http://data.europa.eu/esco/occupation/nope")


def test_all_pairs_agrees_with_single_queries() -> None:
    model = tiny()
    matrix = model.all_pairs()
    for suggestion in model.similar("b", top=3, max_level_gap=None):
        assert matrix[model.index["b"], model.index[suggestion.uri]] == pytest.approx(
            suggestion.similarity, abs=1e-6
        )


def toy_suggestions() -> dict[str, list[dict[str, object]]]:
    store = open_store(":memory:")
    import_esco(store, TOY)
    model = load_similarity_model(store)
    store.close()
    result: dict[str, list[dict[str, object]]] = {}
    for occupation in model.occupations:
        result[occupation.label] = [
            {
                "label": s.label,
                "similarity": round(s.similarity, 4),
                "essential_coverage": round(s.essential_coverage, 4),
                "skill_overlap": round(s.skill_overlap, 4),
                "description_similarity": round(s.description_similarity, 4),
                "semantic_similarity": round(s.semantic_similarity, 4),
                "isco_proximity": round(s.isco_proximity, 4),
                "viability": s.viability,
                "missing_skills": len(s.missing_skills),
            }
            for s in model.similar(occupation.uri, top=3)
        ]
    return result


def test_golden_toy_taxonomy() -> None:
    actual = toy_suggestions()
    if os.environ.get("LLORADAR_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", "utf-8")
    assert actual == json.loads(GOLDEN.read_text("utf-8"))
    assert actual["cook"][0]["label"] == "chef"
    assert actual["web developer"][0]["label"] == "software developer"


@pytest.mark.shared_data
def test_real_all_pairs_is_fast(
    shared_data: Path, real_esco: tuple[Path, list[object]], tmp_path: Path
) -> None:
    # the real ESCO, imported once per session (tests/conftest.py)
    store = open_store(str(copy_world(real_esco[0], tmp_path / "esco.duckdb")))
    model = load_similarity_model(store)
    store.close()
    started = time.perf_counter()
    matrix = model.all_pairs()
    assert time.perf_counter() - started < 30  # the benchmark's target is 10 s on 2 cores
    assert matrix.shape == (3007, 3007)
    assert np.isfinite(matrix).all() and matrix.max() <= 1.0 + 1e-6
    by_label = {o.label: o.uri for o in model.occupations}
    nurse = model.similar(by_label["nurse responsible for general care"], top=5)
    assert {"specialist nurse", "advanced nurse practitioner"} <= {s.label for s in nurse[:3]}
    assert nurse[0].viability == "highly viable" and nurse[0].near_skills  # the hierarchy
    assert matrix[model.index[nurse[0].uri], model.index[nurse[0].uri]] == pytest.approx(1.0)
