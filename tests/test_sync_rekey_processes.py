"""Issue 18 with real processes: a point's new key followed at the region while other
processes write into the region file, and two processes importing the same forward at once."""

from __future__ import annotations

import shutil
import subprocess
import sys

from sync_fixtures import keys_of, use
from test_sync_rekey import forward, rekeyed  # noqa: F401 (the fixture)
from writers import REPO, finish_writer, persons_written, start_writer, wait_ready

from inspector_app.protection.integrity import check_database
from inspector_app.sync import rekey, state


def _import_process(db, folder, out) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "inspector_app", "--lang", "en", "--db", str(db), "import",
         "--dir", str(folder), "--out", str(out)], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, cwd=str(REPO))


def test_two_processes_import_the_same_key_change_while_a_third_writes(rekeyed):  # noqa: F811
    region, district, point, package, old, tmp = rekeyed
    new = keys_of(point).public.fingerprint
    [forwarded] = forward(district, [package], tmp / "up")
    db_path = tmp / "ATY-OBL.db"
    region.db.close()
    folders = []
    for name in ("a", "b"):
        (tmp / name).mkdir()
        (tmp / f"out_{name}").mkdir()
        shutil.copy2(forwarded, tmp / name / forwarded.name)
        folders.append(tmp / name)
    stop = tmp / "stop"
    writer = start_writer(db_path, "w", stop_file=stop)
    wait_ready(writer)
    try:
        importers = [_import_process(db_path, folder, tmp / f"out_{folder.name}")
                     for folder in folders]
        outputs = [process.communicate(timeout=300) for process in importers]
    finally:
        stop.touch()
    written = finish_writer(writer)
    for process, (out, err) in zip(importers, outputs, strict=True):
        assert process.returncode == 0, out + err
    summaries = sorted(out.strip().splitlines()[-1] for out, _ in outputs)
    assert summaries == ["Total: imported 0, already imported 1, refused 0.",
                         "Total: imported 1, already imported 0, refused 0."], outputs
    assert sum("has a new key, accepted by district ATY-ROP" in out for out, _ in outputs) == 1
    assert persons_written(db_path, "w") == written.ok
    from inspector_app.services.setup import open_services

    again = open_services(db_path)
    try:
        use(again)
        assert state.peer(again.db, "ATY-017").fingerprint == new
        assert [(c.old_fingerprint, c.new_fingerprint, c.district)
                for c in rekey.key_changes(again.db, "ATY-017")] == [(old, new, "ATY-ROP")]
        assert again.db.execute_sql('SELECT COUNT(*) FROM "audit_entry" WHERE action = ?',
                                    (rekey.AUDIT_ACTION,)).fetchone()[0] == 1
        assert check_database(again.db) == []
    finally:
        again.db.close()


def test_an_account_limited_to_a_district_enrols_ahead_only_its_districts_points(tmp_path):
    """At a region, an account limited to ATY-MAK may not bind a point to ATY-ROP ahead (it
    would shut out ATY-ROP's real point): refused, nothing written; its own district's goes."""
    from sync_fixtures import PASSWORD, db_file_bytes, make_district, make_point
    from test_sync_region import make_region, trust_each_other

    from inspector_app.sync.errors import OutsideTerritory
    from inspector_app.sync.trust import export_public_key, trust_key_file

    region = make_region(tmp_path)
    for code in ("ATY-ROP", "ATY-MAK"):
        folder = tmp_path / code
        folder.mkdir()
        district = make_district(folder, code=code)
        trust_each_other(region, district, folder)
        point = make_point(folder, f"{code}-1", district=district)
        export_public_key(point, tmp_path / f"{code}-1.pub")
        for services in (district, point):
            services.db.close()
    use(region)
    west = region.staff.create({"login": "west", "full_name": "Оператор Запад",
                                "role": "district_operator", "password": PASSWORD})
    region.territories.set(west.id, districts=["ATY-MAK"])
    region.login("west", PASSWORD)
    before = db_file_bytes(region)
    try:
        trust_key_file(region, tmp_path / "ATY-ROP-1.pub", district="ATY-ROP")
    except OutsideTerritory as error:
        assert error.params == {"point": "ATY-ROP-1", "district": "ATY-ROP"}
        assert "ATY-ROP" in error.message("kk") and error.message("kk") != error.message("ru")
    else:
        raise AssertionError("enrolled a point of a district outside the territory")
    assert db_file_bytes(region) == before and state.peer(region.db, "ATY-ROP-1") is None
    peer = trust_key_file(region, tmp_path / "ATY-MAK-1.pub", district="ATY-MAK")
    assert (peer.point_code, peer.district) == ("ATY-MAK-1", "ATY-MAK")
    region.db.close()
