"""A tiny labour market for the alert tests: one region, one occupation, one skill, a month of
vacancies and job seekers, and an account that consents to alerts.

The tension alerts read the published indicators, so every change of the facts here is
published again, as an ingest does (`refresh_derived`)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from lloradar.features.accounts import service as accounts
from lloradar.features.indicators.service import compute_indicators
from lloradar.store import Store

REGION = "AM05"
OCCUPATION = "http://data.europa.eu/esco/occupation/test-nurse"
SKILL = "http://data.europa.eu/esco/skill/test-wound-care"
SOURCE = "test:alerts"
PASSWORD = "correct horse battery staple"


def build_market(store: Store) -> None:
    """Month 2026-01: 10 vacancies, 10 short-term job seekers -> ratio 1.0, gemiddeld."""
    store.upsert(
        "provenance",
        ["source_id", "source", "source_table", "url", "retrieved_at", "licence", "checksum"],
        [(SOURCE, "test", "alerts", "https://example.nl", datetime(2026, 1, 1), "CC0", "x")],
        ["source_id"],
    )
    store.upsert(
        "region",
        ["code", "name", "level", "parent_code", "province_code", "source_id"],
        [
            ("PV28", "Zuid-Holland", "provincie", None, "PV28", SOURCE),
            ("PV20", "Groningen", "provincie", None, "PV20", SOURCE),
            (REGION, "Zuid-Holland Centraal", "arbeidsmarktregio", "PV28", "PV28", SOURCE),
            ("GM0599", "Rotterdam", "gemeente", REGION, "PV28", SOURCE),
            ("AM99", "Elders", "arbeidsmarktregio", "PV20", "PV20", SOURCE),
        ],
        ["code"],
    )
    store.upsert(
        "occupation",
        ["id", "label_en", "label_nl", "source_id"],
        [(OCCUPATION, "nurse", "verpleegkundige", SOURCE)],
        ["id"],
    )
    store.upsert(
        "skill",
        ["id", "label_en", "label_nl", "skill_type", "source_id"],
        [(SKILL, "wound care", "wondverzorging", "skill/competence", SOURCE)],
        ["id"],
    )
    set_month(store, date(2026, 1, 1), vacancies=10, job_seekers=10)


def set_month(store: Store, period: date, vacancies: int, job_seekers: int) -> None:
    """The month's facts of the one cell, published."""
    store.upsert(
        "vacancy_stats",
        ["region_code", "occupation_id", "period", "open_vacancies", "new_vacancies",
         "filled_vacancies", "source_id"],
        [(REGION, OCCUPATION, period, vacancies, vacancies, 0, SOURCE)],
        ["region_code", "occupation_id", "period"],
    )  # fmt: skip
    store.upsert(
        "labour_supply",
        ["region_code", "occupation_id", "period", "job_seekers_short", "job_seekers_long",
         "interested", "experienced", "source_id"],
        [(REGION, OCCUPATION, period, job_seekers, 0, 0, 0, SOURCE)],
        ["region_code", "occupation_id", "period"],
    )  # fmt: skip
    compute_indicators(store, store.dialect)


def add_vacancy(store: Store, vacancy_id: str, region: str, occupation: str | None,
                skills: tuple[str, ...] = ()) -> None:  # fmt: skip
    store.upsert(
        "vacancy",
        ["vacancy_id", "title", "description", "region_code", "occupation_id", "posted_on",
         "text_hash", "source_id"],
        [(vacancy_id, "Verpleegkundige", "Wondzorg", region, occupation, date(2026, 2, 1),
          vacancy_id, SOURCE)],
        ["vacancy_id"],
    )  # fmt: skip
    store.upsert(
        "vacancy_skill",
        ["vacancy_id", "skill_id", "method", "score", "source_id"],
        [(vacancy_id, s, "test", 1.0, SOURCE) for s in skills],
        ["vacancy_id", "skill_id"],
    )


def add_course(
    store: Store, course_id: str, title: str, skill: str, relation: str = "teaches"
) -> None:
    """A course row, in the catalogue's tables when migration 009 made them, else in minimal
    tables of our own with the columns the alerts read (course_id, title; course_id, skill_id)."""
    tables = set(store.tables())
    if "course" not in tables:
        store.execute("CREATE TABLE course (course_id VARCHAR PRIMARY KEY, title VARCHAR)")
    if "course_skill" not in tables:
        store.execute("CREATE TABLE course_skill (course_id VARCHAR, skill_id VARCHAR)")
    columns = {
        str(r[0]): (str(r[1]), str(r[2]))
        for r in store.query(
            "SELECT column_name, is_nullable, data_type FROM information_schema.columns "
            "WHERE table_name = 'course'"
        )
    }
    key = "course_id" if "course_id" in columns else "id"
    title_col = next(c for c in ("title", "name", "label") if c in columns)
    values: dict[str, object] = {key: course_id, title_col: title}
    for name, (nullable, kind) in columns.items():
        if name not in values and nullable == "NO":
            values[name] = _filler(name, kind)
    names = list(values)
    store.execute(
        f"INSERT INTO course ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [values[n] for n in names],
    )
    skill_columns = {
        str(r[0]): (str(r[1]), str(r[2]))
        for r in store.query(
            "SELECT column_name, is_nullable, data_type FROM information_schema.columns "
            "WHERE table_name = 'course_skill'"
        )
    }
    row: dict[str, object] = {"course_id": course_id, "skill_id": skill}
    if "relation" in skill_columns:
        row["relation"] = relation
    for name, (nullable, kind) in skill_columns.items():
        if name not in row and nullable == "NO":
            row[name] = _filler(name, kind)
    names = list(row)
    store.execute(
        f"INSERT INTO course_skill ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [row[n] for n in names],
    )


def _filler(name: str, kind: str) -> object:
    kind = kind.upper()
    if name == "source_id":
        return SOURCE
    if "BOOL" in kind:
        return False
    if any(t in kind for t in ("INT", "DOUBLE", "REAL", "NUMERIC", "FLOAT", "DECIMAL")):
        return 0
    if "TIMESTAMP" in kind:
        return datetime(2026, 1, 1)
    if "DATE" in kind:
        return date(2026, 1, 1)
    return "test"


def consenting_account(store: Store, email: str | None = None) -> str:
    email = email or f"burger-{uuid.uuid4().hex[:8]}@example.nl"
    account = accounts.register(store, email, PASSWORD, "citizen", "Burger")
    accounts.give_consent(store, account.id, "alerts")
    return account.id


def watched_cell(store: Store, region: str = "AM05") -> tuple[str, str]:
    """The first region x occupation of a demo world whose latest published month in `region`
    has a tension class (a class the publication hides cannot move)."""
    row = store.query(
        "SELECT region_code, occupation_id FROM published_indicator p WHERE region_code = ? "
        "AND occupation_id <> 'all' AND tension_class IS NOT NULL AND period = (SELECT "
        "max(period) FROM published_indicator q WHERE q.region_code = p.region_code "
        "AND q.occupation_id = p.occupation_id) ORDER BY occupation_id LIMIT 1",
        (region,),
    )[0]
    return str(row[0]), str(row[1])


def add_month_with_another_class(store: Store, region: str, occupation: str) -> str:
    """A new month for one cell whose class differs from its latest published one: very tight,
    or else very slack; published. Returns the new class."""
    latest, published_class = store.query(
        "SELECT period, tension_class FROM published_indicator "
        "WHERE region_code = ? AND occupation_id = ? ORDER BY period DESC LIMIT 1",
        (region, occupation),
    )[0]
    source = store.query(
        "SELECT source_id FROM vacancy_stats WHERE region_code = ? AND occupation_id = ? "
        "ORDER BY period DESC LIMIT 1",
        (region, occupation),
    )[0][0]
    new = date(latest.year + (latest.month == 12), latest.month % 12 + 1, 1)
    tight = published_class != "zeer krap"
    v, s = (500, 10) if tight else (1, 1000)
    with store.transaction():
        store.execute(
            "INSERT INTO vacancy_stats VALUES (?, ?, ?, ?, ?, 0, NULL, ?)",
            (region, occupation, new, v, v, source),
        )
        store.execute(
            "INSERT INTO labour_supply VALUES (?, ?, ?, ?, 0, 0, 0, ?)",
            (region, occupation, new, s, source),
        )
    compute_indicators(store, store.dialect)
    return "zeer krap" if tight else "zeer ruim"
