"""Storage: peewee models on SQLite, opening with pragmas, numbered migrations."""
