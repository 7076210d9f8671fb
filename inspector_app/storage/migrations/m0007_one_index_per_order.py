"""Drop the plain date and name indexes that a live-row index of migration 0004 duplicates.

Migration 0004 gave each register's order column an index of its live rows, and every query
of those columns asks for live rows (``SyncedModel.not_deleted``, the registers, the
statistics), so SQLite picks those. The plain indexes on the same columns were kept up
to date on every write and never read; at the district they cost a tenth of an import
(4 of 35 s of index upkeep for 1.5M records). Per-point questions keep their own
``(owner_point, date)`` indexes.

Frozen SQL.
"""

from __future__ import annotations

DROPPED = ("appeal_received_at", "preventive_visit_visited_at", "registration_start_date",
           "registration_next_check_due", "offence_committed_at", "meeting_held_at",
           "feedback_collected_at", "person_sort_name")


def up(db) -> None:
    """Drop the duplicated indexes (instant)."""
    for name in DROPPED:
        db.execute_sql(f'DROP INDEX "{name}"')
