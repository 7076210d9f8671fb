"""Helpers for the sync tests: points and a district, package crafting, database snapshots."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from core_factories import (
    appeal_data,
    feedback_data,
    meeting_data,
    offence_data,
    registration_data,
    valid_iin,
    visit_data,
)
from db_templates import new_database

from inspector_app.domain.clock import FixedClock
from inspector_app.services.setup import DISTRICT, FirstAccount, PointProfile, create_database
from inspector_app.storage.database import bind_models
from inspector_app.sync import container, keys
from inspector_app.sync.crypto import EncryptingWriter
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.keys import KeyPair
from inspector_app.sync.manifest import canonical
from inspector_app.sync.package import PackageReader
from inspector_app.sync.trust import export_public_key, trust_key_file

PASSWORD = "Kz-Secret-2026"
NOW = datetime(2026, 11, 25, 10, 30)


def use(services):
    """Bind the models to this services' database: one binding per process, and a service
    whose database is not bound refuses (``DatabaseNotBound``, see ``storage.database``)."""
    bind_models(services.db)
    return services


def make_district(folder: Path, clock: FixedClock | None = None, code: str = "ATY-ROP"):
    return new_database(
        folder / f"{code}.db", PointProfile(code=code, name="ОП г. Атырау", district="Атырау"),
        FirstAccount(login="operator", full_name="Оператор Отдела", password=PASSWORD),
        kind=DISTRICT, clock=clock or FixedClock(NOW))


def make_point(folder: Path, code: str, clock: FixedClock | None = None, district=None, *,
               template: bool = True):
    """A new point database; with ``district`` it trusts that district's key.

    ``template=False`` creates it afresh instead of copying a template: a point re-made
    with the same code (a reinstall) must not share the former one's record ids."""
    point = (new_database if template else create_database)(
        folder / f"{code}.db", PointProfile(code=code, name=f"УПП {code}", district="Атырау"),
        FirstAccount(login="erzhanov", full_name="Ержанов Асхат Серікұлы", password=PASSWORD,
                     rank="captain"),
        clock=clock or FixedClock(NOW))
    if district is not None:
        key_file = folder / f"{district.point_code}.pub"
        if not key_file.exists():
            use(district)
            export_public_key(district, key_file)
        use(point)
        trust_key_file(point, key_file)
    return point


@contextmanager
def region(folder: Path, codes: tuple[str, ...]) -> Iterator[tuple]:
    """A district, points trusting it and an empty ``out`` folder; closed afterwards."""
    district = make_district(folder)
    points = [make_point(folder, code, district=district) for code in codes]
    out = folder / "out"
    out.mkdir()
    try:
        yield district, points, out
    finally:
        for services in (district, *points):
            services.db.close()


def enrol_with_first_packages(district, points, out: Path) -> list[tuple]:
    """Each point records a person and exports; the district imports every package (enrolling
    the points). Returns (person, package path) per point."""
    made = []
    for number, point in enumerate(points):
        use(point)
        person = point.persons.create({"surname": "Жумабаева", "first_name": "Гүлнар",
                                       "iin": valid_iin(date(1985, 3, 8 + number), "F")})
        made.append((person, export_package(point, out).path))
    use(district)
    batch = import_files(district, [path for _, path in made], trust_new=True,
                         outbox=out / "back")
    assert all(f.ok for f in batch.files), [f.summary("en") for f in batch.files]
    return made


def export_each(points, out: Path) -> list[Path]:
    """Each point's next package, in the points' order."""
    paths = []
    for point in points:
        use(point)
        paths.append(export_package(point, out).path)
    return paths


def keys_of(services) -> KeyPair:
    """The services' sync keys (unwrapped by the database key when it is encrypted)."""
    return keys.keys_of(services.db)


def table_rows(services, table: str, owner: str | None = None) -> dict[str, dict]:
    """Every row of ``table`` (of ``owner`` when given) by id, all columns."""
    cursor = services.db.execute_sql(
        f'SELECT * FROM "{table}"' + (" WHERE owner_point = ?" if owner else ""),
        (owner,) if owner else ())
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}


def db_file_bytes(services) -> str:
    """SHA-256 of the database file after a full checkpoint (WAL emptied into the file).

    Hashed by another process: closing a descriptor of the file in this one would drop every
    POSIX lock its SQLite connections hold (SQLite's documented pitfall), and a connection
    closing later would then take itself for the last one and delete the log under the others.
    """
    services.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(services.db.database)
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    return subprocess.run(
        [sys.executable, "-c", "import hashlib, sys; print(hashlib.sha256("
         "open(sys.argv[1], 'rb').read()).hexdigest())", str(path)],
        capture_output=True, text=True, check=True).stdout.strip()


def file_holds(services, *texts: str) -> list[bool]:
    """Whether the raw bytes of the database file and its write-ahead log, as they are on
    disk now, hold each of ``texts`` (UTF-8). Read by another process (see
    :func:`db_file_bytes`)."""
    path = Path(services.db.database)
    found = subprocess.run(
        [sys.executable, "-c", "import sys, pathlib; data = b''.join(p.read_bytes() for p in "
         "map(pathlib.Path, sys.argv[1:3]) if p.exists()); print(''.join('1' if t.encode() in "
         "data else '0' for t in sys.argv[3:]))", str(path), str(path) + "-wal", *texts],
        capture_output=True, text=True, check=True).stdout.strip()
    return [flag == "1" for flag in found]


def fill_point(point) -> dict[str, str]:
    """Every record kind, links between them, edits and tombstones."""
    use(point)
    ids = {}
    p1 = point.persons.create({"surname": "Сейтқалиева", "first_name": "Әйгерім",
                               "patronymic": "Нұрланқызы", "iin": valid_iin(date(1990, 2, 15), "F"),
                               "address": "г. Атырау, ул. Абая, 12", "phone": "87011234567"})
    p2 = point.persons.create({"surname": "Ёлкин", "first_name": "Пётр"})
    org = point.organisations.create({"kind": "ksk", "name": "КСК «Нұр»", "chair": "Ахметов"})
    addr = point.addresses.create({"street": "ул. Сатпаева", "house": "5", "dwelling_kind": "flat",
                                   "flats": 40, "organisation": org.id})
    reg = point.registrations.create(registration_data(p1))
    point.visits.create(visit_data(kind="registration_check", registration=reg.id,
                                   address=addr.id))
    visit = point.visits.create(visit_data(person=p2.id))
    offence = point.offences.create(offence_data(p2, penalty="fine", fine_mrp="5"))
    order = point.registrations.create(registration_data(
        p1, category="protective_order", start_date="2026-11-02", end_date=None,
        basis_document="Защитное предписание № 17"))
    point.offences.create(offence_data(  # a breach linked to the order; the consent asked
        p1, committed_at="2026-11-20 21:00", article="461-1", penalty="court_referral",
        breached_registration=order.id))
    point.offences.create(offence_data(p2, article="434-1", penalty="court_referral",
                                       works_consent="refused", works_consent_on="2026-11-21"))
    appeal = point.appeals.create(appeal_data(p1, offence=offence.id))
    point.appeals.update(appeal.id, {"decision": "satisfied"})
    meeting = point.meetings.create(meeting_data())
    point.feedback.create(feedback_data(meeting=meeting.id))
    point.crime_reports.create({"received_at": "2026-11-24 22:10", "source": "written_statement",
                                "reporter": p2.id, "substance": "Украден велосипед",
                                "registered_at": "2026-11-25 09:00",
                                "kui_number": "264000031000123", "check_due": "2026-12-04"})
    point.meetings.delete(meeting.id)  # feedback still names the tombstoned meeting
    point.visits.delete(visit.id)
    point.persons.update(p2.id, {"phone": "+7 701 555 44 33"})
    point.staff.create({"login": "assist", "full_name": "Помощник Бек", "role": "assistant",
                        "password": "Another-Secret-1"})
    ids.update(person=p1.id, person2=p2.id, appeal=appeal.id, offence=offence.id)
    return ids


# -- crafting packages (hostile files) ----------------------------------------------------------
def read_members(path: Path, recipient: KeyPair) -> tuple[dict, list[tuple[str, list[bytes]]]]:
    """The manifest body and every member's lines of a package (decrypted with ``recipient``)."""
    reader = PackageReader(path, recipient)
    manifest = reader.verify()
    members = []
    for info, lines in reader.members():
        members.append((info.name, [line for line in lines]))
    return dict(manifest.body), members


def write_raw_package(path: Path, recipient_public, signer: KeyPair, body: dict,
                      members: list[tuple[str, bytes, int, int]], *,
                      manifest_members: list[dict] | None = None,
                      raw_manifest: Callable[[bytes], bytes] | None = None,
                      magic: bytes = container.PLAIN_MAGIC) -> Path:
    """A package from raw parts: ``members`` are (name, compressed bytes, raw size, lines).

    Names are not checked (a hostile file may carry anything); the manifest lists them with
    their real hashes unless ``manifest_members`` says otherwise; ``raw_manifest`` rewrites
    the manifest's bytes before they are signed; ``magic`` opens the plaintext.
    """
    listed = manifest_members if manifest_members is not None else [
        {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
         "raw_size": raw, "lines": lines} for name, data, raw, lines in members]
    manifest = dict(body, members=listed)
    with open(path, "wb") as f:
        crypt = EncryptingWriter(f, recipient_public.encryption)
        crypt.write(magic + bytes([container.PLAIN_VERSION]))
        for name, data, _, _ in members:
            encoded = name.encode("utf-8")
            crypt.write(b"M" + bytes([len(encoded)]) + encoded)
            if data:
                crypt.write(len(data).to_bytes(4, "big") + data)
            crypt.write((0).to_bytes(4, "big"))
        raw = canonical(manifest)
        if raw_manifest is not None:
            raw = raw_manifest(raw)
        signature = signer.sign(container.signed_bytes(raw))
        crypt.write(b"E" + len(raw).to_bytes(4, "big") + raw + signature)
        crypt.close()
    return path


def gzip_lines(lines: list[bytes]) -> tuple[bytes, int, int]:
    raw = b"".join(line + b"\n" for line in lines)
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    return compressor.compress(raw) + compressor.flush(), len(raw), len(lines)


def repack(source: Path, target: Path, recipient: KeyPair, signer: KeyPair, *,
           edit: Callable[[str, list[bytes]], list[bytes]] | None = None,
           edit_body: Callable[[dict], dict] | None = None, **raw_options) -> Path:
    """A legitimate package re-made with edited member lines and/or manifest fields, signed
    by ``signer`` (a point's real key: a dishonest sender); ``raw_options`` as for
    :func:`write_raw_package`."""
    body, members = read_members(source, recipient)
    parts = []
    tombstones = {}
    for name, lines in members:
        lines = edit(name, lines) if edit else lines
        parts.append((name, *gzip_lines(lines)))
        tombstones[name] = sum(1 for line in lines if json.loads(line).get("deleted") is True)
    body = {k: v for k, v in body.items() if k != "members"}
    if isinstance(body.get("counts"), dict):
        for name, _, _, lines in parts:
            table = name.split(".")[0]
            if table in body["counts"]:
                body["counts"][table] = dict(body["counts"][table], records=lines,
                                             tombstones=tombstones[name])
    if edit_body is not None:
        body = edit_body(body)
    return write_raw_package(target, recipient.public, signer, body, parts, **raw_options)


def edit_records(table: str, change: Callable[[dict], dict | None]):
    """An ``edit`` for :func:`repack` that changes every record of one table."""
    def edit(name: str, lines: list[bytes]) -> list[bytes]:
        if name != f"{table}.jsonl.gz":
            return lines
        result = []
        for line in lines:
            changed = change(json.loads(line))
            if changed is not None:
                result.append(json.dumps(changed, ensure_ascii=False).encode())
        return result
    return edit
