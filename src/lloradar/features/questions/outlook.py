"""Answers from other features' services: the five-year forecast of an occupation in a region
(features/forecast/service: prospect class, demand, supply and their ratio over the horizon, for
the baseline or a named scenario), the skills of an occupation (the radar's ESCO relations) and
the occupations close to one (features/skills/service: shared and missing skills). Every figure
is the service's own; a cell the forecast suppresses is named as hidden."""

from __future__ import annotations

import logging
from typing import Any

from lloradar.analytics.forecast import PROSPECT_EN
from lloradar.domain import RegionLevel
from lloradar.features.forecast.service import HORIZON, forecast_for_region, last_history_year
from lloradar.features.questions.answers import Ask, Reply
from lloradar.features.skills.service import resolve_occupation, similar_to
from lloradar.services.request_store import open_web_store

log = logging.getLogger(__name__)


def _scenario(ask: Ask) -> str:
    said = set(ask.parsed.words)
    if said & {"aow", "pensioenleeftijd", "aow68", "68", "pension", "pensioen"}:
        return "aow-68"
    return "baseline"


def forecast(ask: Ask) -> Reply:
    nl = ask.nl
    area = ask.areas[0] if ask.areas else None
    occupation = ask.occupations[0] if ask.occupations else None
    if area is not None and area.level is not RegionLevel.ARBEIDSMARKTREGIO:
        # "Utrecht": the provincie by name, but the city's arbeidsmarktregio has a forecast
        others = ask.parsed.regions[0].others if ask.parsed.regions else ()
        region = next((ask.data.region(k) for k in others if k.startswith("AM")), None)
        area = region or area
        if region is not None:
            ask.areas[0] = region
    scenario = _scenario(ask)
    regional = area is not None and area.level is RegionLevel.ARBEIDSMARKTREGIO
    rows: list[dict[str, Any]] = []
    baseline: list[dict[str, Any]] = []
    base = 0
    try:
        if ask.data.store_url:
            with open_web_store(ask.data.store_url) as store:
                base = last_history_year(store)
                if regional and area is not None:
                    rows = forecast_for_region(store, area.code, scenario)
                    if scenario != "baseline":
                        baseline = forecast_for_region(store, area.code, "baseline")
    except Exception as error:  # no stored run: say so
        log.info("question: no forecast (%s)", error)
    years = f"{base + 1}–{base + HORIZON}"
    if base and ask.parsed.year is not None and not base < ask.parsed.year <= base + HORIZON:
        return Reply(
            False,
            f"De prognose gaat over {years}, niet over {ask.parsed.year}."
            if nl
            else f"The forecast covers {years}, not {ask.parsed.year}.",
            reason="period_not_covered",
        )
    if area is None or not regional:
        return Reply(
            False,
            "De prognose is er per arbeidsmarktregio: noem een regio, bijvoorbeeld 'Wat is de "
            "prognose voor verpleegkundigen in Twente?'"
            if nl
            else "The forecast is made per labour-market region: name one, for example 'What "
            "is the outlook for nurses in Twente?'",
            reason="no_figures",
        )
    if not rows:
        return Reply(
            False,
            f"Er is geen prognose (scenario {scenario}) voor {area.name}."
            if nl
            else f"There is no forecast (scenario {scenario}) for {area.name}.",
            reason="no_figures",
        )
    if occupation is None:
        return _region_outlook(ask, area, rows, scenario, years)
    row = next((r for r in rows if r["occupation_id"] == occupation.id), None)
    what = ask.what(occupation)
    if row is None:
        return Reply(
            False,
            f"Er is geen prognose voor {what} in {area.name}."
            if nl
            else f"There is no forecast for {what} in {area.name}.",
            reason="no_figures",
        )
    if row["suppressed"] or row["ratio"] is None:
        return Reply(
            False,
            f"De prognose voor {what} in {area.name} is verborgen om de privacy te beschermen "
            "(te weinig werkenden)."
            if nl
            else f"The forecast for {what} in {area.name} is hidden to protect privacy (too few "
            "workers).",
            reason="hidden",
        )
    _record(ask, area.code, occupation.slug, row, years)
    prospect = row["prospect"] if nl else PROSPECT_EN.get(row["prospect"], row["prospect"])
    demand, supply = ask.int(round(row["demand"])), ask.int(round(row["supply"]))
    ratio = ask.ratio(row["ratio"])
    text = (
        f"De vooruitzichten voor {what} in {area.name} zijn {prospect} (prognose {years}, "
        f"scenario {scenario}): een vraag van {demand} werkenden tegenover een aanbod van "
        f"{supply} (aanbod per vraag {ratio})."
        if nl
        else f"The prospects for {what} in {area.name} are {prospect} (forecast {years}, "
        f"scenario {scenario}): a demand for {demand} workers against a supply of {supply} "
        f"(supply per demand {ratio})."
    )
    before = next((r for r in baseline if r["occupation_id"] == occupation.id), None)
    if before is not None and before["ratio"] is not None and not before["suppressed"]:
        _record(ask, area.code, occupation.slug, before, years)
        was = before["prospect"] if nl else PROSPECT_EN.get(before["prospect"], before["prospect"])
        text += (
            f" In het basisscenario: {was} (aanbod per vraag {ask.ratio(before['ratio'])})."
            if nl
            else f" In the baseline: {was} (supply per demand {ask.ratio(before['ratio'])})."
        )
    return Reply(True, text, ratio, trend=prospect)


def _record(ask: Ask, area: str, slug: str | None, row: dict[str, Any], years: str) -> None:
    ask.rows.append(
        {
            "area": area,
            "occupation": slug,
            "period": years,
            "scenario": row["scenario"],
            "run_id": row["run_id"],
            "demand": row["demand"],
            "supply": row["supply"],
            "ratio": row["ratio"],
            "prospect": row["prospect"],
        }
    )


def _region_outlook(
    ask: Ask, area: Any, rows: list[dict[str, Any]], scenario: str, years: str
) -> Reply:
    shown = [r for r in rows if not r["suppressed"] and r["ratio"] is not None]
    by_slug = {o.id: o for o in ask.data.occupations}
    best = shown[:3]
    worst = list(reversed(shown[-3:])) if len(shown) > 3 else []
    for r in [*best, *worst]:
        occ = by_slug.get(r["occupation_id"])
        _record(ask, area.code, occ.slug if occ else None, r, years)

    def name(r: dict[str, Any]) -> str:
        occ = by_slug.get(r["occupation_id"])
        prospect = r["prospect"] if ask.nl else PROSPECT_EN.get(r["prospect"], r["prospect"])
        return f"{occ.label(ask.lang) if occ else r['occupation']} ({prospect}, {ask.ratio(r['ratio'])})"

    if ask.nl:
        text = (
            f"Prognose {years} voor {area.name} (scenario {scenario}, aanbod per vraag): de beste "
            f"vooruitzichten voor {', '.join(name(r) for r in best)}"
        )
        text += f"; de slechtste voor {', '.join(name(r) for r in worst)}." if worst else "."
    else:
        text = (
            f"Forecast {years} for {area.name} (scenario {scenario}, supply per demand): the best "
            f"prospects for {', '.join(name(r) for r in best)}"
        )
        text += f"; the poorest for {', '.join(name(r) for r in worst)}." if worst else "."
    return Reply(True, text)


def occupation_skills(ask: Ask) -> Reply:
    """The essential skills of an occupation (ESCO), then its optional ones."""
    occupation = ask.occupations[0] if ask.occupations else None
    if occupation is None:
        return regional_skills(ask)
    skills = ask.data.skills.get(occupation.slug, [])
    essential = [s for s in skills if s[2] == "essential"] or skills
    if not essential:
        return Reply(
            False,
            f"Er zijn geen vaardigheden bekend voor {ask.what(occupation)}."
            if ask.nl
            else f"No skills are known for {ask.what(occupation)}.",
            reason="no_figures",
        )
    labels = [s[0] if ask.nl else s[1] for s in essential[:8]]
    text = (
        f"De belangrijkste vaardigheden van {ask.what(occupation)} (ESCO, essentieel): "
        f"{'; '.join(labels)}"
        if ask.nl
        else f"The main skills of {ask.what(occupation)} (ESCO, essential): {'; '.join(labels)}"
    )
    more = len(essential) - len(labels)
    if more > 0:
        text += f" (en {more} meer)." if ask.nl else f" (and {more} more)."
    else:
        text += "."
    return Reply(True, text)


def regional_skills(ask: Ask) -> Reply:
    """Skills asked in an area: the essential skills of its tightest occupations (by the
    published ratio), as the radar holds no skill figures per area here."""
    area = ask.areas[0] if ask.areas else ask.data.area("NL01")
    key = None if area is None or area.code == "NL01" else area.code
    cells = [(o, f) for o, f in ask.data.by_occupation(key, ask.period) if f.ratio is not None]
    cells.sort(key=lambda of: of[1].ratio or 0.0, reverse=True)
    parts = []
    for o, f in cells[:3]:
        skills = [s for s in ask.data.skills.get(o.slug, []) if s[2] == "essential"][:3]
        labels = ", ".join(s[0] if ask.nl else s[1] for s in skills)
        ask.record(area, o, f, "vacancies", "job_seekers", "ratio", "tension_class")
        parts.append(f"{o.label(ask.lang)} ({ask.ratio(f.ratio or 0.0)}): {labels}")
    place = ask.place(area)
    if not parts:
        return Reply(
            False,
            f"Er zijn geen gepubliceerde cijfers voor {place}."
            if ask.nl
            else f"There are no published figures for {place}.",
            reason="no_figures",
        )
    return Reply(
        True,
        f"De radar heeft hier geen cijfers per vaardigheid voor {place}; wel de krapste "
        f"beroepen in {ask.month()} (vacatures per kortdurend werkzoekende) en hun "
        f"belangrijkste vaardigheden (ESCO): {'; '.join(parts)}."
        if ask.nl
        else f"The radar holds no figures per skill for {place} here; these are the tightest "
        f"occupations in {ask.month()} (vacancies per short-term job seeker) and their main "
        f"skills (ESCO): {'; '.join(parts)}.",
    )


def transitions(ask: Ask) -> Reply:
    """The occupations closest to one by skills, with the skills to learn."""
    occupation = ask.occupations[0] if ask.occupations else None
    if occupation is None or not ask.data.store_url:
        return Reply(
            False,
            "Noem uw beroep, bijvoorbeeld 'Naar welke beroepen kan een kok overstappen?'"
            if ask.nl
            else "Name your occupation, for example 'Which occupations can a cook move to?'",
            reason="no_figures",
        )
    try:
        uri = resolve_occupation(ask.data.store_url, occupation.id)
        close = similar_to(ask.data.store_url, uri, 3) if uri else []
    except Exception as error:  # the skills model is not available: say so
        log.info("question: no transitions (%s)", error)
        close = []
    if not close:
        return Reply(
            False,
            f"Er zijn geen verwante beroepen bekend voor {ask.what(occupation)}."
            if ask.nl
            else f"No related occupations are known for {ask.what(occupation)}.",
            reason="no_figures",
        )
    parts = []
    for item in close:
        known = ask.data.occupation(str(item["uri"]))
        label = known.label(ask.lang) if known else str(item.get("label", item["uri"]))
        missing = [str(m.get("label", "")) for m in item.get("missing_skills", [])][:3]
        learn = ("; te leren: " if ask.nl else "; to learn: ") + ", ".join(missing)
        parts.append(label + (learn if missing else ""))
        ask.rows.append(
            {"occupation": known.slug if known else None, "similarity": item.get("similarity")}
        )
    text = (
        (
            f"Beroepen dicht bij {ask.what(occupation)} (gedeelde vaardigheden, ESCO): "
            if ask.nl
            else f"Occupations close to {ask.what(occupation)} (shared skills, ESCO): "
        )
        + " | ".join(parts)
        + "."
    )
    return Reply(True, text)
