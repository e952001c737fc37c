"""Demo brede welvaart (broad welfare) figures, labelled demo: for every arbeidsmarktregio and
the country, the topics of CBS table 83765NED that the welfare indicators read (the real table's
ids, titles and units; made-up values around plausible national levels, from a seeded random
generator). Loading the real table (`lloradar welfare load 83765NED`) gives gemeente rows,
which the region page then prefers."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from lloradar.domain import Provenance
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.pipeline.statline import OBSERVATION_COLUMNS, meta_tables
from lloradar.sources.statline import TableInfo, Topic
from lloradar.store import Store

TABLE = "83765NED"
INFO = TableInfo(TABLE, "Kerncijfers wijken en buurten 2017", "2017", "2023-07-14T02:00:00")
# key: (title, unit, decimals, topic group) as in the table's DataProperties
TOPICS = {
    "AantalInwoners_5": ("Aantal inwoners", "aantal", 0, "Bevolking"),
    "HuishoudensTotaal_28": (
        "Huishoudens totaal",
        "aantal",
        0,
        "Bevolking / Particuliere huishoudens",
    ),
    "Woningvoorraad_34": ("Woningvoorraad", "aantal", 0, "Wonen"),
    "GemiddeldeWOZWaardeVanWoningen_35": (
        "Gemiddelde WOZ-waarde van woningen",
        "x 1 000 euro",
        0,
        "Wonen",
    ),
    "Koopwoningen_40": ("Koopwoningen", "%", 0, "Wonen / Woningen naar eigendom"),
    "GemiddeldInkomenPerInwoner_66": (
        "Gemiddeld inkomen per inwoner",
        "x 1 000 euro",
        1,
        "Inkomen / Inkomen van personen",
    ),
    "Actieven1575Jaar_69": ("Actieven 15-75 jaar", "%", 1, "Inkomen / Inkomen van personen"),
    "HuishoudensMetEenLaagInkomen_72": (
        "Huishoudens met een laag inkomen",
        "%",
        1,
        "Inkomen / Inkomen van huishoudens",
    ),
    "PersonenPerSoortUitkeringBijstand_74": (
        "Personen per soort uitkering; Bijstand",
        "aantal",
        0,
        "Sociale zekerheid",
    ),
    "PersonenPerSoortUitkeringAO_75": (
        "Personen per soort uitkering; AO",
        "aantal",
        0,
        "Sociale zekerheid",
    ),
    "AfstandTotHuisartsenpraktijk_94": (
        "Afstand tot huisartsenpraktijk",
        "km",
        1,
        "Nabijheid voorzieningen",
    ),
}


def _region_figures(rng: np.random.Generator) -> dict[str, float]:
    people = float(rng.uniform(180_000, 900_000))
    return {
        "AantalInwoners_5": round(people, -1),
        "HuishoudensTotaal_28": round(people / rng.uniform(2.0, 2.4), -1),
        "Woningvoorraad_34": round(people / rng.uniform(2.0, 2.3), -1),
        "GemiddeldeWOZWaardeVanWoningen_35": round(float(rng.normal(230, 40))),
        "Koopwoningen_40": round(float(rng.normal(57, 7))),
        "GemiddeldInkomenPerInwoner_66": round(float(rng.normal(27.5, 2.5)), 1),
        "Actieven1575Jaar_69": round(float(rng.normal(66, 3)), 1),
        "HuishoudensMetEenLaagInkomen_72": round(float(rng.normal(8.5, 1.8)), 1),
        "PersonenPerSoortUitkeringBijstand_74": round(people * rng.normal(0.026, 0.006), -1),
        "PersonenPerSoortUitkeringAO_75": round(people * rng.normal(0.046, 0.006), -1),
        "AfstandTotHuisartsenpraktijk_94": round(float(rng.normal(1.1, 0.25)), 1),
    }


def build_demo_welfare(store: Store, seed: int) -> LoadReport:
    """Store the demo figures of every arbeidsmarktregio (idempotent for a seed)."""
    rng = np.random.default_rng(seed + 3)
    regions = [
        str(r[0])
        for r in store.query(
            "SELECT code FROM region WHERE level = 'arbeidsmarktregio' ORDER BY code"
        )
    ]
    rows: list[tuple[object, ...]] = []
    for region in regions:
        for key, value in _region_figures(rng).items():
            dims = f"WijkenEnBuurten={region}"
            rows.append((TABLE, dims, key, region, INFO.period, value, ""))
    provenance = Provenance(
        source="CBS StatLine OData",
        table=TABLE,
        url=f"demo:{TABLE}",
        retrieved_at=datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None),
        licence="demo data (made up; the real table is CC BY 4.0, CBS)",
        checksum=Provenance.checksum_of(repr((seed, rows)).encode()),
        note="demo data",
        is_demo=True,
    )
    topics = [Topic(k, t, u, d, g, True) for k, (t, u, d, g) in TOPICS.items()]
    tables = [
        TableRows(
            "cbs_observation",
            [*OBSERVATION_COLUMNS, "status"],
            ["table_id", "dimensions", "measure"],
            rows,
        ),
        *meta_tables(INFO, topics),
    ]
    return save_load(store, provenance, tables)
