"""Issue 17: the offender's consent to public works; a breach linked to what it breaches.

- ``offence.works_consent`` (``consent_answers``: ``given`` / ``refused``, empty where the
  chosen sanction needs no consent) and ``offence.works_consent_on``, the day it was given or
  refused. КоАП public works are imposed only with the offender's consent (the part's
  ``consent_needed`` in the offence catalogue). Existing protocols asked nobody: empty.
- ``offence.breached_registration_id``: the protective order or special requirements (a
  registration) a protocol under КоАП art. 461 breaches. Existing protocols are not linked
  (NULL); the registration lists only linked protocols as its breaches.

Every column travels; older packages get the defaults declared in ``migrations.MIGRATIONS``.

Frozen SQL.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

STATEMENTS = [
    'ALTER TABLE "offence" ADD COLUMN "works_consent" VARCHAR(32) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "offence" ADD COLUMN "works_consent_on" DATE',
    'ALTER TABLE "offence" ADD COLUMN "breached_registration_id" VARCHAR(32) '
    'REFERENCES "registration" ("id")',
    'CREATE INDEX "offence_breached_registration_id" ON "offence" ("breached_registration_id")',
]

TRAVELLING_COLUMNS = {"offence": {"works_consent": "", "works_consent_on": None,
                                  "breached_registration_id": None}}


def up(db) -> None:
    """Add the columns (no row is rewritten) and the index the registration's list reads."""
    dialect = dialect_of(db)
    for statement in STATEMENTS:
        db.execute_sql(dialect.ddl(statement))
