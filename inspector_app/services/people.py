"""Persons: entered once, found by name, ИИН, address or phone, reused by every register."""

from __future__ import annotations

from typing import Any

from inspector_app.domain.iin import IinError, parse_iin
from inspector_app.domain.permissions import Action
from inspector_app.domain.phone import PhoneError, normalize_phone
from inspector_app.domain.text import collation_hex
from inspector_app.errors import ValidationError
from inspector_app.services.records import RecordService
from inspector_app.services.validation import Checker
from inspector_app.storage.models import Appeal, Offence, Person, PreventiveVisit, Registration


def full_name(person: Person | None) -> str:
    if person is None:
        return ""
    return " ".join(p for p in (person.surname, person.first_name, person.patronymic) if p)


def sort_name(surname: str, first_name: str, patronymic: str) -> str:
    """An ASCII-sortable key putting Kazakh letters in alphabet order."""
    return collation_hex(f"{surname} {first_name} {patronymic}")[:310]


def clean_phone(check: Checker, field: str = "phone") -> None:
    raw = check.raw(field)
    if not raw:
        check.values[field] = ""
        return
    try:
        check.values[field] = normalize_phone(str(raw))
    except PhoneError as exc:
        check.values[field] = str(raw)
        check.fail(field, "v." + exc.code, value=str(raw))


class PersonService(RecordService):
    model = Person
    kind = "person"

    def clean(self, data: dict[str, Any], existing: Person | None) -> dict[str, Any]:
        check = self.checker(data)
        check.text("surname", 100, required=True)
        check.text("first_name", 100, required=True)
        check.text("patronymic", 100)
        check.place("address", 300, self.services.catalogues)
        check.text("notes", 2000, multiline=True)
        clean_phone(check)
        born = check.date("birth_date", today=self.services.clock.today())
        sex = check.raw("sex") or None
        if sex not in (None, "M", "F"):
            check.fail("sex", "v.unknown_code", value=sex)
        iin = check.raw("iin") or None
        if iin:
            try:
                info = parse_iin(str(iin))
            except IinError as exc:
                check.fail("iin", "v." + exc.code, value=str(iin))
            else:
                iin = info.iin
                if info.birth_date > self.services.clock.today():
                    check.fail("iin", "v.future_date",
                               value=info.birth_date.strftime("%d.%m.%Y"))
                if born is None:
                    born = info.birth_date
                elif born != info.birth_date:
                    check.fail("birth_date", "v.iin_birth_mismatch",
                               iin_date=info.birth_date.strftime("%d.%m.%Y"))
                if sex is None:
                    sex = info.sex
                elif sex != info.sex:
                    check.fail("sex", "v.iin_sex_mismatch")
                if self.services.policy.compare_with_other_records:
                    self._check_unique_iin(check, iin, existing)
        check.values.update(iin=iin, birth_date=born, sex=sex)
        check.finish()
        values = check.values
        values["sort_name"] = sort_name(values["surname"], values["first_name"],
                                        values["patronymic"])
        return values

    def _check_unique_iin(self, check: Checker, iin: str, existing: Person | None) -> None:
        query = self.live().where((Person.iin == iin)
                                  & (Person.owner_point == self.services.point_code))
        if existing is not None:
            query = query.where(Person.id != existing.id)
        twin = query.first()
        if twin is not None:
            check.fail("iin", "v.iin_taken", name=full_name(twin))

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        phone_digits = "".join(ch for ch in values.get("phone") or "" if ch.isdigit())
        # the 10 digits after +7, the local 7 and the last 4: what people type to find a phone
        return [values["surname"], values["first_name"], values["patronymic"], values["iin"],
                values["address"], values.get("phone"), phone_digits[1:], phone_digits[-7:],
                phone_digits[-4:]]

    def after_save(self, record: Person, created: bool) -> None:
        if not created:
            self.services.refresh_search_of_person(record.id)

    def check_can_delete(self, record: Person) -> None:
        uses = [
            Appeal.select().where(Appeal.applicant == record.id),
            Offence.select().where((Offence.offender == record.id) | (Offence.victim == record.id)),
            Registration.select().where(Registration.person == record.id),
            PreventiveVisit.select().where(PreventiveVisit.person == record.id),
        ]
        if any(q.where(q.model.deleted == False).exists() for q in uses):  # noqa: E712
            from inspector_app.errors import FieldError

            raise ValidationError([FieldError(self.kind, "id", "v.person_in_use")])

    def full_names(self, person_ids: list[str]) -> dict[str, str]:
        """The full names of these persons (tombstoned ones too) by id, in one query."""
        self.services.require(Action.READ, self.kind)
        query = (Person.select(Person.id, Person.surname, Person.first_name, Person.patronymic)
                 .where(Person.id.in_(person_ids)))
        return {person.id: full_name(person) for person in query}

    def search(self, text: str, limit: int = 50) -> list[Person]:
        """Persons matching every word of ``text`` (name parts, ИИН, address, phone)."""
        return self.services.search.persons(text, limit)


