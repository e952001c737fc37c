"""Golden tests of the panel's figures (analytics/panel.py): response and attrition per wave,
and the suppression of results under 10 people (golden_*.yaml: input -> expected output)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from lloradar.analytics.panel import question_result, wave_responses

HERE = Path(__file__).parent


def members(spec: list[str] | dict[str, Any]) -> list[str]:
    """'3..7' -> ['m3', ..., 'm7']; a single number is one member."""
    out: list[str] = []
    for part in spec:
        low, _, high = str(part).partition("..")
        out += [f"m{n}" for n in range(int(low), int(high or low) + 1)]
    return out


def hidden(value: Any) -> Any:
    return None if value == "x" else value


def test_response_and_attrition_per_wave_match_the_golden_file() -> None:
    golden = yaml.safe_load((HERE / "golden_attrition.yaml").read_text(encoding="utf-8"))
    waves = [w["id"] for w in golden["waves"]]
    invited = {w["id"]: frozenset(members(w["invited"])) for w in golden["waves"]}
    responded = {w["id"]: frozenset(members(w["responded"])) for w in golden["waves"]}
    got = wave_responses(waves, invited, responded)
    assert [
        {
            "wave": r.wave_id,
            "invited": r.invited,
            "responded": r.responded,
            "response_rate": r.response_rate,
            "previous": r.previous_respondents,
            "retained": r.retained,
            "attrition": r.attrition_rate,
        }
        for r in got
    ] == [{k: hidden(v) for k, v in row.items()} for row in golden["expected"]]


CASES = yaml.safe_load((HERE / "golden_results.yaml").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_question_results_match_the_golden_file(case: dict[str, Any]) -> None:
    answers = {
        m: str(value).split(";") for spec, value in case["answers"].items() for m in members([spec])
    }
    got = question_result("q", case["type"], case["options"], answers)
    expected = case["expected"]
    assert got.respondents == hidden(expected["respondents"])
    assert got.counts == {k: hidden(v) for k, v in expected["counts"].items()} or (
        got.respondents is None and all(v is None for v in got.counts.values())
    )
    if "mean" in expected:
        assert (got.mean, got.median) == (hidden(expected["mean"]), hidden(expected["median"]))


def test_no_result_under_ten_people_is_ever_shown() -> None:
    """For every population of 1..9 people and every kind of question, nothing is shown; from
    10 on, no shown count of people is under 10."""
    for size in range(1, 25):
        answers = {f"m{n}": ["a" if n % 3 else "b"] for n in range(size)}
        for kind in ("choice", "multi_choice", "boolean"):
            options = ["ja", "nee"] if kind == "boolean" else ["a", "b"]
            result = question_result("q", kind, options, answers)
            shown = [c for c in result.counts.values() if c is not None]
            if size < 10:
                assert result.respondents is None and not shown
            else:
                assert all(c >= 10 for c in shown)
        scale = question_result("q", "scale", [], {m: ["5"] for m in answers})
        assert (scale.mean is None) == (size < 10)
