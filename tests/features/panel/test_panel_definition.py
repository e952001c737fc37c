"""A wave's YAML definition: the examples load; a missing question id or an unknown answer type
is refused naming the line; answers are checked against their question."""

from __future__ import annotations

from pathlib import Path

import pytest

from lloradar.domain import IngestError
from lloradar.features.panel.definition import check_answer, parse_definition

REPO = Path(__file__).resolve().parents[3]
GOOD = b"""wave: w1
version: 1
title: {nl: "Ronde 1", en: "Wave 1"}
opens: 2026-01-01
closes: 2026-02-01
questions:
  - id: participation
    type: choice
    text: {nl: "Wat doet u?", en: "What do you do?"}
    options: [werk, anders]
  - id: hours
    type: integer
    text: {nl: "Uren?", en: "Hours?"}
    min: 0
    max: 80
"""


def test_the_example_waves_load() -> None:
    for path in sorted((REPO / "examples" / "panel").glob("wave-*.yaml")):
        definition = parse_definition(path.read_bytes(), str(path))
        ids = [q.id for q in definition.questions]
        assert ids == ["participation", "hours", "wellbeing", "skills_used", "training"]
        assert definition.questions[2].min_value == 0 and definition.questions[2].max_value == 10


def test_a_question_without_id_is_refused_naming_its_line() -> None:
    bad = GOOD.replace(b"  - id: hours\n    type: integer", b"  - type: integer")
    with pytest.raises(IngestError) as error:
        parse_definition(bad, "wave.yaml")
    assert error.value.line == 11
    assert str(error.value) == "wave.yaml line 11, field 'id': the question has no 'id'"


def test_an_unknown_answer_type_is_refused_naming_its_line() -> None:
    bad = GOOD.replace(b"type: integer", b"type: number")
    with pytest.raises(IngestError) as error:
        parse_definition(bad, "wave.yaml")
    assert error.value.line == 12
    assert "unknown answer type 'number'" in str(error.value)
    assert str(error.value).startswith("wave.yaml line 12, field 'type': question 'hours'")


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        (b"  - id: hours", b"  - id: participation", 11, "occurs twice"),
        (b"    options: [werk, anders]", b"    options: [werk]", 10, "two or more options"),
        (b"closes: 2026-02-01", b"closes: 2025-02-01", 5, "before opens"),
        (b"opens: 2026-01-01", b"opens: morgen", 4, "not a date"),
        (b"version: 1", b"version: een", 2, "whole number"),
    ],
)
def test_other_errors_name_their_line(old: bytes, new: bytes, line: int, words: str) -> None:
    with pytest.raises(IngestError) as error:
        parse_definition(GOOD.replace(old, new), "wave.yaml")
    assert error.value.line == line and words in str(error.value)


def test_answers_are_checked_against_their_question() -> None:
    participation, hours = parse_definition(GOOD, "wave.yaml").questions
    assert check_answer(participation, "werk") == ["werk"]
    assert check_answer(hours, "32") == ["32"]
    with pytest.raises(ValueError, match="'zwemmen' is not one of werk, anders"):
        check_answer(participation, "zwemmen")
    with pytest.raises(ValueError, match="81 is outside 0..80"):
        check_answer(hours, "81")
    with pytest.raises(ValueError, match="takes one answer"):
        check_answer(participation, ["werk", "anders"])
