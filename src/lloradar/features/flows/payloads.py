"""The flows feature's answers as JSON-ready dicts (API and CLI) and the notes on what the
matrices are not built from."""

from __future__ import annotations

from typing import Any

from lloradar.analytics.flows import matrix_text
from lloradar.analytics.waterbed import SourceEffect
from lloradar.features.flows import queries
from lloradar.features.flows.commuting import Commuting
from lloradar.features.flows.service import RegionFlows, Waterbed


def _source_dicts(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**s, "retrieved_at": str(s["retrieved_at"])[:10]} for s in sources]


def cbs_notes(flows: RegionFlows, lang: str) -> list[str]:
    """What the matrix is not built from: CBS job-to-job and commuting tables, when absent."""
    nl = lang == "nl"
    notes = []
    if not flows.job_to_job_tables:
        notes.append(
            "Geen CBS-tabel met baanwisselingen geladen (gezocht: "
            f"{', '.join(queries.JOB_TO_JOB_TABLES)}): de stromen zijn een model uit "
            "vaardigheden en voorraden, geen waargenomen overstappen."
            if nl
            else "No CBS job-to-job table is loaded (looked for "
            f"{', '.join(queries.JOB_TO_JOB_TABLES)}): the flows are modelled from skills and "
            "stocks, not observed moves."
        )
    if not flows.commuting_tables:
        notes.append(
            "Geen CBS-pendeltabel geladen (gezocht: "
            f"{', '.join(queries.COMMUTING_TABLES)}): pendel tussen regio's ontbreekt "
            "(laden: lloradar welfare load 85481NED)."
            if nl
            else "No CBS commuting table is loaded (looked for "
            f"{', '.join(queries.COMMUTING_TABLES)}): commuting between regions is left out "
            "(load one: lloradar welfare load 85481NED)."
        )
    return notes


def matrix_duiding(flows: RegionFlows, lang: str) -> str:
    """The generated text of the region's protected matrix."""
    labels = {k: flows.label(k, lang) for k in flows.protected.keys}
    return matrix_text(flows.protected, labels, flows.region_name, lang)


def flows_payload(flows: RegionFlows, lang: str = "nl") -> dict[str, Any]:
    """The protected matrix as JSON: labels, cells and margins as text ("x" hidden, "-" a
    non-viable move), provenance and what is missing."""
    p = flows.protected
    return {
        "region": flows.region,
        "region_name": flows.region_name,
        "basis": flows.basis,
        "level": flows.level,
        "period": flows.period,
        "is_demo": flows.is_demo,
        "keys": list(p.keys),
        "labels": [flows.label(k, lang) for k in p.keys],
        "cells": [list(row) for row in p.cells],
        "outflow": list(p.outflow),
        "inflow": list(p.inflow),
        "total": p.total,
        "hidden_cells": p.hidden,
        "text": matrix_duiding(flows, lang),
        "sources": _source_dicts(flows.sources),
        "cbs_job_to_job_tables": flows.job_to_job_tables,
        "cbs_commuting_tables": flows.commuting_tables,
        "notes": cbs_notes(flows, lang),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def waterbed_payload(w: Waterbed, lang: str = "nl") -> dict[str, Any]:
    flows = w.flows

    def effect(e: SourceEffect) -> dict[str, Any]:
        before, after = w.forecast.get(e.key, (None, None))
        return {
            "key": e.key,
            "label": flows.label(e.key, lang),
            "drawn": e.drawn,
            "tension_before": _rounded(e.ratio_before),
            "tension_after": _rounded(e.ratio_after),
            "forecast_ratio_before": _rounded(before),
            "forecast_ratio_after": _rounded(after),
        }

    return {
        "region": flows.region,
        "region_name": flows.region_name,
        "basis": flows.basis,
        "level": flows.level,
        "period": flows.period,
        "is_demo": flows.is_demo,
        "n": w.n,
        "target": effect(w.target_effect),
        "sources": [effect(e) for e in w.shown],
        "other_sources": w.pooled,
        "text": w.text,
        "sources_of_data": _source_dicts(flows.sources),
        "notes": cbs_notes(flows, lang),
    }


def commuting_payload(result: Commuting, region: str | None = None) -> dict[str, Any]:
    """The protected commuting matrix as JSON ("x" hidden), or one region's largest flows."""
    p = result.protected
    payload: dict[str, Any] = {
        "table_id": result.table_id,
        "period": result.period,
        "sources": _source_dicts(result.sources),
    }
    if region is not None:
        return {**payload, "region": region, **result.partners(region)}
    return {
        **payload,
        "keys": list(p.keys),
        "names": [result.names.get(k, k) for k in p.keys],
        "cells": [list(row) for row in p.cells],
        "outflow": list(p.outflow),
        "inflow": list(p.inflow),
        "total": p.total,
    }
