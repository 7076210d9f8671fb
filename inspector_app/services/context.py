"""The application context: one object that holds the database, clock, user and services.

Built once at start-up by the GUI, the CLI or a script, and handed to whoever needs it; no
global singletons, so tests build their own with a fixed clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from peewee import Column, SqliteDatabase

from inspector_app.changes import ChangeRecorder, Changes
from inspector_app.domain.catalogues import Catalogues
from inspector_app.domain.clock import Clock
from inspector_app.domain.permissions import Action, allowed
from inspector_app.domain.text import search_text
from inspector_app.errors import DatabaseError, PasswordChangeRequired, PermissionDenied
from inspector_app.kinds import KINDS
from inspector_app.protection.encryption import attempts_path
from inspector_app.protection.lockout import (
    LoginThrottle,
    clear_password_reset,
    mark_password_reset,
    must_change_password,
)
from inspector_app.protection.security_events import (
    REFUSED,
    ChainAttemptStore,
    record_event,
    record_unlock_failures,
)
from inspector_app.queries.search import Search
from inspector_app.services import numbering
from inspector_app.services.accounts import Session, authenticate
from inspector_app.services.records import RecordService
from inspector_app.services.territory import Territories
from inspector_app.services.validation import (
    EVERY_RULE,
    DatabaseResolver,
    Resolver,
    RulePolicy,
)
from inspector_app.storage.database import require_bound
from inspector_app.storage.models import Meta
from inspector_app.storage.territory import UNLIMITED, apply_territory

if TYPE_CHECKING:
    from inspector_app.protection.encryption import Keyring

SYSTEM_ACTOR = "system"
_P = ParamSpec("_P")
_T = TypeVar("_T")


class Services:
    """Every use case of the core, for one open database and one (optional) user session.

    Without a session the caller acts as the database's owner ("system"): the command line
    and scripts run with the rights of whoever can read the file.
    """

    def __init__(self, db: SqliteDatabase, *, clock: Clock | None = None,
                 session: Session | None = None, keyring: Keyring | None = None,
                 resolver: Resolver | None = None, policy: RulePolicy = EVERY_RULE,
                 meta: Mapping[str, str] | None = None, catalogues: Catalogues | None = None):
        self.db = db
        self._meta = dict(meta) if meta is not None else None
        """The database's identity this context acts under (see :attr:`meta`)."""
        self.recorder = ChangeRecorder()
        """Notes what writes change, for :meth:`run` (:mod:`inspector_app.changes`)."""
        self.resolver = resolver or DatabaseResolver()
        """How the rules find the records a record refers to (an import passes its own)."""
        self.policy = policy
        """What the rules check beyond the record itself (an import skips some)."""
        self.keyring = keyring
        self.reapplied = None
        """What opening the database destroyed again (:mod:`.redestruction`), or None."""
        self.erasure_problem: DatabaseError | None = None
        """Why the erasure ledger could not be read at the open, or None."""
        self.clock = clock or Clock()
        self._session: Session | None = None
        if session is not None:  # a context made without one (an import's rules) leaves
            self.session = session  # the connection's territory as it is
        self._changing_own_password = False
        self.catalogues = catalogues or Catalogues()
        """The catalogues as read from the database (an import shares the office's own)."""
        for described in KINDS.values():  # services.appeals, services.visits...
            setattr(self, described.service, described.load_service_class()(self))

    # -- identity -------------------------------------------------------------------------
    @property
    def session(self) -> Session | None:
        """Who is working (None: the database's owner, "system")."""
        return self._session

    @session.setter
    def session(self, session: Session | None) -> None:
        """Act as ``session``: the connection reads only its territory from now on
        (:mod:`inspector_app.storage.territory`)."""
        self._session = session
        apply_territory(self.db, session.territory if session is not None else UNLIMITED)

    @property
    def meta(self) -> dict[str, str]:
        """The database's identity (``point_code``, ``database_kind``, ``database_id``...):
        read from the file once, or the one given to the constructor (an import's rules act
        as the sending point)."""
        if self._meta is None:
            self.check_bound()
            self._meta = {row.key: row.value for row in Meta.select()}
        return self._meta

    def reread_meta(self) -> None:
        """Read the identity from the file again at next use (after the set-up wrote it)."""
        self._meta = None

    @property
    def point_code(self) -> str:
        code = self.meta.get("point_code")
        if not code:
            raise DatabaseError("error.db_not_initialised")
        return code

    @property
    def is_district_office(self) -> bool:
        """A district's or a region's office (both consolidate points' records)."""
        return self.meta.get("database_kind") in ("district", "region")

    @property
    def is_region(self) -> bool:
        """A region's office: its districts forward their points' packages to it."""
        return self.meta.get("database_kind") == "region"

    @property
    def actor_login(self) -> str:
        return self.session.login if self.session else SYSTEM_ACTOR

    def current_staff_id(self) -> str | None:
        """The logged-in officer, or (without a session) the point's first active inspector."""
        if self.session is not None:
            return self.session.staff_id
        model = self.staff.model
        # rowid breaks ties: accounts made in the same instant (set-up, demo data) keep the
        # order they were created in
        rowid = Column(model._meta.table, "rowid")
        first = self.staff.officers().order_by(model.created_at, rowid).first()
        return first.id if first else None

    def login(self, login: str, password: str) -> Session:
        """Check the password and make this context act as that user.

        Wrong passwords are throttled per login (:mod:`inspector_app.protection.lockout`): the error
        carries ``retry_after`` seconds; repeated failures lock the login for a while; both
        are entries of the audit chain (:mod:`inspector_app.protection.security_events`).
        ``session.must_change_password`` is set after an administrator's reset: until the
        password is changed every other action is refused. At an office the account's
        territory (:mod:`inspector_app.services.territory`) limits every read from now on.
        """
        self.check_bound()
        if self.keyring is not None:
            record_unlock_failures(self.db, self.clock, attempts_path(self.keyring.db_path))
        throttle = LoginThrottle(ChainAttemptStore(self.db, self.clock), self.clock)
        session = throttle.attempt(login, lambda: authenticate(self.point_code, login, password))
        if must_change_password(self.db, session.staff_id):
            session = replace(session, must_change_password=True)
        self.session = replace(session, territory=self.territories.resolve(session.staff_id))
        return self.session

    def password_changed(self, staff, password: str, *, reset: bool) -> None:
        """After a password was set: a reset (or an account made by someone else) forces a
        change at next login; the owner's own change clears that; an encrypted database
        re-wraps its key for the account."""
        with self.db.atomic():
            if reset:
                mark_password_reset(self.db, staff.id, self.clock.now_utc(), self.actor_login)
            else:
                clear_password_reset(self.db, staff.id)
        if not reset and self.session is not None and self.session.staff_id == staff.id:
            self.session = replace(self.session, must_change_password=False)
        if self.keyring is not None:
            self.keyring.add_account(staff.login, password)

    def account_deactivated(self, staff) -> None:
        """A closed account no longer unlocks an encrypted database."""
        if self.keyring is not None:
            self.keyring.remove_account(staff.login)

    def check_bound(self) -> None:
        """Raise :class:`~inspector_app.errors.DatabaseNotBound` unless the models query this
        context's database (the rule in :mod:`inspector_app.storage.database`)."""
        require_bound(self.db)

    def require(self, action: Action, kind: str | None = None, *, own_record: bool = True) -> None:
        """Raise :class:`PermissionDenied` unless the session's role allows ``action``, or
        :class:`PasswordChangeRequired` while a temporary password is unchanged; a refusal
        is written into the audit chain. Also :class:`DatabaseNotBound` unless the models
        query this context's database: every use case asks for its right first."""
        self.check_bound()
        session = self.session
        if session is None:
            return
        if session.must_change_password and not self._changing_own_password:
            self._record_refusal(action, kind, "password_change_required")
            raise PasswordChangeRequired("error.password_change_required", login=session.login)
        if not allowed(session.role, action, kind, own_record=own_record):
            self._record_refusal(action, kind, "role")
            raise PermissionDenied("error.permission_denied", action=str(action),
                                   kind=kind or "", role=session.role)

    def _record_refusal(self, action: Action, kind: str | None, reason: str) -> None:
        record_event(self.db, self.clock, self.actor_login, REFUSED, self.actor_login,
                     {"action": str(action), "kind": kind or "", "role": self.session.role,
                      "reason": reason})

    @contextmanager
    def own_password_change(self) -> Iterator[None]:
        """While the user changes their own password (the one action a temporary password
        allows)."""
        self._changing_own_password = True
        try:
            yield
        finally:
            self._changing_own_password = False

    def can(self, action: Action, kind: str | None = None, *, own_record: bool = True) -> bool:
        """Whether the current user may do ``action`` (the GUI hides what it may not)."""
        session = self.session
        return session is None or (not session.must_change_password
                                   and allowed(session.role, action, kind,
                                               own_record=own_record))

    # -- shared helpers -------------------------------------------------------------------
    def run(self, write: Callable[_P, _T], *args: _P.args,
            **kwargs: _P.kwargs) -> tuple[_T, Changes]:
        """Call ``write`` (any use case) and return its result with what it changed, side
        effects included: ``visit, changes = services.run(services.visits.create, data)``."""
        with self.recorder.recording() as collected:
            result = write(*args, **kwargs)
        return result, collected.changes()

    def next_number(self, kind: str, year: int) -> str:
        return numbering.next_number(self.point_code, kind, year)

    def service(self, kind: str) -> RecordService:
        """The record service of ``kind`` (``"preventive_visit"`` -> ``self.visits``)."""
        return getattr(self, KINDS[kind].service)

    def refresh_search_of_person(self, person_id: str) -> None:
        """Re-index the records that show a person's name after the person was edited."""
        for described in KINDS.values():
            if not described.person_fields:
                continue
            service = self.service(described.slug)
            model = service.model
            condition = None
            for name in described.person_fields:
                term = getattr(model, name) == person_id
                condition = term if condition is None else condition | term
            for record in model.select().where(condition):
                text = service.search_parts(dict(record.__data__))
                model.update(search_text=search_text(*text)).where(
                    model.id == record.id).execute()
                self.recorder.reindexed(described.slug, (record.id,))

    @cached_property
    def search(self) -> Search:
        return Search(self.db)

    @cached_property
    def territories(self) -> Territories:
        """The office accounts' territories (:mod:`inspector_app.services.territory`)."""
        return Territories(self)
