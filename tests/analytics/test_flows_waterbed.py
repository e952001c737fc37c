"""The waterbed effect (issue 21): drawing N into A takes exactly N from A's sources, in the
proportions of A's inflow column; tension changes in the sources and in A."""

from __future__ import annotations

import numpy as np
import pytest

from lloradar.analytics.flows import flow_matrix, transition_probabilities
from lloradar.analytics.waterbed import (
    Market,
    draw_sources,
    source_effect,
    target_effect,
    waterbed_text,
)

SIMILARITY = np.array(
    [
        [1.0, 0.6, 0.3, 0.0],
        [0.5, 1.0, 0.1, 0.0],
        [0.2, 0.2, 1.0, 0.0],
        [0.4, 0.4, 0.0, 1.0],
    ]
)
MATRIX = flow_matrix(("a", "b", "c", "d"), (100, 45, 30, 50), transition_probabilities(SIMILARITY))


def test_golden_adding_n_to_a_removes_exactly_n_from_the_sources() -> None:
    # a's inflow column is b 45, d 25: 100 people split 64.3 / 35.7 -> 64 and 36
    assert draw_sources(MATRIX, "a", 100) == {"b": 64, "d": 36}
    for n in (1, 9, 10, 333, 12_345):
        assert sum(draw_sources(MATRIX, "b", n).values()) == n


def test_a_target_nobody_moves_into_has_no_sources() -> None:
    with pytest.raises(LookupError, match="no one moves into 'd'"):
        draw_sources(MATRIX, "d", 10)
    with pytest.raises(LookupError, match="not in the flow matrix"):
        draw_sources(MATRIX, "zz", 10)
    with pytest.raises(ValueError, match="positive"):
        draw_sources(MATRIX, "a", 0)


def test_drawing_job_seekers_tightens_the_source() -> None:
    market = Market(vacancies=60, short=40, long=40)
    effect = source_effect("b", market, 20, "job_seekers")  # 10 of them short-term
    assert effect.ratio_before == pytest.approx(1.5)
    assert effect.ratio_after == pytest.approx(60 / 30)


def test_drawing_workers_opens_their_jobs_in_the_source() -> None:
    effect = source_effect("b", Market(60, 40, 40), 20, "employed")
    assert effect.ratio_after == pytest.approx(80 / 40)


def test_the_target_fills_vacancies_but_never_below_none() -> None:
    assert target_effect("a", Market(50, 25, 0), 20).ratio_after == pytest.approx(30 / 25)
    assert target_effect("a", Market(50, 25, 0), 80).ratio_after == 0.0


def test_the_text_names_the_sources_in_dutch_and_english() -> None:
    labels = {"a": "verpleegkundige", "b": "zorghulp", "d": "thuiszorg"}
    target = target_effect("a", Market(50, 25, 0), 100)
    shown = [source_effect("b", Market(60, 40, 40), 64, "job_seekers")]
    nl = waterbed_text(labels, "Twente", target, shown, 36, {}, "nl")
    assert nl.startswith("Als 100 mensen in Twente als verpleegkundige gaan werken")
    assert "64 uit zorghulp" in nl and "36 uit andere beroepen" in nl
    en = waterbed_text(labels, "Twente", target, shown, 36, {}, "en")
    assert "64 from zorghulp" in en and "tension (vacancies per short-term job seeker)" in en


def test_a_source_without_a_ratio_to_show_gets_no_tension_sentence() -> None:
    labels = {"a": "verpleegkundige", "b": "zorghulp"}
    target = target_effect("a", Market(50, 25, 0), 10)
    hidden = source_effect("b", Market(60, 40, 40), 10, "job_seekers")
    hidden = type(hidden)(hidden.key, hidden.drawn, None, None)
    text = waterbed_text(labels, "Twente", target, [hidden], 0, {}, "nl")
    assert "10 uit zorghulp" in text and "In zorghulp gaat de spanning" not in text
    nothing = waterbed_text(labels, "Twente", target, [], 10, {}, "en")
    assert "not shown one by one here (protected" in nothing
