"""Creating a point (or district office) database and opening an existing one."""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from inspector_app import __version__
from inspector_app.domain.catalogues import load_catalogue_files
from inspector_app.domain.clock import Clock
from inspector_app.domain.permissions import HEAD_OF_POINT, Role
from inspector_app.errors import DatabaseError
from inspector_app.protection.backup import copy_consistent
from inspector_app.protection.encryption import (
    Credentials,
    attempts_path,
    is_encrypted,
    key_file_path,
    new_keyring,
)
from inspector_app.protection.erasure_ledger import ledger_path
from inspector_app.protection.private_files import make_private, private_files
from inspector_app.services.breach_links import link_older_breaches
from inspector_app.services.context import Services
from inspector_app.services.redestruction import reapply_at_open
from inspector_app.storage.database import UnlockWith, open_database
from inspector_app.storage.models import Meta
from inspector_app.storage.server import describe, is_server_url
from inspector_app.sync.keys import create_keys, ensure_keys, keys_dir, protect_keys

POINT = "point"
DISTRICT = "district"
REGION = "region"
"""A region office: a district office's database that its districts forward their points'
packages to (see docs/sync-format.md, "Up to the region")."""
OFFICES = (DISTRICT, REGION)


@dataclass(frozen=True)
class PointProfile:
    code: str
    name: str
    district: str
    address: str = ""
    region: str = ""
    """The region's name as the regions catalogue gives it (the report header's regional
    police department follows from it)."""
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
    role: str = ""  # default: the head of the point (district office: its operator)


def new_database_id() -> str:
    """The identity a database sends in its packages and receipts (unique per file)."""
    return uuid.uuid4().hex


def initialise(db: SqliteDatabase, profile: PointProfile, account: FirstAccount, *,
               kind: str = POINT, clock: Clock | None = None) -> Services:
    """Fill an empty database: identity, catalogues, the profile and the first account.

    A point's first account is its head (:data:`~inspector_app.domain.permissions.HEAD_OF_POINT`,
    the senior inspector), who may give the point's other officers their accounts.

    One transaction: on any validation error nothing is written.
    """
    if Meta.select().where(Meta.key == "point_code").exists():
        raise DatabaseError("error.db_already_initialised")
    services = Services(db, clock=clock, keyring=getattr(db, "keyring", None))
    code = profile.code.strip().upper()
    with db.atomic():
        for key, value in (("point_code", code), ("database_kind", kind),
                           ("database_id", new_database_id()),
                           ("created_by_version", __version__)):
            Meta.create(key=key, value=value)
        services.reread_meta()
        load_catalogue_files(services.clock.now_utc())
        services.catalogues.reload()
        services.points.create({
            "code": code, "name": profile.name, "district": profile.district,
            "address": profile.address, "region": profile.region,
            "department": profile.department or profile.district,
            "reception_hours": "" if kind in OFFICES else profile.reception_hours,
            "shares_housing": profile.shares_housing, "is_district_office": kind in OFFICES,
        })
        role = account.role or (Role.DISTRICT_OPERATOR if kind in OFFICES else HEAD_OF_POINT)
        services.staff.create({
            "login": account.login, "full_name": account.full_name, "password": account.password,
            "role": role, "rank": account.rank, "badge_number": account.badge_number,
            "position": "",
        })
    return services


def database_files(path: str | Path) -> list[Path]:
    """A database and every file beside it that holds its data or key material."""
    path = Path(path)
    keys = keys_dir(path)
    return [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")),
            key_file_path(path), attempts_path(path), ledger_path(path), keys,
            *(sorted(keys.iterdir()) if keys.is_dir() else []),
            *sorted(path.parent.glob(path.name + ".v*.bak"))]  # copies before a migration


def needs_setup(path: str | Path) -> bool:
    """Whether ``path`` holds no point yet: missing, empty, or a plain file that a set-up
    killed midway left without its identity (:func:`create_database` then starts again on
    it). An encrypted file is never taken for one: it cannot be read before logging in."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return True
    if key_file_path(path).exists():
        return False
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT 1 FROM meta WHERE key = 'point_code'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:  # no schema yet; or not a database: the login says so
        return "no such table" in str(exc)
    return row is None


def open_services(path: str | Path, *, clock: Clock | None = None,
                  credentials: UnlockWith | None = None) -> Services:
    """Open an initialised database and its services; newer catalogue files are loaded and
    the records its erasure ledger lists are destroyed again if it holds them
    (:mod:`inspector_app.services.redestruction`; ``services.reapplied`` tells); older
    art. 461 protocols are linked to their order once (:mod:`.breach_links`).

    An encrypted database needs ``credentials`` (see :func:`open_database`); its services
    then keep the key ring so password changes re-wrap the key.
    """
    db = open_database(path, credentials=credentials)
    if not is_server_url(path):
        make_private(*database_files(path))  # files written before they were kept private
    if db.keyring is not None:
        protect_keys(path, db.keyring.key)  # plain keys beside an encrypted database
    services = Services(db, clock=clock, keyring=db.keyring)
    if "point_code" not in services.meta:
        db.close()
        raise DatabaseError("error.db_not_initialised", path=str(path))
    if db.damaged is None:  # a damaged file takes no writes (see storage.database)
        with db.atomic():
            if load_catalogue_files(services.clock.now_utc()):
                services.catalogues.reload()
        services.reapplied = reapply_at_open(services)
        link_older_breaches(services)
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


def login_district_server(url: str, login: str, password: str, *,
                          clock: Clock | None = None) -> Services:
    """Open the server database at ``url`` (its password inside, for this connection only)
    as ``login``: what a district operator's PC does. A server database that is not a
    district's is refused before anyone logs in."""
    services = open_services(url, clock=clock)
    try:
        if not services.is_district_office:
            raise DatabaseError("error.server_not_district", url=describe(url))
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
    not stored anywhere). When anything fails (a refused password, a full disk, an
    interrupt), a file this call created is taken back with everything made beside it: its
    ``-wal``, ``-shm``, ``.keys`` and ``.sync-keys`` companions and the folders made for them.
    """
    if is_server_url(path):
        return _create_on_server(path, profile, account, kind=kind, clock=clock)
    path = Path(path)
    made = _Creation(path)
    db = None
    try:
        with private_files():  # every file and folder made here is the owner's only
            made.claim()
            db = _new_encrypted(path, account, made) if encrypt else _new_plain(path)
            services = initialise(db, profile, account, kind=kind, clock=clock)
            # the signing and encryption key pairs beside the database (wrapped by its key)
            ensure_keys(path, db.keyring.key if db.keyring is not None else None)
    except BaseException:
        if db is not None:
            db.close()
        made.undo()
        raise
    make_private(*database_files(path))  # an empty file the user made beforehand, too
    return services


def _create_on_server(url: str, profile: PointProfile, account: FirstAccount, *, kind: str,
                      clock: Clock | None) -> Services:
    """Give an empty server database the schema and initialise it (keys: in this PC's data
    folder, :func:`inspector_app.storage.server.local_path`)."""
    db = open_database(url, create=True)
    try:
        services = initialise(db, profile, account, kind=kind, clock=clock)
        with private_files():
            ensure_keys(db.database, None)
    except BaseException:
        db.close()
        raise
    return services


def _new_plain(path: Path) -> SqliteDatabase:
    if path.stat().st_size > 0:
        db = open_database(path)
        if Meta.select().where(Meta.key == "point_code").exists():
            db.close()
            raise DatabaseError("error.db_already_initialised", path=str(path))
        return db
    return open_database(path, create=True)


def _new_encrypted(path: Path, account: FirstAccount, made: _Creation) -> SqliteDatabase:
    if not made.owned or key_file_path(path).exists():
        raise DatabaseError("error.db_already_initialised", path=str(path))
    keyring = new_keyring(path)
    keyring.add_account(account.login, account.password)
    keyring.new_recovery_key()
    return open_database(path, create=True, credentials=keyring)


class _Creation:
    """The files and folders creating a database at ``path`` makes.

    :meth:`claim` creates the file exclusively: only the call that made it may take it back,
    so a second process creating the same database at the same moment, or a refusal to
    overwrite a database, never removes another's file. A file found already there (even
    empty) is left as found; a not-initialised one is initialised by the next attempt.
    """

    def __init__(self, path: Path):
        self.path = path
        self.owned = False
        self.companions = [p for p in (path.with_name(path.name + "-wal"),
                                       path.with_name(path.name + "-shm"), key_file_path(path))
                           if not p.exists()]
        self.keys = None if keys_dir(path).exists() else keys_dir(path)
        self.folders = [p for p in path.parents if not p.exists()]  # deepest first

    def claim(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            return
        self.owned = True

    def undo(self) -> None:
        if self.owned:
            self.path.unlink(missing_ok=True)
            for file in self.companions:
                file.unlink(missing_ok=True)
            if self.keys is not None:
                shutil.rmtree(self.keys, ignore_errors=True)
        for folder in self.folders:
            try:
                folder.rmdir()
            except OSError:  # not empty (someone else's files) or gone
                break


def copy_new_database(template: str | Path, path: str | Path, *,
                      clock: Clock | None = None) -> Services:
    """A new database at ``path`` copied from ``template``, a plain database just made by
    :func:`create_database` (and perhaps filled with demo or test records): the same rows in
    a fraction of the time (no catalogue loading, no password hashing).

    The copy gets an identity of its own: a new ``database_id`` and new sync key pairs, so
    packages and receipts tell it from its template and from other copies. Its rows keep the
    template's ids (the point, the first account, any records): copies of one template must
    not sync those rows with each other, which suits tests and scratch databases. Refuses an
    encrypted template (its copies would share its key) and an existing ``path``; when
    anything fails, what the copy made is taken back as :func:`create_database` does.
    """
    template, path = Path(template), Path(path)
    if is_encrypted(template):
        raise DatabaseError("error.db_encrypted", path=str(template))
    made = _Creation(path)
    db = None
    try:
        made.claim()
        if not made.owned or made.keys is None:
            raise DatabaseError("error.db_already_initialised", path=str(path))
        copy_consistent(template, path)
        db = open_database(path)
        with db.atomic():
            Meta.update(value=new_database_id()).where(Meta.key == "database_id").execute()
        services = Services(db, clock=clock)
        if "point_code" not in services.meta:  # read now: models follow the last opened file
            raise DatabaseError("error.db_not_initialised", path=str(template))
        create_keys(path)
    except BaseException:
        if db is not None:
            db.close()
        made.undo()
        raise
    return services
