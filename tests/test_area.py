"""The administrative area: addresses and organisations (КСК/ОСИ)."""

from __future__ import annotations

from datetime import date

import pytest
from core_factories import errors_of, snapshot, visit_data

from inspector_app.domain.iin import check_digit
from inspector_app.errors import ValidationError


def refused(service, data) -> set[tuple[str, str]]:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        service.create(data)
    assert snapshot() == before
    return errors_of(caught.value)


def a_bin(first_eleven: str = "05034000123") -> str:
    return first_eleven + str(check_digit(first_eleven))


def test_an_organisation_is_recorded(services):
    org = services.organisations.create({
        "kind": "osi", "name": "ОСИ «Жастар»", "bin": a_bin(), "chair": "Серікова Г.",
        "phone": "8 701 555 66 77", "chat_link": "https://chat.whatsapp.com/AbCdEf",
        "address": "мкр. Жастар, 5"})
    assert org.phone == "+7 701 555 66 77"
    assert services.search.records("жастар", kinds=("organisation",))[0].record_id == org.id


def test_organisation_rules(services):
    assert refused(services.organisations, {"kind": "", "name": ""}) == {
        ("kind", "v.required"), ("name", "v.required")}
    assert refused(services.organisations, {"kind": "club", "name": "X",
                                            "chat_link": "чат у председателя"}) == {
        ("kind", "v.unknown_code"), ("chat_link", "v.bad_link")}


@pytest.mark.parametrize(("bin_", "code"), [
    (a_bin("05031000123"), "v.bin.kind"),
    (a_bin()[:-1] + str((int(a_bin()[-1]) + 1) % 10), "v.iin.check_digit"),
    ("0503400012", "v.iin.length"),
    ("05034000123X", "v.iin.not_digits"),
])
def test_bin_is_checked(services, bin_, code):
    errors = refused(services.organisations, {"kind": "ksk", "name": "КСК", "bin": bin_})
    assert errors == {("bin", code)}


@pytest.mark.parametrize("link", ["https://wa.me/77015556677", "wa.me/77015556677",
                                  "t.me/ksk_nur", "http://example.kz/chat"])
def test_chat_links(services, link):
    assert services.organisations.create({"kind": "ksk", "name": "КСК",
                                          "chat_link": link}).chat_link == link


def test_address_rules(services):
    assert refused(services.addresses, {"street": "", "house": "", "dwelling_kind": ""}) == {
        ("street", "v.required"), ("house", "v.required"), ("dwelling_kind", "v.required")}
    assert refused(services.addresses, {"street": "ул. Абая", "house": "1",
                                        "dwelling_kind": "flat", "flats": 0,
                                        "residents": -1, "organisation": "f" * 32}) == {
        ("flats", "v.out_of_range"), ("residents", "v.out_of_range"),
        ("organisation", "v.not_found")}


def test_the_area_passport_lists_addresses_with_their_visits(services):
    abay = services.addresses.create({"street": "ул. Абая", "house": "12",
                                      "dwelling_kind": "flat", "flats": 60})
    abay2 = services.addresses.create({"street": "ул. Абая", "house": "2",
                                       "dwelling_kind": "private_house"})
    aiteke = services.addresses.create({"street": "ул. Әйтеке би", "house": "3",
                                        "dwelling_kind": "private_house"})
    services.visits.create(visit_data(address=abay.id, visited_at="2026-03-01 10:00"))
    services.visits.create(visit_data(address=abay.id, visited_at="2025-12-01 10:00"))
    gone = services.visits.create(visit_data(address=aiteke.id, visited_at="2026-05-01 10:00"))
    services.visits.delete(gone.id)
    rows = services.addresses.passport(date(2026, 1, 1))
    # house numbers sort as numbers; Ә right after А, not after Я
    assert [r[0].id for r in rows] == [abay2.id, abay.id, aiteke.id]
    by_id = {r[0].id: r for r in rows}
    assert by_id[abay.id][2] == 1
    assert by_id[abay.id][1].date() == date(2026, 3, 1)
    assert by_id[aiteke.id][1:] == (None, 0)


def test_house_numbers_sort_as_numbers_then_letters():
    from inspector_app.services.area import address_sort_key

    houses = ["2", "12", "12А", "12Б", "12/1", "13", "101", "без номера"]
    keys = [address_sort_key("ул. Абая", h) for h in houses]
    assert sorted(houses, key=lambda h: address_sort_key("ул. Абая", h)) == [
        "без номера", "2", "12", "12А", "12Б", "12/1", "13", "101"]
    assert len(set(keys)) == len(keys)
    assert address_sort_key("ул. Абая", "99") < address_sort_key("ул. Абаяқ", "1")
    assert address_sort_key("ул. Аб", "5") < address_sort_key("ул. Аба", "1")
