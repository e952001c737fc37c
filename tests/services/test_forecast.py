"""Forecast use-cases on a small demo world: runs are stored, invalid scenarios are refused with
the key and the line, diffs list their assumptions, the backtest beats 'no change'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from demo_worlds import copy_world
from lloradar.demo import build_demo_world
from lloradar.features.forecast.results import (
    diff_text,
    forecast_for_occupation,
    forecast_for_programmes,
    forecast_for_region,
    list_runs,
    scenario_diff,
)
from lloradar.features.forecast.scenarios import ScenarioError, load_scenario, parse_scenario
from lloradar.features.forecast.service import (
    SCENARIO_DIR,
    backtest,
    backtest_by_sector,
    baseline_scenario,
    ensure_run,
    run_scenario,
)
from lloradar.store import Store, open_store

HEADER = 'name: test\nversion: "1"\ndescription: a test scenario\nassumptions:\n'


def assumption(kind: str, **fields: object) -> str:
    lines = [
        f"  - name: {fields.pop('name', kind)}",
        f"    kind: {kind}",
        "    description: what it says",
        "    source: a test",
    ]
    lines += [f"    {key.rstrip('_')}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, offline_demo_world_file: Path) -> Store:
    """A copy of the session's offline demo world (seed 42) with the baseline forecast."""
    target = tmp_path_factory.mktemp("forecast") / "x.duckdb"
    store = open_store(str(copy_world(offline_demo_world_file, target)))
    run_scenario(store, baseline_scenario())
    return store


def runs(store: Store) -> int:
    return int(store.query("SELECT count(*) FROM forecast_run")[0][0])


def test_every_shipped_scenario_file_is_valid() -> None:
    names = {load_scenario(path).scenario.name for path in SCENARIO_DIR.glob("*.yaml")}
    assert {"baseline", "aow-68", "international-students", "police-recruitment"} <= names


def test_a_run_is_stored_with_its_yaml_hash_and_five_years_per_cell(world: Store) -> None:
    run = world.query_dicts("SELECT * FROM forecast_run WHERE scenario = 'baseline'")[0]
    assert run["base_year"] == 2025 and run["horizon"] == 5 and run["is_demo"]
    assert "assumptions: []" in run["yaml_text"]
    years = world.query(
        "SELECT count(DISTINCT year), min(year), max(year), count(*) FROM forecast_value "
        "WHERE run_id = ?",
        (run["run_id"],),
    )[0]
    assert years == (5, 2026, 2030, 35 * 31 * 5)


def test_a_shipped_scenario_without_a_stored_run_runs_on_demand(world: Store) -> None:
    world.execute(
        "DELETE FROM forecast_value WHERE run_id IN "
        "(SELECT run_id FROM forecast_run WHERE scenario = 'aow-68')"
    )
    world.execute("DELETE FROM forecast_run WHERE scenario = 'aow-68'")
    run = ensure_run(world, "aow-68")
    assert run is not None and run.scenario == "aow-68" and run.cells == 35 * 31
    assert ensure_run(world, "aow-68") is None and ensure_run(world, run.run_id) is None
    for name in ("nothing-here", "../scenarios/baseline", "Baseline"):
        assert ensure_run(world, name) is None


def test_running_the_same_scenario_twice_replaces_its_run(world: Store) -> None:
    before = runs(world)
    run_scenario(world, baseline_scenario())
    assert runs(world) == before


@pytest.mark.parametrize(
    ("text", "line", "key", "message"),
    [
        (assumption("pension_age", value=68, from_=2028, colour="red"), 11, "colour", "Extra inputs"),
        (assumption("pension_age", value=68, from_=2019), 10, "from", "in the past"),
        (
            assumption("intake_cap", programme="demo:programme/pabo", max=-10, from_=2027),
            10,
            "max",
            "greater than or equal to 0",
        ),
        (assumption("recruitment_drive", occupation="soldier", per_year=2000), 9, "occupation",
         "'soldier' is not an occupation"),
        (
            assumption("recruitment_drive", name="a", occupation="police officer", per_year=9)
            + assumption("recruitment_drive", name="b", occupation="politieagent", per_year=5),
            11,
            "assumptions[1]",
            "overlaps assumptions[0]",
        ),
    ],
)  # fmt: skip
def test_an_invalid_scenario_names_key_and_line_and_stores_no_run(
    world: Store, text: str, line: int, key: str, message: str
) -> None:
    before = runs(world)
    with pytest.raises(ScenarioError) as caught:
        run_scenario(world, parse_scenario(HEADER + text, "bad.yaml"))
    problem_line, problem_key, problem = caught.value.problems[0]
    assert problem_line == line
    assert message in problem
    assert problem_key.endswith(key)
    assert f"bad.yaml line {line}" in str(caught.value)
    assert runs(world) == before


def test_the_diff_lists_assumptions_and_the_drive_adds_its_numbers(world: Store) -> None:
    text = HEADER + assumption(
        "recruitment_drive", occupation="police officer", per_year=2000, from_=2026
    )
    run_scenario(world, parse_scenario(text, "drive.yaml"))
    diff = scenario_diff(world, "baseline", "test")
    assert [a["name"] for a in diff.assumptions] == ["recruitment_drive"]
    assert diff.assumptions[0]["source"] == "a test"
    first = diff.totals.set_index("year").loc[2026]
    assert first["extra_demand_diff"] == pytest.approx(2000)
    assert first["demand_diff"] == pytest.approx(2000)
    police = diff.cells[diff.cells["occupation_id"] == "demo:occupation/police-officer"]
    assert police[police["year"] == 2026]["demand_diff"].sum() == pytest.approx(2000)
    assert "demand changes by +" in diff_text(diff)
    assert "de vraag verandert" in diff_text(diff, "nl")
    assert {r["scenario"] for r in list_runs(world)} >= {"baseline", "test"}


def test_a_higher_pension_age_shows_as_less_retirement_in_its_first_year(world: Store) -> None:
    run_scenario(world, load_scenario(SCENARIO_DIR / "aow-68.yaml"))
    totals = scenario_diff(world, "baseline", "aow-68").totals.set_index("year")
    assert totals.loc[2026:2027, "retirement_diff"].abs().max() == pytest.approx(0)
    assert totals.loc[2028, "retirement_diff"] < 0


def test_forecast_for_region_gives_every_occupation_a_prospect(world: Store) -> None:
    rows = forecast_for_region(world, "AM18")
    assert len(rows) == 31
    json.dumps(rows, allow_nan=False)  # ready for the API as it is
    prospects = {r["prospect"] for r in rows}
    assert prospects <= {"zeer goed", "goed", "redelijk", "matig", "slecht"}
    assert len(prospects) >= 3
    nurse = next(r for r in rows if r["occupation"] == "specialist nurse")
    assert nurse["prospect"] == "zeer goed" and nurse["is_demo"]
    regions = forecast_for_occupation(world, nurse["occupation_id"])
    assert len(regions) == 35
    assert next(r for r in regions if r["region_code"] == "AM18")["ratio"] == nurse["ratio"]


def test_programmes_inherit_the_prospects_of_the_occupations_they_lead_to(world: Store) -> None:
    programmes = {p["programme_code"]: p for p in forecast_for_programmes(world, "AM18")}
    assert len(programmes) == 19
    pabo = programmes["demo:programme/pabo"]
    teacher = next(
        r for r in forecast_for_region(world, "AM18") if r["occupation"] == "primary school teacher"
    )
    assert pabo["ratio"] == pytest.approx(teacher["ratio"])
    assert pabo["prospect"] == teacher["prospect"]
    assert (
        programmes["demo:programme/hbo-verpleegkunde"]["ratio"]
        < programmes["demo:programme/mbo-handel"]["ratio"]
    )


def test_the_backtest_beats_no_change_at_horizons_one_to_three(world: Store) -> None:
    rows = backtest(world, 3)
    assert [r.horizon for r in rows] == [1, 2, 3]
    for row in rows:
        assert row.mase_model < row.mase_no_change, row
        assert row.mase_model < row.mase_trend, row


def test_the_gain_over_no_change_comes_from_the_growing_sectors(world: Store) -> None:
    sectors = {row["sector_code"]: row for row in backtest_by_sector(world, 1)}
    assert sectors["J"]["model"] < sectors["J"]["no_change"]  # ICT grows 3 % a year
    # in slow sectors a trend from a few noisy years costs more than it gains (see the bench)
    assert sectors["C"]["model"] > sectors["C"]["no_change"]


def test_scenario_files_on_disk_report_their_path(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(HEADER + "  - kind: pension_age\n    value: 90\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"s\.yaml line 6, key 'assumptions\[0\]\.value'"):
        load_scenario(path)


@pytest.mark.postgres
def test_a_scenario_runs_and_diffs_on_postgresql_as_on_duckdb(
    postgres_url: str, world: Store
) -> None:
    import psycopg  # another tests/ folder has its own conftest, so no `from conftest import`

    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute("CREATE DATABASE forecast_pg")
    store = open_store(postgres_url.rsplit("/", 1)[0] + "/forecast_pg")
    try:
        build_demo_world(store, 42, None)
        for target in (store, world):
            run_scenario(target, baseline_scenario())
            run_scenario(target, load_scenario(SCENARIO_DIR / "aow-68.yaml"))
        on_pg = scenario_diff(store, "baseline", "aow-68").totals
        on_duck = scenario_diff(world, "baseline", "aow-68").totals
        assert on_pg["retirement_diff"].tolist() == pytest.approx(
            on_duck["retirement_diff"].tolist()
        )
        assert forecast_for_region(store, "AM18") == forecast_for_region(world, "AM18")
    finally:
        store.close()
