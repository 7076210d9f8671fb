"""Creating a point (or district office) database and opening an existing one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from inspector_app import __version__
from inspector_app.catalogues import load_catalogue_files
from inspector_app.clock import Clock
from inspector_app.errors import DatabaseError
from inspector_app.permissions import Role
from inspector_app.services.context import Services
from inspector_app.storage.database import open_database
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
    services = Services(db, clock=clock)
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


def open_services(path: str | Path, *, clock: Clock | None = None) -> Services:
    """Open an initialised database and its services; newer catalogue files are loaded."""
    db = open_database(path)
    services = Services(db, clock=clock)
    if "point_code" not in services.meta:
        db.close()
        raise DatabaseError("error.db_not_initialised", path=str(path))
    with db.atomic():
        if load_catalogue_files(services.clock.now_utc()):
            services.catalogues.reload()
    return services


def create_database(path: str | Path, profile: PointProfile, account: FirstAccount, *,
                    kind: str = POINT, clock: Clock | None = None) -> Services:
    """Create the file at ``path`` and initialise it; refuses to overwrite a used database."""
    path = Path(path)
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
