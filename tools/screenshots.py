"""Render every main screen, dialog and record form offscreen with demo data, as PNG files.

    python tools/screenshots.py                    # docs/screenshots/*.png, 1366x768, Russian
    python tools/screenshots.py --scale 1.5 --out /tmp/shots150   # as on a 150 % screen
    python tools/screenshots.py --lang kk --out /tmp/shots-kk

The demo database is made by the core's demo generator with a fixed clock (25.11.2026), so
the pictures are the same on every run. At ``--scale`` the window keeps 1366x768 physical
pixels, i.e. the logical size a laptop at that scaling offers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 768)
NOW = datetime(2026, 11, 25, 10, 30)


def pump(until=lambda: True, seconds: float = 0.3, timeout: float = 30.0) -> None:
    """Let Qt work until ``until()`` holds (at least ``seconds``)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if time.perf_counter() - start >= seconds and until():
            return
        time.sleep(0.01)


def save(widget, out: Path, name: str, written: list[str]) -> None:
    print(f"  {name}", file=sys.stderr, flush=True)
    pump(seconds=0.2)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    written.append(path.name)


def idle(page) -> bool:
    model = getattr(page, "model", None)
    if model is not None and hasattr(model, "is_busy"):
        return model.loaded_once and not model.is_busy()
    loading = getattr(page, "is_loading", None)
    if loading is not None:
        return not loading() and getattr(page, "data", True) is not None
    return True


def first_ids(services) -> dict[str, str]:
    """A record of every kind to open in its form (the newest of each register)."""
    from inspector_app.queries.registers import REGISTERS, Filters

    ids = {REGISTERS[name].kind: REGISTERS[name].page(Filters(), limit=1)[0]["id"]
           for name in REGISTERS}
    ids["address"] = services.addresses.live().first().id
    ids["organisation"] = services.organisations.live().first().id
    ids["staff"] = services.staff.officers().first().id
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="ru", choices=("ru", "kk", "en"))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--records", type=int, default=20_000)
    args = parser.parse_args(argv)
    data = tempfile.mkdtemp(prefix="inspector-shots-")
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        # A 1366x768 laptop screen (the offscreen default is 800x600, and forms size
        # themselves to the screen).
        config = Path(data) / "screen.json"
        config.write_text(json.dumps({"screens": [{
            "name": "laptop", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1],
            "logicalDpi": 96, "logicalBpi": 96, "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    os.environ["INSPECTOR_APP_DATA"] = data
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QSettings

    import ui  # noqa: F401  (the PySide6 reference guard)
    from inspector_app.demo import create_demo_database
    from inspector_app.domain.clock import FixedClock
    from ui.app import build_main_window, create_application
    from ui.first_run import FirstRunWizard
    from ui.i18n import install_language
    from ui.kinds import FORM_KINDS as FORMS
    from ui.login_dialog import LoginDialog
    from ui.settings_dialog import SettingsDialog

    app = create_application([sys.argv[0]])  # kept alive for the whole run
    install_language(args.lang)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    path = Path(data) / "demo.db"
    services = create_demo_database(path, args.records, 2026, clock=FixedClock(NOW))
    settings = QSettings(str(Path(data) / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(services, settings, args.lang, str(path))  # as the app does
    ctx = window.ctx
    width, height = (round(side / args.scale) for side in SIZE)
    window.resize(width, height)
    window.show()
    written: list[str] = []

    for page in window.pages:
        window.show_page(page.key)
        if page.key == "reports":
            window.reports.generate()
            pump(lambda: window.reports.pages > 0, seconds=1.0, timeout=60)
        pump(lambda p=page.widget: idle(p), seconds=0.5)
        save(window, out, f"{page.key}", written)
    window.show_page("area")
    window.area.tabs.setCurrentIndex(1)
    save(window, out, "area-organisations", written)
    window.show_page("home")

    dialogs = [("settings", SettingsDialog(ctx, window)),
               ("login", LoginDialog(path, settings, args.lang)),
               ("first-run", FirstRunWizard(Path(data) / "new.db", args.lang))]
    for name, dialog in dialogs:
        dialog.show()
        if name == "first-run":
            dialog.next()
            dialog.profile_page.code.setText("ATY-017")
            dialog.profile_page.name.setText("УПП №17")
        save(dialog, out, name, written)
        dialog.close()

    ids = first_ids(services)
    for kind in FORMS:
        for label, record_id in (("new", None), ("open", ids[kind])):
            if kind == "staff" and record_id is None:
                continue  # accounts are the administrator's
            form = FORMS[kind](ctx, record_id, window)
            form.show()
            pump(seconds=0.3)
            save(form, out, f"form-{kind}-{label}", written)
            form.done(0)
            form.deleteLater()
    window.close()
    services.db.close()
    print(f"{len(written)} screenshots in {out}: {', '.join(written)}")
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
