"""The names a question may use, built once per radar: every area with figures (the
arbeidsmarktregio's first, then the provincies and the country), each gemeente under its
arbeidsmarktregio, alternative names of places; every occupation with figures by its Dutch and
English label, the alternative labels the store holds and the everyday names of aliases.py."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from lloradar.analytics.question import Named, normalise
from lloradar.features.indicators.service import RadarData
from lloradar.features.questions import aliases
from lloradar.services.request_store import open_web_store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    places: list[Named]
    occupations: list[Named]


_CACHE: dict[int, tuple[RadarData, Vocabulary]] = {}


def vocabulary(data: RadarData) -> Vocabulary:
    cached = _CACHE.get(id(data))
    if cached is None or cached[0] is not data:
        cached = (data, _build(data))
        _CACHE[id(data)] = cached
    return cached[1]


def _stored(data: RadarData) -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]:
    """(code, name, parent code) of every gemeente and the stored alternative labels of the
    occupations with figures, or nothing when the radar was not loaded from a store."""
    if not data.store_url:
        return [], {}
    try:
        with open_web_store(data.store_url) as store:
            gemeenten = [
                (str(r[0]), str(r[1]), str(r[2]))
                for r in store.query(
                    "SELECT code, name, parent_code FROM region "
                    "WHERE level = 'gemeente' AND parent_code IS NOT NULL"
                )
            ]
            alternatives: dict[str, list[str]] = {}
            ids = [o.id for o in data.occupations]
            for concept, english, dutch in store.query(
                "SELECT c.id, c.alt_labels, n.alt_labels FROM taxonomy_concept c "
                "LEFT JOIN taxonomy_label_nl n ON n.id = c.id WHERE c.type = 'esco_occupation'"
            ):
                if concept in ids:
                    labels = f"{english or ''}\n{dutch or ''}".split("\n")
                    alternatives[concept] = [a for a in labels if a.strip()]
            return gemeenten, alternatives
    except Exception as error:  # the answer works without them
        log.warning("question vocabulary: no gemeenten or alternative labels (%s)", error)
        return [], {}


def _build(data: RadarData) -> Vocabulary:
    gemeenten, alternatives = _stored(data)
    places: list[Named] = []
    for region in data.regions:
        labels = (region.name, region.code, *aliases.AREAS.get(region.code, ()))
        places.append(Named(region.code, labels, whole_only=False))
    for area in data.areas:
        labels = (area.name, area.code, *aliases.AREAS.get(area.code, ()))
        places.append(Named(area.code, labels, 1))
    known = {r.code for r in [*data.regions, *data.areas]}
    for _code, name, parent in gemeenten:
        if parent not in known:
            continue
        labels = (name, *aliases.GEMEENTEN.get(name, ()))
        common = normalise(name) in aliases.GEMEENTE_WORDS
        if common:  # "best", "goes": only as "in Best"
            labels = (f"in {name}", f"te {name}", f"gemeente {name}")
        places.append(Named(parent, labels, 2, via=name, whole_only=common))
    occupations: list[Named] = []
    for occupation in data.occupations:
        labels = (
            occupation.label_nl,
            occupation.label_en,
            *aliases.OCCUPATIONS.get(occupation.slug, ()),
        )
        occupations.append(Named(occupation.slug, labels))
        stored = alternatives.get(occupation.id)
        if stored:
            occupations.append(Named(occupation.slug, tuple(stored), 1))
    return Vocabulary(places, occupations)
