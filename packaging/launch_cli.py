"""Frozen-bundle entry point of the command line (`inspector-cli`)."""

import multiprocessing
import sys

from inspector_app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes of a frozen build start here
    sys.exit(main())
