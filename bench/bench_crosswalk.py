"""The ESCO -> O*NET link on the real shared data: time to link all ESCO occupations, and
precision@1 on a hand-checked sample of 30 ESCO occupations (random.Random(8).sample of the
sorted URIs), judged by hand once; the judgements are below. Run: .venv/bin/python this file."""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

from lloradar.analytics.crosswalk import (
    LINK_THRESHOLD,
    OnetOccupationTitles,
    link_occupations,
)
from lloradar.pipeline.tasks_load import esco_labels
from lloradar.sources import onet, onet_tasks

SHARED = Path(
    os.environ.get("LLORADAR_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)

# ESCO preferred label -> the O*NET-SOC codes a careful reader accepts as its counterpart.
# An empty set: no O*NET occupation fits well enough (any link is wrong).
JUDGED: dict[str, set[str]] = {
    "aeronautical information service officer": {"53-2021.00"},
    "mine planning engineer": {"17-2151.00"},
    "interpretation agency manager": {"11-1021.00"},
    "purchaser": {"13-1023.00", "13-1022.00"},
    "drilling engineer": {"17-2171.00"},
    "road transport division manager": {"11-3071.00", "11-3071.04"},
    "construction general supervisor": {"47-1011.00"},
    "stand-in": {"27-2011.00"},
    "toys and games shop manager": {"11-1021.00", "41-1011.00"},
    "survival instructor": {"39-9032.00", "25-3021.00"},
    "germination operator": {"51-3091.00", "51-3092.00"},
    "bus driving instructor": {"25-3021.00"},
    "community care case worker": {"21-1022.00", "21-1021.00", "21-1093.00"},
    "purchase planner": {"13-1023.00", "43-5061.00"},
    "hairdresser": {"39-5012.00"},
    "import export specialist in furniture, carpets and lighting equipment": {
        "13-1041.08",
        "43-5011.01",
    },
    "chaplain": {"21-2011.00"},
    "router operator": {"51-4035.00", "51-7042.00"},
    "monitoring and evaluation officer": {"13-1111.00"},
    "transport equipment painter": {"51-9124.00"},
    "assistant lecturer": set(),  # subject unknown: no single postsecondary teacher code
    "court administrator": {"11-3012.00", "43-4031.00"},
    "automated assembly line operator": {"51-2092.00"},
    "disc jockey": {"27-2091.00", "27-3011.00"},
    "ICT security technician": {"15-1212.00", "15-1299.05", "15-1231.00"},
    "budget analyst": {"13-2031.00"},
    "criminologist": {"19-3041.00"},
    "plasterer": {"47-2161.00"},
    "antique furniture reproducer": {"51-7011.00"},
    "typesetter": {"51-5111.00"},
}


def onet_targets(folder: Path) -> list[OnetOccupationTitles]:
    tasks = onet_tasks.parse_task_statements((folder / "Task Statements.xlsx").read_bytes(), "t")
    titles = onet_tasks.parse_occupation_titles((folder / "Occupation Data.xlsx").read_bytes(), "o")
    alternates = onet.parse_alternate_titles((folder / "Alternate Titles.xlsx").read_bytes(), "a")
    with_tasks = {t.onet_code for t in tasks.records}
    return [
        OnetOccupationTitles(code, title, alternates.get(code, ()))
        for code, title in sorted(titles.items())
        if code in with_tasks
    ]


def main() -> None:
    if not (SHARED / "onet").is_dir():
        sys.exit(f"needs the shared data folder {SHARED}")
    started = time.perf_counter()
    targets = onet_targets(SHARED / "onet")
    occupations = esco_labels(SHARED / "esco-v1.1.1")
    parsed = time.perf_counter()
    links = link_occupations(occupations, targets)
    linked = time.perf_counter()
    best = {x.occupation_id: x for x in links if x.rank == 1}
    strong = sum(x.confidence >= LINK_THRESHOLD for x in best.values())
    print(
        f"{len(occupations)} ESCO x {len(targets)} O*NET occupations: parse "
        f"{parsed - started:.1f} s, link {linked - parsed:.1f} s; {strong} "
        f"({strong / len(best):.0%}) at confidence >= {LINK_THRESHOLD}"
    )
    sample = random.Random(8).sample(sorted(o.id for o in occupations), 30)
    labels = {o.id: o.label for o in occupations}
    assert {labels[i] for i in sample} == set(JUDGED), "the sample changed: judge it again"
    right = kept = kept_right = 0
    for uri in sample:
        link = best[uri]
        ok = link.onet_code in JUDGED[labels[uri]]
        right += ok
        if link.confidence >= LINK_THRESHOLD:
            kept += 1
            kept_right += ok
        mark = "ok " if ok else "no "
        print(f"  {mark}{link.confidence:.2f} {labels[uri]} -> {link.onet_code} {link.onet_title}")
    print(f"precision@1 on the hand-checked sample: {right}/30 = {right / 30:.0%}")
    print(
        f"links used for tasks (confidence >= {LINK_THRESHOLD}): {kept}/30, "
        f"of which right {kept_right}/{kept} = {kept_right / max(kept, 1):.0%}"
    )


if __name__ == "__main__":
    main()
