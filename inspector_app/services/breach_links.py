"""Protocols under КоАП art. 461 stored before a breach named what it breaches (issue 17).

Since migration 0013 a protocol under art. 461 names the protective order or special
requirements it breaches (``offence.breached_registration``); protocols entered before that
name none. :func:`link_older_breaches` links them once, at the first open of a point's
database by this version that finds such protocols (then :data:`DONE_KEY` in ``meta``), where
it is unambiguous: the
offender has exactly one protective order or special requirements (not deleted) running on
the day of the offence. Each link is an ordinary audited update of the protocol (it travels to
the district), and one ``breaches_linked`` entry lists what was linked and what was not. The
protocols left unlinked (no such registration, or several) are what :func:`unlinked_breaches`
lists for the inspector: the home page's to-do list and ``inspector breaches``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from inspector_app.services.records import audit_view, changed_only, next_change_seq, write_audit
from inspector_app.services.registrations import BREACH_ARTICLE
from inspector_app.storage.models import Meta, Offence, Registration

DONE_KEY = "older_breaches_linked"
LINK_ACTION = "breaches_linked"


@dataclass(frozen=True)
class Unlinked:
    """A protocol under art. 461 that names no registration, and how many could be meant."""

    offence: Offence
    candidates: int
    """Protective orders / special requirements of the offender running on the day (0 or 2+;
    1 only for a protocol stored after the one-time linking)."""


def candidates(services, offence: Offence) -> list[Registration]:
    """The offender's protective orders and special requirements (not deleted) running on
    the day of the offence (:meth:`RegistrationService.breachable`)."""
    day = offence.committed_at.date() if isinstance(offence.committed_at, datetime) \
        else offence.committed_at
    return services.registrations.breachable(offence.offender_id, day)


def _unlinked_query(point_code: str):
    return (Offence.select()
            .where((Offence.owner_point == point_code)
                   & (Offence.deleted == False)  # noqa: E712
                   & Offence.breached_registration.is_null()
                   & ((Offence.article == BREACH_ARTICLE)
                      | Offence.article.startswith(f"{BREACH_ARTICLE}-")))
            .order_by(Offence.committed_at, Offence.id))


def unlinked_breaches(services, limit: int | None = None) -> list[Unlinked]:
    """The point's protocols under art. 461 that name no registration, oldest first."""
    query = _unlinked_query(services.point_code)
    if limit is not None:
        query = query.limit(limit)
    return [Unlinked(offence, len(candidates(services, offence))) for offence in query]


def link_older_breaches(services) -> dict[str, str] | None:
    """Link the point's unlinked art. 461 protocols to their one running order, once (None:
    done before, or not a point). Returns {protocol id: registration id} linked now."""
    if services.is_district_office:
        return None
    with services.db.atomic():
        if Meta.get_or_none(Meta.key == DONE_KEY) is not None:
            return None
        unlinked = list(_unlinked_query(services.point_code))
        if not unlinked:  # nothing to do: nothing written (a later open looks again)
            return {}
        linked: dict[str, str] = {}
        left: list[str] = []
        offences = services.offences
        for offence in unlinked:
            found = candidates(services, offence)
            if len(found) != 1:
                left.append(offence.id)
                continue
            before = audit_view(Offence, offence.__data__)
            offence.breached_registration = found[0].id
            offences.store(offence, "update",
                           *changed_only(before, audit_view(Offence, offence.__data__)))
            linked[offence.id] = found[0].id
        write_audit(services.clock.now_utc(), services.actor_login, LINK_ACTION, "offence",
                    BREACH_ARTICLE, next_change_seq(), None,
                    {"linked": linked, "left_unlinked": left})
        Meta.insert(key=DONE_KEY, value=services.clock.now_utc().isoformat(
            sep=" ", timespec="seconds")).execute()
    return linked
