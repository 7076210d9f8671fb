"""Creating a point (or district office) database and opening an existing one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from inspector_app import __version__
from inspector_app.catalogues import load_catalogue_files
from inspector_app.clock import Clock
from inspector_app.encryption import Credentials, key_file_path, new_keyring
from inspector_app.errors import DatabaseError
from inspector_app.permissions import Role
from inspector_app.services.context import Services
from inspector_app.storage.database import UnlockWith, open_database
from inspector_app.storage.models import Meta
from inspector_app.sync.keys import ensure_keys

POINT = "point"
DISTRICT = "district"


@dataclass(frozen=True)
class PointProfile:
    code: str
    name: str
    district: str
    address: str = ""
    region: str = "Атырауская область"
    department: str = ""
    reception_hours: str = "Пн–Пт 17:00–20:00"
    shares_housing: bool = False


@dataclass(frozen=True)
class FirstAccount:
    login: str
    full_name: str
    password: str
    rank: str = ""
    badge_number: str = ""
    role: str = ""  # default: inspector (district office: district operator)


def initialise(db: SqliteDatabase, profile: PointProfile, account: FirstAccount, *,
               kind: str = POINT, clock: Clock | None = None) -> Services:
    """Fill an empty database: identity, catalogues, the profile and the first account.

    One transaction: on any validation error nothing is written.
    """
    if Meta.select().where(Meta.key == "point_code").exists():
        raise DatabaseError("error.db_already_initialised")
    services = Services(db, clock=clock, keyring=getattr(db, "keyring", None))
    code = profile.code.strip().upper()
    with db.atomic():
        for key, value in (("point_code", code), ("database_kind", kind),
                           ("database_id", uuid.uuid4().hex), ("created_by_version", __version__)):
            Meta.create(key=key, value=value)
        services.__dict__.pop("meta", None)
        load_catalogue_files(services.clock.now_utc())
        services.catalogues.reload()
        services.points.create({
            "code": code, "name": profile.name, "district": profile.district,
            "address": profile.address, "region": profile.region,
            "department": profile.department or profile.district,
            "reception_hours": "" if kind == DISTRICT else profile.reception_hours,
            "shares_housing": profile.shares_housing, "is_district_office": kind == DISTRICT,
        })
        role = account.role or (Role.DISTRICT_OPERATOR if kind == DISTRICT else Role.INSPECTOR)
        services.staff.create({
            "login": account.login, "full_name": account.full_name, "password": account.password,
            "role": role, "rank": account.rank, "badge_number": account.badge_number,
            "position": "",
        })
    return services


def open_services(path: str | Path, *, clock: Clock | None = None,
                  credentials: UnlockWith | None = None) -> Services:
    """Open an initialised database and its services; newer catalogue files are loaded.

    An encrypted database needs ``credentials`` (see :func:`open_database`); its services
    then keep the key ring so password changes re-wrap the key.
    """
    db = open_database(path, credentials=credentials)
    services = Services(db, clock=clock, keyring=db.keyring)
    if "point_code" not in services.meta:
        db.close()
        raise DatabaseError("error.db_not_initialised", path=str(path))
    if db.damaged is None:  # a damaged file takes no writes (see storage.database)
        with db.atomic():
            if load_catalogue_files(services.clock.now_utc()):
                services.catalogues.reload()
    return services


def login_services(path: str | Path, login: str, password: str, *,
                   clock: Clock | None = None) -> Services:
    """Open the database at ``path`` as ``login`` (unlocking it first when it is encrypted)
    and log in: the one call a login dialog or the CLI needs for either kind of file."""
    services = open_services(path, clock=clock,
                             credentials=Credentials(login, password, clock))
    try:
        services.login(login, password)
    except Exception:
        services.db.close()
        raise
    return services


def create_database(path: str | Path, profile: PointProfile, account: FirstAccount, *,
                    kind: str = POINT, clock: Clock | None = None,
                    encrypt: bool = False) -> Services:
    """Create the file at ``path`` and initialise it; refuses to overwrite a used database.

    With ``encrypt`` the file is a SQLCipher database unlocked by the first account's password;
    ``services.keyring.recovery_key`` then holds the new recovery key for the sheet (it is
    not stored anywhere).
    """
    path = Path(path)
    if encrypt:
        services = _create_encrypted(path, profile, account, kind=kind, clock=clock)
        ensure_keys(path)
        return services
    if path.exists() and path.stat().st_size > 0:
        db = open_database(path)
        initialised = Meta.select().where(Meta.key == "point_code").exists()
        if initialised:
            db.close()
            raise DatabaseError("error.db_already_initialised", path=str(path))
    else:
        db = open_database(path, create=True)
    try:
        services = initialise(db, profile, account, kind=kind, clock=clock)
    except Exception:
        db.close()
        raise
    ensure_keys(path)  # the signing and encryption key pairs, kept beside the database
    return services


def _create_encrypted(path: Path, profile: PointProfile, account: FirstAccount, *,
                      kind: str, clock: Clock | None) -> Services:
    if path.exists() or key_file_path(path).exists():
        raise DatabaseError("error.db_already_initialised", path=str(path))
    keyring = new_keyring(path)
    try:
        keyring.add_account(account.login, account.password)
        keyring.new_recovery_key()
        db = open_database(path, create=True, credentials=keyring)
        try:
            services = initialise(db, profile, account, kind=kind, clock=clock)
        except Exception:
            db.close()
            raise
    except Exception:
        for leftover in (path, key_file_path(path), *(path.with_name(path.name + s)
                                                      for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        raise
    return services
