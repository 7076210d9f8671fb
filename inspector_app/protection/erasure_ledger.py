"""The erasure ledger: which records were destroyed, kept outside the database file.

A backup made before a destruction still holds the destroyed records; restoring it must not
bring them back. So every destruction also lists its records in a small JSON file beside the
database (``<database>.erased.json``, :func:`ledger_path`): per record only its owner point,
register (table), id, when and by whom: no personal data (at a district, also the points'
records whose destruction it applied, under their owner's code). The destruction adds its
records to the list beside the backups too (``erased-records-<point>.json``,
:func:`folder_ledger_path`) and every backup merges the whole ledger into it, so a restore on
a new PC, whose data folder has no ledger, finds it beside the backups. A restore (and every later
open) destroys again the listed records the restored file still holds
(:func:`inspector_app.services.destruction.reapply_ledger`).

The file is written whole: a temporary file beside it, fsync, rename, fsync of the folder
(:func:`write_ledger`); a reader never sees half a file. A file that cannot be read (empty,
cut, edited) is never overwritten: :func:`read_ledger` raises ``erasure_ledger.damaged``
naming it, and the destruction or restore that needed it changes nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from inspector_app.errors import DatabaseError
from inspector_app.faults import atomic_output
from inspector_app.protection.private_files import private_files

LEDGER_SUFFIX = ".erased.json"
FOLDER_PREFIX = "erased-records-"
FORMAT = 1


@dataclass(frozen=True)
class Erased:
    """One destroyed record, as the ledger lists it."""

    owner_point: str
    table: str
    record_id: str
    destroyed_at: str
    """UTC, ``YYYY-MM-DD HH:MM:SS``."""
    destroyed_by: str

    @property
    def key(self) -> tuple[str, str]:
        return self.owner_point, self.record_id


def ledger_path(db_path: str | Path) -> Path:
    """The ledger beside a database file."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LEDGER_SUFFIX)


def folder_ledger_path(folder: str | Path, point_code: str) -> Path:
    """The copy of a point's ledger beside its backups."""
    return Path(folder) / f"{FOLDER_PREFIX}{point_code or 'db'}.json"


def read_ledger(path: str | Path) -> list[Erased]:
    """The records a ledger lists ([] when there is no such file); ``erasure_ledger.damaged``
    (naming the file) when it cannot be read."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not an erasure ledger of format 1")
        return [Erased(*(str(item[name]) for name in Erased.__dataclass_fields__))
                for item in data["records"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DatabaseError("erasure_ledger.damaged", path=str(path),
                            detail=str(exc)[:200] or type(exc).__name__) from exc


def merged(*lists: list[Erased]) -> list[Erased]:
    """The records of every list, each once, in the order first met."""
    seen: dict[tuple[str, str], Erased] = {}
    for records in lists:
        for record in records:
            seen.setdefault(record.key, record)
    return list(seen.values())


def write_ledger(path: str | Path, records: list[Erased]) -> None:
    """Write the whole ledger (temporary file, fsync, rename, fsync of the folder)."""
    path = Path(path)
    text = json.dumps({"format": FORMAT, "records": [asdict(r) for r in records]},
                      ensure_ascii=False, indent=0)
    with private_files(), atomic_output(path) as partial:  # the owner's only, as the database
        partial.write_text(text, encoding="utf-8")
    _fsync_folder(path.parent)


def add_to_ledger(path: str | Path, records: list[Erased]) -> None:
    """Add ``records`` to the ledger at ``path``; a damaged ledger is refused, not replaced."""
    if records:
        write_ledger(path, merged(read_ledger(path), records))


def copy_beside_backups(db_path: str | Path, folder: str | Path, point_code: str) -> None:
    """Merge the database's ledger into the copy beside its backups (made at each backup)."""
    records = read_ledger(ledger_path(db_path))
    if records:
        target = folder_ledger_path(folder, point_code)
        write_ledger(target, merged(read_ledger(target), records))


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (not possible on every system: skipped there)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
