"""The core never imports Qt: every module of inspector_app loads in a process without it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import importlib, json, pathlib, pkgutil, sys
import inspector_app
root = pathlib.Path(inspector_app.__file__).parent
found = {info.name for info in pkgutil.walk_packages(inspector_app.__path__, "inspector_app.")}
# every source file too, in case a folder lacks its __init__.py
found |= {".".join(("inspector_app", *p.relative_to(root).with_suffix("").parts))
          .removesuffix(".__init__") for p in root.rglob("*.py")}
names = []
for name in sorted(found):
    if name.endswith("__main__"):
        continue  # running it would start the command line
    importlib.import_module(name)
    names.append(name)
leaked = sorted(m for m in sys.modules
                if m.split(".")[0] in ("PySide6", "shiboken6", "ui", "PyQt5", "PyQt6"))
print(json.dumps({"modules": names, "leaked": leaked}))
"""


def test_no_module_of_the_core_imports_qt_or_the_gui():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["leaked"] == []
    modules = set(result["modules"])
    for expected in ("inspector_app.storage.models", "inspector_app.services.context",
                     "inspector_app.queries.registers", "inspector_app.queries.search",
                     "inspector_app.cli",
                     "inspector_app.storage.migrations.m0001_initial"):
        assert expected in modules
