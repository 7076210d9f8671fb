"""copy_new_database: a copy of a fresh database is a database of its own (the tests' templates)."""

from __future__ import annotations

import signal
import time

import pytest
from conftest import PASSWORD
from sync_fixtures import export_each, keys_of, make_district, make_point, table_rows, use
from test_crash import committed_ids, drain, start_writer, wait_ready

from inspector_app.errors import DatabaseError
from inspector_app.protection.integrity import check_database
from inspector_app.services.setup import copy_new_database, create_database
from inspector_app.storage.models import Person
from inspector_app.sync.importer import import_files
from inspector_app.sync.results import IMPORTED, REFUSED


@pytest.fixture
def template(services, db_path):
    """The conftest point, closed: a template."""
    services.db.close()
    return db_path


def test_a_copy_has_the_rows_and_an_identity_of_its_own(template, tmp_path, clock):
    original = copy_new_database(template, tmp_path / "a.db", clock=clock)
    rows = {table: table_rows(original, table) for table in ("point", "staff", "catalogue_item")}
    original_meta, original_keys = dict(original.meta), keys_of(original).public
    original.db.close()
    copy = copy_new_database(template, tmp_path / "b.db", clock=clock)
    for table, expected in rows.items():
        assert table_rows(copy, table) == expected, table
    assert {k: v for k, v in copy.meta.items() if k != "database_id"} == \
        {k: v for k, v in original_meta.items() if k != "database_id"}
    assert copy.meta["database_id"] != original_meta["database_id"]
    assert len(copy.meta["database_id"]) == 32
    assert keys_of(copy).public.fingerprint != original_keys.fingerprint
    assert copy.login("erzhanov", PASSWORD).login == "erzhanov"
    assert check_database(copy.db) == []
    copy.db.close()


def test_points_copied_from_templates_sync_like_created_ones(tmp_path, clock):
    district = make_district(tmp_path)
    points = [make_point(tmp_path / code, code, district=district)
              for code in ("ATY-001", "ATY-002")]
    for point in points:
        use(point)
        point.persons.create({"surname": f"Житель{point.point_code}", "first_name": "Ерлан"})
    out = tmp_path / "out"
    out.mkdir()
    packages = export_each(points, out)
    use(district)
    files = import_files(district, packages, trust_new=True).files
    assert [result.status for result in files] == [IMPORTED, IMPORTED]
    assert {p.surname for p in Person.select()} == {"ЖительATY-001", "ЖительATY-002"}
    for services in (district, *points):
        services.db.close()


def test_a_copy_of_a_point_re_made_with_the_same_code_is_told_apart(tmp_path, clock):
    """The district trusts the first point; a re-made point (same code, same template) has
    other keys and another database_id, so the district refuses its packages."""
    district = make_district(tmp_path)
    first = make_point(tmp_path / "one", "ATY-017", district=district)
    again = make_point(tmp_path / "two", "ATY-017", district=district)
    assert first.meta["database_id"] != again.meta["database_id"]
    packages = []
    for number, point in enumerate((first, again)):
        out = tmp_path / f"out{number}"
        out.mkdir()
        packages += export_each([point], out)
    use(district)
    files = import_files(district, packages, trust_new=True).files
    assert files[0].status == IMPORTED
    assert files[1].status == REFUSED and files[1].error.code == "sync.key_mismatch"
    for services in (district, first, again):
        services.db.close()


def test_refuses_an_existing_file_an_encrypted_template_and_an_empty_one(template, tmp_path,
                                                                          clock):
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"")
    with pytest.raises(DatabaseError) as caught:
        copy_new_database(template, taken, clock=clock)
    assert caught.value.code == "error.db_already_initialised"
    from inspector_app.services.setup import FirstAccount, PointProfile

    secret = create_database(tmp_path / "secret.db",
                             PointProfile(code="ATY-017", name="УПП", district="Атырау"),
                             FirstAccount(login="erzhanov", full_name="Ержанов Асхат",
                                          password=PASSWORD), clock=clock, encrypt=True)
    secret.db.close()
    with pytest.raises(DatabaseError) as caught:
        copy_new_database(tmp_path / "secret.db", tmp_path / "copy.db", clock=clock)
    assert caught.value.code == "error.db_encrypted"
    assert not (tmp_path / "copy.db").exists()
    from inspector_app.storage.database import open_database

    open_database(tmp_path / "empty.db", create=True).close()
    with pytest.raises(DatabaseError) as caught:
        copy_new_database(tmp_path / "empty.db", tmp_path / "copy.db", clock=clock)
    assert caught.value.code == "error.db_not_initialised"
    assert not (tmp_path / "copy.db").exists()


@pytest.mark.slow
def test_copies_made_while_another_process_writes_are_whole(template, tmp_path, clock):
    writer = start_writer(template, "w")
    wait_ready(writer)
    lines = drain(writer)
    copies = []
    try:
        for number in range(4):
            time.sleep(0.3)
            copy = copy_new_database(template, tmp_path / f"copy{number}.db", clock=clock)
            copies.append((Person.select().count(), check_database(copy.db)))
            copy.db.close()
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    time.sleep(0.05)
    assert all(problems == [] for _, problems in copies)
    assert len(committed_ids("".join(lines))) > 0  # the writer really wrote meanwhile
    assert not writer.stderr.read()


def test_a_copy_that_fails_midway_takes_back_what_it_made(template, tmp_path, clock,
                                                          monkeypatch):
    import errno

    from inspector_app.services import setup
    from inspector_app.sync.keys import keys_dir

    def disk_full(path):
        keys_dir(path).mkdir()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(setup, "create_keys", disk_full)
    target = tmp_path / "new" / "folder" / "copy.db"
    with pytest.raises(OSError):
        copy_new_database(template, target, clock=clock)
    assert not (tmp_path / "new").exists()
    monkeypatch.undo()
    copy = copy_new_database(template, target, clock=clock)  # and the next attempt works
    assert copy.point_code == "ATY-017"
    copy.db.close()
