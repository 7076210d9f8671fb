"""The import's worker prepares the next package ahead, only when that is safe."""

from __future__ import annotations

import json
import uuid

import pytest
from sync_fixtures import db_file_bytes, export_each, keys_of, region, repack, table_rows, use

from inspector_app.sync import district_import
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.package import PackageReader
from inspector_app.sync.pipeline import Worker
from inspector_app.sync.results import DUPLICATE, IMPORTED


@pytest.fixture
def world(tmp_path, monkeypatch):
    """A district, three points with a few persons each, every package for the worker."""
    monkeypatch.setattr(district_import, "WORKER_RECORDS", 0)
    with region(tmp_path, ("ATY-001", "ATY-002", "ATY-003")) as (district, points, out):
        for number, point in enumerate(points):
            use(point)
            for index in range(3):
                point.persons.create({"surname": f"Жанов{number}{index}", "first_name": "Ерлан"})
        yield district, points, out


@pytest.fixture
def ahead(monkeypatch):
    """For each job the worker runs: whether it had been sent ahead."""
    seen: list[tuple[str, bool]] = []
    run = Worker.run

    def recording(self, job, writer, progress=None):
        seen.append((job.sender, self._ahead == job))
        return run(self, job, writer, progress)

    monkeypatch.setattr(Worker, "run", recording)
    return seen


def test_packages_of_other_points_are_prepared_ahead(world, ahead):
    district, points, out = world
    files = export_each(points, out)
    use(district)
    batch = import_files(district, files, trust_new=True)
    assert [f.ok for f in batch.files] == [True, True, True]
    assert ahead == [("ATY-001", False), ("ATY-002", True), ("ATY-003", True)]
    for point in points:
        assert table_rows(district, "person", point.point_code) == \
            table_rows(point, "person", point.point_code)


def test_a_second_package_of_the_same_point_waits_for_the_first(world, ahead):
    district, points, out = world
    first, second = points[0], points[1]
    use(first)
    one = export_package(first, out).path
    first.persons.create({"surname": "Новиков", "first_name": "Олжас"})
    two = export_package(first, out).path
    use(second)
    other = export_package(second, out).path
    use(district)
    batch = import_files(district, [one, two, other], trust_new=True)
    assert [f.ok for f in batch.files] == [True, True, True]
    assert ahead == [("ATY-001", False), ("ATY-001", False), ("ATY-002", True)]
    assert table_rows(district, "person", "ATY-001") == table_rows(first, "person", "ATY-001")


def test_each_file_is_decrypted_and_verified_once(world, monkeypatch):
    district, points, out = world
    files = export_each(points, out)
    verified = []
    verify = PackageReader.verify

    def counting(self):
        verified.append(self.path.name)
        return verify(self)

    monkeypatch.setattr(PackageReader, "verify", counting)
    use(district)
    batch = import_files(district, [files[0], files[1], files[1], files[2]], trust_new=True)
    assert [f.status for f in batch.files] == [IMPORTED, IMPORTED, DUPLICATE, IMPORTED]
    assert sorted(verified) == sorted(p.name for p in [files[0], files[1], files[1], files[2]])


def _spoil_a_birth_date(name: str, lines: list[bytes]) -> list[bytes]:
    if name != "person.jsonl.gz":
        return lines
    last = json.loads(lines[-1])
    return [*lines[:-1], json.dumps(dict(last, birth_date="2999-01-01")).encode()]


def test_a_package_prepared_ahead_of_a_refused_one_is_prepared_again(world, ahead, tmp_path):
    district, points, out = world
    use(points[0])
    good = export_package(points[0], out).path
    bad = repack(good, tmp_path / "ATY-001_bad.isync", keys_of(district), keys_of(points[0]),
                 edit=_spoil_a_birth_date,
                 edit_body=lambda body: dict(body, package_id=uuid.uuid4().hex))
    use(points[1])
    after = export_package(points[1], out).path
    use(district)
    batch = import_files(district, [bad, after], trust_new=True)
    assert batch.files[0].error.code == "sync.invalid_record"
    assert batch.files[1].ok
    # the worker was killed with the refused package; the next one was sent again
    assert ahead == [("ATY-001", False), ("ATY-002", False)]
    assert table_rows(district, "person", "ATY-002") == table_rows(points[1], "person",
                                                                   "ATY-002")
    assert table_rows(district, "person", "ATY-001") == {}


def test_a_file_replaced_after_its_verification_is_refused_by_the_worker(world, monkeypatch):
    """The worker reads each file once, trusting the importer's verification only for the
    bytes it verified: another package of the same point put in its place is refused."""
    district, points, out = world
    use(points[0])
    verified = export_package(points[0], out).path
    points[0].persons.create({"surname": "Подменова", "first_name": "Анна"})
    other = export_package(points[0], out).path  # also a valid package, with one more person
    use(district)
    before = db_file_bytes(district)
    run = Worker.run

    def swapped(self, job, writer, progress=None):
        verified.write_bytes(other.read_bytes())
        return run(self, job, writer, progress)

    monkeypatch.setattr(Worker, "run", swapped)
    batch = import_files(district, [verified], trust_new=True, keep_refused=False)
    assert batch.files[0].error.code == "sync.changed_while_reading"
    assert db_file_bytes(district) == before


def test_a_worker_that_cannot_start_fails_the_batch_cleanly(world, monkeypatch):
    district, points, out = world
    use(points[0])
    package = export_package(points[0], out).path
    use(district)
    before = table_rows(district, "person")

    def refuse(process):
        raise OSError("no more processes")

    monkeypatch.setattr("multiprocessing.process.BaseProcess.start", refuse)
    with pytest.raises(OSError, match="no more processes"):
        import_files(district, [package], trust_new=True)
    assert table_rows(district, "person") == before


def test_a_worker_dying_in_the_middle_of_a_message_fails_the_batch_cleanly(world, monkeypatch):
    from multiprocessing.connection import Connection

    district, points, out = world
    use(points[0])
    package = export_package(points[0], out).path
    use(district)
    before = db_file_bytes(district)
    calls = []
    recv = Connection.recv

    def cut_short(self):
        calls.append(1)
        if len(calls) == 3:  # as when the worker is killed while it writes a message
            raise OSError("got end of file during message")
        return recv(self)

    monkeypatch.setattr(Connection, "recv", cut_short)
    with pytest.raises(RuntimeError, match="sync worker ended unexpectedly"):
        import_files(district, [package], trust_new=True)
    assert db_file_bytes(district) == before
