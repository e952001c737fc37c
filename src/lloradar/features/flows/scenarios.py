"""The waterbed of a shipped forecast scenario: its recruitment drives spread over the regions
by their stock of the occupation (as the forecast model does) and drawn into one region."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lloradar.analytics.forecast import ForecastInputs
from lloradar.domain.errors import ValidationError
from lloradar.features.flows.service import Waterbed, waterbed
from lloradar.features.forecast import service as forecast_service
from lloradar.store import Store


@dataclass(frozen=True, slots=True)
class ScenarioDraw:
    """A recruitment drive of a shipped scenario, as the people it draws into one region."""

    scenario: str
    assumption: str
    occupation: str
    national_per_year: float
    n: int


def _scenario_path(scenario: str) -> Path:
    path = forecast_service.SCENARIO_DIR / f"{scenario}.yaml"
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", scenario) or not path.is_file():
        shipped = ", ".join(p.stem for p in sorted(forecast_service.SCENARIO_DIR.glob("*.yaml")))
        raise ValidationError("scenario", scenario, f"a shipped scenario ({shipped})")
    return path


def scenario_draws(
    store: Store, region: str, scenario: str, inputs: ForecastInputs | None = None
) -> list[ScenarioDraw]:
    """The recruitment drives of a shipped scenario in its first forecast year, each spread
    over the regions by their stock of the occupation (as the forecast model does), as the
    whole people drawn into `region`; largest first."""
    loaded = forecast_service.load_scenario(_scenario_path(scenario))
    inputs = inputs or forecast_service.forecast_inputs(store)
    policy = forecast_service.scenario_policy(store, loaded, inputs.base_year + 1)
    stock = inputs.stock.groupby(["region_code", "occupation_id"])["persons"].sum()
    names = [a.name for a in loaded.scenario.assumptions if a.kind == "recruitment_drive"]
    draws = []
    for name, drive in zip(names, policy.drives, strict=True):
        national = float(stock.xs(drive.occupation, level="occupation_id").sum())
        here = float(stock.get((region, drive.occupation), 0.0))
        n = round(drive.per_year * here / national) if national > 0 else 0
        draws.append(ScenarioDraw(scenario, name, drive.occupation, drive.per_year, n))
    return sorted(draws, key=lambda d: (-d.n, d.assumption))


def scenarios_with_drives() -> list[str]:
    """The shipped scenarios that draw people into an occupation (a recruitment drive)."""
    found = []
    for path in sorted(forecast_service.SCENARIO_DIR.glob("*.yaml")):
        loaded = forecast_service.load_scenario(path)
        if any(a.kind == "recruitment_drive" for a in loaded.scenario.assumptions):
            found.append(path.stem)
    return found


def waterbed_for_scenario(
    store: Store, region: str, scenario: str, basis: str = "job_seekers", lang: str = "nl"
) -> tuple[ScenarioDraw, Waterbed]:
    """The waterbed of the scenario's largest recruitment drive in the region."""
    flows_region = region.strip().upper()
    inputs = forecast_service.forecast_inputs(store)
    draws = [d for d in scenario_draws(store, flows_region, scenario, inputs) if d.n > 0]
    if not draws:
        raise ValidationError(
            "scenario", scenario, "a scenario with a recruitment drive that reaches this region"
        )
    draw = draws[0]
    result = waterbed(
        store, flows_region, draw.occupation, draw.n, basis, "occupation", lang, inputs
    )
    return draw, result
