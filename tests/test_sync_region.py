"""Point → district → region: a district forwards its points' packages unchanged, the region
checks each point's own signature and trail, and its receipts come back down to the district
(docs/sync-format.md, "Up to the region")."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from core_factories import valid_iin
from db_templates import new_database
from sync_fixtures import (
    NOW,
    PASSWORD,
    db_file_bytes,
    fill_point,
    keys_of,
    make_district,
    make_point,
    read_members,
    table_rows,
    use,
    write_raw_package,
)

from inspector_app.cli import main
from inspector_app.domain.clock import FixedClock
from inspector_app.services.setup import REGION, FirstAccount, PointProfile, login_services
from inspector_app.storage.models import SYNCED_MODELS
from inspector_app.sync import container, state
from inspector_app.sync.codec import CODECS
from inspector_app.sync.crypto import DecryptingReader
from inspector_app.sync.export import export_package, manifest_head
from inspector_app.sync.forward import ForwardWriter, forward_files
from inspector_app.sync.forward_note import note_body
from inspector_app.sync.importer import import_files
from inspector_app.sync.keys import b64
from inspector_app.sync.manifest import REGION_RECEIPT
from inspector_app.sync.package import PackageReader
from inspector_app.sync.results import DUPLICATE, IMPORTED
from inspector_app.sync.trust import export_public_key, trust_key_file

TABLES = [CODECS[model].table for model in SYNCED_MODELS]


def make_region(folder: Path, code: str = "ATY-OBL"):
    return new_database(
        folder / f"{code}.db", PointProfile(code=code, name="ДП Атырауской области",
                                            district="Атырау"),
        FirstAccount(login="operator", full_name="Оператор Области", password=PASSWORD),
        kind=REGION, clock=FixedClock(NOW))


def trust_each_other(upper, lower, folder: Path, *, replace: bool = False) -> None:
    """``lower`` (a district) trusts ``upper``'s key file (``replace``: instead of the region
    it trusted) and the other way round."""
    for trusting, trusted in ((lower, upper), (upper, lower)):
        key_file = folder / f"{trusted.point_code}.pub"
        use(trusted)
        export_public_key(trusted, key_file)
        use(trusting)
        trust_key_file(trusting, key_file, replace=replace)


def small_chain(folder: Path):
    """A region, its district and a point trusting each other, the point with one person;
    returns them and the point's first package (written in ``folder``, not imported)."""
    region = make_region(folder)
    district = make_district(folder)
    point = make_point(folder, "ATY-017", district=district)
    trust_each_other(region, district, folder)
    use(point)
    point.persons.create({"surname": "Жумабаева", "first_name": "Гүлнар"})
    return region, district, point, export_package(point, folder).path


@pytest.fixture
def chain(tmp_path):
    """A region, its district and a point of that district trusting each other; the point
    filled with every kind of record and its first package imported at the district."""
    region = make_region(tmp_path)
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district)
    trust_each_other(region, district, tmp_path)
    fill_point(point)
    stick = tmp_path / "stick"
    stick.mkdir()
    first = export_package(point, stick).path
    use(district)
    batch = import_files(district, [first], trust_new=True, outbox=tmp_path / "to_points")
    assert batch.files[0].ok, batch.files[0].summary("en")
    (tmp_path / "up").mkdir()
    (tmp_path / "down").mkdir()
    yield region, district, point, first, tmp_path
    for services in (region, district, point):
        services.db.close()


def forward(district, files, folder: Path):
    use(district)
    results = forward_files(district, files, folder)
    assert all(r.ok for r in results), [r.error.message("en") for r in results if r.error]
    return [r.written for r in results]


def region_import(region, files, folder: Path, **options):
    use(region)
    return import_files(region, files, outbox=folder, **options)


def holdings_of(services, point: str = "ATY-017") -> dict:
    rows = {}
    for table in TABLES:  # a server's table has its rowid as a column: left out
        rows[table] = {row["id"]: {k: v for k, v in row.items()
                                   if k not in ("rowid", "search_text")}
                       for row in table_rows(services, table, point).values()}
    trail = services.db.execute_sql(
        'SELECT * FROM "point_audit_entry" WHERE point_code = ? ORDER BY entry_id',
        (point,)).fetchall()
    return {"rows": rows, "trail": trail}


def test_a_point_package_reaches_the_region_unchanged_and_its_receipt_comes_back(chain):
    region, district, point, first, tmp = chain
    [forwarded] = forward(district, [first], tmp / "up")
    assert forwarded.name == "ATY-017_2026-11-25_0001_via_ATY-ROP.isync"
    assert not list((tmp / "up").glob(".*.part"))
    # the district cannot open what it wrote for the region
    use(district)
    refused = import_files(district, [forwarded], keep_refused=False)
    assert refused.files[0].error.code == "sync.wrong_recipient"

    unconfirmed = region_import(region, [forwarded], tmp / "down", keep_refused=False)
    assert unconfirmed.files[0].error.code == "sync.unknown_point"
    batch = region_import(region, [forwarded], tmp / "down", trust_new=True)
    result = batch.files[0]
    assert result.status == IMPORTED, result.summary("en")
    assert "sync.enrolled_via" in [n.code for n in result.notices]
    assert result.totals()["new"] > 10
    # the records, tombstones and the point's trail are identical at both offices
    assert holdings_of(region) == holdings_of(district)
    assert any(row["deleted"] for row in holdings_of(region)["rows"]["meeting"].values())
    peer = state.peer(region.db, "ATY-017")
    assert (peer.district, peer.held_export_no, peer.role) == ("ATY-ROP", 1, "point")
    assert peer.keys == keys_of(point).public

    [receipt] = batch.written
    assert receipt.name == "ATY-017_region-receipt_2026-11-25_0001.isync"
    use(district)
    down = import_files(district, [receipt])
    assert down.files[0].status == IMPORTED, down.files[0].summary("en")
    held = state.upstream(district.db, "ATY-017")
    assert (held.region, held.held_export_no, held.last_export_no, held.gaps) == (
        "ATY-OBL", 1, 1, [])
    assert held.same_as_here and held.records > 10


def test_the_region_tracks_gaps_and_the_district_sees_what_to_forward(chain):
    region, district, point, first, tmp = chain
    forward_first = forward(district, [first], tmp / "up")
    region_import(region, forward_first, tmp / "down", trust_new=True)
    exports = []
    for surname in ("Омаров", "Ахметова"):  # each export after the district's receipt
        use(point)
        assert all(f.ok for f in import_files(point, sorted((tmp / "to_points").iterdir())).files)
        shutil.rmtree(tmp / "to_points")
        point.persons.create({"surname": surname, "first_name": "Ерлан"})
        exports.append(export_package(point, tmp / "stick").path)
        use(district)
        assert import_files(district, exports[-1:], outbox=tmp / "to_points").files[0].ok
    second, third = exports
    assert district_view(district).to_forward == [2, 3]
    [up_third] = forward(district, [third], tmp / "up")
    assert district_view(district).to_forward == [2]
    batch = region_import(region, [up_third], tmp / "down")
    assert batch.files[0].status == IMPORTED
    assert state.peer(region.db, "ATY-017").gaps == [2]
    use(district)
    import_files(district, batch.written)
    held = state.upstream(district.db, "ATY-017")
    assert (held.held_export_no, held.last_export_no, held.gaps) == (1, 3, [2])
    assert held.same_as_here is False  # the region lacks export 2's record
    [up_second] = forward(district, [second], tmp / "up")
    batch = region_import(region, [up_second], tmp / "down")
    assert state.peer(region.db, "ATY-017").gaps == []
    use(district)
    import_files(district, batch.written)
    held = state.upstream(district.db, "ATY-017")
    assert (held.held_export_no, held.gaps, held.same_as_here) == (3, [], True)
    assert district_view(district).to_forward == []
    assert holdings_of(region) == holdings_of(district)


def district_view(district):
    from inspector_app.sync.overview import points_overview

    use(district)
    [view] = points_overview(district)
    return view


def test_a_package_forwarded_twice_applies_once(chain):
    region, district, point, first, tmp = chain
    once = forward(district, [first], tmp / "up")
    again = forward(district, [first], tmp / "up")  # a lost copy made again: another file
    assert once != again and again[0].name.endswith("-1.isync")
    batch = region_import(region, once + again + once, tmp / "down", trust_new=True)
    assert [f.status for f in batch.files] == [IMPORTED, DUPLICATE, DUPLICATE]
    assert len(state.inbound_of(region.db, "ATY-017", "records")) == 1


def _point_plaintext(district, package: Path) -> tuple[bytes, PackageReader]:
    """The point's plaintext as the district decrypts it (what a dishonest district has)."""
    keys = keys_of(district)
    reader = PackageReader(package, keys)
    reader.verify()
    with open(package, "rb") as raw:
        return b"".join(DecryptingReader(raw, keys.encryption).chunks()), reader


def _dishonest_forward(district, plaintext: bytes, reader: PackageReader,
                       target: Path, *, signer=None, raw_note=None, **changes) -> Path:
    """A forwarded file with ``plaintext`` inside and an honest-looking note signed with the
    district's real key (``changes``: note fields replaced; ``signer``: another key signs it;
    ``raw_note``: rewrites the note's bytes before they are signed)."""
    import hashlib

    keys = keys_of(district)
    public = keys.public
    region_peer = state.region(district.db)
    writer = ForwardWriter(target, region_peer.keys)
    writer.write(plaintext)
    fields = dict(
        package_id=reader.manifest.package_id, point="ATY-017",
        point_fingerprint=reader.manifest.keys.fingerprint,
        point_sha256=hashlib.sha256(plaintext).hexdigest(), point_size=len(plaintext),
        point_file_sha256=reader.file_sha256, district=district.point_code,
        district_name="ОП", signing_key=b64(public.signing),
        encryption_key=b64(public.encryption), region=region_peer.point_code,
        region_fingerprint=region_peer.fingerprint, forwarded_at="2026-11-25 12:00:00")
    note = note_body(**dict(fields, **changes))
    writer.seal(raw_note(note) if raw_note else note, signer or keys)
    return writer.publish()


def _members_and_trailer(plaintext: bytes):
    """The point's plaintext cut into its members' compressed bytes and its trailer."""
    source = io.BytesIO(plaintext)
    container.read_start(source)
    members = []
    while container.next_frame(source) == "member":
        name = container.read_member_name(source)
        members.append((name, b"".join(container._blocks(source))))
    return members, container.read_trailer(source)


def _layer2(members, manifest: bytes, signature: bytes) -> bytes:
    out = container.PLAIN_MAGIC + bytes([container.PLAIN_VERSION])
    for name, data in members:
        out += b"M" + bytes([len(name)]) + name.encode() + len(data).to_bytes(4, "big") + data
        out += (0).to_bytes(4, "big")
    return out + b"E" + len(manifest).to_bytes(4, "big") + manifest + signature


def _altered_line(members):
    """The person member with one record's surname changed (same line count)."""
    result = []
    for name, data in members:
        if name == "person.jsonl.gz":
            lines = gzip.decompress(data).splitlines()
            record = json.loads(lines[0])
            record["surname"] = "Подменённый"
            lines[0] = json.dumps(record, ensure_ascii=False).encode()
            data = gzip.compress(b"".join(line + b"\n" for line in lines))
        result.append((name, data))
    return result


@pytest.mark.parametrize("alteration", ["record line", "member", "manifest"])
def test_a_dishonest_district_cannot_alter_a_point_package_unseen(chain, alteration):
    region, district, point, first, tmp = chain
    # the region knows the point already (its first package came through honestly)
    use(point)
    point.persons.create({"surname": "Омаров", "first_name": "Ерлан",
                          "iin": valid_iin(date(1979, 5, 4), "M")})
    second = export_package(point, tmp / "stick").path
    use(district)
    import_files(district, [second])
    region_import(region, forward(district, [first], tmp / "up"), tmp / "down",
                  trust_new=True)
    use(district)
    plaintext, reader = _point_plaintext(district, second)
    members, trailer = _members_and_trailer(plaintext)
    if alteration == "record line":
        altered = _layer2(_altered_line(members), trailer.manifest, trailer.signature)
    elif alteration == "member":
        members = [(n, gzip.compress(b"") if n == "audit.jsonl.gz" else d) for n, d in members]
        altered = _layer2(members, trailer.manifest, trailer.signature)
    else:
        body = json.loads(trailer.manifest)
        body["holdings"] += 1
        manifest = json.dumps(body, ensure_ascii=False, sort_keys=True,
                              separators=(",", ":")).encode()
        altered = _layer2(members, manifest, trailer.signature)
    bad = _dishonest_forward(district, altered, reader, tmp / "up" / "bad.isync")
    use(region)
    before = db_file_bytes(region)
    batch = region_import(region, [bad], tmp / "down")
    result = batch.files[0]
    assert not result.ok and batch.written == []
    expected = "sync.forward_altered" if alteration == "manifest" else \
        "sync.forward_altered_member"
    assert result.error.code == expected
    message = result.summary("ru")
    assert message.startswith("bad.isync: отклонён.") and "ATY-ROP" in message
    assert "ATY-017" in result.summary("en") and "altered" in result.summary("en")
    assert result.error.message("kk") != result.error.message("ru")
    assert db_file_bytes(region) == before
    # the honest forward of the same package still goes in
    ok = region_import(region, forward(district, [second], tmp / "up"), tmp / "down")
    assert ok.files[0].status == IMPORTED
    assert holdings_of(region) == holdings_of(district)


def test_a_point_claimed_by_another_district_is_refused(chain):
    region, district, point, first, tmp = chain
    region_import(region, forward(district, [first], tmp / "up"), tmp / "down",
                  trust_new=True)
    other_folder = tmp / "other"
    other_folder.mkdir()
    other = make_district(other_folder, code="ATY-MAK")
    trust_each_other(region, other, other_folder)
    impostor = make_point(other_folder, "ATY-017", district=other)  # same code, another PC
    use(impostor)
    impostor.persons.create({"surname": "Чужой", "first_name": "Пункт"})
    package = export_package(impostor, other_folder).path
    use(other)
    assert import_files(other, [package], trust_new=True).files[0].ok
    [forwarded] = forward(other, [package], other_folder)
    use(region)
    before = db_file_bytes(region)
    batch = region_import(region, [forwarded], tmp / "down", trust_new=True)
    error = batch.files[0].error
    assert error.code == "sync.point_other_district"
    assert error.params == {"point": "ATY-017", "district": "ATY-ROP", "claimed": "ATY-MAK"}
    assert db_file_bytes(region) == before
    # a region hearing of the point first from both districts in one batch binds it to the
    # first and refuses the second
    fresh_folder = tmp / "fresh"
    fresh_folder.mkdir()
    fresh = make_region(fresh_folder, code="ATY-OB2")
    for district_office in (district, other):
        trust_each_other(fresh, district_office, fresh_folder, replace=True)
    ours = forward(district, [first], fresh_folder)
    theirs = forward(other, [package], fresh_folder)
    batch = region_import(fresh, ours + theirs, fresh_folder / "down", trust_new=True)
    assert [f.status for f in batch.files] == [IMPORTED, "refused"]
    assert batch.files[1].error.code == "sync.point_other_district"
    assert state.peer(fresh.db, "ATY-017").district == "ATY-ROP"
    for services in (other, impostor, fresh):
        services.db.close()


def test_a_district_forwards_only_what_it_imported_and_needs_its_region(chain):
    region, district, point, first, tmp = chain
    use(point)
    point.persons.create({"surname": "Омаров", "first_name": "Ерлан"})
    second = export_package(point, tmp / "stick").path
    use(district)
    [result] = forward_files(district, [second], tmp / "up")
    assert result.error.code == "sync.forward_not_imported"
    assert list((tmp / "up").iterdir()) == []
    district.db.execute_sql('DELETE FROM "sync_peer" WHERE role = ?', ("region",))
    with pytest.raises(Exception) as caught:
        forward_files(district, [first], tmp / "up")
    assert caught.value.code == "sync.no_region"


def test_a_receipt_not_signed_by_the_region_is_refused(chain):
    region, district, point, first, tmp = chain
    batch = region_import(region, forward(district, [first], tmp / "up"), tmp / "down",
                          trust_new=True)
    assert batch.written
    other = make_district(tmp / "up", code="ATY-MAK")  # a district posing as the region
    use(region)
    body = {**manifest_head(region, REGION_RECEIPT, district.point_code, NOW),
            "point": "ATY-017", "receipt_no": 1, "point_database_id": "0" * 32,
            "held_export_no": 9, "held_seq": 99, "last_export_no": 9, "gaps": [],
            "checksum": "0" * 64, "records": 1,
            "recipient_fingerprint": keys_of(district).public.fingerprint,
            "signing_key": b64(keys_of(other).public.signing),
            "encryption_key": b64(keys_of(other).public.encryption),
            "format": "inspector-sync", "format_version": 1}
    forged = write_raw_package(tmp / "forged.isync", keys_of(district).public, keys_of(other),
                               body, [])
    as_other = write_raw_package(tmp / "as_other.isync", keys_of(district).public,
                                 keys_of(other), {**body, "sender": "ATY-MAK"}, [])
    use(district)
    before = db_file_bytes(district)
    refused = import_files(district, [forged, as_other], keep_refused=False)
    assert [f.error.code for f in refused.files] == ["sync.key_mismatch",
                                                     "sync.not_from_region"]
    assert state.upstream(district.db, "ATY-017") is None
    assert db_file_bytes(district) == before
    other.db.close()


def test_a_frozen_schema7_package_forwards_and_imports(tmp_path):
    from test_sync_versions import FROZEN, PACKAGES, unfreeze

    district_path = unfreeze("ATY-ROP.db", tmp_path)
    district = login_services(district_path, "operator", PASSWORD,
                              clock=FixedClock(datetime(2026, 11, 27, 11, 0)))
    region = make_region(tmp_path)
    try:
        use(district)
        trust_key_file(district, FROZEN / "ATY-017.pub")
        stick = tmp_path / "stick"
        stick.mkdir()
        files = [Path(shutil.copy2(FROZEN / name, stick / name)) for name in PACKAGES]
        assert all(f.ok for f in import_files(district, files, outbox=tmp_path / "b").files)
        trust_each_other(region, district, tmp_path)
        (tmp_path / "up").mkdir()
        forwarded = forward(district, files, tmp_path / "up")
        batch = region_import(region, forwarded, tmp_path / "down", trust_new=True)
        assert [f.status for f in batch.files] == [IMPORTED, IMPORTED], [
            f.summary("en") for f in batch.files]
        assert state.get_state(region.db, "schema_version:ATY-017") == "7"
        assert holdings_of(region) == holdings_of(district)
        assert len(holdings_of(region)["rows"]["person"]) == 3
    finally:
        district.db.close()
        region.db.close()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_whole_chain_from_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for db, code, extra in (("r.db", "ATY-OBL", ["--region-office"]),
                            ("d.db", "ATY-ROP", ["--district-office"]),
                            ("p.db", "ATY-017", [])):
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        code_, _, err = run(capsys, "--db", db, "init", "--point-code", code, "--point-name",
                            "Тест", "--district", "Атырау", "--login", "erzhanov", "--name",
                            "Ержанов", "--password-stdin", "--no-encrypt", *extra)
        assert code_ == 0, err
    for db, out in (("r.db", "r.pub"), ("d.db", "d.pub")):
        assert run(capsys, "--db", db, "keys", "export-public", "--out", out)[0] == 0
    assert json.loads(Path("r.pub").read_text())["kind"] == "region"
    for db, key_file in (("p.db", "d.pub"), ("d.db", "r.pub"), ("r.db", "d.pub")):
        code, out, err = run(capsys, "--db", db, "keys", "trust", key_file)
        assert code == 0, err
    code, _, err = run(capsys, "--db", "r.db", "keys", "trust", "r.pub")
    assert code != 0
    for folder in ("stick", "up", "down"):
        Path(folder).mkdir()
    assert run(capsys, "--db", "p.db", "export", "--out", "stick")[0] == 0
    assert run(capsys, "--db", "d.db", "import", "--dir", "stick", "--trust-new",
               "--out", "back")[0] == 0
    code, out, _ = run(capsys, "--db", "d.db", "sync-status")
    assert "region: no receipt yet" in out and "to forward to the region: exports 1" in out
    code, out, err = run(capsys, "--db", "d.db", "forward", "--dir", "stick", "--out", "up")
    assert code == 0, err
    assert "Forwarded to the region" in out and "forwarded 1, refused 0" in out
    code, out, err = run(capsys, "--db", "r.db", "import", "--dir", "up", "--trust-new",
                         "--out", "down")
    assert code == 0, err
    assert "of district ATY-ROP enrolled" in out
    code, out, _ = run(capsys, "--db", "r.db", "sync-status")
    assert "District ATY-ROP" in out and "1 points" in out and "  ATY-017" in out
    code, out, err = run(capsys, "--db", "d.db", "import", "--dir", "down")
    assert code == 0, err
    assert "The region acknowledged point ATY-017: everything up to export 1" in out
    code, out, _ = run(capsys, "--db", "d.db", "sync-status")
    assert "region: acknowledged up to export 1 (last 1)" in out and "the same as here" in out
    assert "to forward" not in out


def test_the_worker_process_prepares_a_forwarded_package_too(chain, monkeypatch):
    from inspector_app.sync import district_import

    region, district, point, first, tmp = chain
    monkeypatch.setattr(district_import, "WORKER_RECORDS", 0)
    batch = region_import(region, forward(district, [first], tmp / "up"), tmp / "down",
                          trust_new=True)
    assert batch.files[0].status == IMPORTED, batch.files[0].summary("en")
    assert holdings_of(region) == holdings_of(district)


def test_a_region_takes_no_package_that_a_district_did_not_forward(chain):
    region, district, point, first, tmp = chain
    use(point)  # a point that encrypts straight to the region
    region_keys = keys_of(region).public
    body, _ = read_members(first, keys_of(district))
    direct = write_raw_package(tmp / "direct.isync", region_keys, keys_of(point),
                               {k: v for k, v in body.items() if k != "members"}, [])
    batch = region_import(region, [direct], tmp / "down", trust_new=True, keep_refused=False)
    assert batch.files[0].error.code == "sync.wrong_recipient"  # addressed to the district
    body = {k: v for k, v in body.items() if k != "members"}
    body.update(recipient="ATY-OBL", recipient_fingerprint=region_keys.fingerprint)
    direct = write_raw_package(tmp / "direct2.isync", region_keys, keys_of(point), body, [])
    batch = region_import(region, [direct], tmp / "down", trust_new=True, keep_refused=False)
    assert batch.files[0].error.code == "sync.region_takes_forwarded"
    assert state.peer(region.db, "ATY-017") is None


def test_a_region_on_a_postgresql_server(tmp_path, pg_url):
    from inspector_app.services.setup import create_database

    region = create_database(
        pg_url, PointProfile(code="ATY-OBL", name="ДП Атырауской области", district="Атырау"),
        FirstAccount(login="operator", full_name="Оператор Области", password=PASSWORD),
        kind=REGION, clock=FixedClock(NOW))
    district = make_district(tmp_path)
    point = make_point(tmp_path, "ATY-017", district=district)
    try:
        assert region.is_region and region.is_district_office
        trust_each_other(region, district, tmp_path)
        fill_point(point)
        package = export_package(point, tmp_path).path
        use(district)
        assert import_files(district, [package], trust_new=True,
                            outbox=tmp_path / "b").files[0].ok
        (tmp_path / "up").mkdir()
        forwarded = forward(district, [package], tmp_path / "up")
        batch = region_import(region, forwarded * 2, tmp_path / "down", trust_new=True)
        assert [f.status for f in batch.files] == [IMPORTED, DUPLICATE], [
            f.summary("en") for f in batch.files]
        assert holdings_of(region) == holdings_of(district)
        use(district)
        assert import_files(district, batch.written).files[0].ok
        assert state.upstream(district.db, "ATY-017").same_as_here
    finally:
        for services in (region, district, point):
            services.db.close()


def test_import_forwards_in_the_same_step_when_asked(tmp_path, monkeypatch, capsys):
    region, district, point, package = small_chain(tmp_path)
    for services in (region, district, point):
        services.db.close()
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--db", "ATY-ROP.db", "import", package.name, "--trust-new",
                         "--out", "back", "--forward", "missing")
    assert code == 1 and "missing" in err and not Path("back").exists()  # nothing imported
    Path("up").mkdir()
    code, out, err = run(capsys, "--db", "ATY-ROP.db", "import", package.name, "--trust-new",
                         "--out", "back", "--forward", "up")
    assert code == 0, err
    assert "imported 1" in out and "forwarded 1, refused 0" in out
    code, out, err = run(capsys, "--db", "ATY-OBL.db", "import", "--dir", "up", "--trust-new",
                         "--out", "down")
    assert code == 0 and "imported 1" in out, err


NOTE_FAULTS = {
    "extra field": ({"raw_note": lambda note: note[:-1] + b',"extra":1}'}, "sync.bad_forward"),
    "twice a key": ({"raw_note": lambda note: note[:-1] + b',"point":"ATY-017"}'},
                    "sync.bad_forward"),
    "not JSON": ({"raw_note": lambda note: b"\xff" + note}, "sync.bad_forward"),
    "another key signs": ({"signer": "other"}, "sync.forward_bad_signature"),
    "another region": ({"region_fingerprint": "0000 0000 0000 0000 0000 0000 0000 0000"},
                       "sync.wrong_recipient"),
    "another point": ({"point": "ATY-018"}, "sync.forward_mismatch"),
    "another package": ({"package_id": "f" * 32}, "sync.forward_mismatch"),
    "wrong size": ({"point_size": 5}, "sync.forward_altered"),
    "other district keys": ({"signer": "other", "keys": "other"}, "sync.forward_not_addressed"),
    "untrusted district": ({"untrusted": True}, "sync.forward_unknown_district"),
}


@pytest.mark.parametrize("fault", sorted(NOTE_FAULTS))
def test_a_forwarding_note_that_does_not_hold_refuses_the_file(chain, fault):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from inspector_app.sync.keys import KeyPair

    region, district, point, first, tmp = chain
    options, code = NOTE_FAULTS[fault]
    options = dict(options)
    other = KeyPair(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    if options.pop("signer", None):
        options["signer"] = other
    if options.pop("keys", None):  # the note names the other key: a district nobody trusts
        options.update(signing_key=b64(other.public.signing),
                       encryption_key=b64(other.public.encryption))
    use(district)
    plaintext, reader = _point_plaintext(district, first)
    bad = _dishonest_forward(district, plaintext, reader, tmp / "up" / "bad.isync",
                             **{k: v for k, v in options.items() if k != "untrusted"})
    use(region)
    if options.get("untrusted"):  # the region never trusted this district's key
        region.db.execute_sql('DELETE FROM "sync_peer" WHERE point_code = ?', ("ATY-ROP",))
    before = db_file_bytes(region)
    batch = region_import(region, [bad], tmp / "down", trust_new=True)
    assert batch.files[0].error is not None and batch.files[0].error.code == code, \
        batch.files[0].summary("en")
    assert db_file_bytes(region) == before and state.peer(region.db, "ATY-017") is None


def test_forwarding_streams_a_large_package_in_flat_memory(chain):
    """A 48 MiB package (one incompressible member: pass one only hashes members) is
    forwarded with a peak of Python memory bounded by the format's 4 MiB blocks and 1 MiB
    chunks (measured 13 MiB), not by the file, and its point bytes arrive intact."""
    import hashlib
    import os
    import tracemalloc

    region, district, point, first, tmp = chain
    body, _ = read_members(first, keys_of(district))
    body = {k: v for k, v in body.items() if k != "members"}
    body["package_id"] = "a" * 32
    data = os.urandom(48 << 20)
    blocks = [data[i:i + (4 << 20)] for i in range(0, len(data), 4 << 20)]
    big = tmp / "big.isync"
    with open(big, "wb") as f:  # the member's blocks as a point's writer cuts them
        from inspector_app.sync.crypto import EncryptingWriter

        crypt = EncryptingWriter(f, keys_of(district).public.encryption)
        crypt.write(b"ISPK\x01M" + bytes([len("person.jsonl.gz")]) + b"person.jsonl.gz")
        for block in blocks:
            crypt.write(len(block).to_bytes(4, "big") + block)
        crypt.write((0).to_bytes(4, "big"))
        manifest = json.dumps(dict(body, members=[{
            "name": "person.jsonl.gz", "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data), "raw_size": len(data), "lines": 1}]), ensure_ascii=False,
            sort_keys=True, separators=(",", ":")).encode()
        crypt.write(b"E" + len(manifest).to_bytes(4, "big") + manifest
                    + keys_of(point).sign(container.signed_bytes(manifest)))
        crypt.close()
    del data, blocks
    use(district)
    reader = PackageReader(big, keys_of(district))
    reader.verify()
    district.db.execute_sql(  # as if imported (its records are not what this test is about)
        'INSERT INTO "sync_inbound" (package_id, point_code, kind, export_no, "full", '
        'seq_from, seq_to, created_at, imported_at, imported_by, file_name, file_sha256, '
        'result, database_id) VALUES (?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?)',
        ("a" * 32, "ATY-017", "records", 99, "2026-11-25 10:00:00", "2026-11-25 10:00:00",
         "operator", "big.isync", reader.file_sha256, "{}", body["database_id"]))
    tracemalloc.start()
    try:
        [result] = forward_files(district, [big], tmp / "up")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.ok, result.error
    assert peak < 16 << 20, peak  # a block and a few chunks in flight, not the 48 MiB file
    use(region)
    forwarded = PackageReader(result.written, keys_of(region))
    forwarded.verify()  # the note and the point's own signature hold
    assert forwarded.forward.point_size > 48 << 20
    assert forwarded.manifest.package_id == "a" * 32
