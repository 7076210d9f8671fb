"""Issue 18 at a region: a point's new key followed from its district, points enrolled ahead.

A point re-installed with new keys is trusted again at its district (``keys trust --replace``);
the district's signed forward note carries the change and the region follows it, from that
district only. A region operator can enrol a district's points before their first package.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from sync_fixtures import PASSWORD, db_file_bytes, keys_of, make_district, make_point, use
from test_sync_region import (
    _point_plaintext,
    forward,
    make_region,
    region_import,
    trust_each_other,
)

from inspector_app.cli import main
from inspector_app.sync import rekey, state
from inspector_app.sync.export import export_package
from inspector_app.sync.forward import ForwardWriter
from inspector_app.sync.forward_note import SIGN_CONTEXT, note_body
from inspector_app.sync.importer import import_files
from inspector_app.sync.keys import b64
from inspector_app.sync.results import IMPORTED
from inspector_app.sync.trust import export_public_key, trust_key_file


@pytest.fixture
def rekeyed(tmp_path):
    """A region that holds ATY-017's first package (old keys), and the package of ATY-017
    re-installed with new keys, accepted at its district and imported there."""
    region = make_region(tmp_path)
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district, template=False)
    trust_each_other(region, district, tmp_path)
    use(point)
    point.persons.create({"surname": "Жумабаева", "first_name": "Гүлнар"})
    first = export_package(point, tmp_path).path
    use(district)
    assert import_files(district, [first], trust_new=True, outbox=tmp_path / "back").files[0].ok
    for name in ("up", "down", "new"):
        (tmp_path / name).mkdir()
    assert region_import(region, forward(district, [first], tmp_path / "up"), tmp_path / "down",
                         trust_new=True).files[0].status == IMPORTED
    old_fingerprint = keys_of(point).public.fingerprint
    point.db.close()
    new = tmp_path / "new"
    (new / "ATY-ROP.pub").write_bytes((tmp_path / "ATY-ROP.pub").read_bytes())
    again = make_point(new, "ATY-017", district=district, template=False)  # new keys
    use(again)
    again.persons.create({"surname": "Новая", "first_name": "База"})
    export_public_key(again, new / "ATY-017.pub")
    package = export_package(again, new).path
    use(district)
    trust_key_file(district, new / "ATY-017.pub", replace=True)
    assert import_files(district, [package], outbox=tmp_path / "back").files[0].ok
    yield region, district, again, package, old_fingerprint, tmp_path
    for services in (region, district, again):
        services.db.close()


def test_the_region_follows_the_key_its_district_accepted(rekeyed):
    region, district, point, package, old, tmp = rekeyed
    new = keys_of(point).public.fingerprint
    [change] = rekey.key_changes(district.db, "ATY-017")
    assert (change.old_fingerprint, change.new_fingerprint, change.accepted_by) == (
        old, new, district.actor_login)
    [forwarded] = forward(district, [package], tmp / "up")
    batch = region_import(region, [forwarded], tmp / "down")
    result = batch.files[0]
    assert result.status == IMPORTED, result.summary("en")
    assert (f"has a new key, accepted by district ATY-ROP (operator {district.actor_login})"
            in [n.message("en") for n in result.notices][0])
    peer = state.peer(region.db, "ATY-017")
    assert peer.fingerprint == new and peer.district == "ATY-ROP"
    [followed] = rekey.key_changes(region.db, "ATY-017")
    assert (followed.old_fingerprint, followed.new_fingerprint, followed.district) == (
        old, new, "ATY-ROP")
    audit = region.db.execute_sql(
        'SELECT actor, new_values FROM "audit_entry" WHERE action = ?',
        (rekey.AUDIT_ACTION,)).fetchall()
    assert len(audit) == 1 and json.loads(audit[0][1])["district"] == "ATY-ROP"
    # the same package forwarded again is only "already imported"; the key stays
    again = region_import(region, forward(district, [package], tmp / "up"), tmp / "down")
    assert again.files[0].status == "duplicate"
    assert len(rekey.key_changes(region.db, "ATY-017")) == 1


def _forged(district, package: Path, target: Path, *, signer=None, tamper=None,
            **changes) -> Path:
    """A forwarded file of ``package`` with the district's real note fields, ``changes``
    applied to them, signed by ``signer`` (default: the district's real key); ``tamper``
    rewrites the note's bytes after signing."""
    plaintext, reader = _point_plaintext(district, package)
    keys = keys_of(district)
    region_peer = state.region(district.db)
    writer = ForwardWriter(target, region_peer.keys)
    writer.write(plaintext)
    fields = dict(
        package_id=reader.manifest.package_id, point=reader.manifest.sender,
        point_fingerprint=reader.manifest.keys.fingerprint,
        point_sha256=hashlib.sha256(plaintext).hexdigest(), point_size=len(plaintext),
        point_file_sha256=reader.file_sha256, district=district.point_code,
        district_name="ОП", signing_key=b64(keys.public.signing),
        encryption_key=b64(keys.public.encryption), region=region_peer.point_code,
        region_fingerprint=region_peer.fingerprint, forwarded_at="2026-11-25 12:00:00",
        key_changes=rekey.note_entries(district.db, reader.manifest.sender,
                                       reader.manifest.keys.fingerprint))
    fields.update(changes)
    note = note_body(**fields)
    signature = (signer or keys).sign(SIGN_CONTEXT + note)
    if tamper is not None:
        note = tamper(note)
    writer._crypt.write(b"F" + len(note).to_bytes(4, "big") + note + signature)
    writer._close_synced()
    return writer.publish()


def _entry(old: str, new: str) -> dict:
    return {"old_fingerprint": old, "new_fingerprint": new,
            "accepted_at": "2026-11-25 11:00:00", "accepted_by": "operator"}


OTHER = "0000 1111 2222 3333 4444 5555 6666 7777"


@pytest.mark.parametrize("forgery", ["no change claimed", "chain from another key",
                                     "another signer", "note altered after signing",
                                     "malformed change"])
def test_a_forged_or_altered_key_change_is_refused(rekeyed, forgery):
    region, district, point, package, old, tmp = rekeyed
    new = keys_of(point).public.fingerprint
    use(district)
    target = tmp / "up" / "forged.isync"
    if forgery == "no change claimed":
        bad, code = _forged(district, package, target, key_changes=None), "sync.key_mismatch"
    elif forgery == "chain from another key":
        bad = _forged(district, package, target, key_changes=[_entry(OTHER, new)])
        code = "sync.key_change_mismatch"
    elif forgery == "another signer":
        bad = _forged(district, package, target, signer=keys_of(point))
        code = "sync.forward_bad_signature"
    elif forgery == "note altered after signing":
        bad = _forged(district, package, target,
                      tamper=lambda note: note.replace(b'"accepted_at":"2026',
                                                       b'"accepted_at":"2025'))
        code = "sync.forward_bad_signature"
    else:
        bad = _forged(district, package, target,
                      key_changes=[dict(_entry(old, new), accepted_by="")])
        code = "sync.bad_forward"
    use(region)
    before = db_file_bytes(region)
    batch = region_import(region, [bad], tmp / "down")
    result = batch.files[0]
    assert not result.ok and result.error.code == code, result.summary("en")
    assert result.summary("ru").startswith("forged.isync: отклонён.")
    assert result.error.message("kk") != result.error.message("ru")
    assert db_file_bytes(region) == before
    assert state.peer(region.db, "ATY-017").fingerprint == old
    # the honest forward still goes in
    honest = region_import(region, forward(district, [package], tmp / "up"), tmp / "down")
    assert honest.files[0].status == IMPORTED, honest.files[0].summary("en")


def test_a_dishonest_district_cannot_change_the_key_of_another_districts_point(rekeyed):
    region, district, point, package, old, tmp = rekeyed
    folder = tmp / "other"
    folder.mkdir()
    other = make_district(folder, code="ATY-MAK")
    trust_each_other(region, other, folder)
    # the other district (its real key) makes up a point of the same code with keys of its
    # own, and forwards its package claiming that ATY-017 changed to those keys
    impostor = make_point(folder, "ATY-017", district=other)
    use(impostor)
    impostor.persons.create({"surname": "Чужой", "first_name": "Пункт"})
    fake = export_package(impostor, folder).path
    use(other)
    assert import_files(other, [fake], trust_new=True, outbox=folder / "back").files[0].ok
    bad = _forged(other, fake, folder / "claim.isync",
                  key_changes=[_entry(old, keys_of(impostor).public.fingerprint)])
    use(region)
    before = db_file_bytes(region)
    batch = region_import(region, [bad], tmp / "down")
    error = batch.files[0].error
    assert error.code == "sync.key_change_other_district"
    assert error.params == {"point": "ATY-017", "district": "ATY-ROP", "claimed": "ATY-MAK"}
    assert "claim.isync" in batch.files[0].summary("en")
    assert "ATY-MAK" in error.message("ru") and "ATY-ROP" in error.message("kk")
    assert db_file_bytes(region) == before
    assert state.peer(region.db, "ATY-017").fingerprint == old
    other.db.close()
    impostor.db.close()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _init(capsys, monkeypatch, db: str, code: str, *extra: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    result, _, err = run(capsys, "--db", db, "init", "--point-code", code, "--point-name",
                         "Тест", "--district", "Атырау", "--login", "erzhanov", "--name",
                         "Ержанов", "--password-stdin", "--no-encrypt", *extra)
    assert result == 0, err


def test_rekey_and_enrol_ahead_from_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _init(capsys, monkeypatch, "r.db", "ATY-OBL", "--region-office")
    _init(capsys, monkeypatch, "d.db", "ATY-ROP", "--district-office")
    _init(capsys, monkeypatch, "m.db", "ATY-MAK", "--district-office")
    _init(capsys, monkeypatch, "p.db", "ATY-017")
    _init(capsys, monkeypatch, "q.db", "ATY-017")  # a point of the same code under ATY-MAK
    for db in ("r", "d", "m", "p"):
        assert run(capsys, "--db", f"{db}.db", "keys", "export-public", "--out",
                   f"{db}.pub")[0] == 0
    for db, key_file in (("p.db", "d.pub"), ("q.db", "m.pub"), ("d.db", "r.pub"), ("r.db", "d.pub"),
                         ("m.db", "r.pub"), ("r.db", "m.pub")):
        assert run(capsys, "--db", db, "keys", "trust", key_file)[0] == 0
    # the region enrols ATY-017 of ATY-ROP ahead; not with an unknown district
    code, _, err = run(capsys, "--db", "r.db", "keys", "trust", "p.pub", "--district", "XX-1")
    assert code != 0 and "district XX-1 is not trusted here" in err
    code, _, err = run(capsys, "--db", "d.db", "keys", "trust", "p.pub", "--district",
                       "ATY-ROP")
    assert code != 0 and "only at a region office" in err
    before = Path("r.db").read_bytes()
    code, out, err = run(capsys, "--db", "r.db", "keys", "trust", "p.pub", "--district",
                         "ATY-ROP")
    assert code == 0 and "Trusted the key of ATY-017" in out, err
    assert Path("r.db").read_bytes() != before
    code, out, _ = run(capsys, "--db", "r.db", "sync-status")
    assert "District ATY-ROP" in out and "  ATY-017" in out and "nothing received yet" in out
    code, _, err = run(capsys, "--db", "r.db", "keys", "trust", "p.pub", "--district",
                       "ATY-MAK")
    assert code != 0 and "belongs to district ATY-ROP" in err
    for folder in ("stick", "up", "down", "stick_m", "mak", "new", "stick2", "up2"):
        Path(folder).mkdir()
    assert run(capsys, "--db", "p.db", "export", "--out", "stick")[0] == 0
    # another district forwarding ATY-017 is refused from the start, even with --trust-new
    assert run(capsys, "--db", "q.db", "export", "--out", "stick_m")[0] == 0
    assert run(capsys, "--db", "m.db", "import", "--dir", "stick_m", "--trust-new",
               "--out", "back")[0] == 0
    assert run(capsys, "--db", "m.db", "forward", "--dir", "stick_m", "--out", "mak")[0] == 0
    code, _, err = run(capsys, "--db", "r.db", "import", "--dir", "mak", "--trust-new",
                       "--out", "down")
    assert code != 0 and "belongs to district ATY-ROP, but district ATY-MAK" in err, err
    # its own district's package goes in without --trust-new
    assert run(capsys, "--db", "d.db", "import", "--dir", "stick", "--trust-new",
               "--out", "back")[0] == 0
    assert run(capsys, "--db", "d.db", "forward", "--dir", "stick", "--out", "up")[0] == 0
    code, out, err = run(capsys, "--db", "r.db", "import", "--dir", "up", "--out", "down")
    assert code == 0, out + err
    code, out, _ = run(capsys, "--db", "r.db", "sync-status")
    assert "nothing received yet" not in out
    # ATY-017 re-installed with new keys: the district accepts them, the region follows
    monkeypatch.chdir(tmp_path / "new")
    Path("d.pub").write_bytes((tmp_path / "d.pub").read_bytes())
    _init(capsys, monkeypatch, "p.db", "ATY-017")
    assert run(capsys, "--db", "p.db", "keys", "trust", "d.pub")[0] == 0
    assert run(capsys, "--db", "p.db", "keys", "export-public", "--out", "p.pub")[0] == 0
    assert run(capsys, "--db", "p.db", "export", "--out", str(tmp_path / "stick2"))[0] == 0
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "--db", "r.db", "keys", "list")
    old = next(line for line in out.splitlines() if "ATY-017" in line)
    assert run(capsys, "--db", "d.db", "keys", "trust", "new/p.pub", "--replace")[0] == 0
    assert run(capsys, "--db", "d.db", "import", "--dir", "stick2", "--out", "back")[0] == 0
    code, out, _ = run(capsys, "--db", "d.db", "sync-status")
    assert "key changed" in out and "(accepted by system, district ATY-ROP)" in out
    assert run(capsys, "--db", "d.db", "forward", "--dir", "stick2", "--out", "up2")[0] == 0
    code, out, err = run(capsys, "--db", "r.db", "import", "--dir", "up2", "--out", "down")
    assert code == 0, out + err
    assert "Point ATY-017 has a new key, accepted by district ATY-ROP" in out
    code, out, _ = run(capsys, "--db", "r.db", "sync-status")
    assert "key changed" in out and "district ATY-ROP" in out
    code, out, _ = run(capsys, "--db", "r.db", "keys", "list")
    assert next(line for line in out.splitlines() if "ATY-017" in line) != old


def test_the_points_page_at_a_region_shows_a_point_enrolled_ahead(tmp_path, qapp, qtbot):
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QPushButton

    from ui.context import UiContext
    from ui.points_overview import PointsOverview

    region = make_region(tmp_path)
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district, template=False)
    trust_each_other(region, district, tmp_path)
    use(point)
    export_public_key(point, tmp_path / "ATY-017.pub")
    point.persons.create({"surname": "Жумабаева", "first_name": "Гүлнар"})
    package = export_package(point, tmp_path).path
    use(region)
    trust_key_file(region, tmp_path / "ATY-017.pub", district="ATY-ROP")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    overview = PointsOverview(UiContext(region, settings, "ru"))
    qtbot.addWidget(overview)
    assert overview.model.index(0, 0).data() == "ATY-017"
    assert overview.model.index(0, 2).data() == "пока ничего не получено"
    overview.resize(1100, 300)
    overview.grab().save("/tmp/region-enrolled-ahead.png")
    use(district)
    assert import_files(district, [package], trust_new=True,
                        outbox=tmp_path / "back").files[0].ok
    (tmp_path / "up").mkdir()
    batch = region_import(region, forward(district, [package], tmp_path / "up"),
                          tmp_path / "down")  # no --trust-new: enrolled ahead
    assert batch.files[0].status == IMPORTED, batch.files[0].summary("en")
    refresh = next(b for b in overview.findChildren(QPushButton)
                   if b.text() in ("Обновить", "Refresh"))
    qtbot.mouseClick(refresh, Qt.MouseButton.LeftButton)
    assert overview.model.index(0, 2).data() == f"{point.clock.today():%d.%m.%Y}"
    for services in (region, district, point):
        services.db.close()


def test_two_processes_import_the_rekeyed_package_at_once(rekeyed):
    """A second real process (the command line) imports the same forwarded file while this
    one does: both finish, the package applies once and the key changes once."""
    import subprocess
    import sys

    region, district, point, package, old, tmp = rekeyed
    [forwarded] = forward(district, [package], tmp / "up")
    copy = tmp / "copy.isync"
    copy.write_bytes(forwarded.read_bytes())
    use(region)
    other = subprocess.Popen(
        [sys.executable, "-c", "import sys; from inspector_app.cli import main; "
         "sys.exit(main(sys.argv[1:]))", "--lang", "en", "--db",
         str(tmp / "ATY-OBL.db"), "import", str(copy), "--out", str(tmp / "down2")],
        cwd=Path(__file__).resolve().parent.parent, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True)
    batch = region_import(region, [forwarded], tmp / "down")
    output, _ = other.communicate(timeout=120)
    assert other.returncode == 0, output
    mine = batch.files[0].status
    assert mine in (IMPORTED, "duplicate")
    theirs_imported = "has a new key" in output
    assert theirs_imported == (mine == "duplicate"), output
    assert len(rekey.key_changes(region.db, "ATY-017")) == 1
    assert region.db.execute_sql('SELECT COUNT(*) FROM "audit_entry" WHERE action = ?',
                                 (rekey.AUDIT_ACTION,)).fetchone()[0] == 1
    assert state.peer(region.db, "ATY-017").fingerprint == keys_of(point).public.fingerprint
