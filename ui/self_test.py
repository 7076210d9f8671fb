"""``inspector-app --self-test``: prove a build works, without a display or a user.

Opens a fresh demo database, renders the main window offscreen (and its user manual), builds
an activity report, and sends an export package to a scratch district database that imports
it. Prints one line per step and exits 0 only if every step worked; used by CI on the
PyInstaller bundle.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

SELF_TEST_RECORDS = 2_000


def run_self_test(records: int = SELF_TEST_RECORDS) -> int:
    """Run every step in a temporary folder; returns the process exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="inspector-self-test-"))
    os.environ["INSPECTOR_APP_DATA"] = str(folder / "userdata")
    try:
        return _run_steps(folder, records)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _step(name: str, action: Callable[[], str]) -> bool:
    started = time.perf_counter()
    try:
        detail = action()
    except Exception:  # noqa: BLE001 - the self-test reports every failure and goes on
        print(f"FAIL {name}\n{traceback.format_exc()}", flush=True)
        return False
    print(f"ok   {name}: {detail} ({time.perf_counter() - started:.2f} s)", flush=True)
    return True


def _run_steps(folder: Path, records: int) -> int:
    from inspector_app.demo import create_demo_database
    from inspector_app.reports import ReportRequest, generate
    from inspector_app.services.setup import (
        DISTRICT,
        FirstAccount,
        PointProfile,
        create_database,
        open_services,
    )
    from inspector_app.sync.export import export_package
    from inspector_app.sync.importer import import_files
    from inspector_app.sync.trust import export_public_key, trust_key_file

    district_db, point_db = folder / "district.db", folder / "point.db"
    district_key, outbox = folder / "district.pub", folder / "outbox"
    outbox.mkdir()
    shared: dict[str, object] = {}

    def make_district() -> str:
        services = create_database(
            district_db, PointProfile(code="ATY-ROP", name="ОП г. Атырау", district="Атырау"),
            FirstAccount(login="operator", full_name="Оператор РОП", password="Self-Test-2026"),
            kind=DISTRICT)
        export_public_key(services, district_key)
        services.db.close()
        return f"district database and public key {district_key.name}"

    def make_point() -> str:
        services = create_demo_database(point_db, records, seed=7)
        shared["point"] = services
        trust_key_file(services, district_key)
        return f"demo point {services.point_code} with {records} records"

    def render_window() -> str:
        from ui.app import build_main_window, create_application, make_settings

        app = create_application([sys.argv[0]])
        services = shared["point"]
        window = build_main_window(services, make_settings(), "ru", str(point_db))
        window.resize(1366, 768)
        window.show()
        for _ in range(20):
            app.processEvents()
        image = window.grab()
        manual = window.manual_action.open_manual()  # the help files travel with the build
        manual_chars = len(manual.browser.toPlainText())
        manual.close()
        window.close()
        if image.isNull() or image.width() < 800:
            raise RuntimeError(f"main window rendered as {image.width()}x{image.height()}")
        if manual_chars < 1000:
            raise RuntimeError(f"the user manual has {manual_chars} characters")
        return f"main window {image.width()}x{image.height()}, manual {manual_chars} characters"

    def build_report() -> str:
        services = shared["point"]
        today = services.clock.today()
        out = folder / "activity.pdf"
        pages = generate(services, ReportRequest("activity", date(today.year, 1, 1), today),
                         out)
        if out.stat().st_size < 1000:
            raise RuntimeError("the report file is empty")
        return f"activity report, {pages} pages, {out.stat().st_size // 1024} KB"

    def export() -> str:
        services = shared["point"]
        result = export_package(services, outbox, full=True)
        shared["package"] = result.path
        shared["exported"] = result.records
        services.db.close()
        return f"package {result.path.name}, {result.records} records"

    def import_at_district() -> str:
        services = open_services(district_db)
        try:
            batch = import_files(services, [shared["package"]], trust_new=True,
                                 outbox=folder / "receipts")
            result = batch.files[0]
            if not result.ok:
                raise RuntimeError(result.summary("en"))
            imported = sum(result.totals().get(name, 0) for name in ("new", "updated"))
        finally:
            services.db.close()
        if imported != shared["exported"]:
            raise RuntimeError(f"exported {shared['exported']} records, imported {imported}")
        return f"district imported {imported} records"

    steps = [("district database", make_district), ("demo point", make_point),
             ("main window", render_window), ("activity report", build_report),
             ("export package", export), ("district import", import_at_district)]
    for name, action in steps:
        if not _step(name, action):
            print("self-test FAILED", flush=True)
            return 1
    print("self-test passed", flush=True)
    return 0
