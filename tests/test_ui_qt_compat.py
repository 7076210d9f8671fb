"""The guard against PySide6 6.12.0's lost references to None and True (see ui/qt_compat.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MANY_CALLS = r"""
import sys
import ui  # applies the guard
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Emitter(QObject):
    changed = Signal(int)

app = QApplication([])
label, emitter = QLabel(), Emitter()
emitter.changed.connect(lambda value: None)
for number in range(150_000):
    label.setText("x")       # a void method
    emitter.changed.emit(1)  # emit() returns True
print("alive", sys.getrefcount(None) > 1000, sys.getrefcount(True) > 1000)
"""


def test_many_qt_calls_do_not_exhaust_none_or_true():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", MANY_CALLS], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-800:]
    assert result.stdout.split() == ["alive", "True", "True"]
