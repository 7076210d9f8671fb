"""The facts of the domain that need no database: identity numbers, phones, letters and
names, the work calendar, roles and rights, numbers as people read them, the clock and the
reference catalogues.
"""
