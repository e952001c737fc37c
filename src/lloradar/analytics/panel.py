"""Citizen panel (burgerpanel / citizen panel) figures: response and attrition per wave and the
distribution of answers, with disclosure control: no count of fewer than 10 people is shown,
nor one that follows from the counts beside it.

Pure functions over sets of pseudonyms and answer values; the feature reads them from the store.

- Response rate (respons) of a wave: members who answered / members invited to it.
- Attrition (uitval) of a wave: of the respondents of the previous wave, the share that did not
  answer this one. The first wave has none.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from statistics import mean, median

from lloradar.analytics.disclosure import (
    DisclosureLedger,
    disclose,
    protect_column,
    protect_share,
)


@dataclass(frozen=True, slots=True)
class WaveResponse:
    """The response to one wave after disclosure control (None = hidden)."""

    wave_id: str
    invited: int | None
    responded: int | None
    response_rate: float | None  # percent
    previous_respondents: int | None  # respondents of the previous wave (None: first wave)
    retained: int | None  # of them, how many answered this wave too
    attrition_rate: float | None  # percent of the previous respondents who dropped out


def _pct(part: int | None, whole: int | None) -> float | None:
    if part is None or whole is None or whole == 0:
        return None
    return round(100.0 * part / whole, 1)


def wave_responses(
    waves: Sequence[str],
    invited: Mapping[str, frozenset[str]],
    responded: Mapping[str, frozenset[str]],
) -> list[WaveResponse]:
    """Response and attrition per wave, in the order of `waves`. A respondent who was not
    invited (a data error) is not counted as responding."""
    out: list[WaveResponse] = []
    previous: frozenset[str] | None = None
    for wave in waves:
        asked = invited.get(wave, frozenset())
        answered = responded.get(wave, frozenset()) & asked
        shown_part, shown_whole = protect_share(len(answered), len(asked))
        if previous is None:
            before = retained = attrition = None
        else:
            kept = len(previous & answered)
            retained, before = protect_share(kept, len(previous))
            attrition = None if retained is None else _pct(len(previous) - kept, before)
        out.append(
            WaveResponse(
                wave_id=wave,
                invited=disclose(len(asked)),
                responded=shown_part,
                response_rate=_pct(shown_part, shown_whole),
                previous_respondents=before,
                retained=retained,
                attrition_rate=attrition,
            )
        )
        previous = answered
    return out


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """The answers to one question of one population after disclosure control."""

    question_id: str
    answer_type: str
    respondents: int | None  # None: fewer than 10 people answered (nothing else is shown)
    counts: dict[str, int | None]  # per option (choice, multi_choice, boolean)
    mean: float | None  # integer and scale questions
    median: float | None


CATEGORICAL = frozenset({"choice", "multi_choice", "boolean"})


def question_result(
    question_id: str,
    answer_type: str,
    options: Sequence[str],
    answers: Mapping[str, Sequence[str]],
) -> QuestionResult:
    """`answers`: pseudonym -> the values given (one, or several for multi_choice). A result
    of fewer than 10 respondents shows nothing at all."""
    n = disclose(len(answers))
    if n is None:
        empty: dict[str, int | None] = dict.fromkeys(options)
        return QuestionResult(question_id, answer_type, None, empty, None, None)
    if answer_type in CATEGORICAL:
        tally = {o: sum(1 for values in answers.values() if o in values) for o in options}
        if answer_type == "multi_choice":
            # options overlap: each count and its complement (who did not pick it) are protected
            counts = {o: protect_share(c, len(answers))[0] for o, c in tally.items()}
        else:
            cells, _ = protect_column([tally[o] for o in options])
            counts = dict(zip(options, cells, strict=True))
        return QuestionResult(question_id, answer_type, n, counts, None, None)
    numbers = [float(v) for values in answers.values() for v in values[:1]]
    return QuestionResult(
        question_id,
        answer_type,
        n,
        {},
        round(mean(numbers), 2),
        round(float(median(numbers)), 2),
    )


def population_sizes(populations: Mapping[str, frozenset[Hashable]]) -> dict[str, int | None]:
    """The sizes of overlapping populations (the whole wave, each group) that may be shown
    side by side: one ledger over all of them, so no two differ by 1..9 people."""
    ledger = DisclosureLedger()
    return {name: ledger.answer(members) for name, members in populations.items()}
