"""Persons: required fields, lengths, ИИН rules, agreement with birth date and sex, duplicates."""

from __future__ import annotations

from datetime import date

import pytest
from core_factories import appeal_data, errors_of, make_person, snapshot, valid_iin

from inspector_app.errors import ValidationError
from inspector_app.messages import translate


def refused(services, data, record_id=None) -> set[tuple[str, str]]:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        if record_id:
            services.persons.update(record_id, data)
        else:
            services.persons.create(data)
    assert snapshot() == before
    return errors_of(caught.value)


def test_surname_and_first_name_are_required(services):
    assert refused(services, {"surname": "  ", "first_name": ""}) == {
        ("surname", "v.required"), ("first_name", "v.required")}


def test_lengths(services):
    errors = refused(services, {"surname": "А" * 101, "first_name": "Б",
                                "patronymic": "В" * 101, "address": "Г" * 301,
                                "notes": "Д" * 2001})
    assert errors == {("surname", "v.too_long"), ("patronymic", "v.too_long"),
                      ("address", "v.too_long"), ("notes", "v.too_long")}
    person = make_person(services, "А" * 100, "Б" * 100, patronymic="В" * 100)
    assert len(person.surname) == 100


def test_the_too_long_message_gives_the_limit(services):
    with pytest.raises(ValidationError) as caught:
        services.persons.create({"surname": "А" * 101, "first_name": "Б"})
    [error] = caught.value.errors
    assert error.params == {"max": 100, "length": 101}
    assert "100" in error.message("ru") and "Фамилия" in error.message("ru")


def test_birth_date_and_sex_are_filled_from_the_iin(services):
    person = make_person(services, iin="900215400102")
    assert (person.birth_date, person.sex) == (date(1990, 2, 15), "F")
    stored = services.persons.get(person.id)
    assert (stored.birth_date, stored.sex) == (date(1990, 2, 15), "F")


def test_matching_birth_date_and_sex_are_accepted(services):
    person = make_person(services, iin="900215400102", birth_date="15.02.1990", sex="F")
    assert person.birth_date == date(1990, 2, 15)


def test_birth_date_must_agree_with_the_iin(services):
    errors = refused(services, {"surname": "Ким", "first_name": "Ли", "iin": "900215400102",
                                "birth_date": "1990-02-16"})
    assert errors == {("birth_date", "v.iin_birth_mismatch")}


def test_sex_must_agree_with_the_iin(services):
    errors = refused(services, {"surname": "Ким", "first_name": "Ли", "iin": "900215400102",
                                "sex": "M"})
    assert errors == {("sex", "v.iin_sex_mismatch")}


def test_a_person_without_iin_keeps_what_was_typed(services):
    person = make_person(services, birth_date="01.03.1975", sex="M")
    assert (person.iin, person.birth_date, person.sex) == (None, date(1975, 3, 1), "M")


@pytest.mark.parametrize(
    ("iin", "code"),
    [
        ("90021540010", "v.iin.length"),
        ("9002154001O2", "v.iin.not_digits"),
        ("900215900102", "v.iin.century"),
        ("900231400102", "v.iin.birth_date"),
        ("900215400103", "v.iin.check_digit"),
    ],
)
def test_invalid_iin_is_refused_on_the_iin_field(services, iin, code):
    assert refused(services, {"surname": "Ким", "first_name": "Ли", "iin": iin}) == {
        ("iin", code)}


def test_every_iin_message_code_has_text_in_three_languages():
    for code in ("v.iin.empty", "v.iin.length", "v.iin.not_digits", "v.iin.century",
                 "v.iin.birth_date", "v.iin.check_digit", "v.iin.no_check_digit",
                 "v.iin_taken", "v.iin_birth_mismatch", "v.iin_sex_mismatch"):
        texts = {translate(code, lang, name="X", iin_date="01.01.2000")
                 for lang in ("ru", "kk", "en")}
        assert code not in texts and len(texts) == 3


def test_an_iin_with_a_birth_date_in_the_future_is_refused(services):
    future = valid_iin(date(2027, 3, 1), "M")
    errors = refused(services, {"surname": "Ким", "first_name": "Ли", "iin": future})
    assert ("iin", "v.future_date") in errors


def test_a_typed_birth_date_in_the_future_is_refused(services):
    errors = refused(services, {"surname": "Ким", "first_name": "Ли",
                                "birth_date": "2026-11-26"})
    assert errors == {("birth_date", "v.future_date")}


def test_bad_birth_date_text_and_sex_code(services):
    errors = refused(services, {"surname": "Ким", "first_name": "Ли",
                                "birth_date": "31.02.1990", "sex": "X"})
    assert errors == {("birth_date", "v.bad_date"), ("sex", "v.unknown_code")}


def test_duplicate_iin_is_refused_and_names_the_other_person(services):
    make_person(services, "Сейтқалиева", "Әйгерім", iin="900215400102")
    with pytest.raises(ValidationError) as caught:
        services.persons.create({"surname": "Другая", "first_name": "Женщина",
                                 "iin": " 900215 400102 "})
    [error] = caught.value.errors
    assert (error.field, error.code) == ("iin", "v.iin_taken")
    assert "Сейтқалиева Әйгерім" in error.message("ru")


def test_a_person_may_keep_their_own_iin_on_update(services):
    person = make_person(services, iin="900215400102")
    updated = services.persons.update(person.id, {"iin": "900215400102", "notes": "ok"})
    assert updated.notes == "ok"


def test_update_to_another_persons_iin_is_refused(services):
    make_person(services, "Первый", iin="900215400102")
    other = make_person(services, "Второй", iin=valid_iin(date(1985, 5, 12), "M"))
    assert refused(services, {"iin": "900215400102"}, other.id) == {
        ("iin", "v.iin_taken"), ("birth_date", "v.iin_birth_mismatch"),
        ("sex", "v.iin_sex_mismatch")}


def test_changing_the_iin_rechecks_kept_birth_date(services):
    person = make_person(services, iin="900215400102")
    new_iin = valid_iin(date(1991, 7, 1), "F")
    # The old birth date no longer agrees: the user must correct both together.
    assert refused(services, {"iin": new_iin}, person.id) == {
        ("birth_date", "v.iin_birth_mismatch")}
    updated = services.persons.update(person.id, {"iin": new_iin, "birth_date": "01.07.1991"})
    assert updated.birth_date == date(1991, 7, 1)


def test_a_person_named_in_a_register_cannot_be_deleted(services, person):
    services.appeals.create(appeal_data(person))
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.persons.delete(person.id)
    assert errors_of(caught.value) == {("id", "v.person_in_use")}
    assert snapshot() == before


def test_a_person_in_a_deleted_record_only_can_be_deleted(services, person):
    appeal = services.appeals.create(appeal_data(person))
    services.appeals.delete(appeal.id)
    services.persons.delete(person.id)
    assert services.persons.count() == 0


def test_renaming_a_person_renames_them_in_the_registers_search(services, person):
    services.appeals.create(appeal_data(person))
    assert len(services.search.records("Сейтқалиева", kinds=("appeal",))) == 1
    services.persons.update(person.id, {"surname": "Жұмабаева"})
    assert services.search.records("Сейтқалиева", kinds=("appeal",)) == []
    assert len(services.search.records("жұмабаева", kinds=("appeal",))) == 1


def test_validate_reports_without_writing(services):
    before = snapshot()
    errors = services.persons.validate({"surname": "", "first_name": "Ли",
                                        "iin": "900215400103"})
    assert {(e.field, e.code) for e in errors} == {("surname", "v.required"),
                                                  ("iin", "v.iin.check_digit")}
    assert services.persons.validate({"surname": "Ким", "first_name": "Ли"}) == []
    assert snapshot() == before
