"""What every command gets: the parsed options, the language, the services on demand."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

from inspector_app.domain.permissions import Action
from inspector_app.errors import InspectorError
from inspector_app.messages import DEFAULT_LANGUAGE, translate
from inspector_app.paths import default_database_path, user_data_dir
from inspector_app.protection.private_files import make_private, private_files
from inspector_app.services.context import Services
from inspector_app.storage.server import is_server_url


class CliContext:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.lang = args.lang or os.environ.get("INSPECTOR_LANG") or DEFAULT_LANGUAGE
        self.db_path = (args.db if is_server_url(args.db) else Path(args.db)) if args.db \
            else default_database_path()
        """The database file, or a server database's URL (``postgresql://...``)."""
        self._services: Services | None = None

    def services(self) -> Services:
        """The services of the (existing, initialised) database named by ``--db``.

        With ``--user LOGIN`` the commands act as that account (its password is asked once,
        or read from the first line of stdin with ``--user-password-stdin``) and its role
        applies; without it they act as the file's owner ("system").
        """
        if self._services is None:
            login = getattr(self.args, "user", None)
            if getattr(self.args, "recovery_key_stdin", False):
                from inspector_app.protection.encryption import RecoveryKey
                from inspector_app.services.setup import open_services

                text = sys.stdin.readline().strip()
                self._services = open_services(self.db_path, credentials=RecoveryKey(text))
                return self._services
            if login:
                password = self.read_password(
                    login, from_stdin=getattr(self.args, "user_password_stdin", False))
                services = self.services_as(login, password)
                services.require(Action.READ)  # a temporary password: only `passwd` works
                return services
            from inspector_app.services.setup import open_services

            self._services = open_services(self.db_path)
        return self._services

    def services_as(self, login: str, password: str) -> Services:
        """The services of ``--db`` logged in as ``login``; the same password unlocks an
        encrypted database (wrong passwords are throttled)."""
        from inspector_app.services.setup import login_services

        if self._services is not None:
            self._services.login(login, password)
            return self._services
        self._services = login_services(self.db_path, login, password)
        return self._services

    def adopt(self, services: Services) -> None:
        self._services = services

    def close(self) -> None:
        if self._services is not None:
            self._services.db.close()
            self._services = None

    def t(self, message_code: str, **params) -> str:
        return translate(message_code, self.lang, **params)

    def out(self, text: str = "") -> None:
        print(text)

    def error(self, text: str) -> None:
        print(text, file=sys.stderr)

    def read_password(self, login: str, *, from_stdin: bool, confirm: bool = False,
                      prompt: str = "cli.password_prompt") -> str:
        """A password from stdin (one line, for scripts) or typed without echo."""
        if from_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        if not sys.stdin.isatty():
            raise InspectorError("cli.no_tty")
        password = getpass.getpass(self.t(prompt, login=login))
        if confirm and getpass.getpass(self.t("cli.password_repeat")) != password:
            raise InspectorError("cli.password_mismatch")
        return password


def report_unexpected() -> Path:
    """Write the current exception's traceback to the error log; returns the log's path."""
    log = user_data_dir() / "logs" / "errors.log"
    try:
        with private_files():  # a traceback may quote a citizen's data
            log.parent.mkdir(parents=True, exist_ok=True)
            make_private(log.parent, log)
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S}\n{traceback.format_exc()}\n")
    except OSError:
        return Path(os.devnull)
    return log
