"""Vacancy ingest with skill extraction: vacancies per second for generated Dutch texts, through
the real paths: `ingest vacancies` (the whole file parsed, extracted and stored in one
transaction) and `batch vacancies` (issue 22, item 4: batches of --batch-rows, each committed
with its position, resumable, with the same checks and the same extractor).

The extractor is the skills engine's (multilingual USE embeddings + lexicon) over the real ESCO
v1.1.1 skills from shared/data; embedding the taxonomy is a one-off, timed apart and cached in
~/.cache/lloradar (as the product caches it). Usage:
    .venv/bin/python bench/bench_vacancy_ingest.py [--count 100000] [--no-skills]
        [--mode whole|batched|both] [--batch-rows 5000]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import random
import resource
import tempfile
import time
from pathlib import Path

TITLES = ["Verpleegkundige", "Software developer", "Elektromonteur", "Chauffeur CE",
          "Docent wiskunde", "Schoonmaker", "Accountmanager", "Data-analist", "Kok",
          "Logistiek medewerker", "Monteur werktuigbouw", "Klantenservicemedewerker"]  # fmt: skip
TASKS = ["je verleent zorg aan patiënten", "je ontwikkelt software in Python en Java",
         "je installeert elektrische installaties", "je vervoert goederen door Europa",
         "je geeft les aan havo-leerlingen", "je maakt kantoren schoon",
         "je onderhoudt contacten met klanten", "je analyseert gegevens met SQL",
         "je bereidt maaltijden volgens recept", "je verzamelt orders in het magazijn",
         "je repareert machines en voert onderhoud uit", "je beantwoordt vragen van klanten",
         "je werkt samen in een team", "je plant je eigen werk", "je rapporteert aan de manager"]  # fmt: skip
PLACES = ["Groningen", "Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Zwolle", "Assen"]


def generate(path: Path, count: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            tasks = rng.sample(TASKS, 3)
            text = f"{'. '.join(t.capitalize() for t in tasks)}. Vacature {i}."
            posted = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            item = {"id": f"B-{i}", "title": rng.choice(TITLES), "description": text,
                    "employer": f"Werkgever {rng.randint(1, 5000)}", "location": rng.choice(PLACES),
                    "posted": posted, "closed": None}  # fmt: skip
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


def esco_extractor(shared: Path):  # type: ignore[no-untyped-def]
    from lloradar.analytics.extraction import Extractor, SkillEntry

    raw = gzip.decompress((shared / "esco-v1.1.1" / "skills_en.csv.gz").read_bytes())
    csv.field_size_limit(2**31 - 1)
    rows = csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""))
    entries = [
        SkillEntry(r["conceptUri"], r["preferredLabel"],
                   alt_en=tuple(a for a in r["altLabels"].split("\n") if a))
        for r in rows
    ]  # fmt: skip
    extractor = Extractor(entries, skill_vectors=cached_vectors(entries))

    def extract(texts):  # type: ignore[no-untyped-def]
        return [[(m.uri, m.score) for m in found] for found in extractor.extract(texts)]

    return extract, len(entries), extractor


def cached_vectors(entries):  # type: ignore[no-untyped-def]
    """The ESCO skill vectors, embedded once and kept under ~/.cache/lloradar by checksum."""
    import hashlib

    import numpy as np

    from lloradar.analytics.extraction import UniversalSentenceEncoder, embed_skills, skill_texts

    digest = hashlib.sha256("\n".join(skill_texts(entries)).encode()).hexdigest()[:16]
    path = Path.home() / ".cache" / "lloradar" / f"bench-skill-vectors-{digest}.npy"
    if path.is_file():
        return np.load(path)
    vectors = embed_skills(entries, UniversalSentenceEncoder())
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def world_extractor(path: Path):  # type: ignore[no-untyped-def]
    """The skills engine's extractor as `ingest vacancies` builds it, over a store's ESCO."""
    from lloradar.features.ingest.service import store_extractor
    from lloradar.features.skills.service import load_extractor
    from lloradar.store import open_store

    with open_store(str(path)) as store:
        extract, _ = store_extractor(store)
        extractor = load_extractor(store)
    return extract, len(extractor.entries), extractor


def batched(store, source: Path, extractor, batch_rows: int):  # type: ignore[no-untyped-def]
    """The batched, resumable ingest of the same file (no skill demand afterwards)."""
    from lloradar.features.batch.service import Options, run_batch

    options = Options("local", batch_rows=batch_rows, indicators=False)
    run = run_batch(store, source, options=options, finder=extractor)
    return {"vacancy": run.stored, "vacancy_skill": run.files[0].skills}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--no-skills", action="store_true")
    parser.add_argument("--mode", choices=["whole", "batched", "both"], default="both")
    parser.add_argument("--batch-rows", type=int, default=5_000)
    parser.add_argument(
        "--world",
        type=Path,
        help="a store with the ESCO taxonomy imported (e.g. after `lloradar demo build`): the "
        "product's extractor over it, with its cached skill vectors, instead of the CSV",
    )
    args = parser.parse_args()
    from lloradar.features.ingest.service import ingest_vacancies
    from lloradar.pipeline.regions import load_builtin_regions
    from lloradar.store import open_store

    shared = Path(os.environ.get("LLORADAR_SHARED_DATA", Path(__file__).parents[2] / "shared/data"))
    with tempfile.TemporaryDirectory(prefix="lloradar-bench-") as tmp:
        source = Path(tmp) / "vacatures.jsonl"
        generate(source, args.count)
        extract, extractor, method = None, None, ""
        if not args.no_skills:
            clock = time.perf_counter()
            extract, skills, extractor = (
                world_extractor(args.world) if args.world else esco_extractor(shared)
            )
            method = "bench: USE + lexicon, ESCO v1.1.1"
            print(
                f"extractor over {skills:,} ESCO skills built in {time.perf_counter() - clock:.1f} s"
            )
        modes = ["whole", "batched"] if args.mode == "both" else [args.mode]
        for mode in modes:
            store = open_store(str(Path(tmp) / f"bench-{mode}.duckdb"))
            load_builtin_regions(store)
            clock = time.perf_counter()
            if mode == "whole":  # the ingest alone: no recompute of skill demand
                stored = ingest_vacancies(
                    store, str(source), extract=extract, method=method, refresh=False
                ).load.stored
            else:
                stored = batched(store, source, extractor, args.batch_rows)
            seconds = time.perf_counter() - clock
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{mode}: {args.count:,} vacancies in {seconds:.1f} s = "
                  f"{args.count / seconds:,.1f} per s ({'with' if extract else 'without'} skills); "
                  f"stored {stored}; peak RSS so far {peak:,.0f} MB", flush=True)  # fmt: skip
            store.close()


if __name__ == "__main__":
    main()
