"""The address and organisation (КСК/ОСИ) forms of the area's passport."""

from __future__ import annotations

from datetime import date

import pytest
from qt_helpers import type_text
from test_ui_forms_support import leave, make_ctx, show

from ui.forms.address_form import AddressForm
from ui.forms.organisation_form import OrganisationForm


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


@pytest.fixture
def ksk(services):
    return services.organisations.create({"kind": "ksk", "name": "КСК «Нурсая»"})


def test_create_organisation_with_normalised_phone(qtbot, ctx, services):
    form = show(qtbot, OrganisationForm(ctx))
    assert form.kind_combo.value() == "ksk"
    type_text(form.name, "ОСИ «Болашақ»")
    form.kind_combo.set_value("osi")
    type_text(form.chair, "Оспанова Гүлнар")
    form.phone.setFocus()
    type_text(form.phone, "8 701 765 43 21")
    leave(qtbot, form.phone, form.chat_link)
    assert form.phone.text() == "+7 701 765 43 21"
    type_text(form.chat_link, "https://chat.whatsapp.com/Bolashak")
    with qtbot.waitSignal(ctx.sig_data_changed):
        organisation_id = form.save()
    stored = services.organisations.get(organisation_id)
    assert (stored.kind, stored.name, stored.phone) == ("osi", "ОСИ «Болашақ»",
                                                        "+7 701 765 43 21")
    assert [hit.record_id for hit in services.search.records("болашақ", ("organisation",))] \
        == [organisation_id]


def test_organisation_bad_bin_and_link_are_shown_at_their_fields(qtbot, ctx, services):
    form = show(qtbot, OrganisationForm(ctx))
    type_text(form.name, "КСК «Самал»")
    type_text(form.bin, "120740012307")
    type_text(form.chat_link, "whatsapp группа")
    assert form.save() is None
    assert form.field_errors("bin") and form.field_errors("chat_link")
    assert form.bin.hasFocus()
    assert services.organisations.count() == 0


def test_create_address_of_a_ksk(qtbot, ctx, services, ksk):
    form = show(qtbot, AddressForm(ctx))
    type_text(form.street, "ул. Сатпаева")
    type_text(form.house, "15А")
    form.organisation.set_value(ksk.id)
    type_text(form.flats, "72")
    address_id = form.save()
    stored = services.addresses.get(address_id)
    assert (stored.street, stored.house, stored.flats, stored.organisation_id) == (
        "ул. Сатпаева", "15А", 72, ksk.id)
    assert [row[0].id for row in services.addresses.passport(date(2026, 1, 1))] == [address_id]


def test_address_needs_a_house_and_edit_updates(qtbot, ctx, services):
    form = show(qtbot, AddressForm(ctx))
    type_text(form.street, "ул. Абая")
    assert form.save() is None
    assert form.field_errors("house") == "Дом: обязательное поле"
    assert services.addresses.count() == 0
    type_text(form.house, "12")
    address_id = form.save()
    form = show(qtbot, AddressForm(ctx, address_id))
    form.dwelling_kind.set_value("private_house")
    form.save()
    assert services.addresses.get(address_id).dwelling_kind == "private_house"
