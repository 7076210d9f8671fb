"""The point's profile and its staff accounts."""

from __future__ import annotations

import re
from typing import Any

from inspector_app.errors import ValidationError
from inspector_app.permissions import Action, Role
from inspector_app.services.accounts import hash_password, password_problem
from inspector_app.services.records import RecordService
from inspector_app.services.validation import Checker
from inspector_app.storage.models import Point, Staff

POINT_CODE = re.compile(r"^[A-Z0-9]{2,8}(-[A-Z0-9]{1,8}){0,2}$")
LOGIN = re.compile(r"^[a-z0-9._-]{3,32}$")


class PointService(RecordService):
    model = Point
    kind = "point"

    def clean(self, data: dict[str, Any], existing: Point | None) -> dict[str, Any]:
        check = Checker(self.kind, data)
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
        check.raise_if_errors()
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
        check = Checker(self.kind, data)
        check.text("full_name", 200, required=True)
        check.choice("rank", self.services.catalogues, "ranks", required=False)
        check.values["rank"] = check.values["rank"] or ""
        check.text("badge_number", 32)
        check.text("position", 200)
        role = check.raw("role")
        if role not in set(Role):
            check.fail("role", "v.unknown_code", value=role)
        check.values["role"] = role
        login = (check.text("login", 32, required=True) or "").lower()
        check.values["login"] = login
        if login and not LOGIN.match(login):
            check.fail("login", "v.bad_login", value=login)
        elif login and self._login_taken(login, existing):
            check.fail("login", "v.login_taken", value=login)
        check.values["active"] = bool(data.get("active", True))
        password = data.get("password")
        if existing is None or password:
            problem = password_problem(password or "", login)
            if problem:
                check.fail("password", problem)
            else:
                check.values["password_hash"] = hash_password(password)
        check.raise_if_errors()
        return check.values

    def _login_taken(self, login: str, existing: Staff | None) -> bool:
        query = Staff.select().where((Staff.login == login)
                                     & (Staff.owner_point == self.services.point_code))
        if existing is not None:
            query = query.where(Staff.id != existing.id)
        return query.exists()

    def _audit_view(self, record: Staff) -> dict[str, Any]:
        view = super()._audit_view(record)
        view["password_hash"] = "***"  # the hash never goes into the trail or exports' audit
        return view

    def authorize(self, action: Action, record, data) -> None:
        """Accounts are the administrator's; an officer may change only their own password."""
        session = self.services.session
        own = session is not None and record is not None and session.staff_id == record.id
        if not (own and action == Action.EDIT and set(data or {}) <= {"password"}):
            self.services.require(Action.MANAGE_ACCOUNTS, self.kind)

    def change_password(self, record_id: str, new_password: str) -> Staff:
        """Set a new password (the officer's own, or any account for an administrator)."""
        if not new_password:
            from inspector_app.errors import FieldError

            raise ValidationError([FieldError(self.kind, "password", "v.required")])
        return self.update(record_id, {"password": new_password})

    def officers(self):
        """Active staff of this point, by name."""
        return (self.live().where((Staff.owner_point == self.services.point_code)
                                  & (Staff.active == True))  # noqa: E712
                .order_by(Staff.full_name))

    def by_login(self, login: str) -> Staff | None:
        return self.live().where((Staff.login == login.strip().lower())
                                 & (Staff.owner_point == self.services.point_code)).first()
