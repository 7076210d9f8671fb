"""Frozen-bundle entry point of the command line (`inspector-cli`)."""

import sys

from inspector_app.cli import main

sys.exit(main())
