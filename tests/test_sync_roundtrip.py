"""A point's records reach the district exactly; repeats, late files and rights behave."""

from __future__ import annotations

import pytest
from sync_fixtures import (
    PASSWORD,
    db_file_bytes,
    edit_records,
    fill_point,
    keys_of,
    make_district,
    make_point,
    read_members,
    repack,
    table_rows,
    use,
)

from inspector_app.errors import PermissionDenied
from inspector_app.protection.integrity import check_database
from inspector_app.services.accounts import authenticate
from inspector_app.storage.models import SYNCED_MODELS
from inspector_app.sync.codec import LOCKED_PASSWORD
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.results import DUPLICATE, IMPORTED


@pytest.fixture
def pair(tmp_path):
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district)
    out = tmp_path / "out"
    out.mkdir()
    yield district, point, out
    point.db.close()
    district.db.close()


def test_the_district_holds_exactly_what_the_point_exported(pair):
    district, point, out = pair
    fill_point(point)
    use(point)
    exported = export_package(point, out)
    expected = {m._meta.table_name: table_rows(point, m._meta.table_name, "ATY-017")
                for m in SYNCED_MODELS}
    point_trail = table_rows(point, "audit_entry")
    use(district)
    batch = import_files(district, [exported.path], trust_new=True)
    assert [f.status for f in batch.files] == [IMPORTED]
    for model in SYNCED_MODELS:
        table = model._meta.table_name
        held = table_rows(district, table, "ATY-017")
        assert held.keys() == expected[table].keys(), table
        for record_id, row in expected[table].items():
            if table == "staff":
                assert held[record_id].pop("password_hash") == LOCKED_PASSWORD
                row = {k: v for k, v in row.items() if k != "password_hash"}
            assert held[record_id] == row, (table, record_id)
    cursor = district.db.execute_sql('SELECT * FROM "point_audit_entry"')
    names = [d[0] for d in cursor.description]
    trail = {row[2]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}
    assert len(trail) == len(point_trail) == exported.audit_entries
    for entry_id, entry in point_trail.items():
        copy = dict(trail[entry_id])
        assert copy.pop("point_code") == "ATY-017"
        assert copy.pop("database_id") == point.db.execute_sql(
            "SELECT value FROM meta WHERE key = 'database_id'").fetchone()[0]
        copy["id"] = copy.pop("entry_id")
        assert copy == entry
    assert check_database(district.db) == []
    for table in ("person", "appeal", "offence", "preventive_visit", "registration"):
        district.db.execute_sql(f"INSERT INTO {table}_fts({table}_fts) VALUES('integrity-check')")
    triggers = district.db.execute_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_%'")
    from inspector_app.kinds import searchable

    # every search trigger (insert, update, delete per searchable kind) is back after the import
    assert triggers.fetchone()[0] == 3 * len(searchable())
    counts = batch.files[0].counts
    assert counts["meeting"]["deleted"] == 1 and counts["preventive_visit"]["new"] == 1
    assert counts["staff"]["new"] == 2 and counts["appeal"]["new"] == 1


def test_imported_records_are_found_by_search_and_are_read_only(pair):
    district, point, out = pair
    ids = fill_point(point)
    exported = export_package(point, out)
    use(district)
    import_files(district, [exported.path], trust_new=True)
    found = district.search.persons("ёлкин")
    assert [p.id for p in found] == [ids["person2"]]
    with pytest.raises(PermissionDenied) as caught:
        district.persons.update(ids["person"], {"notes": "правка в отделе"})
    assert caught.value.code == "error.not_owner"
    with pytest.raises(PermissionDenied):
        district.appeals.delete(ids["appeal"])


def test_password_hashes_never_travel(pair, tmp_path):
    district, point, out = pair
    fill_point(point)
    exported = export_package(point, out)
    _, members = read_members(exported.path, keys_of(district))
    staff_lines = dict(members)["staff.jsonl.gz"]
    assert staff_lines and all(b"password_hash" not in line for line in staff_lines)
    assert all(b"scrypt$" not in line for _, lines in members for line in lines)
    use(district)
    import_files(district, [exported.path], trust_new=True)
    with pytest.raises(Exception):  # noqa: B017 - any refusal: the account is the point's
        authenticate("ATY-017", "erzhanov", PASSWORD)


def test_same_file_twice_changes_nothing_and_says_so(pair):
    district, point, out = pair
    fill_point(point)
    exported = export_package(point, out)
    use(district)
    import_files(district, [exported.path], trust_new=True)
    before = db_file_bytes(district)
    again = import_files(district, [exported.path]).files[0]
    assert again.status == DUPLICATE
    assert "уже был импортирован" in again.lines("ru")[1]
    assert db_file_bytes(district) == before


def test_incremental_export_after_receipt_and_late_file(pair):
    district, point, out = pair
    ids = fill_point(point)
    first = export_package(point, out)
    use(district)
    batch = import_files(district, [first.path], trust_new=True, outbox=out / "back")
    use(point)
    back = import_files(point, batch.written)
    assert all(f.ok for f in back.files)
    point.persons.update(ids["person"], {"notes": "переехала"})
    point.appeals.update(ids["appeal"], {"erdr_number": "261500031000123"})
    second = export_package(point, out)
    assert second.records == 2 and not second.full
    point.persons.update(ids["person"], {"notes": "переехала снова"})
    point.offences.delete(ids["offence"])
    third = export_package(point, out)
    use(district)
    late = import_files(district, [third.path, second.path])
    newer, older = late.files
    assert newer.counts["person"]["updated"] == 1 and newer.counts["offence"]["deleted"] == 1
    assert older.counts["person"]["superseded"] == 1
    assert older.counts["appeal"]["unchanged"] == 1
    assert table_rows(district, "person")[ids["person"]]["notes"] == "переехала снова"
    assert table_rows(district, "offence")[ids["offence"]]["deleted"] == 1


def test_export_and_import_need_their_rights(pair):
    district, point, out = pair
    use(point)
    point.staff.create({"login": "helper", "full_name": "Помощник", "role": "assistant",
                        "password": "Bright-Sun-7x"})
    point.login("helper", "Bright-Sun-7x")
    with pytest.raises(PermissionDenied):
        export_package(point, out)
    point.session = None
    exported = export_package(point, out)
    point.login("helper", "Bright-Sun-7x")
    with pytest.raises(PermissionDenied):
        import_files(point, [exported.path])


def test_a_refused_file_in_a_batch_leaves_the_others_applied(pair, tmp_path):
    district, point, out = pair
    other = make_point(tmp_path, "ATY-018", district=district)
    ids = fill_point(point)
    good = export_package(point, out)
    use(other)
    other.persons.create({"surname": "Другой", "first_name": "Пункт"})
    second = export_package(other, out)
    broken = repack(second.path, tmp_path / "ATY-018_broken.isync", keys_of(district),
                    keys_of(other), edit=edit_records(
                        "person", lambda r: dict(r, birth_date="2999-01-01")))
    use(other)
    other.persons.create({"surname": "Третий", "first_name": "Файл"})
    third = export_package(other, out)
    use(district)
    before = table_rows(district, "person")
    files = import_files(district, [good.path, broken, third.path], trust_new=True).files
    assert [f.status for f in files] == [IMPORTED, "refused", IMPORTED]
    assert files[1].error.code == "sync.invalid_record"
    assert files[0].counts["person"]["new"] == 2 and files[0].notices[0].code == "sync.enrolled"
    held = table_rows(district, "person")
    assert ids["person"] in held and len(held) == len(before) + 4
    assert {r["surname"] for r in held.values() if r["owner_point"] == "ATY-018"} == {
        "Другой", "Третий"}
    other.db.close()
