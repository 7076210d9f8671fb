"""Indexes of the live (not tombstoned) rows in each register's order.

A register page walks its sort column's index and skips tombstones; with a plain index every
step reads the table row to look at ``deleted``, so a page deep in 300,000 appeals took 0.3 s
and counting them a full table read. These partial indexes hold only live rows: the walk and
the count stay inside the index (the page at offset 150,000: 5 ms). Queries must say
``deleted = 0`` literally for SQLite to pick them (see ``registers.Register.filtered``).

Frozen SQL: later model changes never alter what this migration creates.
"""

from __future__ import annotations

STATEMENTS = [
    'CREATE INDEX "appeal_live_received" ON "appeal" ("received_at") WHERE "deleted" = 0',
    'CREATE INDEX "preventive_visit_live_visited" ON "preventive_visit" ("visited_at") WHERE "deleted" = 0',
    'CREATE INDEX "registration_live_next_check" ON "registration" ("next_check_due") WHERE "deleted" = 0',
    'CREATE INDEX "registration_live_start" ON "registration" ("start_date") WHERE "deleted" = 0',
    'CREATE INDEX "offence_live_committed" ON "offence" ("committed_at") WHERE "deleted" = 0',
    'CREATE INDEX "meeting_live_held" ON "meeting" ("held_at") WHERE "deleted" = 0',
    'CREATE INDEX "feedback_live_collected" ON "feedback" ("collected_at") WHERE "deleted" = 0',
    'CREATE INDEX "person_live_sort_name" ON "person" ("sort_name") WHERE "deleted" = 0',
]


def up(db) -> None:
    """Create the live-row indexes (seconds on a 1.5M-record database)."""
    for statement in STATEMENTS:
        db.execute_sql(statement)
