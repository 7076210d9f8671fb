"""Small builders shared by the core's tests: valid ИИН, record drafts, database snapshots."""

from __future__ import annotations

from datetime import date
from typing import Any

from inspector_app.domain.iin import make_iin
from inspector_app.errors import ValidationError
from inspector_app.storage.models import SYNCED_MODELS, AuditEntry, Meta


def valid_iin(birth: date, sex: str = "M", serial: int = 1) -> str:
    """A valid ИИН for ``birth`` and ``sex`` (the first serial from ``serial`` that fits)."""
    for candidate in range(serial, serial + 50):
        iin = make_iin(birth, sex, candidate)
        if iin is not None:
            return iin
    raise AssertionError("no serial gives a check digit")  # pragma: no cover


def errors_of(exc: ValidationError) -> set[tuple[str, str]]:
    """The (field, code) pairs of a validation error."""
    return {(e.field, e.code) for e in exc.errors}


def make_person(services, surname: str = "Иванов", first_name: str = "Иван",
                **extra: Any):
    return services.persons.create({"surname": surname, "first_name": first_name, **extra})


def appeal_data(applicant, **extra: Any) -> dict[str, Any]:
    data = {"received_at": "2026-11-20 09:15", "channel": "personal_reception",
            "topic": "noise", "substance": "Соседи шумят по ночам",
            "applicant": applicant.id if applicant is not None else None}
    data.update(extra)
    return data


def offence_data(offender, **extra: Any) -> dict[str, Any]:
    data = {"committed_at": "2026-11-20 23:40", "place": "ул. Абая, 12, двор",
            "offender": offender.id, "article": "437-1", "description": "Громкая музыка ночью",
            "penalty": "fine", "fine_mrp": "5"}
    data.update(extra)
    return data


def visit_data(**extra: Any) -> dict[str, Any]:
    data = {"visited_at": "2026-11-20 11:00", "kind": "apartment_round",
            "dwelling_kind": "flat", "address_text": "ул. Сатпаева, 5", "flat": "14"}
    data.update(extra)
    return data


def registration_data(person, **extra: Any) -> dict[str, Any]:
    data = {"person": person.id, "category": "parole", "start_date": "2026-10-01",
            "end_date": "2027-10-01", "basis_document": "Постановление суда № 2-345"}
    data.update(extra)
    return data


def meeting_data(**extra: Any) -> dict[str, Any]:
    data = {"held_at": "2026-11-18 18:00", "kind": "report_meeting",
            "place": "Школа № 12, актовый зал", "attendance": 45,
            "questions": "Освещение улиц", "decisions": "Направить письмо в акимат"}
    data.update(extra)
    return data


def feedback_data(**extra: Any) -> dict[str, Any]:
    data = {"collected_at": "2026-11-18 19:00", "rating": 4, "trusts_police": True,
            "concerns": ["theft", "street_lighting"], "comment": "Участковый приходит редко"}
    data.update(extra)
    return data


def snapshot() -> dict[str, int]:
    """Row counts of every record table, the audit trail and the change sequence."""
    counts = {model._meta.table_name: model.select().count() for model in SYNCED_MODELS}
    counts["audit_entry"] = AuditEntry.select().count()
    row = Meta.get_or_none(Meta.key == "change_seq")
    counts["change_seq"] = int(row.value) if row else 0
    return counts
