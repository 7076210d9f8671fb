"""The offence form: penalties by article, fine in МРП and tenge, protocol number, rights."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from core_factories import offence_data
from PySide6.QtCore import Qt
from qt_helpers import choose, click, type_text
from test_ui_forms_support import login_assistant, make_ctx, register_ids, show

from inspector_app.storage.models import Offence
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
    form.article.choose("437-2")
    assert [form.penalty.itemData(i) for i in range(form.penalty.count())] == ["fine"]
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
    assert offence.article == "437-2" and offence.status == "drawn_up"
    assert "Протокол № ATY-017-P-2026-00001" in form.banner.text()
    assert form.windowTitle() == "Протокол об АП № ATY-017-P-2026-00001"
    assert register_ids("offences", code="437-2") == [offence_id]


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
    assert [form.penalty.itemData(i) for i in range(form.penalty.count())] == [
        "warning", "fine", "court_referral"]  # public works and arrest: the court's
    form.status.set_value("considered")
    assert [form.penalty.itemData(i) for i in range(form.penalty.count())] == [
        "warning", "fine", "arrest", "public_works", "court_referral"]  # catalogue order
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
    assert form.article.value() == "437-1" and form.penalty.value() == "fine"
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


def pick_article(qtbot, form, typed: str, code: str) -> None:
    """Type the article's number into the picker (over what it holds) and click its row."""
    qtbot.keyClick(form.article.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(form.article.edit, typed)
    popup = form.article.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    row = form.article.suggestions().index(code)
    index = popup.model().index(row, 0)
    popup.scrollTo(index)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton,
                     pos=popup.visualRect(index).center())
    qtbot.waitUntil(lambda: form.article.value() == code, timeout=3000)


def offered(form) -> list[str]:
    return [form.penalty.itemText(i) for i in range(form.penalty.count())]


def test_the_form_offers_only_what_the_part_allows_and_refers_to_court(qtbot, ctx, services,
                                                                      person):
    """Art. 434 part 2: arrest or public works, both the court's: the inspector can only
    refer the protocol to court, and that is what is stored."""
    form = show(qtbot, OffenceForm(ctx))
    type_text(form.place, "ул. Абая, 12, двор")
    form.offender.set_value(person.id)
    pick_article(qtbot, form, "434 2", "434-2")
    assert offered(form) == ["Направление в суд"]
    assert form.sanctions.text() == ("общественные работы, ч: до 100 (только суд; с согласия "
                                     "лица)\nарест, сут.: до 30 (только суд)")
    assert form.status.value() == "sent_to_court"
    assert not form.fine.isEnabled() and not form.days.isEnabled()
    type_text(form.description, "Повторно в течение года выражался нецензурной бранью")
    with qtbot.waitSignal(ctx.sig_data_changed):
        click(qtbot, form.save_button)
    offence = Offence.select().get()
    assert (offence.penalty, offence.status, offence.arrest_days) == (
        "court_referral", "sent_to_court", None)


def test_the_courts_decision_is_recorded_within_the_parts_range(qtbot, ctx, services, person):
    offence = services.offences.create(offence_data(person, article="434-1",
                                                    penalty="court_referral"))
    form = show(qtbot, OffenceForm(ctx, offence.id))
    assert offered(form) == ["Направление в суд"]
    choose(qtbot, form.status, "Рассмотрен")
    assert offered(form) == ["Штраф", "Административный арест", "Общественные работы",
                             "Направление в суд"]
    choose(qtbot, form.penalty, "Общественные работы")
    assert form.hours.isEnabled()
    type_text(form.hours, "61")
    click(qtbot, form.save_button)
    assert form.field_errors("public_works_hours").endswith(
        "по ст. 434 ч. 1 общественные работы — от 20 до 60 ч")
    assert services.offences.get(offence.id).penalty == "court_referral"
    form.hours.clear()
    type_text(form.hours, "40")
    click(qtbot, form.save_button)
    assert form.field_errors("works_consent") == (
        "Согласие на общественные работы: обязательное поле")
    choose(qtbot, form.consent, "Согласие дано")
    form.consent_on.edit.selectAll()
    type_text(form.consent_on.edit, "24.11.2026")
    click(qtbot, form.save_button)
    stored = services.offences.get(offence.id)
    assert (stored.penalty, stored.public_works_hours, stored.status) == (
        "public_works", 40, "considered")
    assert (stored.works_consent, stored.works_consent_on) == ("given", date(2026, 11, 24))


def consent_shown(form) -> bool:
    return form.consent.isVisibleTo(form) and form.consent_on.isVisibleTo(form)


def test_the_consent_is_asked_only_where_the_penalty_needs_it(qtbot, ctx, services, person):
    """Art. 434 p.1: a fine asks nothing; the referral (the court may impose public works)
    and the court's public works ask the offender's answer; a refusal is refused for them."""
    offence = services.offences.create(offence_data(person, article="434-1",
                                                    penalty="court_referral"))
    form = show(qtbot, OffenceForm(ctx, offence.id))
    assert consent_shown(form)
    assert not form.binding("works_consent").label.text().endswith("*")  # optional here
    choose(qtbot, form.consent, "Отказ от согласия")
    form.consent_on.edit.selectAll()
    type_text(form.consent_on.edit, "21.11.2026")
    choose(qtbot, form.status, "Рассмотрен")
    choose(qtbot, form.penalty, "Общественные работы")
    assert consent_shown(form)
    assert form.binding("works_consent").label.text().endswith("*")
    type_text(form.hours, "40")
    click(qtbot, form.save_button)
    assert "лицо отказалось" in form.field_errors("works_consent")
    choose(qtbot, form.penalty, "Штраф")
    assert not consent_shown(form)
    type_text(form.fine.mrp, "20")
    click(qtbot, form.save_button)
    stored = services.offences.get(offence.id)
    assert (stored.penalty, stored.works_consent, stored.works_consent_on) == ("fine", "", None)


def test_a_fine_only_part_never_shows_the_consent(qtbot, ctx):
    form = show(qtbot, OffenceForm(ctx))
    pick_article(qtbot, form, "437", "437-1")
    assert not consent_shown(form)
    pick_article(qtbot, form, "434 2", "434-2")
    assert consent_shown(form)


def test_the_form_in_kazakh_names_the_parts_sanctions(qtbot, services, tmp_path, person):
    form = show(qtbot, OffenceForm(make_ctx(services, tmp_path, "kk")))
    pick_article(qtbot, form, "435", "435-1")
    assert offered(form) == ["Айыппұл"]
    # 435: a fixed 7 МРП on the parents (the Code's Kazakh text, docs/legal-sources.md)
    assert form.sanctions.text() == "айыппұл, АЕК: 7 (ата-анасы төлейді)"
    assert "не проверено" not in form.article.edit.toolTip()
    assert "қосалқы дереккөзден" in form.article.edit.toolTip()  # 435-1 is secondary now


def test_the_subject_list_and_the_fine_follow_the_part(qtbot, ctx, services, person):
    form = show(qtbot, OffenceForm(ctx))
    pick_article(qtbot, form, "505 1", "505-1")
    assert [form.subject.itemText(i) for i in range(form.subject.count())] == [
        "Физическое лицо", "Субъект малого предпринимательства или НКО",
        "Субъект среднего предпринимательства", "Субъект крупного предпринимательства"]
    assert form.sanctions.text().splitlines()[1] == "штраф, МРП: 20"
    choose(qtbot, form.subject, "Субъект среднего предпринимательства")
    assert form.sanctions.text().splitlines()[1] == "штраф, МРП: 40"
    pick_article(qtbot, form, "434 2", "434-2")  # no fine: the subject is the individual
    assert form.subject.value() == "individual"
