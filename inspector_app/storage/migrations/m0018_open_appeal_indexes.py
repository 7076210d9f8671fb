"""Issue 20: the home page's appeal lists read a large office's appeals in full (3.3 s of
its 3.7 s at the 1.5M-record region): the extended appeals had no index. This one holds the
few live extended appeals (``AppealService.late_notices``); the open past-due appeals use
the (status, due_date) index since they are asked for by status (``Appeal.past_due``).

Frozen SQL.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

STATEMENTS = [
    'CREATE INDEX "appeal_live_extended" ON "appeal" ("extended_on") '
    'WHERE "deleted" = 0 AND "extended_on" IS NOT NULL',
]


def up(db) -> None:
    """Add the index."""
    dialect = dialect_of(db)
    for statement in STATEMENTS:
        db.execute_sql(dialect.ddl(statement))
