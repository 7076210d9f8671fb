"""Appeals as АППК art. 76 runs them.

Appeals gain the day the term counts from (``registered_on``: the next working day for one
received on a day off; NULL on older appeals, whose term counted from the day received), the
official eOtinish number, the forwarding of an appeal outside the body's competence (the flag
and to whom) and the head's extension of the term (decision day, reasons, new term, the day the
citizen was told). Every column travels; older packages get the defaults declared in
``migrations.MIGRATIONS``.

Frozen SQL.
"""

from __future__ import annotations

APPEAL_COLUMNS = [
    'ALTER TABLE "appeal" ADD COLUMN "registered_on" DATE',
    'ALTER TABLE "appeal" ADD COLUMN "eotinish_number" VARCHAR(32) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "appeal" ADD COLUMN "outside_competence" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "appeal" ADD COLUMN "forwarded_to" VARCHAR(300) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "appeal" ADD COLUMN "extended_on" DATE',
    'ALTER TABLE "appeal" ADD COLUMN "extension_reason" TEXT NOT NULL DEFAULT \'\'',
    'ALTER TABLE "appeal" ADD COLUMN "extended_until" DATE',
    'ALTER TABLE "appeal" ADD COLUMN "extension_notified_on" DATE',
]

TRAVELLING_COLUMNS = {
    "appeal": {"registered_on": None, "eotinish_number": "", "outside_competence": False,
               "forwarded_to": "", "extended_on": None, "extension_reason": "",
               "extended_until": None, "extension_notified_on": None},
}


def up(db) -> None:
    """Add the appeal columns (no row is rewritten)."""
    for statement in APPEAL_COLUMNS:
        db.execute_sql(statement)
