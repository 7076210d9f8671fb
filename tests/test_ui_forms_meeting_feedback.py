"""The meeting and population feedback forms."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from qt_helpers import type_text
from test_ui_forms_support import answer_box, make_ctx, register_ids, show

from ui.forms.feedback_form import FeedbackForm
from ui.forms.meeting_form import MeetingForm


@pytest.fixture
def ctx(services, tmp_path, qapp):
    return make_ctx(services, tmp_path)


@pytest.fixture
def meeting(services):
    return services.meetings.create({"held_at": "2026-11-18 18:00", "kind": "report_meeting",
                                     "place": "Школа № 12, актовый зал", "attendance": 45})


def test_create_meeting(qtbot, ctx, services):
    form = show(qtbot, MeetingForm(ctx))
    assert form.held_at.value() == datetime(2026, 11, 25, 10, 30)
    assert form.place.text() == "Атырау, "
    form.kind_combo.set_value("ksk_meeting")
    type_text(form.place, "КСК «Нурсая», двор")
    type_text(form.attendance, "23")
    type_text(form.questions, "Освещение дворов")
    qtbot.keyClick(form.questions, Qt.Key.Key_Return)  # a new line, not a save
    type_text(form.questions, "Парковка")
    assert services.meetings.count() == 0
    with qtbot.waitSignal(ctx.sig_data_changed):
        meeting_id = form.save()
    stored = services.meetings.get(meeting_id)
    assert (stored.kind, stored.attendance) == ("ksk_meeting", 23)
    assert stored.questions == "Освещение дворов\nПарковка"
    assert register_ids("meetings", code="ksk_meeting") == [meeting_id]


def test_meeting_attendance_must_be_a_number(qtbot, ctx, services):
    form = show(qtbot, MeetingForm(ctx))
    type_text(form.attendance, "сорок")  # no validator: the core explains
    assert form.save() is None
    assert form.field_errors("attendance")
    assert form.attendance.text() == "сорок"
    assert services.meetings.count() == 0


def test_edit_meeting_decisions(qtbot, ctx, services, meeting):
    form = show(qtbot, MeetingForm(ctx, meeting.id))
    assert form.windowTitle() == "Встреча 18.11.2026"
    type_text(form.decisions, "Рейд в пятницу")
    form.save()
    assert services.meetings.get(meeting.id).decisions == "Рейд в пятницу"


def test_feedback_at_a_meeting(qtbot, ctx, services, meeting):
    form = show(qtbot, FeedbackForm(ctx))
    assert form.meeting.findData(meeting.id) > 0
    assert form.rating.value() is None and form.trusts.value() is None
    assert form.save() is None  # rating and trust are required answers
    assert form.field_errors("rating") and form.field_errors("trusts_police")
    assert services.feedback.count() == 0
    form.meeting.set_value(meeting.id)
    form.rating.group.button(3).click()  # "4"
    form.trusts.group.button(1).click()  # "no"
    form.concerns.set_checked("street_lighting")
    form.concerns.set_checked("drugs")
    with qtbot.waitSignal(ctx.sig_data_changed):
        feedback_id = form.save()
    stored = services.feedback.get(feedback_id)
    assert (stored.rating, stored.trusts_police, stored.meeting_id) == (4, False, meeting.id)
    assert set(stored.concerns.split(",")) == {"street_lighting", "drugs"}
    assert register_ids("feedback") == [feedback_id]


def test_edit_feedback_rating(qtbot, ctx, services):
    record = services.feedback.create({"collected_at": "2026-11-18 19:00", "rating": 2,
                                       "trusts_police": True, "concerns": ["theft"]})
    form = show(qtbot, FeedbackForm(ctx, record.id))
    assert form.rating.value() == 2 and form.trusts.value() is True
    assert form.concerns.value() == ["theft"]
    form.rating.group.button(4).click()
    seen = answer_box("Не сохранять")
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # changed: asks, then discards
    assert seen.text and services.feedback.get(record.id).rating == 2
    form = show(qtbot, FeedbackForm(ctx, record.id))
    form.rating.group.button(4).click()
    form.save()
    assert services.feedback.get(record.id).rating == 5
