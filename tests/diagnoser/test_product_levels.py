"""The seed's PRODUCTLEVEL table, every row, as data."""

import re
from pathlib import Path

import pytest

from diagnoser.product_levels import TABLE, rows_for, rows_matching

SEED = Path("/work/shared/seeds/000_aaf6ee064bbbe1c6.txt")


def test_every_row_of_the_seed_table_is_there():
    assert len(TABLE) == 16
    assert [row.level for row in TABLE].count(50) == 5
    assert {row.level for row in TABLE} == {None, 3, 10, 50, 51, 60, 80, 90, 95}


def test_rows_agree_with_the_seed_text():
    if not SEED.exists():
        pytest.skip("the seed lives beside the repository, on the build machines only")
    seed = SEED.read_text()
    table = seed[seed.index("Product Family | User Model") :]
    for row in TABLE:
        assert row.product in table
        if row.level is not None:
            assert re.search(rf"\|\s*{row.level}\s*\|", table)
        for part in (row.activation, row.since):
            assert part.split(" (")[0] in table, part


def test_lookup():
    assert [row.product for row in rows_for(90)] == ["GeoAnalytics Server", "GeoAnalytics Server"]
    assert rows_for(42) == []
    assert [row.user_model for row in rows_matching(50, {"TOKENS", "OVERAGE"})] == ["Tokens"]
    assert [row.user_model for row in rows_matching(10, {"NUMBER_OF_NAMED_CALS"})] == [
        "Named user / Document / Session CALs"
    ]
    assert len(rows_matching(50, {"SOMETHING"})) == 5
