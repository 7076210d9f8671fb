"""The point's profile and staff accounts: validation, password hashing, logging in."""

from __future__ import annotations

import pytest
from conftest import PASSWORD
from core_factories import errors_of, snapshot

from inspector_app.errors import AuthenticationFailed, DatabaseError, ValidationError
from inspector_app.services.accounts import hash_password, verify_password
from inspector_app.services.setup import (
    DISTRICT,
    FirstAccount,
    PointProfile,
    create_database,
    initialise,
)
from inspector_app.storage.models import Staff


def refused(service, data, record_id=None) -> set[tuple[str, str]]:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        if record_id:
            service.update(record_id, data)
        else:
            service.create(data)
    assert snapshot() == before
    return errors_of(caught.value)


def new_staff(**extra):
    return {"login": "bekov", "full_name": "Беков Руслан", "role": "inspector",
            "password": "Strong-Pass-91", **extra}


def test_the_point_profile(services):
    point = services.points.current()
    assert (point.code, point.name, point.district) == ("ATY-017", "УПП №17", "Атырау")
    assert point.is_district_office is False
    assert point.reception_hours


def test_point_profile_rules(services):
    point = services.points.current()
    assert refused(services.points, {"code": "ATY-018"}, point.id) == {
        ("code", "v.point_code_fixed")}
    assert refused(services.points, {"name": " ", "population": -5}, point.id) == {
        ("name", "v.required"), ("population", "v.out_of_range")}
    updated = services.points.update(point.id, {"reception_hours": "Пн–Сб 17:00–20:00",
                                                "shares_housing": True, "population": 12000})
    assert updated.shares_housing is True and updated.row_version == 2


@pytest.mark.parametrize("code", ["aty 17", "ATY_017", "A", "ТЕСТ-1", "ATY-017-01-02"])
def test_bad_point_codes(tmp_path, code):
    with pytest.raises(ValidationError) as caught:
        create_database(tmp_path / "p.db", PointProfile(code=code, name="УПП", district="X"),
                        FirstAccount(login="erzhanov", full_name="Е А", password=PASSWORD))
    assert ("code", "v.bad_point_code") in errors_of(caught.value)


def test_point_code_is_stored_upper_case(tmp_path):
    services = create_database(tmp_path / "p.db",
                               PointProfile(code="aty-018", name="УПП", district="X"),
                               FirstAccount(login="erzhanov", full_name="Е А",
                                            password=PASSWORD))
    try:
        assert services.point_code == "ATY-018"
    finally:
        services.db.close()


def test_a_district_office_database(tmp_path):
    services = create_database(tmp_path / "d.db",
                               PointProfile(code="ATY-ROP", name="ОП г. Атырау",
                                            district="Атырау"),
                               FirstAccount(login="operator", full_name="Оператор Д",
                                            password=PASSWORD), kind=DISTRICT)
    try:
        assert services.is_district_office
        assert services.points.current().is_district_office is True
        assert services.staff.by_login("operator").role == "district_operator"
    finally:
        services.db.close()


def test_initialise_refuses_a_second_time(services):
    with pytest.raises(DatabaseError) as caught:
        initialise(services.db, PointProfile(code="ATY-099", name="X", district="X"),
                   FirstAccount(login="other", full_name="X Y", password=PASSWORD))
    assert caught.value.code == "error.db_already_initialised"


def test_a_new_account(services):
    staff = services.staff.create(new_staff(login="Bekov", rank="major"))
    assert staff.login == "bekov"
    assert staff.password_hash.startswith("scrypt$")
    assert "Strong-Pass-91" not in staff.password_hash
    assert services.login("BEKOV ", "Strong-Pass-91").full_name == "Беков Руслан"


def test_account_rules(services):
    assert refused(services.staff, {"login": "", "full_name": "", "role": "sheriff",
                                    "password": "x"}) == {
        ("login", "v.required"), ("full_name", "v.required"), ("role", "v.unknown_code"),
        ("password", "v.password_short")}
    assert refused(services.staff, new_staff(login="бек")) == {("login", "v.bad_login")}
    assert refused(services.staff, new_staff(login="erzhanov")) == {
        ("login", "v.login_taken")}
    assert refused(services.staff, new_staff(rank="general")) == {("rank", "v.unknown_code")}


@pytest.mark.parametrize(("password", "code"), [
    ("Short-1", "v.password_short"), ("xx-bekov-2026", "v.password_has_login"),
    ("aaaaaaaaaa", "v.password_simple"), ("abababab", "v.password_simple"),
    ("12341234", "v.password_simple"), ("qweqweqwe", "v.password_simple"),
    ("a1234567", "v.password_simple"),
    ("12345678", "v.password_sequential"), ("qwertyui", "v.password_sequential"),
    ("87654321", "v.password_sequential"), ("ЙЦУКЕНГШ", "v.password_sequential"),
    ("1qaz2wsx3edc", "v.password_sequential"),
    ("password", "v.password_common"), ("Password1!", "v.password_common"),
    ("iloveyou2026", "v.password_common"), ("Пароль123", "v.password_common"),
    ("Atyrau-2026", "v.password_common"),
])
def test_password_rules(services, password, code):
    assert refused(services.staff, new_staff(password=password)) == {("password", code)}


@pytest.mark.parametrize("password", ["Bekov-Kairat-2026", "кайрат-2026-x", "my-BEKOV-pass"])
def test_password_may_not_hold_the_officers_name(services, password):
    name = "Bekov Kairat" if password.startswith(("B", "my")) else "Беков Кайрат"
    data = new_staff(password=password, login="kbk", full_name=name)
    assert refused(services.staff, data) == {("password", "v.password_has_name")}


def test_the_bundled_list_is_there_and_a_good_password_passes(services):
    from inspector_app.services.accounts import common_passwords, password_problem

    assert len(common_passwords()) > 1000 and "qwerty" in common_passwords()
    assert password_problem("Kz-Secret-2026", "erzhanov", "Ержанов Асхат") is None
    assert password_problem("сирень-на-окне-7", "kb", "Беков Кайрат") is None


def test_hashes_are_salted_and_verified():
    first, second = hash_password("Strong-Pass-91"), hash_password("Strong-Pass-91")
    assert first != second
    assert verify_password("Strong-Pass-91", first) and verify_password("Strong-Pass-91", second)
    assert not verify_password("strong-pass-91", first)
    assert not verify_password("Strong-Pass-91", "plain$text")
    assert not verify_password("Strong-Pass-91", "")


def test_wrong_logins_are_refused_alike(services):
    services.staff.create(new_staff())
    for login, password in (("bekov", "wrong-pass-1"), ("nobody", "Strong-Pass-91"),
                            ("", "")):
        with pytest.raises(AuthenticationFailed) as caught:
            services.login(login, password)
        assert caught.value.code == "error.auth_failed"
    assert services.session is None


def test_a_closed_or_deleted_account_cannot_log_in(services):
    staff = services.staff.create(new_staff())
    services.db.execute_sql("UPDATE staff SET active = 0 WHERE id = ?", (staff.id,))
    with pytest.raises(AuthenticationFailed):
        services.login("bekov", "Strong-Pass-91")
    services.db.execute_sql("UPDATE staff SET active = 1, deleted = 1 WHERE id = ?",
                            (staff.id,))
    with pytest.raises(AuthenticationFailed):
        services.login("bekov", "Strong-Pass-91")
    assert Staff.get_by_id(staff.id).login == "bekov"
