"""A district on a PostgreSQL server (issue 18): the same demo region imported into a file
and into a throw-away server gives the same registers, stats and search; the CLI works on a
server URL. The server is the session's one cluster (``pg_server`` in conftest)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sync_fixtures import NOW

from bench.bench_sync import make_region_packages
from inspector_app.demo import create_demo_district
from inspector_app.domain.clock import FixedClock
from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.queries.search import Search
from inspector_app.queries.stats import compute
from inspector_app.queries.stats_series import monthly_series, overdue_checks
from inspector_app.queries.stats_sql import StatsScope
from inspector_app.services.setup import DISTRICT, FirstAccount, PointProfile, create_database
from inspector_app.storage.database import bind_models
from inspector_app.sync.importer import import_files

PASSWORD = "Distr-Secret-2026"
SEARCHES = ("жумаба", "Жұмабаев", "ер", "ерболулы", "ул. абая", "701", "+7 708", "87085",
            "ёлкин", "кайрат", "qwerty-absent")


class _Ctx:
    clock = FixedClock(NOW)


@pytest.fixture(scope="module")
def demo_region(tmp_path_factory) -> Path:
    """A small demo region (3 points, 2 years) in a file; its points' packages are cut from it."""
    folder = tmp_path_factory.mktemp("region")
    services = create_demo_district(folder / "region.db", 450, 3, 7, years=2,
                                    clock=FixedClock(NOW))
    services.db.close()
    return folder / "region.db"


def _district(target, folder: Path, region: Path):
    """A district at ``target`` (a file or a server URL) that imported every point's package."""
    folder.mkdir()
    district = create_database(target, PointProfile(code="ATY-ROP", name="ОП г. Атырау",
                                                    district="Атырау"),
                               FirstAccount("operator", "Оператор", PASSWORD), kind=DISTRICT,
                               clock=FixedClock(NOW))
    files, _total = make_region_packages(region, Path(district.db.database), folder / "pk", _Ctx)
    bind_models(district.db)
    batch = import_files(district, files, trust_new=True, outbox=folder / "back")
    assert all(f.ok for f in batch.files), [f.summary("en") for f in batch.files]
    return district


def _answers(services) -> dict:
    bind_models(services.db)
    answers = {}
    today = NOW.date()
    for name, register in REGISTERS.items():
        for filters in (Filters(today=today),
                        Filters(date_from=date(2026, 1, 1), date_to=date(2026, 6, 30),
                                today=today),
                        Filters(text="ер", today=today), Filters(text="жумаба", today=today)):
            rows = list(register.iter_rows(filters, chunk=97))
            answers[name, repr(filters)] = (register.count(filters), rows)
        for column in register.columns:
            if column.sort is not None:
                answers[name, "sorted", column.key] = register.page(
                    Filters(today=today), sort=column.key, descending=False, limit=40)
    search = Search(services.db)
    for text in SEARCHES:
        answers["persons", text] = [p.id for p in search.persons(text, limit=500)]
        answers["records", text] = sorted((h.kind, h.record_id)
                                         for h in search.records(text, limit=10_000))
    for scope in (StatsScope(date(2026, 1, 1), date(2026, 11, 25)),
                  StatsScope(date(2026, 5, 1), date(2026, 5, 31)),
                  StatsScope(date(2025, 1, 1), date(2026, 11, 25), point_codes=("ATY-002",))):
        answers["stats", repr(scope)] = compute(services, scope).to_dict("ru", services.catalogues)
        answers["series", repr(scope)] = monthly_series(services, scope)
        answers["overdue", repr(scope)] = overdue_checks(services, scope)
    return answers



def records_held(services) -> int:
    """The records of every synced kind the database holds (staff and points aside)."""
    from inspector_app.storage.models import SYNCED_MODELS

    tables = [m._meta.table_name for m in SYNCED_MODELS
              if m._meta.table_name not in ("staff", "point")]
    return sum(services.db.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0]
               for t in tables)

def test_same_region_same_answers_on_file_and_server(demo_region, pg_url, tmp_path):
    on_file = _district(tmp_path / "district.db", tmp_path / "f", demo_region)
    on_server = _district(pg_url, tmp_path / "s", demo_region)
    try:
        file_answers = _answers(on_file)
        server_answers = _answers(on_server)
        assert file_answers.keys() == server_answers.keys()
        differing = [key for key in file_answers if file_answers[key] != server_answers[key]]
        assert not differing, differing[:5]
        # not an empty comparison: the registers hold the region, the folding finds people
        everything = repr(Filters(today=NOW.date()))
        assert sum(file_answers[name, everything][0] for name in REGISTERS) > 400
        typed_russian = set(file_answers["persons", "жумаба"])
        assert typed_russian and typed_russian >= set(file_answers["persons", "Жұмабаев"])
    finally:
        on_file.db.close()
        on_server.db.close()


def _cli(*args: str, stdin: str = "", env_data: Path) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ, INSPECTOR_APP_DATA=str(env_data), INSPECTOR_LANG="ru")
    return subprocess.run([sys.executable, "-m", "inspector_app", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=120)


def _init_district(pg_url: str, data):
    """``inspector-cli init --district-office`` of the test district on the server."""
    return _cli("--db", pg_url, "init", "--district-office", "--point-code", "ATY-ROP",
                "--point-name", "ОП г. Атырау", "--district", "Атырау", "--login", "operator",
                "--name", "Оператор Отдела", "--password-stdin",
                stdin=f"{PASSWORD}\n{PASSWORD}\n", env_data=data)


def test_cli_creates_and_queries_a_server_district(pg_url, tmp_path):
    data = tmp_path / "data"
    made = _init_district(pg_url, data)
    assert made.returncode == 0, made.stderr
    assert "ATY-ROP" in made.stdout and "сервер" in made.stdout
    for command in (["users", "list"], ["sync-status"], ["check"],
                    ["stats", "--from", "01.01.2026", "--to", "30.06.2026"],
                    ["search", "жумабеков"]):
        done = _cli("--db", pg_url, "--user", "operator", "--user-password-stdin", *command,
                    stdin=PASSWORD + "\n", env_data=data)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    users = _cli("--db", pg_url, "--user", "operator", "--user-password-stdin", "users", "list",
                 stdin=PASSWORD + "\n", env_data=data)
    assert "operator" in users.stdout
    again = _cli("--db", pg_url, "init", "--district-office", "--point-code", "ATY-ROP",
                 "--point-name", "x", "--district", "x", "--login", "operator2", "--name", "x",
                 "--password-stdin", stdin=f"{PASSWORD}\n{PASSWORD}\n", env_data=data)
    assert again.returncode != 0  # an initialised server database is never initialised twice


def test_unreachable_server_is_a_clear_error(tmp_path):
    from pg_server import free_port

    done = _cli("--db", f"postgresql://nobody@127.0.0.1:{free_port()}/none", "--user",
                "operator", "--user-password-stdin", "users", "list", stdin="x\n",
                env_data=tmp_path)
    assert done.returncode != 0
    assert "Не удаётся подключиться к серверу базы данных" in done.stderr


def test_two_importers_at_once_into_one_server_district(demo_region, pg_url, tmp_path, monkeypatch):
    """Two real processes import different points' packages into the same server district
    at the same time: both finish, every file imported, every record there once."""
    data = tmp_path / "data"
    made = _init_district(pg_url, data)
    assert made.returncode == 0, made.stderr
    import os

    from inspector_app.storage.server import local_path
    monkeypatch.setenv("INSPECTOR_APP_DATA", str(data))  # the processes' key folder
    files, total = make_region_packages(demo_region, local_path(pg_url), tmp_path / "pk", _Ctx)
    halves = [[str(f) for f in files[0::2]], [str(f) for f in files[1::2]]]
    env = dict(os.environ, INSPECTOR_APP_DATA=str(data), INSPECTOR_LANG="en")
    importers = [subprocess.Popen(
        [sys.executable, "-m", "inspector_app", "--db", pg_url, "--user", "operator",
         "--user-password-stdin", "import", *half, "--trust-new"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env) for half in halves]
    for importer in importers:
        importer.stdin.write(PASSWORD + "\n")
        importer.stdin.close()
    outputs = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in importers]
    for code, out, err in outputs:
        assert code == 0, (out, err)
        assert f"imported {len(out.split('.isync: imported')) - 1}, already imported 0, " \
            "refused 0." in out, out
    from inspector_app.services.setup import open_services

    district = open_services(pg_url)
    try:
        synced = records_held(district)
        staff = district.db.execute_sql(
            "SELECT count(*) FROM staff WHERE owner_point <> 'ATY-ROP'").fetchone()[0]
        points = district.db.execute_sql(
            "SELECT count(*) FROM point WHERE is_district_office = 0").fetchone()[0]
        inbound = district.db.execute_sql("SELECT count(*) FROM sync_inbound").fetchone()[0]
        assert inbound == len(files) == 3
        assert synced + staff + points == total
        appeals = district.db.execute_sql(
            "SELECT count(*) FROM appeal WHERE deleted = 0").fetchone()[0]
    finally:
        district.db.close()
    # the district's reports and tables come from the server as from a file
    for command, out in ((["report", "activity", "--from", "01.01.2020", "--to", "25.11.2026"],
                          tmp_path / "act.pdf"),
                         (["export-table", "appeals", "--from", "01.01.2020", "--to",
                           "25.11.2026"], tmp_path / "appeals.xlsx")):
        done = _cli("--db", pg_url, "--user", "operator", "--user-password-stdin", *command,
                    "--out", str(out), stdin=PASSWORD + "\n", env_data=data)
        assert done.returncode == 0, done.stdout + done.stderr
        assert out.stat().st_size > 1000
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "appeals.xlsx").active
    assert sheet.max_row - 2 == appeals  # a title, the headings, then every live appeal


def test_copy_to_moves_a_district_onto_the_server(pg_url, tmp_path, monkeypatch):
    """copy-to: a district file with enrolled points goes onto an empty server database;
    the file is unchanged, check passes there, the answers are the same, and the points'
    next packages import into the server without a gap or a refusal."""
    from sync_fixtures import PASSWORD as POINT_PASSWORD
    from sync_fixtures import db_file_bytes, enrol_with_first_packages, export_each, region, use

    from inspector_app.services.setup import open_services
    from inspector_app.sync import state

    with region(tmp_path, ("ATY-017", "ATY-018")) as (district, points, out):
        enrol_with_first_packages(district, points, out)
        use(points[0])
        points[0].persons.create({"surname": "Сәрсенбаев", "first_name": "Ержан"})
        district_file = Path(district.db.database)
        before = db_file_bytes(district)
        district.db.close()
        copied = _cli("--db", str(district_file), "--user", "operator", "--user-password-stdin",
                      "copy-to", pg_url, stdin=POINT_PASSWORD + "\n", env_data=tmp_path / "d")
        assert copied.returncode == 0, copied.stderr
        assert "Скопировано" in copied.stdout
        again = _cli("--db", str(district_file), "--user", "operator", "--user-password-stdin",
                     "copy-to", pg_url, stdin=POINT_PASSWORD + "\n", env_data=tmp_path / "d")
        assert again.returncode != 0 and "не пуста" in again.stderr
        checked = _cli("--db", pg_url, "--user", "operator", "--user-password-stdin", "check",
                       stdin=POINT_PASSWORD + "\n", env_data=tmp_path / "d")
        assert checked.returncode == 0, checked.stdout + checked.stderr

        on_file = open_services(district_file, clock=FixedClock(NOW))
        assert db_file_bytes(on_file) == before  # the file stays as it was

        monkeypatch.setenv("INSPECTOR_APP_DATA", str(tmp_path / "d"))  # copy-to's key folder
        on_server = open_services(pg_url, clock=FixedClock(NOW))
        try:
            assert _answers(on_file) == _answers(on_server)
            bind_models(on_server.db)
            on_server.login("operator", POINT_PASSWORD)
            files = export_each(points, out)
            bind_models(on_server.db)
            batch = import_files(on_server, files, outbox=out / "back2")
            assert all(f.ok for f in batch.files), [f.summary("en") for f in batch.files]
            assert [f.kind for f in batch.files] == ["records", "records"]
            assert all(state.peer(on_server.db, p.point_code).gaps == [] for p in points)
            assert on_server.db.execute_sql(
                "SELECT count(*) FROM person WHERE surname = 'Сәрсенбаев'").fetchone()[0] == 1
        finally:
            on_file.db.close()
            on_server.db.close()


@pytest.mark.slow
def test_an_importer_killed_midway_loses_nothing_and_applies_nothing_twice(pg_url, tmp_path,
                                                                          monkeypatch):
    """Two importers at once; one is killed (SIGKILL) while it imports. The other finishes;
    importing every file again afterwards applies each exactly once."""
    import os
    import signal
    import time

    region_file = tmp_path / "region.db"
    create_demo_district(region_file, 6000, 4, 3, years=2, clock=FixedClock(NOW)).db.close()
    data = tmp_path / "data"
    made = _init_district(pg_url, data)
    assert made.returncode == 0, made.stderr
    from inspector_app.storage.server import local_path

    monkeypatch.setenv("INSPECTOR_APP_DATA", str(data))
    files, total = make_region_packages(region_file, local_path(pg_url), tmp_path / "pk", _Ctx)
    env = dict(os.environ, INSPECTOR_APP_DATA=str(data), INSPECTOR_LANG="en")

    def importer(paths, name="importer"):
        env["PGAPPNAME"] = name  # its connection's application_name on the server
        process = subprocess.Popen(
            [sys.executable, "-m", "inspector_app", "--db", pg_url, "--user", "operator",
             "--user-password-stdin", "import", *map(str, paths), "--trust-new"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=env, start_new_session=True)
        process.stdin.write(PASSWORD + "\n")
        process.stdin.close()
        return process

    killed, survivor = importer(files[0::2], "killed"), importer(files[1::2])
    import psycopg

    from inspector_app.storage.server import POINT_LOCK_CLASS, connect_params

    with psycopg.connect(**connect_params(pg_url), autocommit=True) as watch:
        for _ in range(1200):  # until the one to kill holds a point's lock: it is importing
            if watch.execute(
                    "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                    "WHERE a.application_name = 'killed' AND l.locktype = 'advisory' "
                    "AND l.granted AND l.classid = %s", (POINT_LOCK_CLASS,)).fetchone()[0]:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the importer never began its import")
        time.sleep(0.3)
        os.killpg(killed.pid, signal.SIGKILL)  # with its preparing worker
        killed.wait(timeout=60)
        assert killed.stdout.read() == ""  # it never finished its batch
    killed.wait(timeout=60)
    assert survivor.wait(timeout=300) == 0, survivor.stderr.read()
    again = importer(files)
    out = again.stdout.read()
    assert again.wait(timeout=300) == 0, out + again.stderr.read()
    assert out.count(".isync: imported") + out.count(".isync: already imported") == len(files), out
    from inspector_app.services.setup import open_services

    district = open_services(pg_url)
    try:
        held = records_held(district)
        held += district.db.execute_sql(
            "SELECT count(*) FROM staff WHERE owner_point <> 'ATY-ROP'").fetchone()[0]
        held += district.db.execute_sql(
            "SELECT count(*) FROM point WHERE is_district_office = 0").fetchone()[0]
        assert held == total
        assert district.db.execute_sql("SELECT count(*) FROM sync_inbound").fetchone()[0] == 4
    finally:
        district.db.close()


def test_server_backup_is_a_verified_pg_dump_in_rotation(demo_region, pg_url, tmp_path,
                                                         monkeypatch):
    """``backup`` of a server database: a custom-format pg_dump, restored into a scratch
    database to verify it, with manifest and keys; listed; ``restore`` loads it into a new,
    empty database (never over a working one) that gives the same answers, with the keys,
    and refuses a dump that does not match its manifest."""
    import json

    district = _district(pg_url, tmp_path / "d", demo_region)
    district.db.close()
    folder = tmp_path / "backups"
    import os

    data = Path(os.environ["INSPECTOR_APP_DATA"])  # where the district's keys were made
    done = _cli("--db", pg_url, "--user", "operator", "--user-password-stdin", "backup",
                "--folder", str(folder), stdin=PASSWORD + "\n", env_data=data)
    assert done.returncode == 0, done.stdout + done.stderr
    (dump,) = folder.glob("inspector-ATY-ROP-*.pgdump")
    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    manifest = json.loads(dump.with_name(dump.name + ".json").read_text(encoding="utf-8"))
    assert manifest["point_code"] == "ATY-ROP" and manifest["counts"]["appeal"] > 0
    from inspector_app.sync.keys import ENCRYPTION_FILE, SIGNING_FILE

    kept_keys = dump.with_name(dump.name + ".sync-keys")
    assert sorted(p.name for p in kept_keys.iterdir()) == sorted((ENCRYPTION_FILE, SIGNING_FILE))
    listed = _cli("--db", pg_url, "backup", "--list", "--folder", str(folder), env_data=data)
    assert dump.name in listed.stdout
    with psycopg_admin(pg_url) as admin:  # only the dumps it made are in the server
        names = [n for (n,) in admin.execute("SELECT datname FROM pg_database").fetchall()]
        assert not [n for n in names if "_verify_" in n]

    def restore(url: str):
        return _cli("--db", url, "restore", str(dump), env_data=data)

    refused = restore(pg_url)  # never over a working database
    assert refused.returncode == 1 and "не пуста" in refused.stderr
    restored_url = pg_url.rsplit("/", 1)[0] + "/restored_copy"
    tampered_url = pg_url.rsplit("/", 1)[0] + "/restored_tampered"
    with psycopg_admin(pg_url) as admin:
        admin.execute('CREATE DATABASE "restored_copy"')
        admin.execute('CREATE DATABASE "restored_tampered"')
    done = restore(restored_url)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "сверены с манифестом" in done.stdout and "ATY-ROP" in done.stdout
    from inspector_app.storage.server import local_path
    from inspector_app.sync.keys import keys_dir

    def keys_of_url(url: str) -> dict:
        folder = keys_dir(local_path(url))
        return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.is_dir() else {}

    monkeypatch.setenv("INSPECTOR_APP_DATA", str(data))
    assert keys_of_url(restored_url) == keys_of_url(pg_url) != {}  # the district's own keys
    manifest["counts"]["appeal"] += 1  # a manifest that does not match the dump
    dump.with_name(dump.name + ".json").write_text(json.dumps(manifest), encoding="utf-8")
    differs = restore(tampered_url)
    assert differs.returncode == 1 and "не содержит того, что указано" in differs.stderr
    assert keys_of_url(tampered_url) == {}  # not installed for a database that differs
    from inspector_app.services.setup import open_services

    original, restored = open_services(pg_url), open_services(restored_url)
    try:
        assert _answers(original) == _answers(restored)
    finally:
        original.db.close()
        restored.db.close()


def psycopg_admin(url: str):
    import psycopg

    from inspector_app.storage.server import connect_params

    return psycopg.connect(**dict(connect_params(url), dbname="postgres"), autocommit=True)


def test_files_of_one_point_follow_each_other_across_importers(pg_url, tmp_path, monkeypatch):
    """Two importers given the same point's two packages in opposite orders at the same time:
    the point's lock makes them take turns; each package is applied once (the other importer
    finds it imported), nothing is refused and no gap is left."""
    import os

    from sync_fixtures import make_point, use

    from inspector_app.services.setup import open_services
    from inspector_app.sync import state
    from inspector_app.sync.export import export_package

    data = tmp_path / "data"
    monkeypatch.setenv("INSPECTOR_APP_DATA", str(data))
    district = create_database(pg_url, PointProfile(code="ATY-ROP", name="ОП г. Атырау",
                                                    district="Атырау"),
                               FirstAccount("operator", "Оператор", PASSWORD), kind=DISTRICT,
                               clock=FixedClock(NOW))
    point = make_point(tmp_path, "ATY-017", district=district)
    district.db.close()
    out = tmp_path / "out"
    out.mkdir()
    use(point)
    packages = []
    for surname in ("Сейтқалиев", "Жұмабаев"):
        for n in range(40):
            point.persons.create({"surname": f"{surname}{n}", "first_name": "Ержан"})
        packages.append(export_package(point, out).path)
    point.db.close()
    env = dict(os.environ, INSPECTOR_APP_DATA=str(data), INSPECTOR_LANG="en")
    importers = [subprocess.Popen(
        [sys.executable, "-m", "inspector_app", "--db", pg_url, "--user", "operator",
         "--user-password-stdin", "import", *map(str, order), "--trust-new"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env) for order in (packages, packages[::-1])]
    for importer in importers:
        importer.stdin.write(PASSWORD + "\n")
        importer.stdin.close()
    outputs = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in importers]
    for code, out_text, err in outputs:
        assert code == 0, (out_text, err)
        assert "refused 0." in out_text, out_text
    together = "".join(out_text for _, out_text, _ in outputs)
    assert together.count(".isync: imported") == 2, together
    assert together.count(".isync: already imported") == 2, together
    assert not [p for p in point_poll(pg_url) if p]  # no gaps left
    services = open_services(pg_url)
    try:
        assert services.db.execute_sql(
            "SELECT count(*) FROM person WHERE owner_point = 'ATY-017'").fetchone()[0] == 80
        assert state.peer(services.db, "ATY-017").last_export_no == 2
    finally:
        services.db.close()


def point_poll(url: str) -> list:
    """The gaps the district sees in each point's packages."""
    from inspector_app.services.setup import open_services
    from inspector_app.sync import state

    services = open_services(url)
    try:
        return [peer.gaps for peer in state.peers(services.db)]
    finally:
        services.db.close()


def test_without_the_driver_a_server_url_says_what_to_install(monkeypatch):
    """A point's installation (no psycopg) names the extra to install, not a traceback."""
    from inspector_app.errors import DatabaseError
    from inspector_app.storage.database import open_database

    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg: ImportError
    with pytest.raises(DatabaseError) as raised:
        open_database("postgresql://rop@127.0.0.1:1/rop")
    assert raised.value.code == "error.server_driver_missing"
    assert 'pip install "inspector-app[server]"' in raised.value.message("en")


def test_a_refused_unique_key_is_told_apart_on_both_engines(pg_url):
    """The import's conflict check knows a unique key's refusal from any other error, from
    sqlite3 and from the server's driver, without importing the driver for a file."""
    import sqlite3

    from inspector_app.storage.dialect import is_integrity_error
    from inspector_app.storage.server import connect_params

    def refusal(connection, table_sql: str) -> BaseException:
        cursor = connection.cursor()
        cursor.execute(table_sql)
        cursor.execute("INSERT INTO taken VALUES (1)")
        with pytest.raises(Exception) as raised:
            cursor.execute("INSERT INTO taken VALUES (1)")
        return raised.value

    file = sqlite3.connect(":memory:")
    assert is_integrity_error(refusal(file, "CREATE TABLE taken (id INTEGER PRIMARY KEY)"))
    import psycopg

    with psycopg.connect(**connect_params(pg_url), autocommit=True) as server:
        error = refusal(server, "CREATE TEMPORARY TABLE taken (id INTEGER PRIMARY KEY)")
        assert is_integrity_error(error)
        with pytest.raises(Exception) as other:
            server.cursor().execute("SELECT * FROM no_such_table")
        assert not is_integrity_error(other.value)
    assert not is_integrity_error(sqlite3.OperationalError("database is locked"))
