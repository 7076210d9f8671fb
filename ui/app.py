"""``inspector-app``: start the desktop client.

* ``inspector-app`` opens the database in the user's data folder: a first-run wizard creates it
  when it is missing, afterwards a login dialog asks for the password;
* ``--db PATH`` opens another database file; ``--lang ru|kk|en`` overrides the language;
* ``--demo`` fills a throw-away database in a temporary folder with the core's demo generator
  (off the GUI thread, with a progress dialog) and logs in as the demo inspector; the folder
  is removed when the program closes.

Errors of the core are shown as translated messages; anything unexpected is logged to
``<user data>/logs`` and reported in a message box, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from inspector_app.errors import InspectorError
from inspector_app.messages import LANGUAGES
from inspector_app.paths import default_database_path, user_data_dir
from inspector_app.protection.instance_lock import InstanceLock
from inspector_app.services.context import Services
from inspector_app.storage.server import ServerProfile, is_server_url
from ui.context import UiContext
from ui.errors import install_excepthook, setup_logging, show_error
from ui.i18n import application_name, install_language, normalise_language
from ui.icons import app_icon
from ui.server_dialog import ServerConnectDialog, ServerConnection, profile_from_url
from ui.settings import LANGUAGE, SERVER_AT_START
from ui.settings import upgrade as upgrade_settings
from ui.worker import run_job, wait_for

ORGANISATION = "inspector-app"
APPLICATION = "inspector-app"
DEMO_RECORDS = 20_000
DEMO_SEED = 2026


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="inspector-app", description="The precinct inspector's desktop program.")
    parser.add_argument("--db", help="database file (default: the user's data folder), or a "
                        "server database postgresql://USER@HOST[:PORT]/NAME (password asked)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the interface")
    parser.add_argument("--demo", action="store_true",
                        help="open a throw-away database filled with demo data")
    parser.add_argument("--demo-records", type=int, default=DEMO_RECORDS,
                        help=argparse.SUPPRESS)
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation without a display and exit (0 = works)")
    return parser.parse_args(argv)


def create_application(argv: list[str]) -> QApplication:
    """The QApplication with our names (set once: QSettings relies on them) and icon."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationDisplayName(application_name())
    app.setWindowIcon(app_icon())
    return app


def make_settings() -> QSettings:
    """Per-PC settings, upgraded to this version (see :mod:`ui.settings`); kept beside the
    data when INSPECTOR_APP_DATA points elsewhere."""
    if os.environ.get("INSPECTOR_APP_DATA"):
        settings = QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    else:
        settings = QSettings()
    upgrade_settings(settings)
    return settings


def open_demo(folder: Path, records: int, lang: str) -> Services | None:
    """Generate the demo database in ``folder`` (off the GUI thread), logged in as ``demo``."""
    from inspector_app.demo import create_demo_database

    def generate(progress) -> Services:
        services = create_demo_database(folder / "demo.db", records, DEMO_SEED,
                                        progress=progress)
        services.db.close()  # the worker thread's connection; the GUI thread opens its own
        return services

    title = QCoreApplication.translate("App", "Preparing demo data…")
    job = run_job(generate, title=title, lang=lang, delay_ms=0, on_error=lambda exc: None)
    wait_for(job)
    if job.cancelled:
        return None
    if job.error is not None:
        raise job.error
    return job.result


def open_server(settings: QSettings, lang: str,
                profile: ServerProfile | None = None) -> ServerConnection | None:
    """The server connection dialog (the saved profile, or ``profile``); None if cancelled."""
    dialog = ServerConnectDialog(settings, lang, profile=profile)
    return dialog.connection if dialog.exec() == QDialog.DialogCode.Accepted else None


def open_database(path: Path, settings: QSettings, lang: str) -> Services | ServerConnection | None:
    """The first-run wizard (no database yet) or the login dialog, whose button connects to a
    server database instead; None if cancelled."""
    from inspector_app.services.setup import needs_setup
    from ui.first_run import FirstRunWizard
    from ui.login_dialog import LoginDialog

    if needs_setup(path):  # no database yet, or one a set-up killed midway left
        wizard = FirstRunWizard(path, lang)
        return wizard.services if wizard.exec() == QDialog.DialogCode.Accepted else None
    dialog = LoginDialog(path, settings, lang)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.server or dialog.services


def build_main_window(services: Services, settings: QSettings, lang: str,
                      database_path: str, *, protect: bool = False,
                      server: ServerConnection | None = None) -> QWidget:
    """The context and the main window over open ``services`` (shown by the caller), with
    the sync actions (File → Export/Import, the district's Points page) and, at a district
    office, File → Connect to a server database.

    ``protect``: the real file's guards too (automatic backups and the background health
    check, see :mod:`ui.protection`; a server database is backed up on the server,
    ``inspector-cli backup``). ``server``: the window works on that server database and its
    status bar says whether the connection is encrypted. Either gets the idle lock, Lock and
    Change password (:mod:`ui.session_guard`).
    """
    from ui.main_window import MainWindow
    from ui.server_dialog import ConnectionLabel, ServerActions
    from ui.sync_wiring import SyncActions

    ctx = UiContext(services, settings, lang)
    window = MainWindow(ctx, database_path=server.address if server else database_path)
    window.sync = SyncActions(window)
    window.server = ServerActions(window) if services.is_district_office else None
    if server is not None:
        window.statusBar().addPermanentWidget(ConnectionLabel(server, window))
    elif protect:
        from ui.protection import Protection

        window.protection = Protection(window, database_path)
    if server is not None or protect:
        from ui.session_guard import SessionGuard

        window.guard = SessionGuard(window)
    return window


def restart() -> None:
    """Start the program again (after a restore), with the same arguments."""
    from PySide6.QtCore import QProcess

    if getattr(sys, "frozen", False):
        QProcess.startDetached(sys.executable, sys.argv[1:])
    else:
        QProcess.startDetached(sys.executable, ["-m", "ui.app", *sys.argv[1:]])


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``inspector-app``; returns the process exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from ui.self_test import run_self_test

        return run_self_test()
    app = create_application([sys.argv[0]])
    setup_logging()
    settings = make_settings()
    lang = normalise_language(args.lang or LANGUAGE.read(settings) or None)
    install_language(lang)
    window = None
    install_excepthook(lambda: window.ctx.lang if window is not None else lang)

    demo_folder = Path(tempfile.mkdtemp(prefix="inspector-demo-")) if args.demo else None
    server_url = args.db if is_server_url(args.db) else None
    path = demo_folder / "demo.db" if demo_folder is not None \
        else Path(args.db) if args.db and server_url is None else default_database_path()
    lock = None
    try:
        if demo_folder is not None:
            opened = open_demo(demo_folder, args.demo_records, lang)
        elif server_url is not None:
            opened = open_server(settings, lang, profile_from_url(server_url))
        else:  # this PC connected to a server last time: that first, its file on Cancel
            opened = open_server(settings, lang) if SERVER_AT_START.read(settings) else None
            if opened is None:
                lock = InstanceLock(path).acquire()  # one program per database file
                opened = open_database(path, settings, lang)
    except InspectorError as exc:
        show_error(None, exc, lang)
        opened, failed = None, True
    else:
        failed = False
    if opened is None:  # cancelled by the user, or refused with a message
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)
        return 1 if failed else 0

    code = 0
    while opened is not None:  # File → Connect to a server database opens the next
        server = opened if isinstance(opened, ServerConnection) else None
        if server is not None and lock is not None:
            lock.release()  # the file is no longer this program's
            lock = None
        services = server.services if server is not None else opened
        window = build_main_window(services, settings, lang, str(path), server=server,
                                   protect=demo_folder is None and server is None)
        window.show_at_start()
        protection = getattr(window, "protection", None)
        if getattr(window, "guard", None) is not None:
            window.guard.start()
        if protection is not None:
            protection.start()
        try:
            code = app.exec()
        finally:
            settings.sync()
            QThreadPool.globalInstance().waitForDone(10_000)  # no query outlives the window
            services.db.close()
            if protection is not None:
                protection.finish()  # a restore chosen in the window happens now
        opened = window.server.switch_to if window.server is not None else None
    if lock is not None:
        lock.release()
    if demo_folder is not None:
        shutil.rmtree(demo_folder, ignore_errors=True)
    if protection is not None and protection.restart_requested:
        restart()
    return code


if __name__ == "__main__":
    sys.exit(main())
