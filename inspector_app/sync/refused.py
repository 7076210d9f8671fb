"""Refused files, kept aside beside the database with the reason they were refused.

A refused file must leave the database byte-for-byte unchanged, so refusals are not recorded in
it: each refused file is copied (never moved: it may sit on the only USB stick) into
``<database>.sync/refused/`` next to a ``.reason.json`` naming the file, the point it claims to
come from, the moment and the message code with its parameters.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from inspector_app.errors import InspectorError
from inspector_app.messages import translate

REASON_SUFFIX = ".reason.json"


def sync_dir(db_path: str | Path) -> Path:
    """``<database>.sync/``: the folder beside the database for outgoing and refused files."""
    path = Path(db_path)
    return path.with_name(path.name + ".sync")


def refused_dir(db_path: str | Path) -> Path:
    return sync_dir(db_path) / "refused"


def outbox_dir(db_path: str | Path) -> Path:
    return sync_dir(db_path) / "outbox"


def claimed_point(path: Path) -> str:
    """The point a file name claims (``ATY-017_2026-11-25_0012.isync`` -> ``ATY-017``)."""
    return path.name.split("_", 1)[0] if "_" in path.name else ""


def keep_aside(db_path: str | Path, path: Path, error: InspectorError, point: str | None,
               at: datetime, package_id: str | None = None) -> Path | None:
    """Copy ``path`` into the refused folder with its reason; returns the copy (None if gone)."""
    folder = refused_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{at:%Y%m%d-%H%M%S}_{path.name}"
    counter = 1
    while target.exists():
        target = folder / f"{at:%Y%m%d-%H%M%S}-{counter}_{path.name}"
        counter += 1
    try:
        shutil.copyfile(path, target)
    except OSError:
        target = None
    reason = {"file": path.name, "source": str(path), "point": point or claimed_point(path),
              "package_id": package_id or "",
              "at": f"{at:%Y-%m-%d %H:%M:%S}", "code": error.code,
              "params": {k: str(v) for k, v in error.params.items()},
              "message": error.message("en")}
    name = (target.name if target is not None else f"{at:%Y%m%d-%H%M%S}_{path.name}")
    (folder / (name + REASON_SUFFIX)).write_text(
        json.dumps(reason, ensure_ascii=False, indent=1), encoding="utf-8")
    return target


@dataclass(frozen=True)
class RefusedFile:
    """One refused file as the points overview lists it."""

    file: str
    point: str
    at: datetime
    code: str
    params: dict[str, Any]
    package_id: str = ""

    def message(self, lang: str = "ru") -> str:
        return translate(self.code, lang, **self.params)


def refused_files(db_path: str | Path) -> list[RefusedFile]:
    """Every refused file recorded beside the database, newest first."""
    found = []
    for reason in refused_dir(db_path).glob("*" + REASON_SUFFIX):
        try:
            data = json.loads(reason.read_text(encoding="utf-8"))
            found.append(RefusedFile(data["file"], data.get("point", ""),
                                     datetime.strptime(data["at"], "%Y-%m-%d %H:%M:%S"),
                                     data["code"], dict(data.get("params", {})),
                                     data.get("package_id", "")))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda r: r.at, reverse=True)


def waiting_files(db_path: str | Path, readable: Callable[[int], bool]) -> list[Path]:
    """The kept copies refused as made by a newer program whose schema is ``readable`` now
    (the district has updated since): they wait to be imported again, oldest first."""
    found = []
    for reason in sorted(refused_dir(db_path).glob("*" + REASON_SUFFIX)):
        try:
            data = json.loads(reason.read_text(encoding="utf-8"))
            version = int(data["params"]["version"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        copy = reason.with_name(reason.name[:-len(REASON_SUFFIX)])
        if data.get("code") == "sync.newer_schema" and readable(version) and copy.is_file():
            found.append(copy)
    return found


def forget(copy: Path) -> None:
    """Remove a kept copy and its reason once the file has been imported."""
    copy.with_name(copy.name + REASON_SUFFIX).unlink(missing_ok=True)
    copy.unlink(missing_ok=True)
