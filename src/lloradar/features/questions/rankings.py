"""Rankings (the tightest or slackest occupations of an area, the areas for an occupation) and
comparisons (two areas, or two occupations), ordered by the published values themselves."""

from __future__ import annotations

from typing import Any

from lloradar.analytics.narrative import class_label
from lloradar.analytics.question import Measure
from lloradar.domain import Region, RegionLevel
from lloradar.features.questions.answers import (
    COUNTRY,
    Ask,
    Reply,
    nearest_shown,
    no_figures,
    tension,
)

_BY = {
    Measure.VACANCIES: ("vacancies", "vacatures", "vacancies"),
    Measure.JOB_SEEKERS: ("job_seekers", "kortdurend werkzoekenden", "short-term job seekers"),
    Measure.INTERESTED: ("interested", "belangstellenden", "interested job seekers"),
    Measure.EXPERIENCED: ("experienced", "ervaren werkzoekenden", "experienced job seekers"),
}


def _value(f: Any, measure: Measure) -> float | None:
    if measure in _BY:
        return getattr(f, _BY[measure][0])  # type: ignore[no-any-return]
    return f.ratio if f.job_seekers is not None else None


def _shown(ask: Ask, f: Any, measure: Measure) -> str:
    if measure in _BY:
        return ask.int(getattr(f, _BY[measure][0]))
    return f"{ask.ratio(f.ratio)} ({class_label(f.tension, ask.lang)})"


def ranking(ask: Ask, area: Region | None, occupation: Any | None) -> Reply:
    p = ask.parsed
    measure = p.measure if p.measure in _BY else Measure.TENSION
    cells: list[tuple[Region | None, Any, Any]]
    if p.rank_regions or (occupation is not None and area is None):
        level = RegionLevel.PROVINCIE if p.provinces else RegionLevel.ARBEIDSMARKTREGIO
        within = area.code if area is not None and area.level is RegionLevel.PROVINCIE else None
        cells = [
            (r, occupation, f)
            for r, f in ask.data.by_region(
                occupation.slug if occupation else None, ask.period, level
            )
            if within is None or r.province_code == within  # the regions of one provincie
        ]
        subject = ask.what(occupation)
        if within is not None and area is not None:
            subject += f" in {area.name}"
        scope = (
            ("provincies" if ask.nl else "provinces")
            if level is RegionLevel.PROVINCIE
            else ("arbeidsmarktregio's" if ask.nl else "labour-market regions")
        )
    else:
        cells = [
            (area, o, f)
            for o, f in ask.data.by_occupation(_key(area), ask.period)
            if not ask.only or o.slug in ask.only
        ]
        subject = ask.place(area)
        scope = "beroepen" if ask.nl else "occupations"
    shown = [(a, o, f) for a, o, f in cells if _value(f, measure) is not None]
    hidden = len(cells) - len(shown)
    if not shown:
        return no_figures(ask, area, occupation)
    shown.sort(key=lambda c: _value(c[2], measure) or 0.0, reverse=not p.slack)
    top = shown[: p.limit]
    items = []
    for i, (a, o, f) in enumerate(top, 1):
        name = (
            ask.place(a)
            if p.rank_regions or (occupation is not None and area is None)
            else ask.what(o)
        )
        items.append(f"{i}. {name}: {_shown(ask, f, measure)}")
        ask.record(
            a,
            o,
            f,
            "vacancies",
            "job_seekers",
            "ratio",
            "tension_class",
            *([_BY[measure][0]] if measure in (Measure.INTERESTED, Measure.EXPERIENCED) else []),
        )
    order_nl = "ruimste" if p.slack else "krapste"
    order_en = "slackest" if p.slack else "tightest"
    if measure in _BY:
        order_nl = f"{'minste' if p.slack else 'meeste'} {_BY[measure][1]}:"
        order_en = f"{'fewest' if p.slack else 'most'} {_BY[measure][2]}:"
    if ask.nl:
        head = (
            f"De {order_nl} {scope} voor {subject} in {ask.month()}"
            if scope != "beroepen"
            else f"De {order_nl} beroepen in {subject} in {ask.month()}"
        )
        if measure is Measure.TENSION:
            head += " (vacatures per kortdurend werkzoekende)"
        text = f"{head}: " + "; ".join(items) + "."
        if hidden:
            text += (
                f" Niet gerangschikt: {hidden} {scope}, omdat hun cijfer verborgen is om de "
                "privacy te beschermen."
            )
    else:
        head = (
            f"The {order_en} {scope} for {subject} in {ask.month()}"
            if scope != "occupations"
            else f"The {order_en} occupations in {subject} in {ask.month()}"
        )
        if measure is Measure.TENSION:
            head += " (vacancies per short-term job seeker)"
        text = f"{head}: " + "; ".join(items) + "."
        if hidden:
            text += f" Not ranked: {hidden} {scope}, whose figure is hidden to protect privacy."
    text = text.replace(":: ", ": ").replace("::", ":")
    first = top[0][2]
    return Reply(
        True,
        text,
        _shown(ask, first, measure).split(" (")[0],
        class_label(first.tension, ask.lang) if measure is Measure.TENSION else None,
    )


def _key(area: Region | None) -> str | None:
    return None if area is None or area.code == COUNTRY else area.code


def comparison(ask: Ask) -> Reply:
    """Two areas for one occupation, or two occupations in one area: each one's figures and
    which is the tighter (or has more)."""
    pairs: list[tuple[Region | None, Any | None]]
    if len(ask.areas) > 1:
        occ = ask.occupations[0] if ask.occupations else None
        pairs = [(a, occ) for a in ask.areas[:6]]
    else:
        area = ask.areas[0] if ask.areas else ask.data.area(COUNTRY)
        pairs = [(area, o) for o in ask.occupations[:6]]
    measure = ask.parsed.measure if ask.parsed.measure in _BY else Measure.TENSION
    parts, values = [], []
    for area, occ in pairs:
        f = ask.figures(area, occ)
        name = f"{ask.what(occ)} in {ask.place(area)}"
        if f is None:
            return no_figures(ask, area, occ)
        value = _value(f, measure)
        if value is None:
            parts.append(
                f"{name}: verborgen om de privacy te beschermen"
                if ask.nl
                else f"{name}: hidden to protect privacy"
            )
            ask.record(area, occ, f, "vacancies")
            near = nearest_shown(ask, area, occ) if measure is Measure.TENSION else None
            if near:
                n_area, n_occ, n_f = near
                ask.record(n_area, n_occ, n_f, "vacancies", "job_seekers", "ratio", "tension_class")
                parts[-1] += (
                    f" (het dichtstbijzijnde cijfer dat wel getoond mag worden: {ask.what(n_occ)} "
                    f"in {ask.place(n_area)}, {ask.ratio(n_f.ratio)})"
                    if ask.nl
                    else f" (the nearest figure that may be shown: {ask.what(n_occ)} in "
                    f"{ask.place(n_area)}, {ask.ratio(n_f.ratio)})"
                )
            continue
        values.append((name, value))
        ask.record(
            area,
            occ,
            f,
            "vacancies",
            "job_seekers",
            "ratio",
            "tension_class",
            *([_BY[measure][0]] if measure in (Measure.INTERESTED, Measure.EXPERIENCED) else []),
        )
        if measure is Measure.TENSION:
            parts.append(
                f"{name}: {ask.ratio(f.ratio)} vacatures per kortdurend werkzoekende "
                f"({class_label(f.tension, ask.lang)}; {ask.int(f.vacancies)} vacatures, "
                f"{ask.int(f.job_seekers)} werkzoekenden)"
                if ask.nl
                else f"{name}: {ask.ratio(f.ratio)} vacancies per short-term job seeker "
                f"({class_label(f.tension, ask.lang)}; {ask.int(f.vacancies)} vacancies, "
                f"{ask.int(f.job_seekers)} job seekers)"
            )
        else:
            words = _BY[measure][1 if ask.nl else 2]
            parts.append(f"{name}: {ask.int(int(value))} {words}")
    text = f"In {ask.month()}: " + "; ".join(parts) + "."
    if len(values) >= 2:
        top = max(v for _, v in values)
        winners = [n for n, v in values if v == top]
        more = "krapper" if len(values) == 2 else "het krapst"
        more_en = "tighter" if len(values) == 2 else "tightest"
        if len(winners) > 1:
            text += " Ze zijn gelijk." if ask.nl else " They are equal."
        elif measure is Measure.TENSION:
            text += (
                f" De markt is {more} voor {winners[0]}."
                if ask.nl
                else f" The market is {more_en} for {winners[0]}."
            )
        else:
            text += f" Het meest: {winners[0]}." if ask.nl else f" The most: {winners[0]}."
        return Reply(True, text)
    if not values:
        return Reply(False, text, reason="hidden")
    return Reply(True, text, reason=None)


def single(ask: Ask) -> Reply:
    area = ask.areas[0] if ask.areas else None
    occ = ask.occupations[0] if ask.occupations else None
    return tension(ask, area, occ)
