"""A large import sets scattered indexes aside and leaves the schema and its indexes whole."""

from __future__ import annotations

import sqlite3

import pytest
from sync_fixtures import (
    edit_records,
    export_each,
    fill_point,
    keys_of,
    region,
    repack,
    table_rows,
    use,
)

from inspector_app.sync import bulk_indexes
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.pipeline import WRITTEN_TABLES
from inspector_app.sync.results import IMPORTED, REFUSED


@pytest.fixture
def offices(tmp_path):
    with region(tmp_path, ("ATY-017", "ATY-018")) as made:
        yield made


@pytest.fixture
def set_asides(monkeypatch):
    """Every :class:`SetAside` made; any import counts as large."""
    made = []
    original = bulk_indexes.SetAside.__init__

    def spy(self, db, tables):
        original(self, db, tables)
        made.append(self)

    monkeypatch.setattr(bulk_indexes.SetAside, "__init__", spy)
    monkeypatch.setattr(bulk_indexes, "MIN_ROWS", 1)
    return made


def schema(services) -> list[tuple]:
    return services.db.execute_sql(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall()


def integrity(services) -> list[str]:
    """SQLite's own check, which finds any index entry missing or extra for a table row."""
    return [row[0] for row in services.db.execute_sql("PRAGMA integrity_check").fetchall()]


def exports(points, out) -> list:
    for point in points:
        fill_point(point)
    return export_each(points, out)


def test_scattered_indexes_are_the_ones_rows_land_all_over(offices):
    district, _points, _out = offices
    names = {name for name, _sql in bulk_indexes.scattered_indexes(district.db, WRITTEN_TABLES)}
    assert {"person_iin", "person_live_sort_name", "appeal_change_seq", "appeal_applicant_id",
            "preventive_visit_live_visited", "point_audit_entry_record"} <= names
    kept = {"appeal_point_talon", "person_point", "appeal_point_received", "appeal_officer_id",
            "preventive_visit_inspector_id", "sqlite_autoindex_person_1"}
    assert not names & kept
    every = {row[0] for row in district.db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
    assert kept <= every


@pytest.mark.parametrize(("incoming", "held", "worth"), [
    (19_999, 0, False), (20_000, 0, True), (60_000, 100_000, True), (60_000, 200_000, False)])
def test_a_group_sets_indexes_aside_when_it_brings_a_large_share(incoming, held, worth):
    assert bulk_indexes.worth_setting_aside(incoming, held) is worth


def test_a_first_consolidation_rebuilds_every_index_it_set_aside(offices, set_asides):
    district, points, out = offices
    paths = exports(points, out)
    before = schema(district)
    files = import_files(use(district), paths, trust_new=True).files
    assert [f.status for f in files] == [IMPORTED, IMPORTED]
    assert len(set_asides) == 1 and set_asides[0].indexes == []  # one group, all rebuilt
    assert schema(district) == before
    assert integrity(district) == ["ok"]
    for point in points:
        use(district)
        held = table_rows(district, "appeal", point.point_code)
        use(point)
        assert held.keys() == table_rows(point, "appeal").keys() and held
    use(district)
    assert district.search.persons("Сейтқалиева")  # the search index is whole too


def test_a_refused_file_brings_back_the_indexes_it_had_set_aside(offices, set_asides, tmp_path):
    district, points, out = offices
    good, spoilt = exports(points, out)
    broken = repack(spoilt, tmp_path / "ATY-018_broken.isync", keys_of(district),
                    keys_of(points[1]), edit=edit_records(
                        "person", lambda r: dict(r, birth_date="2999-01-01")))
    use(district)
    before = schema(district)
    files = import_files(district, [good, broken], trust_new=True).files
    assert [f.status for f in files] == [IMPORTED, REFUSED]
    assert len(set_asides) == 2  # the group again, without the refused file
    assert schema(district) == before
    assert integrity(district) == ["ok"]
    owners = {row["owner_point"] for row in table_rows(district, "person").values()}
    assert owners == {"ATY-017"}


def test_a_district_holding_much_more_keeps_its_indexes(offices, set_asides):
    district, points, out = offices
    (first,) = exports(points[:1], out)
    use(district)
    batch = import_files(district, [first], trust_new=True)
    assert batch.files[0].ok and len(set_asides) == 1
    use(points[0])
    assert not import_files(points[0], batch.written).refused  # acknowledged: next is small
    points[0].persons.create({"surname": "Ещё", "first_name": "Одна"})
    increment = export_package(points[0], out).path
    use(district)
    files = import_files(district, [increment]).files
    assert files[0].counts["person"]["new"] == 1
    assert len(set_asides) == 1 and integrity(district) == ["ok"]


def test_a_failed_index_build_rolls_the_group_back(offices, set_asides, monkeypatch):
    district, points, out = offices
    paths = exports(points, out)
    use(district)
    before, rows = schema(district), table_rows(district, "person")

    def disk_full(self):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(bulk_indexes.SetAside, "restore", disk_full)
    with pytest.raises(sqlite3.OperationalError):
        import_files(district, paths, trust_new=True)
    assert not district.db.in_transaction()
    assert schema(district) == before and table_rows(district, "person") == rows
    assert integrity(district) == ["ok"]
