"""The question parser and the generated duiding, on small hand-made inputs."""

from __future__ import annotations

from datetime import date

from lloradar.analytics.narrative import Point, comparison_text, series_text
from lloradar.analytics.question import Measure, Named, parse_question

REGIONS = [Named("AM05", ("Twente",)), Named("AM18", ("Groot Amsterdam",))]
OCCUPATIONS = [
    Named("nurse", ("algemeen verpleegkundige", "nurse responsible for general care")),
    Named("welder", ("lasser", "welder")),
]


def test_dutch_question_names_region_occupation_and_tension() -> None:
    parsed = parse_question(
        "hoe krap is de markt voor verpleegkundigen in Twente?", REGIONS, OCCUPATIONS
    )
    assert (parsed.region, parsed.occupation, parsed.measure) == ("AM05", "nurse", Measure.TENSION)


def test_english_question_with_a_year_and_a_partial_region_name() -> None:
    parsed = parse_question("vacancies for welders in Amsterdam in 2023", REGIONS, OCCUPATIONS)
    assert (parsed.region, parsed.occupation, parsed.measure, parsed.year) == (
        "AM18",
        "welder",
        Measure.VACANCIES,
        2023,
    )


def test_wage_question_is_marked_unsupported() -> None:
    parsed = parse_question("wat is het salaris van een lasser?", REGIONS, OCCUPATIONS)
    assert parsed.measure is Measure.UNSUPPORTED and parsed.unsupported_word == "salaris"


def test_series_text_states_the_latest_ratio_class_and_trend() -> None:
    points = [Point(date(2024, 12, 1), 100, 100, 1.0), Point(date(2025, 12, 1), 300, 100, 3.0)]
    nl = " ".join(series_text("Twente", points, "nl"))
    assert "december 2025" in nl and "3,00" in nl and "krappe markt" in nl and "krapper" in nl
    en = " ".join(series_text("Twente", points, "en"))
    assert "3.00" in en and "tight market" in en and "tighter" in en


def test_suppressed_job_seekers_give_no_ratio_in_the_text() -> None:
    text = series_text("Twente", [Point(date(2025, 12, 1), 40, None, None)], "nl")[0]
    assert "minder dan 10" in text and "spanningsindicator" in text


def test_comparison_text_gives_the_rank() -> None:
    text = comparison_text("B", [("A", 3.0), ("B", 2.0), ("C", 1.0)], "en")[0]
    assert text.startswith("B ranks 2 of 3 regions")
