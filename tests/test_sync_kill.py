"""An import killed half-way (SIGKILL) leaves the district database exactly as it was."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sync_fixtures import (
    db_file_bytes,
    gzip_lines,
    keys_of,
    make_district,
    make_point,
    read_members,
    repack,
    use,
    write_raw_package,
)

from inspector_app.domain.clock import FixedClock
from inspector_app.services.setup import open_services
from inspector_app.sync import bulk_indexes
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.pipeline import RECORD_TABLES, Worker

ROOT = Path(__file__).resolve().parents[1]
PERSONS = 30_000


def big_package(point, district, out: Path) -> Path:
    """A genuine package of the point with many persons (copies of one, with new ids)."""
    use(point)
    point.persons.create({"surname": "Образцова", "first_name": "Мария", "notes": "x" * 200})
    exported = export_package(point, out)
    body, members = read_members(exported.path, keys_of(district))
    parts = []
    for name, lines in members:
        if name == "person.jsonl.gz":
            model = json.loads(lines[0])
            lines = [json.dumps(dict(model, id=uuid.uuid4().hex, surname=f"Образцова{i}"),
                                ensure_ascii=False).encode() for i in range(PERSONS)]
            body["counts"]["person"]["records"] = PERSONS
        parts.append((name, *gzip_lines(lines)))
    body = {k: v for k, v in body.items() if k != "members"}
    body["package_id"] = uuid.uuid4().hex
    return write_raw_package(out / "ATY-017_2026-11-25_0009.isync", keys_of(district).public,
                             keys_of(point), body, parts)


@pytest.mark.slow
def test_killed_import_leaves_the_database_as_it_was(tmp_path):
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district)
    out = tmp_path / "out"
    out.mkdir()
    use(point)
    first = export_package(point, out)
    use(district)
    assert import_files(district, [first.path], trust_new=True).files[0].ok
    package = big_package(point, district, out)
    point.db.close()
    use(district)
    held = bulk_indexes.rows_held(district.db, RECORD_TABLES)
    assert bulk_indexes.worth_setting_aside(PERSONS, held)  # killed with indexes dropped
    before = db_file_bytes(district)
    db_path = district.db.database
    district.db.close()

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-m", "inspector_app", "--lang", "en", "--db", db_path, "import",
         str(package), "--verbose"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True)
    applied = 0
    for line in child.stderr:
        if "person" in line:
            applied = int(line.rsplit(" ", 1)[1].replace("\xa0", ""))  # "5 000"
            if applied >= 5_000:
                child.send_signal(signal.SIGKILL)
                break
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL and applied >= 5_000

    reopened = open_services(db_path, clock=FixedClock(district.clock.now_local()))
    try:
        assert db_file_bytes(reopened) == before
        assert reopened.persons.live().count() == 0
        result = import_files(reopened, [package]).files[0]
        assert result.ok and result.counts["person"]["new"] == PERSONS
    finally:
        reopened.db.close()


@pytest.mark.slow
def test_large_package_is_checked_in_the_worker_process_too(tmp_path):
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district)
    out = tmp_path / "out"
    out.mkdir()
    good = big_package(point, district, out)
    bad = repack(good, tmp_path / "ATY-017_bad.isync", keys_of(district), keys_of(point),
                 edit=_spoil_last_person, edit_body=lambda b: dict(b, package_id=uuid.uuid4().hex))
    use(district)
    before = db_file_bytes(district)
    refused = import_files(district, [bad], trust_new=True).files[0]
    assert refused.error.code == "sync.invalid_record" and "2999" in refused.summary("en")
    assert db_file_bytes(district) == before
    imported = import_files(district, [good], trust_new=True).files[0]
    assert imported.ok and imported.counts["person"]["new"] == PERSONS
    assert district.search.persons("образцова29999")[0].surname == "Образцова29999"
    point.db.close()
    district.db.close()


def _spoil_last_person(name: str, lines: list[bytes]) -> list[bytes]:
    if name != "person.jsonl.gz":
        return lines
    last = json.loads(lines[-1])
    return [*lines[:-1], json.dumps(dict(last, birth_date="2999-01-01")).encode()]


@pytest.mark.slow
def test_frozen_program_without_freeze_support_imports_in_process(tmp_path, monkeypatch):
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district)
    out = tmp_path / "out"
    out.mkdir()
    package = big_package(point, district, out)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    started = []
    monkeypatch.setattr(Worker, "_start", lambda self: started.append(self))
    use(district)
    result = import_files(district, [package], trust_new=True).files[0]
    assert result.ok and result.counts["person"]["new"] == PERSONS and started == []
    point.db.close()
    district.db.close()
