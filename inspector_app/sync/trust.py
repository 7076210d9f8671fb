"""Enrolment: a point trusts its district's public key; the district may enrol points ahead.

A point imports the district's public key file once (``keys trust FILE``): from then on it
encrypts its packages to that key and accepts receipts and reference data signed by it. The
district learns a point's key from the point's first package (confirmed by fingerprint, or
``--trust-new``), or ahead of time from the point's own public key file. One level up, a
district trusts its region's key file the same way (it forwards its points' packages to it),
and a region trusts each of its districts' key files.
"""

from __future__ import annotations

from pathlib import Path

from inspector_app.domain.permissions import Action
from inspector_app.services.context import Services
from inspector_app.storage.territory import territory_of
from inspector_app.sync import state
from inspector_app.sync.errors import OutsideTerritory, SyncError
from inspector_app.sync.keys import PublicKeyFile, keys_of, read_public_key_file
from inspector_app.sync.keys import write_public_key_file as _write_file
from inspector_app.sync.rekey import record_change


def database_kind(services: Services) -> str:
    """``point``, ``district`` or ``region``: what this database's key file says it is."""
    if services.is_region:
        return state.REGION_ROLE
    return state.DISTRICT_ROLE if services.is_district_office else state.POINT_ROLE


TRUSTED_KINDS = {state.POINT_ROLE: (state.DISTRICT_ROLE,),
                 state.DISTRICT_ROLE: (state.POINT_ROLE, state.REGION_ROLE),
                 state.REGION_ROLE: (state.DISTRICT_ROLE, state.POINT_ROLE)}
"""The key files each kind of database trusts: a point its district, a district its points
and its region, a region its districts and (enrolled ahead, with their district) points."""
SINGLE_KINDS = {(state.POINT_ROLE, state.DISTRICT_ROLE), (state.DISTRICT_ROLE, state.REGION_ROLE)}
"""(own kind, trusted kind) of which at most one is trusted: a point's district, a district's
region; another one replaces it (``replace``)."""


def export_public_key(services: Services, path: str | Path) -> PublicKeyFile:
    """Write this database's public key file (point code, name, both public keys)."""
    keys = keys_of(services.db)
    return _write_file(path, keys, services.point_code, services.points.current().name,
                       database_kind(services))


def trust_key_file(services: Services, path: str | Path, *, replace: bool = False,
                   district: str = "") -> state.Peer:
    """Trust the keys in a public key file: the district (at a point), a point or the region
    (at a district), a district or, ahead of its first package, a point of ``district`` (at a
    region). A different key for an already trusted code (or another district, another
    region) needs ``replace``; a point is never moved to another district."""
    services.require(Action.IMPORT)
    document = read_public_key_file(path)
    own_kind = database_kind(services)
    if document.kind not in TRUSTED_KINDS[own_kind]:
        raise SyncError("sync.wrong_key_kind", kind=document.kind)
    expected = document.kind
    ahead = own_kind == state.REGION_ROLE and expected == state.POINT_ROLE
    if district and not ahead:
        raise SyncError("sync.enrol_district_only_region")
    if ahead:
        known = state.peer(services.db, district) if district else None
        if known is None or known.role != state.DISTRICT_ROLE:
            raise SyncError("sync.enrol_unknown_district", district=district or "—",
                            point=document.point_code)
        if not territory_of(services.db).allows(document.point_code, district):
            raise OutsideTerritory("sync.enrol_outside_territory", point=document.point_code,
                                   district=district)
    if document.point_code == services.point_code:
        raise SyncError("sync.own_key")
    if document.keys == keys_of(services.db).public:
        raise SyncError("sync.own_key")
    db = services.db
    with db.atomic("IMMEDIATE"):
        single = (own_kind, expected) in SINGLE_KINDS
        current = (state.peers(db, expected)[:1] or [None])[0] if single else state.peer(
            db, document.point_code)
        if current is not None and current.role != expected:
            raise SyncError("sync.wrong_key_kind", kind=document.kind)
        if ahead and current is not None and current.district != district:
            raise SyncError("sync.point_other_district", point=current.point_code,
                            district=current.district, claimed=district)
        if current is not None and current.keys != document.keys and not replace:
            raise SyncError("sync.already_trusted", point=current.point_code,
                            fingerprint=current.fingerprint)
        if current is not None and current.point_code != document.point_code:
            db.execute_sql('DELETE FROM "sync_peer" WHERE point_code = ?',
                           (current.point_code,))
            current = None
        peer = current or state.Peer(
            document.point_code, expected, document.name[:200], "", document.keys,
            document.keys.fingerprint, services.clock.now_utc().replace(microsecond=0),
            services.actor_login, district=district)
        if (current is not None and own_kind == state.DISTRICT_ROLE
                and expected == state.POINT_ROLE and current.keys != document.keys):
            record_change(services, current, document.keys)  # the region follows it
        peer.name = document.name[:200]
        peer.keys = document.keys
        peer.fingerprint = document.keys.fingerprint
        state.save_peer(db, peer)
    return peer
