"""Load the labour-market sources: CBS StatLine observations, DUO education counts, UWV
vacancies and job seekers, vacancy texts (with their skills). Each load is all or nothing:
a file with any bad row stores only its provenance and the quarantined rows, with reasons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from lloradar.domain import Parsed, Provenance, QuarantineEntry
from lloradar.pipeline.regions import now
from lloradar.pipeline.save import LoadReport, TableRows, save_load
from lloradar.sources import cbs, duo, uwv, vacancies
from lloradar.store import Store

VACANCY_COLUMNS = [
    "vacancy_id",
    "title",
    "description",
    "employer",
    "location",
    "region_code",
    "occupation_id",
    "posted_on",
    "closed_on",
    "text_hash",
]

# texts -> per text [(skill URI, score)]
SkillExtractor = Callable[[Sequence[str]], list[list[tuple[str, float]]]]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where the bytes came from: a file name or the URL that was fetched."""

    url: str
    checksum: str
    note: str = ""


def _provenance(source: str, table: str, licence: str, origin: Origin) -> Provenance:
    return Provenance(source, table, origin.url, now(), licence, origin.checksum, origin.note)


def _save(
    store: Store,
    provenance: Provenance,
    tables: list[TableRows],
    quarantine: Sequence[QuarantineEntry],
    *,
    keep_good_rows: bool = False,
) -> LoadReport:
    """No partial load: with any quarantined row, none of the file's rows are stored; unless
    `keep_good_rows`, which stores the good rows and quarantines the bad ones."""
    keep = keep_good_rows or not quarantine
    return save_load(store, provenance, tables if keep else [], quarantine)


def load_cbs(
    store: Store, parsed: Parsed[cbs.Observation], table_id: str, origin: Origin
) -> LoadReport:
    rows = [
        (o.table_id, o.key, o.measure, o.region_code, o.period, o.value, o.status)
        for o in parsed.records
    ]
    columns = ["table_id", "dimensions", "measure", "region_code", "period", "value", "status"]
    table = TableRows("cbs_observation", columns, ["table_id", "dimensions", "measure"], rows)
    provenance = _provenance("CBS StatLine OData", table_id, cbs.LICENCE, origin)
    return _save(store, provenance, [table], parsed.quarantine)


def load_duo(store: Store, parsed: Parsed[duo.EducationRecord], origin: Origin) -> LoadReport:
    rows = [
        (
            r.kind,
            r.programme_code,
            r.programme_name,
            r.level,
            r.institution,
            r.gemeente,
            *r.tail,
            r.domain,
        )
        for r in parsed.records
    ]
    columns = [
        "kind",
        "programme_code",
        "programme_name",
        "level",
        "institution",
        "gemeente",
        "variant",
        "year",
        "persons",
        "domain",
    ]
    key = ["kind", "programme_code", "institution", "gemeente", "variant", "year"]
    provenance = _provenance("DUO open onderwijsdata", origin.url, duo.LICENCE, origin)
    return _save(
        store, provenance, [TableRows("education_supply", columns, key, rows)], parsed.quarantine
    )


def load_uwv(store: Store, parsed: Parsed[uwv.UwvCell], origin: Origin) -> LoadReport:
    key = ["region_code", "occupation_id", "period"]
    vacancy_columns = ["open_vacancies", "new_vacancies", "filled_vacancies"]
    supply_columns = ["job_seekers_short", "job_seekers_long", "interested", "experienced"]
    stats = TableRows(
        "vacancy_stats",
        [*key, *vacancy_columns, "days_open_filled"],
        key,
        [(*c.key, *(c.counts[n] for n in vacancy_columns), c.days_open) for c in parsed.records],
    )
    supply = TableRows(
        "labour_supply",
        [*key, *supply_columns],
        key,
        [(*c.key, *(c.counts[n] for n in supply_columns)) for c in parsed.records],
    )
    provenance = _provenance("UWV open data", origin.url, uwv.LICENCE, origin)
    return _save(store, provenance, [stats, supply], parsed.quarantine)


def region_lookup(store: Store) -> dict[str, str]:
    """Lower-case gemeente name or region code -> arbeidsmarktregio code."""
    lookup: dict[str, str] = {}
    for code, name, level, parent in store.query(
        "SELECT code, name, level, parent_code FROM region"
    ):
        if level == "gemeente" and parent:
            lookup[str(name).lower()] = str(parent)
            lookup[str(code).lower()] = str(parent)
        elif level == "arbeidsmarktregio":
            lookup[str(code).lower()] = str(code)
    return lookup


def load_vacancies(
    store: Store,
    parsed: Parsed[vacancies.Posting],
    origin: Origin,
    *,
    extract: SkillExtractor | None = None,
    method: str = "",
    keep_good_rows: bool = False,
) -> tuple[LoadReport, int]:
    """Store postings (region from the location) and, when an extractor is given, their skills
    with the method and score. Returns the report and the number of postings without a region.
    A text already stored under another id is quarantined: it is not counted twice. With a
    bad row nothing is stored, unless `keep_good_rows` (large feeds): then the good rows are."""
    quarantine = list(parsed.quarantine)
    stored_hashes: dict[str, str] = {
        str(h): str(i) for h, i in store.query("SELECT text_hash, vacancy_id FROM vacancy")
    }
    postings = []
    for line, posting in enumerate(parsed.records, start=1):
        other = stored_hashes.get(posting.text_hash)
        if other is not None and other != posting.vacancy_id:
            quarantine.append(
                QuarantineEntry(
                    line,
                    "description",
                    posting.title,
                    f"is the same text as stored vacancy {other!r}",
                )
            )
        else:
            postings.append(posting)
    lookup = region_lookup(store)
    regions = [p.region_code or lookup.get((p.location or "").lower()) for p in postings]
    rows = [
        (p.vacancy_id, p.title, p.description, p.employer, p.location, region, *p.rest)
        for p, region in zip(postings, regions, strict=True)
    ]
    tables = [TableRows("vacancy", VACANCY_COLUMNS, ["vacancy_id"], rows)]
    if extract is not None and postings and (keep_good_rows or not quarantine):
        tables.append(
            vacancy_skills(
                [(p.vacancy_id, f"{p.title}\n{p.description}") for p in postings], extract, method
            )
        )
    provenance = _provenance("vacancy texts", origin.url, "as supplied by the publisher", origin)
    report = _save(store, provenance, tables, quarantine, keep_good_rows=keep_good_rows)
    return report, sum(1 for r in regions if r is None)


def vacancy_skills(
    texts: Sequence[tuple[str, str]], extract: SkillExtractor, method: str
) -> TableRows:
    """The `vacancy_skill` rows of (vacancy id, text) pairs: what `extract` finds, with its
    method and score."""
    found = extract([text for _, text in texts])
    rows = [
        (vacancy_id, uri, method, float(score))
        for (vacancy_id, _), skills in zip(texts, found, strict=True)
        for uri, score in skills
    ]
    return TableRows(
        "vacancy_skill",
        ["vacancy_id", "skill_id", "method", "score"],
        ["vacancy_id", "skill_id"],
        rows,
    )


def today() -> date:
    return now().date()
