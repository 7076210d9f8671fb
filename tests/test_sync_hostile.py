"""Hostile and broken files are refused with a clear message; the district file stays as it was."""

from __future__ import annotations

import json
import zlib
from datetime import date
from pathlib import Path

import pytest
from core_factories import appeal_data, feedback_data, valid_iin
from sync_fixtures import (
    db_file_bytes,
    edit_records,
    gzip_lines,
    keys_of,
    make_district,
    make_point,
    read_members,
    repack,
    table_rows,
    use,
    write_raw_package,
)

from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.keys import KeyPair
from inspector_app.sync.refused import refused_files


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A district with point ATY-017 enrolled, a second package of it not yet imported, and
    a point ATY-018 the district holds a person of."""
    folder = tmp_path_factory.mktemp("hostile")
    district = make_district(folder)
    point = make_point(folder, "ATY-017", district=district)
    other = make_point(folder, "ATY-018", district=district)
    out = folder / "out"
    out.mkdir()
    use(point)
    person = point.persons.create({"surname": "Жумабаева", "first_name": "Гүлнар",
                                   "iin": valid_iin(date(1985, 3, 8), "F")})
    first = export_package(point, out)
    use(other)
    other_person = other.persons.create({"surname": "Другой", "first_name": "Пункт"})
    other_first = export_package(other, out)
    use(district)
    batch = import_files(district, [first.path, other_first.path], trust_new=True,
                         outbox=out / "back")
    assert all(f.ok for f in batch.files)
    use(point)
    point.appeals.create(appeal_data(person))
    point.feedback.create(feedback_data())
    point.persons.create({"surname": "Новикова", "first_name": "Анна"})
    second = export_package(point, out)
    stranger = make_point(folder, "ATY-019", district=district)
    use(stranger)
    stranger.persons.create({"surname": "Новенький", "first_name": "Пункт"})
    stranger_pkg = export_package(stranger, out)
    elsewhere = make_district(folder, code="ATY-ROP2")
    yield {"folder": folder, "district": district, "point": point, "second": second.path,
           "stranger": stranger_pkg.path, "stranger_point": stranger,
           "other_person": other_person.id,
           "elsewhere": elsewhere, "other": other}
    for services in (district, point, other, stranger, elsewhere):
        services.db.close()


def _copy_with(source: Path, target: Path, change) -> Path:
    data = bytearray(source.read_bytes())
    target.write_bytes(change(data))
    return target


def _flip(data: bytearray) -> bytes:
    data[len(data) // 2] ^= 0x10
    return bytes(data)


def truncated(w, target):
    return _copy_with(w["second"], target, lambda d: bytes(d[: len(d) * 2 // 3]))


def truncated_at_chunk_end(w, target):
    source = w["second"].read_bytes()
    header = 93
    first_chunk = int.from_bytes(source[header:header + 4], "big")
    target.write_bytes(source[: header + 4 + first_chunk] if len(source) > header + 4
                       + first_chunk else source[:header])
    return target


def flipped_bit(w, target):
    return _copy_with(w["second"], target, _flip)


def header_version(w, target):
    return _copy_with(w["second"], target, lambda d: bytes(d[:8]) + b"\x02" + bytes(d[9:]))


def not_a_package(w, target):
    target.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    return target


def wrong_key(w, target):
    district, elsewhere = keys_of(w["district"]), keys_of(w["elsewhere"])
    body, members = read_members(w["second"], district)
    parts = [(name, *gzip_lines(lines)) for name, lines in members]
    body = {k: v for k, v in body.items() if k != "members"}
    return write_raw_package(target, elsewhere.public, keys_of(w["point"]), body, parts)


def _point_repack(w, target, **edits):
    return repack(w["second"], target, keys_of(w["district"]), keys_of(w["point"]), **edits)


def manifest_version(w, target):
    return _point_repack(w, target, edit_body=lambda b: dict(b, format_version=2))


def newer_schema(w, target):
    return _point_repack(w, target, edit_body=lambda b: dict(b, schema_version=999))


def unknown_point(w, target):
    return w["stranger"]


def another_key(w, target):
    impostor = KeyPair(*_fresh_pair())
    from inspector_app.sync.keys import b64

    return repack(w["second"], target, keys_of(w["district"]), impostor,
                  edit_body=lambda b: dict(b, signing_key=b64(impostor.public.signing),
                                           encryption_key=b64(impostor.public.encryption)))


def bad_signature(w, target):
    impostor = KeyPair(*_fresh_pair())
    return repack(w["second"], target, keys_of(w["district"]), impostor)


def _fresh_pair():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return Ed25519PrivateKey.generate(), X25519PrivateKey.generate()


def path_traversal(w, target):
    body, members = read_members(w["second"], keys_of(w["district"]))
    parts = [("../../../etc/cron.d/x.jsonl.gz" if name == "person.jsonl.gz" else name,
              *gzip_lines(lines)) for name, lines in members]
    body = {k: v for k, v in body.items() if k != "members"}
    return write_raw_package(target, keys_of(w["district"]).public, keys_of(w["point"]), body,
                             parts)


def _bomb_parts(w, declared_raw):
    body, members = read_members(w["second"], keys_of(w["district"]))
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = compressor.compress(b"0" * 60_000_000) + compressor.flush()
    parts = []
    for name, lines in members:
        if name == "person.jsonl.gz":
            parts.append((name, bomb, declared_raw or len(b"".join(lines)) + len(lines),
                          len(lines)))
        else:
            parts.append((name, *gzip_lines(lines)))
    body = {k: v for k, v in body.items() if k != "members"}
    return body, parts


def bomb_understated(w, target):
    body, parts = _bomb_parts(w, None)
    return write_raw_package(target, keys_of(w["district"]).public, keys_of(w["point"]), body,
                             parts)


def bomb_declared(w, target):
    body, parts = _bomb_parts(w, 60_000_000)
    return write_raw_package(target, keys_of(w["district"]).public, keys_of(w["point"]), body,
                             parts)


def hash_mismatch(w, target):
    body, members = read_members(w["second"], keys_of(w["district"]))
    parts = [(name, *gzip_lines(lines)) for name, lines in members]
    listed = []
    for name, data, raw, lines in parts:
        listed.append({"name": name, "sha256": "0" * 64, "size": len(data), "raw_size": raw,
                       "lines": lines})
    body = {k: v for k, v in body.items() if k != "members"}
    return write_raw_package(target, keys_of(w["district"]).public, keys_of(w["point"]), body,
                             parts, manifest_members=listed)


def duplicated_ids(w, target):
    def edit(name, lines):
        return lines + lines[:1] if name == "person.jsonl.gz" else lines
    return _point_repack(w, target, edit=edit)


def claims_other_owner(w, target):
    return _point_repack(w, target, edit=edit_records(
        "person", lambda r: dict(r, owner_point="ATY-018")))


def takes_other_points_record(w, target):
    def edit(name, lines):
        if name != "person.jsonl.gz":
            return lines
        first = json.loads(lines[0])
        return [json.dumps(dict(first, id=w["other_person"])).encode(), *lines[1:]]
    return _point_repack(w, target, edit=edit)


def bad_date(w, target):
    return _point_repack(w, target, edit=edit_records(
        "person", lambda r: dict(r, birth_date="31.02.1990")))


def wrong_type(w, target):
    return _point_repack(w, target, edit=edit_records(
        "feedback", lambda r: dict(r, rating="five")))


def missing_column(w, target):
    return _point_repack(w, target, edit=edit_records(
        "appeal", lambda r: {k: v for k, v in r.items() if k != "topic"}))


def unknown_code(w, target):
    return _point_repack(w, target, edit=edit_records(
        "appeal", lambda r: dict(r, topic="alien_invasion")))


def bad_iin(w, target):
    return _point_repack(w, target, edit=edit_records(
        "person", lambda r: dict(r, iin="123456789012")))


def one_talon_twice(w, target):
    def edit(name, lines):
        if name != "appeal.jsonl.gz":
            return lines
        twin = dict(json.loads(lines[0]), id="e" * 32)
        return [*lines, json.dumps(twin, ensure_ascii=False).encode()]
    return _point_repack(w, target, edit=edit)


def dangling_reference(w, target):
    return _point_repack(w, target, edit=edit_records(
        "appeal", lambda r: dict(r, applicant_id="f" * 32)))


CASES = {
    "truncated": (truncated, ("sync.truncated", "sync.damaged")),
    "truncated at a chunk end": (truncated_at_chunk_end, ("sync.truncated",)),
    "flipped bit": (flipped_bit, ("sync.damaged",)),
    "wrong key": (wrong_key, ("sync.wrong_recipient",)),
    "unknown version (header)": (header_version, ("sync.unsupported_version",)),
    "unknown version (manifest)": (manifest_version, ("sync.unsupported_version",)),
    "newer schema": (newer_schema, ("sync.newer_schema",)),
    "not a package": (not_a_package, ("sync.not_a_package",)),
    "unknown point": (unknown_point, ("sync.unknown_point",)),
    "another key for the point": (another_key, ("sync.key_mismatch",)),
    "bad signature": (bad_signature, ("sync.bad_signature",)),
    "path traversal": (path_traversal, ("sync.bad_member_name",)),
    "decompression bomb": (bomb_understated, ("sync.too_large",)),
    "declared bomb": (bomb_declared, ("sync.too_large",)),
    "member hash": (hash_mismatch, ("sync.hash_mismatch",)),
    "duplicated ids": (duplicated_ids, ("sync.duplicate_id",)),
    "another point's ownership": (claims_other_owner, ("sync.foreign_record",)),
    "another point's record": (takes_other_points_record, ("sync.foreign_record",)),
    "malformed date": (bad_date, ("sync.bad_record",)),
    "wrong type": (wrong_type, ("sync.bad_record",)),
    "missing column": (missing_column, ("sync.bad_record",)),
    "unknown catalogue code": (unknown_code, ("sync.invalid_record",)),
    "bad ИИН": (bad_iin, ("sync.invalid_record",)),
    "dangling reference": (dangling_reference, ("sync.invalid_record",)),
    "one talon number twice": (one_talon_twice, ("sync.conflict",)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_is_refused_and_changes_nothing(world, case, tmp_path):
    make, codes = CASES[case]
    hostile = make(world, tmp_path / "ATY-017_2026-11-25_0002.isync")
    district = use(world["district"])
    before = db_file_bytes(district)
    persons_before = table_rows(district, "person")
    batch = import_files(district, [hostile])
    result = batch.files[0]
    assert not result.ok
    assert result.error.code in codes, result.error.code
    message = result.summary("ru")
    assert "sync." not in message and "отклонён" in message
    assert result.kept_at is not None and result.kept_at.exists()
    assert batch.written == []
    assert db_file_bytes(district) == before
    assert table_rows(district, "person") == persons_before
    assert any(r.file == hostile.name and r.code == result.error.code
               for r in refused_files(district.db.database))


def test_a_new_points_first_package_may_not_take_another_points_record(world, tmp_path):
    """A point the district holds nothing of is written without looking ids up first: the
    insert finds the clash and the file is refused by name all the same."""
    def edit(name, lines):
        if name != "person.jsonl.gz":
            return lines
        return [json.dumps(dict(json.loads(lines[0]), id=world["other_person"])).encode(),
                *lines[1:]]

    stranger = world["stranger_point"]
    hostile = repack(world["stranger"], tmp_path / "ATY-019_2026-11-25_0001.isync",
                     keys_of(world["district"]), keys_of(stranger), edit=edit)
    district = use(world["district"])
    before = db_file_bytes(district)
    result = import_files(district, [hostile], trust_new=True, keep_refused=False).files[0]
    assert result.error is not None and result.error.code == "sync.foreign_record"
    assert result.error.params["point"] == "ATY-018"
    assert db_file_bytes(district) == before


def test_invalid_record_message_names_the_field(world, tmp_path):
    hostile = _point_repack(world, tmp_path / "ATY-017_x.isync", edit=edit_records(
        "appeal", lambda r: dict(r, topic="alien_invasion")),
        edit_body=lambda b: dict(b, package_id="ab" * 16))
    district = use(world["district"])
    result = import_files(district, [hostile], keep_refused=False).files[0]
    text = result.summary("ru")
    assert "alien_invasion" in text and "Тема" in text


def test_the_genuine_file_still_imports_after_the_hostile_ones(world):
    district = use(world["district"])
    batch = import_files(district, [world["second"]])
    assert batch.files[0].ok, batch.files[0].summary("en")
    assert batch.files[0].counts["appeal"]["new"] == 1
