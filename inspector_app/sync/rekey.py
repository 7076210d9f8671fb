"""A point's new key, accepted at its district and followed by the region.

A point re-installed with new keys is trusted again at its district (``keys trust FILE
--replace``): the district records the change (old and new fingerprint, when, which operator)
in ``sync_state`` under ``key_changes:<point>`` and in its audit trail. Every forwarded file of
the point then carries, in the district's signed note (version 2, ``key_changes``), the chain
of changes that leads to the keys the package is signed with. The region follows it only from
the district the point belongs to and that it trusts (the note's checks come first), only
from the keys it holds to exactly the package's keys, inside the import's transaction, and
records and audits it the same way (with the district that vouched for it).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import datetime

from inspector_app.services.context import Services
from inspector_app.services.records import next_change_seq, write_audit
from inspector_app.sync import state
from inspector_app.sync.errors import SyncError
from inspector_app.sync.keys import PublicKeys
from inspector_app.sync.manifest import utc_text

AUDIT_ACTION = "key_change"
MAX_CHANGES = 16
"""The latest changes a note carries (and a database keeps) per point."""
FIELDS = frozenset({"old_fingerprint", "new_fingerprint", "accepted_at", "accepted_by"})
FINGERPRINT = re.compile(r"^[0-9A-F]{4}( [0-9A-F]{4}){7}$")


@dataclass(frozen=True)
class KeyChange:
    """One key change of a point, as the district accepted it."""

    old_fingerprint: str
    new_fingerprint: str
    accepted_at: datetime
    """UTC."""
    accepted_by: str
    district: str = ""
    """The district that accepted it (not in a note entry: the note names its district)."""

    def note_entry(self) -> dict:
        return {"old_fingerprint": self.old_fingerprint, "new_fingerprint": self.new_fingerprint,
                "accepted_at": utc_text(self.accepted_at), "accepted_by": self.accepted_by}


@dataclass(frozen=True)
class Rekey:
    """What the region is to do when it applies a package: take ``keys`` for ``point``
    instead of those with ``held`` fingerprint, following ``chain``."""

    point: str
    held: str
    keys: PublicKeys
    chain: tuple[KeyChange, ...]


def _key(point: str) -> str:
    return f"key_changes:{point}"


def key_changes(db, point: str) -> list[KeyChange]:
    """The key changes recorded here for ``point``, oldest first."""
    raw = state.get_state(db, _key(point))
    if not raw:
        return []
    return [KeyChange(**dict(entry, accepted_at=datetime.fromisoformat(entry["accepted_at"])))
            for entry in json.loads(raw)]


def _save(db, point: str, changes: list[KeyChange]) -> None:
    state.set_state(db, _key(point), json.dumps(
        [dict(asdict(c), accepted_at=utc_text(c.accepted_at)) for c in changes[-MAX_CHANGES:]],
        ensure_ascii=False))


def record_change(services: Services, peer: state.Peer, new_keys: PublicKeys) -> KeyChange:
    """At a district, inside the caller's transaction: ``peer`` (a point) gets ``new_keys``."""
    now = services.clock.now_utc().replace(microsecond=0)
    change = KeyChange(peer.fingerprint, new_keys.fingerprint, now, services.actor_login[:64],
                       services.point_code)
    _save(services.db, peer.point_code, [*key_changes(services.db, peer.point_code), change])
    write_audit(now, services.actor_login, AUDIT_ACTION, "sync_peer", peer.point_code,
                next_change_seq(), {"fingerprint": change.old_fingerprint},
                {"fingerprint": change.new_fingerprint})
    return change


def note_entries(db, point: str, fingerprint: str) -> list[dict]:
    """What a district's note carries for a package of ``point`` signed with ``fingerprint``:
    the recorded changes if the latest leads to it, else none."""
    changes = key_changes(db, point)[-MAX_CHANGES:]
    if not changes or changes[-1].new_fingerprint != fingerprint:
        return []
    return [c.note_entry() for c in changes]


def parse_entries(value: object) -> tuple[KeyChange, ...]:
    """A note's ``key_changes``: 1 to :data:`MAX_CHANGES` objects of exactly :data:`FIELDS`,
    each following the one before; else ``sync.bad_forward`` naming the field."""
    if not isinstance(value, list) or not 0 < len(value) <= MAX_CHANGES:
        raise SyncError("sync.bad_forward", field="key_changes")
    changes = []
    for entry in value:
        if not isinstance(entry, dict) or entry.keys() != FIELDS or not all(
                isinstance(v, str) for v in entry.values()):
            raise SyncError("sync.bad_forward", field="key_changes")
        if not (FINGERPRINT.match(entry["old_fingerprint"])
                and FINGERPRINT.match(entry["new_fingerprint"])
                and entry["old_fingerprint"] != entry["new_fingerprint"]
                and 0 < len(entry["accepted_by"]) <= 64):
            raise SyncError("sync.bad_forward", field="key_changes")
        try:
            at = datetime.strptime(entry["accepted_at"], "%Y-%m-%d %H:%M:%S")
        except ValueError:
            raise SyncError("sync.bad_forward", field="key_changes.accepted_at") from None
        if changes and changes[-1].new_fingerprint != entry["old_fingerprint"]:
            raise SyncError("sync.bad_forward", field="key_changes")
        changes.append(KeyChange(entry["old_fingerprint"], entry["new_fingerprint"], at,
                                 entry["accepted_by"]))
    return tuple(changes)


def followed(peer: state.Peer, keys: PublicKeys, changes: tuple[KeyChange, ...],
             district: str) -> Rekey:
    """At a region: the change from the keys held for ``peer`` to ``keys`` that the note of
    ``district`` (the point's own, checked before) vouches for; ``sync.key_change_mismatch``
    when its chain does not lead from the one to the other, ``sync.key_mismatch`` when the
    note claims no change."""
    if not changes:
        raise SyncError("sync.key_mismatch", point=peer.point_code,
                        fingerprint=keys.fingerprint, expected=peer.fingerprint)
    starts = [i for i, c in enumerate(changes) if c.old_fingerprint == peer.fingerprint]
    if not starts or changes[-1].new_fingerprint != keys.fingerprint:
        raise SyncError("sync.key_change_mismatch", point=peer.point_code, district=district,
                        held=peer.fingerprint, fingerprint=keys.fingerprint)
    chain = tuple(KeyChange(c.old_fingerprint, c.new_fingerprint, c.accepted_at,
                            c.accepted_by, district) for c in changes[starts[-1]:])
    return Rekey(peer.point_code, peer.fingerprint, keys, chain)


def apply_rekey(services: Services, rekey: Rekey) -> bool:
    """At a region, inside the import's transaction: take the new keys (unless a file before
    in the batch did); records and audits the change. Returns whether it changed anything."""
    db = services.db
    peer = state.peer(db, rekey.point)
    if peer.keys == rekey.keys:
        return False
    if peer.fingerprint != rekey.held:
        raise SyncError("sync.key_mismatch", point=rekey.point,
                        fingerprint=rekey.keys.fingerprint, expected=peer.fingerprint)
    peer.keys, peer.fingerprint = rekey.keys, rekey.keys.fingerprint
    state.save_peer(db, peer)
    _save(db, rekey.point, [*key_changes(db, rekey.point), *rekey.chain])
    now = services.clock.now_utc().replace(microsecond=0)
    last = rekey.chain[-1]
    write_audit(now, services.actor_login, AUDIT_ACTION, "sync_peer", rekey.point,
                next_change_seq(), {"fingerprint": rekey.held},
                {"fingerprint": rekey.keys.fingerprint, "district": last.district,
                 "accepted_at": utc_text(last.accepted_at), "accepted_by": last.accepted_by})
    return True
