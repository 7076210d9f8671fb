"""Issue 18: an operator sees only the points of their own territory (SQLite district).

One demo district that imported two points' packages; two operators limited to one point
each. Registers, search, stats, the district summary, the spreadsheet export and the points
overview each show only the operator's point; a package of a point outside the territory is
refused with nothing written; the territory's change is audited. The server's row-level
security is in ``tests/test_territory_server.py``.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sync_fixtures import NOW
from test_sync_region import chain  # noqa: F401 (a fixture)

from bench.bench_sync import make_region_packages
from inspector_app.demo import create_demo_district
from inspector_app.domain.clock import FixedClock
from inspector_app.errors import NotFound, PermissionDenied, ValidationError
from inspector_app.kinds import KINDS
from inspector_app.queries.export_table import export_register
from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.queries.stats import compute, compute_summary
from inspector_app.queries.stats_series import monthly_series, overdue_checks
from inspector_app.queries.stats_sql import StatsScope
from inspector_app.reports.district import summary_points
from inspector_app.services.setup import (
    DISTRICT,
    FirstAccount,
    PointProfile,
    create_database,
    open_services,
)
from inspector_app.storage.database import bind_models
from inspector_app.storage.models import Appeal, AuditEntry
from inspector_app.storage.territory import territory_of
from inspector_app.sync import state
from inspector_app.sync.importer import import_files
from inspector_app.sync.overview import points_overview
from inspector_app.sync.results import DUPLICATE, IMPORTED, REFUSED

PASSWORD = "Terr-Secret-2026"
SCOPE = StatsScope(date(2025, 1, 1), date(2026, 11, 25), today=NOW.date())


class _Ctx:
    clock = FixedClock(NOW)


def territory_district(folder: Path):
    """A district file holding two of a demo region's three points (the third's package
    kept back), with operators ``north`` (first point) and ``south`` (second point)."""
    region = create_demo_district(folder / "region.db", 450, 3, 7, years=2,
                                  clock=FixedClock(NOW))
    region.db.close()
    services = create_database(folder / "district.db",
                               PointProfile(code="ATY-ROP", name="ОП г. Атырау",
                                            district="Атырау"),
                               FirstAccount("operator", "Оператор", PASSWORD), kind=DISTRICT,
                               clock=FixedClock(NOW))
    files, _total = make_region_packages(folder / "region.db", Path(services.db.database),
                                         folder / "pk", _Ctx)
    bind_models(services.db)
    batch = import_files(services, files[:2], trust_new=True, outbox=folder / "back")
    assert all(f.ok for f in batch.files)
    codes = [f.point for f in batch.files]
    for login, code in (("north", codes[0]), ("south", codes[1])):
        staff = services.staff.create({"login": login, "full_name": f"Оператор {login}",
                                       "role": "district_operator", "password": PASSWORD})
        services.territories.set(staff.id, [code])
    return services, codes, files


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    services, codes, files = territory_district(tmp_path_factory.mktemp("territory"))
    yield services, codes, files
    services.db.close()


def _as(services, login: str | None):
    if login is None:
        services.session = None
    else:
        services.login(login, PASSWORD)
    return services


def test_each_operator_sees_only_their_points(district, tmp_path):
    services, (north_point, south_point), _files = district
    every = {}
    _as(services, None)
    for name, register in REGISTERS.items():
        every[name] = register.count(Filters(today=NOW.date()))
    assert every["appeals"] > 0 and every["persons"] > 0
    whole = compute(services, SCOPE).to_dict("ru", services.catalogues)
    seen = {}
    for login, own, other in (("north", north_point, south_point),
                              ("south", south_point, north_point)):
        _as(services, login)
        assert services.session.territory.points == {own, "ATY-ROP"}
        for name, register in REGISTERS.items():
            rows = list(register.iter_rows(Filters(today=NOW.date()), chunk=500))
            seen[login, name] = len(rows)
            assert {row["owner_point"] for row in rows} <= {own}, name
            assert register.count(Filters(today=NOW.date())) == len(rows)
            # asking for the other point by name gives nothing
            assert register.count(Filters(point_code=other, today=NOW.date())) == 0
        # search: persons and records of the own point only
        people = services.search.persons("а", limit=10_000)
        assert people and {p.owner_point for p in people} == {own}
        hits = services.search.records("а", limit=10_000)
        assert hits
        for hit in hits:
            model = KINDS[hit.kind].model
            assert model.get_by_id(hit.record_id).owner_point == own
        assert REGISTERS["appeals"].count(Filters(text="а", today=NOW.date())) == len(
            [h for h in hits if h.kind == "appeal"])
        # stats: the territory's figures are the own point's, whatever is asked
        mine = compute(services, SCOPE).to_dict("ru", services.catalogues)
        asked_other = compute(services, StatsScope(SCOPE.date_from, SCOPE.date_to,
                                                   point_codes=(other,), today=SCOPE.today))
        _as(services, None)
        alone = compute(services, StatsScope(SCOPE.date_from, SCOPE.date_to,
                                             point_codes=(own,), today=SCOPE.today))
        series = monthly_series(services, alone.scope)
        overdue = overdue_checks(services, alone.scope)
        _as(services, login)
        assert mine == alone.to_dict("ru", services.catalogues) != whole
        assert asked_other.value("appeals") == 0
        assert monthly_series(services, SCOPE) == series
        assert overdue_checks(services, SCOPE) == overdue
        # the district summary: one row, the own point
        assert [p.code for p in summary_points(services)] == [own]
        total, per_point = compute_summary(services, SCOPE)
        assert set(per_point) == {own}
        # the spreadsheet export: every row is the own point's
        out = tmp_path / f"{login}.csv"
        written = export_register(services, REGISTERS["appeals"], Filters(today=NOW.date()), out,
                                  title=False)
        with open(out, encoding="utf-8-sig", newline="") as f:
            lines = list(csv.reader(f, delimiter=";"))
        assert written == seen[login, "appeals"] == len(lines) - 1 > 0
        # the points overview (Points page, sync-status)
        assert [p.point_code for p in points_overview(services)] == [own]
        # the services' own reads: the register's point filter list, a record by its id
        assert {p.code for p in services.points.live()} == {own, "ATY-ROP"}
        foreign = Appeal.get(Appeal.owner_point == other).id
        with pytest.raises(NotFound):
            services.appeals.get(foreign)
    for name in REGISTERS:
        if name not in ("staff",):
            assert seen["north", name] + seen["south", name] == every[name], name
    _as(services, None)


def test_a_foreign_points_package_is_refused_and_nothing_written(district):
    services, (north_point, south_point), files = district
    third = files[2]
    _as(services, None)
    peers_before = len(state.peers(services.db))
    appeals_before = REGISTERS["appeals"].count(Filters())
    _as(services, "north")
    batch = import_files(services, [third, files[1]], trust_new=True)
    third_result, south_result = batch.files
    assert third_result.status == south_result.status == REFUSED
    assert third_result.kept_at is None  # a sound file: another operator imports it
    for result in batch.files:
        line = result.summary("ru")
        assert result.path.name in line and result.point in line
        assert "не входит в вашу территорию" in line
    assert "is not in your territory" in third_result.summary("en")
    _as(services, None)
    assert len(state.peers(services.db)) == peers_before  # not enrolled either
    assert REGISTERS["appeals"].count(Filters()) == appeals_before
    # the territory's own point passes the check (already imported: a duplicate)
    _as(services, "north")
    assert import_files(services, [files[0]]).files[0].status == DUPLICATE
    # the third point given to south before its first package: south imports it
    _as(services, None)
    third_point = third.name.split("_")[0]
    services.territories.set(services.staff.by_login("south").id, [south_point, third_point])
    _as(services, "south")
    assert import_files(services, [third], trust_new=True).files[0].status == IMPORTED
    assert {p.point_code for p in points_overview(services)} == {south_point, third_point}
    _as(services, None)


def test_territory_is_the_administrators_and_audited(district):
    services, (north_point, _south), _files = district
    _as(services, None)
    north = services.staff.by_login("north")
    _as(services, "north")
    with pytest.raises(PermissionDenied):
        services.territories.set(north.id, [])
    _as(services, None)
    with pytest.raises(ValidationError) as refused:
        services.territories.set(north.id, ["ATY-ROP", "not a code"])
    assert "ATY-ROP" in refused.value.message("ru") and "not a code" in refused.value.message("ru")
    admin = services.staff.create({"login": "chief", "full_name": "Начальник Отдела",
                                   "role": "administrator", "password": PASSWORD})
    with pytest.raises(ValidationError, match="administrator"):
        services.territories.set(admin.id, [north_point])
    _as(services, "chief")
    services.territories.set(north.id, [])  # no limit any more
    entry = (AuditEntry.select().where((AuditEntry.action == "territory")
                                       & (AuditEntry.record_id == north.id))
             .order_by(AuditEntry.id.desc()).first())
    assert entry.actor == "chief" and north_point in entry.old_values
    assert '"points": []' in entry.new_values
    _as(services, "north")
    assert not services.session.territory.limited
    _as(services, None)
    services.territories.set(north.id, [north_point])
    # made an administrator later: the territory no longer limits it
    services.staff.update(north.id, {"role": "administrator"})
    assert _as(services, "north").session.territory.limited is False
    _as(services, None)
    services.staff.update(north.id, {"role": "district_operator"})
    assert _as(services, "north").session.territory.points == {north_point, "ATY-ROP"}
    _as(services, None)


def test_the_users_command_sets_and_lists_a_territory(tmp_path, monkeypatch, capsys):
    from test_cli import run

    monkeypatch.delenv("INSPECTOR_LANG", raising=False)
    path = tmp_path / "rop.db"
    services = create_database(path, PointProfile(code="ATY-ROP", name="ОП г. Атырау",
                                                  district="Атырау"),
                               FirstAccount("operator", "Оператор", PASSWORD), kind=DISTRICT)
    services.db.close()

    def cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        return run(["--db", str(path), *argv], stdin, monkeypatch, capsys)

    code, out, err = cli("users", "add", "--login", "north", "--name", "Оператор Север",
                         "--role", "district_operator", "--password-stdin",
                         stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 0, err
    # points still to send their first package may be named (their operator imports them)
    code, out, err = cli("users", "territory", "--login", "north", "--points",
                         "ATY-001, ATY-002")
    assert (code, err) == (0, "")
    assert "Территория north: пункты ATY-001, ATY-002. Действует со следующего входа." in out
    code, out, _err = cli("users", "list")
    lines = dict(line.split("\t", 1) for line in out.splitlines())
    assert lines["north"].endswith("\tпункты ATY-001, ATY-002")
    assert lines["operator"].endswith("\tвсе пункты")
    code, _out, err = cli("users", "territory", "--login", "north", "--points", "ATY-ROP")
    assert code != 0 and "ATY-ROP не код пункта" in err
    code, _out, err = cli("users", "territory", "--login", "north")
    assert code != 0 and "--clear" in err
    code, out, err = cli("users", "territory", "--login", "north", "--clear")
    assert (code, err) == (0, "") and "все пункты" in out
    code, out, _err = cli("users", "list")
    assert dict(line.split("\t", 1) for line in out.splitlines())["north"].endswith(
        "\tвсе пункты")


def test_at_a_region_an_account_limited_to_a_district_sees_its_points(chain):  # noqa: F811
    """A region account limited to one district imports that district's new point and sees
    it alone; another district's point's package is refused."""
    from sync_fixtures import PASSWORD as CHAIN_PASSWORD
    from sync_fixtures import make_district, make_point, use
    from test_sync_region import forward, trust_each_other

    from inspector_app.sync.export import export_package
    from inspector_app.sync.forward import forward_files

    region, district, _point, first, tmp = chain
    other_folder = tmp / "other"
    other_folder.mkdir()
    other = make_district(other_folder, code="ATY-MAK")
    trust_each_other(region, other, other_folder)
    makat = make_point(other_folder, "ATY-101", district=other)
    use(makat)
    makat.persons.create({"surname": "Макатова", "first_name": "Айгүл"})
    package = export_package(makat, other_folder).path
    use(other)
    assert import_files(other, [package], trust_new=True).files[0].ok
    [theirs] = forward(other, [package], other_folder)
    # a district operator limited to another point forwards nothing of this one
    use(district)
    elsewhere = district.staff.create({"login": "elsewhere", "full_name": "Оператор Другой",
                                       "role": "district_operator", "password": CHAIN_PASSWORD})
    district.territories.set(elsewhere.id, ["ATY-099"])
    district.login("elsewhere", CHAIN_PASSWORD)
    [refused] = forward_files(district, [first], tmp / "up")
    assert refused.error.code == "sync.forward_outside_territory" and not list(
        (tmp / "up").iterdir())
    district.session = None
    [ours] = forward(district, [first], tmp / "up")
    use(region)
    west = region.staff.create({"login": "west", "full_name": "Оператор Запад",
                                "role": "district_operator", "password": CHAIN_PASSWORD})
    with pytest.raises(ValidationError, match="ATY-XXX"):
        region.territories.set(west.id, districts=["ATY-XXX"])
    region.territories.set(west.id, districts=["ATY-MAK"])
    region.login("west", CHAIN_PASSWORD)
    batch = import_files(region, [ours, theirs], trust_new=True, outbox=tmp / "down")
    assert [f.status for f in batch.files] == [REFUSED, IMPORTED]
    assert batch.files[0].error.params == {"point": "ATY-017"}
    assert state.peer(region.db, "ATY-017") is None
    # the district's new point is in the session's territory at once, and at the next login
    assert region.session.territory.points == {"ATY-101", "ATY-OBL"}
    assert territory_of(region.db) == region.session.territory
    region.login("west", CHAIN_PASSWORD)
    assert region.session.territory.points == {"ATY-101", "ATY-OBL"}
    rows = list(REGISTERS["persons"].iter_rows(Filters()))
    assert [(r["owner_point"], r["full_name"]) for r in rows] == [("ATY-101", "Макатова Айгүл")]
    assert [p.point_code for p in points_overview(region)] == ["ATY-101"]
    for services in (other, makat):
        services.db.close()


def test_a_territory_changed_while_another_process_imports(tmp_path):
    """One process (an operator) imports their point's package while another (the
    administrator's script) changes territories again and again: both finish, the audit
    chain is whole, every change is in it and the package is imported."""
    import subprocess
    import sys

    from test_cli import REPO

    services, (north_point, south_point), files = territory_district(tmp_path)
    third = files[2].name.split("_")[0]
    services.territories.set(services.staff.by_login("south").id, [south_point, third])
    path = Path(services.db.database)
    services.db.close()
    base = [sys.executable, "-m", "inspector_app", "--db", str(path)]
    env = {"PYTHONPATH": str(REPO), "INSPECTOR_LANG": "en", "PATH": "/usr/bin:/bin"}
    importer = subprocess.Popen([*base, "--user", "south", "--user-password-stdin", "import",
                                 str(files[2]), "--trust-new"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env)
    importer.stdin.write(PASSWORD + "\n")
    importer.stdin.close()
    changes = 0
    while importer.poll() is None or changes < 4:
        points = north_point if changes % 2 else f"{north_point},{third}"
        done = subprocess.run([*base, "users", "territory", "--login", "north", "--points",
                               points], capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 0, done.stdout + done.stderr
        changes += 1
    out, err = importer.stdout.read(), importer.stderr.read()
    assert importer.wait(timeout=120) == 0, out + err
    assert "imported 1, already imported 0, refused 0." in out
    check = subprocess.run([*base, "check"], capture_output=True, text=True, env=env,
                           timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    services = open_services(path)
    try:
        assert third in {p.point_code for p in state.peers(services.db)}
        entries = AuditEntry.select().where(AuditEntry.action == "territory").count()
        assert entries == 2 + 1 + changes  # the set-up's two, south's, the script's
    finally:
        services.db.close()
