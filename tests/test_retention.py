"""Retention periods per register (reference data) and the administrator's list of records
kept past them. The clock stands at 25.11.2026."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import PASSWORD
from core_factories import appeal_data, feedback_data

from inspector_app.errors import PermissionDenied
from inspector_app.kinds import registered
from inspector_app.services.retention import past_retention, records_past


def test_every_register_with_dated_records_has_a_period_with_its_source(services):
    items = {item.code: item for item in services.catalogues.items("retention_periods")}
    dated = {k.slug for k in registered() if k.date_field}
    assert set(items) == dated
    for item in items.values():
        assert item.extra["years"] > 0
        assert item.extra["counted_from"] in services.service(item.code).model._meta.fields
        assert item.extra["source"]["status"] == "unverified"  # the point's decision
        assert item.extra["source"]["basis"] == "point's decision"


def test_records_past_their_period_are_listed_oldest_first(services, person):
    # survey answers are kept one year: one of 2025 is past it, one of this month is not
    old = services.feedback.create(feedback_data(collected_at="2025-11-20 19:00"))
    older = services.feedback.create(feedback_data(collected_at="2025-10-01 19:00"))
    services.feedback.create(feedback_data(collected_at="2026-11-20 19:00"))
    services.appeals.create(appeal_data(person, received_at="2026-11-20 09:00"))
    assert [r.id for r in records_past(services, "feedback")] == [older.id, old.id]
    listed = {p.kind: p for p in past_retention(services)}
    assert (listed["feedback"].count, listed["feedback"].oldest) == (2, date(2025, 10, 1))
    assert listed["feedback"].cutoff == date(2025, 11, 25)
    assert listed["appeal"].count == 0


def test_only_the_administrator_or_the_head_lists_them(services):
    services.login("erzhanov", PASSWORD)  # an inspector
    with pytest.raises(PermissionDenied):
        past_retention(services)


def test_the_cli_prints_the_list(services, db_path, monkeypatch, capsys):
    import io
    import sys

    from inspector_app.cli import main

    services.feedback.create(feedback_data(collected_at="2025-10-01 19:00"))
    services.db.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.delenv("INSPECTOR_LANG", raising=False)
    assert main(["--db", str(db_path), "retention"]) == 0
    out = capsys.readouterr().out
    assert "1 зап. старше 1 лет" in out and "01.10.2025" in out
    assert "решение пункта" in out
