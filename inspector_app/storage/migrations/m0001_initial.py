"""The first schema: every record kind, sync fields, catalogues, audit trail, search.

Frozen SQL: later model changes never alter what this migration creates.
"""

from __future__ import annotations

from inspector_app.storage.dialect import dialect_of

SEARCHABLE_TABLES = (
    "person",
    "organisation",
    "address",
    "appeal",
    "preventive_visit",
    "registration",
    "offence",
    "meeting",
    "feedback",
)

TABLES = [
    'CREATE TABLE "meta" ("key" VARCHAR(64) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "point" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" DATETIME, "deleted_by" VARCHAR(64), "code" VARCHAR(32) NOT NULL, "name" VARCHAR(200) NOT NULL, "address" VARCHAR(300) NOT NULL, "region" VARCHAR(200) NOT NULL, "district" VARCHAR(200) NOT NULL, "department" VARCHAR(200) NOT NULL, "reception_hours" VARCHAR(200) NOT NULL, "shares_housing" INTEGER NOT NULL, "area_number" VARCHAR(32) NOT NULL, "population" INTEGER, "is_district_office" INTEGER NOT NULL)',
    'CREATE INDEX "point_change_seq" ON "point" ("change_seq")',
    'CREATE UNIQUE INDEX "point_code" ON "point" ("code")',
    'CREATE TABLE "staff" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" DATETIME, "deleted_by" VARCHAR(64), "full_name" VARCHAR(200) NOT NULL, "rank" VARCHAR(64) NOT NULL, "badge_number" VARCHAR(32) NOT NULL, "position" VARCHAR(200) NOT NULL, "role" VARCHAR(32) NOT NULL, "login" VARCHAR(64) NOT NULL, "password_hash" VARCHAR(300) NOT NULL, "active" INTEGER NOT NULL)',
    'CREATE INDEX "staff_change_seq" ON "staff" ("change_seq")',
    'CREATE UNIQUE INDEX "staff_owner_point_login" ON "staff" ("owner_point", "login")',
    'CREATE TABLE "person" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" DATETIME, "deleted_by" VARCHAR(64), "surname" VARCHAR(100) NOT NULL, "first_name" VARCHAR(100) NOT NULL, "patronymic" VARCHAR(100) NOT NULL, "iin" VARCHAR(12), "birth_date" DATE, "sex" VARCHAR(1), "address" VARCHAR(300) NOT NULL, "phone" VARCHAR(20) NOT NULL, "notes" TEXT NOT NULL, "sort_name" VARCHAR(310) NOT NULL, "search_text" TEXT NOT NULL)',
    'CREATE INDEX "person_change_seq" ON "person" ("change_seq")',
    'CREATE INDEX "person_iin" ON "person" ("iin")',
    'CREATE INDEX "person_sort_name" ON "person" ("sort_name")',
    'CREATE TABLE "organisation" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" DATETIME, "deleted_by" VARCHAR(64), "kind" VARCHAR(32) NOT NULL, "name" VARCHAR(200) NOT NULL, "bin" VARCHAR(12) NOT NULL, "chair" VARCHAR(200) NOT NULL, "phone" VARCHAR(20) NOT NULL, "chat_link" VARCHAR(300) NOT NULL, "address" VARCHAR(300) NOT NULL, "search_text" TEXT NOT NULL)',
    'CREATE INDEX "organisation_change_seq" ON "organisation" ("change_seq")',
    'CREATE TABLE "address" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" DATETIME, "deleted_by" VARCHAR(64), "street" VARCHAR(200) NOT NULL, "house" VARCHAR(32) NOT NULL, "dwelling_kind" VARCHAR(32) NOT NULL, "flats" INTEGER, "residents" INTEGER, "organisation_id" VARCHAR(32), "notes" TEXT NOT NULL, "sort_key" VARCHAR(250) NOT NULL, "search_text" TEXT NOT NULL, FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id"))',
    'CREATE INDEX "address_change_seq" ON "address" ("change_seq")',
    'CREATE INDEX "address_organisation_id" ON "address" ("organisation_id")',
    'CREATE INDEX "address_sort_key" ON "address" ("sort_key")',
    'CREATE TABLE "registration" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" DATETIME, "deleted_by" VARCHAR(64), "person_id" VARCHAR(32) NOT NULL, "category" VARCHAR(32) NOT NULL, "tags" VARCHAR(200) NOT NULL, "basis_document" VARCHAR(300) NOT NULL, "start_date" DATE NOT NULL, "end_date" DATE, "check_interval_days" INTEGER NOT NULL, "last_check_on" DATE, "next_check_due" DATE NOT NULL, "inspector_id" VARCHAR(32) NOT NULL, "closed_on" DATE, "close_reason" VARCHAR(300) NOT NULL, "notes" TEXT NOT NULL, "search_text" TEXT NOT NULL, FOREIGN KEY ("person_id") REFERENCES "person" ("id"), FOREIGN KEY ("inspector_id") REFERENCES "staff" ("id"))',
    'CREATE INDEX "registration_change_seq" ON "registration" ("change_seq")',
    'CREATE INDEX "registration_person_id" ON "registration" ("person_id")',
    'CREATE INDEX "registration_start_date" ON "registration" ("start_date")',
    'CREATE INDEX "registration_next_check_due" ON "registration" ("next_check_due")',
    'CREATE INDEX "registration_inspector_id" ON "registration" ("inspector_id")',
    'CREATE TABLE "meeting" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" DATETIME, "deleted_by" VARCHAR(64), "held_at" DATETIME NOT NULL, "kind" VARCHAR(32) NOT NULL, "place" VARCHAR(300) NOT NULL, "attendance" INTEGER NOT NULL, "questions" TEXT NOT NULL, "decisions" TEXT NOT NULL, "inspector_id" VARCHAR(32) NOT NULL, "search_text" TEXT NOT NULL, FOREIGN KEY ("inspector_id") REFERENCES "staff" ("id"))',
    'CREATE INDEX "meeting_change_seq" ON "meeting" ("change_seq")',
    'CREATE INDEX "meeting_held_at" ON "meeting" ("held_at")',
    'CREATE INDEX "meeting_inspector_id" ON "meeting" ("inspector_id")',
    'CREATE TABLE "offence" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" DATETIME, "deleted_by" VARCHAR(64), "protocol_number" VARCHAR(40) NOT NULL, "committed_at" DATETIME NOT NULL, "place" VARCHAR(300) NOT NULL, "offender_id" VARCHAR(32) NOT NULL, "victim_id" VARCHAR(32), "article" VARCHAR(32) NOT NULL, "description" TEXT NOT NULL, "penalty" VARCHAR(32) NOT NULL, "fine_mrp" DECIMAL(8, 2), "fine_tenge" INTEGER, "public_works_hours" INTEGER, "arrest_days" INTEGER, "status" VARCHAR(32) NOT NULL, "erap_number" VARCHAR(32) NOT NULL, "inspector_id" VARCHAR(32) NOT NULL, "search_text" TEXT NOT NULL, FOREIGN KEY ("offender_id") REFERENCES "person" ("id"), FOREIGN KEY ("victim_id") REFERENCES "person" ("id"), FOREIGN KEY ("inspector_id") REFERENCES "staff" ("id"))',
    'CREATE INDEX "offence_change_seq" ON "offence" ("change_seq")',
    'CREATE INDEX "offence_committed_at" ON "offence" ("committed_at")',
    'CREATE INDEX "offence_offender_id" ON "offence" ("offender_id")',
    'CREATE INDEX "offence_victim_id" ON "offence" ("victim_id")',
    'CREATE INDEX "offence_article" ON "offence" ("article")',
    'CREATE INDEX "offence_inspector_id" ON "offence" ("inspector_id")',
    'CREATE TABLE "appeal" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" DATETIME, "deleted_by" VARCHAR(64), "talon_number" VARCHAR(40) NOT NULL, "received_at" DATETIME NOT NULL, "channel" VARCHAR(32) NOT NULL, "applicant_id" VARCHAR(32), "anonymous" INTEGER NOT NULL, "topic" VARCHAR(32) NOT NULL, "substance" TEXT NOT NULL, "decision" VARCHAR(32), "executor_id" VARCHAR(32), "officer_id" VARCHAR(32) NOT NULL, "due_date" DATE, "status" VARCHAR(32) NOT NULL, "resolved_on" DATE, "offence_id" VARCHAR(32), "erdr_number" VARCHAR(32) NOT NULL, "search_text" TEXT NOT NULL, FOREIGN KEY ("applicant_id") REFERENCES "person" ("id"), FOREIGN KEY ("executor_id") REFERENCES "staff" ("id"), FOREIGN KEY ("officer_id") REFERENCES "staff" ("id"), FOREIGN KEY ("offence_id") REFERENCES "offence" ("id"))',
    'CREATE INDEX "appeal_change_seq" ON "appeal" ("change_seq")',
    'CREATE INDEX "appeal_received_at" ON "appeal" ("received_at")',
    'CREATE INDEX "appeal_applicant_id" ON "appeal" ("applicant_id")',
    'CREATE INDEX "appeal_executor_id" ON "appeal" ("executor_id")',
    'CREATE INDEX "appeal_officer_id" ON "appeal" ("officer_id")',
    'CREATE INDEX "appeal_offence_id" ON "appeal" ("offence_id")',
    'CREATE TABLE "preventive_visit" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" DATETIME, "deleted_by" VARCHAR(64), "visited_at" DATETIME NOT NULL, "kind" VARCHAR(32) NOT NULL, "address_id" VARCHAR(32), "address_text" VARCHAR(300) NOT NULL, "flat" VARCHAR(16) NOT NULL, "dwelling_kind" VARCHAR(32) NOT NULL, "person_id" VARCHAR(32), "registration_id" VARCHAR(32), "persons_met" TEXT NOT NULL, "findings" VARCHAR(300) NOT NULL, "notes" TEXT NOT NULL, "inspector_id" VARCHAR(32) NOT NULL, "search_text" TEXT NOT NULL, FOREIGN KEY ("address_id") REFERENCES "address" ("id"), FOREIGN KEY ("person_id") REFERENCES "person" ("id"), FOREIGN KEY ("registration_id") REFERENCES "registration" ("id"), FOREIGN KEY ("inspector_id") REFERENCES "staff" ("id"))',
    'CREATE INDEX "preventive_visit_change_seq" ON "preventive_visit" ("change_seq")',
    'CREATE INDEX "preventive_visit_visited_at" ON "preventive_visit" ("visited_at")',
    'CREATE INDEX "preventive_visit_address_id" ON "preventive_visit" ("address_id")',
    'CREATE INDEX "preventive_visit_person_id" ON "preventive_visit" ("person_id")',
    'CREATE INDEX "preventive_visit_registration_id" ON "preventive_visit" ("registration_id")',
    'CREATE INDEX "preventive_visit_inspector_id" ON "preventive_visit" ("inspector_id")',
    'CREATE TABLE "feedback" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "owner_point" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, "created_by" VARCHAR(64) NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(64) NOT NULL, "row_version" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "deleted_at" DATETIME, "deleted_by" VARCHAR(64), "collected_at" DATETIME NOT NULL, "meeting_id" VARCHAR(32), "channel" VARCHAR(32) NOT NULL, "rating" INTEGER NOT NULL, "trusts_police" INTEGER NOT NULL, "concerns" VARCHAR(300) NOT NULL, "comment" TEXT NOT NULL, "inspector_id" VARCHAR(32) NOT NULL, "search_text" TEXT NOT NULL, FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id"), FOREIGN KEY ("inspector_id") REFERENCES "staff" ("id"))',
    'CREATE INDEX "feedback_change_seq" ON "feedback" ("change_seq")',
    'CREATE INDEX "feedback_collected_at" ON "feedback" ("collected_at")',
    'CREATE INDEX "feedback_meeting_id" ON "feedback" ("meeting_id")',
    'CREATE INDEX "feedback_inspector_id" ON "feedback" ("inspector_id")',
    'CREATE TABLE "catalogue_item" ("id" INTEGER NOT NULL PRIMARY KEY, "catalogue" VARCHAR(64) NOT NULL, "code" VARCHAR(64) NOT NULL, "title_ru" VARCHAR(300) NOT NULL, "title_kk" VARCHAR(300) NOT NULL, "title_en" VARCHAR(300) NOT NULL, "position" INTEGER NOT NULL, "active" INTEGER NOT NULL, "extra" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "catalogue_item_catalogue_code" ON "catalogue_item" ("catalogue", "code")',
    'CREATE TABLE "catalogue_version" ("catalogue" VARCHAR(64) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "loaded_at" DATETIME NOT NULL)',
    'CREATE TABLE "mrp_rate" ("year" INTEGER NOT NULL PRIMARY KEY, "amount" INTEGER NOT NULL)',
    'CREATE TABLE "number_sequence" ("point_code" VARCHAR(32) NOT NULL, "kind" VARCHAR(16) NOT NULL, "year" INTEGER NOT NULL, "last" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "number_sequence_point_code_kind_year" ON "number_sequence" ("point_code", "kind", "year")',
    'CREATE TABLE "audit_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "actor" VARCHAR(64) NOT NULL, "action" VARCHAR(16) NOT NULL, "table_name" VARCHAR(64) NOT NULL, "record_id" VARCHAR(32) NOT NULL, "change_seq" INTEGER NOT NULL, "old_values" TEXT, "new_values" TEXT, "prev_hash" VARCHAR(64) NOT NULL, "entry_hash" VARCHAR(64) NOT NULL)',
    'CREATE INDEX "audit_entry_record_id" ON "audit_entry" ("record_id")',
    'CREATE UNIQUE INDEX "appeal_point_talon" ON "appeal" ("owner_point", "talon_number")',
    'CREATE UNIQUE INDEX "offence_point_protocol" ON "offence" ("owner_point", "protocol_number")',
    'CREATE INDEX "appeal_point_received" ON "appeal" ("owner_point", "received_at")',
    'CREATE INDEX "appeal_due_date" ON "appeal" ("status", "due_date")',
    'CREATE INDEX "offence_point_committed" ON "offence" ("owner_point", "committed_at")',
    'CREATE INDEX "preventive_visit_point_visited" ON "preventive_visit" ("owner_point", "visited_at")',
    'CREATE INDEX "registration_point_start" ON "registration" ("owner_point", "start_date")',
    'CREATE INDEX "meeting_point_held" ON "meeting" ("owner_point", "held_at")',
    'CREATE INDEX "feedback_point_collected" ON "feedback" ("owner_point", "collected_at")',
    'CREATE INDEX "person_point" ON "person" ("owner_point")',
]



def search_index_sql(table: str) -> list[str]:
    """An FTS5 index over ``table.search_text`` kept current by triggers (external content)."""
    fts = f"{table}_fts"
    return [
        f"""CREATE VIRTUAL TABLE "{fts}" USING fts5(search_text, content='{table}',
            content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')""",
        f"""CREATE TRIGGER "{table}_fts_insert" AFTER INSERT ON "{table}" BEGIN
              INSERT INTO "{fts}"(rowid, search_text) VALUES (new.rowid, new.search_text);
            END""",
        f"""CREATE TRIGGER "{table}_fts_delete" AFTER DELETE ON "{table}" BEGIN
              INSERT INTO "{fts}"("{fts}", rowid, search_text)
              VALUES ('delete', old.rowid, old.search_text);
            END""",
        f"""CREATE TRIGGER "{table}_fts_update" AFTER UPDATE OF search_text ON "{table}" BEGIN
              INSERT INTO "{fts}"("{fts}", rowid, search_text)
              VALUES ('delete', old.rowid, old.search_text);
              INSERT INTO "{fts}"(rowid, search_text) VALUES (new.rowid, new.search_text);
            END""",
    ]


def up(db) -> None:
    """Create the whole first schema."""
    dialect = dialect_of(db)
    for statement in TABLES + dialect.append_only("audit_entry"):
        db.execute_sql(dialect.ddl(statement))
    for table in SEARCHABLE_TABLES:
        for statement in dialect.search_index(table, search_index_sql(table)):
            db.execute_sql(statement)
