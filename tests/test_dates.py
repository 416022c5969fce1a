"""Dates typed on the command line, in batch rows and in `new`: real dates, 1900 to 2100."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("typed", ["2026-02-30", "2026-13-01", "2026-2-3", "21/11/2026", "soon"])
def test_a_date_that_is_not_real_is_one_line_exit_2(render, typed):
    result, text = render("knee-dry-needling", "--date", typed)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f'error: --date: "{typed}" is not a date; use YYYY-MM-DD, e.g. 2026-11-21\n'
    )
    assert "Usage:" not in result.output
    assert text == ""


@pytest.mark.parametrize("typed", ["1899-12-31", "2101-01-01", "0001-01-01"])
def test_a_date_out_of_range_is_refused_the_same_way(render, typed):
    result, _ = render("knee-dry-needling", "--date", typed)
    assert result.exit_code == 2
    assert result.stderr == (
        f'error: --date: "{typed}" is not a date to print; use YYYY-MM-DD from 1900 to 2100, '
        "e.g. 2026-11-21\n"
    )


@pytest.mark.parametrize("typed", ["1900-01-01", "2100-12-31", "2024-02-29"])
def test_real_dates_in_range_print(render, typed):
    result, _ = render("knee-dry-needling", "--date", typed)
    assert result.exit_code == 0, result.output


def test_a_batch_row_date_out_of_range_is_a_request_error(tmp_path, run):
    (tmp_path / "rows.csv").write_text("template,date\nknee-dry-needling,1850-01-01\n")
    result = run("batch", str(tmp_path / "rows.csv"), "-o", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 4
    assert (
        'error: rows.csv:2: date: "1850-01-01" is not a date to print; use YYYY-MM-DD '
        "from 1900 to 2100, e.g. 2026-11-21" in result.stderr
    )
