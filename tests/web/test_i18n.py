"""The gettext catalogues: nl and en hold the same messages, none untranslated; the templates
translate `_()` in the page's language; numbers are formatted the Dutch or English way."""

from __future__ import annotations

from datetime import date

import pytest
from babel.messages.pofile import read_po
from jinja2 import Environment

from lloradar.analytics.narrative import format_int, format_ratio, month_name
from lloradar.web.i18n import LANGS, TEXT, catalogue_path, gettext, install, messages, words
from lloradar.web.views import fmt_int, fmt_ratio


def _catalogue(lang: str) -> dict[str, str]:
    with catalogue_path(lang).open("rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


def test_both_catalogues_have_the_same_message_ids() -> None:
    nl, en = _catalogue("nl"), _catalogue("en")
    assert sorted(set(nl) - set(en)) == []
    assert sorted(set(en) - set(nl)) == []
    assert len(nl) > 400


@pytest.mark.parametrize("lang", LANGS)
def test_no_message_lacks_a_translation(lang: str) -> None:
    assert [key for key, text in _catalogue(lang).items() if not text.strip()] == []


def test_words_are_namespaced_views_of_the_catalogue() -> None:
    assert TEXT["nl"]["home"] == gettext("nl", "home") == "Kaart"
    assert TEXT["en"]["home"] == "Map"
    tasks = words("tasks")
    assert set(tasks["nl"]) == set(tasks["en"]) != set()
    assert all(tasks["nl"][k] == messages("nl")[f"tasks.{k}"] for k in tasks["nl"])
    with pytest.raises(KeyError):
        gettext("nl", "no.such.message")


def test_templates_translate_in_the_page_language() -> None:
    env = Environment(autoescape=True)
    install(env)
    page = env.from_string('{{ _("home") }}|{{ _("suppressed") }}')
    assert page.render(lang="nl") == "Kaart|&lt;10"
    assert page.render(lang="en") == "Map|&lt;10"


def test_numbers_in_dutch_and_english() -> None:
    assert fmt_int(1234567, "nl") == format_int(1234567, "nl") == "1.234.567"
    assert fmt_int(1234567, "en") == format_int(1234567, "en") == "1,234,567"
    assert fmt_ratio(0.5, "nl") == format_ratio(0.5, "nl") == "0,50"
    assert fmt_ratio(0.5, "en") == "0.50"
    assert fmt_ratio(2.675, "nl") == "2,67"  # rounded as Python rounds the float, as before
    assert fmt_int(None, "nl") == "<10"


def test_month_names_in_dutch_and_english() -> None:
    assert month_name(date(2024, 3, 1), "nl") == "maart 2024"
    assert month_name(date(2024, 3, 1), "en") == "March 2024"
