"""The demo workforce for the forecast: employed persons per region x occupation x age band x year
(derived from the demo employment table and the occupation profiles) and school leavers per
programme x region x year with the occupations each programme leads to. Deterministic for a seed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from lloradar.demo.profiles import PROFILES, SECTOR_MIX
from lloradar.domain import Provenance
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.store import Store


@dataclass(frozen=True, slots=True)
class DemoProgramme:
    code: str
    name: str
    level: str  # mbo, hbo or wo
    occupations: dict[str, float]  # occupation label_en -> share of leavers entering it
    international: float  # share of leavers who came from abroad to study


# Labour-market entrants per employed person in the programme's occupations, before the
# occupation's shortage lowers it: tight occupations get fewer leavers than they need.
_LEAVERS_PER_EMPLOYED = 0.11
_PROGRAMME_TREND = {"demo:programme/pabo": -0.03, "demo:programme/hbo-ict": 0.04}

PROGRAMMES: list[DemoProgramme] = [
    DemoProgramme("demo:programme/mbo-verpleegkunde", "mbo Verpleegkunde", "mbo",
                  {"nurse responsible for general care": 0.6, "healthcare assistant": 0.2,
                   "care at home worker": 0.2}, 0.0),
    DemoProgramme("demo:programme/hbo-verpleegkunde", "hbo Verpleegkunde", "hbo",
                  {"nurse responsible for general care": 0.6, "specialist nurse": 0.4}, 0.03),
    DemoProgramme("demo:programme/mbo-zorg-welzijn", "mbo Zorg en welzijn", "mbo",
                  {"healthcare assistant": 0.5, "care at home worker": 0.3,
                   "social worker": 0.2}, 0.0),
    DemoProgramme("demo:programme/hbo-ict", "hbo ICT", "hbo",
                  {"software developer": 0.5, "ICT application developer": 0.3,
                   "data analyst": 0.2}, 0.15),
    DemoProgramme("demo:programme/wo-informatica", "wo Informatica", "wo",
                  {"software developer": 0.5, "data analyst": 0.5}, 0.3),
    DemoProgramme("demo:programme/mbo-ict", "mbo ICT", "mbo",
                  {"ICT help desk agent": 0.7, "ICT application developer": 0.3}, 0.0),
    DemoProgramme("demo:programme/mbo-elektrotechniek", "mbo Elektrotechniek", "mbo",
                  {"electrician": 0.7, "electrical engineering technician": 0.3}, 0.0),
    DemoProgramme("demo:programme/hbo-werktuigbouwkunde", "hbo Werktuigbouwkunde", "hbo",
                  {"mechanical engineering technician": 0.6,
                   "electrical engineering technician": 0.4}, 0.1),
    DemoProgramme("demo:programme/mbo-bouw", "mbo Bouw en infra", "mbo",
                  {"carpenter": 0.4, "plumber": 0.3, "welder": 0.3}, 0.0),
    DemoProgramme("demo:programme/pabo", "pabo", "hbo", {"primary school teacher": 1.0}, 0.0),
    DemoProgramme("demo:programme/lerarenopleiding", "hbo Lerarenopleiding", "hbo",
                  {"secondary school teacher": 1.0}, 0.02),
    DemoProgramme("demo:programme/politieacademie", "Politieacademie", "mbo",
                  {"police officer": 1.0}, 0.0),
    DemoProgramme("demo:programme/hbo-sociaal-werk", "hbo Sociaal werk", "hbo",
                  {"social worker": 0.8, "human resources officer": 0.2}, 0.02),
    DemoProgramme("demo:programme/hbo-economie", "hbo Economie en bedrijfskunde", "hbo",
                  {"accountant": 0.4, "sales manager": 0.2, "human resources officer": 0.2,
                   "office clerk": 0.2}, 0.15),
    DemoProgramme("demo:programme/mbo-handel", "mbo Handel en administratie", "mbo",
                  {"shop assistant": 0.5, "sales manager": 0.1, "receptionist": 0.2,
                   "office clerk": 0.2}, 0.0),
    DemoProgramme("demo:programme/mbo-logistiek", "mbo Logistiek en transport", "mbo",
                  {"warehouse worker": 0.7, "bus driver": 0.3}, 0.0),
    DemoProgramme("demo:programme/mbo-horeca", "mbo Horeca", "mbo",
                  {"cook": 0.5, "waiter/waitress": 0.5}, 0.0),
    DemoProgramme("demo:programme/hbo-communicatie", "hbo Communicatie en media", "hbo",
                  {"graphic designer": 0.5, "journalist": 0.5}, 0.1),
    DemoProgramme("demo:programme/mbo-groen", "mbo Groen", "mbo",
                  {"agricultural technician": 1.0}, 0.0),
]  # fmt: skip


def occupation_employment_rows(
    employment: Sequence[tuple[str, str, str, int, int]],
    occupation_ids: Sequence[str],
    rng: np.random.Generator,
) -> list[tuple[object, ...]]:
    """Split each sector's employment over its demo occupations by their share of the sector,
    with an age tilt per occupation (some are older than their sector) and 1.5 % yearly noise."""
    tilts = {oid: float(rng.lognormal(0, 0.2)) for oid in occupation_ids}
    noise: dict[tuple[str, str, int], float] = {}
    rows: list[tuple[object, ...]] = []
    for region, sector, band, year, persons in employment:
        for profile, oid in zip(PROFILES, occupation_ids, strict=True):
            if profile.sector != sector:
                continue
            key = (region, oid, year)
            if key not in noise:
                noise[key] = float(rng.normal(1, 0.015))
            tilt = tilts[oid] if band in {"55-64", "65+"} else 1.0
            share = profile.share / 1000 / SECTOR_MIX[sector]
            rows.append(
                (region, oid, sector, band, year, round(persons * share * tilt * noise[key]))
            )
    return rows


def school_leaver_rows(
    occupation_rows: Sequence[tuple[object, ...]],
    occupation_ids: Sequence[str],
    rng: np.random.Generator,
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Leavers per programme x region x year sized on the employment of its occupations and
    lowered for structurally tight occupations; and the programme -> occupation shares."""
    by_label = {p.label_en: (oid, p) for p, oid in zip(PROFILES, occupation_ids, strict=True)}
    years = sorted({int(str(row[4])) for row in occupation_rows})
    employed: dict[tuple[str, str], float] = defaultdict(float)
    for region, oid, _sector, _band, year, persons in occupation_rows:
        if int(str(year)) == years[0]:
            employed[(str(region), str(oid))] += float(str(persons))
    regions = sorted({region for region, _ in employed})
    leavers: list[tuple[object, ...]] = []
    mapping: list[tuple[object, ...]] = []
    for programme in PROGRAMMES:
        for label, share in programme.occupations.items():
            mapping.append((programme.code, by_label[label][0], share))
        trend = _PROGRAMME_TREND.get(programme.code, 0.0)
        for region in regions:
            need = sum(
                share * employed[(region, by_label[label][0])] / by_label[label][1].shortage ** 0.6
                for label, share in programme.occupations.items()
            )
            for offset, year in enumerate(years):
                mean = need * _LEAVERS_PER_EMPLOYED * (1 + trend) ** offset
                persons = int(rng.poisson(max(mean, 0.0)))
                international = int(rng.binomial(persons, programme.international))
                leavers.append(
                    (region, programme.code, programme.name, programme.level, year, persons,
                     international)
                )  # fmt: skip
    return leavers, mapping


def build_workforce(
    store: Store,
    seed: int,
    occupation_ids: Sequence[str],
    provenance: Callable[[str, int], Provenance],
) -> list[LoadReport]:
    """Store occupation_employment, school_leavers and programme_occupation as demo data."""
    rng = np.random.default_rng(seed + 7)
    employment = [
        (str(r[0]), str(r[1]), str(r[2]), int(r[3]), int(r[4]))
        for r in store.query(
            "SELECT region_code, sector_code, age_band, year, persons FROM employment "
            "ORDER BY region_code, sector_code, age_band, year"
        )
    ]
    occupations = occupation_employment_rows(employment, occupation_ids, rng)
    leavers, mapping = school_leaver_rows(occupations, occupation_ids, rng)
    occ_key = ["region_code", "occupation_id", "sector_code", "age_band", "year"]
    leaver_key = ["region_code", "programme_code", "year"]
    leaver_columns = [*leaver_key, "programme_name", "level", "persons", "international"]
    leavers = [(r[0], r[1], r[4], r[2], r[3], r[5], r[6]) for r in leavers]
    return [
        save_load(
            store,
            provenance("occupation_employment", seed),
            [TableRows("occupation_employment", [*occ_key, "persons"], occ_key, occupations)],
        ),
        save_load(
            store,
            provenance("school_leavers", seed),
            [
                TableRows("school_leavers", leaver_columns, leaver_key, leavers),
                TableRows(
                    "programme_occupation",
                    ["programme_code", "occupation_id", "share"],
                    ["programme_code", "occupation_id"],
                    mapping,
                ),
            ],
        ),
    ]
