"""Issue 17: an officer's personal number beside the badge number; an offender's subject.

- ``staff.personal_number``: the badge (жетон) worn on duty and the personnel number of the
  service record (личный номер) are two numbers of an МВД officer; until now one column held
  whichever the point typed. Existing rows keep their value as the badge number.
- ``offence.offender_subject``: whom the fine is set for (an individual, an official, a small,
  medium or large business: КоАП parts give each its own amount). Existing protocols were
  drawn up on individuals.

Frozen SQL.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

TRAVELLING_COLUMNS = {"staff": {"personal_number": ""},
                      "offence": {"offender_subject": "individual"}}

STATEMENTS = [
    'ALTER TABLE "staff" ADD COLUMN "personal_number" VARCHAR(32) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "offence" ADD COLUMN "offender_subject" VARCHAR(32) NOT NULL '
    'DEFAULT \'individual\'',
]


def up(db) -> None:
    """Add the two columns."""
    dialect = dialect_of(db)
    for statement in STATEMENTS:
        db.execute_sql(dialect.ddl(statement))
