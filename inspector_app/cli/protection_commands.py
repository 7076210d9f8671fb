"""`passwd` and `users`: passwords and accounts from the command line.

Accounts are managed by an administrator (``--user admin``) or, on an unencrypted database,
by the file's owner without ``--user``. Passwords are typed without echo, or read one per line
from standard input with ``--password-stdin`` (after ``--user``'s own, when both are used).
"""

from __future__ import annotations

import argparse

from inspector_app.errors import InspectorError, NotFound
from inspector_app.lockout import must_change_password
from inspector_app.permissions import Role


def register(commands) -> None:
    p = commands.add_parser("passwd", help="change your own password (the current one is asked)")
    p.add_argument("--login", required=True, help="your login")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the current and the new password, one per line, from stdin")
    p.set_defaults(handler=run_passwd)

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
    p.add_argument("--badge", default="", help="badge or personal number")
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
        ctx.out(f"{staff.login}\t{staff.full_name}\t{role}\t{state}")
    return 0


def run_users_add(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    password = ctx.read_password(args.login, from_stdin=args.password_stdin, confirm=True)
    staff = services.staff.create({"login": args.login, "full_name": args.name,
                                   "role": args.role, "rank": args.rank,
                                   "badge_number": args.badge, "password": password})
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
