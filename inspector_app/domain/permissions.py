"""Who may do what: one table, enforced by the services for the GUI, the CLI and imports.

| role              | registers & persons        | delete | others' offences | accounts | import |
|-------------------|----------------------------|--------|------------------|----------|--------|
| inspector         | create, edit               | yes    | edit             | no       | yes    |
| senior_inspector  | create, edit               | yes    | edit             | yes      | yes    |
| assistant         | create, edit (not offences | no     | read only        | no       | no     |
|                   | of another officer)        |        |                  |          |        |
| district_operator | read only                  | no     | read only        | no       | yes    |
| administrator     | read; profile & catalogues | no     | read only        | yes      | yes    |

The senior inspector is the head of the point: the set-up makes the point's first account one
(``setup.initialise``), so a new point can give its other officers accounts from the first day.
Restoring a backup (it replaces every record) is for those who manage the accounts too: the
head of the point and the administrator (``RESTORE``). A corrected catalogue (a legal change)
is loaded from a file by the district operator or the administrator (``LOAD_CATALOGUE``); the
points receive it in the district's reference packages. See docs/roles.md.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    INSPECTOR = "inspector"
    SENIOR_INSPECTOR = "senior_inspector"
    ASSISTANT = "assistant"
    DISTRICT_OPERATOR = "district_operator"
    ADMINISTRATOR = "administrator"


class Action(StrEnum):
    READ = "read"
    CREATE = "create"
    EDIT = "edit"
    DELETE = "delete"
    MANAGE_ACCOUNTS = "manage_accounts"
    EDIT_PROFILE = "edit_profile"
    IMPORT = "import"
    EXPORT = "export"
    RESTORE = "restore"
    LOAD_CATALOGUE = "load_catalogue"


_OFFICERS = {Role.INSPECTOR, Role.SENIOR_INSPECTOR}
HEAD_OF_POINT = Role.SENIOR_INSPECTOR
"""The role of a point's first account: the head of the point, who manages its accounts."""
_RECORDERS = _OFFICERS | {Role.ASSISTANT}
_EVERYONE = set(Role)

_RULES: dict[Action, set[Role]] = {
    Action.READ: _EVERYONE,
    Action.CREATE: _RECORDERS,
    Action.EDIT: _RECORDERS,
    Action.DELETE: _OFFICERS,
    Action.MANAGE_ACCOUNTS: {Role.SENIOR_INSPECTOR, Role.ADMINISTRATOR},
    Action.EDIT_PROFILE: _OFFICERS | {Role.ADMINISTRATOR},
    Action.IMPORT: {Role.DISTRICT_OPERATOR, Role.ADMINISTRATOR, *_OFFICERS},
    Action.EXPORT: _OFFICERS | {Role.ADMINISTRATOR},
    Action.RESTORE: {HEAD_OF_POINT, Role.ADMINISTRATOR},
    Action.LOAD_CATALOGUE: {Role.DISTRICT_OPERATOR, Role.ADMINISTRATOR},
}


def allowed(role: str, action: Action, kind: str | None = None,
            *, own_record: bool = True) -> bool:
    """Whether ``role`` may perform ``action`` on a record of ``kind``.

    ``own_record`` tells whether the record was drawn up by the acting officer; an assistant
    may not edit another officer's offence protocol.
    """
    try:
        role = Role(role)
    except ValueError:
        return False
    if role not in _RULES[action]:
        return False
    if kind == "offence" and role == Role.ASSISTANT and action == Action.EDIT:
        return own_record
    return True
