"""Commuting between labour-market regions from a loaded CBS woon-werk table: the protected
arbeidsmarktregio matrix and one region's largest flows in and out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lloradar.analytics.commuting import Observation, commuting_matrix, jobs_measure
from lloradar.analytics.flows import ProtectedFlows, protect_flows
from lloradar.features.flows import queries
from lloradar.store import Store


@dataclass(frozen=True, slots=True)
class Commuting:
    """Jobs by region of residence x region of work after disclosure control (the whole
    arbeidsmarktregio matrix with its margins), from one loaded CBS table."""

    table_id: str
    period: str | None
    protected: ProtectedFlows
    names: dict[str, str]
    sources: list[dict[str, Any]]

    def partners(self, region: str, top: int = 10) -> dict[str, list[tuple[str, str]]]:
        """The region's largest shown flows: where its residents work (`out`) and where its
        workers live (`in`), other regions only, as (name, jobs) with jobs as shown."""
        p = self.protected
        r = p.keys.index(region)
        out = [(p.keys[c], p.cells[r][c]) for c in range(len(p.keys)) if c != r]
        into = [(p.keys[c], p.cells[c][r]) for c in range(len(p.keys)) if c != r]

        def largest(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
            shown = sorted((v for v in pairs if v[1].isdigit()), key=lambda v: -int(v[1]))
            return [(self.names.get(k, k), v) for k, v in shown[:top]]

        return {"out": largest(out), "in": largest(into)}


def commuting(store: Store) -> Commuting | None:
    """The commuting matrix from the first loaded CBS commuting table (newest first), or None
    when none is loaded or it holds no jobs measure between labour-market regions."""
    for table_id in sorted(
        queries.loaded_cbs_tables(store, queries.COMMUTING_TABLES), reverse=True
    ):
        found = jobs_measure(queries.statline_topics(store, table_id))
        if found is None:
            continue
        names = queries.region_names(store)
        observations = [Observation(*row) for row in queries.cbs_observations(store, table_id)]
        matrix, period = commuting_matrix(
            observations, *found, names, queries.gemeente_regions(store)
        )
        if matrix.counts.sum() > 0:
            return Commuting(
                table_id,
                period,
                protect_flows(matrix),
                names,
                queries.table_sources(store, table_id),
            )
    return None
