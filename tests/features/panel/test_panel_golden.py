"""Golden tests of the panel's figures (analytics/panel.py): response and attrition per wave,
and the suppression of results under 10 people (golden_*.yaml: input -> expected output)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from lloradar.analytics.panel import (
    QuestionResult,
    results_by_group,
    wave_responses,
    wave_responses_by_group,
)

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


def one_population(kind: str, options: list[str], answers: dict[str, list[str]]) -> QuestionResult:
    _, by_name = results_by_group(
        [("q", kind, options)], {"q": answers}, dict.fromkeys(answers, "g")
    )
    return (
        by_name["all"][0]
        if "all" in by_name
        else QuestionResult("q", kind, None, dict.fromkeys(options), None, None)
    )


CASES = yaml.safe_load((HERE / "golden_results.yaml").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_question_results_match_the_golden_file(case: dict[str, Any]) -> None:
    answers = {
        m: str(value).split(";") for spec, value in case["answers"].items() for m in members([spec])
    }
    got = one_population(case["type"], case["options"], answers)
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
            result = one_population(kind, options, answers)
            shown = [c for c in result.counts.values() if c is not None]
            if size < 10:
                assert result.respondents is None and not shown
            else:
                assert all(c >= 10 for c in shown)
        scale = one_population("scale", [], {m: ["5"] for m in answers})
        assert (scale.mean is None) == (size < 10)


def test_a_hidden_group_figure_does_not_follow_from_the_wave_minus_the_other_groups() -> None:
    """Group B (12 people) all work: B's 'werk' (12 = all of B) and its zeros are hidden, and so
    is enough of A and the wave that B's count cannot be computed as wave minus A."""
    group_of = {f"a{n}": "A" for n in range(40)} | {f"b{n}": "B" for n in range(12)}
    answers = {
        "participation": {
            **{f"a{n}": ["werk" if n < 25 else "anders"] for n in range(40)},
            **{f"b{n}": ["werk"] for n in range(12)},
        }
    }
    sizes, results = results_by_group(
        [("participation", "choice", ["werk", "anders"])], answers, group_of
    )
    assert sizes == {"all": 52, "A": 40, "B": 12}
    shown = {name: rows[0].counts for name, rows in results.items()}
    assert shown["B"] == {"werk": None, "anders": None}
    for option in ("werk", "anders"):
        whole, a, b = shown["all"][option], shown["A"][option], shown["B"][option]
        assert b is not None or whole is None or a is None  # never b = whole - a
    for counts in shown.values():
        assert all(c is None or c >= 10 for c in counts.values())


def test_response_per_group_hides_what_the_panel_minus_a_group_would_give() -> None:
    group_of = {f"a{n}": "A" for n in range(30)} | {f"b{n}": "B" for n in range(15)}
    invited = {"w1": frozenset(group_of)}
    responded = {"w1": frozenset([*(f"a{n}" for n in range(20)), *(f"b{n}" for n in range(7))])}
    by_group = wave_responses_by_group(["w1"], invited, responded, group_of)
    a, b, whole = by_group["A"][0], by_group["B"][0], by_group["all"][0]
    assert b.responded is None and b.response_rate is None  # 7 of 15
    assert whole.responded is None or a.responded is None  # else 7 = whole - A
    assert whole.invited == 45 and a.invited == 30 and b.invited == 15
