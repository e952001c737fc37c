"""An intervention's progress: the register's interventions (features/interventions' service),
the one the question names (by the words of its name, its theme or its region), and its
progress against its KPI targets and the regional baseline as that service words it. Counts of
fewer than 10 participants stay hidden there, and so here."""

from __future__ import annotations

import logging
from typing import Any

from lloradar.analytics.question import normalise
from lloradar.analytics.question_words import FILLER, INTERVENTION_WORDS
from lloradar.features.interventions.service import list_interventions, progress_report
from lloradar.features.questions.answers import Ask, Reply
from lloradar.services.request_store import open_web_store

log = logging.getLogger(__name__)


def _score(question: set[str], intervention: Any) -> int:
    name = {w for w in normalise(intervention.name).split() if len(w) >= 4 and w not in FILLER}
    theme = set(normalise(intervention.theme).split())
    return 2 * len(question & name) + len(question & theme)


def progress(ask: Ask) -> tuple[Reply, list[tuple[str, str]]]:
    if not ask.data.store_url:
        return Reply(
            False,
            "Er is geen interventieregister." if ask.nl else "There is no intervention register.",
            reason="no_figures",
        ), []
    area = ask.areas[0] if ask.areas else None
    places = {i for m in ask.parsed.regions for i in range(m.start, m.end)}
    said = {w for i, w in enumerate(ask.parsed.words) if i not in places} - INTERVENTION_WORDS
    try:
        with open_web_store(ask.data.store_url) as store:
            found = list_interventions(store, region=area.code if area is not None else None)
            scored = sorted(((_score(said, i), i) for i in found), key=lambda si: -si[0])
            chosen = [i for s, i in scored if s and s == scored[0][0]] if scored else []
            if len(chosen) != 1 and len(found) == 1:
                chosen = found
            reports = (
                [progress_report(store, chosen[0].id, lang=ask.lang)] if len(chosen) == 1 else []
            )
    except Exception as error:  # no register: say so
        log.info("question: no intervention progress (%s)", error)
        found, chosen, reports = [], [], []
    links = [(i.name, f"/interventies/{i.id}") for i in (chosen if len(chosen) == 1 else found)]
    where = f" in {area.name}" if area is not None else ""
    if not found:
        return Reply(
            False,
            f"Het register heeft geen interventies{where}."
            if ask.nl
            else f"The register holds no interventions{where}.",
            reason="no_figures",
        ), links
    report = reports[0] if reports else None
    if report is None:
        names = "; ".join(i.name for i in found)
        return Reply(
            False,
            f"Welke interventie bedoelt u? In het register{where}: {names}."
            if ask.nl
            else f"Which intervention do you mean? In the register{where}: {names}.",
            reason="ambiguous",
        ), links
    intervention = report.intervention
    for kpi in report.kpis:
        ask.rows.append({"intervention": intervention.id, "kpi": str(kpi)})
    text = (
        f"Voortgang van {intervention.name} op {report.as_of.isoformat()}: "
        if ask.nl
        else f"Progress of {intervention.name} on {report.as_of.isoformat()}: "
    ) + " ".join([*report.kpi_texts, report.outflow_text])
    return Reply(True, text), links
