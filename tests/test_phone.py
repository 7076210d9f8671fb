"""Kazakhstan phone numbers: the usual ways of typing one give one stored form."""

from __future__ import annotations

import pytest
from core_factories import errors_of

from inspector_app.domain.phone import PhoneError, normalize_phone
from inspector_app.errors import ValidationError

STORED = "+7 701 123 45 67"


@pytest.mark.parametrize(
    "typed",
    [
        "+7 701 123 45 67",
        "+77011234567",
        "+7 (701) 123-45-67",
        "+7-701-123-45-67",
        "87011234567",
        "8 701 123 45 67",
        "8 (701) 123-45-67",
        "8(701)1234567",
        "8.701.123.45.67",
        "77011234567",
        "7 701 123 45 67",
        "7011234567",
        "701 123 45 67",
        "(701) 123-45-67",
        "  +7 701 123 45 67  ",
        "+7\t701\u00a0123 45 67",
    ],
)
def test_accepted_forms_are_stored_one_way(typed):
    assert normalize_phone(typed) == STORED


def test_city_numbers_of_atyrau():
    assert normalize_phone("8 (7122) 27-14-55") == "+7 712 227 14 55"
    assert normalize_phone("+7 7122 271455") == "+7 712 227 14 55"


def test_the_second_kazakhstan_range_six():
    assert normalize_phone("+7 600 123 45 67") == "+7 600 123 45 67"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "phone.empty"),
        ("   ", "phone.empty"),
        ("+8 701 123 45 67", "phone.country"),
        ("+1 202 555 0101", "phone.country"),
        ("+996 555 123 456", "phone.country"),
        ("8701123456a", "phone.characters"),
        ("8 701 123 45 67 доб. 5", "phone.characters"),
        ("８７０１１２３４５６７", "phone.characters"),  # full-width digits
        ("+7 701 123 45 6", "phone.length"),
        ("+7 701 123 45 678", "phone.length"),
        ("12345", "phone.length"),
        ("987011234567", "phone.length"),
        ("97011234567", "phone.length"),
        ("+7 901 123 45 67", "phone.operator"),  # a Russian mobile number
        ("8 495 123 45 67", "phone.operator"),
        ("+7 001 123 45 67", "phone.operator"),
    ],
)
def test_rejected_forms(typed, code):
    with pytest.raises(PhoneError) as caught:
        normalize_phone(typed)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)
    assert str(caught.value)


def test_person_phone_is_stored_in_one_form(services):
    person = services.persons.create({"surname": "Ахметов", "first_name": "Ерлан",
                                      "phone": "8 (701) 123-45-67"})
    assert services.persons.get(person.id).phone == STORED


def test_person_phone_may_be_left_empty(services):
    person = services.persons.create({"surname": "Ахметов", "first_name": "Ерлан", "phone": " "})
    assert person.phone == ""


@pytest.mark.parametrize(
    ("typed", "code"),
    [("+7 901 123 45 67", "v.phone.operator"), ("8701", "v.phone.length"),
     ("tel 8701", "v.phone.characters"), ("+49 30 1234567", "v.phone.country")],
)
def test_person_with_a_bad_phone_is_refused_on_the_phone_field(services, typed, code):
    with pytest.raises(ValidationError) as caught:
        services.persons.create({"surname": "Ахметов", "first_name": "Ерлан", "phone": typed})
    assert errors_of(caught.value) == {("phone", code)}
    assert typed.strip() in caught.value.errors[0].params["value"]
    assert services.persons.count() == 0


def test_organisation_phone_uses_the_same_rule(services):
    org = services.organisations.create({"kind": "ksk", "name": "КСК «Нур»",
                                         "phone": "87015556677"})
    assert org.phone == "+7 701 555 66 77"
    with pytest.raises(ValidationError) as caught:
        services.organisations.create({"kind": "ksk", "name": "КСК «Нур-2»", "phone": "555"})
    assert errors_of(caught.value) == {("phone", "v.phone.length")}
