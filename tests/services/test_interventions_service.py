"""The intervention services on both stores: register, progress, portfolio, export, ledger."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lloradar.domain.account import Account, Role
from lloradar.features.interventions.factsheets import intervention_sources, portfolio_factsheet
from lloradar.features.interventions.forms import FormProblem, check_form, form_values, save_form
from lloradar.features.interventions.service import (
    get_intervention,
    import_interventions,
    import_participants,
    list_interventions,
    portfolio_csv,
    portfolio_report,
    progress_csv,
    progress_report,
    release_progress,
    save_intervention,
    validate_intervention,
)
from lloradar.pipeline.regions import load_builtin_regions
from lloradar.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "interventions"
AS_OF = date(2026, 6, 30)


def load(store: Store) -> None:
    load_builtin_regions(store)
    import_interventions(store, EXAMPLES / "register.yaml", is_demo=True)
    import_interventions(store, EXAMPLES / "register.csv", is_demo=True)
    import_participants(store, EXAMPLES / "participants.csv", "service-key", is_demo=True)
    release_progress(store, AS_OF, released_by="tests")


def test_register_progress_and_a_later_overlapping_portfolio(any_store: Store) -> None:
    load(any_store)
    assert [i.id for i in list_interventions(any_store, region="AM05", theme="zorg")] == [
        "demo-twente-taal",
        "demo-twente-zorg",
    ]
    zorg = get_intervention(any_store, "demo-twente-zorg")
    assert zorg is not None and zorg.funders[1].name == "SLIM-regeling"
    assert get_intervention(any_store, "nope") is None
    report = progress_report(any_store, "demo-twente-zorg", as_of=AS_OF)
    assert report is not None and report.is_demo
    assert [k.current.value for k in report.kpis][:2] == [64, 44]
    assert report.outflow.baseline_pct is None  # no labour-market data in this store
    assert progress_csv(report).splitlines()[1].startswith("demo-twente-zorg,participants,")
    # The zorg theme (64 + 6 people of the language project) would differ by 6 people from
    # the 64 published above, so it is withheld; techniek and the total stay.
    portfolio = portfolio_report(any_store, region="AM05", as_of=AS_OF)
    rows = {r.group: r.participants for r in portfolio.rows}
    assert rows == {"techniek": 27, "zorg": None}
    assert portfolio.total.participants == 97
    assert portfolio_csv(portfolio).splitlines()[2].startswith("zorg,2,500000.0,x,")
    again = progress_report(any_store, "demo-twente-zorg", as_of=AS_OF)
    assert again is not None and [k.current for k in again.kpis] == [k.current for k in report.kpis]


def test_form_entry_is_validated_and_saved(duck: Store) -> None:
    load_builtin_regions(duck)
    form = {
        "id": "form-1",
        "name": "Form project",
        "region": "AM99",
        "theme": "zorg",
        "status": "running",
        "start_date": "2025-02-01",
        "kpis": "participants=20@2025-12-31",
    }
    record, problems = validate_intervention(duck, form)
    assert record is None
    assert problems == ["field 'region': 'AM99' is not a known region code (expected e.g. AM05)"]
    record, problems = validate_intervention(duck, {**form, "region": "AM05"})
    assert record is not None and problems == []
    save_intervention(duck, record, editor="analyst@example.org")
    saved = get_intervention(duck, "form-1")
    assert saved is not None and saved.kpis == record.kpis
    notes = duck.query("SELECT note FROM provenance WHERE url = 'form:form-1'")
    assert notes == [("entered by analyst@example.org",)]


def test_factsheet_sources_and_portfolio_on_both_stores(any_store: Store) -> None:
    load(any_store)
    sources = intervention_sources(any_store, ["demo-twente-zorg"], ["AM05"])
    assert sorted({s.table for s in sources}) == ["intervention", "participant"]
    assert all(s.is_demo for s in sources)  # no labour-market data in this store
    assert portfolio_factsheet(any_store, "AM99", as_of=AS_OF) is None
    sheet = portfolio_factsheet(any_store, "AM05", as_of=AS_OF, lang="nl")
    assert sheet is not None and sheet.is_demo
    assert [r.intervention.id for r in sheet.progress] == [
        "demo-twente-taal",
        "demo-twente-techniek",
        "demo-twente-zorg",
    ]
    # The release publishes every intervention first (zorg project: 64), so the zorg theme (70,
    # which would reveal the language project's 6) is withheld, and so are those 6 (under 10).
    assert {r.group: r.participants for r in sheet.portfolio.rows} == {"techniek": 27, "zorg": None}
    participants = {r.intervention.id: r.kpis[0].current.value for r in sheet.progress}
    assert participants == {
        "demo-twente-taal": None,
        "demo-twente-techniek": 27,
        "demo-twente-zorg": 64,
    }


def test_form_check_and_save_with_an_audit_line_on_both_stores(any_store: Store) -> None:
    load(any_store)
    account = Account("acc-1", "analyst@example.org", Role.ANALYST, "Analyst")
    values = {
        "id": ["form-2"],
        "name": ["Form project"],
        "region": ["AM05"],
        "theme": ["zorg"],
        "status": ["running"],
        "start_date": ["2025-02-01"],
        "kpi_measure": ["participants", ""],
        "kpi_target": ["20", ""],
        "kpi_date": ["2025-12-31", ""],
        "funder_name": ["ESF+"],
        "funder_amount": ["1000"],
    }
    record, problems = check_form(any_store, {**values, "id": ["demo-twente-zorg"]})
    assert record is None
    assert problems == [FormProblem("id", "demo-twente-zorg", "is already in the register")]
    record, problems = check_form(any_store, values)
    assert record is not None and problems == []
    save_form(any_store, record, account, created=True)
    again = get_intervention(any_store, "form-2")
    assert again is not None and again.funders[0].amount_eur == 1000.0
    assert form_values(again)["kpis"] == [("participants", "20", "2025-12-31")]
    edited, _ = check_form(any_store, {**values, "name": ["Renamed"]}, editing="form-2")
    assert edited is not None
    save_form(any_store, edited, account, created=False)
    log = sorted(r[0] for r in any_store.query("SELECT action FROM audit_log"))
    assert log == ["intervention created: form-2", "intervention updated: form-2"]
    notes = any_store.query("SELECT note FROM provenance WHERE url = 'form:form-2'")
    assert notes and all("analyst@example.org" not in str(n[0]) for n in notes)
