"""A point's destruction of records past their retention period travels to the district in
its audit trail, and the district destroys its copy too; a package signed with a point's real
key cannot destroy another point's record, nor one the district's catalogue still keeps."""

from __future__ import annotations

import json

import pytest
from core_factories import appeal_data
from sync_fixtures import (
    NOW,
    db_file_bytes,
    file_holds,
    keys_of,
    region,
    repack,
    table_rows,
    use,
)

from inspector_app.protection.integrity import check_database
from inspector_app.services.audit_erasure import ERASED
from inspector_app.services.destruction import destroy_records
from inspector_app.services.records import next_change_seq, write_audit
from inspector_app.sync import district_import, state
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files

SURNAME = "Қуанышбекова"


def _import(district, paths, out):
    use(district)
    return import_files(district, paths, trust_new=True, outbox=out / "back").files


def _receipt_agrees(point, out) -> bool:
    """The point reads the district's last receipt: whether what the district holds of it
    matched what it sent (else its next package must be full)."""
    receipt = max((out / "back").glob("*_receipt_*"), key=lambda p: p.stat().st_mtime_ns)
    use(point)
    applied = import_files(point, [receipt]).files[0]
    return applied.ok and state.get_state(point.db, "next_full") != "1"


def _trail_values(district, record_id):
    return district.db.execute_sql(
        'SELECT action, old_values, new_values FROM "point_audit_entry" WHERE record_id = ? '
        'ORDER BY entry_id', (record_id,)).fetchall()


@pytest.fixture
def world(tmp_path):
    """A district holding point ATY-017's old appeal (2020, past its 5 years), a recent one,
    and point ATY-018's old appeal."""
    with region(tmp_path, ("ATY-017", "ATY-018")) as (district, (point, other), out):
        made = {}
        for services, code in ((point, "ATY-017"), (other, "ATY-018")):
            use(services)
            person = services.persons.create({"surname": "Иванова", "first_name": "Мария"})
            old = services.appeals.create(appeal_data(
                person, received_at="2020-03-02 10:00", substance=f"Жалоба на {SURNAME} {code}"))
            services.appeals.update(old.id, {"decision": "satisfied"})
            recent = services.appeals.create(appeal_data(person))
            made[code] = {"old": old.id, "recent": recent.id,
                          "first": export_package(services, out).path}
        files = _import(district, [made["ATY-017"]["first"], made["ATY-018"]["first"]], out)
        assert all(f.ok for f in files), [f.summary("en") for f in files]
        yield {"district": district, "point": point, "other": other, "out": out, **made}


@pytest.fixture(params=["in the importer", "in the worker process"])
def prepared_where(request, monkeypatch):
    """Packages prepared in the importing process, or (any size) in the worker process."""
    if request.param == "in the worker process":
        monkeypatch.setattr(district_import, "WORKER_RECORDS", 0)
    return request.param


def test_the_destruction_travels_and_the_district_destroys_its_copy(world, prepared_where):
    district, point, out = world["district"], world["point"], world["out"]
    old, other_old = world["ATY-017"]["old"], world["ATY-018"]["old"]
    use(district).db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert file_holds(district, f"{SURNAME} ATY-017") == [True]
    use(point)
    destroy_records(point, "appeal")
    package = export_package(point, out).path
    result = _import(district, [package], out)[0]
    assert result.ok, result.summary("en")
    assert any(n.code == "sync.destroyed" and "Уничтожено 1 зап. пункта ATY-017" in
               n.message("ru") for n in result.notices)
    appeals = table_rows(district, "appeal")
    assert old not in appeals and other_old in appeals and world["ATY-017"]["recent"] in appeals
    assert [v for v in _trail_values(district, old) if v[0] != "destroy"] == [
        ("create", None, ERASED), ("update", ERASED, ERASED)]
    district.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # the log's old pages go
    # row, search index and trail: gone; the other point's record stays
    assert file_holds(district, f"{SURNAME} ATY-017", f"{SURNAME} ATY-018") == [False, True]
    assert check_database(district.db) == []
    imported = district.db.execute_sql(
        """SELECT new_values FROM audit_entry WHERE action = 'import' ORDER BY id DESC"""
    ).fetchone()[0]
    assert json.loads(imported)["destroyed"] == [old]
    assert state.peer(district.db, "ATY-017").counts["appeal"] == [1, 0]  # the recent one
    assert _receipt_agrees(point, out)  # the district holds exactly what the point holds
    use(point)  # a full package (its entries erased as the district's are) still imports
    again = _import(district, [export_package(point, out, full=True).path], out)[0]
    assert again.ok, again.summary("en")
    assert old not in table_rows(district, "appeal")


def test_a_late_package_cannot_bring_a_destroyed_record_back(world):
    district, point, out = world["district"], world["point"], world["out"]
    old = world["ATY-017"]["old"]
    use(point)
    point.appeals.update(old, {"decision": "explained"})
    late = export_package(point, out).path  # not imported yet: it holds the old appeal
    destroy_records(point, "appeal")
    newer = export_package(point, out).path
    first = _import(district, [newer], out)[0]
    assert first.ok, first.summary("en")
    assert old not in table_rows(district, "appeal")
    second = _import(district, [late], out)[0]
    assert second.ok, second.summary("en")
    assert second.counts["appeal"]["superseded"] >= 1
    assert old not in table_rows(district, "appeal")


def test_a_point_that_never_sent_the_record_sends_its_destruction(tmp_path):
    with region(tmp_path, ("ATY-017",)) as (district, (point,), out):
        use(point)
        person = point.persons.create({"surname": "Иванова", "first_name": "Мария"})
        old = point.appeals.create(appeal_data(person, received_at="2019-04-01 10:00"))
        destroy_records(point, "appeal")  # its entries travel erased, vouched for
        result = _import(district, [export_package(point, out).path], out)[0]
        assert result.ok, result.summary("en")
        assert old.id not in table_rows(district, "appeal")
        assert district.db.execute_sql('SELECT record_id FROM "destroyed_record"').fetchall() \
            == [(old.id,)]


def _dishonest_destroy(services, table: str, record_id: str) -> None:
    """A point's own chain with a ``destroy`` entry it had no right to write."""
    use(services)
    with services.db.atomic():
        write_audit(services.clock.now_utc(), "system", "destroy", table, record_id,
                    next_change_seq(), None, {"erased": {}})


@pytest.mark.parametrize(("case", "code", "words"), [
    ("another point's record", "sync.destroy_foreign", "принадлежит пункту ATY-018"),
    ("a record not past its period", "sync.destroy_too_early", "хранится 5 лет"),
    ("a register without a period", "sync.destroy_not_kept", "нет срока хранения"),
])
def test_a_dishonest_signed_package_destroys_nothing(world, case, code, words):
    district, point, out = world["district"], world["point"], world["out"]
    target = {"another point's record": ("appeal", world["ATY-018"]["old"]),
              "a record not past its period": ("appeal", world["ATY-017"]["recent"]),
              "a register without a period": ("person", world["ATY-017"]["old"])}[case]
    _dishonest_destroy(point, *target)
    package = export_package(point, out).path  # signed with the point's real key
    before = db_file_bytes(use(district))
    result = _import(district, [package], out)[0]
    assert not result.ok and result.error.code == code
    message = result.summary("ru")
    assert words in message and target[1] in message and "ничего не изменено" in message
    assert db_file_bytes(district) == before


def test_erased_values_nothing_vouches_for_are_refused(world, tmp_path):
    district, point, out = world["district"], world["point"], world["out"]
    use(point)
    point.appeals.update(world["ATY-017"]["recent"], {"decision": "explained"})
    genuine = export_package(point, out).path

    def erase(name, lines):
        if name != "audit.jsonl.gz":
            return lines
        entries = [json.loads(line) for line in lines]
        entries[-1]["new_values"] = ERASED  # as if destroyed, with no destroy entry
        return [json.dumps(e, ensure_ascii=False).encode() for e in entries]

    hostile = repack(genuine, tmp_path / genuine.name, keys_of(district), keys_of(point),
                     edit=erase)
    before = db_file_bytes(use(district))
    result = _import(district, [hostile], out)[0]
    assert not result.ok and result.error.code == "sync.bad_trail"
    assert db_file_bytes(district) == before


def test_a_district_on_a_server_follows_the_destruction(pg_url, tmp_path):
    """The same on PostgreSQL: the server's guard lets the erasure through, nothing else."""
    from sync_fixtures import PASSWORD, make_point

    from inspector_app.domain.clock import FixedClock
    from inspector_app.services.setup import DISTRICT, FirstAccount, PointProfile, create_database
    from inspector_app.storage.dialect import APPEND_ONLY_MESSAGE

    district = create_database(pg_url, PointProfile(code="ATY-ROP", name="ОП г. Атырау",
                                                    district="Атырау"),
                               FirstAccount("operator", "Оператор", PASSWORD), kind=DISTRICT,
                               clock=FixedClock(NOW))
    point = make_point(tmp_path, "ATY-017", district=district)
    out = tmp_path / "out"
    out.mkdir()
    try:
        use(point)
        person = point.persons.create({"surname": "Иванова", "first_name": "Мария"})
        old = point.appeals.create(appeal_data(person, received_at="2020-03-02 10:00",
                                               substance=f"Жалоба на {SURNAME}"))
        assert _import(district, [export_package(point, out).path], out)[0].ok
        use(point)
        destroy_records(point, "appeal")
        result = _import(district, [export_package(point, out).path], out)[0]
        assert result.ok, result.summary("en")
        assert old.id not in table_rows(district, "appeal")
        assert [v[2] for v in _trail_values(district, old.id) if v[0] == "create"] == [ERASED]
        assert check_database(district.db) == []
        with pytest.raises(Exception, match=APPEND_ONLY_MESSAGE), district.db.atomic():
            district.db.execute_sql('UPDATE "point_audit_entry" SET actor = ? '
                                    'WHERE record_id = ?', ("x", old.id))
    finally:
        point.db.close()
        district.db.close()


def test_a_tombstone_past_its_period_is_destroyed_at_the_district_too(world):
    district, point, out = world["district"], world["point"], world["out"]
    old = world["ATY-017"]["old"]
    use(point)
    point.appeals.delete(old)
    assert _import(district, [export_package(point, out).path], out)[0].ok
    assert state.peer(district.db, "ATY-017").counts["appeal"] == [1, 1]
    use(point)
    destroy_records(point, "appeal")
    result = _import(district, [export_package(point, out).path], out)[0]
    assert result.ok, result.summary("en")
    assert old not in table_rows(district, "appeal")
    assert state.peer(district.db, "ATY-017").counts["appeal"] == [1, 0]
    assert _receipt_agrees(point, out)


def test_a_dishonest_destruction_of_a_record_others_name_is_refused(world):
    from core_factories import offence_data

    district, point, out = world["district"], world["point"], world["out"]
    use(point)
    person = point.persons.create({"surname": "Петров", "first_name": "Пётр"})
    offence = point.offences.create(offence_data(person, committed_at="2019-05-01 22:00"))
    point.appeals.create(appeal_data(person, offence=offence.id))
    assert _import(district, [export_package(point, out).path], out)[0].ok
    _dishonest_destroy(point, "offence", offence.id)  # the point itself keeps it: referred to
    package = export_package(point, out).path
    before = db_file_bytes(use(district))
    result = _import(district, [package], out)[0]
    assert not result.ok and result.error.code == "sync.destroy_referenced"
    assert offence.id in result.summary("ru") and "ничего не изменено" in result.summary("ru")
    assert db_file_bytes(district) == before


def test_packages_from_before_the_destruction_and_from_a_restored_pc_resurrect_nothing(
        world, tmp_path):
    """A package the point wrote before destroying arrives late; then the point's PC is
    restored from a backup made before the destruction (which destroys again) and sends its
    next package: the district holds the record in neither case, and its chain verifies."""
    from pathlib import Path

    from inspector_app.protection import backup
    from inspector_app.services.redestruction import restore_keeping_erasure
    from inspector_app.services.setup import open_services

    district, point, out = world["district"], world["point"], world["out"]
    old = world["ATY-017"]["old"]
    use(point)
    point.appeals.update(old, {"decision": "explained"})
    late = export_package(point, out).path  # still holds the old appeal
    taken = backup.create_backup(point.db.database, tmp_path / "backups", clock=point.clock)
    destroy_records(point, "appeal")
    first = _import(district, [export_package(point, out).path], out)[0]
    assert first.ok, first.summary("en")
    path, clock = Path(point.db.database), point.clock
    point.db.close()
    _kept, again = restore_keeping_erasure(taken.path, path, clock=clock)
    assert again is not None and again.ids == (old,)
    restored = use(open_services(path, clock=clock))
    try:
        assert old not in table_rows(restored, "appeal")
        receipt = max((out / "back").glob("*_receipt_*"), key=lambda p: p.stat().st_mtime_ns)
        assert import_files(restored, [receipt]).files[0].ok  # where the district stands
        after = export_package(restored, out).path
        for package in (late, after):
            result = _import(district, [package], out)[0]
            assert result.ok, result.summary("en")
            assert old not in table_rows(district, "appeal")
        assert world["ATY-017"]["recent"] in table_rows(district, "appeal")
        assert check_database(district.db) == []
        assert check_database(use(restored).db) == []
    finally:
        restored.db.close()


def test_a_district_restored_from_its_older_backup_destroys_the_copies_again(
        world, tmp_path, monkeypatch, capsys):
    """The district applies the point's destruction (its own ledger lists it in the same
    step), then restores its backup made before: the command line destroys the copy again,
    the chain verifies, and the point's counts are as they were after the import."""
    from pathlib import Path

    from test_destruction import _cli

    from inspector_app.protection import backup
    from inspector_app.protection.erasure_ledger import ledger_path, read_ledger
    from inspector_app.services.setup import open_services

    district, point, out = world["district"], world["point"], world["out"]
    old, other_old = world["ATY-017"]["old"], world["ATY-018"]["old"]
    db_path = Path(district.db.database)
    taken = backup.create_backup(db_path, tmp_path / "district-backups", clock=district.clock)
    use(point)
    destroy_records(point, "appeal")
    files = _import(district, [export_package(point, out).path], out)
    assert files[0].ok, files[0].summary("en")
    listed = read_ledger(ledger_path(db_path))
    assert [(r.owner_point, r.table, r.record_id) for r in listed] == [
        ("ATY-017", "appeal", old)]
    counts = state.peer(district.db, "ATY-017").counts["appeal"]
    district.db.close()
    code, text, err = _cli(monkeypatch, capsys, db_path, "restore", str(taken.path), "--yes")
    assert code == 0, err
    assert "Уничтожено повторно 1 зап." in text
    code, text, err = _cli(monkeypatch, capsys, db_path, "check")
    assert code == 0, text + err
    reopened = open_services(db_path)
    try:
        held = {row[0] for row in reopened.db.execute_sql('SELECT id FROM "appeal"')}
        assert old not in held and {other_old, world["ATY-017"]["recent"]} <= held
        assert reopened.reapplied is None  # the restore did it all
        assert state.peer(reopened.db, "ATY-017").counts["appeal"] == counts
        assert reopened.db.execute_sql(
            'SELECT owner_point FROM "destroyed_record" WHERE record_id = ?',
            (old,)).fetchall() == [("ATY-017",)]
        entry = reopened.db.execute_sql(
            'SELECT new_values FROM "audit_entry" WHERE action = ? ORDER BY id DESC',
            ("erased_again",)).fetchone()
        assert json.loads(entry[0])["copies"] == {"appeal": [f"ATY-017:{old}"]}
    finally:
        reopened.db.close()


def test_a_district_that_cannot_write_its_ledger_applies_no_destruction(world):
    """The office's ledger is written in the import's step: a damaged one (never overwritten)
    refuses the package naming the file, the district file unchanged; put right, it applies."""
    from pathlib import Path

    from inspector_app.protection.erasure_ledger import ledger_path, read_ledger

    district, point, out = world["district"], world["point"], world["out"]
    old = world["ATY-017"]["old"]
    ledger = ledger_path(Path(district.db.database))
    ledger.write_text("{", encoding="utf-8")  # cut short
    use(point)
    destroy_records(point, "appeal")
    package = export_package(point, out).path
    before = db_file_bytes(use(district))
    result = _import(district, [package], out)[0]
    assert not result.ok and result.error.code == "erasure_ledger.damaged"
    assert str(ledger) in result.summary("ru")
    assert db_file_bytes(district) == before and ledger.read_text(encoding="utf-8") == "{"
    ledger.unlink()
    result = _import(district, [package], out)[0]
    assert result.ok, result.summary("en")
    assert [r.record_id for r in read_ledger(ledger)] == [old]
    assert old not in table_rows(district, "appeal")
