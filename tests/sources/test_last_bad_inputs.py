"""The last bad inputs that still crashed or misled (issue 22, item 5): each gets a one-line
error naming the file, line and field, or a quarantine entry on the right field."""

from __future__ import annotations

import gzip
from datetime import date

import pytest

from lloradar.domain import IngestError
from lloradar.sources.cbs import parse_page
from lloradar.sources.duo import parse_duo
from lloradar.sources.vacancies import parse_vacancies

TODAY = date(2026, 1, 1)
GOOD = (
    '{"id": "v1", "title": "Chauffeur", "description": "Rijden", "location": "Zwolle", '
    '"posted": "2025-03-14"}'
)


@pytest.mark.parametrize(("line", "kind"), [("[1, 2]", "an array"), ("42", "a number")])
def test_a_json_line_that_is_not_an_object_names_its_line(line: str, kind: str) -> None:
    with pytest.raises(IngestError) as raised:
        parse_vacancies(f"{GOOD}\n{line}\n".encode(), "feed.jsonl", today=TODAY)
    message = str(raised.value)
    assert "feed.jsonl" in message and "line 2" in message
    assert kind in message and "expected a JSON object" in message


def test_a_bad_closing_date_is_reported_on_the_closed_field() -> None:
    bad = GOOD.replace('"posted": "2025-03-14"', '"posted": "2025-03-14", "closed": "gisteren"')
    parsed = parse_vacancies(f"{bad}\n".encode(), "feed.jsonl", today=TODAY)
    [entry] = parsed.quarantine
    assert (entry.field, entry.value) == ("closed", "gisteren")
    assert "not a date" in entry.reason


@pytest.mark.parametrize("name", ["empty.jsonl", "empty.csv"])
def test_an_empty_vacancy_file_is_an_error_in_every_format(name: str) -> None:
    with pytest.raises(IngestError) as raised:
        parse_vacancies(b"", name, today=TODAY)
    assert name in str(raised.value)


def test_a_semicolon_csv_gets_a_hint_about_the_separator() -> None:
    data = b"id;title;description;employer;location;posted;closed\nv1;a;b;c;Zwolle;2025-01-01;\n"
    with pytest.raises(IngestError) as raised:
        parse_vacancies(data, "vacatures.csv", today=TODAY)
    message = str(raised.value)
    assert "line 1" in message and "semicolons" in message


@pytest.mark.parametrize("title", ['{"nl": "Chauffeur"}', '["Chauffeur"]'])
def test_a_title_given_as_an_object_or_list_is_quarantined_not_stored_as_python_text(
    title: str,
) -> None:
    line = GOOD.replace('"Chauffeur"', title)
    parsed = parse_vacancies(f"{line}\n".encode(), "feed.jsonl", today=TODAY)
    assert parsed.records == []
    [entry] = parsed.quarantine
    assert entry.field == "title" and "object or list" in entry.reason
    assert "{'nl'" not in entry.value


def test_a_truncated_gzip_cbs_page_is_a_clear_error() -> None:
    page = gzip.compress(b'{"value": [{"ID": 0, "Perioden": "2020KW02"}]}' * 50)
    with pytest.raises(IngestError) as raised:
        parse_page(page[: len(page) // 2], "page-1.json.gz")
    assert "page-1.json.gz" in str(raised.value) and "truncated or damaged gzip" in str(
        raised.value
    )


def test_a_truncated_gzip_duo_file_is_a_clear_error() -> None:
    data = gzip.compress(b"BRIN NUMMER;OPLEIDINGSCODE\n" * 200)
    with pytest.raises(IngestError) as raised:
        parse_duo(data[:40], "duo.csv.gz")
    assert "duo.csv.gz" in str(raised.value) and "gzip" in str(raised.value)
