"""Issue 15, "one published truth": a cell shows the same figures on every surface.

On (a copy of) the session's app demo world, a deterministic handful of cells of the latest month
is read from `/api/indicators` (JSON, the reference) and compared with the CSV export
(`format=csv`), the region page (`/regio/{code}`), the occupation page (`/beroep/{slug}`), the
region factsheet (`/regio/{code}/factsheet`, and the text of its PDF) and the question box
(`/api/question?q=...&lang=nl`). The figures: open vacancies, short-term job seekers, the tension
ratio and its class (and the month).

The cells, chosen by fixed rules from the published figures (no randomness): REGION is the first
arbeidsmarktregio by code that, in the latest month, has at least two occupations whose job
seekers are hidden and one whose job seekers are shown while another count is hidden. In it:

- `tightest` / `slackest`: the occupations with the highest and the lowest shown ratio (in the
  order of the region page's ranking, so they are the two the factsheet names);
- `partly_hidden`: the first occupation (by label) with its job seekers shown and another count
  (interested / experienced) hidden;
- `hidden_first` / `hidden_second`: the first two occupations (by label) with hidden job seekers;
- `region_total`: the region's all-occupations row;
- `national`: the country (NL01) for the `tightest` occupation.

Where a surface shows a cell (ROLES_ON): the region page lists every occupation of the region
(its occupations table; the tightest and slackest also in the ranking's duiding) and the region's
total (key figures, the latest month of the series table and of its duiding, the region's row in
the comparison table), and the country's page (`/regio/NL01`) every occupation of the country
(occupations table); the occupation page lists every region for the occupation (comparison
table) and the country (series table and duiding); the factsheet (HTML and PDF) holds the
region's total (lead and series duiding) and the ratios of the tightest and slackest occupation
(ranking duiding) only: it shows no other occupation's figures, hidden or not; the question box
answers every cell (the tension, the vacancies and the job seekers question).

Numbers on pages are Dutch (1.384; ratio 2,42). The API rounds the ratio to 3 decimals and the
pages to 2, so a shown ratio agrees when it lies within 0.005 + 0.0005 of the API's.

A hidden job-seeker count (null in the JSON, empty in the CSV, named in `hidden`) is shown as the
pages' hidden marker (`hidden_mark` of the catalogue) in every table, with no ratio and no class;
the question box gives no figure and no class for it. No surface states a bound for it ("<10",
"minder dan 10 werkzoekenden"): the publication hides small counts and the counts that would give
one away alike, and says so with one reason (the API's `hidden`); a bound would be wrong for the
second kind and would tell the two apart.

Cost: the module fixture copies the session's app world and loads it, which publishes the
indicators (about 10 s, the publication step's disclosure control most of it); the checks
themselves take about 4 s (the factsheet's charts and PDF most of it).
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from babel.dates import format_date
from pypdf import PdfReader

from demo_worlds import copy_world

with warnings.catch_warnings():
    # Starlette nudges towards httpx2; the test client itself works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

LANG = "nl"
COUNTRY = "NL01"
COUNTRY_NAME = "Nederland"
# The API rounds the ratio to 3 decimals, the pages to 2: the same number within both roundings.
RATIO_TOLERANCE = 0.005 + 0.0005 + 1e-9
CLASSES = ("zeer ruim", "ruim", "gemiddeld", "krap", "zeer krap")
# "een krappe markt": the class as the series duiding inflects it
CLASS_OF_ADJECTIVE = {
    "zeer ruime": "zeer ruim",
    "ruime": "ruim",
    "gemiddelde": "gemiddeld",
    "krappe": "krap",
    "zeer krappe": "zeer krap",
}
# A stated bound on a hidden job-seeker count (see the module docstring).
BOUND_CLAIM = re.compile(
    r"<\s*10|minder dan (?:10|tien) (?:kortdurend )?werkzoekenden|(?:te )?klein om te tonen",
    re.IGNORECASE,
)

ROLES = (
    "tightest",
    "slackest",
    "partly_hidden",
    "hidden_first",
    "hidden_second",
    "region_total",
    "national",
)
REGION_OCCUPATIONS = ("tightest", "slackest", "partly_hidden", "hidden_first", "hidden_second")
ROLES_ON = {
    "region_page": (*REGION_OCCUPATIONS, "region_total", "national"),
    "occupation_page": (*REGION_OCCUPATIONS, "national"),
    "factsheet": ("tightest", "slackest", "region_total"),
    "question_box": ROLES,
}


# --- What the surfaces are read with --------------------------------------------------------


def _text(key: str) -> str:
    from lloradar.web.i18n import TEXT

    return TEXT[LANG][key]


@dataclass(frozen=True)
class Cell:
    role: str
    region: str | None  # an arbeidsmarktregio's code; None: the country
    place: str  # the region's name, or "Nederland"
    occupation: str | None  # the occupation's slug; None: all occupations
    label: str | None  # its Dutch label

    @property
    def area(self) -> str:
        return self.region or COUNTRY


@dataclass(frozen=True)
class Published:
    """One cell as the API's JSON gives it: the reference every surface is compared with."""

    period: str  # YYYY-MM
    vacancies: int
    job_seekers: int | None
    ratio: float | None
    tension_class: str | None
    hidden: frozenset[str]
    item: dict[str, Any]

    @property
    def seekers_hidden(self) -> bool:
        return "job_seekers_short" in self.hidden

    @property
    def month(self) -> date:
        return date(int(self.period[:4]), int(self.period[5:7]), 1)


@dataclass
class Sample:
    client: TestClient
    period: date
    region_code: str
    cells: dict[str, Cell]
    pages: dict[str, Any]

    def get(self, url: str, **params: str) -> Any:
        key = url + "?" + "&".join(f"{k}={v}" for k, v in sorted(params.items()))
        if key not in self.pages:
            response = self.client.get(url, params=params or None)
            assert response.status_code == 200, f"{key}: {response.status_code}"
            self.pages[key] = response
        return self.pages[key]


class _Page(HTMLParser):
    """What a page shows as text: the rows of each chart block's table (`<figure id=...>`), each
    block's duiding, and every paragraph (class, text). Scripts, styles and SVGs are left out."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: dict[str, list[list[str]]] = {}
        self.duiding: dict[str, str] = {}
        self.paragraphs: list[tuple[str, str]] = []
        self._block = ""
        self._skip = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._p: tuple[str, list[str]] | None = None
        self._duiding: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag in ("script", "style", "svg"):
            self._skip += 1
        elif tag == "figure":
            self._block = (attributes.get("id") or "").removesuffix("-block")
        elif tag == "tr":
            self._row = []
        elif tag == "td" and self._row is not None:
            self._cell = []
        elif tag == "p":
            self._p = (" ".join(classes), [])
        elif tag == "div" and "duiding" in classes:
            self._duiding = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg"):
            self._skip -= 1
        elif tag == "td" and self._row is not None and self._cell is not None:
            self._row.append(_squash("".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row:  # a header row has <th> only
                self.rows.setdefault(self._block, []).append(self._row)
            self._row = None
        elif tag == "p" and self._p is not None:
            self.paragraphs.append((self._p[0], _squash("".join(self._p[1]))))
            self._p = None
        elif tag == "div" and self._duiding is not None:
            self.duiding[self._block] = _squash("".join(self._duiding))
            self._duiding = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        for sink in (self._cell, self._p[1] if self._p else None, self._duiding):
            if sink is not None:
                sink.append(data)

    def row(self, block: str, first: str) -> list[str] | None:
        found = [r for r in self.rows.get(block, []) if r and r[0] == first]
        assert len(found) <= 1, f"{len(found)} rows {first!r} in the {block} table"
        return found[0] if found else None

    def paragraph(self, css_class: str) -> str:
        found = [text for cls, text in self.paragraphs if css_class in cls.split()]
        assert len(found) == 1, f"{len(found)} paragraphs of class {css_class!r}"
        return found[0]

    def text(self) -> str:
        return " ".join(text for _, text in self.paragraphs)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF")
    return _squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages))


def _month_name(period: date) -> str:
    return format_date(period, "MMMM y", locale=LANG)


# --- Reading figures out of text -------------------------------------------------------------

_COUNT = r"\S+?"  # a Dutch count (1.384), the hidden marker or a dash; the caller checks which


def _key_figures(text: str) -> dict[str, str] | None:
    """The region page's key figures and the factsheet's lead: month, vacancies, job seekers,
    ratio and class ("Laatste maand 2025-12: Openstaande vacatures 3.344 · ... (krap)")."""
    pattern = (
        rf"{re.escape(_text('latest'))} (?P<period>\d{{4}}-\d{{2}}): "
        rf"{re.escape(_text('vacancies'))} (?P<vacancies>{_COUNT}),?(?: ·)? "
        rf"{re.escape(_text('job_seekers'))} (?P<job_seekers>{_COUNT}),?(?: ·)? "
        rf"{re.escape(_text('ratio'))} (?P<ratio>\S+) \((?P<class>[^)]*)\)"
    )
    found = re.search(pattern, text)
    return found.groupdict() if found else None


def _series_sentence(text: str, place: str) -> dict[str, str] | None:
    """The series duiding's first sentence for `place` (analytics/narrative.series_text)."""
    shown = re.search(
        rf"In (?P<month>\w+ \d{{4}}) stonden er in {re.escape(place)} (?P<vacancies>{_COUNT}) "
        rf"vacatures open tegenover (?P<job_seekers>{_COUNT}) kortdurend werkzoekenden: "
        r"(?P<ratio>\S+) vacatures per werkzoekende, een (?P<adjective>[\w ]+?) markt\.",
        text,
    )
    if shown:
        found = shown.groupdict()
        adjective = found.pop("adjective")
        found["class"] = CLASS_OF_ADJECTIVE.get(adjective, adjective)
        return found
    return None


def _ranking_sentence(text: str) -> dict[str, str] | None:
    """The ranking duiding (analytics/narrative.ranking_text): tightest and slackest occupation."""
    found = re.search(
        r"het krapst voor (?P<top>.+?) \((?P<top_ratio>\S+) vacatures per werkzoekende\) "
        r"en het ruimst voor (?P<low>.+?) \((?P<low_ratio>[^)]+)\)\.",
        text,
    )
    return found.groupdict() if found else None


class Checks:
    """The differences between what one surface shows and the published cell, collected."""

    def __init__(self, cell: Cell, published: Published, surface: str) -> None:
        self.cell, self.published, self.surface = cell, published, surface
        self.problems: list[str] = []

    def fail(self, where: str, what: str) -> None:
        self.problems.append(f"{self.surface} / {where}: {what}")

    def that(self, ok: bool, where: str, what: str) -> None:
        if not ok:
            self.fail(where, what)

    def period(self, where: str, shown: str) -> None:
        self.that(
            shown == self.published.period, where, f"month {shown!r}, API {self.published.period}"
        )

    def month_name(self, where: str, shown: str) -> None:
        expected = _month_name(self.published.month)
        self.that(shown == expected, where, f"month {shown!r}, API {expected!r}")

    def vacancies(self, where: str, shown: str) -> None:
        self.that(
            _count(shown) == self.published.vacancies,
            where,
            f"vacancies {shown!r}, API {self.published.vacancies}",
        )

    def job_seekers(self, where: str, shown: str) -> None:
        p = self.published
        if p.seekers_hidden:
            mark = _text("hidden_mark")
            self.that(shown == mark, where, f"hidden job seekers shown as {shown!r}, not {mark!r}")
        else:
            self.that(
                _count(shown) == p.job_seekers, where, f"job seekers {shown!r}, API {p.job_seekers}"
            )

    def ratio(self, where: str, shown: str | None) -> None:
        p = self.published
        if p.ratio is None:
            self.that(
                shown is not None and not re.search(r"\d", shown),
                where,
                f"ratio {shown!r} where the API has none (hidden: {sorted(p.hidden)})",
            )
            return
        value = _ratio(shown)
        self.that(
            value is not None and abs(value - p.ratio) <= RATIO_TOLERANCE,
            where,
            f"ratio {shown!r}, API {p.ratio}",
        )

    def tension_class(self, where: str, shown: str | None) -> None:
        p = self.published
        if p.tension_class is None:
            self.that(
                shown is not None and shown not in CLASSES and not re.search(r"\d", shown),
                where,
                f"class {shown!r} where the API has none (hidden: {sorted(p.hidden)})",
            )
        else:
            self.that(shown == p.tension_class, where, f"class {shown!r}, API {p.tension_class!r}")

    def no_bound(self, where: str, text: str) -> None:
        if self.published.seekers_hidden:
            claim = BOUND_CLAIM.search(text)
            self.that(
                claim is None,
                where,
                f"states a bound for the hidden job seekers ({claim.group(0) if claim else ''!r}), "
                f"where the API says only hidden={sorted(self.published.hidden)}: {text!r}",
            )

    def table_row(self, where: str, row: list[str] | None, with_class: bool = True) -> None:
        """[label, vacancies, job seekers, ratio(, class)] of a chart's table."""
        if row is None:
            self.fail(where, "the cell is not in the table")
            return
        self.vacancies(where, row[1])
        self.job_seekers(where, row[2])
        self.ratio(where, row[3])
        if with_class:
            self.tension_class(where, row[4])

    def figures(self, where: str, found: dict[str, str] | None) -> None:
        """Key figures or a series sentence: whichever of its fields are there."""
        if found is None:
            self.fail(where, "not found")
            return
        if "period" in found:
            self.period(where, found["period"])
        if "month" in found:
            self.month_name(where, found["month"])
        self.vacancies(where, found["vacancies"])
        self.job_seekers(where, found["job_seekers"])
        self.ratio(where, found["ratio"])
        self.tension_class(where, found["class"])

    def ranking(self, where: str, found: dict[str, str] | None) -> None:
        """The tightest / slackest occupation and its ratio in a ranking duiding."""
        if found is None:
            self.fail(where, "no ranking sentence")
            return
        side = "top" if self.cell.role == "tightest" else "low"
        self.that(
            found[side] == self.cell.label,
            where,
            f"names {found[side]!r} as the {self.cell.role}, not {self.cell.label!r}",
        )
        self.ratio(where, found[f"{side}_ratio"])

    def done(self) -> None:
        assert not self.problems, (
            f"{self.cell.role} cell {self.cell.area} x {self.cell.label or 'all'} "
            f"({self.published.period}, API: vacancies {self.published.vacancies}, job seekers "
            f"{self.published.job_seekers}, ratio {self.published.ratio}, class "
            f"{self.published.tension_class!r}, hidden {sorted(self.published.hidden)}):\n"
            + "\n".join(self.problems)
        )


def _count(text: str) -> int | None:
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})*", text):
        return None
    return int(text.replace(".", ""))


def _ratio(text: str | None) -> float | None:
    if text is None or not re.fullmatch(r"\d+,\d{2}", text):
        return None
    return float(text.replace(",", "."))


# --- The world and the sample ----------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory, app_world_file: Path) -> Iterator[Sample]:
    """An HTTP client of the whole app on a copy of the session's app world, and the cells."""
    from lloradar.features.indicators.radar import radar_for_store
    from lloradar.server import create_app

    path = copy_world(app_world_file, tmp_path_factory.mktemp("consistency") / "demo.duckdb")
    radar = radar_for_store(str(path))
    with TestClient(create_app(radar)) as client:
        yield _choose(radar, client)


def _choose(radar: Any, client: TestClient) -> Sample:
    """The cells of the module docstring (the radar's published figures only pick them)."""
    period = radar.latest
    assert period is not None
    for region in sorted(radar.regions, key=lambda r: r.code):
        by_label = sorted(radar.by_occupation(region.code, period), key=lambda of: of[0].label_nl)
        hidden = [(o, f) for o, f in by_label if f.job_seekers_hidden]
        partly = [(o, f) for o, f in by_label if not f.job_seekers_hidden and f.hidden]
        # the region page's ranking: the occupations with a ratio, tightest first (stable)
        ranked = sorted(
            [(o, f) for o, f in radar.by_occupation(region.code, period) if f.ratio is not None],
            key=lambda of: -of[1].ratio,
        )
        if len(hidden) >= 2 and partly and len(ranked) >= 2:
            break
    else:
        pytest.fail("no arbeidsmarktregio with two hidden job-seeker cells and a partly hidden one")

    def of(role: str, occupation: Any) -> Cell:
        return Cell(role, region.code, region.name, occupation.slug, occupation.label_nl)

    cells = {
        "tightest": of("tightest", ranked[0][0]),
        "slackest": of("slackest", ranked[-1][0]),
        "partly_hidden": of("partly_hidden", partly[0][0]),
        "hidden_first": of("hidden_first", hidden[0][0]),
        "hidden_second": of("hidden_second", hidden[1][0]),
        "region_total": Cell("region_total", region.code, region.name, None, None),
        "national": Cell("national", None, COUNTRY_NAME, ranked[0][0].slug, ranked[0][0].label_nl),
    }
    return Sample(client, period, region.code, cells, {})


def _params(cell: Cell, period: str) -> dict[str, str]:
    params = {"region": cell.area, "period_from": period, "period_to": period}
    if cell.occupation:
        params["occupation"] = cell.occupation
    return params


def _published(sample: Sample, cell: Cell) -> Published:
    period = sample.period.strftime("%Y-%m")
    items = sample.get("/api/indicators", **_params(cell, period)).json()["items"]
    assert len(items) == 1, f"{cell}: {len(items)} rows in the API for {period}"
    item = items[0]
    return Published(
        period=item["period"],
        vacancies=item["open_vacancies"],
        job_seekers=item["job_seekers_short"],
        ratio=item["ratio"],
        tension_class=item["tension_class"],
        hidden=frozenset(item["hidden"].split()),
        item=item,
    )


def _cases(surface: str) -> list[str]:
    return list(ROLES_ON[surface])


# --- The checks ------------------------------------------------------------------------------


def test_the_sample_holds_hidden_and_shown_cells(sample: Sample) -> None:
    """The sample is what the module docstring says, as the API publishes it."""
    published = {role: _published(sample, cell) for role, cell in sample.cells.items()}
    for role in ("tightest", "slackest", "partly_hidden", "region_total", "national"):
        assert not published[role].seekers_hidden and published[role].ratio is not None, role
    assert published["partly_hidden"].hidden - {"job_seekers_short"}
    for role in ("hidden_first", "hidden_second"):
        p = published[role]
        assert p.seekers_hidden, role
        assert (p.job_seekers, p.ratio, p.tension_class) == (None, None, None), role
    assert published["tightest"].ratio > published["slackest"].ratio  # type: ignore[operator]


@pytest.mark.parametrize("role", ROLES)
def test_csv_export_is_the_api_json(sample: Sample, role: str) -> None:
    """`/api/indicators?format=csv` has the JSON's row for the cell, column by column."""
    cell = sample.cells[role]
    published = _published(sample, cell)
    text = sample.get("/api/indicators", format="csv", **_params(cell, published.period)).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1, f"{len(rows)} CSV rows"
    expected = {key: "" if value is None else str(value) for key, value in published.item.items()}
    assert rows[0] == expected


@pytest.mark.parametrize("role", _cases("region_page"))
def test_region_page_shows_the_published_figures(sample: Sample, role: str) -> None:
    cell = sample.cells[role]
    published = _published(sample, cell)
    page = _Page(sample.get(f"/regio/{cell.area}").text)
    check = Checks(cell, published, "region page")
    if cell.occupation is None:
        check.figures("key figures", _key_figures(page.paragraph("keyfigures")))
        check.table_row("series table", page.row("series", published.period), with_class=False)
        check.figures(
            "series duiding", _series_sentence(page.duiding.get("series", ""), cell.place)
        )
        check.table_row("regions table", page.row("regions", cell.place))
    else:
        check.table_row("occupations table", page.row("occupations", cell.label or ""))
        if role in ("tightest", "slackest"):
            check.ranking(
                "occupations duiding", _ranking_sentence(page.duiding.get("occupations", ""))
            )
    check.done()


@pytest.mark.parametrize("role", _cases("occupation_page"))
def test_occupation_page_shows_the_published_figures(sample: Sample, role: str) -> None:
    cell = sample.cells[role]
    published = _published(sample, cell)
    page = _Page(sample.get(f"/beroep/{cell.occupation}").text)
    check = Checks(cell, published, "occupation page")
    if cell.region is None:
        check.table_row("series table", page.row("series", published.period), with_class=False)
        check.figures(
            "series duiding", _series_sentence(page.duiding.get("series", ""), cell.place)
        )
    else:
        check.table_row("regions table", page.row("regions", cell.place))
    check.done()


def _factsheet_checks(check: Checks, text: str, where: str) -> None:
    cell = check.cell
    if cell.occupation is None:
        check.figures(f"{where} lead", _key_figures(text))
        check.figures(f"{where} series duiding", _series_sentence(text, cell.place))
    else:
        check.ranking(f"{where} ranking duiding", _ranking_sentence(text))


@pytest.mark.parametrize("role", _cases("factsheet"))
def test_factsheet_shows_the_published_figures(sample: Sample, role: str) -> None:
    """The factsheet's HTML and the text of its PDF."""
    cell = sample.cells[role]
    published = _published(sample, cell)
    check = Checks(cell, published, "factsheet")
    html = _Page(sample.get(f"/regio/{sample.region_code}/factsheet").text)
    _factsheet_checks(check, html.text(), "HTML")
    pdf = sample.get(f"/regio/{sample.region_code}/factsheet.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    _factsheet_checks(check, _pdf_text(pdf.content), "PDF")
    check.done()


def _ask(sample: Sample, question: str) -> dict[str, Any]:
    return dict(sample.get("/api/question", q=question, lang=LANG).json())


@pytest.mark.parametrize("role", _cases("question_box"))
def test_question_box_answers_with_the_published_figures(sample: Sample, role: str) -> None:
    """The tension, the vacancies and the job seekers question for the cell."""
    cell = sample.cells[role]
    published = _published(sample, cell)
    check = Checks(cell, published, "question box")
    what = f" voor {cell.label}" if cell.label else ""
    subject = f"{cell.label or 'alle beroepen'} in {cell.place}"
    asked: dict[str, Callable[[dict[str, Any], str], None]] = {}

    def common(answer: dict[str, Any], where: str) -> None:
        check.period(where, str(answer["period"]))
        check.that(subject in answer["text"], where, f"not about {subject!r}: {answer['text']!r}")

    def tension(answer: dict[str, Any], where: str) -> None:
        common(answer, where)
        if published.seekers_hidden:
            check.that(
                not answer["answered"] and answer["figure"] is None and answer["tension"] is None,
                where,
                f"a figure for a hidden cell: {answer}",
            )
            check.no_bound(where, answer["text"])
            return
        check.ratio(f"{where} figure", answer["figure"])
        check.tension_class(f"{where} tension", answer["tension"])
        counts = re.search(
            rf"\((?P<vacancies>{_COUNT}) vacatures, (?P<job_seekers>{_COUNT}) werkzoekenden\)",
            answer["text"],
        )
        if counts is None:
            check.fail(where, f"no counts in {answer['text']!r}")
        else:
            check.vacancies(f"{where} text", counts["vacancies"])
            check.job_seekers(f"{where} text", counts["job_seekers"])

    def vacancies(answer: dict[str, Any], where: str) -> None:
        common(answer, where)
        check.vacancies(f"{where} figure", str(answer["figure"]))

    def job_seekers(answer: dict[str, Any], where: str) -> None:
        common(answer, where)
        if published.seekers_hidden:
            check.that(
                not answer["answered"] and answer["figure"] is None,
                where,
                f"a figure for hidden job seekers: {answer}",
            )
            check.no_bound(where, answer["text"])
        else:
            check.job_seekers(f"{where} figure", str(answer["figure"]))

    asked[f"Hoe krap is de markt{what} in {cell.place}?"] = tension
    asked[f"Hoeveel vacatures zijn er{what} in {cell.place}?"] = vacancies
    asked[f"Hoeveel werkzoekenden zijn er{what} in {cell.place}?"] = job_seekers
    for question, judge in asked.items():
        judge(_ask(sample, question), repr(question))
    check.done()
