"""Everything a visitor of `make demo` sees, built in one go on top of the demo world: the real
taxonomy (ESCO, O*NET, the task link, cached skill embeddings) when the shared data is there,
demo vacancy texts with their skills, the indicators, a forecast run for every scenario, the
example interventions with their participants, and one demo account per role.

Building it twice changes nothing: every step is an idempotent load keyed on its content."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from lloradar.demo.panel import build_demo_panel
from lloradar.demo.vacancy_texts import demo_occupations, load_demo_vacancies
from lloradar.demo.welfare import build_demo_welfare
from lloradar.demo.world import DemoWorld, build_demo_world, demo_provenance
from lloradar.domain import Provenance
from lloradar.domain.account import Purpose, Role
from lloradar.domain.passport import Preferences
from lloradar.features.accounts import service as accounts
from lloradar.features.forecast.scenarios import load_scenario
from lloradar.features.forecast.service import run_scenario
from lloradar.features.indicators.service import refresh_derived
from lloradar.features.ingest.service import store_extractor
from lloradar.features.interventions.service import (
    import_interventions,
    import_participants,
    release_progress,
)
from lloradar.features.passport.service import SkillClaim, add_skills, set_preferences
from lloradar.features.skills.service import import_taxonomy
from lloradar.store import Store

# The repository's scenarios/ and examples/ (an editable install: src/lloradar/demo/ -> repo).
REPOSITORY = Path(__file__).resolve().parents[3]
# Demo participants are synthetic: their pseudonyms use this public key, not the configured
# secret, so the demo loads the same on every machine and never touches real pseudonyms.
DEMO_PSEUDONYM_KEY = "lloradar-demo-participants-not-secret"
DEMO_REGION = "AM05"

# (e-mail, role, name) of the accounts a visitor logs in with.
DEMO_ACCOUNTS = (
    ("burger@demo.lloradar.nl", Role.CITIZEN, "Demo burger (citizen)"),
    ("werkgever@demo.lloradar.nl", Role.EMPLOYER, "Demo werkgever (employer)"),
    ("analist@demo.lloradar.nl", Role.ANALYST, "Demo analist (analyst)"),
    ("beheerder@demo.lloradar.nl", Role.ADMIN, "Demo beheerder (admin)"),
)

Step = Callable[[str], None]


@dataclass(slots=True)
class DemoAccount:
    email: str
    role: str
    password: str | None  # only when created now: it is shown once and never stored in clear


@dataclass(slots=True)
class Showcase:
    world: DemoWorld
    taxonomy: str
    vacancies: int
    vacancy_skills: int
    forecast_runs: list[str] = field(default_factory=list)
    interventions: int = 0
    participants: int = 0
    accounts: list[DemoAccount] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def _timed(showcase_seconds: dict[str, float], name: str, started: float) -> None:
    showcase_seconds[name] = round(time.perf_counter() - started, 1)


def import_real_taxonomy(store: Store, shared: Path) -> str:
    """ESCO (with the Dutch labels beside it) and O*NET; the demo world has linked the demo
    occupations to O*NET tasks already."""
    import_taxonomy(store, "esco", shared / "esco-v1.1.1")
    import_taxonomy(store, "onet", shared / "onet")
    return "ESCO v1.1.1 (en + nl labels) and O*NET"


def load_vacancy_texts(store: Store, world: DemoWorld, seed: int) -> tuple[int, int]:
    """Demo postings with the skills the engine finds in them; (postings, skill rows)."""
    ids = [str(r[0]) for r in store.query("SELECT DISTINCT occupation_id FROM vacancy_stats")]
    occupations = demo_occupations(store, sorted(ids))
    regions = [
        (str(code), str(name))
        for code, name in store.query(
            "SELECT code, name FROM region WHERE level = 'arbeidsmarktregio' ORDER BY code"
        )
    ]
    extract, method = store_extractor(store)
    base = demo_provenance("vacancy", seed)
    provenance = Provenance(
        base.source,
        "vacancy texts",
        base.url,
        base.retrieved_at,
        base.licence,
        f"{base.checksum}:{method if extract else 'no skills'}",
        base.note,
        is_demo=True,
    )
    report = load_demo_vacancies(
        store, provenance, occupations, regions, seed, extract, method if extract else ""
    )
    return report.stored.get("vacancy", 0), report.stored.get("vacancy_skill", 0)


def run_every_scenario(store: Store, folder: Path) -> list[str]:
    """The baseline first, then every other scenario file: one stored run each."""
    files = sorted(folder.glob("*.yaml"), key=lambda p: (p.stem != "baseline", p.stem))
    return [run_scenario(store, load_scenario(path)).run_id for path in files]


def load_example_interventions(store: Store, folder: Path) -> tuple[int, int]:
    """The example register and its demo participants, with their progress figures released
    on the demo world's latest month (the end of it), as an analyst would release them."""
    register = import_interventions(store, folder / "register.yaml", is_demo=True)
    people = import_participants(
        store, folder / "participants.csv", DEMO_PSEUDONYM_KEY, is_demo=True
    )
    release_progress(store, demo_release_date(store), released_by="demo build")
    return register.stored.get("intervention", 0), people.stored.get("participant", 0)


def demo_release_date(store: Store) -> date:
    """The last day of the latest month with labour-market figures (today without any)."""
    latest = store.query("SELECT max(period) FROM labour_supply")[0][0]
    if latest is None:
        return date.today()
    following = date(latest.year + latest.month // 12, latest.month % 12 + 1, 1)
    return following - timedelta(days=1)


def ensure_demo_accounts(store: Store, *, reset: bool = False) -> list[DemoAccount]:
    """One account per role. A new account gets a fresh random password, returned once; an
    existing one keeps its password (None) unless `reset` gives it a new one."""
    made = []
    for email, role, name in DEMO_ACCOUNTS:
        existing = store.query("SELECT account_id FROM account WHERE email = ?", (email,))
        if existing and not reset:
            made.append(DemoAccount(email, str(role), None))
            continue
        password = secrets.token_urlsafe(12)
        if existing:
            accounts.set_password(store, str(existing[0][0]), password)
        else:
            account = accounts.register(store, email, password, role, name)
            if role == Role.CITIZEN:
                _fill_citizen_passport(store, account.id)
        made.append(DemoAccount(email, str(role), password))
    return made


def _fill_citizen_passport(store: Store, account_id: str) -> None:
    """The citizen starts with consent and a small passport (the skills of a healthcare
    assistant), so the navigator and the alerts work at first login."""
    for purpose in (Purpose.PASSPORT, Purpose.NAVIGATOR, Purpose.TASKS):
        accounts.give_consent(store, account_id, purpose)
    skills = store.query(
        "SELECT os.skill_id FROM occupation_skill os JOIN occupation o ON o.id = os.occupation_id "
        "WHERE o.label_en = 'healthcare assistant' AND os.relation = 'essential' "
        "ORDER BY os.skill_id LIMIT 6"
    )
    add_skills(store, account_id, [SkillClaim(str(s[0])) for s in skills])
    set_preferences(store, account_id, Preferences(region_code=DEMO_REGION, hours_per_week=32))


def build_showcase(
    store: Store,
    seed: int = 42,
    shared_data: Path | None = None,
    *,
    repository: Path = REPOSITORY,
    step: Step = lambda _: None,
) -> Showcase:
    """The demo world and everything that makes every screen show something."""
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    step("the demo world (regions, five years of vacancies and job seekers, workforce)")
    world = build_demo_world(store, seed=seed, shared_data=shared_data)
    _timed(seconds, "world", started)
    taxonomy = "handmade demo taxonomy (demo: ids); the skills engine needs ../shared/data"
    if shared_data is not None:
        started = time.perf_counter()
        step("the ESCO and O*NET taxonomies, the task link and the skill embeddings")
        taxonomy = import_real_taxonomy(store, shared_data)
        _timed(seconds, "taxonomy", started)
    started = time.perf_counter()
    step("demo vacancy texts and their skills")
    vacancies, vacancy_skills = load_vacancy_texts(store, world, seed)
    _timed(seconds, "vacancy texts", started)
    started = time.perf_counter()
    step("the indicators (tension, skill demand and supply)")
    refresh_derived(store)
    _timed(seconds, "indicators", started)
    started = time.perf_counter()
    step("a forecast run for every scenario in scenarios/")
    runs = run_every_scenario(store, repository / "scenarios")
    _timed(seconds, "forecast", started)
    started = time.perf_counter()
    step("the example interventions with demo participants")
    interventions, participants = load_example_interventions(
        store, repository / "examples" / "interventions"
    )
    _timed(seconds, "interventions", started)
    step("brede welvaart figures and the citizen panel (demo)")
    build_demo_welfare(store, seed)
    build_demo_panel(store, seed, DEMO_PSEUDONYM_KEY, repository)
    step("the demo accounts")
    made = ensure_demo_accounts(store)
    return Showcase(
        world,
        taxonomy,
        vacancies,
        vacancy_skills,
        runs,
        interventions,
        participants,
        made,
        seconds,
    )
