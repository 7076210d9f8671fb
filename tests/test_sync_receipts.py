"""Back to the points: receipts move the acknowledged mark, reference data arrives, gaps show."""

from __future__ import annotations

import shutil

import pytest
from sync_fixtures import keys_of, make_district, make_point, use

from inspector_app.domain.catalogues import apply_catalogue
from inspector_app.sync import state
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.keys import keys_dir
from inspector_app.sync.overview import points_overview
from inspector_app.sync.receipts import last_acknowledged, write_receipt


@pytest.fixture
def world(tmp_path):
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district)
    out = tmp_path / "out"
    out.mkdir()
    yield district, point, out
    point.db.close()
    district.db.close()


def _round(district, point, out, name, **import_options):
    """Export at the point, import at the district; returns (export, district batch)."""
    use(point)
    exported = export_package(point, out)
    use(district)
    batch = import_files(district, [exported.path], trust_new=True, outbox=out / name,
                         **import_options)
    return exported, batch


def _receipt(batch):
    return [p for p in batch.written if "_receipt_" in p.name]


def test_receipt_moves_the_mark_and_the_next_export_holds_only_new_changes(world):
    district, point, out = world
    use(point)
    person = point.persons.create({"surname": "Ахметов", "first_name": "Болат"})
    assert last_acknowledged(point.db) is None
    first, batch = _round(district, point, out, "r1")
    use(point)
    applied = import_files(point, _receipt(batch)).files[0]
    assert applied.ok and applied.notices[0].code == "sync.receipt_acknowledged"
    mark = last_acknowledged(point.db)
    assert mark.export_no == 1 and mark.at is not None
    point.persons.update(person.id, {"notes": "новое"})
    second = export_package(point, out)
    assert (second.seq_from, second.full) == (first.seq_to, False)
    assert second.counts["person"]["records"] == 1 and second.records == 1
    again = import_files(point, _receipt(batch)).files[0]
    assert again.status == "duplicate"


def test_importing_a_file_again_reissues_a_lost_receipt(world):
    district, point, out = world
    use(point)
    point.persons.create({"surname": "Ахметов", "first_name": "Болат"})
    exported, batch = _round(district, point, out, "r1")
    _receipt(batch)[0].unlink()  # the receipt never reached the point
    use(district)
    again = import_files(district, [exported.path], outbox=out / "r1")
    assert again.files[0].status == "duplicate"
    (reissued,) = _receipt(again)
    use(point)
    applied = import_files(point, [reissued]).files[0]
    assert applied.ok and applied.notices[0].code == "sync.receipt_acknowledged"
    assert last_acknowledged(point.db).export_no == 1
    use(district)
    third = import_files(district, [exported.path], outbox=out / "r1")
    assert [p.name.endswith("-1.isync") for p in _receipt(third)] == [True]


def test_checksum_mismatch_is_reported_and_the_next_export_is_full(world):
    district, point, out = world
    use(point)
    person = point.persons.create({"surname": "Ахметов", "first_name": "Болат"})
    _round(district, point, out, "r1")
    use(district)
    district.db.execute_sql('UPDATE person SET row_version = 7 WHERE id = ?', (person.id,))
    peer = state.peer(district.db, "ATY-017")
    receipt = write_receipt(district, peer, keys_of(district), out)
    use(point)
    result = import_files(point, [receipt]).files[0]
    assert [n.code for n in result.notices] == ["sync.receipt_mismatch"]
    assert "полной" in result.lines("ru")[1]
    assert last_acknowledged(point.db) is None
    assert export_package(point, out).full
    assert not export_package(point, out).full


def test_reference_data_reaches_the_point_when_it_changed(world):
    district, point, out = world
    use(district)
    with district.db.atomic():
        apply_catalogue("appeal_topics", 99, [
            {"code": "noise", "ru": "Шум", "kk": "Шу", "en": "Noise"},
            {"code": "drones", "ru": "Дроны", "kk": "Дрондар", "en": "Drones"}],
            district.clock.now_utc())
        apply_catalogue("mrp_rates", 99, [{"year": 2026, "amount": 4325},
                                          {"year": 2027, "amount": 4500}],
                        district.clock.now_utc())
    district.staff.create({"login": "analyst", "full_name": "Аналитик Отдела",
                           "role": "district_operator", "password": "Bright-Sun-7x"})
    _, batch = _round(district, point, out, "r1")
    reference = [p for p in batch.written if "_reference_" in p.name]
    assert len(reference) == 1
    use(point)
    result = import_files(point, reference).files[0]
    assert result.ok and "appeal_topics" in result.notices[0].params["catalogues"]
    point.catalogues.reload()
    assert point.catalogues.has("appeal_topics", "drones")
    assert not point.catalogues.has("appeal_topics", "theft_fraud")
    assert point.catalogues.mrp(2027) == 4500  # the МРП table came too
    logins = {s.login for s in point.staff.live() if s.owner_point == "ATY-ROP"}
    assert logins == {"operator", "analyst"}
    assert point.staff.by_login("analyst") is None  # district staff never log in at a point
    _, again = _round(district, point, out, "r2")
    assert [p for p in again.written if "_reference_" in p.name] == []


def test_a_missing_export_is_reported_by_number(world, tmp_path):
    district, point, out = world
    use(point)
    point.persons.create({"surname": "Первый", "first_name": "А"})
    first, batch = _round(district, point, out, "r1")
    use(point)
    import_files(point, _receipt(batch))
    point.persons.create({"surname": "Второй", "first_name": "Б"})
    second, batch = _round(district, point, out, "r2")
    use(point)
    import_files(point, _receipt(batch))
    point.persons.create({"surname": "Третий", "first_name": "В"})
    third = export_package(point, out)
    assert third.seq_from == second.seq_to
    (tmp_path / "restored").mkdir()
    other = make_district(tmp_path / "restored")  # the district's keys, without export 2
    shutil.rmtree(keys_dir(other.db.database))
    shutil.copytree(keys_dir(district.db.database), keys_dir(other.db.database))
    use(other)
    files = import_files(other, [first.path, third.path], trust_new=True).files
    assert [n.code for n in files[1].notices] == ["sync.gap"]
    assert files[1].notices[0].message("en") == (
        "Export 2 of point ATY-017 has not arrived: its changes are missing.")
    assert points_overview(other)[0].gaps == [2]
    closing = import_files(other, [second.path]).files[0]
    assert closing.ok and closing.notices == []
    assert points_overview(other)[0].gaps == []
    other.db.close()


def test_an_export_carried_by_a_later_one_is_only_noted(world):
    district, point, out = world
    use(point)
    point.persons.create({"surname": "Первый", "first_name": "А"})
    first = export_package(point, out)
    point.persons.create({"surname": "Второй", "first_name": "Б"})
    second = export_package(point, out)
    assert second.seq_from == 0 == first.seq_from
    use(district)
    result = import_files(district, [second.path], trust_new=True).files[0]
    assert [(n.code, n.warning) for n in result.notices] == [
        ("sync.enrolled", True), ("sync.skipped", False)]
    assert points_overview(district)[0].gaps == []


def test_wrong_kind_of_package_for_the_database(world):
    district, point, out = world
    exported, batch = _round(district, point, out, "r1")
    refused = import_files(district, _receipt(batch)).files[0]
    assert refused.error.code in ("sync.wrong_recipient", "sync.wrong_kind")
    use(point)
    assert import_files(point, [exported.path]).files[0].error.code == "sync.wrong_recipient"


def test_late_receipt_changes_nothing_but_a_district_gone_back_asks_for_full(world):
    district, point, out = world
    _, first = _round(district, point, out, "r1")
    district.clock.advance(hours=1)
    _, second = _round(district, point, out, "r2")
    use(point)
    import_files(point, _receipt(second))
    late = import_files(point, _receipt(first)).files[0]
    assert [n.code for n in late.notices] == ["sync.receipt_nothing_new"]
    assert last_acknowledged(point.db).export_no == 2
    use(district)  # the district restores an older copy of its database
    district.db.execute_sql("UPDATE sync_peer SET held_export_no = 1, last_export_no = 1")
    district.clock.advance(hours=1)
    restored = write_receipt(district, state.peer(district.db, "ATY-017"), keys_of(district), out)
    use(point)
    behind = import_files(point, [restored]).files[0]
    assert [n.code for n in behind.notices] == ["sync.receipt_behind"]
    assert export_package(point, out).full

