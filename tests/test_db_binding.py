"""The database a service uses is the one it was given: two ``Services`` on two files in one
process each write and read their own file, and one whose database is no longer bound refuses
at once, naming both files, instead of querying the other file or waiting 10 s for a lock its
own process holds."""

from __future__ import annotations

import sqlite3
import time

import pytest
from conftest import NOW, PASSWORD
from core_factories import appeal_data, make_person
from writers import finish_writer, persons_written, start_writer, wait_ready

from inspector_app.domain.clock import FixedClock
from inspector_app.errors import DatabaseNotBound
from inspector_app.services.setup import FirstAccount, PointProfile, create_database, open_services
from inspector_app.storage.database import bind_models


def new_point(path, code: str):
    return create_database(
        path, PointProfile(code=code, name=f"УПП {code}", district="Атырау"),
        FirstAccount(login="erzhanov", full_name="Ержанов Асхат", password=PASSWORD),
        clock=FixedClock(NOW))


def appeals_in(path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT substance FROM appeal")]


@pytest.fixture
def two_points(tmp_path):
    first = new_point(tmp_path / "first.db", "ATY-001")
    second = new_point(tmp_path / "second.db", "ATY-002")  # bound now
    yield first, second
    first.db.close()
    second.db.close()


def test_a_service_whose_database_is_not_bound_refuses_at_once(two_points):
    first, second = two_points
    started = time.monotonic()
    with pytest.raises(DatabaseNotBound) as refused:
        make_person(first)
    with pytest.raises(DatabaseNotBound):
        first.appeals.count()
    with pytest.raises(DatabaseNotBound):
        with first.db.atomic():
            pass
    assert time.monotonic() - started < 1  # not the busy timeout (10 s)
    message = refused.value.message("ru")
    assert str(second.db.database) in message and str(first.db.database) in message
    assert refused.value.message("en").startswith("Internal error: the program's records "
                                                  "are bound to database ")
    assert refused.value.message("kk").startswith("Ішкі қате")
    assert appeals_in(first.db.database) == [] and appeals_in(second.db.database) == []


def test_two_services_each_write_and_read_their_own_file(two_points):
    first, second = two_points
    second.appeals.create(appeal_data(make_person(second), substance="Второй участок"))
    assert [a.substance for a in second.appeals.live()] == ["Второй участок"]

    bind_models(first.db)
    first.appeals.create(appeal_data(make_person(first), substance="Первый участок"))
    assert [a.substance for a in first.appeals.live()] == ["Первый участок"]
    with pytest.raises(DatabaseNotBound):
        second.appeals.count()

    assert appeals_in(first.db.database) == ["Первый участок"]
    assert appeals_in(second.db.database) == ["Второй участок"]


def test_the_bound_service_writes_beside_another_process(two_points, tmp_path):
    """The binding check costs nothing in a real two-process write: both finish every write."""
    first, second = two_points
    writer = start_writer(second.db.database, "B", seconds=3)
    wait_ready(writer)
    for number in range(40):
        second.appeals.create(appeal_data(make_person(second, surname=f"Здешний{number}")))
    result = finish_writer(writer)
    assert persons_written(second.db.database, "B") == result.ok
    assert len(appeals_in(second.db.database)) == 40 + result.ok
    assert appeals_in(first.db.database) == []


def test_reopening_the_same_file_binds_the_new_connection(tmp_path):
    point = new_point(tmp_path / "point.db", "ATY-001")
    point.db.close()
    again = open_services(tmp_path / "point.db", clock=FixedClock(NOW))
    try:
        again.appeals.create(appeal_data(make_person(again)))
        assert again.appeals.count() == 1
        with pytest.raises(DatabaseNotBound):
            point.appeals.count()
    finally:
        again.db.close()
