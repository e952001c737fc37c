"""The one "did you mean" rule and the resolvers that use it: regions and occupations by code or
exact label, anything else an UnknownLabel naming the nearest known ones."""

from __future__ import annotations

import pytest

from lloradar.domain import RegionLevel, UnknownLabel
from lloradar.features.indicators.tension import resolve_occupation, suggest_occupations
from lloradar.pipeline.regions import load_builtin_regions
from lloradar.services.regions import resolve_region
from lloradar.services.suggest import closest
from lloradar.store import Store

NURSES = [
    ("demo:occupation/nurse", "algemeen verpleegkundige"),
    ("demo:occupation/nurse", "nurse responsible for general care"),
    ("demo:occupation/specialist-nurse", "gespecialiseerd verpleegkundige"),
    ("demo:occupation/welder", "lasser"),
    ("demo:occupation/welder", None),
]


def test_closest_gives_one_label_per_key_best_first() -> None:
    assert closest("verpleegkundige", NURSES) == [
        ("demo:occupation/nurse", "algemeen verpleegkundige"),
        ("demo:occupation/specialist-nurse", "gespecialiseerd verpleegkundige"),
    ]
    assert closest("general-care nurse", NURSES, limit=1) == [
        ("demo:occupation/nurse", "nurse responsible for general care")
    ]
    assert closest("VERPLEEGKUNDIGE", NURSES, limit=1)[0][1] == "algemeen verpleegkundige"


def test_closest_suggests_nothing_for_short_or_far_input() -> None:
    assert closest("la", NURSES) == []
    assert closest("astronaut", NURSES) == []
    assert closest("lasser", NURSES, limit=0) == []


@pytest.fixture
def store(duck: Store) -> Store:
    load_builtin_regions(duck)
    duck.upsert(
        "occupation",
        ["id", "label_nl", "label_en", "isco_code", "source_id"],
        [
            ("demo:occupation/nurse", "algemeen verpleegkundige", "general nurse", "2221", "t"),
            ("demo:occupation/welder", "lasser", "welder", "7212", "t"),
        ],
        ["id"],
    )
    return duck


def test_a_region_by_code_or_name_in_any_case(store: Store) -> None:
    assert resolve_region(store, "am05") == "AM05"
    assert resolve_region(store, "twente") == "AM05"
    assert resolve_region(store, "Groningen") == "AM01"  # the arbeidsmarktregio before the PV
    assert resolve_region(store, "Groningen", [RegionLevel.PROVINCIE]) == "PV20"


def test_an_unknown_region_names_the_nearest(store: Store) -> None:
    with pytest.raises(UnknownLabel) as raised:
        resolve_region(store, "Twnte")
    assert raised.value.suggestions[0] == "Twente (AM05)"
    assert "'Twnte' is not a known region; did you mean: Twente (AM05)" in str(raised.value)
    with pytest.raises(UnknownLabel, match="not a known region$"):
        resolve_region(store, "Overijssel", [RegionLevel.ARBEIDSMARKTREGIO])  # a province


def test_an_occupation_by_id_slug_isco_or_label(store: Store) -> None:
    for text in ("demo:occupation/welder", "welder", "7212", "LASSER"):
        assert resolve_occupation(store, text) == "demo:occupation/welder"
    assert resolve_occupation(store, "2221") == "demo:occupation/nurse"


def test_an_unknown_occupation_names_the_nearest_labels(store: Store) -> None:
    with pytest.raises(UnknownLabel) as raised:
        resolve_occupation(store, "verpleegkundige")
    assert raised.value.kind == "occupation"
    assert raised.value.suggestions == ("algemeen verpleegkundige",)
    assert isinstance(raised.value, LookupError)
    assert suggest_occupations(store, "weldr") == ["welder"]
    with pytest.raises(UnknownLabel):
        resolve_occupation(store, "%")  # no wildcard: not the first occupation
