"""Search: Cyrillic and Kazakh in any case, ё as е, ИИН and phone fragments, every register."""

from __future__ import annotations

import sqlite3

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
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from inspector_app.domain.text import (
    collation_hex,
    collation_key,
    fts_query,
    normalize,
    search_text,
    search_words,
)
from inspector_app.queries.search import phone_digits
from inspector_app.storage.migrations.m0006_search_without_positions import up as make_tables


def test_normalize_folds_case_yo_and_the_kazakh_letters():
    assert normalize("Ёлкин СЕМЁН") == "елкин семен"
    assert normalize("ӘЛИЯ Ғалымқызы ҮРКЕР Ұлан ІЗБАСАР Өмір Қуат Ңң Һ") == \
        "алия галымкызы уркер улан избасар омир куат нн х"
    assert normalize("Жұмабеков") == normalize("жумабеков") == "жумабеков"
    assert normalize(None) == "" and normalize("") == ""


def test_search_text_skips_empty_parts():
    assert search_text("Ким", None, "", "Ли") == "ким ли"


def test_fts_query_makes_every_word_a_required_prefix():
    assert fts_query("Ёлкин  С.") == '"елкин"* AND "с"*'
    assert fts_query(' "; DROP TABLE person; -- ') == '"drop"* AND "table"* AND "person"*'
    assert fts_query("  ,. ") is None


def test_query_words_are_cut_and_folded_as_the_search_tables_hold_them():
    assert search_words("Ким_Ли-2 Ә.Ж. Café") == ["ким", "ли", "2", "а", "ж", "cafe"]
    assert fts_query("d'Artagnan d'Artagnan") == '"d"* AND "artagnan"*'


class _SearchTable:
    """The search tables as migration 0006 makes them, in memory."""

    def __init__(self):
        self.db = sqlite3.connect(":memory:")
        for table in ("person", "organisation", "address", "appeal", "preventive_visit",
                      "registration", "offence", "meeting", "feedback"):
            self.db.execute(f'CREATE TABLE "{table}" (search_text TEXT)')
            self.db.execute(f'CREATE VIRTUAL TABLE "{table}_fts" USING fts5(search_text)')
        make_tables(self)

    def execute_sql(self, sql, params=()):
        return self.db.execute(sql, params)

    def finds(self, text: str, query: str) -> bool:
        self.db.execute("DELETE FROM person")
        self.db.execute("INSERT INTO person(rowid, search_text) VALUES (1, ?)", (text,))
        self.db.execute("INSERT INTO person_fts(person_fts) VALUES ('rebuild')")
        found = self.db.execute("SELECT rowid FROM person_fts WHERE person_fts MATCH ?",
                                (query,)).fetchall()
        return found == [(1,)]


_TABLE = _SearchTable()
_TYPED = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(typed=_TYPED)
def test_any_text_typed_finds_the_record_it_was_taken_from(typed):
    query = fts_query(typed)
    assume(query is not None)
    assert _TABLE.finds(search_text(typed), query)


def test_collation_puts_kazakh_letters_in_alphabet_order():
    names = ["Яковлев", "Әлиев", "Абаев", "Ұлықбек", "Уалиев", "Үсенов", "Ірисов", "Иванов"]
    assert sorted(names, key=collation_key) == [
        "Абаев", "Әлиев", "Иванов", "Уалиев", "Ұлықбек", "Үсенов", "Ірисов", "Яковлев"]
    # (І stands between Ы and Ь in the Kazakh alphabet)


@pytest.mark.parametrize(("typed", "digits"), [
    ("87011234567", "7011234567"), ("+77011234567", "7011234567"),
    ("8 (701) 123-45-67", "7011234567"), ("+7 701 123", "701123"), ("8 701", "701"),
    ("77011234567", "7011234567"),
    ("8505", None), ("850512", None), ("Иванов", None), ("701 123", None), ("", None),
])
def test_phone_digits_of_a_query(typed, digits):
    assert phone_digits(typed) == digits


@pytest.fixture
def people(services):
    return {
        "yolkina": make_person(services, "Ёлкина", "Алёна", patronymic="Петровна",
                               iin="900215400102", address="г. Атырау, ул. Абая, 12, кв. 5",
                               phone="8 701 123 45 67"),
        "elkin": make_person(services, "Елкин", "Семен", address="мкр. Нурсая, 40",
                             phone="+7 777 555 00 11"),
        "aliya": make_person(services, "Сейтқалиева", "Әлия", patronymic="Нұрланқызы",
                             address="ул. Құрманғазы, 3", phone="87021112233"),
        "ivanov": make_person(services, "Иванов", "Иван", address="ул. Сатпаева, 7"),
    }


def found(services, text) -> set[str]:
    return {p.surname for p in services.search.persons(text)}


@pytest.mark.parametrize(("typed", "expected"), [
    ("ёлкина", {"Ёлкина"}),
    ("ЕЛКИНА", {"Ёлкина"}),
    ("елкин", {"Ёлкина", "Елкин"}),  # prefix: both
    ("ёлкин", {"Ёлкина", "Елкин"}),  # ё typed finds е stored, and the other way
    ("семён", {"Елкин"}),
    ("АлЁнА пЕтРоВнА", {"Ёлкина"}),
    ("әлия", {"Сейтқалиева"}),
    ("ӘЛИЯ", {"Сейтқалиева"}),
    ("Әлия Сейтқалиева", {"Сейтқалиева"}),
    ("нұрланқызы", {"Сейтқалиева"}),
    ("құрманғазы", {"Сейтқалиева"}),
    ("сейтк", {"Сейтқалиева"}),  # қ typed as к on a Russian keyboard
    ("сейткалиева алия", {"Сейтқалиева"}),
    ("нурланкызы", {"Сейтқалиева"}),
    ("курмангазы", {"Сейтқалиева"}),
    ("СЕЙТКАЛИЕВА", {"Сейтқалиева"}),
    ("9002", {"Ёлкина"}),
    ("900215400102", {"Ёлкина"}),
    ("900216", set()),
    ("абая", {"Ёлкина"}),
    ("Атырау Абая 12", {"Ёлкина"}),
    ("нурсая", {"Елкин"}),
    ("сатпаева 7", {"Иванов"}),
    ("Ёлкина Сатпаева", set()),  # every word must match
])
def test_person_search(services, people, typed, expected):
    assert found(services, typed) == expected


@pytest.mark.parametrize("typed", [
    "+7 701 123 45 67", "87011234567", "8 (701) 123-45-67", "+77011234567", "7011234567",
    "701 123", "701-123-45", "701123", "1234567", "123 45 67", "123-45-67", "4567",
    "8 701 123", "8(701)123",
])
def test_person_search_by_phone_fragments(services, people, typed):
    assert found(services, typed) == {"Ёлкина"}


def test_other_phones_do_not_match(services, people):
    assert found(services, "87021112233") == {"Сейтқалиева"}
    assert found(services, "+7 777 555") == {"Елкин"}
    assert found(services, "8 702 999") == set()


def test_empty_or_punctuation_query_finds_nothing(services, people):
    assert services.search.persons("") == []
    assert services.search.persons(" -- ") == []
    assert services.search.records("  ") == []


def test_persons_come_in_alphabet_order(services, people):
    make_person(services, "Әбдіров", "Ерлан", address="ул. Абая, 1")
    make_person(services, "Абдулов", "Олег", address="ул. Абая, 2")
    assert [p.surname for p in services.search.persons("абая")] == [
        "Абдулов", "Әбдіров", "Ёлкина"]


def test_an_edited_person_is_found_by_the_new_text_only(services, people):
    services.persons.update(people["ivanov"].id, {"surname": "Жұмабаев"})
    assert found(services, "иванов") == set()
    assert found(services, "жұмабаев") == {"Жұмабаев"}


def test_deleted_persons_are_not_found(services, people):
    services.persons.delete(people["yolkina"].id)
    assert found(services, "елкин") == {"Елкин"}
    assert found(services, "87011234567") == set()


def test_free_text_in_every_register(services, people):
    yolkina = people["yolkina"]
    staff_id = services.staff.by_login("erzhanov").id
    records = {
        "appeal": services.appeals.create(appeal_data(
            yolkina, substance="Сосед Жақсылықов включает музыку после полуночи")),
        "offence": services.offences.create(offence_data(
            people["elkin"], description="Распивал пиво у подъезда Ёлочка", article="440-1")),
        "preventive_visit": services.visits.create(visit_data(
            notes="Проверено хранение охотничьего ружья Сайга", person=yolkina.id)),
        "registration": services.registrations.create(registration_data(
            people["aliya"], basis_document="Защитное предписание № 77-Қ", notes="Ревнивый")),
        "meeting": services.meetings.create(meeting_data(
            questions="Бродячие собаки у школы Балдырған", inspector=staff_id)),
        "feedback": services.feedback.create(feedback_data(comment="Темно на улице Шұғыла")),
        "address": services.addresses.create({"street": "ул. Тайманова", "house": "44",
                                              "dwelling_kind": "flat"}),
        "organisation": services.organisations.create({"kind": "ksk",
                                                       "name": "КСК «Бәйтерек»"}),
    }
    queries = {
        "appeal": "ЖАҚСЫЛЫҚОВ полуночи", "offence": "елочка", "preventive_visit": "сайга ружья",
        "registration": "77-Қ", "meeting": "балдырған", "feedback": "шұғыла",
        "address": "тайманова 44", "organisation": "бәйтерек",
    }
    for kind, text in queries.items():
        hits = services.search.records(text)
        assert [(h.kind, h.record_id) for h in hits] == [(kind, records[kind].id)], kind
    # registers that name a person are found by that person's name and ИИН too
    assert {h.kind for h in services.search.records("900215400102")} == {"person", "appeal"}
    assert {h.kind for h in services.search.records("елкин")} == {
        "person", "appeal", "offence", "preventive_visit"}
    assert {h.kind for h in services.search.records("сейтқалиева")} == {
        "person", "registration"}
    # limited to chosen kinds
    assert {h.kind for h in services.search.records("ёлкина", kinds=("appeal",))} == {
        "appeal"}
    # deleted records are not found
    for kind, record in records.items():
        service = {"appeal": services.appeals, "offence": services.offences,
                   "preventive_visit": services.visits, "registration": services.registrations,
                   "meeting": services.meetings, "feedback": services.feedback,
                   "address": services.addresses,
                   "organisation": services.organisations}[kind]
        service.delete(record.id)
        assert services.search.records(queries[kind]) == [], kind


def test_search_limit(services):
    for i in range(7):
        make_person(services, "Ахметов", f"Ерлан{i}")
    assert len(services.search.persons("ахметов", limit=5)) == 5
    assert len(services.search.records("ахметов", limit=3)) == 3


@given(st.text(), st.sampled_from([0, 1]))
def test_collation_hex_spells_out_the_collation_key(text, shift):
    assert collation_hex(text, shift) == "".join(
        f"{min(value + shift, 4095):03x}" for value in collation_key(text))
