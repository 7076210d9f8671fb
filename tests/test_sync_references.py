"""Every reference of an imported record is checked by the services' rules.

The import writes with SQLite's foreign-key check off (see ``importer.batch_settings``), so
these rules are what keeps a reference from naming a record the district does not hold.
"""

from __future__ import annotations

import pytest
from sync_fixtures import (
    db_file_bytes,
    edit_records,
    fill_point,
    keys_of,
    make_district,
    make_point,
    repack,
    table_rows,
    use,
)

from inspector_app.sync.codec import CODECS
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files

REFERENCES = [(codec.table, column) for codec in CODECS.values()
              for column in codec.columns if column.kind == "ref"]
MISSING = "f" * 32


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("references")
    district = make_district(folder)
    point = make_point(folder, "ATY-017", district=district)
    fill_point(point)
    use(point)
    out = folder / "out"
    out.mkdir()
    return district, point, export_package(point, out).path


def test_every_foreign_key_of_the_schema_is_covered(world):
    district = use(world[0])
    declared = {(codec.table, row[3]) for codec in CODECS.values() for row in
                district.db.execute_sql(f'PRAGMA foreign_key_list("{codec.table}")').fetchall()}
    assert declared == {(table, column.name) for table, column in REFERENCES}


@pytest.mark.parametrize("table, column", REFERENCES,
                         ids=[f"{table}.{column.name}" for table, column in REFERENCES])
def test_a_reference_to_a_missing_record_is_refused_by_name(world, table, column, tmp_path):
    district, point, genuine = world
    hostile = repack(genuine, tmp_path / genuine.name, keys_of(district), keys_of(point),
                     edit=edit_records(table, lambda r: dict(r, **{column.name: MISSING})))
    use(district)
    before = db_file_bytes(district)
    result = import_files(district, [hostile], trust_new=True, keep_refused=False).files[0]
    assert result.error is not None and result.error.code == "sync.invalid_record"
    assert [(e.field, e.code) for e in result.error.errors] == [(column.field, "v.not_found")]
    assert db_file_bytes(district) == before
    assert table_rows(district, table, "ATY-017") == {}


def test_the_genuine_package_imports_with_every_reference_intact(world):
    district, _, genuine = world
    use(district)
    assert import_files(district, [genuine], trust_new=True).files[0].ok
    for table, column in REFERENCES:
        target = column.target._meta.table_name
        dangling = district.db.execute_sql(
            f'SELECT count(*) FROM "{table}" t WHERE t."{column.name}" IS NOT NULL AND NOT '
            f'EXISTS (SELECT 1 FROM "{target}" r WHERE r.id = t."{column.name}")').fetchone()[0]
        assert dangling == 0, (table, column.name)
    assert district.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
