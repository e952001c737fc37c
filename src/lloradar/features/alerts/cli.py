"""`lloradar alerts`: evaluate the subscriptions against the data and deliver the events."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from lloradar.cli.common import console, errors, store_from_settings
from lloradar.config import get_settings
from lloradar.features.alerts.delivery.dispatch import run_configured
from lloradar.features.alerts.service import overview

app = typer.Typer(help="Alerts (meldingen): evaluate subscriptions and deliver their events.")


@app.command("run")
def run() -> None:
    """Evaluate every subscription against its last-seen state, then deliver the due webhooks
    and e-mails (LLORADAR_SMTP_HOST/PORT/FROM). Idempotent: run it after every ingest or from
    cron; an event is written and delivered once, failed deliveries are retried with backoff."""
    settings = get_settings()
    with store_from_settings(settings) as store:
        report = run_configured(store, settings)
    d = report.delivery
    console.print(
        f"{report.events} new events; {d.delivered} delivered, {d.retrying} to retry, "
        f"{d.failed} failed for good"
    )
    for message in d.errors:
        errors.print(f"  [yellow]delivery:[/yellow] {message}")


@app.command("list")
def list_(
    as_json: bool = typer.Option(False, "--json", help="JSON instead of a table."),
) -> None:
    """Every subscription with its events and delivery state; owners only as pseudonyms."""
    with store_from_settings() as store:
        rows = overview(store)
    if as_json:
        console.print_json(json.dumps(rows, default=str))
        return
    table = Table(
        "subscription", "owner", "kind", "watch", "channel", "events", "pending", "failed"
    )
    for row in rows:
        watch = " / ".join(
            str(row[k]) for k in ("region_code", "occupation_id", "skill_id") if row[k]
        )
        table.add_row(
            str(row["subscription_id"])[:8], str(row["owner"])[:12], str(row["kind"]), watch,
            str(row["channel"]), str(row["events"]), str(row["pending"]), str(row["failed"]),
        )  # fmt: skip
    console.print(table if rows else "no subscriptions")
