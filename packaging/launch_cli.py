"""Frozen-bundle entry point of the command line (`inspector-cli`)."""

import sys

from inspector_app.cli import main
from inspector_app.sync.pipeline import allow_in_frozen_program

if __name__ == "__main__":
    allow_in_frozen_program()  # the importer's worker processes start here when frozen
    sys.exit(main())
