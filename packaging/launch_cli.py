"""Frozen-bundle entry point of the command line (`inspector-cli`)."""

import sys

from inspector_app.child_process import allow_in_frozen_program
from inspector_app.cli import main

if __name__ == "__main__":
    allow_in_frozen_program()  # child processes (import, demo fill) start here when frozen
    sys.exit(main())
