"""Which exports of a point the district holds, and which are missing.

Each records package says which change sequence range (from, to] it carries. A point exports
everything since the mark the district last acknowledged, so a later export usually carries an
earlier one's changes too: a missing export whose changes a later one carries is only
"skipped", while a missing export whose changes nobody carried is a gap, reported by number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Coverage:
    held_export_no: int = 0
    """The highest export number up to which every change is held."""
    held_seq: int = 0
    """The point's change sequence held without a hole from the start."""
    last_export_no: int = 0
    """The highest export number that arrived."""
    gaps: list[int] = field(default_factory=list)
    """Missing export numbers whose changes are not held."""
    skipped: list[int] = field(default_factory=list)
    """Missing export numbers whose changes a later export carried."""
    breaks: list[int] = field(default_factory=list)
    """Exports that do not follow on although no number is missing before them."""


def coverage(packages: Iterable[tuple[int, int, int]]) -> Coverage:
    """The coverage of ``(export_no, seq_from, seq_to)`` triples (any order, repeats allowed)."""
    by_number: dict[int, tuple[int, int]] = {}
    for number, seq_from, seq_to in packages:
        low, high = by_number.get(number, (seq_from, seq_to))
        by_number[number] = (min(low, seq_from), max(high, seq_to))
    chain = 0
    held_no = held_seq = previous = 0
    intact = True
    gaps: list[int] = []
    skipped: list[int] = []
    breaks: list[int] = []
    for number in sorted(by_number):
        seq_from, seq_to = by_number[number]
        missing = list(range(previous + 1, number))
        if seq_from <= chain:
            skipped.extend(missing)
        else:
            intact = False
            if missing:
                gaps.extend(missing)
            else:
                breaks.append(number)
        chain = max(chain, seq_to)
        if intact:
            held_no, held_seq = number, chain
        previous = number
    return Coverage(held_no, held_seq, previous, gaps, skipped, breaks)
