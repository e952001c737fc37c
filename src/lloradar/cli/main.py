"""`lloradar`: the command line of LLO Radar."""

from __future__ import annotations

import typer

from lloradar.cli import demo
from lloradar.features.accounts import cli as accounts
from lloradar.features.alerts import cli as alerts
from lloradar.features.batch import cli as batch
from lloradar.features.employer import cli as employer_cli
from lloradar.features.flows import cli as flows
from lloradar.features.forecast import cli as forecast
from lloradar.features.inclusion import cli as inclusion
from lloradar.features.indicators import cli as indicators
from lloradar.features.ingest import cli as ingest
from lloradar.features.ingest import regions_cli as regions
from lloradar.features.ingest import sources_cli
from lloradar.features.ingest import store_cli as store
from lloradar.features.interventions import cli as interventions
from lloradar.features.navigator import cli as navigator
from lloradar.features.navigator import courses_cli as courses
from lloradar.features.ops import cli as ops
from lloradar.features.panel import cli as panel
from lloradar.features.skills import cli as skills
from lloradar.features.skills import occupations_cli as occupations
from lloradar.features.skills import taxonomy_cli as taxonomy
from lloradar.features.tasks import cli as tasks_cli
from lloradar.features.welfare import cli as welfare

app = typer.Typer(
    help="LLO Radar: skills-based regional labour-market intelligence for the Netherlands.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(demo.app, name="demo")
app.add_typer(accounts.app, name="accounts")
app.add_typer(alerts.app, name="alerts")
app.add_typer(regions.app, name="regions")
app.add_typer(store.app, name="store")
app.add_typer(indicators.app, name="indicators")
app.add_typer(forecast.app, name="forecast")
app.add_typer(flows.app, name="flows")
app.add_typer(inclusion.app, name="inclusion")
app.add_typer(ingest.app, name="ingest")
app.add_typer(batch.app, name="batch")
app.add_typer(sources_cli.app, name="sources")
app.add_typer(taxonomy.app, name="taxonomy")
app.add_typer(occupations.app, name="occupations")
app.add_typer(skills.app, name="skills")
app.add_typer(interventions.app, name="interventions")
app.add_typer(courses.app, name="courses")
app.command("navigator")(navigator.navigator)
app.add_typer(tasks_cli.app, name="tasks")
app.add_typer(employer_cli.app, name="employer")
app.add_typer(panel.app, name="panel")
app.add_typer(welfare.app, name="welfare")
app.command("serve")(ops.serve)
ops.register(store.app)  # lloradar store migrate|backup|restore

if __name__ == "__main__":
    app()
