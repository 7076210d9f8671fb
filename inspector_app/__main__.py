"""`python -m inspector_app` runs the command line."""

import sys

from inspector_app.cli import main

sys.exit(main())
