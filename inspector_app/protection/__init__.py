"""Keeping the data safe: database keys and encryption, login lockout and security events,
backups, integrity checks, the one-instance lock, the recovery sheet and private files.
"""
