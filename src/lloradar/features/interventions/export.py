"""The progress and portfolio reports as CSV (one line per figure; hidden values are `x`)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lloradar.features.interventions.service import PortfolioReport, ProgressReport


def _csv(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["x" if v is None else v for v in row] for row in rows])
    return out.getvalue()


def progress_csv(report: ProgressReport) -> str:
    """One line per KPI x checkpoint; hidden values are `x`."""
    rows: list[list[object]] = []
    for k in report.kpis:
        for f in k.series:
            value = None if f.value is None else round(f.value, 1)
            rows.append(
                [
                    report.intervention.id,
                    k.kpi.measure.value,
                    f.when,
                    value,
                    f.base,
                    k.kpi.target,
                    k.kpi.target_date,
                ]
            )
    header = ["intervention_id", "measure", "date", "realised", "base", "target", "target_date"]
    return _csv(header, rows)


def portfolio_csv(report: PortfolioReport) -> str:
    header = [report.by, "interventions", "budget_eur", "participants", "completed", "employed_6m"]
    rows: list[list[object]] = [
        [r.group, r.interventions, r.budget_eur, r.participants, r.completed, r.employed_6m]
        for r in [*report.rows, report.total]
    ]
    return _csv(header, rows)
