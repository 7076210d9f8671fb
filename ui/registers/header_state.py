"""A register table's columns as the user left them, keyed by column, not by position.

``QHeaderView.saveState()`` records sections by position: once a register gains a column,
every width, the order and the sort column would land one column off. This state names each
column by its key instead; a column the state does not know keeps its default width and
takes its place after the column it follows in the register.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView


def header_columns(header: QHeaderView, keys: list[str]) -> dict:
    """The state of ``header`` over columns ``keys``: screen order, widths, hidden, sort."""
    columns = []
    for visual in range(header.count()):
        section = header.logicalIndex(visual)
        entry = {"key": keys[section], "hidden": header.isSectionHidden(section)}
        if not entry["hidden"]:  # a hidden section's width reads 0; keep the default
            entry["width"] = header.sectionSize(section)
        columns.append(entry)
    sort = header.sortIndicatorSection()
    return {"columns": columns, "sort": keys[sort] if 0 <= sort < len(keys) else "",
            "descending": header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder}


def restore_header_columns(header: QHeaderView, keys: list[str], state: dict) -> bool:
    """Apply a saved :func:`header_columns` state to ``header``; False if it holds nothing
    usable (then the header is left as it was). Unknown keys are skipped."""
    section_of = {key: section for section, key in enumerate(keys)}
    saved = [entry for entry in state.get("columns", ())
             if isinstance(entry, dict) and entry.get("key") in section_of]
    if not saved:
        return False
    for entry in saved:
        section = section_of[entry["key"]]
        width = entry.get("width")
        if isinstance(width, int) and not isinstance(width, bool) and width > 0:
            header.resizeSection(section, width)
        header.setSectionHidden(section, entry.get("hidden") is True)
    order = list(dict.fromkeys(entry["key"] for entry in saved))
    for position, key in enumerate(keys):
        if key not in order:  # new since the state was saved: after its predecessor
            order.insert(order.index(keys[position - 1]) + 1 if position else 0, key)
    for visual, key in enumerate(order):
        header.moveSection(header.visualIndex(section_of[key]), visual)
    return True


def saved_sort(state: dict, keys: list[str]) -> tuple[str, bool] | None:
    """The sort column key and direction of a saved state, if it names a current column."""
    key = state.get("sort")
    if key not in keys:
        return None
    return key, state.get("descending") is True
