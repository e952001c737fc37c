"""The demo citizen panel (demo data): the two example waves of examples/panel/, 160 synthetic
residents of Twente (AM05) and, when the example interventions are loaded, the participants of
demo-twente-zorg as a panel group; invitations, consent and answers drawn from a seeded random
generator, with drop-out between the waves. Every row carries a demo provenance."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import numpy as np

from lloradar.features.panel.invitations import invite, send_outbox
from lloradar.features.panel.service import (
    add_members,
    group_of_intervention,
    load_wave_file,
    panel_members,
    record_answers,
)
from lloradar.store import Store

RESIDENTS = 160
DEMO_BASE_URL = "http://127.0.0.1:8000"
GROUP_INTERVENTION = "demo-twente-zorg"


@dataclass(frozen=True, slots=True)
class DemoPanel:
    waves: int
    members: int
    answers: int


def _members_csv(ids: list[tuple[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "email", "region"])
    for raw, region in ids:
        writer.writerow([raw, f"{raw}@demo.lloradar.nl", region])
    return buffer.getvalue().encode()


def _answer(rng: np.random.Generator, participates: bool) -> dict[str, object]:
    working = participates or rng.random() < 0.55
    skills = ["digitaal", "technisch", "zorg_en_hulp", "communicatie", "leidinggeven"]
    chosen = [s for s in skills if rng.random() < 0.35] or ["communicatie"]
    return {
        "participation": "betaald_werk"
        if working
        else str(rng.choice(["werkzoekend", "opleiding", "zorgtaken", "anders"])),
        "hours": int(rng.integers(12, 41)) if working else 0,
        "wellbeing": int(np.clip(round(rng.normal(7.4 if working else 6.3, 1.2)), 0, 10)),
        "skills_used": chosen if working else ["geen"],
        "training": "ja" if rng.random() < (0.6 if participates else 0.25) else "nee",
    }


def build_demo_panel(
    store: Store, seed: int, key: str, repository: Path, *, stay: float = 0.8
) -> DemoPanel:
    """Load the demo panel (idempotent for members and waves; answers are replaced), in one
    transaction: thousands of small writes, one commit."""
    with store.transaction():
        return _build(store, seed, key, repository, stay)


def _build(store: Store, seed: int, key: str, repository: Path, stay: float) -> DemoPanel:
    rng = np.random.default_rng(seed + 21)
    folder = repository / "examples" / "panel"
    waves = [
        load_wave_file(store, path, is_demo=True) for path in sorted(folder.glob("wave-*.yaml"))
    ]
    waves.sort(key=lambda w: w.opens_on)
    residents = [(f"demo-bewoner-{n:03d}", "AM05") for n in range(1, RESIDENTS + 1)]
    added = add_members(
        store, _members_csv(residents), "demo: panel residents", key, is_demo=True
    ).added
    listed = (repository / "examples" / "interventions" / "participants.csv").read_text("utf-8")
    participants = sorted(
        {
            row["participant_id"]
            for row in csv.DictReader(io.StringIO(listed))
            if row["intervention_id"] == GROUP_INTERVENTION
        }
    )
    if store.query("SELECT 1 FROM participant WHERE intervention_id = ?", [GROUP_INTERVENTION]):
        added += add_members(
            store,
            _members_csv([(p, "AM05") for p in participants]),
            "demo: panel group of an intervention",
            key,
            intervention_id=GROUP_INTERVENTION,
            is_demo=True,
        ).added
    group = group_of_intervention(GROUP_INTERVENTION)
    answered = 0
    previous: set[str] | None = None
    members = sorted(panel_members(store).items())
    for wave in waves:
        invite(store, wave.wave_id, DEMO_BASE_URL, today=wave.opens_on)
        send_outbox(store, _nowhere)
        given: dict[str, dict[str, object]] = {}
        for pseudonym, (member_group, _) in members:
            returning = previous is None or pseudonym in previous
            chance = (0.7 if previous is None else stay) if returning else 0.15
            if rng.random() < chance:
                given[pseudonym] = _answer(rng, member_group == group)
        day = wave.opens_on + timedelta(days=3)
        answered += record_answers(store, wave.wave_id, given, day, consent=frozenset(given))
        previous = set(given)
    return DemoPanel(len(waves), added, answered)


def _nowhere(recipient: str, subject: str, body: str, message_id: str) -> None:
    """The demo's members have made-up addresses: their invitations are marked sent, never
    mailed, so `lloradar panel send` has nothing of the demo to deliver."""
