"""Property: whatever the order, repeats and lost receipts, the district ends with each point's
latest state, tombstones included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from core_factories import appeal_data, feedback_data, meeting_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_fixtures import NOW, make_district, make_point, table_rows, use

from inspector_app.domain.clock import FixedClock
from inspector_app.errors import ValidationError
from inspector_app.services.setup import open_services
from inspector_app.sync import district_import
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files

POINTS = ("ATY-001", "ATY-002", "ATY-003")
TABLES = ("point", "staff", "person", "meeting", "appeal", "feedback")
ACTIONS = ("new_person", "edit_person", "delete_person", "new_appeal", "edit_appeal",
           "delete_appeal", "new_meeting", "delete_meeting", "new_feedback")
NAMES = ("Иванов", "Сейтқалиева", "Ёлкин", "Әлиев", "Ким")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A district and three points trusting it, made once and copied for every example."""
    folder = tmp_path_factory.mktemp("template")
    district = make_district(folder)
    points = [make_point(folder, code, district=district) for code in POINTS]
    for services in (district, *points):
        services.db.close()
    return folder


def _open(folder: Path, code: str):
    return use(open_services(folder / f"{code}.db", clock=FixedClock(NOW)))


def _live(service):
    return list(service.live().order_by(service.model.created_at, service.model.id))


def _apply(point, action: str, pick: int) -> None:
    """One random change at a point; changes the rules refuse are simply skipped."""
    services = {"person": point.persons, "appeal": point.appeals, "meeting": point.meetings}
    kind = action.split("_", 1)[1]
    if action == "new_person":
        point.persons.create({"surname": NAMES[pick % len(NAMES)], "first_name": f"Имя{pick}"})
        return
    if action == "new_meeting":
        point.meetings.create(meeting_data(attendance=pick % 300))
        return
    if action in ("new_appeal", "new_feedback"):
        source = _live(point.persons if action == "new_appeal" else point.meetings)
        if action == "new_appeal" and source:
            point.appeals.create(appeal_data(source[pick % len(source)],
                                             substance=f"Обращение {pick}"))
        elif action == "new_feedback":
            meeting = source[pick % len(source)].id if source else None
            point.feedback.create(feedback_data(meeting=meeting, rating=1 + pick % 5))
        return
    records = _live(services[kind])
    if not records:
        return
    record = records[pick % len(records)]
    try:
        if action.startswith("edit"):
            field = "notes" if kind == "person" else "substance"
            services[kind].update(record.id, {field: f"правка {pick}"})
        else:
            services[kind].delete(record.id)
    except ValidationError:
        pass  # e.g. a person still named by an appeal cannot be deleted


changes = st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 999)), max_size=6)


@pytest.mark.slow
@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_district_ends_with_each_points_latest_state(template, tmp_path_factory, data):
    exchange_rounds(template, tmp_path_factory, data)


@pytest.mark.slow
@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_the_same_when_the_worker_prepares_every_package_and_the_next_one_ahead(
        template, tmp_path_factory, data, monkeypatch):
    """Every package in the worker process, each next one of another point prepared while
    the current one is finished: the end state and the receipts are the same."""
    monkeypatch.setattr(district_import, "WORKER_RECORDS", 0)
    exchange_rounds(template, tmp_path_factory, data)


def exchange_rounds(template, tmp_path_factory, data) -> None:
    """Rounds of random changes, exports, partial deliveries and receipts, then everything
    in a random order with repeats: the district must hold each point's latest state."""
    count = data.draw(st.integers(2, 3), label="points")
    folder = tmp_path_factory.mktemp("example")
    shutil.copytree(template, folder, dirs_exist_ok=True)
    out = folder / "out"
    out.mkdir()
    district = _open(folder, "ATY-ROP")
    points = [_open(folder, code) for code in POINTS[:count]]
    written: list[Path] = []
    waiting: list[Path] = []
    receipts: dict[str, list[Path]] = {p.point_code: [] for p in points}
    try:
        for number in range(data.draw(st.integers(2, 4), label="rounds")):
            for point in points:
                use(point)
                for action, pick in data.draw(changes, label="changes"):
                    _apply(point, action, pick)
                mine = receipts[point.point_code]
                arrived = data.draw(st.lists(st.sampled_from(mine), max_size=3), label="receipts") \
                    if mine else []
                for result in import_files(point, arrived).files:
                    assert result.ok and all("mismatch" not in n.code for n in result.notices)
                written.append(export_package(point, out).path)
                waiting.append(written[-1])
            chosen = data.draw(st.lists(st.sampled_from(written), max_size=6), label="delivered")
            use(district)
            batch = import_files(district, chosen, trust_new=True, outbox=folder / f"back{number}")
            assert not batch.refused, [f.summary("en") for f in batch.refused]
            assert all(f.totals()["conflicts"] == 0 for f in batch.files)
            for path in batch.written:
                receipts[path.name.split("_", 1)[0]].append(path)
        everything = data.draw(st.permutations(written), label="order")
        repeats = data.draw(st.lists(st.sampled_from(written), max_size=3), label="repeats")
        use(district)
        batch = import_files(district, [*everything, *repeats], trust_new=True,
                             outbox=folder / "back-final")
        assert not batch.refused and all(f.totals()["conflicts"] == 0 for f in batch.files)
        for point in points:
            for table in TABLES:
                expected = table_rows(point, table, point.point_code)
                held = table_rows(district, table, point.point_code)
                if table == "staff":
                    for rows in (expected, held):
                        for row in rows.values():
                            row.pop("password_hash")
                assert held == expected, (point.point_code, table)
    finally:
        for services in (district, *points):
            services.db.close()
