"""Five-year stock-flow forecasts per region x occupation, the policy effects of scenarios, the
ROA-ITA style prospect classes and a rolling-origin backtest. Pure: tables in, tables out."""

from lloradar.analytics.forecast.classes import NO_DATA, PROSPECT_EN, PROSPECTS, prospect_class
from lloradar.analytics.forecast.model import (
    ForecastInputs,
    Rates,
    horizon_summary,
    run_forecast,
)
from lloradar.analytics.forecast.policy import (
    BASELINE_PENSION_AGE,
    IntakeCap,
    InternationalStudents,
    PensionAge,
    Policy,
    RecruitmentDrive,
    Retraining,
)

__all__ = [
    "BASELINE_PENSION_AGE",
    "NO_DATA",
    "PROSPECTS",
    "PROSPECT_EN",
    "ForecastInputs",
    "IntakeCap",
    "InternationalStudents",
    "PensionAge",
    "Policy",
    "Rates",
    "RecruitmentDrive",
    "Retraining",
    "horizon_summary",
    "prospect_class",
    "run_forecast",
]
