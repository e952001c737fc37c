"""Citizen panel (burgerpanel / citizen panel) figures: response and attrition per wave and the
distribution of answers, with disclosure control: no count of fewer than 10 people is shown,
nor one that follows from the counts beside it.

Pure functions over sets of pseudonyms and answer values; the feature reads them from the store.

- Response rate (respons) of a wave: members who answered / members invited to it.
- Attrition (uitval) of a wave: of the respondents of the previous wave, the share that did not
  answer this one. The first wave has none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import mean, median

from lloradar.analytics.disclosure import protect_table


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


ALL = "all"
OTHER = ""  # respondents in no group (withdrawn members): counted in "all", never shown alone


def _split(
    table: Sequence[Sequence[int]], groups: Sequence[str]
) -> tuple[list[list[int | None]], list[int | None], list[int | None], int | None]:
    """A stage x group table protected with its margins: (cells, stage totals over all groups,
    group totals, grand total)."""
    protected = protect_table(table)
    return (
        [list(row) for row in protected.cells],
        list(protected.row_totals),
        list(protected.column_totals),
        protected.grand_total,
    )


def wave_responses_by_group(
    waves: Sequence[str],
    invited: Mapping[str, frozenset[str]],
    responded: Mapping[str, frozenset[str]],
    group_of: Mapping[str, str],
) -> dict[str, list[WaveResponse]]:
    """Response and attrition per wave for the whole panel ("all") and each group, each wave's
    figures one table with the groups as columns and the panel as their margin, so a hidden
    group figure does not follow from the panel's minus the other groups'."""
    groups = sorted({group_of.get(p, OTHER) for w in waves for p in invited.get(w, frozenset())})
    out: dict[str, list[WaveResponse]] = {g: [] for g in [ALL, *groups] if g != OTHER}
    previous: frozenset[str] | None = None
    for wave in waves:
        asked = invited.get(wave, frozenset())
        answered = responded.get(wave, frozenset()) & asked

        def per_group(people: frozenset[str]) -> list[int]:
            return [sum(1 for p in people if group_of.get(p, OTHER) == g) for g in groups]

        cells, totals, asked_by_group, asked_all = _split(
            [per_group(answered), per_group(asked - answered)], groups
        )
        kept_cells: list[list[int | None]] = [[None] * len(groups), [None] * len(groups)]
        kept_totals: list[int | None] = [None, None]
        before_by_group: list[int | None] = [None] * len(groups)
        before_all: int | None = None
        if previous is not None and groups:
            kept_cells, kept_totals, before_by_group, before_all = _split(
                [per_group(previous & answered), per_group(previous - answered)], groups
            )
        columns = [
            (ALL, totals[0], asked_all, kept_totals[0], before_all),
            *(
                (g, cells[0][i], asked_by_group[i], kept_cells[0][i], before_by_group[i])
                for i, g in enumerate(groups)
            ),
        ]
        for name, part, whole, kept, before in columns:
            if name == OTHER:
                continue
            first = previous is None
            out[name].append(
                WaveResponse(
                    wave_id=wave,
                    invited=whole,
                    responded=part,
                    response_rate=_pct(part, whole),
                    previous_respondents=None if first else before,
                    retained=None if first else kept,
                    attrition_rate=None
                    if first or kept is None or before is None
                    else _pct(before - kept, before),
                )
            )
        previous = answered
    return out


def wave_responses(
    waves: Sequence[str],
    invited: Mapping[str, frozenset[str]],
    responded: Mapping[str, frozenset[str]],
) -> list[WaveResponse]:
    """Response and attrition per wave of one population, in the order of `waves`. A respondent
    who was not invited (a data error) is not counted as responding."""
    everyone = {p: "panel" for w in waves for p in invited.get(w, frozenset())}
    return wave_responses_by_group(waves, invited, responded, everyone)[ALL]


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


def _numbers(values: Sequence[Sequence[str]]) -> tuple[float | None, float | None]:
    numbers = [float(v[0]) for v in values if v]
    if not numbers:
        return None, None
    return round(mean(numbers), 2), round(float(median(numbers)), 2)


def results_by_group(
    questions: Sequence[tuple[str, str, Sequence[str]]],
    answers: Mapping[str, Mapping[str, Sequence[str]]],
    group_of: Mapping[str, str],
) -> tuple[dict[str, int | None], dict[str, list[QuestionResult]]]:
    """The respondents of a wave and their answers per question, for "all" and each group.

    `questions`: (id, answer type, options); `answers`: question id -> pseudonym -> values.
    Every figure is a cell of a table with the groups as columns and the whole wave as their
    margin (a choice question: options x groups; a multiple-choice option: picked / not picked
    x groups; the respondents: one row), protected as a whole: no group figure under 10, nor
    one that follows from the wave's figure minus the other groups'. A group whose respondents
    are hidden shows nothing."""
    everyone = sorted({p for per in answers.values() for p in per})
    groups = sorted({group_of.get(p, OTHER) for p in everyone})
    names = [ALL, *(g for g in groups if g != OTHER)]

    def per_group(people: Sequence[str] | set[str]) -> list[int]:
        return [sum(1 for p in people if group_of.get(p, OTHER) == g) for g in groups]

    cells, totals, _, _ = (
        _split([per_group(everyone)], groups) if groups else ([[]], [None], [], None)
    )
    sizes: dict[str, int | None] = {ALL: totals[0]}
    sizes.update({g: cells[0][i] for i, g in enumerate(groups) if g != OTHER})
    results: dict[str, list[QuestionResult]] = {n: [] for n in names if sizes[n] is not None}
    for qid, kind, options in questions:
        given = answers.get(qid, {})
        for name, result in _question_by_group(qid, kind, options, given, group_of, groups):
            if name in results:
                results[name].append(result)
    return sizes, results


def _question_by_group(
    qid: str,
    kind: str,
    options: Sequence[str],
    given: Mapping[str, Sequence[str]],
    group_of: Mapping[str, str],
    groups: Sequence[str],
) -> list[tuple[str, QuestionResult]]:
    def people_of(group: str) -> list[str]:
        return [p for p in given if group_of.get(p, OTHER) == group]

    if not groups:
        return []
    if kind in CATEGORICAL and kind != "multi_choice":
        table = [[sum(1 for p in people_of(g) if o in given[p]) for g in groups] for o in options]
        cells, option_totals, n_by_group, n_all = _split(table, groups)
        columns = [(ALL, n_all, option_totals)] + [
            (g, n_by_group[i], [row[i] for row in cells]) for i, g in enumerate(groups)
        ]
        return [
            (
                name,
                QuestionResult(qid, kind, n, dict(zip(options, counts, strict=True)), None, None),
            )
            if n is not None
            else (name, QuestionResult(qid, kind, None, dict.fromkeys(options), None, None))
            for name, n, counts in columns
            if name != OTHER
        ]
    if kind == "multi_choice":
        per_option = []
        for o in options:
            picked = [[sum(1 for p in people_of(g) if o in given[p]) for g in groups]]
            rest = [[sum(1 for p in people_of(g) if o not in given[p]) for g in groups]]
            per_option.append(_split([*picked, *rest], groups))
        out = []
        for index, name in enumerate([ALL, *groups]):
            if name == OTHER:
                continue
            if name == ALL:
                ns = [t[3] for t in per_option]
                counts = [t[1][0] for t in per_option]
            else:
                ns = [t[2][index - 1] for t in per_option]
                counts = [t[0][0][index - 1] for t in per_option]
            n = ns[0] if ns and all(x == ns[0] for x in ns) else None
            shown = (
                dict(zip(options, counts, strict=True)) if n is not None else dict.fromkeys(options)
            )
            out.append((name, QuestionResult(qid, kind, n, shown, None, None)))
        return out
    cells, totals, _, _ = _split([[len(people_of(g)) for g in groups]], groups)
    out = []
    for index, name in enumerate([ALL, *groups]):
        if name == OTHER:
            continue
        n = totals[0] if name == ALL else cells[0][index - 1]
        people = list(given) if name == ALL else people_of(name)
        average, middle = _numbers([given[p] for p in people]) if n is not None else (None, None)
        out.append((name, QuestionResult(qid, kind, n, {}, average, middle)))
    return out
