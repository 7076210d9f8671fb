"""inspector-app core: the Qt-free heart of a precinct inspector's desk.

Storage, validation, services, reports, sync and the command line live here; nothing in this
package imports Qt, so it runs headless and in the district office's batch scripts.
"""

import sys

__version__ = "0.1.0"


def _import_peewee_without_its_server_driver() -> None:
    """Import peewee as if psycopg were not installed: peewee imports it with itself, 0.3 s of
    every start-up (a fifth of a point's, which never talks to a server). The server engine
    imports the driver when it opens a server database
    (:class:`inspector_app.storage.server.DriverAdapter`)."""
    if "peewee" in sys.modules or "psycopg" in sys.modules:
        return
    sys.modules["psycopg"] = None  # type: ignore[assignment]  # import psycopg: ImportError
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]


_import_peewee_without_its_server_driver()
