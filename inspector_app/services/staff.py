"""The point's profile and its staff accounts."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from inspector_app.domain.permissions import Action, Role, allowed
from inspector_app.errors import FieldError, PermissionDenied, ValidationError
from inspector_app.services.accounts import hash_password, password_problem, verify_password
from inspector_app.services.records import RecordService
from inspector_app.storage.models import Point, Staff

POINT_CODE = re.compile(r"^[A-Z0-9]{2,8}(-[A-Z0-9]{1,8}){0,2}$")
LOGIN = re.compile(r"^[a-z0-9._-]{3,32}$")


class PointService(RecordService):
    model = Point
    kind = "point"

    def clean(self, data: dict[str, Any], existing: Point | None) -> dict[str, Any]:
        check = self.checker(data)
        code = check.text("code", 32, required=True).upper()
        check.values["code"] = code
        if code and not POINT_CODE.match(code):
            check.fail("code", "v.bad_point_code", value=code)
        if existing is not None and code != existing.code:
            check.fail("code", "v.point_code_fixed")
        check.text("name", 200, required=True)
        for name in ("address", "region", "district", "department", "reception_hours"):
            check.text(name, 300 if name == "address" else 200)
        check.text("area_number", 32)
        check.integer("population", 0, 2_000_000)
        check.flag("shares_housing")
        check.flag("is_district_office")
        check.finish()
        return check.values

    def authorize(self, action: Action, record, data) -> None:
        self.services.require(Action.EDIT_PROFILE if action == Action.EDIT else action, self.kind)

    def current(self) -> Point:
        """This database's own point (or district office) profile."""
        return self.live().where(Point.code == self.services.point_code).get()


class StaffService(RecordService):
    model = Staff
    kind = "staff"

    def clean(self, data: dict[str, Any], existing: Staff | None) -> dict[str, Any]:
        check = self.checker(data)
        check.text("full_name", 200, required=True)
        check.choice("rank", self.services.catalogues, "ranks", required=False)
        check.values["rank"] = check.values["rank"] or ""
        check.text("badge_number", 32)
        check.text("personal_number", 32)
        check.text("position", 200)
        role = check.raw("role")
        if role not in set(Role):
            check.fail("role", "v.unknown_code", value=role)
        check.values["role"] = role
        login = (check.text("login", 32, required=True) or "").lower()
        check.values["login"] = login
        if login and not LOGIN.match(login):
            check.fail("login", "v.bad_login", value=login)
        elif (login and self.services.policy.compare_with_other_records
              and self._login_taken(login, existing)):
            check.fail("login", "v.login_taken", value=login)
        check.values["active"] = bool(data.get("active", True))
        password = data.get("password")
        if existing is None or password:
            problem = password_problem(password or "", login, check.values.get("full_name", ""))
            if problem:
                check.fail("password", problem)
            else:
                check.values["password_hash"] = hash_password(password)
        check.finish()
        return check.values

    def _login_taken(self, login: str, existing: Staff | None) -> bool:
        query = Staff.select().where((Staff.login == login)
                                     & (Staff.owner_point == self.services.point_code))
        if existing is not None:
            query = query.where(Staff.id != existing.id)
        return query.exists()

    def _audit_view(self, record: Staff) -> dict[str, Any]:
        view = super()._audit_view(record)
        # The hash never goes into the trail or exports' audit; a fingerprint of it (which
        # reveals nothing of the password) shows that the password changed and lets a
        # password-only change count as a change.
        digest = hashlib.sha256(record.password_hash.encode()).hexdigest()[:8]
        view["password_hash"] = f"***{digest}"
        return view

    def authorize(self, action: Action, record, data) -> None:
        """Accounts are the administrator's; an officer changes only their own password,
        and only through :meth:`change_own_password` (which asks for the old one)."""
        session = self.services.session
        own = session is not None and record is not None and session.staff_id == record.id
        if not (own and self._own_password_checked and action == Action.EDIT
                and set(data or {}) <= {"password"}):
            self.services.require(Action.MANAGE_ACCOUNTS, self.kind)

    _own_password_checked = False

    def create(self, data: dict[str, Any]) -> Staff:
        """A new account; one made by an administrator must change its password at first
        login (the set-up's first account, made without a session, need not)."""
        self.authorize(Action.CREATE, None, data)  # before the transaction: a refusal is audited
        with self.services.db.atomic():
            record = super().create(data)
            self.services.password_changed(record, data["password"],
                                           reset=self.services.session is not None)
        return record

    def change_password(self, record_id: str, new_password: str) -> Staff:
        """Set a new password on any account (administrator, or a session-less script)."""
        self.services.require(Action.MANAGE_ACCOUNTS, self.kind)
        if not new_password:
            raise ValidationError([FieldError(self.kind, "password", "v.required")])
        with self.services.db.atomic():
            record = self.update(record_id, {"password": new_password})
            self.services.password_changed(record, new_password, reset=False)
        return record

    def change_own_password(self, old_password: str, new_password: str) -> Staff:
        """The logged-in officer replaces their password; the old one must be given."""
        session = self.services.session
        if session is None:
            raise PermissionDenied("error.login_required")
        with self.services.own_password_change():
            return self._change_own_password(session, old_password, new_password)

    def _change_own_password(self, session, old_password: str, new_password: str) -> Staff:
        record = self.get(session.staff_id)
        errors = []
        if not verify_password(old_password or "", record.password_hash):
            errors.append(FieldError(self.kind, "old_password", "v.old_password_wrong"))
        elif not new_password:
            errors.append(FieldError(self.kind, "password", "v.required"))
        elif new_password == old_password:
            errors.append(FieldError(self.kind, "password", "v.password_unchanged"))
        if errors:
            raise ValidationError(errors)
        self._own_password_checked = True
        try:
            with self.services.db.atomic():
                record = self.update(record.id, {"password": new_password})
                self.services.password_changed(record, new_password, reset=False)
        finally:
            self._own_password_checked = False
        return record

    def reset_password(self, record_id: str, new_password: str) -> Staff:
        """An administrator sets a temporary password; its owner must change it at next login."""
        self.services.require(Action.MANAGE_ACCOUNTS, self.kind)
        if not new_password:
            raise ValidationError([FieldError(self.kind, "password", "v.required")])
        with self.services.db.atomic():
            record = self.update(record_id, {"password": new_password})
            self.services.password_changed(record, new_password, reset=True)
        return record

    def update(self, record_id: str, data: dict[str, Any],
               expected_version: int | None = None) -> Staff:
        """Change an account; one that manages accounts keeps a successor (see
        :meth:`_keep_a_manager`)."""
        # a refusal of the right comes first, outside the transaction so it stays audited
        self.authorize(Action.EDIT, self.get(record_id), data)
        with self.services.db.atomic():
            record = self.get(record_id)
            self._keep_a_manager(record, data.get("role"), data.get("active"))
            return super().update(record_id, data, expected_version=expected_version)

    def check_can_delete(self, record: Staff) -> None:
        self._keep_a_manager(record, None, False)

    def _keep_a_manager(self, record: Staff, role: str | None, active: object) -> None:
        """Refuse a change that closes the own account, takes away the own right to manage
        accounts, or leaves the point with no active account holding that right."""
        manages = record.active and allowed(record.role, Action.MANAGE_ACCOUNTS)
        closed = active is not None and not active
        if not (manages or closed):
            return
        session = self.services.session
        own = session is not None and session.staff_id == record.id
        if closed and own:
            raise PermissionDenied("error.cannot_deactivate_self")
        keeps = not closed and allowed(role or record.role, Action.MANAGE_ACCOUNTS)
        if not manages or keeps:
            return
        if own:
            raise PermissionDenied("error.cannot_demote_self")
        managers = [r for r in Role if allowed(r, Action.MANAGE_ACCOUNTS)]
        others = self.officers().where((Staff.id != record.id) & Staff.role.in_(managers))
        if not others.exists():
            raise PermissionDenied("error.last_account_manager")

    def deactivate(self, record_id: str) -> Staff:
        """Close an account: it can no longer log in (its records keep its name)."""
        return self.update(record_id, {"active": False})

    def after_save(self, record: Staff, created: bool) -> None:
        """A closed or deleted account loses its key to an encrypted database."""
        if not record.active or record.deleted:
            self.services.account_deactivated(record)

    def activate(self, record_id: str, new_password: str) -> Staff:
        """Reopen a closed account with a new temporary password."""
        self.services.require(Action.MANAGE_ACCOUNTS, self.kind)
        with self.services.db.atomic():
            record = self.update(record_id, {"active": True, "password": new_password})
            self.services.password_changed(record, new_password, reset=True)
        return record

    def officers(self):
        """Active staff of this point, by name."""
        return (self.live().where((Staff.owner_point == self.services.point_code)
                                  & (Staff.active == True))  # noqa: E712
                .order_by(Staff.full_name))

    def by_login(self, login: str) -> Staff | None:
        return self.live().where((Staff.login == login.strip().lower())
                                 & (Staff.owner_point == self.services.point_code)).first()
