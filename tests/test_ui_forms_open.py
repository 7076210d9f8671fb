"""open_record_form: the entry point the main window uses, and every form rendered."""

from __future__ import annotations

import pytest
from core_factories import appeal_data
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from qt_helpers import type_text
from test_ui_forms_support import answer_box, make_ctx, on_modal

from inspector_app.queries.registers import REGISTER_OF_KIND
from ui.forms import open_record_form
from ui.forms.appeal_form import AppealForm
from ui.forms.meeting_form import MeetingForm
from ui.forms.preview import fill_sample, render_forms
from ui.i18n import install_language
from ui.kinds import FORM_KINDS

KINDS = {"appeal", "preventive_visit", "registration", "offence", "meeting", "feedback",
         "person", "address", "organisation", "staff", "crime_report"}


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


def test_every_kind_has_a_form():
    assert set(FORM_KINDS) == KINDS
    assert all(cls.kind == kind for kind, cls in FORM_KINDS.items())


def test_the_ui_table_covers_the_kinds_and_its_icons_exist():
    from inspector_app import kinds
    from inspector_app.paths import resource
    from ui.kinds import PAGE_KINDS, UI_KINDS

    assert set(UI_KINDS) == set(kinds.KINDS) - {"point"}
    assert set(PAGE_KINDS) == {k.slug for k in kinds.registered()}
    assert all(resource("icons", f"{ui.icon}.svg").exists() for ui in UI_KINDS.values())
    assert all(set(ui.summary) <= {c.key for c in REGISTER_OF_KIND[slug].columns}
               for slug, ui in UI_KINDS.items() if ui.summary)


def test_open_new_record_saves_and_returns_its_id(qtbot, ctx, services):
    def fill(form: MeetingForm) -> None:
        type_text(form.place, "СШ № 5")
        type_text(form.attendance, "30")
        qtbot.keyClick(form.attendance, Qt.Key.Key_Return)

    seen = on_modal(MeetingForm, fill)
    with qtbot.waitSignal(ctx.sig_data_changed) as changed:
        meeting_id = open_record_form(ctx, "meeting")
    assert seen and changed.args[0].written == {"meeting": {meeting_id}}
    assert services.meetings.get(meeting_id).attendance == 30


def test_cancel_returns_none(qtbot, ctx, services):
    on_modal(MeetingForm, lambda form: qtbot.keyClick(form, Qt.Key.Key_Escape))
    assert open_record_form(ctx, "meeting") is None
    assert services.meetings.count() == 0


def test_new_appeal_returns_its_id_after_the_talon_was_shown(qtbot, ctx, services, person):
    def fill(form: AppealForm) -> None:
        form.topic.set_value("noise")
        form.applicant.set_value(person.id)
        type_text(form.substance, "Шум ночью")
        qtbot.keyClick(form.channel, Qt.Key.Key_Return)  # saved: talon shown, form open
        assert "Талон №" in form.banner.text()
        qtbot.keyClick(form, Qt.Key.Key_Escape)  # nothing unsaved: closes at once

    on_modal(AppealForm, fill)
    appeal_id = open_record_form(ctx, "appeal")
    assert services.appeals.get(appeal_id).talon_number == "ATY-017-T-2026-00001"


def test_existing_record_opens_for_editing(qtbot, ctx, services, person):
    appeal = services.appeals.create(appeal_data(person))

    def edit(form: AppealForm) -> None:
        form.decision.set_value("in_progress")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    on_modal(AppealForm, edit)
    assert open_record_form(ctx, "appeal", appeal.id) == appeal.id
    assert services.appeals.get(appeal.id).status == "in_progress"


def test_a_missing_record_gives_a_message_not_a_traceback(qtbot, ctx):
    seen = answer_box("first")
    assert open_record_form(ctx, "offence", "0" * 32) is None
    assert seen.text == "Запись не найдена (возможно, удалена)"


def test_no_right_to_create_gives_a_message(qtbot, ctx, services):
    services.staff.create({"full_name": "Оператор РОП", "role": "district_operator",
                           "login": "rop.atyrau", "password": "Tekseru-2026!"})
    services.login("rop.atyrau", "Tekseru-2026!")
    seen = answer_box("first")
    assert open_record_form(ctx, "appeal") is None
    assert seen.text == "Недостаточно прав для этого действия"


def test_forms_speak_the_ui_language_in_catalogue_titles(qtbot, services, tmp_path, qapp):
    form = MeetingForm(make_ctx(services, tmp_path, "kk"))
    qtbot.addWidget(form)
    install_language("ru")
    assert form.windowTitle() == "Тұрғындармен жаңа кездесу"
    titles = [form.kind_combo.itemText(i) for i in range(form.kind_combo.count())]
    assert titles[0] == "Есептік кездесу"
    assert form.kind_combo.value() == "report_meeting"


def test_every_form_renders_with_sample_data_within_a_small_screen(qtbot, ctx, services,
                                                                   tmp_path):
    ids = fill_sample(services)
    paths = render_forms(ctx, ids, tmp_path / "png")
    assert {p.stem for p in paths} == KINDS | {"appeal-new"}
    del ids["meeting"]  # a kind without a sample still has its form measured, as a new record
    assert {p.stem for p in render_forms(ctx, ids, tmp_path / "png2", new_kinds=())} == (
        KINDS - {"meeting"} | {"meeting-new"})
    for path in paths:
        image = QImage(str(path))
        assert 300 < image.width() <= 1366 - 40 and 200 < image.height() <= 768 - 60, path
