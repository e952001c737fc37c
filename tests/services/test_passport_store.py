"""The passport in the store, on DuckDB and PostgreSQL: consent first, labels from the store,
preferences checked, export/import round trip, the navigator's readers, delete."""

from __future__ import annotations

from datetime import date

import pytest

from lloradar.domain.account import Role
from lloradar.domain.passport import Evidence, Level, Preferences
from lloradar.features.accounts.service import delete_account, give_consent, register
from lloradar.features.passport.cv import search_skills
from lloradar.features.passport.service import (
    ConsentRequired,
    NotYourPassport,
    PassportError,
    SkillClaim,
    add_skills,
    delete_passport,
    export_open_badges,
    export_plain,
    import_document,
    passport_by_id,
    passport_region,
    passport_skill_uris,
    read_passport,
    remove_skill,
    set_preferences,
)
from lloradar.store import Store

ESCO = "http://data.europa.eu/esco/skill/"
WELD, NURSE, EXCEL = ESCO + "weld", ESCO + "nurse", ESCO + "excel"
OCCUPATION = "http://data.europa.eu/esco/occupation/welder"


@pytest.fixture
def store(any_store: Store) -> Store:
    any_store.upsert(
        "skill",
        ["id", "label_en", "label_nl", "skill_type", "source_id"],
        [
            (WELD, "join metals", "metalen verbinden", "skill/competence", "t"),
            (NURSE, "apply nursing care", None, "skill/competence", "t"),
            (EXCEL, "use spreadsheets software", "spreadsheets gebruiken", "skill/competence", "t"),
        ],
        ["id"],
    )
    any_store.upsert(
        "region",
        ["code", "name", "level", "source_id"],
        [("AM05", "Twente", "arbeidsmarktregio", "t"), ("GM0153", "Enschede", "gemeente", "t")],
        ["code"],
    )
    any_store.upsert(
        "occupation", ["id", "label_en", "source_id"], [(OCCUPATION, "welder", "t")], ["id"]
    )
    return any_store


def _citizen(store: Store, email: str = "p@example.nl", consent: bool = True) -> str:
    account = register(store, email, "een lang wachtwoord", Role.CITIZEN, "")
    if consent:
        give_consent(store, account.id, "passport")
    return account.id


def test_nothing_is_stored_before_consent(store: Store) -> None:
    owner = _citizen(store, consent=False)
    with pytest.raises(ConsentRequired):
        add_skills(store, owner, [SkillClaim(WELD)])
    with pytest.raises(ConsentRequired):
        set_preferences(store, owner, Preferences("AM05"))
    assert store.query("SELECT count(*) FROM passport_skill")[0][0] == 0


def test_skills_get_the_stores_labels_and_are_read_back_in_label_order(store: Store) -> None:
    owner = _citizen(store)
    add_skills(
        store,
        owner,
        [
            SkillClaim(WELD, Evidence.DIPLOMA, Level.ADVANCED, date(2018, 7, 1), "MBO niveau 2"),
            SkillClaim(EXCEL),
        ],
    )
    passport = read_passport(store, owner)
    assert [(s.label, s.label_nl) for s in passport.skills] == [
        ("join metals", "metalen verbinden"),
        ("use spreadsheets software", "spreadsheets gebruiken"),
    ]
    weld = passport.skills[0]
    assert (weld.evidence, weld.level, weld.acquired_on, weld.note) == (
        Evidence.DIPLOMA,
        Level.ADVANCED,
        date(2018, 7, 1),
        "MBO niveau 2",
    )
    add_skills(store, owner, [SkillClaim(WELD, Evidence.VALIDATED, Level.EXPERT)])
    assert read_passport(store, owner).skills[0].evidence == Evidence.VALIDATED
    remove_skill(store, owner, EXCEL)
    assert passport_skill_uris(store, owner) == [WELD]


def test_bad_claims_are_refused_whole(store: Store) -> None:
    owner = _citizen(store)
    with pytest.raises(PassportError, match="unknown ESCO skill"):
        add_skills(store, owner, [SkillClaim(WELD), SkillClaim(ESCO + "nope")])
    with pytest.raises(PassportError, match="lies in the future"):
        add_skills(store, owner, [SkillClaim(WELD, acquired_on=date(2999, 1, 1))])
    with pytest.raises(PassportError, match="'GM0153' is not an arbeidsmarktregio code"):
        set_preferences(store, owner, Preferences("GM0153"))
    with pytest.raises(PassportError, match="hours per week: 90"):
        set_preferences(store, owner, Preferences("AM05", 90))
    assert read_passport(store, owner).skills == ()


def test_preferences_and_the_navigator_readers(store: Store) -> None:
    owner = _citizen(store)
    assert passport_region(store, owner) is None
    set_preferences(store, owner, Preferences("AM05", 32, (OCCUPATION, OCCUPATION)))
    assert passport_region(store, owner) == "AM05"
    assert read_passport(store, owner).preferences == Preferences("AM05", 32, (OCCUPATION,))


def test_only_the_owner_reads_by_id(store: Store) -> None:
    from lloradar.features.accounts.service import get_account

    anna, bert = _citizen(store, "a@example.nl"), _citizen(store, "b@example.nl")
    add_skills(store, bert, [SkillClaim(NURSE)])
    anna_account = get_account(store, anna)
    assert anna_account is not None
    with pytest.raises(NotYourPassport):
        passport_by_id(store, anna_account, bert)
    assert passport_by_id(store, anna_account, anna).skills == ()


def test_exports_round_trip_on_both_engines(store: Store) -> None:
    owner = _citizen(store)
    add_skills(
        store, owner, [SkillClaim(WELD, Evidence.CERTIFICATE, Level.BASIC, date(2020, 2, 29))]
    )
    set_preferences(store, owner, Preferences("AM05", 24, (OCCUPATION,)))
    before = read_passport(store, owner)
    plain, badges = export_plain(store, owner), export_open_badges(store, owner)
    delete_passport(store, owner)
    assert import_document(store, owner, badges).skills == 1
    assert read_passport(store, owner).skills == before.skills
    delete_passport(store, owner)
    report = import_document(store, owner, plain)
    assert report.preferences and read_passport(store, owner) == before


def test_search_finds_english_and_dutch_labels(store: Store) -> None:
    assert [s.uri for s in search_skills(store, "METALEN")] == [WELD]
    assert [s.uri for s in search_skills(store, "spreadsheet")] == [EXCEL]
    assert search_skills(store, "x") == []


def test_delete_account_removes_the_passport(store: Store) -> None:
    owner = _citizen(store)
    add_skills(store, owner, [SkillClaim(WELD)])
    set_preferences(store, owner, Preferences("AM05", 40, (OCCUPATION,)))
    delete_account(store, owner)
    for table in ("passport", "passport_skill", "passport_occupation", "consent", "account"):
        assert store.query(f"SELECT count(*) FROM {table}")[0][0] == 0
