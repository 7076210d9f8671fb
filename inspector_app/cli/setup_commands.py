"""`init`: create a point (or district office) database with its first account.

The database is encrypted with the first account's password unless ``--no-encrypt`` (a test
database); its recovery key goes to the ``--sheet`` PDF, as with ``encrypt``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.cli.protection_commands import write_sheet
from inspector_app.domain.permissions import Role
from inspector_app.errors import InspectorError
from inspector_app.services.setup import (
    DISTRICT,
    POINT,
    REGION,
    FirstAccount,
    PointProfile,
    create_database,
)
from inspector_app.storage.server import describe, is_server_url
from inspector_app.sync.keys import keys_dir


def register(commands) -> None:
    p = commands.add_parser("init", help="create a point database and its first account")
    p.add_argument("--point-code", required=True, help="e.g. ATY-017")
    p.add_argument("--point-name", required=True, help='e.g. "УПП №17"')
    p.add_argument("--district", required=True, help="district (or city) of the point")
    p.add_argument("--region", default="",
                   help='region of the point as the regions catalogue names it, e.g. '
                        '"Атырауская область" (report headers name its police department)')
    p.add_argument("--address", default="")
    p.add_argument("--department", default="", help="district police department")
    p.add_argument("--login", required=True,
                   help="login of the first account: the head of the point (senior inspector, "
                        "who manages accounts), or the district office's operator")
    p.add_argument("--name", required=True, help="full name of the first account's officer")
    p.add_argument("--rank", default="", help="rank code, e.g. captain")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from standard input (for scripts)")
    p.add_argument("--district-office", action="store_true",
                   help="create a district office database instead of a point's")
    p.add_argument("--region-office", action="store_true",
                   help="create a region office database (its districts forward their "
                        "points' packages to it)")
    p.add_argument("--administrator", action="store_true",
                   help="make the first account the administrator (at an office: who adds "
                        "accounts and limits them to their territory) instead of its operator")
    p.add_argument("--sheet", type=Path, default=None,
                   help="PDF to write the recovery key to (print it, then delete the file); "
                        "needed unless --no-encrypt")
    p.add_argument("--no-encrypt", action="store_true",
                   help="leave the database unencrypted (a test database, no personal data)")
    p.set_defaults(handler=run_init, needs_database=False)
    p = commands.add_parser("copy-to", help="copy this district's database file onto an empty "
                                            "PostgreSQL database (the file stays as it was)")
    p.add_argument("url", help="postgresql://USER@HOST[:PORT]/NAME")
    p.set_defaults(handler=run_copy_to)


def run_init(args: argparse.Namespace, ctx) -> int:
    on_server = is_server_url(ctx.db_path)
    encrypt = not args.no_encrypt and not on_server
    if encrypt and args.sheet is None:
        raise InspectorError("init.sheet_required")
    password = ctx.read_password(args.login, from_stdin=args.password_stdin, confirm=True)
    services = create_database(
        ctx.db_path,
        PointProfile(code=args.point_code, name=args.point_name, district=args.district,
                     address=args.address, region=args.region,
                     department=args.department),
        FirstAccount(login=args.login, full_name=args.name, password=password, rank=args.rank,
                     role=Role.ADMINISTRATOR if args.administrator else ""),
        kind=REGION if args.region_office else DISTRICT if args.district_office else POINT,
        encrypt=encrypt,
    )
    ctx.adopt(services)
    ctx.out(ctx.t("init.done", path=ctx.db_path, code=services.point_code,
                  name=args.point_name, login=args.login.lower()))
    if on_server:
        ctx.out(ctx.t("init.on_server", url=describe(ctx.db_path),
                      keys=keys_dir(services.db.database)))
    elif encrypt:
        ctx.out(ctx.t("init.encrypted", login=args.login.lower()))
        write_sheet(ctx, args.sheet, services.keyring.recovery_key, services)
    else:
        ctx.out(ctx.t("init.not_encrypted"))
    return 0


def run_copy_to(args: argparse.Namespace, ctx) -> int:
    from inspector_app.domain.numbers import group_thousands
    from inspector_app.storage.copy_to_server import copy_to_server

    if not is_server_url(args.url):
        raise InspectorError("error.server_url", url=args.url)
    result = copy_to_server(ctx.services(), args.url)
    ctx.out(ctx.t("copy_to.done", url=result.url, rows=group_thousands(sum(result.rows.values())),
                  tables=len(result.rows), keys=result.keys_at))
    return 0
