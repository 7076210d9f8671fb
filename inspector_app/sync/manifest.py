"""The manifest of a package: what it is, who sent it to whom, and every member's hash.

Four kinds of package share the format: ``records`` (a point's changes, to the district),
``receipt`` (what the district holds of a point), ``reference`` (catalogues, МРП table and the
district's staff list, to a point) and ``region_receipt`` (what the region holds of one point
of a district, to that district). A manifest is canonical JSON (sorted keys, no spaces).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from inspector_app.sync.codec import DuplicateKey, strict_json
from inspector_app.sync.container import MemberInfo, check_declared
from inspector_app.sync.errors import SyncError
from inspector_app.sync.keys import PublicKeys, unb64

FORMAT = "inspector-sync"
FORMAT_VERSION = 1
RECORDS, RECEIPT, REFERENCE = "records", "receipt", "reference"
REGION_RECEIPT = "region_receipt"
KINDS = (RECORDS, RECEIPT, REFERENCE, REGION_RECEIPT)
PACKAGE_ID = re.compile(r"^[0-9a-f]{32}$")
INT_LIMIT = 2**63
"""Every integer of a manifest is below this (SQLite's integers are 64-bit signed)."""
FIRST_YEAR, LAST_YEAR = 2000, 2999
"""A package's ``created_at`` lies in these years (a moment near 9999 overflows date sums)."""
COMMON_FIELDS = frozenset({
    "format", "format_version", "kind", "package_id", "sender", "sender_name", "sender_kind",
    "database_id", "recipient", "recipient_fingerprint", "signing_key", "encryption_key",
    "schema_version", "app_version", "created_at", "utc_offset_minutes", "members"})
KIND_FIELDS = {
    "records": frozenset({"export_no", "full", "seq_from", "seq_to", "audit_from", "audit_to",
                          "checksum", "holdings", "counts", "reference_digest"}),
    "receipt": frozenset({"receipt_no", "point_database_id", "held_export_no", "held_seq",
                          "last_export_no", "gaps", "checksum", "records"}),
    "reference": frozenset({"digest"}),
    "region_receipt": frozenset({"point", "receipt_no", "point_database_id", "held_export_no",
                                 "held_seq", "last_export_no", "gaps", "checksum", "records"}),
}
"""The fields a manifest of each kind has: any other field refuses the file."""
MEMBER_FIELDS = frozenset({"name", "sha256", "size", "raw_size", "lines"})
POINT_CODE = re.compile(r"^[A-Z0-9]{2,8}(-[A-Z0-9]{1,8}){0,2}$")


def canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def utc_text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class Manifest:
    """A parsed, type-checked manifest. ``body`` keeps every field, kind-specific ones too."""

    kind: str
    package_id: str
    sender: str
    sender_name: str
    sender_kind: str
    database_id: str
    recipient: str
    recipient_fingerprint: str
    keys: PublicKeys
    schema_version: int
    created_at: datetime
    utc_offset_minutes: int
    members: tuple[MemberInfo, ...]
    body: dict[str, Any] = field(repr=False)

    def get(self, name: str, default: Any = None) -> Any:
        return self.body.get(name, default)

    def int_field(self, name: str, low: int = 0) -> int:
        """A kind-specific integer field, checked."""
        return _int(self.body, name, low)

    def text_field(self, name: str, pattern: re.Pattern | None = None) -> str:
        """A kind-specific text field, checked."""
        return checked_text(self.body, name, pattern)


def checked_text(body: dict, name: str, pattern: re.Pattern | None = None,
                 max_length: int = 300, *, code: str = "sync.bad_manifest") -> str:
    """``body[name]``: a text of at most ``max_length`` matching ``pattern``; else
    :class:`SyncError` ``code`` naming the field."""
    value = body.get(name)
    if not isinstance(value, str) or len(value) > max_length or (
            pattern is not None and not pattern.match(value)):
        raise SyncError(code, field=name)
    return value


def _int(body: dict, name: str, low: int = 0) -> int:
    value = body.get(name)
    if value.__class__ is not int or not low <= value < INT_LIMIT:
        raise SyncError("sync.bad_manifest", field=name)
    return value


def _member(item: Any) -> MemberInfo:
    if not isinstance(item, dict) or item.keys() != MEMBER_FIELDS:
        raise SyncError("sync.bad_manifest", field="members")
    name = checked_text(item, "name", max_length=60)
    sha = checked_text(item, "sha256", re.compile(r"^[0-9a-f]{64}$"))
    info = MemberInfo(name, sha, _int(item, "size"), _int(item, "raw_size"), _int(item, "lines"))
    check_declared(info)
    return info


def parse_manifest(raw: bytes) -> Manifest:
    """Check a manifest's format, version and field types; :class:`SyncError` otherwise."""
    try:
        body = strict_json(raw)
    except DuplicateKey as exc:
        raise SyncError("sync.bad_manifest", field=str(exc)[:64]) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise SyncError("sync.damaged") from exc
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise SyncError("sync.not_a_package")
    version = body.get("format_version")
    if version.__class__ is not int or version != FORMAT_VERSION:
        raise SyncError("sync.unsupported_version", version=json.dumps(version)[:20])
    kind = body.get("kind")
    if kind not in KINDS:
        raise SyncError("sync.unsupported_version", version=f"{FORMAT_VERSION}/{kind}")
    unknown = sorted(set(body) - COMMON_FIELDS - KIND_FIELDS[kind])
    if unknown:
        raise SyncError("sync.bad_manifest", field=unknown[0][:64])
    try:
        keys = PublicKeys(unb64(body.get("signing_key"), 32), unb64(body.get("encryption_key"), 32))
        created_at = datetime.strptime(checked_text(body, "created_at"), "%Y-%m-%d %H:%M:%S")
    except ValueError as exc:
        raise SyncError("sync.bad_manifest", field="keys/created_at") from exc
    if not FIRST_YEAR <= created_at.year <= LAST_YEAR:
        raise SyncError("sync.bad_manifest", field="created_at")
    members = body.get("members")
    if not isinstance(members, list) or len(members) > 64:
        raise SyncError("sync.bad_manifest", field="members")
    offset = _int(body, "utc_offset_minutes", -24 * 60)
    if offset > 24 * 60:
        raise SyncError("sync.bad_manifest", field="utc_offset_minutes")
    return Manifest(
        kind=kind,
        package_id=checked_text(body, "package_id", PACKAGE_ID),
        sender=checked_text(body, "sender", POINT_CODE),
        sender_name=checked_text(body, "sender_name"),
        sender_kind=checked_text(body, "sender_kind", re.compile(r"^(point|district|region)$")),
        database_id=checked_text(body, "database_id", PACKAGE_ID),
        recipient=checked_text(body, "recipient", POINT_CODE),
        recipient_fingerprint=checked_text(body, "recipient_fingerprint", max_length=64),
        keys=keys,
        schema_version=_int(body, "schema_version", 1),
        created_at=created_at,
        utc_offset_minutes=offset,
        members=tuple(_member(m) for m in members),
        body=body,
    )
