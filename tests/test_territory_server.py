"""Issue 18 on a real PostgreSQL server: the territory is held by row-level security too.

The district's database is owned by an ordinary role (as a district's would be), the program
connects as that role. A limited operator's connection answers raw SQL with the territory's
rows only, in every thread; a superuser's is not held (what docs/territory.md says). Two real
processes of two operators import their own points' packages at the same time; a foreign
point's package is refused; a backup as the owner still holds every row.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import peewee
import psycopg
import pytest
from sync_fixtures import NOW

from bench.bench_sync import make_region_packages
from inspector_app.demo import create_demo_district
from inspector_app.domain.clock import FixedClock
from inspector_app.services.setup import (
    DISTRICT,
    FirstAccount,
    PointProfile,
    create_database,
    open_services,
)
from inspector_app.storage.database import bind_models
from inspector_app.storage.server import ServerProfile, local_path
from inspector_app.sync.importer import import_files

ROLE, SERVER_PASSWORD = "district_owner", "Own-Pass-2026"
PASSWORD = "Terr-Secret-2026"
TABLES = ("appeal", "person", "offence", "preventive_visit", "registration", "staff", "point")


class _Ctx:
    clock = FixedClock(NOW)


@pytest.fixture(scope="module")
def region(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("region")
    services = create_demo_district(folder / "region.db", 450, 3, 7, years=2,
                                    clock=FixedClock(NOW))
    services.db.close()
    return folder / "region.db"


@pytest.fixture(scope="module")
def owner(pg_server):
    pg_server.add_login(ROLE, SERVER_PASSWORD)
    with pg_server._admin() as conn:
        conn.execute(f'ALTER ROLE "{ROLE}" CREATEDB')  # the backup's scratch database
    return pg_server


def _server_district(server, region: Path, folder: Path):
    """A district on the server owned by :data:`ROLE`, its keys in ``folder``; the region's
    packages addressed to it; accounts ``north`` and ``south`` limited to a point each."""
    url = server.new_database(owner=ROLE)
    url = ServerProfile(server.host, server.port, url.rsplit("/", 1)[1], ROLE).url(
        SERVER_PASSWORD)
    services = create_database(url, PointProfile("ATY-ROP", "ОП г. Атырау", "Атырау"),
                               FirstAccount("operator", "Оператор", PASSWORD), kind=DISTRICT,
                               clock=FixedClock(NOW))
    files, _total = make_region_packages(region, local_path(url), folder / "pk", _Ctx)
    codes = [f.name.split("_")[0] for f in files]
    for login, code in (("north", codes[0]), ("south", codes[1])):
        staff = services.staff.create({"login": login, "full_name": f"Оператор {login}",
                                       "role": "district_operator", "password": PASSWORD})
        services.territories.set(staff.id, [code])
    return services, url, files, codes


def _rows(db, sql: str) -> list:
    return [tuple(row) for row in db.execute_sql(sql).fetchall()]


def test_raw_sql_of_a_limited_operator_reads_only_the_territory(owner, region, tmp_path,
                                                                monkeypatch):
    monkeypatch.setenv("INSPECTOR_APP_DATA", str(tmp_path / "data"))
    services, url, files, (north_point, south_point, third) = _server_district(
        owner, region, tmp_path)
    try:
        bind_models(services.db)
        batch = import_files(services, files, trust_new=True, outbox=tmp_path / "back")
        assert all(f.ok for f in batch.files)
        every = {t: _rows(services.db, f'SELECT owner_point, count(*) FROM "{t}" '
                                       "GROUP BY owner_point ORDER BY 1") for t in TABLES}
        assert {code for code, _n in every["appeal"]} == {north_point, south_point, third}
        services.login("north", PASSWORD)
        # raw SQL, no filter written: the server's policies keep the rows to the territory
        for table in TABLES:
            seen = _rows(services.db, f'SELECT owner_point, count(*) FROM "{table}" '
                                      "GROUP BY owner_point ORDER BY 1")
            assert seen == [row for row in every[table]
                            if row[0] in (north_point, "ATY-ROP")], table
        # a write outside the territory touches nothing, and one cannot add a foreign row
        changed = services.db.execute_sql(
            "UPDATE appeal SET substance = 'x' WHERE owner_point = ?", (south_point,))
        assert changed.rowcount == 0
        with pytest.raises(peewee.ProgrammingError, match="row-level security"), \
                services.db.atomic():
            services.db.execute_sql(
                "UPDATE appeal SET owner_point = ? WHERE owner_point = ?",
                (south_point, north_point))
        # another thread's connection of the same session is held as well
        seen_there = []
        worker = threading.Thread(target=lambda: seen_there.extend(_rows(
            services.db, "SELECT DISTINCT owner_point FROM appeal")))
        worker.start()
        worker.join()
        assert seen_there == [(north_point,)]
        # after a rolled-back transaction the limit still holds
        with services.db.atomic() as transaction:
            services.db.execute_sql("SELECT 1")
            transaction.rollback()
        assert _rows(services.db, "SELECT DISTINCT owner_point FROM appeal") == [
            (north_point,)]
        # the server's superuser is not held by row-level security (docs/territory.md)
        with psycopg.connect(host=owner.host, port=owner.port, user=owner.user,
                             dbname=url.rsplit("/", 1)[1]) as admin:
            assert admin.execute("SELECT count(DISTINCT owner_point) FROM appeal"
                                 ).fetchone() == (3,)
        # logging out (no session: the owner acting, as the CLI without --user) sees all
        services.session = None
        assert _rows(services.db, "SELECT count(DISTINCT owner_point) FROM appeal") == [(3,)]
        from inspector_app.protection.server_backup import create_server_backup

        info = create_server_backup(url, tmp_path / "backups", clock=FixedClock(NOW))
        assert info.counts["appeal"] == sum(n for _code, n in every["appeal"])
    finally:
        services.db.close()


def _cli(url: str, login: str, *args: str, data: Path) -> subprocess.Popen:
    env = dict(os.environ, INSPECTOR_APP_DATA=str(data), INSPECTOR_LANG="en")
    process = subprocess.Popen(
        [sys.executable, "-m", "inspector_app", "--db", url, "--user", login,
         "--user-password-stdin", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=env)
    process.stdin.write(PASSWORD + "\n")
    process.stdin.close()
    return process


def test_two_operators_import_their_own_points_at_once(owner, region, tmp_path, monkeypatch):
    """Two real processes, one per operator, import their own point's package into the same
    server district at the same time (the policies check every row they write): both
    finish; a third's package is refused to either; every record is there once."""
    data = tmp_path / "data"
    monkeypatch.setenv("INSPECTOR_APP_DATA", str(data))
    services, url, files, (north_point, south_point, third) = _server_district(
        owner, region, tmp_path)
    services.db.close()
    processes = [_cli(url, "north", "import", str(files[0]), str(files[2]), "--trust-new",
                      data=data),
                 _cli(url, "south", "import", str(files[1]), "--trust-new", data=data)]
    outputs = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in processes]
    (north_code, north_out, north_err), (south_code, south_out, south_err) = outputs
    assert south_code == 0, south_out + south_err
    assert "imported 1, already imported 0, refused 0." in south_out
    assert north_code == 1  # the third point's file is refused
    assert "imported 1, already imported 0, refused 1." in north_out
    assert f"{files[2].name}: refused" in north_err
    assert f"Point {third} is not in your territory" in north_err
    district = open_services(url)
    try:
        held = _rows(district.db, "SELECT owner_point, count(*) FROM appeal GROUP BY 1 "
                                  "ORDER BY 1")
        assert [code for code, _n in held] == [north_point, south_point]
        source = __import__("sqlite3").connect(region)
        for code, count in held:
            assert count == source.execute("SELECT count(*) FROM appeal WHERE owner_point = ?",
                                           (code,)).fetchone()[0]
        assert _rows(district.db, "SELECT point_code FROM sync_peer WHERE role = 'point' "
                                  "ORDER BY 1") == [(north_point,), (south_point,)]
        (north_appeals,) = district.db.execute_sql(
            "SELECT count(*) FROM appeal WHERE deleted = 0 AND owner_point = ?",
            (north_point,)).fetchone()
    finally:
        district.db.close()
    # north's reports, tables and status, from the command line: north's point alone
    period = ("--from", "01.01.2020", "--to", "25.11.2026")
    for command in (["report", "district", *period, "--out", str(tmp_path / "sum.pdf")],
                    ["export-table", "appeals", *period, "--out", str(tmp_path / "a.xlsx")],
                    ["sync-status"]):
        process = _cli(url, "north", *command, data=data)
        code, out, err = process.wait(timeout=120), process.stdout.read(), process.stderr.read()
        assert code == 0, out + err
        if command[0] == "sync-status":
            assert north_point in out and south_point not in out, out
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "sum.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert north_point in text and south_point not in text
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    assert sheet.max_row - 2 == north_appeals > 0  # a title, the headings, north's appeals


def test_a_region_account_of_a_district_imports_its_new_point_on_the_server(owner, tmp_path,
                                                                           monkeypatch):
    """At a region on the server, an account limited to a district imports a new point of
    that district: the row-level security lets the point's rows in from that package on."""
    from sync_fixtures import PASSWORD as CHAIN_PASSWORD
    from sync_fixtures import fill_point, make_district, make_point, use
    from test_sync_region import forward, trust_each_other

    from inspector_app.services.setup import REGION
    from inspector_app.sync.export import export_package
    from inspector_app.sync.results import IMPORTED

    monkeypatch.setenv("INSPECTOR_APP_DATA", str(tmp_path / "data"))
    url = owner.new_database(owner=ROLE)
    url = ServerProfile(owner.host, owner.port, url.rsplit("/", 1)[1], ROLE).url(
        SERVER_PASSWORD)
    region = create_database(url, PointProfile("ATY-OBL", "ДП Атырауской области", "Атырау"),
                             FirstAccount("operator", "Оператор", CHAIN_PASSWORD), kind=REGION,
                             clock=FixedClock(NOW))
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district)
    try:
        trust_each_other(region, district, tmp_path)
        fill_point(point)
        package = export_package(point, tmp_path).path
        use(district)
        assert import_files(district, [package], trust_new=True,
                            outbox=tmp_path / "b").files[0].ok
        (tmp_path / "up").mkdir()
        forwarded = forward(district, [package], tmp_path / "up")
        use(region)
        west = region.staff.create({"login": "west", "full_name": "Оператор Запад",
                                    "role": "district_operator", "password": CHAIN_PASSWORD})
        region.territories.set(west.id, districts=["ATY-ROP"])
        region.login("west", CHAIN_PASSWORD)
        assert region.session.territory.points == {"ATY-OBL"}  # no point of it yet
        batch = import_files(region, forwarded, trust_new=True, outbox=tmp_path / "down")
        assert batch.files[0].status == IMPORTED, batch.files[0].summary("en")
        assert _rows(region.db, "SELECT DISTINCT owner_point FROM appeal") == [("ATY-017",)]
        region.login("west", CHAIN_PASSWORD)
        assert _rows(region.db, "SELECT DISTINCT owner_point FROM appeal") == [("ATY-017",)]
    finally:
        for services in (region, district, point):
            services.db.close()
