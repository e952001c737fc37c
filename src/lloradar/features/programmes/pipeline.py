"""Use-case of the onderwijspijplijn (education pipeline) of a programme: DUO counts per
arbeidsmarktregio (of the institution) x year for each stage the recorded DUO files report -
enrolled (mbo deelnemers, crebo) with the net inflow that follows from them, graduates (hbo/wo
gediplomeerden, CROHO) - after disclosure control (analytics/education_pipeline.py).

DUO's files of first-year students (instroom) and of progression between programmes
(doorstroom) are other files than the ones loaded here; `missing_stages` names what a
programme's pipeline cannot show, so the page says so instead of showing zeros."""

from __future__ import annotations

from dataclasses import dataclass, field

from lloradar.analytics.education_pipeline import Pipeline, education_pipeline
from lloradar.domain import SourceLine
from lloradar.features.programmes import queries
from lloradar.features.programmes.service import (
    _gemeente_lookup,
    arbeidsmarktregio,
)
from lloradar.services.request_store import Store

STAGES = ("enrolled", "net_inflow", "graduated")
STAGE_WORDS = {
    "enrolled": ("ingeschreven", "enrolled"),
    "net_inflow": ("netto instroom", "net inflow"),
    "graduated": ("uitstroom met diploma", "graduates"),
    "inflow": ("instroom (eerstejaars)", "inflow (first-year students)"),
    "progression": ("doorstroom", "progression"),
}


def stage_word(stage: str, lang: str) -> str:
    nl, en = STAGE_WORDS[stage]
    return en if lang == "en" else nl


@dataclass
class ProgrammePipeline:
    code: str
    name: str
    pipeline: Pipeline
    region_names: dict[str, str]
    sources: list[SourceLine] = field(default_factory=list)

    @property
    def stages(self) -> list[str]:
        return [s for s in STAGES if getattr(self.pipeline, s) is not None]

    @property
    def missing_stages(self) -> list[str]:
        """The stages of a pipeline the loaded DUO files do not report for this programme."""
        missing = ["inflow", "progression"]
        if self.pipeline.graduated is None:
            missing.append("graduated")
        if self.pipeline.enrolled is None:
            missing += ["enrolled", "net_inflow"]
        return missing

    @property
    def is_demo(self) -> bool:
        return any(s.is_demo for s in self.sources)

    def region_name(self, code: str) -> str:
        return f"{self.region_names[code]} ({code})" if code in self.region_names else code


def programme_pipeline(store: Store, code: str) -> ProgrammePipeline | None:
    rows = queries.programme_rows(store, code.strip())
    if not rows:
        return None
    lookup = _gemeente_lookup(store)
    counts: dict[str, dict[str, dict[int, int]]] = {"enrolment": {}, "diploma": {}}
    for kind, _, _, gemeente, year, persons, _ in rows:
        region = arbeidsmarktregio(lookup, str(gemeente))
        cell = counts.setdefault(str(kind), {}).setdefault(region, {})
        cell[int(year)] = cell.get(int(year), 0) + int(persons)
    source_ids = sorted({str(r[6]) for r in rows})
    return ProgrammePipeline(
        code.strip(),
        str(max(rows, key=lambda r: int(r[4]))[1]),
        education_pipeline(counts["enrolment"], counts["diploma"]),
        queries.region_names(store),
        [SourceLine.from_row(r) for r in queries.provenance(store, source_ids)],
    )


def pipeline_rows(found: ProgrammePipeline) -> list[dict[str, object]]:
    """One row per region (and `total`) x year x stage; hidden counts are None with `hidden`."""
    out: list[dict[str, object]] = []
    for stage in found.stages:
        table = getattr(found.pipeline, stage)
        for region in [*found.pipeline.regions, "total"]:
            values = table.totals if region == "total" else table.cells[region]
            for year in found.pipeline.years:
                value = values.get(year)
                first = year == found.pipeline.years[0] and stage == "net_inflow"
                out.append(
                    {
                        "code": found.code,
                        "region": region,
                        "year": year,
                        "stage": stage,
                        "persons": value,
                        "hidden": value is None and not first,
                    }
                )
    return out
