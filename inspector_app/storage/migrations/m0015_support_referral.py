"""Issue 17: a registration records the referral to a support (crisis) centre, as the
prevention of domestic violence has the police do (Law 30.12.2025 № 245-VIII); both columns
travel, older packages get the defaults below.

Frozen SQL.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

TRAVELLING_COLUMNS = {"registration": {"support_referral": "", "support_referred_on": None}}

STATEMENTS = [
    'ALTER TABLE "registration" ADD COLUMN "support_referral" VARCHAR(300) NOT NULL '
    'DEFAULT \'\'',
    'ALTER TABLE "registration" ADD COLUMN "support_referred_on" DATE',
]


def up(db) -> None:
    """Add the two columns."""
    dialect = dialect_of(db)
    for statement in STATEMENTS:
        db.execute_sql(dialect.ddl(statement))
