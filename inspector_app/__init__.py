"""inspector-app core: the Qt-free heart of a precinct inspector's desk.

Storage, validation, services, reports, sync and the command line live here; nothing in this
package imports Qt, so it runs headless and in the district office's batch scripts.
"""

__version__ = "0.1.0"
