"""The words of the web pages in Dutch (the default unless LLORADAR_LANG says `en`) and English."""

from __future__ import annotations

from fastapi import Request

LANGS = ("nl", "en")
COOKIE = "lang"

TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "site": "LLO Radar",
        "tagline": "Krapte en ruimte op de regionale arbeidsmarkt, per beroep",
        "switch": "English",
        "switch_lang": "en",
        "home": "Kaart",
        "question": "Stel een vraag",
        "ask": "Vraag",
        "question_placeholder": "hoe krap is de markt voor verpleegkundigen in Twente?",
        "map_title": "Spanning op de arbeidsmarkt per arbeidsmarktregio",
        "map_help": "Klik op een regio voor het profiel. De tabel hieronder geeft dezelfde cijfers.",
        "all_occupations": "Alle beroepen",
        "occupation": "Beroep",
        "show": "Toon",
        "legend": "Legenda: spanningsindicator (vacatures per kortdurend werkzoekende)",
        "no_data": "geen cijfers",
        "region": "Regio",
        "vacancies": "Openstaande vacatures",
        "job_seekers": "Kortdurend werkzoekenden",
        "ratio": "Spanning",
        "class": "Klasse",
        "month": "Maand",
        "table_alt": "Tabel bij de grafiek",
        "download": "Download de gegevens (CSV)",
        "sources": "Bronnen",
        "demo": "Demodata: deze cijfers zijn gegenereerd en niet echt. Ze laten zien hoe de radar "
        "werkt.",
        "series_title": "Spanning per maand",
        "ranking_title": "Krapste en ruimste beroepen",
        "tightest": "Krapst",
        "slackest": "Ruimst",
        "compare_title": "Vergelijking met andere regio's",
        "skills_title": "Gevraagde vaardigheden (ESCO, essentieel)",
        "factsheet": "Factsheet",
        "factsheet_pdf": "Factsheet als PDF",
        "latest": "Laatste maand",
        "not_found": "Niet gevonden",
        "not_found_text": "Deze pagina of code bestaat niet.",
        "did_you_mean": "Bedoelde u",
        "invalid": "Ongeldige invoer",
        "invalid_text": "Deze waarde klopt niet",
        "suppressed": "<10",
        "answer": "Antwoord",
        "cannot_answer": "Geen antwoord mogelijk",
        "api": "API",
        "duiding": "Duiding",
    },
    "en": {
        "site": "LLO Radar",
        "tagline": "Tight and slack regional labour markets, by occupation",
        "switch": "Nederlands",
        "switch_lang": "nl",
        "home": "Map",
        "question": "Ask a question",
        "ask": "Ask",
        "question_placeholder": "how tight is the market for nurses in Twente?",
        "map_title": "Labour-market tension by labour-market region",
        "map_help": "Click a region for its profile. The table below gives the same figures.",
        "all_occupations": "All occupations",
        "occupation": "Occupation",
        "show": "Show",
        "legend": "Legend: tension indicator (vacancies per short-term job seeker)",
        "no_data": "no figures",
        "region": "Region",
        "vacancies": "Open vacancies",
        "job_seekers": "Short-term job seekers",
        "ratio": "Tension",
        "class": "Class",
        "month": "Month",
        "table_alt": "Table for the chart",
        "download": "Download the data (CSV)",
        "sources": "Sources",
        "demo": "Demo data: these figures are generated, not real. They show how the radar works.",
        "series_title": "Tension by month",
        "ranking_title": "Tightest and slackest occupations",
        "tightest": "Tightest",
        "slackest": "Slackest",
        "compare_title": "Comparison with other regions",
        "skills_title": "Skills in demand (ESCO, essential)",
        "factsheet": "Factsheet",
        "factsheet_pdf": "Factsheet as PDF",
        "latest": "Latest month",
        "not_found": "Not found",
        "not_found_text": "This page or code does not exist.",
        "did_you_mean": "Did you mean",
        "invalid": "Invalid input",
        "invalid_text": "This value is not valid",
        "suppressed": "<10",
        "answer": "Answer",
        "cannot_answer": "No answer possible",
        "api": "API",
        "duiding": "Interpretation",
    },
}


def request_lang(request: Request) -> str:
    """`?lang=` wins, then the cookie, then the server's default: `app.state.lang`, which
    `lloradar.server.create_app` takes from the settings (LLORADAR_LANG), else Dutch."""
    for value in (request.query_params.get("lang"), request.cookies.get(COOKIE)):
        if value in LANGS:
            return value
    default = getattr(request.app.state, "lang", None)
    return default if default in LANGS else LANGS[0]
