"""`passwd`, `users`, `backup`, `restore`: passwords, accounts and backups from the command line.

Accounts are managed by an administrator (``--user admin``) or, on an unencrypted database,
by the file's owner without ``--user``. Passwords are typed without echo, or read one per line
from standard input with ``--password-stdin`` (after ``--user``'s own, when both are used).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector_app.domain.permissions import Role
from inspector_app.errors import InspectorError, NotFound
from inspector_app.protection import backup
from inspector_app.protection.encryption import Credentials, RecoveryKey, is_encrypted, unlock
from inspector_app.protection.instance_lock import InstanceLock
from inspector_app.protection.lockout import must_change_password
from inspector_app.services.redestruction import restore_keeping_erasure
from inspector_app.storage.server import describe, is_server_url


def register(commands) -> None:
    p = commands.add_parser("passwd", help="change your own password (the current one is asked)")
    p.add_argument("--login", required=True, help="your login")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the current and the new password, one per line, from stdin")
    p.set_defaults(handler=run_passwd, logs_in_itself=True)

    users = commands.add_parser("users", help="list and manage accounts (administrator)")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    p = actions.add_parser("list", help="every account of this point")
    p.set_defaults(handler=run_users_list)
    p = actions.add_parser("add", help="create an account (its password must be changed "
                                       "at first login)")
    p.add_argument("--login", required=True)
    p.add_argument("--name", required=True, help="full name")
    p.add_argument("--role", required=True, choices=[str(r) for r in Role])
    p.add_argument("--rank", default="", help="rank code, e.g. captain")
    p.add_argument("--badge", default="", help="badge (жетон) number")
    p.add_argument("--personal-number", default="", help="personal number of the service record")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(handler=run_users_add)
    for name, text in (("deactivate", "close an account (it can no longer log in)"),
                       ("reset", "set a temporary password (to be changed at next login)"),
                       ("activate", "reopen a closed account with a temporary password")):
        p = actions.add_parser(name, help=text)
        p.add_argument("--login", required=True)
        if name != "deactivate":
            p.add_argument("--password-stdin", action="store_true")
        p.set_defaults(handler=run_users_change, users_action=name)
    p = actions.add_parser("territory", help="at a district or region office: limit an "
                                             "account to some points (or districts)")
    p.add_argument("--login", required=True)
    p.add_argument("--points", default="", metavar="CODES",
                   help="the point codes it sees, comma-separated")
    p.add_argument("--districts", default="", metavar="CODES",
                   help="at a region: the districts whose points it sees, comma-separated")
    p.add_argument("--clear", action="store_true", help="no limit: every point")
    p.set_defaults(handler=run_users_territory)
    register_backup(commands)
    register_encryption(commands)


def register_backup(commands) -> None:
    p = commands.add_parser("backup", help="back up the database now (verified, in rotation)")
    p.add_argument("--folder", type=Path, default=None,
                   help=f"backup folder (default: {backup.default_backup_folder()})")
    p.add_argument("--list", action="store_true", help="list the backups in the folder")
    p.add_argument("--if-due", choices=("daily", "exit"), default=None,
                   help="only when due: no backup yet today (daily), or changes since (exit)")
    p.add_argument("--old-plain", choices=("encrypt", "delete"), default=None,
                   help="encrypt (or delete) the backups made before the database was "
                        "encrypted, instead of backing up")
    p.set_defaults(handler=run_backup, works_when_damaged=True)
    p = commands.add_parser("restore", help="replace the database with a backup (the current "
                                            "one is kept beside it)")
    p.add_argument("backup", type=Path, help="backup file (see: backup --list)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=run_restore, works_when_damaged=True,
                   needs_database=False)  # a new PC has none yet


def register_encryption(commands) -> None:
    p = commands.add_parser("encrypt", help="encrypt this database in place (--user unlocks "
                                            "it afterwards); writes the recovery sheet")
    p.add_argument("--sheet", type=Path, required=True,
                   help="PDF to write the recovery key to (print it, then delete the file)")
    p.set_defaults(handler=run_encrypt, logs_in_itself=True)
    p = commands.add_parser("recovery-sheet", help="make a new recovery key (the old sheet "
                                                   "stops working) and write its sheet")
    p.add_argument("--sheet", type=Path, required=True, help="PDF to write")
    p.set_defaults(handler=run_recovery_sheet)


def write_sheet(ctx, path: Path, recovery_key: str, services) -> None:
    from inspector_app.protection.recovery_sheet import write_recovery_sheet

    point = services.points.current()
    write_recovery_sheet(path, recovery_key, point_code=point.code, point_name=point.name,
                         database_file=str(ctx.db_path), created_at=services.clock.now_local(),
                         lang=ctx.lang)
    ctx.out(ctx.t("encrypt.sheet_written", path=path))


def run_encrypt(args: argparse.Namespace, ctx) -> int:
    from inspector_app.services.encryption import encrypt_database
    from inspector_app.services.setup import login_services

    login = getattr(args, "user", None)
    if not login:
        raise InspectorError("error.login_required")
    password = ctx.read_password(login, from_stdin=args.user_password_stdin)
    with InstanceLock(ctx.db_path):
        keyring, others = encrypt_database(ctx.db_path, login, password)
    services = login_services(ctx.db_path, login, password)
    ctx.adopt(services)
    ctx.out(ctx.t("encrypt.done", path=ctx.db_path, login=services.session.login))
    write_sheet(ctx, args.sheet, keyring.recovery_key, services)
    say_if_plain_backups_remain(ctx, services)
    if others:
        ctx.out(ctx.t("encrypt.accounts_need_reset", logins=", ".join(others)))
    return 0


def run_recovery_sheet(args: argparse.Namespace, ctx) -> int:
    from inspector_app.domain.permissions import Action

    services = ctx.services()
    if services.keyring is None:
        raise InspectorError("error.db_not_encrypted", path=str(ctx.db_path))
    services.require(Action.EDIT_PROFILE)
    write_sheet(ctx, args.sheet, services.keyring.new_recovery_key(), services)
    return 0


def _database_key(ctx) -> bytes | None:
    """The key of an encrypted database (unlocked with --user), None for a plain one."""
    if not ctx.db_path.exists() or not is_encrypted(ctx.db_path):
        return None
    services = ctx.services()
    return services.keyring.key if services.keyring is not None else None


def _backup_key(args: argparse.Namespace, ctx) -> bytes | None:
    """On a new PC (no database yet): the key of an encrypted backup, unlocked from the key
    file the backup carries with one of its accounts (``--user``) or the recovery key
    (``--recovery-key-stdin``); None for a plain backup."""
    source = Path(args.backup)
    if not source.exists() or not is_encrypted(source):
        return None
    if args.recovery_key_stdin:
        credentials = RecoveryKey(sys.stdin.readline().strip())
    elif args.user:
        credentials = Credentials(args.user, ctx.read_password(
            args.user, from_stdin=args.user_password_stdin))
    else:
        raise InspectorError("restore.needs_unlock", path=str(source))
    return unlock(source, credentials).key


def summary(ctx, info: backup.BackupInfo) -> str:
    counts = info.counts
    return ctx.t("restore.summary", date=info.created_at.strftime("%d.%m.%Y %H:%M"),
                 point=info.point_code, records=info.records,
                 persons=counts.get("person", 0), appeals=counts.get("appeal", 0),
                 offences=counts.get("offence", 0))


def run_backup(args: argparse.Namespace, ctx) -> int:
    folder = args.folder or backup.default_backup_folder()
    if args.list:
        found = backup.list_backups(folder)
        for info in found:
            ctx.out(f"{info.path}\t{summary(ctx, info)}")
        if not found:
            ctx.out(ctx.t("backup.none", folder=folder))
        return 0
    if is_server_url(ctx.db_path):
        if args.if_due or args.old_plain:
            raise InspectorError("backup.server_manual_only")
        ctx.services()  # --user logs in: only a logged-in account backs the server up
        from inspector_app.protection.server_backup import create_server_backup

        info = create_server_backup(ctx.db_path, folder, reason="manual")
        ctx.out(ctx.t("backup.done", path=info.path,
                      date=info.created_at.strftime("%d.%m.%Y %H:%M"), records=info.records))
        return 0
    if not ctx.db_path.exists():
        raise InspectorError("error.db_missing", path=str(ctx.db_path))
    key = _database_key(ctx)
    if args.old_plain:
        return _secure_old_backups(ctx, folder, key, delete=args.old_plain == "delete")
    if args.if_due:
        info = backup.backup_if_due(ctx.db_path, folder, key=key, reason=args.if_due)
        if info is None:
            ctx.out(ctx.t("backup.not_due"))
            return 0
    else:
        info = backup.create_backup(ctx.db_path, folder, key=key, reason="manual")
    ctx.out(ctx.t("backup.done", path=info.path,
                  date=info.created_at.strftime("%d.%m.%Y %H:%M"), records=info.records))
    return 0


def _secure_old_backups(ctx, folder: Path, key: bytes | None, *, delete: bool) -> int:
    if key is None:
        raise InspectorError("error.db_not_encrypted", path=str(ctx.db_path))
    services = ctx.services()
    done = backup.secure_plain_backups(ctx.db_path, folder, services.point_code, key,
                                       delete=delete)
    ctx.out(ctx.t("backup.old_plain_deleted" if delete else "backup.old_plain_encrypted",
                  count=len(done), folder=folder))
    return 0


def say_if_plain_backups_remain(ctx, services, folder: Path | None = None) -> None:
    """After encryption: name the backups that still hold the data in plaintext."""
    folder = folder or backup.default_backup_folder()
    left = backup.plain_backups(folder, services.point_code)
    if left:
        ctx.out(ctx.t("backup.old_plain_left", count=len(left), folder=folder,
                      login=services.actor_login))


def run_restore(args: argparse.Namespace, ctx) -> int:
    if is_server_url(ctx.db_path):  # into an empty database, never over a working one
        from inspector_app.protection.server_backup import restore_server_backup

        info = restore_server_backup(args.backup, ctx.db_path)
        ctx.out(summary(ctx, info))
        ctx.out(ctx.t("restore.server_done", url=describe(ctx.db_path), backup=args.backup))
        return 0
    if ctx.db_path.exists():
        if args.user:  # a session: its role must allow it (the file's owner without one may)
            backup.require_restore_right(ctx.services())
        key = _database_key(ctx)
    else:
        key = _backup_key(args, ctx)
    info = backup.describe_backup(args.backup, key)
    ctx.out(summary(ctx, info))
    if not args.yes:
        if not sys.stdin.isatty():
            raise InspectorError("cli.no_tty")
        if input(ctx.t("restore.confirm")).strip().lower() != "yes":
            ctx.out(ctx.t("restore.aborted"))
            return 1
    ctx.close()
    with InstanceLock(ctx.db_path):
        kept, again = restore_keeping_erasure(args.backup, ctx.db_path, key=key)
    ctx.out(ctx.t("restore.done", backup=args.backup, kept=kept or "-"))
    if again is not None:
        ctx.out(ctx.t("restore.reapplied", count=len(again.ids), ledger=again.ledger,
                      entry=again.audit_entry))
    return 0


def run_passwd(args: argparse.Namespace, ctx) -> int:
    current = ctx.read_password(args.login, from_stdin=args.password_stdin)
    services = ctx.services_as(args.login, current)
    new = ctx.read_password(args.login, from_stdin=args.password_stdin, confirm=True,
                            prompt="cli.new_password_prompt")
    services.staff.change_own_password(current, new)
    ctx.out(ctx.t("passwd.done", login=services.session.login))
    return 0


def run_users_list(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    staff_model = services.staff.model
    query = (services.staff.live().where(staff_model.owner_point == services.point_code)
             .order_by(staff_model.login))
    for staff in query:
        state = ctx.t("users.active" if staff.active else "users.inactive")
        if staff.active and must_change_password(services.db, staff.id):
            state += ", " + ctx.t("users.must_change")
        role = services.catalogues.title("staff_roles", staff.role, ctx.lang)
        line = f"{staff.login}\t{staff.full_name}\t{role}\t{state}"
        if services.is_district_office:
            line += "\t" + _territory_text(ctx, services.territories.of(staff.id))
        ctx.out(line)
    return 0


def _territory_text(ctx, territory: dict[str, list[str]]) -> str:
    if not (territory["points"] or territory["districts"]):
        return ctx.t("users.territory_all")
    parts = []
    if territory["points"]:
        parts.append(ctx.t("users.territory_points", codes=", ".join(territory["points"])))
    if territory["districts"]:
        parts.append(ctx.t("users.territory_districts",
                           codes=", ".join(territory["districts"])))
    return "; ".join(parts)


def _codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]


def run_users_territory(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    staff = services.staff.by_login(args.login)
    if staff is None:
        raise NotFound("users.unknown_login", login=args.login)
    points, districts = _codes(args.points), _codes(args.districts)
    if args.clear == bool(points or districts):
        raise InspectorError("users.territory_usage")
    territory = services.territories.set(staff.id, points, districts)
    ctx.out(ctx.t("users.territory_set", login=staff.login,
                  territory=_territory_text(ctx, territory)))
    return 0


def run_users_add(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    password = ctx.read_password(args.login, from_stdin=args.password_stdin, confirm=True)
    staff = services.staff.create({"login": args.login, "full_name": args.name,
                                   "role": args.role, "rank": args.rank,
                                   "badge_number": args.badge,
                                   "personal_number": args.personal_number, "password": password})
    ctx.out(ctx.t("users.added", login=staff.login, name=staff.full_name))
    return 0


def run_users_change(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    staff = services.staff.by_login(args.login)
    if staff is None:
        raise NotFound("users.unknown_login", login=args.login)
    if args.users_action == "deactivate":
        services.staff.deactivate(staff.id)
        ctx.out(ctx.t("users.deactivated", login=staff.login))
        return 0
    password = ctx.read_password(staff.login, from_stdin=args.password_stdin, confirm=True)
    if args.users_action == "reset":
        services.staff.reset_password(staff.id, password)
        ctx.out(ctx.t("users.reset_done", login=staff.login))
    elif args.users_action == "activate":
        services.staff.activate(staff.id, password)
        ctx.out(ctx.t("users.activated", login=staff.login))
    else:  # pragma: no cover - argparse offers only the actions above
        raise InspectorError("error.unknown")
    return 0
