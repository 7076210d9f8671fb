"""Reading the records: the register definitions and their pages, person search, statistics,
the audit log's views and table export (with its safe cell text).
"""
