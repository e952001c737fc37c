"""The stock-flow model: accounting identities, the pension age, extra demand and supply."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lloradar.analytics.forecast import (
    ForecastInputs,
    IntakeCap,
    InternationalStudents,
    PensionAge,
    Policy,
    RecruitmentDrive,
    Retraining,
    horizon_summary,
    prospect_class,
    run_forecast,
)

BANDS = {"15-24": 140, "25-34": 220, "35-44": 200, "45-54": 210, "55-64": 190, "65+": 40}


def toy_inputs() -> ForecastInputs:
    """Two regions x two occupations (nurse in Q, clerk in N), one programme each."""
    stock, structure = [], []
    for region, size in [("AM01", 10), ("AM02", 30)]:
        for occupation, sector in [("nurse", "Q"), ("clerk", "N")]:
            for band, persons in BANDS.items():
                stock.append((region, occupation, band, float(persons * size)))
            structure.append((region, occupation, sector, float(sum(BANDS.values()) * size)))
    growth = [(r, s, g, 0.01) for r in ["AM01", "AM02"] for s, g in [("Q", 0.02), ("N", -0.01)]]
    leavers = [
        (r, p, level, 300.0 * k, 60.0 * k)
        for r, k in [("AM01", 1), ("AM02", 3)]
        for p, level in [("verpleegkunde", "hbo"), ("administratie", "mbo")]
    ]
    return ForecastInputs(
        2025,
        pd.DataFrame(stock, columns=["region_code", "occupation_id", "age_band", "persons"]),
        pd.DataFrame(structure, columns=["region_code", "occupation_id", "sector_code", "persons"]),
        pd.DataFrame(growth, columns=["region_code", "sector_code", "growth", "growth_se"]),
        pd.DataFrame(
            leavers,
            columns=["region_code", "programme_code", "level", "persons", "international"],
        ),
        pd.DataFrame(
            [("verpleegkunde", "nurse", 1.0), ("administratie", "clerk", 1.0)],
            columns=["programme_code", "occupation_id", "share"],
        ),
        pd.DataFrame(
            [("AM01", "nurse", 20.0), ("AM02", "clerk", 400.0)],
            columns=["region_code", "occupation_id", "persons"],
        ),
    )


def by_cell(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index(["region_code", "occupation_id", "year"]).sort_index()


def test_stock_next_year_is_stock_plus_inflow_minus_outflow_in_every_cell() -> None:
    inputs = toy_inputs()
    policy = Policy(
        pension_ages=(PensionAge(68, 2027),),
        drives=(RecruitmentDrive("nurse", 100, 2026),),
        retraining=(Retraining("clerk", "nurse", 50, 2026),),
    )
    values = by_cell(run_forecast(inputs, policy, 5))
    start = inputs.stock.groupby(["region_code", "occupation_id"])["persons"].sum()
    for (region, occupation), group in values.groupby(level=[0, 1]):
        previous = float(start[(region, occupation)])
        for row in group.itertuples():
            assert row.stock == pytest.approx(previous + row.inflow - row.outflow, rel=1e-12)
            assert row.outflow == pytest.approx(row.retirement + row.other_exits)
            assert row.demand == pytest.approx(row.inflow)
            previous = row.stock


def test_demand_is_expansion_plus_replacement_plus_extra_demand() -> None:
    values = run_forecast(toy_inputs(), Policy(drives=(RecruitmentDrive("nurse", 80, 2026),)))
    replacement = values["retirement"] + values["other_exits"]
    expected = np.maximum(values["expansion_demand"] + replacement, 0) + values["extra_demand"]
    assert np.allclose(values["demand"], expected)
    assert np.allclose(
        values["supply"], values["supply_school"] + values["supply_other"] + values["supply_extra"]
    )


def test_a_higher_pension_age_lowers_replacement_demand_only_from_the_year_it_applies() -> None:
    inputs = toy_inputs()
    base = by_cell(run_forecast(inputs, Policy()))
    later = by_cell(run_forecast(inputs, Policy(pension_ages=(PensionAge(68, 2028),))))
    before = base.index.get_level_values("year") < 2028
    replacement = ["retirement", "other_exits", "demand", "stock"]
    assert np.allclose(base.loc[before, replacement], later.loc[before, replacement])
    first = base.index.get_level_values("year") == 2028
    assert (later.loc[first, "retirement"] < base.loc[first, "retirement"]).all()
    from_2028 = ~before
    assert later.loc[from_2028, "retirement"].sum() < base.loc[from_2028, "retirement"].sum()


def test_a_recruitment_drive_adds_exactly_its_numbers_to_demand() -> None:
    inputs = toy_inputs()
    base = by_cell(run_forecast(inputs, Policy()))
    drive = by_cell(run_forecast(inputs, Policy(drives=(RecruitmentDrive("nurse", 2000, 2026),))))
    nurses = drive.xs("nurse", level="occupation_id")
    assert np.allclose(nurses.groupby(level="year")["extra_demand"].sum(), 2000)
    first = drive.xs(2026, level="year")["demand"] - base.xs(2026, level="year")["demand"]
    assert first.xs("nurse", level="occupation_id").sum() == pytest.approx(2000)
    assert first.xs("clerk", level="occupation_id").abs().max() == pytest.approx(0)
    # the share of each region follows its stock of nurses: 10 : 30
    assert first[("AM01", "nurse")] == pytest.approx(500)


def test_a_drive_that_ends_adds_nothing_after_its_last_year() -> None:
    policy = Policy(drives=(RecruitmentDrive("nurse", 300, 2026, 2027),))
    values = run_forecast(toy_inputs(), policy)
    per_year = values.groupby("year")["extra_demand"].sum()
    assert per_year.to_dict() == pytest.approx({2026: 300, 2027: 300, 2028: 0, 2029: 0, 2030: 0})


def test_retraining_moves_supply_to_the_target_and_outflow_from_the_source() -> None:
    inputs = toy_inputs()
    base = by_cell(run_forecast(inputs, Policy()))
    moved = by_cell(
        run_forecast(inputs, Policy(retraining=(Retraining("clerk", "nurse", 40, 2026),)))
    )
    year = moved.xs(2026, level="year")
    base_year = base.xs(2026, level="year")
    assert year.xs("nurse", level="occupation_id")["supply_extra"].sum() == pytest.approx(40)
    clerk_exits = year["other_exits"] - base_year["other_exits"]
    assert clerk_exits.xs("clerk", level="occupation_id").sum() == pytest.approx(40)


def test_fewer_international_students_and_an_intake_cap_lower_school_supply_when_they_apply() -> (
    None
):
    inputs = toy_inputs()
    base = by_cell(run_forecast(inputs, Policy()))
    fewer = by_cell(
        run_forecast(inputs, Policy(international=(InternationalStudents(-0.2, 2027),)))
    )
    diff = (fewer["supply_school"] - base["supply_school"]).groupby(level="year").sum()
    assert diff[2026] == 0
    assert diff[2027] < 0
    capped = by_cell(
        run_forecast(inputs, Policy(intake_caps=(IntakeCap("administratie", 100, 2026),)))
    )
    diff = (capped["supply_school"] - base["supply_school"]).groupby(level="year").sum()
    assert diff[2028] == 0  # mbo: three study years after the first capped intake
    assert diff[2029] < 0


def test_prospect_classes_follow_the_documented_bands() -> None:
    assert [prospect_class(r) for r in [0.5, 0.85, 0.94, 1.0, 1.1, 1.15, 3]] == [
        "zeer goed", "goed", "goed", "redelijk", "matig", "slecht", "slecht",
    ]  # fmt: skip
    assert prospect_class(None) == "geen gegevens"
    assert prospect_class(float("nan")) == "geen gegevens"


def test_the_band_contains_the_ratio_and_the_summary_covers_every_cell() -> None:
    values = run_forecast(toy_inputs(), Policy())
    assert (
        (values["ratio_low"] <= values["ratio"]) & (values["ratio"] <= values["ratio_high"])
    ).all()
    summary = horizon_summary(values)
    assert len(summary) == 4
    assert summary["demand"].sum() == pytest.approx(values["demand"].sum())
