"""Golden tests of the career navigator on a toy taxonomy: ranking, opportunity, transitions."""

from __future__ import annotations

import pytest

from lloradar.analytics.navigator import (
    CourseRef,
    OccupationSkills,
    Opportunity,
    SkillLabel,
    forecast_direction,
    rank_occupations,
    skill_fit,
    transitions,
)
from lloradar.domain import TensionClass

X = OccupationSkills("toy:x", "ex", "iks", ("a", "b"), ("c",))
Y = OccupationSkills("toy:y", "why", None, ("a", "c", "d", "e"))
Z = OccupationSkills("toy:z", "zed", None, ("e", "f"), ("a",))
W = OccupationSkills("toy:w", "double", None, ("f",))
GRAPH = [W, X, Y, Z]
LABELS = {s: SkillLabel(f"skill {s}", f"vaardigheid {s}") for s in "abcdef"}
COURSE_E = CourseRef("course-e", "Learn e", "Toy school", "AM05")
COURSES = {"e": [COURSE_E]}
CHANCES = {
    "toy:x": Opportunity(TensionClass.RUIM, 0.4, "slecht", -0.05),
    "toy:y": Opportunity(TensionClass.ZEER_KRAP, 5.0, "zeer goed", 0.10),
    "toy:z": Opportunity(growth=0.04),
    "toy:w": Opportunity(growth=0.0),
}


def test_fit_weighs_essential_coverage_four_times_optional() -> None:
    assert skill_fit({"a", "b", "d"}, X) == pytest.approx((0.8, 1.0, 0.0))
    assert skill_fit({"a", "b", "d"}, Y) == pytest.approx((0.5, 0.5, 0.5))
    assert skill_fit({"a", "b", "d"}, Z) == pytest.approx((0.2, 0.0, 1.0))


def test_ranking_order_scores_and_missing_skills_are_golden() -> None:
    options = rank_occupations({"a", "b", "d"}, GRAPH, CHANCES, LABELS, COURSES)
    assert [o.occupation.uri for o in options] == ["toy:x", "toy:y", "toy:z"]  # w shares nothing
    assert [round(o.score, 4) for o in options] == [0.52, 0.5, 0.16]
    assert [m.uri for m in options[0].missing] == []
    # a missing skill with a course comes first
    assert [m.uri for m in options[1].missing] == ["e", "c"]
    assert options[1].missing[0].courses == (COURSE_E,)
    assert [m.uri for m in options[2].missing] == ["e", "f"]
    assert options[1].have == ("a", "d")
    assert options[1].missing[1].label.label("nl") == "vaardigheid c"


def test_opportunity_can_reorder_close_fits_but_not_lift_a_poor_fit() -> None:
    person = {"a", "c", "d", "b"}  # fits x (0.8 + 0.2) and y (0.75) well
    options = rank_occupations(person, GRAPH, CHANCES, LABELS, COURSES)
    assert [o.occupation.uri for o in options][:2] == ["toy:y", "toy:x"]
    assert rank_occupations(person, GRAPH, CHANCES, LABELS, COURSES, top=1)[0].occupation == Y


def test_opportunity_is_the_mean_of_tension_and_forecast_parts_with_data() -> None:
    assert Opportunity(TensionClass.KRAP, prospect="goed").score == pytest.approx(0.75)
    assert Opportunity(TensionClass.GEMIDDELD).score == pytest.approx(0.5)
    assert Opportunity(prospect="zeer goed").score == pytest.approx(1.0)
    assert Opportunity(prospect="geen gegevens").score is None
    assert Opportunity().score is None


@pytest.mark.parametrize(
    ("growth", "direction"),
    [(0.03, "growing"), (0.02, "growing"), (0.01, "stable"), (-0.02, "shrinking"), (None, None)],
)
def test_forecast_direction_bands(growth: float | None, direction: str | None) -> None:
    assert forecast_direction(growth) == direction


def test_transitions_go_from_shrinking_to_growing_by_coverage() -> None:
    moves = transitions(GRAPH, CHANCES, LABELS, COURSES)
    assert [(t.origin.uri, t.destination.uri) for t in moves] == [("toy:x", "toy:y")]
    assert moves[0].coverage == pytest.approx(0.5)  # x has a and c of y's a, c, d, e
    assert [m.uri for m in moves[0].missing] == ["e", "d"]
    personal = transitions(GRAPH, CHANCES, LABELS, COURSES, person={"d"})
    assert personal[0].coverage == pytest.approx(0.75)
    assert [m.uri for m in personal[0].missing] == ["e"]
    assert transitions(GRAPH, CHANCES, LABELS, COURSES, origins={"toy:y"}) == []
