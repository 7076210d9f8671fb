"""Wrong-password throttling: a growing delay, then a temporary lock, per login.

The core never sleeps: after a wrong password it raises :class:`AuthenticationFailed` with
``retry_after`` (seconds) in its params, and refuses any attempt before that moment with
:class:`LoginTooSoon`, so the GUI stays responsive and shows a countdown. After
``max_failures`` wrong passwords in a row the login is locked for ``lock_minutes``
(:class:`AccountLocked`), even for the right password. A success clears the count.

State lives per login in a store: the database's audit chain
(:class:`~.security_events.ChainAttemptStore`, so that no row can be deleted to
lift a lock; migration 0003's ``login_attempt`` table is no longer used) or, for an encrypted
database that cannot be read before it is unlocked, a small JSON file beside it (whoever can
delete that file can copy the database and guess offline as well: there the key file's slow
scrypt is the protection, and the chain's lock still applies once the right password unlocks
the file; the wrong passwords kept there enter the chain at the next login). Times are UTC
from the injected clock, so tests are deterministic.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol, TypeVar

from peewee import SqliteDatabase

from inspector_app.domain.clock import Clock
from inspector_app.errors import AuthenticationFailed
from inspector_app.protection.private_files import private_files

T = TypeVar("T")


class AccountLocked(AuthenticationFailed):
    """Too many wrong passwords: the login is locked until ``until`` (local HH:MM)."""

    code = "error.account_locked"


class LoginTooSoon(AuthenticationFailed):
    """Another attempt before the delay after the last wrong password has passed."""

    code = "error.login_wait"


@dataclass(frozen=True)
class LockoutPolicy:
    """How many wrong passwords are tolerated and how long the pauses last."""

    max_failures: int = 5
    lock_minutes: int = 15
    first_delay_seconds: int = 1
    max_delay_seconds: int = 60

    def delay_after(self, failures: int) -> int:
        """Seconds to wait after ``failures`` wrong passwords in a row: 1, 2, 4, 8..."""
        if failures <= 0:
            return 0
        return min(self.first_delay_seconds * 2 ** (failures - 1), self.max_delay_seconds)


DEFAULT_POLICY = LockoutPolicy()


@dataclass(frozen=True)
class AttemptState:
    """Wrong passwords in a row for one login, when the last one was, and any lock."""

    failures: int = 0
    last_failure_at: datetime | None = None
    locked_until: datetime | None = None


class AttemptStore(Protocol):
    def load(self, login: str) -> AttemptState: ...

    def save(self, login: str, state: AttemptState) -> None: ...


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _text(value: datetime | None) -> str | None:
    return value.isoformat(sep=" ") if value else None


class FileAttemptStore:
    """Attempts in a small JSON file (for unlocking an encrypted database).

    Each wrong password is also kept under ``~pending`` (a login never starts with ``~``)
    until the database is open and :mod:`.security_events` has written it into
    the audit chain.
    """

    PENDING = "~pending"

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    @private_files()
    def _write(self, data: dict) -> None:
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.path)

    def load(self, login: str) -> AttemptState:
        row = self._read().get(login)
        if not isinstance(row, dict):
            return AttemptState()
        return AttemptState(int(row.get("failures", 0)), _parse(row.get("last_failure_at")),
                            _parse(row.get("locked_until")))

    def save(self, login: str, state: AttemptState) -> None:
        data = self._read()
        if state.failures == 0 and state.locked_until is None:
            if login not in data:
                return
            data.pop(login)
        else:
            data[login] = {"failures": state.failures,
                           "last_failure_at": _text(state.last_failure_at),
                           "locked_until": _text(state.locked_until)}
            data.setdefault(self.PENDING, []).append(dict(data[login], login=login))
        self._write(data)

    def pending(self) -> list[dict]:
        """The wrong passwords not yet in the audit chain, oldest first."""
        found = self._read().get(self.PENDING)
        return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []

    def clear_pending(self) -> None:
        data = self._read()
        if data.pop(self.PENDING, None) is not None:
            self._write(data)


def normal_login(login: str) -> str:
    return login.strip().lower()


class LoginThrottle:
    """Applies a :class:`LockoutPolicy` to login attempts recorded in a store."""

    def __init__(self, store: AttemptStore, clock: Clock,
                 policy: LockoutPolicy = DEFAULT_POLICY):
        self.store = store
        self.clock = clock
        self.policy = policy

    def _current(self, login: str) -> AttemptState:
        """The stored state, forgetting a lock that ran out and failures long past."""
        state = self.store.load(login)
        now = self.clock.now_utc()
        if state.locked_until is not None and state.locked_until <= now:
            return AttemptState()
        forget_after = timedelta(minutes=self.policy.lock_minutes)
        if state.last_failure_at is not None and now - state.last_failure_at > forget_after:
            return AttemptState()
        return state

    def _locked_error(self, until_utc: datetime) -> AccountLocked:
        remaining = until_utc - self.clock.now_utc()
        until_local = self.clock.now_local() + remaining
        return AccountLocked(minutes=max(1, math.ceil(remaining.total_seconds() / 60)),
                             until=until_local.strftime("%H:%M"),
                             retry_after=math.ceil(remaining.total_seconds()))

    def check(self, login: str) -> None:
        """Raise :class:`AccountLocked` or :class:`LoginTooSoon` if no attempt is allowed now."""
        state = self._current(normal_login(login))
        now = self.clock.now_utc()
        if state.locked_until is not None:
            raise self._locked_error(state.locked_until)
        if state.last_failure_at is not None:
            ready = state.last_failure_at + timedelta(
                seconds=self.policy.delay_after(state.failures))
            if ready > now:
                seconds = math.ceil((ready - now).total_seconds())
                raise LoginTooSoon(seconds=seconds, retry_after=seconds)

    def seconds_to_wait(self, login: str) -> int:
        """How long before the next attempt is accepted (0: now)."""
        try:
            self.check(login)
        except AuthenticationFailed as exc:
            return int(exc.params.get("retry_after", 0))
        return 0

    def failed(self, login: str) -> AuthenticationFailed:
        """Record a wrong password; returns the error to raise (with ``retry_after``)."""
        login = normal_login(login)
        state = self._current(login)
        now = self.clock.now_utc()
        failures = state.failures + 1
        if failures >= self.policy.max_failures:
            until = now + timedelta(minutes=self.policy.lock_minutes)
            self.store.save(login, AttemptState(failures, now, until))
            return self._locked_error(until)
        self.store.save(login, AttemptState(failures, now, None))
        delay = self.policy.delay_after(failures)
        return AuthenticationFailed("error.auth_failed", retry_after=delay,
                                    attempts_left=self.policy.max_failures - failures)

    def succeeded(self, login: str) -> None:
        self.store.save(normal_login(login), AttemptState())

    def attempt(self, login: str, verify: Callable[[], T]) -> T:
        """Run ``verify`` (which raises AuthenticationFailed on a wrong password) under the
        policy: refused while locked or too soon, counted when wrong, cleared when right."""
        self.check(login)
        try:
            result = verify()
        except AuthenticationFailed:
            raise self.failed(login) from None
        self.succeeded(login)
        return result


# -- forced password change after an administrator's reset -----------------------------


def mark_password_reset(db: SqliteDatabase, staff_id: str, at: datetime, by: str) -> None:
    """Remember that ``staff_id`` must choose a new password at the next login."""
    db.execute_sql('INSERT INTO "password_reset" (staff_id, reset_at, reset_by) '
                   "VALUES (?, ?, ?) ON CONFLICT (staff_id) DO UPDATE SET "
                   "reset_at = excluded.reset_at, reset_by = excluded.reset_by",
                   (staff_id, _text(at), by))


def clear_password_reset(db: SqliteDatabase, staff_id: str) -> None:
    db.execute_sql('DELETE FROM "password_reset" WHERE staff_id = ?', (staff_id,))


def must_change_password(db: SqliteDatabase, staff_id: str) -> bool:
    """Whether the account's password was set by an administrator and not changed since."""
    return db.execute_sql('SELECT 1 FROM "password_reset" WHERE staff_id = ?',
                          (staff_id,)).fetchone() is not None
