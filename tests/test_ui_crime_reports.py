"""The КУИ register in the desktop client: its form, its deadlines on the home page (overdue
first), its register page; Russian and Kazakh renders.

The clock stands at 25.11.2026 10:30.
"""

from __future__ import annotations

import os
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from qt_helpers import type_text
from test_ui_forms_support import make_ctx, show

from ui.forms.crime_report_form import CrimeReportForm
from ui.home_page import HomePage
from ui.i18n import install_language

SHOTS = "/tmp/law-paperwork"


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


def report(services, person, received: str, **extra):
    data = {"received_at": received, "source": "written_statement", "reporter": person.id,
            "substance": "Украден велосипед из подъезда"}
    data.update(extra)
    return services.crime_reports.create(data)


def test_a_statement_is_received_with_its_registration_deadline(qtbot, ctx, services, person):
    form = show(qtbot, CrimeReportForm(ctx))
    assert form.registration_note.text() == "26.11.2026 10:30"  # now + 24 hours
    form.received_at.date_field.edit.selectAll()
    type_text(form.received_at.date_field.edit, "24.11.2026")
    assert form.registration_note.text() == "25.11.2026 10:30"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.saved_id is None  # a written statement names who made it
    assert form.field_errors("reporter") and form.field_errors("substance")
    form.reporter.set_value(person.id)
    type_text(form.substance, "Украден велосипед из подъезда")
    with qtbot.waitSignal(ctx.sig_data_changed) as changed:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = services.crime_reports.get(form.saved_id)
    assert changed.args[0].ids("crime_report") == {stored.id}
    assert (stored.status, stored.due_at) == ("received", datetime(2026, 11, 25, 10, 30))
    assert stored.reporter_id == person.id


def test_registration_and_decision_are_recorded(qtbot, ctx, services, person):
    record = report(services, person, "2026-11-24 22:10")
    form = show(qtbot, CrimeReportForm(ctx, record.id))
    form.registered_at.date_field.edit.selectAll()
    type_text(form.registered_at.date_field.edit, "25.11.2026")
    form.registered_at.time_field.selectAll()
    type_text(form.registered_at.time_field, "09:00")
    type_text(form.kui_number, "264000031000123")
    form.decision.set_value("erdr_registered")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.field_errors("erdr_number")  # registered in the ЕРДР: its number
    type_text(form.erdr_number, "262300031000456")
    type_text(form.handed_to, "СО УП г. Атырау")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = services.crime_reports.get(record.id)
    assert (stored.status, stored.erdr_number, stored.kui_number) == (
        "decided", "262300031000456", "264000031000123")
    assert stored.registered_at == datetime(2026, 11, 25, 9, 0)
    assert stored.handed_to == "СО УП г. Атырау"


def test_the_home_page_lists_kui_deadlines_overdue_first(qtbot, ctx, services, person):
    later = report(services, person, "2026-11-25 08:00")
    late = report(services, person, "2026-11-23 09:00")
    checked = report(services, person, "2026-11-20 09:00", registered_at="2026-11-20 12:00",
                     kui_number="264000031000001", check_due="2026-11-30")
    report(services, person, "2026-11-22 09:00", decision="no_offence")
    home = HomePage(ctx, background=False)
    qtbot.addWidget(home)
    home.resize(1366, 768)
    home.show()
    home.refresh()
    lines = [home.kui.topLevelItem(i) for i in range(home.kui.topLevelItemCount())]
    targets = [line.data(0, Qt.ItemDataRole.UserRole + 1) for line in lines]
    assert targets == [("crime_report", late.id), ("crime_report", later.id),
                       ("crime_report", checked.id)]
    assert lines[0].text(0) == "24.11.2026 09:00" and lines[0].text(2) == "Сейтқалиева " \
        "Әйгерім Нұрланқызы"
    assert lines[0].foreground(0).color().name() == "#b3261e"  # overdue
    assert lines[1].foreground(0).color().name() != "#b3261e"
    assert lines[2].text(1) == "Зарегистрировано, проверка"
    assert home.kui_box.title() == "КУИ: сроки регистрации и проверки (3, просрочено: 1)"
    opened = []
    ctx.open_record = lambda kind, record_id, parent: opened.append((kind, record_id))
    home.kui.setCurrentItem(lines[0])
    qtbot.keyClick(home.kui, Qt.Key.Key_Return)
    assert opened == [("crime_report", late.id)]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_form_and_the_home_page_render(qtbot, services, person, tmp_path, qapp, lang):
    os.makedirs(SHOTS, exist_ok=True)
    ctx = make_ctx(services, tmp_path, lang)
    try:
        report(services, person, "2026-11-23 09:00")
        record = report(services, person, "2026-11-24 22:10", registered_at="2026-11-25 09:00",
                        kui_number="264000031000123", check_due="2026-12-04",
                        check_extended_until="2026-12-14",
                        extension_reason="Назначена экспертиза",
                        handed_to="СО УП г. Атырау, следователь Ахметов Д.")
        form = show(qtbot, CrimeReportForm(ctx, record.id))
        form.grab().save(f"{SHOTS}/kui-form-{lang}.png")
        form.discard()
        home = HomePage(ctx, background=False)
        qtbot.addWidget(home)
        home.resize(1366, 768)
        home.show()
        home.refresh()
        home.grab().save(f"{SHOTS}/home-{lang}.png")
        assert home.kui.topLevelItemCount() == 2
        if lang == "kk":
            assert home.kui_box.title().startswith("КУИ: тіркеу және тексеру мерзімдері")
    finally:
        install_language("ru")
