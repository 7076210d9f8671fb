"""Appeals as АППК art. 76 runs them; the book of information on criminal offences (КУИ);
domestic violence on the registrations.

Appeals gain the day the term counts from (``registered_on``: the next working day for one
received on a day off; NULL on older appeals, whose term counted from the day received), the
official eOtinish number, the forwarding of an appeal outside the body's competence (the flag
and to whom) and the head's extension of the term (decision day, reasons, new term, the day the
citizen was told). Every column travels; older packages get the defaults declared in
``TRAVELLING_COLUMNS`` below.

Registrations gain how often the person under special requirements reports (1–4 a month, set
by the court: it drives the checks) and a protective order's extension (new last day, basis).

A new travelling table, ``crime_report`` (the КУИ register: who reported what, when and how,
its registration deadline, the КУИ and ЕРДР numbers or the decision, the check's deadlines and
extension, to whom it was handed), with its indexes, a live-row index in its register's order
and a search table as migrations 0004–0008 left the others. Older packages simply lack it.

Frozen SQL.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

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

REGISTRATION_COLUMNS = [
    'ALTER TABLE "registration" ADD COLUMN "reports_per_month" INTEGER',
    'ALTER TABLE "registration" ADD COLUMN "extended_until" DATE',
    'ALTER TABLE "registration" ADD COLUMN "extension_basis" VARCHAR(300) NOT NULL DEFAULT \'\'',
]

TRAVELLING_COLUMNS = {
    "appeal": {"registered_on": None, "eotinish_number": "", "outside_competence": False,
               "forwarded_to": "", "extended_on": None, "extension_reason": "",
               "extended_until": None, "extension_notified_on": None},
    "registration": {"reports_per_month": None, "extended_until": None, "extension_basis": ""},
}


TRAVELLING_TABLES = ("crime_report",)

CRIME_REPORT = [
    'CREATE TABLE "crime_report" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" '
    'VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, '
    '"updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER '
    'NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" '
    'DATETIME, "deleted_by" VARCHAR(64), "received_at" DATETIME NOT NULL, "source" VARCHAR(32) '
    'NOT NULL, "reporter_id" VARCHAR(32), "substance" TEXT NOT NULL, "officer_id" VARCHAR(32) '
    'NOT NULL, "registration_due" DATETIME NOT NULL, "registered_at" DATETIME, "kui_number" '
    'VARCHAR(40) NOT NULL, "check_due" DATE, "check_extended_until" DATE, "extension_reason" '
    'TEXT NOT NULL, "decision" VARCHAR(32), "decided_on" DATE, "erdr_number" VARCHAR(32) NOT '
    'NULL, "handed_to" VARCHAR(200) NOT NULL, "handed_on" DATE, "status" VARCHAR(32) NOT NULL, '
    '"due_at" DATETIME, "search_text" TEXT NOT NULL, '
    'FOREIGN KEY ("reporter_id") REFERENCES "person" ("id"), '
    'FOREIGN KEY ("officer_id") REFERENCES "staff" ("id"))',
    'CREATE INDEX "crime_report_change_seq" ON "crime_report" ("change_seq")',
    'CREATE INDEX "crime_report_reporter_id" ON "crime_report" ("reporter_id")',
    'CREATE INDEX "crime_report_officer_id" ON "crime_report" ("officer_id")',
    'CREATE INDEX "crime_report_point_received" ON "crime_report" ("owner_point", '
    '"received_at")',
    'CREATE INDEX "crime_report_due" ON "crime_report" ("status", "due_at")',
    'CREATE INDEX "crime_report_live_received" ON "crime_report" ("received_at") '
    'WHERE "deleted" = 0',
    """CREATE VIRTUAL TABLE "crime_report_fts" USING fts5(search_text,
       content='crime_report', content_rowid='rowid',
       tokenize='unicode61 remove_diacritics 2', prefix='1 2', detail=none)""",
    """CREATE TRIGGER "crime_report_fts_insert" AFTER INSERT ON "crime_report" BEGIN
         INSERT INTO "crime_report_fts"(rowid, search_text) VALUES (new.rowid, new.search_text);
       END""",
    """CREATE TRIGGER "crime_report_fts_delete" AFTER DELETE ON "crime_report" BEGIN
         INSERT INTO "crime_report_fts"("crime_report_fts", rowid, search_text)
         VALUES ('delete', old.rowid, old.search_text);
       END""",
    """CREATE TRIGGER "crime_report_fts_update" AFTER UPDATE OF search_text ON "crime_report"
       BEGIN
         INSERT INTO "crime_report_fts"("crime_report_fts", rowid, search_text)
         VALUES ('delete', old.rowid, old.search_text);
         INSERT INTO "crime_report_fts"(rowid, search_text) VALUES (new.rowid, new.search_text);
       END""",
]


def up(db) -> None:
    """Add the appeal and registration columns (no row is rewritten) and create the КУИ
    register's table."""
    dialect = dialect_of(db)
    search = next(i for i, sql in enumerate(CRIME_REPORT) if "VIRTUAL TABLE" in sql)
    for statement in APPEAL_COLUMNS + REGISTRATION_COLUMNS + CRIME_REPORT[:search]:
        db.execute_sql(dialect.ddl(statement))
    for statement in dialect.search_index("crime_report", CRIME_REPORT[search:]):
        db.execute_sql(statement)
