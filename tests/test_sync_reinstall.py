"""A re-installed point: a new database for the same point code continues the point's history.

The district sees "point re-installed on DATE", refuses the former database's later packages,
and imports the new database's packages (export numbers and audit trail from 1 again) without
a UNIQUE failure, with receipts that the new database accepts.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from core_factories import appeal_data, valid_iin
from sync_fixtures import db_file_bytes, make_district, make_point, use

from inspector_app.cli import main as cli_main
from inspector_app.sync import state
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.keys import keys_dir
from inspector_app.sync.overview import points_overview
from inspector_app.sync.receipts import last_acknowledged
from inspector_app.sync.trust import export_public_key, trust_key_file


def _first_life(tmp_path):
    """A district, ATY-017's first database with two packages: one imported, one not."""
    district = make_district(tmp_path)
    former = make_point(tmp_path, "ATY-017", district=district)
    out = tmp_path / "out"
    out.mkdir()
    use(former)
    person = former.persons.create({"surname": "Жумабаева", "first_name": "Гүлнар",
                                    "iin": valid_iin(date(1985, 3, 8), "F")})
    former.appeals.create(appeal_data(person))
    first = export_package(former, out).path
    use(district)
    assert import_files(district, [first], trust_new=True, outbox=out / "back").files[0].ok
    use(former)
    former.persons.create({"surname": "Поздний", "first_name": "Пакет"})
    late = export_package(former, out).path
    return district, former, out, late


def _reinstall(tmp_path, district, *, keep_keys: bool):
    """ATY-017 set up again in a new folder, its keys copied or trusted again (--replace);
    returns it and its export folder."""
    folder = tmp_path / "reinstalled"
    folder.mkdir()
    if keep_keys:
        shutil.copytree(keys_dir(tmp_path / "ATY-017.db"), keys_dir(folder / "ATY-017.db"))
    shutil.copy(tmp_path / "ATY-ROP.pub", folder / "ATY-ROP.pub")
    point = make_point(folder, "ATY-017", district=district)
    if not keep_keys:
        use(point)
        export_public_key(point, folder / "ATY-017.pub")
        use(district)
        trust_key_file(district, folder / "ATY-017.pub", replace=True)
    (folder / "out").mkdir()
    return point, folder / "out"


@pytest.mark.parametrize("keep_keys", [True, False], ids=["keys kept", "keys replaced"])
def test_a_reinstalled_point_continues_and_its_former_database_is_refused(tmp_path,
                                                                          keep_keys):
    district, former, out, late = _first_life(tmp_path)
    point, point_out = _reinstall(tmp_path, district, keep_keys=keep_keys)
    use(point)
    person = point.persons.create({"surname": "Новая", "first_name": "База"})
    appeal = point.appeals.create(appeal_data(person))  # numbering starts again at 1
    new_first = export_package(point, point_out).path
    use(district)
    batch = import_files(district, [new_first], outbox=out / "back2")
    result = batch.files[0]
    assert result.ok, result.summary("en")
    assert result.counts["person"]["new"] == 1 and result.counts["point"]["new"] == 1
    talons = dict(district.db.execute_sql(
        "SELECT id, talon_number FROM appeal WHERE owner_point = 'ATY-017'").fetchall())
    assert talons[appeal.id] == appeal.talon_number == "ATY-017-T-2026-00001"
    assert sorted(talons.values())[1].startswith("ATY-017-T-2026-00001~")
    text = "\n".join(result.lines("ru"))
    assert "переустановлен 25.11.2026" in text, text
    peer = state.peer(district.db, "ATY-017")
    assert peer.held_export_no == 1 and peer.gaps == [] and peer.reinstalled_at is not None
    live = district.db.execute_sql(
        "SELECT code FROM point WHERE deleted = 0 AND owner_point = 'ATY-017'").fetchall()
    assert live == [("ATY-017",)]
    former_person = district.db.execute_sql(
        "SELECT COUNT(*) FROM person WHERE owner_point = 'ATY-017'").fetchone()[0]
    assert former_person == 2  # the former database's record is kept

    # the receipt goes to the new database, which accepts it: its next export is incremental
    receipt = next(p for p in batch.written if "_receipt_" in p.name)
    use(point)
    applied = import_files(point, [receipt]).files[0]
    assert applied.ok and [n.code for n in applied.notices] == ["sync.receipt_acknowledged"]
    assert last_acknowledged(point.db).export_no == 1
    point.persons.create({"surname": "Вторая", "first_name": "Выгрузка"})
    second = export_package(point, point_out)
    assert not second.full and second.seq_from > 0
    use(district)
    again = import_files(district, [second.path], keep_refused=False).files[0]
    assert again.ok and again.counts["person"]["new"] == 1
    assert not any(n.code == "sync.reinstalled" for n in again.notices)

    # the former database's later package: refused by name, nothing changes
    before = db_file_bytes(district)
    old = import_files(district, [late], keep_refused=False).files[0]
    assert not old.ok
    expected = "sync.old_database" if keep_keys else "sync.key_mismatch"
    assert old.error.code == expected, old.summary("en")
    if keep_keys:
        assert "переустановлен 25.11.2026" in old.summary("ru")
    assert db_file_bytes(district) == before
    for services in (district, former, point):
        services.db.close()


def test_sync_status_shows_the_reinstall(tmp_path, capsys):
    district, former, out, _ = _first_life(tmp_path)
    point, point_out = _reinstall(tmp_path, district, keep_keys=True)
    use(point)
    new_first = export_package(point, point_out).path
    use(district)
    assert import_files(district, [new_first], outbox=out / "back2").files[0].ok
    status = {p.point_code: p for p in points_overview(district)}["ATY-017"]
    assert status.reinstalled_on == date(2026, 11, 25)
    for services in (district, former, point):
        services.db.close()
    assert cli_main(["--db", str(tmp_path / "ATY-ROP.db"), "--lang", "ru", "sync-status"]) == 0
    assert "переустановлен 25.11.2026" in capsys.readouterr().out


def test_an_export_number_reused_with_other_content_is_refused(tmp_path):
    district, former, out, late = _first_life(tmp_path)
    use(former)
    # the point's database goes back to before its second export (as after a bad restore)
    former.db.execute_sql("DELETE FROM sync_export WHERE export_no = 2")
    former.persons.create({"surname": "Другое", "first_name": "Содержимое"})
    twin = export_package(former, tmp_path).path
    use(district)
    assert import_files(district, [late], keep_refused=False).files[0].ok
    before = db_file_bytes(district)
    result = import_files(district, [twin], keep_refused=False).files[0]
    assert result.error is not None and result.error.code == "sync.export_no_reused"
    assert "№ 2" in result.summary("ru")
    assert db_file_bytes(district) == before
    for services in (district, former):
        services.db.close()


def test_the_points_page_shows_the_reinstall(tmp_path, qapp, qtbot):
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QPushButton

    from ui.context import UiContext
    from ui.points_overview import PointsOverview

    district, former, out, _ = _first_life(tmp_path)
    use(district)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    overview = PointsOverview(UiContext(district, settings, "ru"))
    qtbot.addWidget(overview)
    assert "переустановлен" not in overview.model.index(0, 1).data()
    point, point_out = _reinstall(tmp_path, district, keep_keys=True)
    use(point)
    new_first = export_package(point, point_out).path
    use(district)
    assert import_files(district, [new_first], outbox=out / "back2").files[0].ok
    refresh = next(b for b in overview.findChildren(QPushButton) if b.text() == "Обновить"
                   or "efresh" in b.text())
    qtbot.mouseClick(refresh, Qt.MouseButton.LeftButton)
    name = overview.model.index(0, 1)
    assert name.data() == "УПП ATY-017 (пункт переустановлен 25.11.2026)"
    assert "пункт переустановлен 25.11.2026" in name.data(Qt.ItemDataRole.ToolTipRole)
    overview.resize(1100, 300)
    overview.grab().save("/tmp/sync-trust-shot.png")
    for services in (district, former, point):
        services.db.close()


def test_migration_0010_keeps_every_trail_entry_under_its_points_database(tmp_path):
    from peewee import SqliteDatabase

    from inspector_app.storage import migrations
    from inspector_app.storage.database import open_database

    path = tmp_path / "district-v7.db"
    raw = SqliteDatabase(str(path))
    migrations.migrate(raw, None, target=7)
    raw.execute_sql(
        "INSERT INTO sync_peer (point_code, role, name, database_id, signing_key, "
        "encryption_key, fingerprint, trusted_at, trusted_by) VALUES ('ATY-017', 'point', "
        "'УПП', ?, 'AA==', 'AA==', 'F', '2026-11-01 10:00:00', 'operator')", ("d" * 32,))
    raw.execute_sql(
        "INSERT INTO sync_inbound VALUES ('p' || hex(randomblob(15)), 'ATY-017', 'records', 1, "
        "1, 0, 5, '2026-11-01 10:00:00', '2026-11-01 11:00:00', 'operator', 'f.isync', 'h', "
        "'{}')")
    for entry in (1, 2):
        raw.execute_sql(
            "INSERT INTO point_audit_entry VALUES ('ATY-017', ?, '2026-11-01 10:00:00', 'x', "
            "'create', 'person', 'r', ?, NULL, '{}', ?, ?)",
            (entry, entry, str(entry - 1) * 64, str(entry) * 64))
    raw.close()
    db = open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
        rows = db.execute_sql("SELECT point_code, database_id, entry_id, entry_hash FROM "
                              "point_audit_entry ORDER BY entry_id").fetchall()
        assert rows == [("ATY-017", "d" * 32, 1, "1" * 64), ("ATY-017", "d" * 32, 2, "2" * 64)]
        assert db.execute_sql("SELECT database_id FROM sync_inbound").fetchall() == [
            ("d" * 32,)]
        with pytest.raises(Exception, match="append-only"):
            db.execute_sql("DELETE FROM point_audit_entry")
    finally:
        db.close()


def test_a_reinstall_imported_while_another_process_writes(tmp_path):
    """A second real process keeps writing into the district file while the re-installed
    point's package is imported and a forged one refused: every write of both succeeds."""
    from writers import finish_writer, persons_written, start_writer, wait_ready

    district, former, out, late = _first_life(tmp_path)
    point, point_out = _reinstall(tmp_path, district, keep_keys=True)
    use(point)
    new_first = export_package(point, point_out).path
    db_path = tmp_path / "ATY-ROP.db"
    stop = tmp_path / "stop"
    writer = start_writer(db_path, "w", stop_file=stop)
    wait_ready(writer)
    try:
        use(district)
        batch = import_files(district, [new_first, late], keep_refused=False,
                             outbox=out / "back2")
    finally:
        stop.touch()
    result = finish_writer(writer)
    assert batch.files[0].ok and batch.files[1].error.code == "sync.old_database"
    assert persons_written(db_path, "w") == result.ok
    for services in (district, former, point):
        services.db.close()
