"""Passwords and logging in: slow salted hashes (scrypt), password rules, sessions."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from functools import cache

from inspector_app.errors import AuthenticationFailed
from inspector_app.paths import resource
from inspector_app.storage.models import Staff
from inspector_app.storage.territory import UNLIMITED, Territory

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class Session:
    """Who is working: the staff record's id, login, name and role; at an office, the
    points the account sees (:mod:`inspector_app.services.territory`)."""

    staff_id: str
    login: str
    full_name: str
    role: str
    must_change_password: bool = False
    territory: Territory = UNLIMITED


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


# Runs of neighbouring keys or letters: a password inside one (either way) is refused.
SEQUENCES = ("01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm",
             "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "1q2w3e4r5t6y7u8i9o0p",
             "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")
_TRAILING = "0123456789!@#$%^&*()_-+=.,;:?/\\|'\"`~ "
MIN_NAME_PART = 3


@cache
def common_passwords() -> frozenset[str]:
    """The bundled list of the most common passwords (``resources/passwords/common.txt``)."""
    with open(resource("passwords", "common.txt"), encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and line[0] != "#")


def _is_sequential(text: str) -> bool:
    """A run of neighbouring keys or letters (``12345678``, ``qwertyui``, ``йцукенгш``)."""
    return any(text in run or text in run[::-1] for run in SEQUENCES)


def _is_repetition(text: str) -> bool:
    """A short piece repeated (``abcabcab``, ``12341234``)."""
    return any(text == (text[:size] * len(text))[:len(text)]
               for size in range(1, len(text) // 2 + 1))


def password_problem(password: str, login: str, full_name: str = "") -> str | None:
    """The message code of the first password rule broken, or None.

    Refused: fewer than 8 characters; the login or a part of the officer's name in it; a run
    of neighbouring keys or a repeated piece; a password of the bundled common list, also
    with digits or signs added at the end.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return "v.password_short"
    folded = password.casefold()
    if login and login.casefold() in folded:
        return "v.password_has_login"
    if any(len(part) >= MIN_NAME_PART and part in folded
           for part in full_name.casefold().replace("-", " ").split()):
        return "v.password_has_name"
    if len(set(password)) < 4 or _is_repetition(folded):
        return "v.password_simple"
    if _is_sequential(folded):
        return "v.password_sequential"
    stem = folded.rstrip(_TRAILING)
    if folded in common_passwords() or stem in common_passwords():
        return "v.password_common"
    if len(stem) < MIN_NAME_PART:
        return "v.password_simple"  # a letter or two before digits: "a1234567"
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
