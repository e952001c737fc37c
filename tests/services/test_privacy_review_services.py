"""Findings of the privacy review of the citizen and employer features, one test per fix:
delete_account completeness (team members and ledger, a process that never imported the tasks
module, a member's pseudonym in ledgers), login timing, registration enumeration, webhook SSRF,
no e-mail address in delivery errors, audited alert event reads."""

from __future__ import annotations

import io
import os
import smtplib
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

import tasks_world
from alerts_world import OCCUPATION, REGION, build_market, consenting_account
from lloradar.config import get_settings
from lloradar.domain.account import Account, Role
from lloradar.domain.alerts import AlertError
from lloradar.domain.tasks import TaskRating
from lloradar.features.accounts import service as accounts
from lloradar.features.accounts.service import (
    AccountError,
    LoginFailed,
    TooManyAttempts,
    delete_account,
    login,
    register,
)
from lloradar.features.alerts import service as alerts
from lloradar.features.alerts.delivery import dispatch
from lloradar.features.alerts.delivery.email import send_email
from lloradar.features.alerts.delivery.webhook import (
    DeliveryFailed,
    PublicOnlyTransport,
    post_webhook,
)
from lloradar.features.tasks import service as tasks
from lloradar.services import audit
from lloradar.sources import cv_document
from lloradar.store import Store, open_store

PASSWORD = "een lang wachtwoord"
JUGGLE_TASK = "skill:http://data.europa.eu/esco/skill/juggle"
ROOT = Path(__file__).resolve().parents[2]


def _occupation(store: Store) -> None:
    """One occupation whose tasks are its essential skill (no O*NET link needed)."""
    store.execute(
        "INSERT INTO provenance (source_id, source, source_table, url, retrieved_at, licence, "
        "checksum, note, is_demo) VALUES ('t', 't', 't', 't', '2025-01-01', 't', 't', '', false)"
    )
    store.execute(
        "INSERT INTO occupation (id, label_en, label_nl, isco_code, source_id) "
        "VALUES (?, 'juggler', 'jongleur', NULL, 't')",
        (tasks_world.JUGGLER,),
    )
    store.execute(
        "INSERT INTO skill (id, label_en, label_nl, skill_type, source_id) "
        "VALUES ('http://data.europa.eu/esco/skill/juggle', 'juggle', 'jongleren', 'skill', 't')"
    )
    store.execute(
        "INSERT INTO occupation_skill VALUES (?, 'http://data.europa.eu/esco/skill/juggle', "
        "'essential', 't')",
        (tasks_world.JUGGLER,),
    )


def _person(role: Role = Role.CITIZEN) -> Account:
    name = uuid.uuid4().hex[:8]
    return Account(id=str(uuid.uuid4()), email=f"{name}@example.nl", role=role, name=name)


def _team(store: Store, boss: Account, n: int) -> tuple[str, list[Account]]:
    code = tasks.create_team(store, boss, "Circus")
    members = []
    for i in range(n):
        person = _person()
        tasks.give_consent(store, person)
        tasks.join_team(store, person, code, consent=True)
        tasks.save_ratings(
            store, person, tasks_world.JUGGLER, [TaskRating(JUGGLE_TASK, True, 3, 4, 2 + i % 3)]
        )
        members.append(person)
    return code, members


def _count(store: Store, sql: str, *params: object) -> int:
    return int(store.query(sql, params)[0][0])


def test_an_employer_deleting_takes_the_team_members_and_ledger_along(any_store: Store) -> None:
    _occupation(any_store)
    boss = _person(Role.EMPLOYER)
    code, members = _team(any_store, boss, 10)
    assert tasks.team_report(any_store, boss, code).view.refused is None  # writes the ledger
    assert _count(any_store, "SELECT count(*) FROM task_team_ledger WHERE team_code = ?", code)

    delete_account(any_store, boss.id)

    for table in ("task_team_member", "task_team_ledger"):
        assert _count(any_store, f"SELECT count(*) FROM {table} WHERE team_code = ?", code) == 0
    # the members' own ratings stay theirs
    assert _count(any_store, "SELECT count(*) FROM task_rating") == len(members)


def test_a_member_deleting_leaves_no_pseudonym_in_a_ledger_which_still_refuses_differencing(
    any_store: Store,
) -> None:
    _occupation(any_store)
    boss = _person(Role.EMPLOYER)
    code, members = _team(any_store, boss, 11)
    assert tasks.team_report(any_store, boss, code).view.members == 11
    gone = members[0]
    hashed = tasks._member_pseudonym(code, gone.id)
    assert hashed in str(any_store.query("SELECT members FROM task_team_ledger")[0][0])

    delete_account(any_store, gone.id)

    ledger = " ".join(str(r[0]) for r in any_store.query("SELECT members FROM task_team_ledger"))
    assert hashed not in ledger and "deleted:" in ledger
    # 10 left, 1 fewer than the shown view: that view minus this one is the deleted person
    assert tasks.team_report(any_store, boss, code).view.refused == "differencing"


def test_delete_in_a_process_that_never_imported_the_tasks_module(tmp_path: Path) -> None:
    """A CLI or worker process that imported only the accounts service still deletes the
    team's members and ledger (keyed by the team code, not by the account id)."""
    path = tmp_path / "fresh.duckdb"
    open_store(str(path)).close()  # migrations
    script = textwrap.dedent(
        f"""
        import sys
        from lloradar.store import open_store
        from lloradar.features.accounts import service as accounts
        assert "lloradar.features.tasks.service" not in sys.modules
        store = open_store({str(path)!r})
        store.execute("INSERT INTO task_team VALUES ('ABCD1234', 'boss', 'x', '2026-01-01')")
        store.execute("INSERT INTO task_team_member VALUES ('ABCD1234', 'm1', '2026-01-01')")
        store.execute(
            "INSERT INTO task_team_ledger VALUES ('ABCD1234', 'k', 'a\\nb', '2026-01-01')"
        )
        accounts.delete_account(store, "boss")
        for table in ("task_team", "task_team_member", "task_team_ledger"):
            print(table, store.query(f"SELECT count(*) FROM {{table}}")[0][0])
        store.close()
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "task_team",
        "0",
        "task_team_member",
        "0",
        "task_team_ledger",
        "0",
    ]


def test_an_unknown_email_costs_a_password_check_too(
    duck: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Timing: an unknown address must not answer faster than a wrong password."""
    checked: list[str] = []
    real = accounts._verify

    def spy(encoded: str, password: str) -> bool:
        checked.append(encoded)
        return real(encoded, password)

    monkeypatch.setattr(accounts, "_verify", spy)
    with pytest.raises(LoginFailed) as unknown:
        login(duck, "nobody@example.nl", PASSWORD, "c")
    assert checked == [accounts._DUMMY_HASH]
    register(duck, "known@example.nl", PASSWORD, Role.CITIZEN, "")
    with pytest.raises(LoginFailed) as wrong:
        login(duck, "known@example.nl", "not the password", "c")
    assert len(checked) == 2 and str(unknown.value) == str(wrong.value)


def test_registration_does_not_echo_the_address_and_is_rate_limited(duck: Store) -> None:
    register(duck, "taken@example.nl", PASSWORD, Role.CITIZEN, "")
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(AccountError) as exists:
            register(duck, "taken@example.nl", PASSWORD, Role.CITIZEN, "", client="1.2.3.4")
        assert "taken@example.nl" not in str(exists.value) + exists.value.nl
        assert not isinstance(exists.value, TooManyAttempts)
    # the sixth probe from this client is refused before the address is even looked up
    with pytest.raises(TooManyAttempts):
        register(duck, "other@example.nl", PASSWORD, Role.CITIZEN, "", client="1.2.3.4")
    assert register(duck, "new@example.nl", PASSWORD, Role.CITIZEN, "", client="5.6.7.8")
    assert _count(duck, "SELECT count(*) FROM account") == 2


@pytest.mark.parametrize(
    "url",
    [
        "http://127.1/hook",
        "http://2130706433/hook",
        "http://0x7f000001/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://10.1/hook",
    ],
)
def test_webhooks_to_legacy_forms_of_internal_addresses_are_refused(duck: Store, url: str) -> None:
    build_market(duck)
    owner = consenting_account(duck)
    with pytest.raises(AlertError, match="private network"):
        alerts.subscribe(
            duck,
            owner,
            "tension_class",
            region_code=REGION,
            occupation_id=OCCUPATION,
            channel="webhook",
            target=url,
        )


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/hook", "http://localhost:9/hook"])
def test_delivery_refuses_a_host_that_resolves_to_a_private_address(url: str) -> None:
    with (
        httpx.Client(transport=PublicOnlyTransport()) as client,
        pytest.raises(DeliveryFailed, match="private or local address"),
    ):
        post_webhook(client, url, "secret", "e1", {"a": 1}, 0)


def test_real_deliveries_use_the_public_only_transport(
    duck: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[Any] = []
    real_client = httpx.Client

    def capture(*args: Any, **kwargs: Any) -> httpx.Client:
        used.append(kwargs.get("transport"))
        return real_client(*args, **kwargs)

    monkeypatch.setattr(dispatch.httpx, "Client", capture)
    dispatch.run_configured(duck, get_settings())
    assert len(used) == 1 and isinstance(used[0], PublicOnlyTransport)


def test_a_refused_recipient_is_not_named_in_the_delivery_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recipient = "Anna.de.Vries@example.nl"

    class Refusing:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def __enter__(self) -> Refusing:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def ehlo(self) -> None:
            return None

        def has_extn(self, name: str) -> bool:  # no STARTTLS offered
            return False

        def send_message(self, message: object) -> None:
            raise smtplib.SMTPRecipientsRefused(
                {recipient.lower(): (550, b"5.1.1 <anna.de.vries@example.nl> unknown")}
            )

    monkeypatch.setattr(smtplib, "SMTP", Refusing)
    with pytest.raises(DeliveryFailed) as failed:
        send_email("smtp.local", 25, "radar@example.nl", recipient, "s", "b", "id1")
    assert "anna.de.vries" not in str(failed.value).lower()
    assert "<recipient>" in str(failed.value)


def test_reading_alert_events_is_audited(duck: Store) -> None:
    build_market(duck)
    owner = consenting_account(duck)
    alerts.events_for(duck, owner)
    assert "alert events read" in [e["action"] for e in audit.entries_for(duck, owner)]


def test_only_the_first_pages_of_a_long_pdf_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """5 MB of PDF can hold thousands of empty pages; extracting them all ties up a worker."""
    from pypdf import PageObject, PdfWriter

    writer = PdfWriter()
    for _ in range(cv_document.MAX_PAGES + 60):
        writer.add_blank_page(72, 72)
    out = io.BytesIO()
    writer.write(out)
    read: list[int] = []
    real = PageObject.extract_text

    def counting(self: PageObject, *args: Any, **kwargs: Any) -> str:
        read.append(1)
        return str(real(self, *args, **kwargs))

    monkeypatch.setattr(PageObject, "extract_text", counting)
    with pytest.raises(cv_document.CvDocumentError, match="no text"):
        cv_document.cv_text("cv.pdf", out.getvalue())
    assert len(read) == cv_document.MAX_PAGES


def test_reading_a_workers_teams_and_last_rated_occupation_is_audited(any_store: Store) -> None:
    _occupation(any_store)
    boss = _person(Role.EMPLOYER)
    code, (worker,) = _team(any_store, boss, 1)

    def actions() -> list[str]:
        return [e["action"] for e in audit.entries_for(any_store, worker.id)]

    before = actions()
    assert [t["code"] for t in tasks.my_teams(any_store, worker)] == [code]
    assert tasks.my_occupation(any_store, worker) == tasks_world.JUGGLER
    after = actions()
    assert after.count("task teams read") == before.count("task teams read") + 1
    assert after.count("task ratings read") == before.count("task ratings read") + 1


def test_a_registration_race_answers_without_the_databases_error_text(
    any_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two registrations of one address at once: the second passes the check, the unique key
    stops it, and the database error (which quotes the address) must not surface or chain."""
    register(any_store, "race@example.nl", PASSWORD, Role.CITIZEN, "")
    checks = iter([False])  # the first check misses the other registration, later ones see it
    real = accounts._email_taken

    def taken(store: Store, email: str) -> bool:
        first = next(checks, None)
        return real(store, email) if first is None else first

    monkeypatch.setattr(accounts, "_email_taken", taken)
    with pytest.raises(AccountError) as raced:
        register(any_store, "race@example.nl", PASSWORD, Role.CITIZEN, "")
    assert "already an account" in str(raced.value)
    assert raced.value.__cause__ is None and raced.value.__suppress_context__
    assert _count(any_store, "SELECT count(*) FROM account") == 1


def test_team_codes_cannot_be_found_by_trying(any_store: Store) -> None:
    boss, worker = _person(Role.EMPLOYER), _person()
    code = tasks.create_team(any_store, boss, "Geheim")
    assert len(code) == 12  # 48 bits
    for attempt in range(accounts.MAX_FAILURES):
        with pytest.raises(tasks.TasksError, match="no team"):
            tasks.join_team(any_store, worker, f"{attempt:012X}", consent=True)
    with pytest.raises(tasks.TooManyJoins, match="Too many unknown team codes"):
        tasks.join_team(any_store, worker, code, consent=True)  # even the right one, for now
    assert _count(any_store, "SELECT count(*) FROM task_team_member") == 0
    assert tasks.join_team(any_store, _person(), code, consent=True) == "Geheim"  # others can
    delete_account(any_store, worker.id)  # the counted tries go with the account
    assert (
        _count(any_store, "SELECT count(*) FROM login_attempt WHERE attempt_key LIKE 'team%'") == 0
    )
