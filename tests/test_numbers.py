"""Quantities in the core's messages: thousands grouped, decimal commas in Russian and Kazakh,
years and numbers that name something left alone."""

from __future__ import annotations

from decimal import Decimal

import pytest

from inspector_app.domain.numbers import format_quantity
from inspector_app.messages import translate

NBSP = "\u00a0"


@pytest.mark.parametrize(("value", "ru", "en"), [
    (0, "0", "0"), (999, "999", "999"), (1_000, f"1{NBSP}000", f"1{NBSP}000"),
    (-1_234_567, f"-1{NBSP}234{NBSP}567", f"-1{NBSP}234{NBSP}567"),
    (1.5, "1,5", "1.5"), (12_345.25, f"12{NBSP}345,25", f"12{NBSP}345.25"), (2.0, "2", "2"),
    (-0.25, "-0,25", "-0.25"), (Decimal("4325.50"), f"4{NBSP}325,5", f"4{NBSP}325.5"),
])
def test_quantities_are_written_for_the_language(value, ru, en):
    assert format_quantity(value, "ru") == ru == format_quantity(value, "kk").replace(".", ",")
    assert format_quantity(value, "en") == en


def test_messages_group_counts_and_keep_years_and_export_numbers():
    text = translate("demo.done", "ru", records=20_000, seconds=1.5, rate=12_345,
                     first="01.01.2024", last="25.11.2026")
    assert f"20{NBSP}000" in text and "1,5 с" in text and f"12{NBSP}345" in text
    assert "1.5" in translate("demo.done", "en", records=1, seconds=1.5, rate=1, first="",
                              last="")
    exported = translate("cli.export_done", "ru", number=1234, path="/x", records=1234,
                         mode="все")
    assert "№ 1234" in exported and f"записей: 1{NBSP}234" in exported
    assert translate("cli.export_done", "ru", number=True, path="", records=False, mode="") \
        .count("True") == 1  # booleans are not numbers
