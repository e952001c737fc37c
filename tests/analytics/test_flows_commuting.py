"""Commuting between labour-market regions (issue 21) from a CBS table of employee jobs by
region of residence x region of work, read as `cbs_observation` stores it."""

from __future__ import annotations

from lloradar.analytics.commuting import Observation, commuting_matrix, jobs_measure
from lloradar.analytics.disclosure import HIDDEN
from lloradar.analytics.flows import protect_flows

TOPICS = {
    "WoonWerkafstand_2": ("Woon-werkafstand", "km"),
    "Werknemersbanen_1": ("Werknemersbanen", "x 1 000"),
}


def _row(home: str, work: str, period: str, measure: str, value: float | None) -> Observation:
    return Observation(f"Woonregio={home};Werkregio={work};Perioden={period}", measure, value)


def test_jobs_are_summed_from_gemeenten_to_regions_for_the_latest_period() -> None:
    assert jobs_measure(TOPICS) == ("Werknemersbanen_1", 1000.0)
    gemeenten = {"GM0153": "AM05", "GM0164": "AM05", "GM0363": "AM12"}
    rows = [
        _row("GM0153", "GM0363", "2022MM12", "Werknemersbanen_1", 1.2),
        _row("GM0164", "GM0363", "2022MM12", "Werknemersbanen_1", 0.3),
        _row("GM0153", "GM0153", "2022MM12", "Werknemersbanen_1", 60.0),
        _row("GM0363", "GM0153", "2022MM12", "Werknemersbanen_1", 0.004),  # 4 jobs
        _row("GM0153", "GM0363", "2021MM12", "Werknemersbanen_1", 9.9),  # an older period
        _row("GM0153", "GM0363", "2022MM12", "WoonWerkafstand_2", 95.0),  # km, not jobs
        _row("PV23", "GM0363", "2022MM12", "Werknemersbanen_1", 50.0),  # a provincie
        _row("GM0363", "GM0363", "2022MM12", "Werknemersbanen_1", 300.0),
    ]
    matrix, period = commuting_matrix(
        rows, "Werknemersbanen_1", 1000.0, ["AM05", "AM12"], gemeenten
    )
    assert period == "2022MM12"
    assert matrix.keys == ("AM05", "AM12")
    assert matrix.counts.tolist() == [[60_000, 1_500], [4, 300_000]]
    protected = protect_flows(matrix)
    assert protected.cells[1][0] == HIDDEN  # 4 jobs: fewer than 10
    assert protected.cells[0][1] == HIDDEN  # its partner: the totals would give it away
