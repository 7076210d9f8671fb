"""Failed logins, lockouts and refused actions, written into the audit chain.

Each event is an audit entry of the pseudo-table ``security`` whose ``record_id`` is the login
concerned and whose ``new_values`` say what happened; like every entry it is chained by hash
(``check`` finds one removed or edited) and travels to the district with the point's trail.

The login throttle's state is *derived* from these entries (:class:`ChainAttemptStore`): the
wrong passwords since the last lock or the last success after failures, and the newest lock.
Deleting a row therefore lifts nothing; deleting an entry breaks the chain. Wrong passwords
given to an encrypted database, which cannot be written before it is unlocked, wait in its
attempts file and enter the chain at the next successful login (:func:`record_unlock_failures`).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from inspector_app.domain.clock import Clock
from inspector_app.protection.lockout import AttemptState, FileAttemptStore
from inspector_app.services.records import write_audit
from inspector_app.storage.models import AuditEntry

SECURITY_TABLE = "security"
LOGIN_FAILED = "login_failed"
LOCKED = "locked"
LOGIN_AFTER_FAILURES = "login"
REFUSED = "refused"
_THROTTLE_EVENTS = (LOGIN_FAILED, LOCKED, LOGIN_AFTER_FAILURES)
SUBJECT_LENGTH = 32  # audit_entry.record_id


def record_event(db: SqliteDatabase, clock: Clock, actor: str, action: str, subject: str,
                 details: dict[str, Any], *, at: datetime | None = None) -> None:
    """Append one security event to the audit chain (its own transaction when none is open);
    ``at``: when it happened (UTC), if not now. A damaged file takes no writes (the user
    must still be told about the damage)."""
    if getattr(db, "damaged", None) is not None:
        return
    with db.atomic():
        write_audit(at or clock.now_utc().replace(microsecond=0), actor[:64], action,
                    SECURITY_TABLE, subject[:SUBJECT_LENGTH], 0, None, details)


def record_unlock_failures(db: SqliteDatabase, clock: Clock, attempts_file: Path) -> None:
    """Write the wrong passwords given before an encrypted database could be read (kept in
    its attempts file) into the audit chain, now that it is open."""
    store = FileAttemptStore(attempts_file)
    pending = store.pending()
    for event in pending:
        login = str(event.get("login", ""))
        at = _moment(event.get("last_failure_at")) or clock.now_utc().replace(microsecond=0)
        details: dict[str, Any] = {"failures": int(event.get("failures", 0)),
                                   "before_unlock": True}
        if event.get("locked_until"):
            details["locked_until"] = str(event["locked_until"])
        record_event(db, clock, login, LOCKED if event.get("locked_until") else LOGIN_FAILED,
                     login, details, at=at)
    if pending:
        store.clear_pending()


def _moment(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


class ChainAttemptStore:
    """The throttle's state per login, read from and written to the audit chain."""

    def __init__(self, db: SqliteDatabase, clock: Clock):
        self.db = db
        self.clock = clock

    def load(self, login: str) -> AttemptState:
        query = (AuditEntry.select(AuditEntry.action, AuditEntry.at, AuditEntry.new_values)
                 .where((AuditEntry.table_name == SECURITY_TABLE)
                        & (AuditEntry.record_id == login[:SUBJECT_LENGTH])
                        & (AuditEntry.action.in_(_THROTTLE_EVENTS)))
                 .order_by(AuditEntry.id.desc()))
        failures, last_failure, locked_until = 0, None, None
        for action, at, values in query.tuples().iterator():
            if action == LOGIN_AFTER_FAILURES:
                break
            if action == LOGIN_FAILED:
                failures += 1
                if last_failure is None:  # the chain's time is whole seconds; the pause is not
                    last_failure = _moment(json.loads(values or "{}").get("failed_at")) or at
                continue
            if failures == 0:  # the newest event is a lock: it holds until it runs out
                details = json.loads(values or "{}")
                failures, last_failure = int(details.get("failures", 0)), at
                locked_until = _moment(details.get("locked_until"))
            break
        return AttemptState(failures, last_failure, locked_until)

    def save(self, login: str, state: AttemptState) -> None:
        if state.locked_until is not None:
            record_event(self.db, self.clock, login, LOCKED, login,
                         {"failures": state.failures,
                          "locked_until": state.locked_until.isoformat(sep=" ")})
        elif state.failures:
            record_event(self.db, self.clock, login, LOGIN_FAILED, login,
                         {"failures": state.failures,
                          "failed_at": state.last_failure_at.isoformat(sep=" ")})
        elif self.load(login).failures:
            record_event(self.db, self.clock, login, LOGIN_AFTER_FAILURES, login, {})
