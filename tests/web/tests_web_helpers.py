"""axe-core, vendored with the app's static files, and how we read its results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parents[2] / "src/lloradar/web/static/vendor/axe.min.js"


def serious_violations(result: dict[str, Any]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
