"""An officer's personal number (личный номер, жеке нөмірі) beside the badge number.

The two are different numbers of an МВД officer: the badge (жетон) worn on duty and the
personnel number of the service record; until now one column held whichever the point typed.
Existing rows keep their value as the badge number and get an empty personal number.

Frozen SQL.
"""

from __future__ import annotations

STATEMENTS = [
    'ALTER TABLE "staff" ADD COLUMN "personal_number" VARCHAR(32) NOT NULL DEFAULT \'\'',
]


def up(db) -> None:
    """Add the personal number column."""
    for statement in STATEMENTS:
        db.execute_sql(statement)
