"""The words of the tasks pages (/taken), Dutch and English, from the gettext catalogues."""

from __future__ import annotations

from lloradar.web.i18n import LANGS, words

WORDS = words("tasks")

# The answers of the three five-point questions, from 1 to 5 (`tasks_scale.can.1` ...).
SCALES: dict[str, dict[str, list[str]]] = {
    lang: {
        kind: [answers[f"{kind}.{i}"] for i in range(1, 6)] for kind in ("can", "learn", "energy")
    }
    for lang, answers in words("tasks_scale").items()
    if lang in LANGS
}
