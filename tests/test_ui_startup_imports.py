"""Start-up does not load the exporters' libraries: openpyxl and reportlab (some 0.5 s of
imports) wait until a report or an export is made; psycopg (0.3 s), which peewee would import
with itself, until a server database is opened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import json, sys
from datetime import datetime
heavy = ("openpyxl", "psycopg", "reportlab")
loaded = lambda: sorted(m for m in heavy if m in sys.modules)
import ui.main_window
after_import = loaded()
from PySide6.QtCore import QCoreApplication, QSettings
from inspector_app.domain.clock import FixedClock
from inspector_app.services.accounts import Session
from inspector_app.services.setup import open_services
from ui.app import build_main_window, create_application
from ui.i18n import install_language
app = create_application([sys.argv[0]])
install_language("ru")
services = open_services(sys.argv[1], clock=FixedClock(datetime(2026, 11, 25, 10, 30)))
staff = services.staff.live().first()
services.session = Session(staff.id, staff.login, staff.full_name, staff.role)
window = build_main_window(services, QSettings(sys.argv[2], QSettings.Format.IniFormat),
                           "ru", sys.argv[1])
window.show()
while window.home.data is None:
    QCoreApplication.processEvents()
after_home = loaded()
from inspector_app.reports import ReportRequest, generate
pages = generate(services, ReportRequest("activity", datetime(2026, 1, 1).date(),
                                         datetime(2026, 11, 25).date()), sys.argv[3])
print(json.dumps({"import": after_import, "home": after_home, "report": loaded(),
                  "pages": pages}))
window.close()
services.db.close()
"""


def test_window_shown_and_home_filled_without_openpyxl_reportlab_or_psycopg(services, tmp_path):
    services.db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(services.db.database), str(tmp_path / "s.ini"),
         str(tmp_path / "report.pdf")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["import"] == [] and seen["home"] == []
    # The report made afterwards loads reportlab and still works.
    assert seen["report"] == ["reportlab"] and seen["pages"] >= 1
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
