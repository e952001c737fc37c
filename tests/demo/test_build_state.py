"""A demo build that did not finish is known as such (issue 22, item 3)."""

from __future__ import annotations

from pathlib import Path

from lloradar.demo import build_state
from lloradar.features.indicators.radar import load_radar_data
from lloradar.store import open_store


def test_a_build_killed_half_way_stays_marked_building(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.duckdb")) as store:
        assert build_state.started(store) is False
        # ... killed here: nothing marks it complete
    with open_store(str(tmp_path / "s.duckdb")) as store:
        assert build_state.unfinished_builds(store) == ["demo"]
        assert load_radar_data(store).unfinished == ["demo"]
        assert build_state.started(store) is True  # the next build says so
        build_state.finished(store)
        assert build_state.unfinished_builds(store) == []
        assert load_radar_data(store).unfinished == []
