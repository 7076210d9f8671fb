"""Frozen-bundle entry point of the desktop client (`inspector-app`)."""

import sys

from inspector_app.sync.pipeline import allow_in_frozen_program
from ui.app import main

if __name__ == "__main__":
    allow_in_frozen_program()  # the importer's worker processes start here when frozen
    sys.exit(main())
