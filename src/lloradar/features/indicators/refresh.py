"""Recompute what is derived from the stored facts after a load changed them: the labour-market
indicators (`indicator_value` and, through the publication step, `published_indicator`) and the
skill demand and supply (`skill_indicator_value`), each
on the store's own engine and only when a table it reads changed.

Called by the ingest use-cases after a load that changed rows, and at the end of the demo
build; `lloradar indicators compute --engine ...` stays for an explicit run on another engine.
The alerts read the published table (features/alerts/watch.py): nothing more to recompute."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from lloradar.features.indicators import skills as skill_indicators
from lloradar.features.indicators import tension as indicators
from lloradar.features.indicators.skills import (
    MIN_TEXT_SCORE,
    SkillRunReport,
    compute_skill_indicators,
    latest_skill_run,
)
from lloradar.features.indicators.tension import ComputeReport, compute_indicators
from lloradar.store import Store

__all__ = ["INDICATOR_INPUTS", "SKILL_INPUTS", "RefreshReport", "refresh_derived"]

# The tables each derived result reads.
INDICATOR_INPUTS = frozenset(indicators.INPUT_TABLES)
SKILL_INPUTS = frozenset(skill_indicators.INPUT_COLUMNS)


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What was recomputed (None: not needed) and how long it took in all."""

    engine: str
    indicators: ComputeReport | None
    skills: SkillRunReport | None
    seconds: float

    @property
    def done(self) -> bool:
        return self.indicators is not None or self.skills is not None

    def summary(self) -> str:
        """One line: "Recomputed the indicators (89,280 cells) and skill demand (...) in 5.1 s"."""
        parts = []
        if self.indicators is not None:
            parts.append(f"the indicators ({self.indicators.cells:,} cells)")
        if self.skills is not None:
            parts.append(f"skill demand and supply ({self.skills.rows:,} rows)")
        if not parts:
            return "Nothing derived from the changed tables: nothing recomputed."
        return f"Recomputed {' and '.join(parts)} in {self.seconds:.1f} s on {self.engine}."


def refresh_derived(store: Store, changed: Iterable[str] | None = None) -> RefreshReport:
    """Recompute and store, on the store's own engine, every result derived from the tables in
    `changed` (None: all of them): the indicators and the skill demand and supply (at the
    threshold of the stored skill run, or the default). Each replaces its stored run."""
    tables = None if changed is None else set(changed)
    clock = time.perf_counter()
    engine = store.dialect
    computed = None
    if tables is None or tables & INDICATOR_INPUTS:
        computed = compute_indicators(store, engine)
    skills = None
    if tables is None or tables & SKILL_INPUTS:
        stored = latest_skill_run(store)
        min_score = float(stored["min_score"]) if stored else MIN_TEXT_SCORE
        skills = compute_skill_indicators(store, engine, min_score)
    return RefreshReport(engine, computed, skills, time.perf_counter() - clock)
