"""Frozen-bundle entry point of the desktop client (`inspector-app`)."""

import multiprocessing
import sys

from ui.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes of a frozen build start here
    sys.exit(main())
