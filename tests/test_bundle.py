"""The PyInstaller bundle: built from build_installer.spec, it passes its own self-test.

This is what CI proves for issue 7: the one-folder build carries every resource and module,
finds them from the bundle exactly as from a checkout, and works without a display.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_BUNDLE_MB = 200

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    if pyinstaller is None:
        pytest.skip("PyInstaller is not installed (it comes with the test extras)")
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run(
        [pyinstaller, "--noconfirm", "--log-level", "ERROR", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(ROOT / "build_installer.spec")],
        cwd=ROOT, check=True, capture_output=True, timeout=600,
    )
    return work / "dist" / "inspector-app"


def _run(program: Path, *args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "INSPECTOR_APP_DATA": str(tmp_path / "data")}
    env.pop("DISPLAY", None)
    return subprocess.run([str(program), *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_bundle_passes_its_self_test(bundle, tmp_path):
    result = _run(bundle / "inspector-app", "--self-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout


def test_the_bundled_command_line_creates_and_checks_a_database(bundle, tmp_path):
    db = tmp_path / "p.db"
    env = {**os.environ, "INSPECTOR_APP_DATA": str(tmp_path / "data")}
    created = subprocess.run(
        [str(bundle / "inspector-cli"), "--db", str(db), "init", "--point-code", "ATY-017",
         "--point-name", "УПП №17", "--district", "Атырау", "--login", "erzhanov",
         "--name", "Ержанов Асхат", "--password-stdin", "--no-encrypt"],
        input="Kz-Secret-2026\n", cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120)
    assert created.returncode == 0, created.stderr
    checked = _run(bundle / "inspector-cli", "--db", str(db), "check", tmp_path=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "ATY-017" in created.stdout


def test_the_bundle_stays_under_200_mb(bundle):
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    assert size < MAX_BUNDLE_MB * 1024 * 1024, f"{size / 1048576:.0f} MB"
