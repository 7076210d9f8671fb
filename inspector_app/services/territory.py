"""The territory of an office account: the points it sees (issue 18).

At a district or region office the administrator may limit an account (not an
administrator's) to some enrolled points or, at a region, to some districts (then it sees
every point those districts forwarded). An account with no territory sees every point, as
before. The territory is kept in ``account_territory`` (migration 0019), resolved to point
codes when the account logs in (:meth:`Territories.resolve`) and set on the connection
(:mod:`inspector_app.storage.territory`), which every read of the core obeys. A change is an
entry of the audit chain (``staff``, action ``territory``) and applies from the account's next
login.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from inspector_app.domain.permissions import Action, Role
from inspector_app.errors import FieldError, ValidationError
from inspector_app.services.records import write_audit
from inspector_app.storage.models import Staff
from inspector_app.storage.territory import UNLIMITED, Territory
from inspector_app.sync import state
from inspector_app.sync.manifest import POINT_CODE

if TYPE_CHECKING:
    from inspector_app.services.context import Services

POINT, DISTRICT = "point", "district"
AUDIT_ACTION = "territory"


class Territories:
    """Read, set and resolve office accounts' territories."""

    def __init__(self, services: Services):
        self.services = services

    def of(self, staff_id: str) -> dict[str, list[str]]:
        """``{"points": [...], "districts": [...]}`` as set (both empty: unlimited)."""
        rows = self.services.db.execute_sql(
            'SELECT kind, code FROM "account_territory" WHERE staff_id = ? ORDER BY kind, code',
            (staff_id,)).fetchall()
        return {"points": [code for kind, code in rows if kind == POINT],
                "districts": [code for kind, code in rows if kind == DISTRICT]}

    def choices(self) -> dict[str, list[state.Peer]]:
        """What a territory may hold here: the enrolled points and (at a region) districts."""
        db = self.services.db
        return {"points": state.peers(db, state.POINT_ROLE),
                "districts": state.peers(db, state.DISTRICT_ROLE) if self.services.is_region
                else []}

    def set(self, staff_id: str, points: Iterable[str] = (),
            districts: Iterable[str] = ()) -> dict[str, list[str]]:
        """Limit the account to ``points`` and ``districts`` (both empty: no limit); the
        change is audited. Returns the territory as now set.

        A point is an enrolled one or the code of one still to send its first package (its
        operator then imports it); a district, at a region, an enrolled district."""
        services = self.services
        services.require(Action.MANAGE_ACCOUNTS, "staff")
        staff = services.staff.get(staff_id)
        wanted = {"points": sorted(set(points)), "districts": sorted(set(districts))}
        self._check(staff, wanted)
        with services.db.atomic():
            old = self.of(staff_id)
            if old == wanted:
                return old
            services.db.execute_sql('DELETE FROM "account_territory" WHERE staff_id = ?',
                                    (staff_id,))
            for kind, codes in ((POINT, wanted["points"]), (DISTRICT, wanted["districts"])):
                for code in codes:
                    services.db.execute_sql(
                        'INSERT INTO "account_territory" (staff_id, kind, code) '
                        'VALUES (?, ?, ?)', (staff_id, kind, code))
            write_audit(services.clock.now_utc().replace(microsecond=0),
                        services.actor_login, AUDIT_ACTION, "staff", staff_id, 0, old, wanted)
        return wanted

    def _check(self, staff, wanted: dict[str, list[str]]) -> None:
        services = self.services
        if not (wanted["points"] or wanted["districts"]):
            return
        if not services.is_district_office or staff.owner_point != services.point_code:
            raise ValidationError([FieldError("staff", "points", "v.territory_not_office")])
        if staff.role == Role.ADMINISTRATOR:
            raise ValidationError([FieldError("staff", "points",
                                              "v.territory_administrator")])
        db = services.db
        others = {peer.point_code for peer in state.peers(db) if peer.role != state.POINT_ROLE}
        errors = [FieldError("staff", "points", "v.territory_unknown_points", {"code": code})
                  for code in wanted["points"]
                  if code in others | {services.point_code} or not POINT_CODE.match(code)]
        districts = {peer.point_code for peer in self.choices()["districts"]}
        errors += [FieldError("staff", "districts", "v.territory_unknown_districts",
                              {"code": code})
                   for code in wanted["districts"] if code not in districts]
        if errors:
            raise ValidationError(errors)

    def resolve(self, staff_id: str) -> Territory:
        """What the account sees: its points, those of its districts, and the office's own
        records (its profile, its accounts); unlimited when nothing is set, and for an
        administrator (an account limited before it was made one)."""
        chosen = self.of(staff_id)
        if not (chosen["points"] or chosen["districts"]):
            return UNLIMITED
        if Staff.get_by_id(staff_id).role == Role.ADMINISTRATOR:
            return UNLIMITED
        districts = frozenset(chosen["districts"])
        points = set(chosen["points"]) | {self.services.point_code}
        if districts:
            points |= {peer.point_code for peer in state.peers(self.services.db,
                                                                 state.POINT_ROLE)
                       if peer.district in districts}
        return Territory(frozenset(points), districts)
