"""The fault suite (issue 19): two writers, full disks, damaged files, kills, hostile values.

Every test here is marked ``faults``: ``python -m pytest -m "not faults"`` skips them for a
quick run; the README's command (and ``.ci/run``) runs them all.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).resolve().parent == HERE:
            item.add_marker(pytest.mark.faults)


@pytest.fixture
def small_disk(tmp_path):
    """A real 3 MB file system (tmpfs, mounted as root) to fill; skipped where the test may
    not mount one. Yields the mount folder; unmounted afterwards."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder that cannot be written: a read-only tmpfs when running as root (root ignores
    permissions), a folder without write permission otherwise. Yields (folder, make_ro)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        yield folder, lambda: folder.chmod(0o555)
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")

    def make_read_only():
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)

    try:
        yield folder, make_read_only
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
