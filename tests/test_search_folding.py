"""Search folds the Kazakh letters into the Russian ones typed for them, everywhere; migration
0008 folds the search copies of an existing database; the bulk import keeps its fast path."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from core_factories import (
    appeal_data,
    feedback_data,
    make_person,
    meeting_data,
    offence_data,
    registration_data,
    visit_data,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_fixtures import export_each, fill_point, region, use

from inspector_app.domain import text
from inspector_app.queries.search import SEARCHABLE
from inspector_app.services.setup import open_services
from inspector_app.storage import migrations
from inspector_app.storage.migrations import backup_path
from inspector_app.sync import search_index
from inspector_app.sync.importer import import_files
from inspector_app.sync.results import IMPORTED

RUSSIAN_TYPED = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІёЁ", "агкноуухиАГКНОУУХИеЕ")


def russian_typed(name: str) -> str:
    """``name`` as typed on a Russian keyboard: each Kazakh letter (and ё) replaced."""
    return name.translate(RUSSIAN_TYPED)


def found_ids(services, query: str) -> set[str]:
    return {p.id for p in services.search.persons(query)}


# -- the core: every spelling finds every other -----------------------------------------------

_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
_NAMES = st.text(st.sampled_from(_LETTERS + _LETTERS.upper()), min_size=1, max_size=18)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(surname=_NAMES, first_name=_NAMES)
def test_a_name_found_by_its_spelling_is_found_typed_on_a_russian_keyboard(
        services, surname, first_name):
    kazakh = services.persons.create({"surname": surname, "first_name": first_name})
    typed = services.persons.create({"surname": russian_typed(surname),
                                     "first_name": russian_typed(first_name)})
    try:
        for query in (f"{surname} {first_name}", russian_typed(f"{surname} {first_name}"),
                      surname.lower(), russian_typed(surname).upper(), surname[:1]):
            # both records, whichever of the spellings is typed
            assert {kazakh.id, typed.id} <= found_ids(services, query), query
        assert kazakh.surname == surname  # shown as typed
    finally:
        services.persons.delete(kazakh.id)
        services.persons.delete(typed.id)


@pytest.mark.parametrize(("stored", "typed"), [
    ("Жұмабеков", "жумабеков"), ("Әбілқасымова", "абилкасымова"), ("Өтегенов", "отегенов"),
    ("Ұлықбек", "улыкбек"), ("Үсенова", "усенова"), ("Ғалымжан", "галымжан"),
    ("Жаңабаев", "жанабаев"), ("Һадиев", "хадиев"), ("Ізбасар", "избасар"),
    ("Жумабеков", "жұмабеков"), ("Абилкасымова", "ӘБІЛҚАСЫМОВА"), ("Ёлкина", "елкина"),
])
def test_each_kazakh_letter_is_found_by_the_russian_one_and_back(services, stored, typed):
    person = make_person(services, stored, "Тест")
    assert [p.surname for p in services.search.persons(typed)] == [stored]
    assert services.persons.get(person.id).surname == stored


def test_every_register_finds_its_record_by_the_folded_spelling(services):
    person = make_person(services, "Жұмабеков", "Нұрлан")
    staff_id = services.staff.by_login("erzhanov").id
    made = {
        "appeal": services.appeals.create(appeal_data(make_person(services, "Ким", "Ли"),
                                                      substance="Шум в Құрманғазы")),
        "offence": services.offences.create(offence_data(person, description="Драка у Әлем")),
        "preventive_visit": services.visits.create(visit_data(notes="Беседа в Ақжайық")),
        "registration": services.registrations.create(registration_data(
            person, basis_document="Предписание № Қ-7")),
        "meeting": services.meetings.create(meeting_data(questions="Свет в Нұрсая",
                                                         inspector=staff_id)),
        "feedback": services.feedback.create(feedback_data(comment="Двор у Бәйтерек")),
        "address": services.addresses.create({"street": "ул. Ғабдуллина", "house": "3",
                                              "dwelling_kind": "flat"}),
        "organisation": services.organisations.create({"kind": "ksk", "name": "КСК «Шұғыла»"}),
    }
    typed = {"appeal": "курмангазы", "offence": "алем", "preventive_visit": "акжайык",
             "registration": "к-7", "meeting": "нурсая", "feedback": "байтерек",
             "address": "габдуллина 3", "organisation": "шугыла"}
    for kind, query in typed.items():
        assert [h.record_id for h in services.search.records(query, kinds=(kind,))] == \
            [made[kind].id], kind
    assert {h.kind for h in services.search.records("жумабеков нурлан")} == {
        "person", "offence", "registration"}


def test_sorting_keeps_the_kazakh_alphabet(services):
    for surname in ("Уалиев", "Ұлықбек", "Үсенов", "Абаев", "Әлиев", "Иванов", "Ірисов"):
        make_person(services, surname, "Тест", address="ул. Абая, 1")
    assert [p.surname for p in services.search.persons("абая")] == [
        "Абаев", "Әлиев", "Иванов", "Уалиев", "Ұлықбек", "Үсенов", "Ірисов"]


# -- migration 0008 -------------------------------------------------------------------------


def _version_7_normalize(value):
    """What ``text.normalize`` was up to version 7: casefold and ё→е only."""
    return value.casefold().replace("ё", "е") if value else ""


def _schema_sql(db) -> list[tuple]:
    return db.execute_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_migration_0008_folds_the_search_copies_of_an_existing_database(
        services, db_path, monkeypatch):
    """A version 7 file (search copies made the old way) opens migrated: every copy equals
    what the services store today, the index answers folded queries, nothing shown changes."""
    monkeypatch.setattr(text, "normalize", _version_7_normalize)
    fill_point(services)
    make_person(services, "Жұмабеков", "Ерлан", address="ул. Құрманғазы, 5")
    monkeypatch.undo()
    shown = services.db.execute_sql(
        "SELECT surname, first_name, sort_name FROM person ORDER BY id").fetchall()
    schema = _schema_sql(services.db)
    old_copies = [row[0] for row in services.db.execute_sql("SELECT search_text FROM person")]
    assert "жұмабеков ерлан" in " ".join(old_copies)  # made the version 7 way indeed
    services.db.execute_sql("PRAGMA user_version = 7")
    services.db.close()
    # the file has every later table already: open it with the migrations up to 0008 only
    monkeypatch.setattr(migrations, "MIGRATIONS",
                        tuple(m for m in migrations.MIGRATIONS if m.number <= 8))
    monkeypatch.setattr(migrations, "LATEST_VERSION", 8)

    migrated = open_services(db_path)
    try:
        assert migrated.db.execute_sql("PRAGMA user_version").fetchone()[0] >= 8
        assert backup_path(db_path, 7).exists()
        assert _schema_sql(migrated.db) == schema  # triggers and tables exactly as they were
        assert_copies_are_computed(migrated)
        for table in SEARCHABLE:
            migrated.db.execute_sql(
                f"""INSERT INTO "{table}_fts"("{table}_fts") VALUES ('integrity-check')""")
        assert migrated.db.execute_sql(
            "SELECT surname, first_name, sort_name FROM person ORDER BY id").fetchall() == shown
        assert [p.surname for p in migrated.search.persons("жумабеков курмангазы")] == [
            "Жұмабеков"]
        assert [p.surname for p in migrated.search.persons("Жұмабеков")] == ["Жұмабеков"]
        assert [p.surname for p in migrated.search.persons("сейткалиева")] == ["Сейтқалиева"]
        assert {h.kind for h in migrated.search.records("нур")} >= {"organisation"}
        with migrated.db.atomic() as transaction:  # the bulk import's fast path is still taken
            assert all(search_index.defer(migrated.db, table) is not None
                       for table in SEARCHABLE)
            transaction.rollback()
    finally:
        migrated.db.close()


def assert_copies_are_computed(services) -> None:
    """Every record of every searchable table (tombstones too) holds the search copy its
    service computes from its parts today."""
    from inspector_app.kinds import searchable

    by_table = {k.table: services.service(k.slug) for k in searchable()}
    assert set(by_table) == set(SEARCHABLE)
    for table, model in SEARCHABLE.items():
        records = list(model.select())
        assert records, table
        for record in records:
            parts = by_table[table].search_parts(dict(record.__data__))
            assert record.search_text == text.search_text(*parts), (table, record.search_text)


# -- the district: imports stay on the fast path and search folds -----------------------------


def test_a_district_import_indexes_in_bulk_and_finds_folded_names(tmp_path, monkeypatch):
    deferred = []
    original = search_index.defer

    def spy(db, table):
        result = original(db, table)
        deferred.append((table, result))
        return result

    monkeypatch.setattr(search_index, "defer", spy)
    with region(tmp_path, ("ATY-017",)) as (district, points, out):
        for point in points:
            fill_point(point)
        paths = export_each(points, out)
        use(district)
        files = import_files(district, paths, trust_new=True).files
        assert [f.status for f in files] == [IMPORTED]
        searchable = {table: result for table, result in deferred if table in SEARCHABLE}
        assert set(searchable) == set(SEARCHABLE)  # fill_point brings every kind
        assert all(result is not None for result in searchable.values()), searchable
        assert [p.surname for p in district.search.persons("сейткалиева айгерим")] == [
            "Сейтқалиева"]


# -- the command line ---------------------------------------------------------------------------


def test_cli_search_finds_a_kazakh_name_typed_in_russian_letters(services, db_path):
    make_person(services, "Жұмабеков", "Ерлан", patronymic="Нұрланұлы")
    make_person(services, "Әбілқасымова", "Айгүл")
    services.db.close()
    for typed, shown in (("жумабеков", "Жұмабеков Ерлан Нұрланұлы"),
                         ("абилкасымова айгул", "Әбілқасымова Айгүл")):
        result = subprocess.run(
            [sys.executable, "-m", "inspector_app", "--db", str(db_path), "search", typed],
            capture_output=True, text=True, encoding="utf-8", timeout=120)
        assert result.returncode == 0, result.stderr
        assert shown in result.stdout, result.stdout


def test_the_search_tables_tokenizer_folds_neither_kazakh_letters_nor_yo():
    """Why the folding is ours: FTS5's remove_diacritics leaves the Kazakh letters (and ё)."""
    con = sqlite3.connect(":memory:")
    con.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{text.TOKENIZER}')")
    con.execute("INSERT INTO t VALUES ('жұмабеков ёлкин café')")
    assert con.execute("SELECT count(*) FROM t WHERE t MATCH 'cafe'").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM t WHERE t MATCH 'жумабеков'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM t WHERE t MATCH 'елкин'").fetchone()[0] == 0
