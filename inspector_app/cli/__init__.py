"""`inspector-cli`: the command line over the core's services.

Every command takes ``--db PATH`` (default: the app's database in the user's data folder).
Exit codes: 0 done, 1 the user's input or data was wrong (message on stderr), 2 usage.
Each command group lives in its own module with a ``register(subparsers)`` function; a command
that works without an existing database (``init``) says so with ``set_defaults(needs_database=
False)``, every other one is refused up front when the file is missing, and when damage was
seen in it (:func:`inspector_app.faults.recorded_damage`) unless it sets
``works_when_damaged=True`` (``check``, ``restore``, ``backup``); with ``--user`` it runs only
after that account logged in. Faults of the machine (a full disk, a read-only folder, a busy or
damaged database) are reported as what they are.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from inspector_app import __version__
from inspector_app.cli.context import CliContext, report_unexpected
from inspector_app.errors import DatabaseDamaged, DatabaseError, InspectorError
from inspector_app.faults import classify, recorded_damage
from inspector_app.messages import LANGUAGES, translate
from inspector_app.paths import default_database_path
from inspector_app.storage.server import is_server_url

COMMAND_MODULES = (
    "inspector_app.cli.setup_commands",
    "inspector_app.cli.query_commands",
    "inspector_app.cli.protection_commands",
    "inspector_app.cli.report_commands",
    "inspector_app.cli.sync_commands",
    "inspector_app.cli.catalogue_commands",
    "inspector_app.cli.demo_commands",
)

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector-cli",
        description="Offline desk of a precinct police inspector: command line.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH", default=None,
                        help=f"database file (default: {default_database_path()})")
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="language of messages (default: ru)")
    parser.add_argument("--user", metavar="LOGIN", default=None,
                        help="act as this account (password asked; opens an encrypted database)")
    parser.add_argument("--user-password-stdin", action="store_true",
                        help="read --user's password from the first line of standard input")
    parser.add_argument("--recovery-key-stdin", action="store_true",
                        help="open an encrypted database with the recovery key (first line of "
                             "standard input) and act as the file's owner")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    ctx = CliContext(args)
    try:
        # Before a command asks for anything (a password...): the database must exist.
        # A command that makes or needs no database sets ``needs_database=False``.
        if getattr(args, "needs_database", True) and not is_server_url(ctx.db_path):
            if not ctx.db_path.exists():
                raise DatabaseError("error.db_missing", path=str(ctx.db_path))
            damage = recorded_damage(ctx.db_path)
            if damage is not None and not getattr(args, "works_when_damaged", False):
                raise damage  # answers from a damaged file may be silently incomplete
        # ``--user`` logs in before any command, even one that reads the file directly: a
        # wrong or temporary password stops here (``passwd`` and ``encrypt`` log in
        # themselves, ``logs_in_itself``).
        if args.user and getattr(args, "needs_database", True) \
                and not getattr(args, "logs_in_itself", False):
            ctx.services()
        return int(args.handler(args, ctx) or EXIT_OK)
    except InspectorError as exc:
        ctx.error(explained(exc).message(ctx.lang))
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`... | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - a user never sees a raw traceback
        fault = classify(exc, path=ctx.db_path)  # a full disk, a damaged page...
        if fault is not None:
            ctx.error(explained(fault).message(ctx.lang))
            return EXIT_INPUT
        log = report_unexpected()
        ctx.error(translate("error.unexpected", ctx.lang, log=log))
        return EXIT_INPUT
    finally:
        ctx.close()


def explained(exc: InspectorError) -> InspectorError:
    """A damaged database names the latest good backup to restore."""
    if isinstance(exc, DatabaseDamaged):
        from inspector_app.protection.backup import with_latest_backup

        return with_latest_backup(exc)
    return exc


if __name__ == "__main__":
    sys.exit(main())
