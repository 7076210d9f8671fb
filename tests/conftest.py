"""Shared fixtures: a fresh initialised point database per test, with a fixed clock.

The database is a copy of a template made once per session (see ``db_templates``).
"""

from __future__ import annotations

import compileall
import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db_templates import new_database  # noqa: E402

from inspector_app.domain.clock import FixedClock  # noqa: E402
from inspector_app.protection import encryption  # noqa: E402
from inspector_app.services import accounts  # noqa: E402
from inspector_app.services.setup import FirstAccount, PointProfile  # noqa: E402

# Cheap scrypt in the test process only: hashes and wrapped keys record their own cost, so
# what this process writes is read at that cost by the app's child processes too, while
# whatever those write uses the product's (tests/test_kdf_cost.py holds the product's).
# At the product's cost the suite's in-process hashing and key derivations took about 60 s.
accounts._SCRYPT_N = encryption.KDF_N = 2**10

NOW = datetime(2026, 11, 25, 10, 30)
PASSWORD = "Kz-Secret-2026"
REPO = Path(__file__).resolve().parent.parent


def pytest_sessionstart(session):
    """Compile the app's sources once, as installing it does: the tests start hundreds of
    child processes (writers, the CLI, killed importers) from the checkout, and where
    ``PYTHONDONTWRITEBYTECODE`` is set each of them compiled every module it imports again
    (about 0.15 s of CPU each). Files already compiled are skipped; xdist's workers may
    write the same file at once, which ``py_compile`` does atomically."""
    for package in ("inspector_app", "ui", "tests"):
        compileall.compile_dir(REPO / package, quiet=1)


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory, monkeypatch):
    """Never touch the real user's data folder."""
    monkeypatch.setenv("INSPECTOR_APP_DATA", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture(autouse=True)
def _widgets_of_earlier_tests_deleted():
    """Delete the widgets pytest-qt closed after the previous test (``deleteLater`` waits for
    an event loop): a window left alive would answer this test's language change by querying
    its own database, which the models no longer serve (``DatabaseNotBound``)."""
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _no_forgotten_dialog(request):
    """Fail, instead of hanging, a test that leaves a modal dialog open nobody answers.

    Offscreen, an unexpected message box (an error shown by a worker, say) waits for a click
    forever and CI stops at its time limit. A watchdog closes any modal dialog that stays open
    for ``DIALOG_PATIENCE_MS`` and the test fails with its text. Tests that answer their
    dialogs with a timer do so in milliseconds."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from qt_helpers import ModalWatchdog

    request.getfixturevalue("qapp")
    watchdog = ModalWatchdog()
    yield
    watchdog.stop()
    if watchdog.stuck:
        pytest.fail("a modal dialog was left open and closed by the watchdog: "
                    + " | ".join(watchdog.stuck))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "point.db"


@pytest.fixture
def template_fill(request):
    """What a test's point gets besides the set-up, made once per session in its template
    (``db_templates.new_database``): the GUI tests' seed for tests that use ``seeded``;
    a test module overrides this fixture for set-up of its own."""
    if "seeded" in request.fixturenames:
        from ui_fixtures import seed

        return seed
    return None


@pytest.fixture
def services(db_path, clock, template_fill):
    """Services of a new point ATY-017 with one inspector, acting without a session."""
    svc = new_database(
        db_path,
        PointProfile(code="ATY-017", name="УПП №17", district="Атырау",
                     region="Атырауская область"),
        FirstAccount(login="erzhanov", full_name="Ержанов Асхат Серікұлы", password=PASSWORD,
                     rank="captain", role="inspector"),  # not the head of the point
        clock=clock, fill=template_fill,
    )
    yield svc
    svc.db.close()


@pytest.fixture
def person(services):
    return services.persons.create({"surname": "Сейтқалиева", "first_name": "Әйгерім",
                                    "patronymic": "Нұрланқызы", "iin": "900215400102",
                                    "address": "г. Атырау, ул. Абая, 12", "phone": "87011234567"})


@pytest.fixture(scope="session")
def pg_server():
    """One throw-away PostgreSQL cluster for the session (``tests/pg_server.py``); the tests
    that use it are skipped, with the reason, where the server programs are missing."""
    from pg_server import PgServer, missing_reason

    reason = missing_reason()
    if reason is not None:
        pytest.skip(reason)
    server = PgServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty database on the session's server."""
    return pg_server.new_database()
