"""How the test vectors of ``docs/sync-format.md`` in this folder were made (run once).

    python tests/data/vectors/make_vectors.py

A district ``ATY-ROP`` and a point ``ATY-017`` with every record kind (edits, tombstones); the
point's first records package, written with 4 KiB chunks (the program writes 1 MiB; readers
take any size up to 16 MiB) so the vector has several chunks. Written out:

- ``ATY-017_2026-11-25_0001.isync``: the package;
- ``ATY-017.pub``, ``ATY-ROP.pub``: both public key files;
- ``keys.json``: the raw keys in hex (the recipient's private X25519 key to decrypt; the
  sender's private keys too, so a writer can be tested against a reader);
- ``expected/``: what a reader must find: ``stream.json`` (header fields, the derived AES
  key, chunk lengths, the file's SHA-256), ``manifest.json`` (the exact signed bytes),
  ``signature.hex``, and ``members/<name>`` (each member's decompressed JSON lines, exact).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # tests/ (fixtures)

from sync_fixtures import fill_point, keys_of, make_district, make_point  # noqa: E402

from inspector_app.domain.clock import FixedClock  # noqa: E402
from inspector_app.sync import crypto  # noqa: E402
from inspector_app.sync.export import export_package  # noqa: E402
from inspector_app.sync.package import PackageReader  # noqa: E402
from inspector_app.sync.trust import export_public_key  # noqa: E402

CHUNK = 4096


def _hex_keys(pair) -> dict[str, str]:
    return {"signing_private": pair.signing.private_bytes_raw().hex(),
            "signing_public": pair.public.signing.hex(),
            "encryption_private": pair.encryption.private_bytes_raw().hex(),
            "encryption_public": pair.public.encryption.hex(),
            "fingerprint": pair.public.fingerprint}


def _stream(path: Path, recipient) -> dict:
    data = path.read_bytes()
    header = data[:crypto.HEADER_SIZE]
    _, version, key_id, ephemeral, salt, chunk_size = crypto._HEADER.unpack(header)
    shared = recipient.encryption.exchange(
        crypto.X25519PublicKey.from_public_bytes(ephemeral))
    key = crypto.HKDF(algorithm=crypto.hashes.SHA256(), length=32, salt=salt,
                      info=crypto._HKDF_INFO + ephemeral + recipient.public.encryption
                      ).derive(shared)
    lengths, offset = [], crypto.HEADER_SIZE
    while offset < len(data):
        length = int.from_bytes(data[offset:offset + 4], "big")
        lengths.append(length)
        offset += 4 + length
    return {"header_hex": header.hex(), "version": version, "recipient_key_id": key_id.hex(),
            "ephemeral_public": ephemeral.hex(), "salt": salt.hex(), "chunk_size": chunk_size,
            "shared_secret": shared.hex(), "aes_key": key.hex(), "chunk_lengths": lengths,
            "file_sha256": hashlib.sha256(data).hexdigest(), "file_size": len(data)}


def main() -> None:
    if (HERE / "expected").exists():
        sys.exit("the vectors exist: they are never re-made")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        clock = FixedClock(datetime(2026, 11, 25, 10, 30))
        district = make_district(work, clock)
        point = make_point(work, "ATY-017", clock, district=district)
        fill_point(point)
        export_public_key(point, HERE / "ATY-017.pub")
        shutil.copy2(work / "ATY-ROP.pub", HERE / "ATY-ROP.pub")
        crypto.EncryptingWriter.__init__.__defaults__ = (CHUNK,)
        package = export_package(point, work).path
        shutil.copy2(package, HERE / package.name)
        (HERE / "keys.json").write_text(json.dumps(
            {"recipient ATY-ROP": _hex_keys(keys_of(district)),
             "sender ATY-017": _hex_keys(keys_of(point))}, indent=1) + "\n")
        expected = HERE / "expected"
        (expected / "members").mkdir(parents=True)
        reader = PackageReader(HERE / package.name, keys_of(district))
        reader.verify()
        (expected / "manifest.json").write_bytes(reader._trailer.manifest)
        (expected / "signature.hex").write_text(reader._trailer.signature.hex() + "\n")
        for info, lines in reader.members():
            (expected / "members" / info.name.removesuffix(".gz")).write_bytes(
                b"".join(line + b"\n" for line in lines))
        (expected / "stream.json").write_text(json.dumps(
            _stream(HERE / package.name, keys_of(district)), indent=1) + "\n")
        for services in (district, point):
            services.db.close()
    for path in sorted(HERE.rglob("*")):
        print(path.relative_to(HERE), path.stat().st_size)


if __name__ == "__main__":
    main()
