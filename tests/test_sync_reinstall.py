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
    """ATY-017 set up again in a new folder; its keys copied, or trusted again (--replace)."""
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
    point.out = folder / "out"
    point.out.mkdir()
    return point


@pytest.mark.parametrize("keep_keys", [True, False], ids=["keys kept", "keys replaced"])
def test_a_reinstalled_point_continues_and_its_former_database_is_refused(tmp_path,
                                                                          keep_keys):
    district, former, out, late = _first_life(tmp_path)
    point = _reinstall(tmp_path, district, keep_keys=keep_keys)
    use(point)
    point.persons.create({"surname": "Новая", "first_name": "База"})
    new_first = export_package(point, point.out).path
    use(district)
    batch = import_files(district, [new_first], outbox=out / "back2")
    result = batch.files[0]
    assert result.ok, result.summary("en")
    assert result.counts["person"]["new"] == 1 and result.counts["point"]["new"] == 1
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
    second = export_package(point, point.out)
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
    point = _reinstall(tmp_path, district, keep_keys=True)
    use(point)
    new_first = export_package(point, point.out).path
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
