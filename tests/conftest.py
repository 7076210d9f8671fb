"""Shared fixtures: a fresh initialised point database per test, with a fixed clock."""

from __future__ import annotations

import os
import sys
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from inspector_app.clock import FixedClock  # noqa: E402
from inspector_app.services.setup import FirstAccount, PointProfile, create_database  # noqa: E402

NOW = datetime(2026, 11, 25, 10, 30)
PASSWORD = "Kz-Secret-2026"


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


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "point.db"


@pytest.fixture
def services(db_path, clock):
    """Services of a new point ATY-017 with one inspector, acting without a session."""
    svc = create_database(
        db_path,
        PointProfile(code="ATY-017", name="УПП №17", district="Атырау"),
        FirstAccount(login="erzhanov", full_name="Ержанов Асхат Серікұлы", password=PASSWORD,
                     rank="captain", role="inspector"),  # not the head of the point
        clock=clock,
    )
    yield svc
    svc.db.close()


@pytest.fixture
def person(services):
    return services.persons.create({"surname": "Сейтқалиева", "first_name": "Әйгерім",
                                    "patronymic": "Нұрланқызы", "iin": "900215400102",
                                    "address": "г. Атырау, ул. Абая, 12", "phone": "87011234567"})
