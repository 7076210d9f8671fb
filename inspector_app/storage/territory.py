"""What one connection may see: the points of the logged-in account's territory (issue 18).

An account at a district or region office can be limited to some points (or, at a region, the
points of some districts; :mod:`inspector_app.services.territory` keeps that and resolves it at
login). The session then sets the :class:`Territory` on its database connection
(:func:`apply_territory`) and every read the core makes narrows itself through this module:
:func:`visible_condition` for peewee queries (the registers, the district summary's points),
:func:`visible_clause` for the raw statements (stats, search), :meth:`Territory.allows` for
the sync state (points overview, imports). That is the one rule; nothing outside the core
filters points.

On a server the same territory is the session variable ``app.points`` (a comma-separated list,
empty: every point), read by the row-level security policies of the record tables (migration
0019): a query that forgets the rule still reads only the territory's rows. See
docs/territory.md for what that does and does not protect against.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SETTING = "app.points"
"""The server session variable the row-level security policies read."""


@dataclass(frozen=True)
class Territory:
    """The points an account sees; ``points`` None: every point (an unlimited account).

    ``districts``: at a region, the districts it was given (a point of one, not enrolled yet,
    may still be imported by it)."""

    points: frozenset[str] | None = None
    districts: frozenset[str] = frozenset()

    @property
    def limited(self) -> bool:
        return self.points is not None

    def allows(self, point_code: str | None, district: str | None = None) -> bool:
        """Whether the point's records may be read (or, at a region, its package imported
        when it came from ``district``)."""
        return (self.points is None or point_code in self.points
                or (district is not None and district in self.districts))

    def narrow(self, asked: Iterable[str] = ()) -> tuple[str, ...] | None:
        """The points a query is to read: those ``asked`` that the territory holds, or the
        whole territory when none were asked; None: no limit at all."""
        asked = tuple(asked)
        if self.points is None:
            return asked or None
        return tuple(code for code in asked if code in self.points) if asked \
            else tuple(sorted(self.points))

    def including(self, point_code: str) -> Territory:
        """The same territory with one more point (a new point of one of its districts)."""
        if self.points is None or point_code in self.points:
            return self
        return Territory(self.points | {point_code}, self.districts)

    def setting(self) -> str:
        """The value of :data:`SETTING` (``""``: unlimited)."""
        return "" if self.points is None else ",".join(sorted(self.points))


UNLIMITED = Territory()
NOWHERE = ""
"""A point code no record has: a limited query with no point of its territory left."""


def territory_of(db) -> Territory:
    """The territory the connection ``db`` is limited to (unlimited unless a session set one)."""
    return getattr(db, "territory", UNLIMITED)


def apply_territory(db, territory: Territory) -> None:
    """Limit what ``db`` reads to ``territory`` (a server's row-level security too)."""
    db.territory = territory
    set_on_server = getattr(db, "set_territory", None)
    if set_on_server is not None:
        set_on_server(territory.setting())


def visible_condition(model, asked: str | Iterable[str] | None = None):
    """The peewee term limiting ``model`` (a record kind with ``owner_point``) to the
    territory of its database, and to the point(s) ``asked`` if any; None: no limit."""
    if isinstance(asked, str):
        asked = (asked,)
    codes = territory_of(model._meta.database).narrow(asked or ())
    if codes is None:
        return None
    return model.owner_point.in_(codes or (NOWHERE,))


def visible_clause(db, column: str, asked: Iterable[str] = (), params: dict | None = None,
                   prefix: str = "point") -> str | None:
    """The raw SQL term ``column IN (:point0, ...)`` for the territory of ``db`` and the
    points ``asked``, its values added to ``params`` (named); None: no limit."""
    codes = territory_of(db).narrow(asked)
    if codes is None:
        return None
    codes = codes or (NOWHERE,)
    names = [f"{prefix}{i}" for i in range(len(codes))]
    if params is not None:
        params.update(zip(names, codes, strict=True))
    return f"{column} IN ({', '.join(':' + n for n in names)})"


def listed_clause(db, column: str = "owner_point") -> str | None:
    """The raw SQL term ``column IN ('A', ...)`` for the territory of ``db``, its codes as
    literals (for a statement that keeps positional parameters); None: no limit."""
    codes = territory_of(db).narrow()
    if codes is None:
        return None
    listed = ", ".join("'" + code.replace("'", "''") + "'" for code in codes or (NOWHERE,))
    return f"{column} IN ({listed})"
