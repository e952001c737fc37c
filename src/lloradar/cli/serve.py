"""`lloradar serve`: the API and the web pages on one address."""

from __future__ import annotations

import typer
import uvicorn

from lloradar.cli.common import console

# By import string: the cli edge may not import the api or web edges.
APP = "lloradar.server:create_app"


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, help="Worker processes."),
) -> None:
    """Serve the LLO Radar web app and REST API (reads the configured store once)."""
    console.print(f"LLO Radar serving at http://{host}:{port}  (API docs: /api/docs)")
    uvicorn.run(APP, factory=True, host=host, port=port, workers=workers, log_level="warning")
