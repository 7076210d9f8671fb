"""The offence form: penalties by article, fine in МРП and tenge, protocol number, rights."""

from __future__ import annotations

from decimal import Decimal

import pytest
from core_factories import offence_data
from PySide6.QtCore import Qt
from qt_helpers import type_text
from test_ui_forms_support import login_assistant, make_ctx, register_ids, show

from ui.forms.offence_form import OffenceForm


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


def test_create_offence_with_a_fine_shows_tenge_and_the_protocol_number(qtbot, ctx, services,
                                                                       person):
    form = show(qtbot, OffenceForm(ctx))
    assert form.place.text() == "Атырау, "
    type_text(form.place, "ул. Абая, 12, двор")
    form.offender.set_value(person.id)
    form.article.choose("434-1")
    assert [form.penalty.itemData(i) for i in range(form.penalty.count())] == [
        "fine", "arrest", "public_works"]  # catalogue order
    assert form.penalty.value() == "fine"
    type_text(form.description, "Выражалась нецензурной бранью во дворе дома")
    type_text(form.fine.mrp, "10")
    assert form.fine.amount.text() == "= 43\u00a0250\u00a0₸"
    assert form.fine.rate.text() == "1 МРП в 2026 г. = 4\u00a0325\u00a0₸"
    assert not form.hours.isEnabled() and not form.days.isEnabled()
    with qtbot.waitSignal(ctx.sig_data_changed):
        offence_id = form.save()
    offence = services.offences.get(offence_id)
    assert offence.protocol_number == "ATY-017-P-2026-00001"
    assert (offence.fine_mrp, offence.fine_tenge) == (Decimal("10"), 43250)
    assert offence.article == "434-1" and offence.status == "drawn_up"
    assert "Протокол № ATY-017-P-2026-00001" in form.banner.text()
    assert form.windowTitle() == "Протокол об АП № ATY-017-P-2026-00001"
    assert register_ids("offences", code="434-1") == [offence_id]


def test_tenge_amount_follows_the_year_of_the_offence(qtbot, ctx):
    form = show(qtbot, OffenceForm(ctx))
    type_text(form.fine.mrp, "2,5")
    assert form.fine.amount.text() == "= 10\u00a0813\u00a0₸"  # 2.5 × 4 325
    form.committed_at.date_field.edit.setText("15.03.2025")
    form.committed_at.edited.emit()
    assert form.fine.amount.text() == "= 9\u00a0830\u00a0₸"  # 2.5 × 3 932
    assert form.fine.rate.text() == "1 МРП в 2025 г. = 3\u00a0932\u00a0₸"
    form.fine.mrp.setText("abc")
    assert form.fine.amount.text() == ""


def test_penalty_list_and_fields_follow_the_article_and_penalty(qtbot, ctx):
    form = show(qtbot, OffenceForm(ctx))
    form.article.choose("442-2")
    assert [form.penalty.itemData(i) for i in range(form.penalty.count())] == ["warning"]
    assert form.penalty.value() == "warning"
    assert not form.fine.isEnabled() and form.fine.amount.text() == form.fine.rate.text() == ""
    form.article.choose("73-1")
    form.penalty.set_value("public_works")
    assert form.hours.isEnabled() and not form.days.isEnabled() and not form.fine.isEnabled()
    form.penalty.set_value("arrest")
    assert form.days.isEnabled() and not form.hours.isEnabled()


def test_fine_over_the_article_maximum_is_refused_at_the_field(qtbot, ctx, services, person):
    form = show(qtbot, OffenceForm(ctx))
    form.offender.set_value(person.id)
    form.article.choose("437-1")
    type_text(form.place, "ул. Абая, 12")
    type_text(form.description, "Громкая музыка в 01:30")
    type_text(form.fine.mrp, "25")
    qtbot.keyClick(form.place, Qt.Key.Key_Return)
    assert form.field_errors("fine_mrp").startswith("Штраф, МРП:")
    assert form.fine.mrp.hasFocus()
    assert services.offences.count() == 0
    assert form.fine.mrp.text() == "25"


def test_edit_offence_status(qtbot, ctx, services, person):
    offence = services.offences.create(offence_data(person))
    form = show(qtbot, OffenceForm(ctx, offence.id))
    assert form.article.value() == "437-1" and form.penalty.value() == "warning"
    form.status.set_value("sent_to_court")
    type_text(form.erap, "ЕРАП-2026-0117")
    form.save()
    stored = services.offences.get(offence.id)
    assert (stored.status, stored.erap_number) == ("sent_to_court", "ЕРАП-2026-0117")
    assert register_ids("offences", status="sent_to_court") == [offence.id]


def test_assistant_sees_another_officers_offence_read_only(qtbot, ctx, services, person):
    offence = services.offences.create(offence_data(person))  # by inspector Ержанов
    login_assistant(services)
    form = show(qtbot, OffenceForm(ctx, offence.id))
    assert form.read_only
    assert form.windowTitle().endswith("— только просмотр")
    assert form.save_button.isHidden() and form.cancel_button.text() == "&Закрыть"
    assert "Только просмотр" in form.banner.text()
    assert form.place.isReadOnly() and form.offender.edit.isReadOnly()
    assert form.save() is None
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert services.offences.get(offence.id).row_version == 1


def test_assistant_edits_an_offence_of_their_own(qtbot, ctx, services, person):
    assistant_id = login_assistant(services)
    offence = services.offences.create(offence_data(person))
    assert offence.inspector_id == assistant_id
    form = show(qtbot, OffenceForm(ctx, offence.id))
    assert not form.read_only
    form.place.setText("ул. Абая, 14")
    form.save()
    assert services.offences.get(offence.id).place == "ул. Абая, 14"
