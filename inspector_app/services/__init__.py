"""Use cases of the core: one service per record kind, validation, permissions, audit."""
