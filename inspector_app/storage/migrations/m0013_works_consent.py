"""Issue 17: the offender's consent to public works on the protocol.

- ``offence.works_consent`` (``consent_answers``: ``given`` / ``refused``, empty where the
  chosen sanction needs no consent) and ``offence.works_consent_on``, the day it was given or
  refused. КоАП public works are imposed only with the offender's consent (the part's
  ``consent_needed`` in the offence catalogue). Existing protocols asked nobody: empty.

Both columns travel; older packages get the defaults declared in ``migrations.MIGRATIONS``.

Frozen SQL.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

STATEMENTS = [
    'ALTER TABLE "offence" ADD COLUMN "works_consent" VARCHAR(32) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "offence" ADD COLUMN "works_consent_on" DATE',
]

TRAVELLING_COLUMNS = {"offence": {"works_consent": "", "works_consent_on": None}}


def up(db) -> None:
    """Add the columns (no row is rewritten)."""
    dialect = dialect_of(db)
    for statement in STATEMENTS:
        db.execute_sql(dialect.ddl(statement))
