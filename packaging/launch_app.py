"""Frozen-bundle entry point of the desktop client (`inspector-app`)."""

import sys

from ui.app import main

sys.exit(main())
