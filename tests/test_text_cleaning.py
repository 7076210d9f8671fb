"""Core cleaning of typed text: spaces collapsed, a place that names only the town refused."""

from __future__ import annotations

import pytest
from core_factories import errors_of, make_person, meeting_data, offence_data, visit_data

from inspector_app.errors import ValidationError
from inspector_app.services.validation import collapse_spaces

ONLY_TOWN = ["Атырау,", "Атырау, ", "г. Атырау", "  Атырау  ,  ", "Атырау қаласы,", ",",
             "Город Атырау", "Кульсары,", "Құлсары", "Atyrau,"]


def test_collapse_spaces_keeps_line_breaks():
    assert collapse_spaces("  Иванов   Иван\t Иванович ") == "Иванов Иван Иванович"
    assert collapse_spaces("первая  строка \n  вторая\u00a0\u00a0строка") == \
        "первая строка\nвторая строка"


def _refusals(create, data) -> set[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        create(data)
    return errors_of(caught.value)


@pytest.mark.parametrize("place", ONLY_TOWN)
def test_a_place_naming_only_the_town_is_refused_everywhere(services, person, place):
    assert ("place", "v.place_only_town") in _refusals(
        services.offences.create, offence_data(person, place=place))
    assert ("place", "v.place_only_town") in _refusals(
        services.meetings.create, meeting_data(place=place))
    assert ("address_text", "v.place_only_town") in _refusals(
        services.visits.create, visit_data(address_text=place))
    assert ("address", "v.place_only_town") in _refusals(
        services.persons.create, {"surname": "Петров", "first_name": "Пётр", "address": place})


def test_the_refusal_names_the_field_in_every_language(services, person):
    with pytest.raises(ValidationError) as caught:
        services.offences.create(offence_data(person, place="Атырау, "))
    error = next(e for e in caught.value.errors if e.field == "place")
    assert error.message("ru") == ("Место: укажите адрес полностью: «Атырау,» называет только "
                                   "населённый пункт")
    assert error.message("kk").startswith("Орны: мекенжайды толық көрсетіңіз: «Атырау,»")
    assert error.message("en") == "Place: give the full address: «Атырау,» names only the town"


@pytest.mark.parametrize("place", ["Атырау, ул. Абая, 12", "ул. Сатпаева  5, двор",
                                   "Школа № 12", "Атырау, мкр. Нурсая, 3"])
def test_a_real_place_is_kept_with_its_spaces_collapsed(services, person, place):
    offence = services.offences.create(offence_data(person, place=place))
    assert offence.place == " ".join(place.split())
    meeting = services.meetings.create(meeting_data(place=place))
    assert meeting.place == " ".join(place.split())


def test_double_spaces_are_collapsed_in_names_and_texts(services):
    person = make_person(services, "  Ахметов  ", first_name="Нурлан   Серикович")
    assert (person.surname, person.first_name) == ("Ахметов", "Нурлан Серикович")
    meeting = services.meetings.create(meeting_data(
        questions="Освещение   улиц.\nПарковка  во дворе"))
    assert meeting.questions == "Освещение улиц.\nПарковка во дворе"
