"""Human numbers for paper: talons and protocols, unique per point, restarting each year."""

from __future__ import annotations

from inspector_app.storage.models import NumberSequence

PREFIXES = {"talon": "T", "protocol": "P"}


def next_number(point_code: str, kind: str, year: int) -> str:
    """Take the next number of ``kind`` for the point and year (call inside a transaction).

    Looks like ``ATY-017-T-2026-00042``: point code, kind letter, year, sequence.
    """
    row = NumberSequence.get_or_none(
        (NumberSequence.point_code == point_code) & (NumberSequence.kind == kind)
        & (NumberSequence.year == year)
    )
    last = (row.last if row else 0) + 1
    if row:
        NumberSequence.update(last=last).where(
            (NumberSequence.point_code == point_code) & (NumberSequence.kind == kind)
            & (NumberSequence.year == year)
        ).execute()
    else:
        NumberSequence.insert(point_code=point_code, kind=kind, year=year, last=last).execute()
    return format_number(point_code, kind, year, last)


def format_number(point_code: str, kind: str, year: int, sequence: int) -> str:
    return f"{point_code}-{PREFIXES[kind]}-{year}-{sequence:05d}"
