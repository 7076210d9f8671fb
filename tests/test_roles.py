"""Every rule of docs/roles.md, checked through the services (as the GUI and CLI call them)."""

from __future__ import annotations

import pytest
from conftest import PASSWORD
from core_factories import appeal_data, make_person, offence_data, visit_data

from inspector_app.domain.permissions import Action
from inspector_app.errors import AuthenticationFailed, PermissionDenied, ValidationError
from inspector_app.services.context import Services

STAFF_PASSWORD = "Strong-Pass-2026"

ACCOUNTS = {
    "inspector": ("erzhanov2", "Ержанов Бауыржан"),
    "senior_inspector": ("senior", "Тулегенов Марат"),
    "assistant": ("assist", "Нурланова Динара"),
    "district_operator": ("operator", "Каримов Ерлан"),
    "administrator": ("admin", "Абенов Серик"),
}


def add_accounts(services) -> None:
    """One account per role, made by the set-up's system context."""
    for role, (login, name) in ACCOUNTS.items():
        services.staff.create({"login": login, "full_name": name, "role": role,
                               "password": STAFF_PASSWORD})


@pytest.fixture
def template_fill():
    """Every point of this module has the accounts (hashing five passwords once)."""
    return add_accounts


@pytest.fixture
def staff(services):
    """The accounts of :func:`add_accounts`, by role."""
    return {role: services.staff.by_login(login) for role, (login, _) in ACCOUNTS.items()}


@pytest.fixture
def as_role(services, staff):
    """``as_role("assistant")``: services of a fresh context logged in with that role."""
    contexts = []

    def make(role: str) -> Services:
        ctx = Services(services.db, clock=services.clock)
        ctx.login(ACCOUNTS[role][0], STAFF_PASSWORD)
        contexts.append(ctx)
        return ctx

    return make


@pytest.fixture
def inspector_records(services, staff, as_role):
    """An appeal, a visit and an offence recorded by the (other) inspector."""
    officer = as_role("inspector")
    person = make_person(services, "Сейтқалиев", "Бекзат")
    return {
        "person": person,
        "appeal": officer.appeals.create(appeal_data(person)),
        "visit": officer.visits.create(visit_data()),
        "offence": officer.offences.create(offence_data(person)),
    }


RECORDERS = ["inspector", "senior_inspector", "assistant"]
NON_RECORDERS = ["district_operator", "administrator"]
DELETERS = ["inspector", "senior_inspector"]
MANAGERS = ["senior_inspector", "administrator"]
NON_DELETERS = ["assistant", "district_operator", "administrator"]
ALL_ROLES = list(ACCOUNTS)


# -- recording --------------------------------------------------------------------------


@pytest.mark.parametrize("role", RECORDERS)
def test_recorders_record_appeals_visits_offences_and_persons(as_role, role):
    ctx = as_role(role)
    person = make_person(ctx, "Жумабаева", "Айгуль")
    appeal = ctx.appeals.create(appeal_data(person))
    visit = ctx.visits.create(visit_data())
    offence = ctx.offences.create(offence_data(person))
    assert appeal.created_by == ACCOUNTS[role][0]
    assert visit.inspector_id == ctx.session.staff_id
    assert offence.inspector_id == ctx.session.staff_id


@pytest.mark.parametrize("role", NON_RECORDERS)
def test_operator_and_administrator_record_nothing(as_role, inspector_records, role):
    ctx = as_role(role)
    person = inspector_records["person"]
    with pytest.raises(PermissionDenied):
        ctx.persons.create({"surname": "Иванов", "first_name": "Иван"})
    with pytest.raises(PermissionDenied):
        ctx.appeals.create(appeal_data(person))
    with pytest.raises(PermissionDenied):
        ctx.visits.create(visit_data())
    with pytest.raises(PermissionDenied):
        ctx.offences.create(offence_data(person))
    assert not ctx.can(Action.CREATE, "appeal")


@pytest.mark.parametrize("role", NON_RECORDERS)
def test_operator_and_administrator_do_not_edit_point_records(as_role, inspector_records,
                                                               role):
    ctx = as_role(role)
    for kind, data in (("appeal", {"substance": "Изменено"}),
                       ("visit", {"notes": "Изменено"}),
                       ("offence", {"description": "Изменено"}),
                       ("person", {"phone": "87017654321"})):
        service = {"appeal": ctx.appeals, "visit": ctx.visits, "offence": ctx.offences,
                   "person": ctx.persons}[kind]
        with pytest.raises(PermissionDenied):
            service.update(inspector_records[kind].id, data)
    assert not ctx.can(Action.EDIT, "appeal")


@pytest.mark.parametrize("role", ALL_ROLES)
def test_everyone_reads(as_role, inspector_records, role):
    ctx = as_role(role)
    assert ctx.appeals.get(inspector_records["appeal"].id).substance
    assert ctx.offences.get(inspector_records["offence"].id).protocol_number
    assert ctx.persons.get(inspector_records["person"].id).surname == "Сейтқалиев"
    assert ctx.can(Action.READ, "offence")


# -- deleting ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", DELETERS)
def test_officers_delete_records(as_role, inspector_records, role):
    ctx = as_role(role)
    ctx.appeals.delete(inspector_records["appeal"].id)
    ctx.visits.delete(inspector_records["visit"].id)
    assert ctx.appeals.get(inspector_records["appeal"].id, include_deleted=True).deleted


@pytest.mark.parametrize("role", NON_DELETERS)
def test_others_delete_nothing(as_role, inspector_records, role):
    ctx = as_role(role)
    for service, key in ((ctx.appeals, "appeal"), (ctx.visits, "visit"),
                         (ctx.offences, "offence")):
        with pytest.raises(PermissionDenied):
            service.delete(inspector_records[key].id)
        assert not service.get(inspector_records[key].id).deleted


def test_assistant_does_not_delete_even_their_own_records(as_role):
    ctx = as_role("assistant")
    person = make_person(ctx, "Омаров", "Ерболат")
    appeal = ctx.appeals.create(appeal_data(person))
    with pytest.raises(PermissionDenied):
        ctx.appeals.delete(appeal.id)
    with pytest.raises(PermissionDenied):
        ctx.persons.delete(person.id)
    assert not ctx.can(Action.DELETE, "appeal")


# -- another officer's offence -----------------------------------------------------------


def test_assistant_edits_appeals_and_visits_of_others(as_role, inspector_records):
    ctx = as_role("assistant")
    appeal = ctx.appeals.update(inspector_records["appeal"].id, {"substance": "Уточнено"})
    visit = ctx.visits.update(inspector_records["visit"].id, {"notes": "Повторный обход"})
    assert (appeal.substance, appeal.updated_by) == ("Уточнено", "assist")
    assert visit.notes == "Повторный обход"


def test_assistant_does_not_edit_another_officers_offence(as_role, inspector_records):
    ctx = as_role("assistant")
    offence = inspector_records["offence"]
    with pytest.raises(PermissionDenied):
        ctx.offences.update(offence.id, {"description": "Подправлено"})
    assert ctx.offences.get(offence.id).description == offence.description
    assert not ctx.can(Action.EDIT, "offence", own_record=False)


def test_assistant_edits_their_own_offence(as_role):
    ctx = as_role("assistant")
    person = make_person(ctx, "Омаров", "Ерболат")
    offence = ctx.offences.create(offence_data(person))
    edited = ctx.offences.update(offence.id, {"description": "Громкая музыка после 23:00"})
    assert edited.description == "Громкая музыка после 23:00"


@pytest.mark.parametrize("login, password", [("senior", STAFF_PASSWORD),
                                             ("erzhanov", PASSWORD)])
def test_officers_correct_another_officers_offence(services, inspector_records, login,
                                                   password):
    ctx = Services(services.db, clock=services.clock)
    ctx.login(login, password)  # a senior inspector, and the point's first inspector
    edited = ctx.offences.update(inspector_records["offence"].id, {"description": "Исправлено"})
    assert (edited.updated_by, edited.inspector.login) == (login, "erzhanov2")


# -- profile, import, export -------------------------------------------------------------


@pytest.mark.parametrize("role", ALL_ROLES)
def test_profile_import_and_export_rights(as_role, role):
    ctx = as_role(role)
    may_edit_profile = role in ("inspector", "senior_inspector", "administrator")
    point = ctx.points.current()
    if may_edit_profile:
        assert ctx.points.update(point.id, {"population": 5400}).population == 5400
    else:
        with pytest.raises(PermissionDenied):
            ctx.points.update(point.id, {"population": 5400})
    assert ctx.can(Action.IMPORT) == (role != "assistant")
    assert ctx.can(Action.EXPORT) == (role in ("inspector", "senior_inspector",
                                               "administrator"))


# -- accounts ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", MANAGERS)
def test_managers_create_deactivate_and_reset_accounts(as_role, services, role):
    admin = as_role(role)
    made = admin.staff.create({"login": "newhelper", "full_name": "Сапарова Алия",
                               "role": "assistant", "password": "Temp-Pass-001"})
    fresh = Services(services.db, clock=services.clock)
    assert fresh.login("newhelper", "Temp-Pass-001").must_change_password

    admin.staff.reset_password(made.id, "Reset-Pass-002")
    with pytest.raises(AuthenticationFailed):
        Services(services.db, clock=services.clock).login("newhelper", "Temp-Pass-001")
    services.clock.advance(seconds=2)  # the pause after a wrong password
    session = Services(services.db, clock=services.clock).login("newhelper", "Reset-Pass-002")
    assert session.must_change_password

    admin.staff.deactivate(made.id)
    with pytest.raises(AuthenticationFailed):
        Services(services.db, clock=services.clock).login("newhelper", "Reset-Pass-002")
    admin.staff.activate(made.id, "Again-Pass-003")
    services.clock.advance(seconds=5)
    assert Services(services.db, clock=services.clock).login("newhelper", "Again-Pass-003")


@pytest.mark.parametrize("role", MANAGERS)
def test_managers_change_roles(as_role, staff, role):
    admin = as_role(role)
    changed = admin.staff.update(staff["assistant"].id, {"role": "inspector"})
    assert changed.role == "inspector"


@pytest.mark.parametrize("role", ["inspector", "assistant", "district_operator"])
def test_only_the_head_of_the_point_and_the_administrator_manage_accounts(as_role, staff, role):
    ctx = as_role(role)
    other = staff["assistant"] if role != "assistant" else staff["inspector"]
    with pytest.raises(PermissionDenied):
        ctx.staff.create({"login": "intruder", "full_name": "Кто-то", "role": "administrator",
                          "password": "Intruder-Pass-1"})
    with pytest.raises(PermissionDenied):
        ctx.staff.deactivate(other.id)
    with pytest.raises(PermissionDenied):
        ctx.staff.reset_password(other.id, "Hijack-Pass-77")
    with pytest.raises(PermissionDenied):
        ctx.staff.change_password(other.id, "Hijack-Pass-77")
    with pytest.raises(PermissionDenied):
        ctx.staff.update(ctx.session.staff_id, {"role": "administrator"})
    assert not ctx.can(Action.MANAGE_ACCOUNTS, "staff")
    assert ctx.staff.by_login(other.login).active


@pytest.mark.parametrize("role", MANAGERS)
def test_a_manager_neither_closes_nor_demotes_their_own_account(as_role, role):
    admin = as_role(role)
    own = admin.session.staff_id
    for attempt in (lambda: admin.staff.deactivate(own),
                    lambda: admin.staff.update(own, {"active": False}),
                    lambda: admin.staff.delete(own)):
        with pytest.raises(PermissionDenied) as caught:
            attempt()
        assert caught.value.code == "error.cannot_deactivate_self"
    with pytest.raises(PermissionDenied) as caught:
        admin.staff.update(own, {"role": "inspector"})
    assert caught.value.code == "error.cannot_demote_self"
    other = "administrator" if role == "senior_inspector" else "senior_inspector"
    assert admin.staff.update(own, {"role": other}).role == other  # keeps the right: fine
    assert admin.staff.get(own).active


def test_the_last_manager_of_a_point_keeps_the_right(services, staff, as_role):
    """Without a session (the CLI) too: the point is never left with nobody to manage
    accounts; once another manager exists the first may go."""
    head, admin = staff["senior_inspector"], staff["administrator"]
    services.staff.deactivate(admin.id)
    first = services.staff.by_login("erzhanov")  # the conftest point's inspector
    assert first.role == "inspector"
    for attempt in (lambda: services.staff.deactivate(head.id),
                    lambda: services.staff.update(head.id, {"role": "assistant"}),
                    lambda: services.staff.delete(head.id)):
        with pytest.raises(PermissionDenied) as caught:
            attempt()
        assert caught.value.code == "error.last_account_manager"
        assert "управляет учетными записями" in caught.value.message("ru")
    assert services.staff.get(head.id).active
    services.staff.activate(admin.id, "Again-Pass-003")
    assert not services.staff.deactivate(head.id).active
    with pytest.raises(PermissionDenied) as caught:  # now the administrator is the last one
        services.staff.update(admin.id, {"role": "inspector"})
    assert caught.value.code == "error.last_account_manager"


@pytest.mark.parametrize("role", ALL_ROLES)
def test_an_officer_changes_their_own_password(as_role, services, role):
    ctx = as_role(role)
    with pytest.raises(ValidationError) as caught:
        ctx.staff.change_own_password("not-my-password", "Brand-New-2027")
    assert caught.value.errors[0].code == "v.old_password_wrong"
    ctx.staff.change_own_password(STAFF_PASSWORD, "Brand-New-2027")
    fresh = Services(services.db, clock=services.clock)
    assert fresh.login(ACCOUNTS[role][0], "Brand-New-2027").role == role
    with pytest.raises(AuthenticationFailed):
        Services(services.db, clock=services.clock).login(ACCOUNTS[role][0], STAFF_PASSWORD)


def test_own_password_change_needs_the_old_password(as_role):
    ctx = as_role("inspector")
    with pytest.raises(PermissionDenied):  # no way round change_own_password
        ctx.staff.change_password(ctx.session.staff_id, "Sneaky-Pass-2027")
    with pytest.raises(PermissionDenied):
        ctx.staff.update(ctx.session.staff_id, {"password": "Sneaky-Pass-2027"})
    with pytest.raises(ValidationError) as caught:
        ctx.staff.change_own_password(STAFF_PASSWORD, "short")
    assert caught.value.errors[0].code == "v.password_short"


def test_changing_the_password_clears_a_forced_change(as_role, services, staff):
    as_role("administrator").staff.reset_password(staff["assistant"].id, "Reset-Pass-002")
    ctx = Services(services.db, clock=services.clock)
    assert ctx.login("assist", "Reset-Pass-002").must_change_password
    ctx.staff.change_own_password("Reset-Pass-002", "My-Own-Pass-2027")
    again = Services(services.db, clock=services.clock)
    assert not again.login("assist", "My-Own-Pass-2027").must_change_password


def test_own_password_change_without_session_is_refused(services):
    with pytest.raises(PermissionDenied) as caught:
        services.staff.change_own_password("x", "y")
    assert caught.value.code == "error.login_required"


def test_without_a_session_scripts_act_as_the_file_owner(services, person):
    """The CLI without --user (plain database): every right, audited as "system"."""
    appeal = services.appeals.create(appeal_data(person))
    services.appeals.delete(appeal.id)
    assert services.can(Action.MANAGE_ACCOUNTS, "staff")
    assert appeal.created_by == "system"
