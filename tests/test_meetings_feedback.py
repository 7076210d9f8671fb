"""Meetings with the population and residents' feedback."""

from __future__ import annotations

import pytest
from core_factories import errors_of, feedback_data, meeting_data, snapshot

from inspector_app.errors import ValidationError


def refused(service, data, record_id=None) -> set[tuple[str, str]]:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        if record_id:
            service.update(record_id, data)
        else:
            service.create(data)
    assert snapshot() == before
    return errors_of(caught.value)


def test_a_meeting_is_recorded(services):
    meeting = services.meetings.create(meeting_data())
    assert meeting.attendance == 45
    assert meeting.inspector_id == services.staff.by_login("erzhanov").id


def test_meeting_required_fields(services):
    assert refused(services.meetings, {"held_at": "", "kind": "", "place": "",
                                       "attendance": ""}) == {
        ("held_at", "v.required"), ("kind", "v.required"), ("place", "v.required"),
        ("attendance", "v.required")}


def test_meeting_values(services):
    assert refused(services.meetings, meeting_data(kind="picnic", attendance=-1,
                                                   held_at="2026-12-01 18:00",
                                                   questions="в" * 4001)) == {
        ("kind", "v.unknown_code"), ("attendance", "v.out_of_range"),
        ("held_at", "v.future_date"), ("questions", "v.too_long")}
    assert refused(services.meetings, meeting_data(attendance="много")) == {
        ("attendance", "v.not_integer")}
    assert services.meetings.create(meeting_data(attendance="0")).attendance == 0


def test_feedback_is_recorded_with_its_concerns(services):
    meeting = services.meetings.create(meeting_data())
    answer = services.feedback.create(feedback_data(meeting=meeting.id))
    assert answer.concerns == "theft,street_lighting"
    assert answer.trusts_police is True
    assert answer.meeting_id == meeting.id


def test_feedback_rules(services):
    assert refused(services.feedback, {"collected_at": "", "rating": None}) == {
        ("collected_at", "v.required"), ("rating", "v.required"),
        ("trusts_police", "v.required")}
    for rating in (0, 6):
        assert refused(services.feedback, feedback_data(rating=rating)) == {
            ("rating", "v.out_of_range")}
    assert refused(services.feedback, feedback_data(concerns="theft,zombies",
                                                    channel="pigeon", meeting="f" * 32)) == {
        ("concerns", "v.unknown_code"), ("channel", "v.unknown_code"),
        ("meeting", "v.not_found")}


def test_a_no_to_trust_is_an_answer(services):
    answer = services.feedback.create(feedback_data(trusts_police=False, rating=1))
    assert answer.trusts_police is False


def test_deleting_a_meeting_keeps_its_feedback(services):
    meeting = services.meetings.create(meeting_data())
    answer = services.feedback.create(feedback_data(meeting=meeting.id))
    services.meetings.delete(meeting.id)
    assert services.feedback.get(answer.id).rating == 4
    assert services.meetings.count() == 0
