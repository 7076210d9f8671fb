"""The district's signed note that ends a forwarded file (a point's package sent on to the region).

A forwarded file is an ordinary encrypted stream (to the region's key) whose plaintext is::

    "ISFW" | version u8 = 1
    the point's own plaintext, byte for byte ("ISPK" ... the point's signature)
    "F" | note length u32 | note (canonical JSON) | Ed25519 signature (64) of the district

The point's members, manifest and signature pass unchanged, so the region checks the point's
own signature and audit chain; the note says which district forwarded exactly which bytes
(their SHA-256), for which region, and which keys it enrolled the point with. Version 2 adds
``key_changes``: the point's key changes the district accepted, leading to the package's keys
(:mod:`.rekey`); a note without any is still written as version 1.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from inspector_app.sync.codec import DuplicateKey, strict_json
from inspector_app.sync.errors import SyncError
from inspector_app.sync.keys import PublicKeys, unb64
from inspector_app.sync.manifest import PACKAGE_ID, POINT_CODE, canonical, checked_text
from inspector_app.sync.rekey import FINGERPRINT, KeyChange, parse_entries

MAGIC = b"ISFW"
VERSION = 1
REKEY_VERSION = 2
"""A note that carries ``key_changes``."""
FORMAT = "inspector-sync-forward"
SIGN_CONTEXT = b"inspector-sync forward v1\x00"
MAX_NOTE = 64 * 1024
FIELDS = frozenset({"format", "format_version", "package_id", "point", "point_fingerprint",
                    "point_sha256", "point_size", "point_file_sha256", "district",
                    "district_name", "signing_key", "encryption_key", "region",
                    "region_fingerprint", "forwarded_at"})
REKEY_FIELDS = FIELDS | {"key_changes"}
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class ForwardNote:
    """A parsed, signature-checked note."""

    package_id: str
    point: str
    point_fingerprint: str
    point_sha256: str
    point_size: int
    point_file_sha256: str
    district: str
    district_name: str
    district_keys: PublicKeys
    region: str
    region_fingerprint: str
    forwarded_at: datetime
    raw: bytes
    signature: bytes
    key_changes: tuple[KeyChange, ...] = ()
    """The point's key changes the district accepted (version 2), oldest first."""


def note_body(*, key_changes: list[dict] | None = None, **fields: Any) -> bytes:
    """The canonical note of a forward (every field of :data:`FIELDS` but the format's);
    with ``key_changes`` (entries of :meth:`.rekey.KeyChange.note_entry`), version 2."""
    if key_changes:
        return canonical(dict(fields, key_changes=key_changes, format=FORMAT,
                              format_version=REKEY_VERSION))
    return canonical(dict(fields, format=FORMAT, format_version=VERSION))


def _text(body: dict, name: str, pattern: re.Pattern | None = None) -> str:
    return checked_text(body, name, pattern, code="sync.bad_forward")


def parse_note(raw: bytes, signature: bytes) -> ForwardNote:
    """Check a note: strict JSON with exactly its fields, signed by the key it names."""
    try:
        body = strict_json(raw)
    except DuplicateKey as exc:
        raise SyncError("sync.bad_forward", field=str(exc)[:64]) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise SyncError("sync.bad_forward", field="json") from exc
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise SyncError("sync.bad_forward", field="format")
    version = body.get("format_version")
    if version.__class__ is not int or version not in (VERSION, REKEY_VERSION):
        raise SyncError("sync.unsupported_version", version=json.dumps(version)[:20])
    fields = REKEY_FIELDS if version == REKEY_VERSION else FIELDS
    if body.keys() != fields:
        raise SyncError("sync.bad_forward", field=sorted(body.keys() ^ fields)[0][:64])
    try:
        keys = PublicKeys(unb64(body["signing_key"], 32), unb64(body["encryption_key"], 32))
        forwarded_at = datetime.strptime(_text(body, "forwarded_at"), "%Y-%m-%d %H:%M:%S")
    except ValueError as exc:
        raise SyncError("sync.bad_forward", field="keys/forwarded_at") from exc
    size = body["point_size"]
    if size.__class__ is not int or not 0 < size < 2**63:
        raise SyncError("sync.bad_forward", field="point_size")
    if not keys.verify(signature, SIGN_CONTEXT + raw):
        raise SyncError("sync.forward_bad_signature", district=str(body["district"])[:40])
    changes = parse_entries(body["key_changes"]) if version == REKEY_VERSION else ()
    return ForwardNote(
        package_id=_text(body, "package_id", PACKAGE_ID),
        point=_text(body, "point", POINT_CODE),
        point_fingerprint=_text(body, "point_fingerprint", FINGERPRINT),
        point_sha256=_text(body, "point_sha256", _HEX64), point_size=size,
        point_file_sha256=_text(body, "point_file_sha256", _HEX64),
        district=_text(body, "district", POINT_CODE),
        district_name=_text(body, "district_name"), district_keys=keys,
        region=_text(body, "region", POINT_CODE),
        region_fingerprint=_text(body, "region_fingerprint", FINGERPRINT),
        forwarded_at=forwarded_at, raw=raw, signature=signature, key_changes=changes)
