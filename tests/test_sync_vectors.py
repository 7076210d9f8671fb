"""The test vectors of ``docs/sync-format.md`` (``tests/data/vectors/``), read three ways.

1. By the program's own reader: the same manifest, signature and record lines.
2. By an independent reader written here from the document alone (``cryptography``, ``json``,
   ``zlib``, ``hashlib``; nothing of ``inspector_app``): it decrypts, walks the container,
   checks every hash, the signature, both fingerprints, the counts, the holdings checksum,
   the audit chain and the public key files' signatures. If it passes, the document is enough.
3. A package written here from the document alone is read by the program's reader.
4. A forwarded file (a district to its region) both ways: written from the document and read by
   the program, written by the program and read from the document.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
import zlib
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VECTORS = Path(__file__).parent / "data" / "vectors"
PACKAGE = VECTORS / "ATY-017_2026-11-25_0001.isync"
EXPECTED = VECTORS / "expected"
KEYS = json.loads((VECTORS / "keys.json").read_text())
RECIPIENT, SENDER = KEYS["recipient ATY-ROP"], KEYS["sender ATY-017"]
STREAM = json.loads((EXPECTED / "stream.json").read_text())
RECORD_MEMBERS = ["point", "staff", "person", "organisation", "address", "registration",
                  "meeting", "offence", "appeal", "preventive_visit", "feedback"]


def expected_lines(name: str) -> list[bytes]:
    return (EXPECTED / "members" / name.removesuffix(".gz")).read_bytes().splitlines()


def recipient_keys():
    """The district's key pair as the program holds it."""
    from inspector_app.sync.keys import KeyPair

    return KeyPair(
        Ed25519PrivateKey.from_private_bytes(bytes.fromhex(RECIPIENT["signing_private"])),
        X25519PrivateKey.from_private_bytes(bytes.fromhex(RECIPIENT["encryption_private"])))


# -- 1. the program's reader ---------------------------------------------------------------------
def test_the_program_reads_the_vectors_as_expected():
    from inspector_app.sync.package import PackageReader

    keys = recipient_keys()
    reader = PackageReader(PACKAGE, keys)
    manifest = reader.verify()
    assert reader._trailer.manifest == (EXPECTED / "manifest.json").read_bytes()
    assert reader._trailer.signature.hex() == (EXPECTED / "signature.hex").read_text().strip()
    assert reader.file_sha256 == STREAM["file_sha256"]
    names = []
    for info, lines in reader.members():
        names.append(info.name)
        assert list(lines) == expected_lines(info.name)
    assert names == [f"{n}.jsonl.gz" for n in RECORD_MEMBERS] + ["audit.jsonl.gz"]
    assert manifest.sender == "ATY-017" and manifest.recipient == "ATY-ROP"


# -- 2. an independent reader, from the document ---------------------------------------------------
def canonical(value) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8 (non-ASCII not escaped)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def fingerprint(signing: bytes, encryption: bytes) -> str:
    digest = hashlib.sha256(b"inspector-sync key fingerprint v1\x00" + signing + encryption)
    text = digest.hexdigest()[:32].upper()
    return " ".join(text[i:i + 4] for i in range(0, 32, 4))


def decrypt(data: bytes, own: X25519PrivateKey) -> tuple[bytes, dict]:
    """Layer 1: the plaintext of an encrypted stream, and what was seen on the way."""
    header = data[:93]
    magic, version, key_id, ephemeral, salt, chunk_size = struct.unpack(">8sB32s32s16sI", header)
    assert magic == b"INSPSYNC" and version == 1 and 0 < chunk_size <= 16 << 20
    own_public = own.public_key().public_bytes_raw()
    assert key_id == hashlib.sha256(b"inspector-sync recipient\x00" + own_public).digest()
    shared = own.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
               info=b"inspector-sync stream v1\x00" + ephemeral + own_public).derive(shared)
    aead = AESGCM(key)
    plain, offset, index, lengths = [], 93, 0, []
    while True:
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        assert 16 <= length <= chunk_size + 16  # ciphertext and its 16-byte tag
        lengths.append(length)
        sealed = data[offset + 4:offset + 4 + length]
        offset += 4 + length
        final = offset == len(data)
        nonce = struct.pack(">Q", index) + b"\x00\x00\x00" + bytes([1 if final else 0])
        plain.append(aead.decrypt(nonce, sealed, header))
        index += 1
        if final:
            break
    return b"".join(plain), {"aes_key": key.hex(), "chunk_lengths": lengths,
                             "chunk_size": chunk_size, "salt": salt.hex()}


def walk(plain: bytes) -> tuple[list[tuple[str, bytes]], bytes, bytes]:
    """Layer 2: the members (name, compressed bytes), the manifest and the signature."""
    assert plain[:5] == b"ISPK\x01"
    at, members = 5, []
    while plain[at:at + 1] == b"M":
        size = plain[at + 1]
        name = plain[at + 2:at + 2 + size].decode("ascii")
        at += 2 + size
        blocks = []
        while True:
            (length,) = struct.unpack(">I", plain[at:at + 4])
            at += 4
            if length == 0:
                break
            assert length <= 4 << 20
            blocks.append(plain[at:at + length])
            at += length
        members.append((name, b"".join(blocks)))
    assert plain[at:at + 1] == b"E"
    (length,) = struct.unpack(">I", plain[at + 1:at + 5])
    manifest = plain[at + 5:at + 5 + length]
    signature = plain[at + 5 + length:at + 5 + length + 64]
    assert at + 5 + length + 64 == len(plain)
    return members, manifest, signature


def test_an_independent_reader_written_from_the_document_reads_the_vector():
    own = X25519PrivateKey.from_private_bytes(bytes.fromhex(RECIPIENT["encryption_private"]))
    data = PACKAGE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == STREAM["file_sha256"]
    plain, seen = decrypt(data, own)
    assert seen["aes_key"] == STREAM["aes_key"]
    assert seen["chunk_lengths"] == STREAM["chunk_lengths"] and len(seen["chunk_lengths"]) == 3
    members, raw_manifest, signature = walk(plain)

    signing = bytes.fromhex(SENDER["signing_public"])
    Ed25519PublicKey.from_public_bytes(signing).verify(
        signature, b"inspector-sync manifest v1\x00" + raw_manifest)
    manifest = json.loads(raw_manifest)
    assert canonical(manifest) == raw_manifest
    assert manifest["format"] == "inspector-sync" and manifest["format_version"] == 1
    assert base64.b64decode(manifest["signing_key"]) == signing
    assert manifest["recipient_fingerprint"] == fingerprint(
        bytes.fromhex(RECIPIENT["signing_public"]), own.public_key().public_bytes_raw())
    assert fingerprint(signing, bytes.fromhex(SENDER["encryption_public"])) == SENDER[
        "fingerprint"]

    assert [m["name"] for m in manifest["members"]] == [name for name, _ in members] == [
        f"{n}.jsonl.gz" for n in RECORD_MEMBERS] + ["audit.jsonl.gz"]
    total, held = 0, 0
    records_by_member = {}
    for declared, (name, compressed) in zip(manifest["members"], members, strict=True):
        assert declared["sha256"] == hashlib.sha256(compressed).hexdigest()
        assert declared["size"] == len(compressed)
        text = zlib.decompress(compressed, 31)  # one gzip stream
        assert declared["raw_size"] == len(text) and text.endswith(b"\n")
        lines = text.split(b"\n")[:-1]
        assert declared["lines"] == len(lines) and lines == expected_lines(name)
        records_by_member[name] = [json.loads(line) for line in lines]
    for table in RECORD_MEMBERS:
        records = records_by_member[f"{table}.jsonl.gz"]
        assert manifest["counts"][table] == {
            "records": len(records), "tombstones": sum(r["deleted"] for r in records)}
        for record in records:  # the first export holds everything: the holdings checksum
            pair = hashlib.sha256(f"{record['id']}:{record['row_version']}".encode()).digest()
            total += int.from_bytes(pair, "big")
            held += 1
    assert manifest["checksum"] == f"{total % (1 << 256):064x}"
    assert manifest["holdings"] == held == 14

    previous = "0" * 64
    entries = records_by_member["audit.jsonl.gz"]
    assert [e["id"] for e in entries] == list(range(manifest["audit_from"] + 1,
                                                   manifest["audit_to"] + 1))
    for entry in entries:
        assert entry["prev_hash"] == previous
        hashed = canonical({"action": entry["action"], "actor": entry["actor"],
                            "at": entry["at"], "change_seq": entry["change_seq"],
                            "new": entry["new_values"], "old": entry["old_values"],
                            "record_id": entry["record_id"], "table": entry["table_name"]})
        assert entry["entry_hash"] == hashlib.sha256(previous.encode() + hashed).hexdigest()
        previous = entry["entry_hash"]

    for name, keys in (("ATY-017.pub", SENDER), ("ATY-ROP.pub", RECIPIENT)):
        document = json.loads((VECTORS / name).read_text(encoding="utf-8"))
        body = {k: v for k, v in document.items() if k != "signature"}
        Ed25519PublicKey.from_public_bytes(base64.b64decode(document["signing_key"])).verify(
            base64.b64decode(document["signature"]),
            b"inspector-sync public key file v1\x00" + canonical(body))
        assert document["fingerprint"] == keys["fingerprint"]


# -- 3. a writer from the document, read by the program -----------------------------------------
def encrypt(plain: bytes, recipient: bytes, chunk_size: int = 2000) -> bytes:
    """Layer 1 from the document: ``plain`` as an encrypted stream to ``recipient``."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    salt = os.urandom(16)
    header = struct.pack(">8sB32s32s16sI", b"INSPSYNC", 1,
                         hashlib.sha256(b"inspector-sync recipient\x00" + recipient).digest(),
                         ephemeral_public, salt, chunk_size)
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
               info=b"inspector-sync stream v1\x00" + ephemeral_public + recipient).derive(
        ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient)))
    chunks = [plain[i:i + chunk_size] for i in range(0, len(plain), chunk_size)]
    if len(plain) % chunk_size == 0:
        chunks.append(b"")  # the final chunk is always written, even empty
    out = bytearray(header)
    for index, chunk in enumerate(chunks):
        final = index == len(chunks) - 1
        nonce = struct.pack(">Q", index) + b"\x00\x00\x00" + bytes([1 if final else 0])
        sealed = AESGCM(key).encrypt(nonce, chunk, header)
        out += struct.pack(">I", len(sealed)) + sealed
    return bytes(out)


def write_from_the_document(path: Path) -> None:
    """The vector's records and manifest fields, re-packed by the document's rules."""
    recipient = bytes.fromhex(RECIPIENT["encryption_public"])
    signer = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(SENDER["signing_private"]))
    plain = bytearray(b"ISPK\x01")
    listed = []
    for table in [*RECORD_MEMBERS, "audit"]:
        name = f"{table}.jsonl.gz"
        text = (EXPECTED / "members" / f"{table}.jsonl").read_bytes()
        compressed = zlib.compress(text, 9, 31)
        plain += b"M" + bytes([len(name)]) + name.encode()
        for start in range(0, len(compressed), 1000):  # blocks of any size up to 4 MiB
            block = compressed[start:start + 1000]
            plain += struct.pack(">I", len(block)) + block
        plain += struct.pack(">I", 0)
        listed.append({"name": name, "sha256": hashlib.sha256(compressed).hexdigest(),
                       "size": len(compressed), "raw_size": len(text),
                       "lines": text.count(b"\n")})
    manifest = json.loads((EXPECTED / "manifest.json").read_bytes())
    manifest.update(members=listed, package_id=os.urandom(16).hex())
    raw = canonical(manifest)
    plain += b"E" + struct.pack(">I", len(raw)) + raw
    plain += signer.sign(b"inspector-sync manifest v1\x00" + raw)

    path.write_bytes(encrypt(bytes(plain), recipient))


def test_a_package_written_from_the_document_is_read_by_the_program(tmp_path):
    from inspector_app.sync.package import PackageReader

    path = tmp_path / "ATY-017_2026-11-25_0001.isync"
    write_from_the_document(path)
    keys = recipient_keys()
    reader = PackageReader(path, keys)
    manifest = reader.verify()
    assert manifest.sender == "ATY-017" and len(manifest.members) == 12
    for info, lines in reader.members():
        assert list(lines) == expected_lines(info.name)


# -- the document's column table -------------------------------------------------------------------
def test_the_documents_column_table_is_the_codecs():
    from inspector_app.sync.codec import CODECS, STAMPS

    kinds = {"text": "text", "id": "id", "int": "int", "bool": "bool", "date": "date",
             "datetime": "moment", "decimal": "decimal"}
    rows = []
    for codec in CODECS.values():
        cells = []
        for column in codec.columns:
            if column.name in STAMPS:
                continue
            kind = (f"→{column.target._meta.table_name}" if column.kind == "ref"
                    else f"text≤{column.max_length}" if column.kind == "text" and column.max_length
                    else kinds[column.kind])
            cells.append(f"`{column.name}` {kind}{'?' if column.nullable else ''}")
        rows.append(f"| `{codec.table}` | {', '.join(cells)} |")
    document = (Path(__file__).parents[1] / "docs" / "sync-format.md").read_text(encoding="utf-8")
    block = document.split("<!-- columns:")[1].split("<!-- /columns -->")[0]
    assert [line for line in block.splitlines() if line.startswith("| `")] == rows


# -- 4. a forwarded file (district → region), both ways ----------------------------------------
def forward_note_from_the_document(point_plain: bytes, region_fingerprint: str) -> bytes:
    district_public = (bytes.fromhex(RECIPIENT["signing_public"]),
                       bytes.fromhex(RECIPIENT["encryption_public"]))
    return canonical({
        "format": "inspector-sync-forward", "format_version": 1,
        "package_id": json.loads((EXPECTED / "manifest.json").read_bytes())["package_id"],
        "point": "ATY-017", "point_fingerprint": SENDER["fingerprint"],
        "point_sha256": hashlib.sha256(point_plain).hexdigest(), "point_size": len(point_plain),
        "point_file_sha256": STREAM["file_sha256"], "district": "ATY-ROP",
        "district_name": "ОП г. Атырау",
        "signing_key": base64.b64encode(district_public[0]).decode(),
        "encryption_key": base64.b64encode(district_public[1]).decode(),
        "region": "ATY-OBL", "region_fingerprint": region_fingerprint,
        "forwarded_at": "2026-11-25 12:00:00"})


def test_a_forwarded_file_written_from_the_document_is_read_by_the_program(tmp_path):
    from inspector_app.sync.keys import KeyPair
    from inspector_app.sync.package import PackageReader

    district = X25519PrivateKey.from_private_bytes(bytes.fromhex(RECIPIENT["encryption_private"]))
    point_plain, _ = decrypt(PACKAGE.read_bytes(), district)
    region = KeyPair(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    note = forward_note_from_the_document(point_plain, region.public.fingerprint)
    signer = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(RECIPIENT["signing_private"]))
    plain = (b"ISFW\x01" + point_plain + b"F" + struct.pack(">I", len(note)) + note
             + signer.sign(b"inspector-sync forward v1\x00" + note))
    path = tmp_path / "ATY-017_2026-11-25_0001_via_ATY-ROP.isync"
    path.write_bytes(encrypt(plain, region.public.encryption))
    reader = PackageReader(path, region)
    manifest = reader.verify()
    assert reader.forward.district == "ATY-ROP" and manifest.recipient == "ATY-ROP"
    assert reader.identity == hashlib.sha256(point_plain).hexdigest()
    for info, lines in reader.members():
        assert list(lines) == expected_lines(info.name)


def test_a_version_2_note_written_from_the_document_carries_the_key_changes(tmp_path):
    from inspector_app.sync.keys import KeyPair
    from inspector_app.sync.package import PackageReader

    district = X25519PrivateKey.from_private_bytes(bytes.fromhex(RECIPIENT["encryption_private"]))
    point_plain, _ = decrypt(PACKAGE.read_bytes(), district)
    region = KeyPair(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    body = json.loads(forward_note_from_the_document(point_plain, region.public.fingerprint))
    older = "0000 1111 2222 3333 4444 5555 6666 7777"
    body.update(format_version=2, key_changes=[
        {"old_fingerprint": older, "new_fingerprint": SENDER["fingerprint"],
         "accepted_at": "2026-11-24 09:15:00", "accepted_by": "erzhanov"}])
    note = canonical(body)
    signer = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(RECIPIENT["signing_private"]))
    plain = (b"ISFW\x01" + point_plain + b"F" + struct.pack(">I", len(note)) + note
             + signer.sign(b"inspector-sync forward v1\x00" + note))
    path = tmp_path / "ATY-017_2026-11-25_0001_via_ATY-ROP.isync"
    path.write_bytes(encrypt(plain, region.public.encryption))
    reader = PackageReader(path, region)
    reader.verify()
    [change] = reader.forward.key_changes
    assert (change.old_fingerprint, change.new_fingerprint, change.accepted_by) == (
        older, SENDER["fingerprint"], "erzhanov")
    assert f"{change.accepted_at:%d.%m.%Y %H:%M}" == "24.11.2026 09:15"


def layer2_end(plain: bytes, at: int) -> int:
    """Where a layer 2 starting at ``at`` ends (after its signature)."""
    assert plain[at:at + 5] == b"ISPK\x01"
    at += 5
    while plain[at:at + 1] == b"M":
        at += 2 + plain[at + 1]
        while True:
            (length,) = struct.unpack(">I", plain[at:at + 4])
            at += 4 + length
            if length == 0:
                break
    assert plain[at:at + 1] == b"E"
    (length,) = struct.unpack(">I", plain[at + 1:at + 5])
    return at + 5 + length + 64


def test_an_independent_reader_reads_a_forwarded_file_the_program_wrote(tmp_path):
    from inspector_app.sync.forward import ForwardWriter
    from inspector_app.sync.forward_note import note_body
    from inspector_app.sync.keys import KeyPair, PublicKeys

    district_x = X25519PrivateKey.from_private_bytes(bytes.fromhex(RECIPIENT["encryption_private"]))
    point_plain, _ = decrypt(PACKAGE.read_bytes(), district_x)
    district = KeyPair(Ed25519PrivateKey.from_private_bytes(
        bytes.fromhex(RECIPIENT["signing_private"])), district_x)
    region = X25519PrivateKey.generate()
    region_public = PublicKeys(os.urandom(32), region.public_key().public_bytes_raw())
    writer = ForwardWriter(tmp_path / "f.isync", region_public)
    for start in range(0, len(point_plain), 777):  # streamed in pieces
        writer.write(point_plain[start:start + 777])
    body = json.loads(forward_note_from_the_document(point_plain, region_public.fingerprint))
    writer.seal(note_body(**{k: v for k, v in body.items()
                             if k not in ("format", "format_version")}), district)
    plain, _ = decrypt(writer.publish().read_bytes(), region)

    assert plain[:5] == b"ISFW\x01"
    note_start = layer2_end(plain, 5)
    assert plain[note_start:note_start + 1] == b"F"
    (length,) = struct.unpack(">I", plain[note_start + 1:note_start + 5])
    note = plain[note_start + 5:note_start + 5 + length]
    assert note_start + 5 + length + 64 == len(plain)
    Ed25519PublicKey.from_public_bytes(bytes.fromhex(RECIPIENT["signing_public"])).verify(
        plain[-64:], b"inspector-sync forward v1\x00" + note)
    inner = plain[5:note_start]
    assert inner == point_plain  # byte for byte
    members, raw_manifest, signature = walk(inner)
    Ed25519PublicKey.from_public_bytes(bytes.fromhex(SENDER["signing_public"])).verify(
        signature, b"inspector-sync manifest v1\x00" + raw_manifest)
    fields = json.loads(note)
    assert canonical(fields) == note
    assert fields["point_sha256"] == hashlib.sha256(inner).hexdigest()
    assert fields["point_size"] == len(inner)
    assert json.loads(raw_manifest)["recipient_fingerprint"] == RECIPIENT["fingerprint"] == \
        fingerprint(base64.b64decode(fields["signing_key"]),
                    base64.b64decode(fields["encryption_key"]))
