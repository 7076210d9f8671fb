"""A dead PC: the point comes back from its backup, keeps its identity and resumes where the
district stands (``inspector_app/sync/restored.py``)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from core_factories import visit_data
from sync_fixtures import (
    PASSWORD,
    edit_records,
    fill_point,
    keys_of,
    make_district,
    make_point,
    repack,
    table_rows,
    use,
)

from inspector_app.cli import main
from inspector_app.domain.clock import FixedClock
from inspector_app.protection import backup
from inspector_app.protection.integrity import first_broken_audit_entry
from inspector_app.services.setup import login_services
from inspector_app.sync import state
from inspector_app.sync.errors import SyncError
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.keys import keys_dir

DAY = datetime(2026, 11, 25, 10, 30)
REPO = Path(__file__).resolve().parent.parent


def codes(result) -> list[str]:
    return [n.code for n in result.notices]


def receipts_in(paths) -> list:
    return [p for p in paths if "_receipt_" in p.name]


@pytest.fixture
def field(tmp_path):
    """A district and a point on its first PC; the point exported once, was acknowledged, and
    backed up."""
    (tmp_path / "district").mkdir()
    (tmp_path / "pc1").mkdir()
    district = make_district(tmp_path / "district", FixedClock(DAY))
    point = make_point(tmp_path / "pc1", "ATY-017", FixedClock(DAY), district=district)
    fill_point(point)
    stick = tmp_path / "stick"
    stick.mkdir()
    first = export_package(point, stick).path
    use(district)
    answers = import_files(district, [first], trust_new=True, outbox=tmp_path / "outbox").written
    use(point)
    assert all(r.ok for r in import_files(point, receipts_in(answers)).files)
    taken = backup.create_backup(point.db.database, tmp_path / "backups", clock=FixedClock(DAY))
    yield district, point, taken, tmp_path
    district.db.close()


def test_a_backup_carries_the_sync_keys_as_stored(field):
    _, point, taken, _ = field
    carried = keys_dir(taken.path)
    original = keys_dir(point.db.database)
    assert sorted(p.name for p in carried.iterdir()) == sorted(p.name for p in original.iterdir())
    for path in original.iterdir():
        assert (carried / path.name).read_bytes() == path.read_bytes()
        assert stat.S_IMODE(os.stat(carried / path.name).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(carried).st_mode) == 0o700
    later = backup.create_backup(point.db.database, taken.path.parent,
                                 clock=FixedClock(DAY + timedelta(days=10)), rotate_after=False)
    backup.rotate(taken.path.parent, daily=0, weekly=0, monthly=0)  # the latest day stays
    assert not taken.path.exists() and not carried.exists()
    assert later.path.exists() and keys_dir(later.path).is_dir()


def test_the_point_comes_back_from_an_older_backup_and_nothing_is_lost(field):
    district, point, taken, tmp_path = field
    fingerprint = keys_of(point).public.fingerprint
    # after the backup: more work, export 2 reaches the district, then the PC dies
    point.clock = FixedClock(datetime(2026, 11, 26, 9, 0))
    lost_person = point.persons.create({"surname": "Қасымов", "first_name": "Ерлан"})
    point.visits.create(visit_data(person=lost_person.id))
    second = export_package(point, tmp_path / "stick")
    assert second.export_no == 2
    use(district)
    district.clock = FixedClock(datetime(2026, 11, 26, 17, 0))
    answers = import_files(district, [second.path], outbox=tmp_path / "outbox").written
    receipt2 = receipts_in(answers)[0]
    point.db.close()
    shutil.rmtree(tmp_path / "pc1")  # the PC dies: database, keys, everything

    (tmp_path / "pc2").mkdir()
    new_path = tmp_path / "pc2" / "ATY-017.db"
    assert backup.restore_backup(taken.path, new_path, clock=FixedClock(DAY)) is None
    point = login_services(new_path, "erzhanov", PASSWORD,
                           clock=FixedClock(datetime(2026, 11, 27, 9, 0)))
    use(point)
    assert keys_of(point).public.fingerprint == fingerprint  # the same point
    assert first_broken_audit_entry() is None  # the restore entry's skip is allowed
    with pytest.raises(SyncError) as refused:
        export_package(point, tmp_path / "stick")
    assert refused.value.code == "sync.restored_wait"
    assert "--after-restore" in refused.value.message("ru")
    new_person = point.persons.create({"surname": "Омарова", "first_name": "Дана"})

    learnt = import_files(point, [receipt2]).files[0]
    assert learnt.ok, learnt.error
    assert codes(learnt) == ["sync.receipt_restored"]
    assert (learnt.notices[0].params["own"], learnt.notices[0].params["next"]) == (1, 3)
    use(district)  # the operator re-issues the receipt: importing export 2 again
    reissued = receipts_in(import_files(district, [second.path],
                                        outbox=tmp_path / "outbox2").written)
    use(point)
    assert codes(import_files(point, reissued).files[0]) == ["sync.receipt_restored"]
    third = export_package(point, tmp_path / "stick")
    assert (third.export_no, third.full) == (3, True)

    use(district)
    district.clock = FixedClock(datetime(2026, 11, 27, 17, 0))
    batch = import_files(district, [third.path], outbox=tmp_path / "outbox")
    result = batch.files[0]
    assert result.ok, result.error
    assert not [c for c in codes(result) if c in ("sync.gap", "sync.break", "sync.conflicts")]
    persons = table_rows(district, "person", "ATY-017")
    assert {lost_person.id, new_person.id} <= set(persons)
    assert len(persons) == 4  # two of export 1, the lost PC's one, the new one: no duplicate
    peer = state.peer(district.db, "ATY-017")
    assert (peer.held_export_no, peer.last_export_no, peer.gaps) == (3, 3, [])
    held_entries = district.db.execute_sql(
        'SELECT entry_id, action FROM "point_audit_entry" WHERE point_code = ? ORDER BY entry_id',
        ("ATY-017",)).fetchall()
    ids = [e for e, _ in held_entries]
    assert len(ids) == len(set(ids))
    assert [a for _, a in held_entries].count("restore") == 1

    use(point)
    acknowledged = import_files(point, receipts_in(batch.written)).files[0]
    assert codes(acknowledged) == ["sync.receipt_acknowledged", "sync.receipt_kept_lost"]
    assert acknowledged.notices[1].params["count"] == 2  # the lost PC's person and visit
    point.persons.update(new_person.id, {"phone": "87017654321"})
    fourth = export_package(point, tmp_path / "stick")
    assert (fourth.export_no, fourth.full, fourth.records) == (4, False, 1)
    use(district)
    batch = import_files(district, [fourth.path], outbox=tmp_path / "outbox")
    assert batch.files[0].ok, batch.files[0].error
    use(point)
    again = import_files(point, receipts_in(batch.written)).files[0]
    assert codes(again) == ["sync.receipt_acknowledged"]  # the offset holds: no mismatch
    assert state.get_state(point.db, "next_full") != "1"
    point.db.close()


def test_a_current_backup_exports_on_after_restore(field, capsys):
    district, point, taken, tmp_path = field
    path = point.db.database
    point.db.close()
    shutil.rmtree(tmp_path / "pc1")
    code = main(["--lang", "en", "--db", path, "restore", str(taken.path), "--yes"])
    assert code == 0, capsys.readouterr().err
    code = main(["--lang", "en", "--db", path, "export", "--out", str(tmp_path / "stick")])
    assert code == 1 and "--after-restore" in capsys.readouterr().err
    code = main(["--lang", "en", "--db", path, "export", "--out", str(tmp_path / "stick"),
                 "--after-restore"])
    assert code == 0 and "Export 2 written" in capsys.readouterr().out
    use(district)
    stick = sorted((tmp_path / "stick").glob("*_0002.isync"))
    result = import_files(district, stick, outbox=tmp_path / "outbox").files[0]
    assert result.ok, result.error


def test_a_restore_over_a_database_keeps_its_other_keys_beside_the_kept_copy(field):
    _, point, taken, tmp_path = field
    path = point.db.database
    original = keys_dir(path) / "signing.key"
    before = original.read_bytes()
    point.db.close()
    (keys_dir(path) / "signing.key").write_bytes(b"x" * 32)  # e.g. a fresh install's keys
    kept = backup.restore_backup(taken.path, path, clock=FixedClock(DAY))
    assert (keys_dir(path) / "signing.key").read_bytes() == before
    assert (keys_dir(kept) / "signing.key").read_bytes() == b"x" * 32


def test_an_id_skip_without_a_restore_entry_is_refused(field):
    """Only a ``restore`` entry may skip ids: a point cannot hide entries by renumbering."""
    district, point, _, tmp_path = field
    point.persons.create({"surname": "Ахметов", "first_name": "Бек"})
    source = export_package(point, tmp_path / "stick").path
    last = point.db.execute_sql('SELECT MAX(id) FROM "audit_entry"').fetchone()[0]

    def skip(entry: dict) -> dict:
        return dict(entry, id=entry["id"] + 10) if entry["id"] == last else entry

    hostile = repack(source, tmp_path / "skip.isync", keys_of(district), keys_of(point),
                     edit=edit_records("audit", skip),
                     edit_body=lambda body: dict(body, audit_to=body["audit_to"] + 10))
    use(district)
    error = import_files(district, [hostile]).files[0].error
    assert error.code == "sync.bad_trail"


def encrypted_point(folder):
    """An encrypted point ATY-017 in a new ``folder`` (the PC that will die)."""
    from inspector_app.services.setup import FirstAccount, PointProfile, create_database

    folder.mkdir()
    return create_database(
        folder / "ATY-017.db", PointProfile(code="ATY-017", name="УПП", district="Атырау"),
        FirstAccount(login="erzhanov", full_name="Ержанов Асхат", password=PASSWORD),
        clock=FixedClock(DAY), encrypt=True)


def test_an_encrypted_point_is_restored_with_its_keys_and_marked(tmp_path):
    from inspector_app.services.setup import DISTRICT, FirstAccount, PointProfile, create_database
    from inspector_app.sync.trust import export_public_key, trust_key_file

    district = create_database(
        tmp_path / "ATY-ROP.db", PointProfile(code="ATY-ROP", name="ОП", district="Атырау"),
        FirstAccount(login="operator", full_name="Оператор", password=PASSWORD),
        kind=DISTRICT, clock=FixedClock(DAY))
    export_public_key(district, tmp_path / "ATY-ROP.pub")
    district.db.close()
    point = encrypted_point(tmp_path / "pc1")
    use(point)
    trust_key_file(point, tmp_path / "ATY-ROP.pub")
    key, fingerprint = point.keyring.key, keys_of(point).public.fingerprint
    taken = backup.create_backup(point.db.database, tmp_path / "backups", clock=FixedClock(DAY),
                                 key=key)
    point.db.close()
    shutil.rmtree(tmp_path / "pc1")
    (tmp_path / "pc2").mkdir()
    target = tmp_path / "pc2" / "ATY-017.db"
    backup.restore_backup(taken.path, target, clock=FixedClock(DAY), key=key)
    assert backup.key_file_path(target).read_bytes() == backup.key_file_path(
        taken.path).read_bytes()  # the accounts of the backup unlock the new PC's file
    restored = login_services(target, "erzhanov", PASSWORD, clock=FixedClock(DAY))
    use(restored)
    assert keys_of(restored).public.fingerprint == fingerprint
    assert first_broken_audit_entry() is None
    assert restored.db.execute_sql(
        """SELECT COUNT(*) FROM "audit_entry" WHERE action = 'restore'""").fetchone()[0] == 1
    with pytest.raises(SyncError) as refused:
        export_package(restored, tmp_path)
    assert refused.value.code == "sync.restored_wait"
    restored.db.close()


def test_an_encrypted_backup_comes_back_on_a_new_pc_with_an_account_it_holds(tmp_path):
    """The new PC has no database and no key: ``restore`` unlocks the backup with one of its
    own accounts (or the recovery key), and that password then opens the restored file."""
    point = encrypted_point(tmp_path / "pc1")
    point.persons.create({"surname": "Сейтқалиева", "first_name": "Әйгерім",
                          "address": "г. Атырау, ул. Абая, 12"})
    taken = backup.create_backup(point.db.database, tmp_path / "backups", clock=FixedClock(DAY),
                                 key=point.keyring.key)
    point.db.close()
    shutil.rmtree(tmp_path / "pc1")
    (tmp_path / "pc2").mkdir()
    target = tmp_path / "pc2" / "ATY-017.db"

    def cli(*argv: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "inspector_app", "--db", str(target), *argv],
                              input=stdin, capture_output=True, text=True, cwd=str(REPO),
                              timeout=120)

    refused = cli("restore", str(taken.path), "--yes")
    assert refused.returncode == 1 and "--user" in refused.stderr, refused.stderr
    assert not target.exists()
    done = cli("--user", "erzhanov", "--user-password-stdin", "restore", str(taken.path), "--yes",
               stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    found = cli("--user", "erzhanov", "--user-password-stdin", "search", "сейткалиева",
                stdin=PASSWORD + "\n")
    assert found.returncode == 0 and "Сейтқалиева" in found.stdout, found.stderr
