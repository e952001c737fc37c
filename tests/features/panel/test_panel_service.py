"""The citizen panel end to end on a store: members under pseudonyms (residents and an
intervention's participants as a group), invitations in the outbox, consent per wave, refused
answers (closed wave, no consent), results without any group under 10, and the CBS export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from demo_worlds import copy_world
from lloradar.demo.panel import build_demo_panel
from lloradar.domain.intervention import pseudonymise
from lloradar.features.interventions.service import import_interventions, import_participants
from lloradar.features.panel.invitations import invite, send_outbox
from lloradar.features.panel.results import linkage_export, response_report, wave_results
from lloradar.features.panel.service import (
    ConsentRequired,
    PanelError,
    WaveClosed,
    add_members,
    close_wave,
    give_consent,
    invitation,
    load_wave,
    submit_answers,
    withdraw,
)
from lloradar.store import Store, open_store

REPO = Path(__file__).resolve().parents[3]
KEY = "lloradar-demo-participants-not-secret"  # the demo build's key: its figures
WAVE = b"""wave: t1
version: 1
title: {nl: "Testronde", en: "Test wave"}
opens: 2026-01-01
closes: 2026-06-30
questions:
  - id: participation
    type: choice
    text: {nl: "Wat doet u?", en: "What do you do?"}
    options: [werk, anders]
  - id: wellbeing
    type: scale
    text: {nl: "Tevreden?", en: "Satisfied?"}
"""
OPEN_DAY = date(2026, 2, 1)


@pytest.fixture(scope="module")
def panel_world(tmp_path_factory: pytest.TempPathFactory, migrated_duckdb_file: Path) -> Path:
    """A store with the example interventions and the demo panel, built once for the module."""
    path = copy_world(migrated_duckdb_file, tmp_path_factory.mktemp("panel") / "panel.duckdb")
    with open_store(str(path)) as store:
        examples = REPO / "examples" / "interventions"
        import_interventions(store, examples / "register.yaml", is_demo=True)
        import_participants(store, examples / "participants.csv", KEY, is_demo=True)
        build_demo_panel(store, 42, KEY, REPO)
    return path


@pytest.fixture
def store(panel_world: Path, tmp_path: Path) -> Iterator[Store]:
    with open_store(str(copy_world(panel_world, tmp_path / "p.duckdb"))) as opened:
        yield opened


def members_csv(rows: list[tuple[str, str]]) -> bytes:
    return ("id,email\n" + "".join(f"{i},{e}\n" for i, e in rows)).encode()


def invited_token(store: Store, raw_id: str) -> str:
    """The personal link of a member, read from their mail in the outbox (as they would)."""
    pseudonym = pseudonymise(raw_id, KEY.encode())
    body = store.query(
        "SELECT body FROM panel_outbox WHERE wave_id = 't1' AND pseudonym = ?", [pseudonym]
    )[0][0]
    return str(body).split("/panel/", 1)[1].split()[0]


def test_members_are_stored_under_pseudonyms_and_a_group_needs_real_participants(
    store: Store,
) -> None:
    report = add_members(
        store,
        members_csv([("ZT-0001", "a@example.org"), ("NIET-DEELNEMER", "b@example.org")]),
        "group.csv",
        KEY,
        intervention_id="demo-twente-zorg",
    )
    assert report.added == 1
    assert [(q.line, q.field, q.reason) for q in report.quarantined] == [
        (3, "id", "is not a participant of intervention demo-twente-zorg")
    ]
    rows = store.query(
        "SELECT pseudonym, group_name FROM panel_member WHERE pseudonym = ?",
        [pseudonymise("ZT-0001", KEY.encode())],
    )
    assert rows == [(pseudonymise("ZT-0001", KEY.encode()), "interventie:demo-twente-zorg")]
    assert not store.query("SELECT 1 FROM panel_member WHERE pseudonym LIKE '%ZT-0001%'")


def test_an_answer_without_consent_or_for_a_closed_wave_is_refused(store: Store) -> None:
    load_wave(store, WAVE, "t1.yaml")
    add_members(store, members_csv([("r1", "r1@example.org")]), "m.csv", KEY)
    assert invite(store, "t1", "https://radar.example", today=OPEN_DAY) > 0
    token = invited_token(store, "r1")
    invited = invitation(store, token)
    assert invited is not None and not invited.consented
    with pytest.raises(ConsentRequired, match="no consent for wave 't1'"):
        submit_answers(store, invited, {"participation": "werk"}, OPEN_DAY)
    with pytest.raises(WaveClosed):
        give_consent(store, invited, date(2026, 7, 1))
    give_consent(store, invited, OPEN_DAY)
    invited = invitation(store, token)
    assert invited is not None
    with pytest.raises(PanelError, match="'zwemmen' is not one of werk, anders"):
        submit_answers(store, invited, {"participation": "zwemmen"}, OPEN_DAY)
    assert submit_answers(store, invited, {"participation": "werk", "wellbeing": "8"}, OPEN_DAY)
    stored = store.query(
        "SELECT pseudonym, question_id, value FROM panel_answer WHERE wave_id='t1'"
    )
    assert sorted(stored) == [
        (invited.pseudonym, "participation", "werk"),
        (invited.pseudonym, "wellbeing", "8"),
    ]
    assert withdraw(store, "r1", KEY)
    assert invitation(store, token) is None  # a member who left: the link takes no answers
    assert store.query("SELECT count(*) FROM panel_answer WHERE wave_id = 't1'")[0][0] == 2
    add_members(store, members_csv([("r1", "r1@example.org")]), "m.csv", KEY)
    close_wave(store, "t1")
    invited = invitation(store, token)
    assert invited is not None
    with pytest.raises(WaveClosed, match="not open"):
        submit_answers(store, invited, {"participation": "anders"}, OPEN_DAY)


def test_a_changed_definition_with_answers_needs_a_new_version(store: Store) -> None:
    changed = (REPO / "examples" / "panel" / "wave-2026-voorjaar.yaml").read_bytes()
    changed = changed.replace(b"max: 80", b"max: 60")
    with pytest.raises(Exception, match="needs version 2 or higher"):
        load_wave(store, changed, "voorjaar.yaml")
    assert load_wave(store, changed.replace(b"version: 1", b"version: 2"), "v2.yaml").version == 2


def test_invitations_go_to_the_outbox_and_a_sent_mail_keeps_no_link(store: Store) -> None:
    load_wave(store, WAVE, "t1.yaml")
    count = invite(store, "t1", "https://radar.example", group="bewoners", today=OPEN_DAY)
    assert count == 160  # the demo's residents; the intervention group is invited separately
    assert invite(store, "t1", "https://radar.example", group="bewoners", today=OPEN_DAY) == 0
    sent: list[tuple[str, str]] = []
    done, failures = send_outbox(store, lambda to, subject, body, mid: sent.append((to, body)))
    assert done == 160 and failures == []
    assert all("https://radar.example/panel/" in body for _, body in sent)
    assert (
        store.query("SELECT count(*) FROM panel_outbox WHERE wave_id = 't1' AND body <> ''")[0][0]
        == 0
    )
    hashes = {str(r[0]) for r in store.query("SELECT token_hash FROM panel_invitation")}
    assert not any(body.split("/panel/")[1].split()[0] in hashes for _, body in sent)


def test_demo_panel_response_attrition_and_results_show_no_group_under_ten(store: Store) -> None:
    first, second = response_report(store)
    assert (first.wave_id, first.invited, first.responded) == ("2026-voorjaar", 224, 160)
    assert first.response_rate == pytest.approx(71.4)
    assert (second.previous_respondents, second.retained) == (160, 117)
    assert second.attrition_rate == pytest.approx(26.9)
    results = wave_results(store, "2026-voorjaar")
    assert results is not None and results.is_demo
    assert results.populations == {"all": 160, "bewoners": 114, "interventie:demo-twente-zorg": 46}
    for rows in results.results.values():
        for r in rows:
            assert r.respondents is None or r.respondents >= 10
            assert all(c is None or c >= 10 for c in r.counts.values())
    # a group of nine answers to a new wave: the group is never shown
    load_wave(store, WAVE, "t1.yaml")
    invite(store, "t1", "https://radar.example", today=OPEN_DAY)
    nine = [
        p
        for p, g in store.query("SELECT pseudonym, group_name FROM panel_member")
        if g != "bewoners"
    ][:9]
    for pseudonym in nine:
        token = (
            store.query(
                "SELECT body FROM panel_outbox WHERE wave_id='t1' AND pseudonym=?", [pseudonym]
            )[0][0]
            .split("/panel/", 1)[1]
            .split()[0]
        )
        invited = invitation(store, token)
        assert invited is not None
        give_consent(store, invited, OPEN_DAY)
        submit_answers(store, invitation(store, token), {"wellbeing": "3"}, OPEN_DAY)  # type: ignore[arg-type]
    small = wave_results(store, "t1")
    assert small is not None
    assert small.populations == {"all": None, "interventie:demo-twente-zorg": None}
    assert small.results == {}


def test_the_linkage_export_has_a_key_file_answers_and_a_codebook(store: Store) -> None:
    files = linkage_export(store, "export-secret-0123456789")
    keys = list(csv.DictReader(io.StringIO(files.keyfile), delimiter=";"))
    answers = list(csv.DictReader(io.StringIO(files.answers), delimiter=";"))
    codebook = list(csv.DictReader(io.StringIO(files.codebook), delimiter=";"))
    assert files.respondents == len(keys) > 0
    assert all(k["study_key"].startswith("k-") and k["pseudonym"].startswith("p-") for k in keys)
    assert {a["study_key"] for a in answers} == {k["study_key"] for k in keys}
    assert len(answers) == 281  # one row per member x wave answered
    assert {c["variable"] for c in codebook} == {
        "participation",
        "hours",
        "wellbeing",
        "skills_used",
        "training",
    }
    assert not any("@" in text for text in (files.keyfile, files.answers, files.codebook))
    other = linkage_export(store, "another-secret-0123456789")
    assert not set(other.keyfile.split()) & set(files.keyfile.split()[1:])
    with pytest.raises(PanelError, match="16 characters"):
        linkage_export(store, "short")


def test_a_wave_runs_the_same_on_both_stores(any_store: Store) -> None:
    """Load, members, invitation, consent, answers and results on DuckDB and PostgreSQL."""
    load_wave(any_store, WAVE, "t1.yaml")
    rows = [(f"m{n}", f"m{n}@example.org") for n in range(12)]
    assert add_members(any_store, members_csv(rows), "m.csv", KEY).added == 12
    assert invite(any_store, "t1", "https://radar.example", today=OPEN_DAY) == 12
    bodies = any_store.query("SELECT body FROM panel_outbox ORDER BY pseudonym")
    for (body,) in bodies:
        invited = invitation(any_store, str(body).split("/panel/", 1)[1].split()[0])
        assert invited is not None
        give_consent(any_store, invited, OPEN_DAY)
        again = invitation(any_store, str(body).split("/panel/", 1)[1].split()[0])
        assert again is not None and again.consented
        submit_answers(any_store, again, {"participation": "werk", "wellbeing": "7"}, OPEN_DAY)
    (response,) = response_report(any_store)
    assert (response.invited, response.responded) == (12, None)  # 12 of 12: the 0 others
    results = wave_results(any_store, "t1")
    assert results is not None and results.populations["all"] == 12
    wellbeing = results.results["all"][1]
    assert (wellbeing.respondents, wellbeing.mean, wellbeing.median) == (12, 7.0, 7.0)
    # all twelve chose 'werk': shown, it would tell that nobody chose 'anders' (a 0)
    assert results.results["all"][0].counts == {"werk": None, "anders": None}
