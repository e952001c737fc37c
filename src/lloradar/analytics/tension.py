"""Spanningsindicator / tension indicator: open vacancies per job seeker with a benefit
duration under six months (UWV method), and its class."""

from __future__ import annotations

from lloradar.domain import TensionClass


def tension_ratio(open_vacancies: int, short_job_seekers: int) -> float | None:
    """No job seekers: no ratio (never infinity); the caller flags it as 'no data'."""
    if short_job_seekers <= 0:
        return None
    return open_vacancies / short_job_seekers


def tension_class(open_vacancies: int, short_job_seekers: int) -> TensionClass | None:
    return TensionClass.from_ratio(tension_ratio(open_vacancies, short_job_seekers))
