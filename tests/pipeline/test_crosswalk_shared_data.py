"""The ESCO -> O*NET link on the real shared data: well-known pairs land on the right code."""

from __future__ import annotations

from pathlib import Path

import pytest

from lloradar.analytics.crosswalk import LINK_THRESHOLD, OnetOccupationTitles, link_occupations
from lloradar.pipeline.tasks_load import esco_labels
from lloradar.sources import onet, onet_tasks

# ESCO preferred label -> the O*NET-SOC occupation a person would pick (hand-checked).
GOLDEN = {
    "nurse responsible for general care": "29-1141.00",  # Registered Nurses
    "software developer": "15-1252.00",  # Software Developers
    "moving truck driver": "53-3032.00",  # Heavy and Tractor-Trailer Truck Drivers
    "accountant": "13-2011.00",  # Accountants and Auditors
    "electrician": "47-2111.00",  # Electricians
    "police officer": "33-3051.00",  # Police and Sheriff's Patrol Officers
    "hairdresser": "39-5012.00",  # Hairdressers, Hairstylists, and Cosmetologists
    "pharmacist": "29-1051.00",  # Pharmacists
    "plumber": "47-2152.00",  # Plumbers, Pipefitters, and Steamfitters
    "bus driver": "53-3052.00",  # Bus Drivers, Transit and Intercity
    "chef": "35-1011.00",  # Chefs and Head Cooks
    "primary school teacher": "25-2021.00",  # Elementary School Teachers
    "web developer": "15-1254.00",  # Web Developers
    "plasterer": "47-2161.00",  # Plasterers and Stucco Masons
}


@pytest.fixture(scope="module")
def onet_targets(shared_data: Path) -> list[OnetOccupationTitles]:
    folder = shared_data / "onet"
    tasks = onet_tasks.parse_task_statements(
        (folder / "Task Statements.xlsx").read_bytes(), "Task Statements.xlsx"
    )
    titles = onet_tasks.parse_occupation_titles(
        (folder / "Occupation Data.xlsx").read_bytes(), "Occupation Data.xlsx"
    )
    alternates = onet.parse_alternate_titles(
        (folder / "Alternate Titles.xlsx").read_bytes(), "Alternate Titles.xlsx"
    )
    with_tasks = {t.onet_code for t in tasks.records}
    assert len(tasks.records) == 18796 and not tasks.quarantine
    return [
        OnetOccupationTitles(code, title, alternates.get(code, ()))
        for code, title in sorted(titles.items())
        if code in with_tasks
    ]


def test_well_known_pairs_link_to_the_right_onet_occupation(
    shared_data: Path, onet_targets: list[OnetOccupationTitles]
) -> None:
    occupations = [o for o in esco_labels(shared_data / "esco-v1.1.1") if o.label in GOLDEN]
    assert {o.label for o in occupations} == set(GOLDEN)
    best = {
        link.occupation_id: link
        for link in link_occupations(occupations, onet_targets)
        if link.rank == 1
    }
    found = {o.label: best[o.id].onet_code for o in occupations}
    assert found == GOLDEN
    # every golden pair is strong enough to show O*NET tasks
    assert min(best[o.id].confidence for o in occupations) >= LINK_THRESHOLD
