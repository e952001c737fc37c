"""The navigator and course use-cases on the demo world (handmade taxonomy, baseline forecast):
ranking, opportunity from tension and forecast, transitions, suppression, course listing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from demo_worlds import copy_world
from lloradar.features.forecast.scenarios import load_scenario
from lloradar.features.forecast.service import run_scenario
from lloradar.features.navigator.courses import courses_for_skills, import_courses, list_courses
from lloradar.features.navigator.service import (
    NavigatorError,
    navigate,
    occupation_skills,
    opportunities,
    regional_tension,
    result_json,
)
from lloradar.store import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
SHOP = "demo:occupation/shop-assistant"
REGION = "AM22"


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, offline_demo_world_file: Path
) -> Iterator[Store]:
    """A copy of the session's offline demo world (seed 42) with the baseline forecast."""
    target = tmp_path_factory.mktemp("navigator") / "demo.duckdb"
    store = open_store(str(copy_world(offline_demo_world_file, target)))
    run_scenario(store, load_scenario(ROOT / "scenarios" / "baseline.yaml"))
    try:
        yield store
    finally:
        store.close()


def test_a_shop_assistant_sees_their_own_occupation_first_then_ranked_options(world: Store) -> None:
    result = result_json(navigate(world, occupation_skills(world, SHOP), REGION), "nl")
    first = result["occupations"][0]
    assert first["uri"] == SHOP and first["fit"] == 1.0 and first["missing_skills"] == []
    scores = [o["score"] for o in result["occupations"]]
    assert scores == sorted(scores, reverse=True)
    assert result["region"] == {"code": "AM22", "name": "Rijnmond"} and result["is_demo"]
    # every candidate shares a skill: sales, customer service or stock management
    assert all(o["have"] for o in result["occupations"])
    chance = first["opportunity"]
    assert chance["forecast_direction"] == "shrinking" and chance["tension_class"] is not None


def test_missing_skills_come_with_courses_from_the_demo_catalogue(world: Store) -> None:
    result = result_json(navigate(world, occupation_skills(world, SHOP), REGION), "nl")
    by_uri = {o["uri"]: o for o in result["occupations"]}
    waiter = by_uri["demo:occupation/waiter-waitress"]
    hygiene = next(m for m in waiter["missing_skills"] if m["uri"] == "demo:skill/hygiene")
    assert hygiene["label"] == "hygiëneprocedures volgen"
    # Rotterdam (AM22) courses first: the hygiene course runs in Rotterdam
    assert hygiene["courses"][0]["region_code"] == "AM22"
    assert "Hygiëne" in hygiene["courses"][0]["name"]


def test_transitions_lead_from_the_shrinking_shop_to_growing_occupations(world: Store) -> None:
    result = result_json(navigate(world, occupation_skills(world, SHOP), REGION), "en")
    moves = result["transitions"]
    # origins: shrinking occupations where the person has at least half the essential skills
    assert moves and {t["from"]["uri"] for t in moves} == {SHOP, "demo:occupation/sales-manager"}
    assert all(t["opportunity"]["forecast_direction"] == "growing" for t in moves)
    coverages = [t["coverage"] for t in moves]
    assert coverages == sorted(coverages, reverse=True) and coverages[0] > 0


def test_tension_is_the_published_one_and_hidden_where_the_publication_hides_it(
    world: Store,
) -> None:
    """The navigator shows the published class and ratio of the region's latest month and
    recomputes nothing: a cell whose job seekers the publication hides has no tension (its
    forecast still counts)."""
    regional_tension(world, REGION)  # publishes the indicators of a store without them
    region, period = world.query(
        "SELECT region_code, period FROM published_indicator p WHERE region_level = "
        "'arbeidsmarktregio' AND hidden LIKE '%job_seekers_short%' AND period = (SELECT "
        "max(period) FROM published_indicator q WHERE q.region_code = p.region_code) "
        "ORDER BY region_code LIMIT 1"
    )[0]
    published = {
        str(occupation): (cls, ratio, hidden)
        for occupation, cls, ratio, hidden in world.query(
            "SELECT occupation_id, tension_class, tension_ratio, hidden FROM published_indicator "
            "WHERE region_code = ? AND period = ? AND occupation_id <> 'all'",
            [region, period],
        )
    }
    shown_period, tension = regional_tension(world, region)
    assert shown_period == period
    assert {o: (None if c is None else c.value, r) for o, (c, r) in tension.items()} == {
        o: (cls, ratio) for o, (cls, ratio, _) in published.items()
    }
    hidden = [o for o, (_, _, h) in published.items() if "job_seekers_short" in h.split()]
    _, _, chances = opportunities(world, region)
    assert all(chances[o].tension is None and chances[o].tension_ratio is None for o in hidden)
    assert any(chances[o].prospect is not None for o in hidden)  # the forecast still counts


@pytest.mark.parametrize(
    ("skills", "region", "message"),
    [
        ([], "AM22", "no skills given"),
        (["demo:skill/nope"], "AM22", "unknown skill(s): demo:skill/nope"),
        (["demo:skill/sales"], "AM99", "'AM99' is not an arbeidsmarktregio code"),
    ],
)
def test_bad_navigator_input_says_what_is_wrong(
    world: Store, skills: list[str], region: str, message: str
) -> None:
    with pytest.raises(NavigatorError, match=message.replace("(", r"\(").replace(")", r"\)")):
        navigate(world, skills, region)


def test_course_listing_filters_by_skill_and_region_and_pages(world: Store) -> None:
    everything = list_courses(world, limit=7)
    assert everything.total == 20 and len(everything.items) == 7
    rest = list_courses(world, limit=7, offset=14)
    assert len(rest.items) == 6
    names = [c["name"] for c in everything.items] + [c["name"] for c in rest.items]
    assert names == sorted(names, key=str.lower)[:7] + sorted(names, key=str.lower)[7:]
    welding = list_courses(world, skill="demo:skill/welding")
    assert [c["course_id"] for c in welding.items] == [
        "https://demo.lloradar.example/cursus/tech-lassen"
    ]
    assert welding.items[0]["is_demo"] and welding.items[0]["instances"][0]["region_code"] == "AM32"
    in_amsterdam = list_courses(world, region="AM18", limit=100)
    assert all(
        any(i["region_code"] == "AM18" or i["mode"] == "online" for i in c["instances"])
        for c in in_amsterdam.items
    )
    found = courses_for_skills(world, ["demo:skill/programming"], "AM18")
    assert [c.region_code for c in found["demo:skill/programming"]] == ["AM18"]


def test_a_csv_catalogue_imports_through_the_service(world: Store, tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(
        "id,name,provider,teaches,region,mode\n"
        "x1,Heftruck rijden,Demo,drive a forklift;vliegen,AM22,onsite\n",
        encoding="utf-8",
    )
    report = import_courses(world, str(path), use_skills_engine=False)
    assert report.stored["course_skill"] == 1
    assert report.messages() == [
        f"{path} line 2, field 'teaches[1]': 'vliegen' is not a skill of the taxonomy in this "
        "store; tried identifier, label"
    ]
    found = courses_for_skills(world, ["demo:skill/forklift-driving"])
    assert [c.course_id for c in found["demo:skill/forklift-driving"]] == ["x1"]
    world.execute("DELETE FROM course_skill WHERE course_id = 'x1'")
    world.execute("DELETE FROM course_instance WHERE course_id = 'x1'")
    world.execute("DELETE FROM course WHERE course_id = 'x1'")


def _catalogue_quarantine(store: Store) -> list[tuple[object, ...]]:
    return [
        tuple(r)
        for r in store.query(
            "SELECT q.line, q.field, q.value FROM quarantine q JOIN provenance p "
            "ON p.source_id = q.source_id WHERE p.source LIKE 'course catalogue%' AND p.is_demo"
        )
    ]


def test_the_demo_catalogue_links_every_course_without_esco(world: Store) -> None:
    assert _catalogue_quarantine(world) == []
    linked = world.query("SELECT count(DISTINCT course_id) FROM course_skill")[0][0]
    assert linked == 20
    assert world.query("SELECT count(*) FROM course_skill WHERE skill_id NOT LIKE 'demo:%'") == [
        (0,)
    ]


def test_the_demo_catalogue_links_real_esco_skills_with_the_esco_files(
    shared_data: Path, shared_data_demo_world_file: Path, tmp_path: Path
) -> None:
    # the session's demo world built with the shared data (seed 42)
    copy = copy_world(shared_data_demo_world_file, tmp_path / "esco.duckdb")
    with open_store(str(copy)) as store:
        assert _catalogue_quarantine(store) == []
        rows = store.query(
            "SELECT count(DISTINCT cs.course_id), count(*), min(cs.method), max(cs.method) "
            "FROM course_skill cs JOIN skill s ON s.id = cs.skill_id "
            "WHERE cs.skill_id LIKE 'http://data.europa.eu/esco/skill/%'"
        )
        demo_provenance = store.query(
            "SELECT DISTINCT p.is_demo, p.note FROM course c JOIN provenance p "
            "ON p.source_id = c.source_id"
        )
    assert rows == [(20, 50, "identifier", "identifier")]
    assert demo_provenance == [
        (True, "DEMO catalogue: invented courses and providers, shown as demo data")
    ]


def test_find_skills_by_dutch_or_english_label_in_the_page_language(world: Store) -> None:
    from lloradar.features.navigator.service import SkillMatch, find_skills

    url = world.url
    found = find_skills(world, url, "lassen", "nl")  # 'metaal lassen' and 'klassenmanagement'
    assert found[0] == SkillMatch("demo:skill/welding", "metaal lassen")
    assert [m.uri for m in found] == ["demo:skill/welding", "demo:skill/classroom-management"]
    assert find_skills(world, url, "  WELD ", "en") == [
        SkillMatch("demo:skill/welding", "weld metal")
    ]
    assert [m.uri for m in find_skills(world, url, "klant", "nl")] == [
        "demo:skill/customer-service"
    ]
    assert find_skills(world, url, "x", "nl") == []  # too short to search
    assert find_skills(world, url, "%_", "nl") == []  # LIKE wildcards are not patterns
    assert len(find_skills(world, url, "en", "nl", limit=5)) == 5


def test_chosen_skills_keep_the_order_once_each_and_drop_unknown_uris(world: Store) -> None:
    from lloradar.features.navigator.service import chosen_skills

    chosen = chosen_skills(
        world, ["demo:skill/sales", "no:such", "demo:skill/hygiene", "demo:skill/sales"], "en"
    )
    assert [(c.uri, c.label) for c in chosen] == [
        ("demo:skill/sales", "sell products"),
        ("demo:skill/hygiene", "follow hygiene procedures"),
    ]


def test_passport_navigation_needs_a_citizen_consent_and_a_region(world: Store) -> None:
    from lloradar.domain.account import Purpose, Role
    from lloradar.domain.passport import Preferences
    from lloradar.features.accounts.service import give_consent, register
    from lloradar.features.navigator.service import PassportRefused, passport_navigation
    from lloradar.features.passport.service import SkillClaim, add_skills, set_preferences
    from lloradar.services.audit import entries_for

    person = register(world, "nav-citizen@example.nl", "a long enough password", Role.CITIZEN, "P")
    boss = register(world, "nav-boss@example.nl", "a long enough password", Role.EMPLOYER, "B")
    with pytest.raises(PassportRefused, match="only a citizen"):
        passport_navigation(world, boss, [], REGION)
    with pytest.raises(PassportRefused, match="consent for the purpose 'navigator'"):
        passport_navigation(world, person, [], REGION)
    give_consent(world, person.id, Purpose.PASSPORT)
    give_consent(world, person.id, Purpose.NAVIGATOR)
    with pytest.raises(NavigatorError, match="names no region"):
        passport_navigation(world, person, [], None)
    with pytest.raises(NavigatorError, match="no skills given"):
        passport_navigation(world, person, [], REGION)
    add_skills(world, person.id, [SkillClaim(u) for u in occupation_skills(world, SHOP)])
    set_preferences(world, person.id, Preferences(region_code=REGION))
    result = passport_navigation(world, person, [], None, top=3)
    assert result.region_code == REGION and result.options[0].occupation.uri == SHOP
    assert result.options[0].essential_coverage == 1.0
    # skills sent with the request are added to the passport's
    more = passport_navigation(world, person, ["demo:skill/welding"], "AM05", top=3)
    assert more.region_code == "AM05"
    assert "demo:skill/welding" in {uri for uri, _ in more.skills}
    actions = [e["action"] for e in entries_for(world, person.id)]
    assert actions.count("career navigator: passport used") == 4


def test_the_course_filter_offers_exactly_the_skills_some_course_teaches(world: Store) -> None:
    from lloradar.features.navigator.service import choices

    offered = choices(world)["skills"]
    taught = {str(r[0]) for r in world.query("SELECT DISTINCT skill_id FROM course_skill")}
    assert {uri for uri, _, _ in offered} == taught and len(offered) < 42  # not every skill
    assert all(list_courses(world, skill=uri).total > 0 for uri, _, _ in offered)
    dutch = [nl for _, nl, _ in offered]
    assert dutch == sorted(dutch, key=str.lower) and "metaal lassen" in dutch
