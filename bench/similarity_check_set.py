"""Build the occupation-transition check set from public files (see similarity_check_set.md).

Writes bench/results/similarity_check_set.csv (git-ignored): origin, target, relation, part. Run:
    .venv/bin/python bench/similarity_check_set.py [SHARED_DATA]   (default $LLORADAR_SHARED_DATA)
The file is committed; rerunning it on the same data gives the same rows."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import os
import sys
from collections import defaultdict
from itertools import permutations
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
# Built from ../shared/data on demand (never committed: it is derived from ESCO and O*NET).
OUTPUT = HERE / "results" / "similarity_check_set.csv"
HELD_OUT_SHARE = 30  # percent of origin occupations kept apart (never used to tune)
MAX_GROUP = 8  # an O*NET title shared by more ESCO occupations than this is too generic


def part_of(origin: str) -> str:
    """A fixed split by origin occupation: every pair of one origin lands in the same part."""
    bucket = int(hashlib.sha1(origin.encode()).hexdigest()[:8], 16) % 100
    return "held_out" if bucket < HELD_OUT_SHARE else "dev"


def esco_hierarchy(esco: Path) -> dict[tuple[str, str], str]:
    """ESCO's own occupation -> occupation broader relations: narrower, broader and siblings
    (two occupations under the same broader ESCO occupation, not the same ISCO group)."""
    relations = pd.read_csv(esco / "broaderRelationsOccPillar.csv")
    pairs = relations[
        (relations.conceptType == "Occupation") & (relations.broaderType == "Occupation")
    ]
    found: dict[tuple[str, str], str] = {}
    children: dict[str, list[str]] = defaultdict(list)
    for child, parent in zip(pairs.conceptUri, pairs.broaderUri, strict=True):
        found[(parent, child)] = "narrower"
        found[(child, parent)] = "broader"
        children[parent].append(child)
    for siblings in children.values():
        for a, b in permutations(sorted(set(siblings)), 2):
            found.setdefault((a, b), "sibling")
    return found


def _norm(title: str) -> str:
    return " ".join(title.lower().replace("/", " ").split())


def onet_titles(esco: Path, onet: Path) -> dict[tuple[str, str], str]:
    """ESCO occupations whose English labels (preferred or alternative) are, word for word, the
    title or an alternate title of the same O*NET occupation: O*NET files them as one job."""
    with gzip.open(esco / "occupations_en.csv.gz", "rt", encoding="utf-8") as handle:
        occupations = pd.read_csv(io.StringIO(handle.read()), keep_default_na=False)
    by_label: dict[str, set[str]] = defaultdict(set)
    for uri, label, alternatives in zip(
        occupations.conceptUri, occupations.preferredLabel, occupations.altLabels, strict=True
    ):
        for form in (label, *alternatives.split("\n")):
            if form.strip():
                by_label[_norm(form)].add(uri)
    titles = pd.read_excel(onet / "Alternate Titles.xlsx", engine="openpyxl")
    data = pd.read_excel(onet / "Occupation Data.xlsx", engine="openpyxl")
    forms: dict[str, set[str]] = defaultdict(set)
    for code, title in zip(data["O*NET-SOC Code"], data["Title"], strict=True):
        forms[code].add(_norm(str(title)))
    for code, title in zip(titles["O*NET-SOC Code"], titles["Alternate Title"], strict=True):
        forms[code].add(_norm(str(title)))
    found: dict[tuple[str, str], str] = {}
    for code in sorted(forms):
        group = sorted({uri for form in forms[code] for uri in by_label.get(form, ())})
        if 2 <= len(group) <= MAX_GROUP:
            for a, b in permutations(group, 2):
                found.setdefault((a, b), "onet_title")
    return found


def main(shared: Path) -> None:
    esco, onet = shared / "esco-v1.1.1", shared / "onet"
    rows = dict(onet_titles(esco, onet))
    rows.update(esco_hierarchy(esco))  # an ESCO relation names the pair when both hold
    OUTPUT.parent.mkdir(exist_ok=True)
    with OUTPUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["origin", "target", "relation", "part"])
        for (origin, target), relation in sorted(rows.items()):
            writer.writerow([origin, target, relation, part_of(origin)])
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for (origin, _), relation in rows.items():
        counts[(relation, part_of(origin))] += 1
    print(OUTPUT, len(rows), "pairs", dict(sorted(counts.items())))


if __name__ == "__main__":
    default = os.environ.get("LLORADAR_SHARED_DATA", str(HERE.parent.parent / "shared" / "data"))
    main(Path(sys.argv[1] if len(sys.argv) > 1 else default))
