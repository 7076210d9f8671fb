"""Passwords and logging in: slow salted hashes (scrypt), password rules, sessions."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from inspector_app.errors import AuthenticationFailed
from inspector_app.storage.models import Staff

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class Session:
    """Who is working: the staff record's id, login, name and role."""

    staff_id: str
    login: str
    full_name: str
    role: str
    must_change_password: bool = False


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` for ``password``, with a fresh random salt."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R,
                            p=_SCRYPT_P, dklen=32)
    salt_text, digest_text = (base64.b64encode(b).decode() for b in (salt, digest))
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt_text}${digest_text}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a hash made by :func:`hash_password` (constant time)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n),
                                r=int(r), p=int(p), dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def password_problem(password: str, login: str) -> str | None:
    """The message code of the first password rule broken, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "v.password_short"
    if login and login.casefold() in password.casefold():
        return "v.password_has_login"
    if len(set(password)) < 4:
        return "v.password_simple"
    return None


def authenticate(point_code: str, login: str, password: str) -> Session:
    """The session for ``login`` at this point; :class:`AuthenticationFailed` otherwise."""
    staff = Staff.get_or_none(
        (Staff.owner_point == point_code) & (Staff.login == login.strip().lower())
        & (Staff.deleted == False) & (Staff.active == True)  # noqa: E712
    )
    # Hash even when the login is unknown so timing does not reveal valid logins.
    stored = staff.password_hash if staff else hash_password("timing-equaliser")
    if not verify_password(password, stored) or staff is None:
        raise AuthenticationFailed("error.auth_failed")
    return Session(staff.id, staff.login, staff.full_name, staff.role)
