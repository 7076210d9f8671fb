"""The district's view of its points: what arrived from each, when, and what is missing; one
level up, which exports still go to the region and what the region holds (a region sees its
points by district)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from inspector_app.messages import translate
from inspector_app.services.context import Services
from inspector_app.storage.territory import territory_of
from inspector_app.sync import state
from inspector_app.sync.refused import RefusedFile, refused_files
from inspector_app.sync.rekey import KeyChange, key_changes

STALE_DAYS = 14
"""A point with no package for this many days is highlighted."""


@dataclass(frozen=True)
class PointStatus:
    """One enrolled point as the district sees it."""

    point_code: str
    name: str
    fingerprint: str
    last_package_at: datetime | None
    """When the point made its latest package (local time of the district's clock offset)."""
    days_since: int | None
    last_export_no: int
    held_export_no: int
    gaps: list[int]
    counts: dict[str, list[int]]
    """Per record kind: [live records, tombstones]."""
    refused: list[RefusedFile] = field(default_factory=list)
    stale: bool = False
    reinstalled_on: date | None = None
    """The day (district time) the point's current database, which replaced a former one,
    sent its first package."""
    district: str = ""
    """At a region: the point's district."""
    to_forward: list[int] = field(default_factory=list)
    """At a district with a region: exports imported here and not forwarded yet."""
    upstream: state.Upstream | None = None
    """At a district: what the region last said it holds of the point."""
    upstream_on: date | None = None
    """The day (district time) the region wrote that receipt."""
    has_region: bool = False
    """This district forwards to a region."""
    key_changes: list[KeyChange] = field(default_factory=list)
    """The point's key changes recorded here (accepted here, or followed from the district)."""
    offset: timedelta = timedelta(0)
    """Local time minus UTC (for the key changes' dates)."""

    @property
    def nothing_yet(self) -> bool:
        """Enrolled (ahead) and no package received yet."""
        return self.last_package_at is None

    def key_change_lines(self, lang: str = "ru") -> list[str]:
        """"key changed on DATE: OLD → NEW (accepted by LOGIN[, district D])", oldest first."""
        return [translate("cli.status_key_change", lang,
                          date=f"{c.accepted_at + self.offset:%d.%m.%Y %H:%M}",
                          old=c.old_fingerprint, new=c.new_fingerprint, by=c.accepted_by,
                          district=c.district or "—")
                for c in self.key_changes]

    def reinstalled_text(self, lang: str = "ru") -> str:
        """"point re-installed on DATE", or "" if it never was."""
        if self.reinstalled_on is None:
            return ""
        return translate("sync.reinstalled_on", lang, date=f"{self.reinstalled_on:%d.%m.%Y}")

    def region_lines(self, lang: str = "ru") -> list[str]:
        """At a district with a region: what the region holds of the point and the exports
        still to forward (nothing without a region)."""
        if not self.has_region:
            return []
        held = self.upstream
        if held is None:
            lines = [translate("cli.status_region_none", lang)]
        else:
            same = "cli.status_region_same" if held.same_as_here else "cli.status_region_differs"
            lines = [translate("cli.status_region", lang, held=held.held_export_no,
                               last=held.last_export_no, records=held.records,
                               date=f"{self.upstream_on:%d.%m.%Y}",
                               same=translate(same, lang))]
        if self.to_forward:
            lines.append(translate("cli.status_to_forward", lang,
                                   numbers=", ".join(map(str, self.to_forward))))
        return lines

    @property
    def records(self) -> int:
        return sum(live for live, _ in self.counts.values())


def points_overview(services: Services, *, stale_days: int = STALE_DAYS,
                    today: date | None = None) -> list[PointStatus]:
    """Every enrolled point of the session's territory, by code, with what arrived and what
    is missing."""
    today = today or services.clock.today()
    offset = services.clock.now_local() - services.clock.now_utc()
    refused = [r for r in refused_files(services.db.database)
               if not (r.package_id and state.inbound(services.db, r.package_id))]
    result = []
    has_region = state.region(services.db) is not None
    for peer in territory_peers(services):
        upstream = state.upstream(services.db, peer.point_code)
        local = peer.last_package_at + offset if peer.last_package_at else None
        days = (today - local.date()).days if local else None
        result.append(PointStatus(
            peer.point_code, peer.name, peer.fingerprint, local, days, peer.last_export_no,
            peer.held_export_no, list(peer.gaps), dict(peer.counts),
            [r for r in refused if r.point == peer.point_code],
            stale=days is None or days > stale_days,
            reinstalled_on=(peer.reinstalled_at + offset).date() if peer.reinstalled_at
            else None, district=peer.district, to_forward=not_forwarded(services.db, peer),
            upstream=upstream, has_region=has_region,
            upstream_on=(upstream.receipt_at + offset).date() if upstream else None,
            key_changes=key_changes(services.db, peer.point_code), offset=offset))
    return result


def not_forwarded(db, peer: state.Peer) -> list[int]:
    """The export numbers of the point's current database imported here and never forwarded
    to the region (nothing at a region, or at a district without one)."""
    if state.region(db) is None:
        return []
    sent = {entry.package_id for entry in state.forwarded_of(db, peer.point_code)}
    return [entry.export_no for entry in state.inbound_of(db, peer.point_code, "records",
                                                          peer.database_id)
            if entry.package_id not in sent]


def unattributed_refusals(services: Services) -> list[RefusedFile]:
    """Refused files that name no enrolled point (unknown senders, unreadable files); none
    for an account limited to a territory (such a file may be any point's)."""
    if territory_of(services.db).limited:
        return []
    codes = {p.point_code for p in state.peers(services.db, state.POINT_ROLE)}
    return [r for r in refused_files(services.db.database) if r.point not in codes]


def territory_peers(services: Services) -> list[state.Peer]:
    """The enrolled points the session's territory holds (every one for an unlimited
    account)."""
    territory = territory_of(services.db)
    return [peer for peer in state.peers(services.db, state.POINT_ROLE)
            if territory.allows(peer.point_code)]
