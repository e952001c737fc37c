"""Disclosure control: primary and secondary suppression and differencing, as golden cases.

The cases (each a test below):
1. a count under ten is shown as the marker, never as zero; ten and more are shown;
2. one small cell in a 2x2 table with margins: its row and column partners are hidden too,
   so all four inner cells are hidden and the margins stay; in a 3x3 table a rectangle of four;
3. a small row total hides its row's cells and a partner row, whose total would give it away;
4. two hidden zeros in one row: their known sum (0) would reveal both, so a third cell goes;
5. a small cell beside a zero: the hidden sum must reach ten;
6. a table without small cells is shown whole;
7. a one-column breakdown with its total (participants per theme): the smallest other row
   is hidden with the small one;
8. a share: 38 of 40 and 40 of 40 are hidden (the rest is known), 20 of 40 is shown;
9. property: for any table, no hidden cell follows from the shown cells and the sums, every
   line hides none or at least two cells, and hidden cells of a line add up to ten or more;
10. differencing: a population that differs from an answered one by 1..9 people is refused,
    by ten or more is answered, the same one again is answered.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from lloradar.analytics.disclosure import (
    HIDDEN,
    MIN_PEOPLE,
    SUPPRESSED,
    DisclosureLedger,
    Position,
    _derivable,
    _full_grid,
    _lines,
    disclose,
    protect_column,
    protect_share,
    protect_table,
    show_count,
)

S = HIDDEN


def test_cell_under_ten_people_is_suppressed_with_a_marker_not_a_zero() -> None:
    assert [show_count(n) for n in (0, 1, 9, 10, 12345)] == [SUPPRESSED] * 3 + ["10", "12.345"]
    assert disclose(0) is None and disclose(None) is None and disclose(10) == 10


def test_one_small_cell_hides_its_row_and_column_partners() -> None:
    table = protect_table([[5, 20], [30, 40]])
    assert table.rendered() == [[S, S, "25"], [S, S, "70"], ["35", "60", "95"]]
    assert table.primary == {(0, 0)}
    assert table.secondary == {(0, 1), (1, 0), (1, 1)}


def test_small_cell_in_a_3x3_table_hides_a_rectangle_of_four() -> None:
    table = protect_table([[4, 50, 60], [30, 70, 80], [40, 90, 100]])
    assert table.rendered() == [
        [S, S, "60", "114"],
        [S, S, "80", "180"],
        ["40", "90", "100", "230"],
        ["74", "210", "240", "524"],
    ]


def test_small_row_total_hides_the_row_and_a_partner_row_with_its_total() -> None:
    table = protect_table([[3, 4], [30, 40], [50, 60]])
    assert table.rendered() == [
        [S, S, S],
        [S, S, S],  # 70 = 187 - 110 - 7 would give row 0's total away
        ["50", "60", "110"],
        ["83", "104", "187"],
    ]


def test_two_hidden_zeros_in_a_row_do_not_reveal_each_other() -> None:
    table = protect_table([[0, 0, 50], [20, 30, 40]])
    assert table.rendered() == [
        [S, S, S, "50"],
        [S, S, S, "90"],
        ["20", "30", "90", "140"],
    ]
    assert (0, 2) in table.secondary


def test_hidden_cells_of_a_line_add_up_to_at_least_ten() -> None:
    table = protect_table([[1, 0, 80, 90], [50, 60, 70, 80]])
    row = table.cells[0]
    hidden = [v for v, shown in zip([1, 0, 80, 90], row, strict=True) if shown is None]
    assert sum(hidden) >= MIN_PEOPLE


def test_table_without_small_cells_is_shown_whole() -> None:
    table = protect_table([[10, 20], [30, 40]])
    assert table.rendered() == [["10", "20", "30"], ["30", "40", "70"], ["40", "60", "100"]]
    assert not table.primary and not table.secondary


def test_one_column_breakdown_hides_the_smallest_other_row() -> None:
    assert protect_column([5, 40, 60]) == ([None, None, 60], 105)
    assert protect_column([15, 40, 60]) == ([15, 40, 60], 115)


def test_share_hides_the_part_when_the_rest_is_small() -> None:
    assert protect_share(38, 40) == (None, 40)
    assert protect_share(40, 40) == (None, 40)
    assert protect_share(20, 40) == (20, 40)
    assert protect_share(5, 8) == (None, None)


def rank_oracle(
    lines: list[tuple[list[Position], Position]], hidden: list[Position]
) -> list[Position]:
    """Independent check: x_i is determined iff adding its unit row keeps the rank."""
    index = {p: i for i, p in enumerate(hidden)}
    rows = []
    for inner, total in lines:
        row = np.zeros(len(hidden))
        for p in inner:
            if p in index:
                row[index[p]] += 1
        if total in index:
            row[index[total]] -= 1
        if row.any():
            rows.append(row)
    if not rows:
        return []
    matrix = np.array(rows)
    rank = np.linalg.matrix_rank(matrix)
    unit = np.eye(len(hidden))
    return [
        p for p, i in index.items() if np.linalg.matrix_rank(np.vstack([matrix, unit[i]])) == rank
    ]


tables = st.integers(1, 4).flatmap(
    lambda cols: st.lists(
        st.lists(st.integers(0, 60), min_size=cols, max_size=cols), min_size=1, max_size=4
    )
)


@settings(max_examples=60, deadline=None)
@given(tables)
def test_no_hidden_cell_can_be_derived_from_the_margins(cells: list[list[int]]) -> None:
    table = protect_table(cells)
    grid = _full_grid(cells)
    n_rows, n_cols = len(cells), len(cells[0])
    hidden = table.primary | table.secondary
    lines = _lines(n_rows, n_cols)
    assert all(
        grid[r][c] >= MIN_PEOPLE
        for r, row in enumerate(grid)
        for c, _ in enumerate(row)
        if (r, c) not in hidden
    )
    for inner, total in lines:
        members = [*inner, total]
        hidden_here = [p for p in members if p in hidden]
        if hidden_here and len(hidden_here) < len(members):
            assert len(hidden_here) >= 2
            assert sum(grid[r][c] for r, c in hidden_here) >= MIN_PEOPLE
    derivable = _derivable(lines, set(hidden))
    assert sorted(derivable) == rank_oracle(lines, sorted(hidden))
    # A derivable cell is acceptable only when every line through it is wholly hidden.
    for r, c in derivable:
        row_line = [*lines[r][0], lines[r][1]]
        col_line = [*lines[n_rows + 1 + c][0], lines[n_rows + 1 + c][1]]
        assert all(p in hidden for p in row_line) and all(p in hidden for p in col_line)


def test_overlapping_query_that_differs_by_fewer_than_ten_is_refused() -> None:
    ledger = DisclosureLedger()
    everyone = {f"p{i}" for i in range(50)}
    assert ledger.answer(everyone) == 50
    assert ledger.answer(everyone - {"p1", "p2", "p3"}) is None  # 3 people by differencing
    assert ledger.answer(everyone | {"x1", "x2"}) is None  # 2 added people
    shifted = (everyone - {"p1", "p2", "p3"}) | {f"y{i}" for i in range(20)}
    assert ledger.answer(shifted) is None  # 3 people left out on one side
    assert ledger.answer({f"p{i}" for i in range(30)}) == 30  # 20 apart from 50
    assert ledger.answer(everyone) == 50  # the same question again
    assert ledger.answer({f"z{i}" for i in range(12)}) == 12  # disjoint
    assert ledger.answer({f"q{i}" for i in range(9)}) is None  # primary


def test_series_of_cumulative_counts_skips_months_that_add_few_people() -> None:
    ledger = DisclosureLedger()
    months = [set(range(12)), set(range(15)), set(range(25)), set(range(27))]
    assert [ledger.answer(m) for m in months] == [12, None, 25, None]
