"""Long tables are printed line by line (dipgraph.cli.plain_table), not laid out by rich."""

from __future__ import annotations

import io

from rich.cells import cell_len

from dipgraph.cli import output
from dipgraph.cli.plain_table import column_widths, print_plain_table


def test_long_cells_wrap_within_their_column_and_every_line_fits() -> None:
    rows = [
        ["c-1", "Lavrov and Blinken discussed prisoners, New START and Ukraine at length"],
        ["c-2", "لافروف وبلينكن بحثا تبادل السجناء ومعاهدة ستارت الجديدة"],
        ["c-3", "two\nlines"],
    ]
    out = io.StringIO()
    print_plain_table(rows, ["id", "summary"], None, 30, out, [False, True])
    lines = out.getvalue().splitlines()
    assert all(cell_len(line) <= 30 for line in lines)
    body = "".join(line.split(" │ ", 1)[1] for line in lines[2:] if " │ " in line)
    assert body.replace(" ", "") == "".join(r[1] for r in rows).replace(" ", "").replace("\n", "")
    assert lines[0].startswith("id ") and "summary" in lines[0]
    assert [line.split(" │ ")[0].strip() for line in lines[2:]].count("c-1") == 1


def test_short_columns_keep_their_width_and_long_ones_share_the_rest() -> None:
    rows = [["contact-12345", "x" * 200, "y" * 100]]
    widths = column_widths(rows, ["id", "a", "b"], [False, True, True], 100)
    assert widths[0] == len("contact-12345")
    assert sum(widths) + 2 * len(" │ ") <= 100
    assert abs(widths[1] - widths[2]) <= 1  # the widest gives way first, then both


def test_print_table_prints_a_long_table_plainly_with_every_row(capsys) -> None:
    rows = [{"id": f"c-{i}", "name": f"Name {i}"} for i in range(output.LONG_TABLE + 1)]
    columns = [("id", lambda r: r["id"]), ("name", lambda r: r["name"])]
    output.print_table(rows, columns, title=f"{len(rows)} row(s)")
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"{len(rows)} row(s)"
    assert "┃" not in "".join(printed[:3])  # not rich's box
    assert len(printed) == 3 + len(rows) and printed[-1].startswith(f"c-{len(rows) - 1} ")


def test_a_short_table_is_still_rich(capsys) -> None:
    output.print_table([{"id": "c-1"}], [("id", lambda r: r["id"])], title="1 row(s)")
    assert "┃" in capsys.readouterr().out


def test_a_title_wider_than_its_table_stays_on_one_line(capsys) -> None:
    """A count that is 0 makes a 5-cell table: its title had wrapped to "1", "row(s", ")"."""
    output.print_table([{"n": "0"}], [("n", lambda r: r["n"])], title="1 row(s)")
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "1 row(s)" and printed[1].startswith("┏")
