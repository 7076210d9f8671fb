"""Helpers of the fault suite."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path


def fill_disk(folder: Path, leave: int = 0) -> Path:
    """Fill the file system of ``folder`` up to ``leave`` free bytes with a ballast file."""
    ballast = folder / "ballast.bin"
    free = shutil.disk_usage(folder).free - leave
    with open(ballast, "wb") as f, contextlib.suppress(OSError):
        while free > 0:
            chunk = min(free, 1 << 16)
            f.write(b"\0" * chunk)
            free -= chunk
        f.flush()
        os.fsync(f.fileno())
    return ballast
