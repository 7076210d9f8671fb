"""New databases for tests, copied from a template made once per session and parameters.

Creating a database loads twenty catalogue files and hashes a password (about 0.35 s); a copy
of a template made with the same profile, account, kind and clock time holds the same rows
and takes a tenth of that. Each copy is a database of its own (new ``database_id``, new sync
keys: see :func:`~inspector_app.services.setup.copy_new_database`).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.domain.clock import Clock, FixedClock
from inspector_app.services.context import Services
from inspector_app.services.setup import (
    POINT,
    FirstAccount,
    PointProfile,
    copy_new_database,
    create_database,
)
from inspector_app.storage import migrations

_templates: dict[tuple, tuple[Path, Any]] = {}
_filled: dict[Path, Any] = {}
_folder: Path | None = None


def _template_folder() -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="inspector-db-templates-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def new_database(path: Path, profile: PointProfile, account: FirstAccount, *,
                 kind: str = POINT, clock: Clock,
                 fill: Callable[[Services], Any] | None = None) -> Services:
    """What ``create_database(path, profile, account, kind=kind, clock=clock)`` gives, then
    ``fill(services)`` when given, copied from a template when the clock stands still (a
    moving clock stamps every row differently). :func:`filled` tells what ``fill`` returned.

    ``fill`` runs once per session on the template: the rows it adds have the same ids in
    every copy, so it is for set-up whose copies never sync with each other.
    """
    path = Path(path)
    if not isinstance(clock, FixedClock):
        services = create_database(path, profile, account, kind=kind, clock=clock)
        _filled[path] = fill(services) if fill else None
        return services
    key = (profile, account, kind, clock.moment, clock.utc_offset_hours, fill,
           migrations.LATEST_VERSION)  # a test may add a migration for a while
    if key not in _templates:
        template = _template_folder() / f"template-{len(_templates)}.db"
        made = create_database(template, profile, account, kind=kind,
                               clock=FixedClock(clock.moment, clock.utc_offset_hours))
        result = fill(made) if fill else None
        made.db.close()
        _templates[key] = template, result
    template, result = _templates[key]
    services = copy_new_database(template, path, clock=clock)
    _filled[path] = result
    return services


def filled(path: Path) -> Any:
    """What the ``fill`` of :func:`new_database` returned for the database at ``path``."""
    return _filled[Path(path)]
