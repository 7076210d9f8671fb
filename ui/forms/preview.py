"""Render every record form to PNG, offscreen, filled with realistic data.

``python -m ui.forms.preview OUT_DIR`` builds a throw-away point database with a few persons,
addresses and records, opens each form for an existing record (and the appeal form for a new
one) at its default size and saves ``<kind>.png``. Used to look at the forms at 1366×768 and
at 150% scaling (``QT_SCALE_FACTOR=1.5``) and by the screenshot script.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from inspector_app.domain.clock import FixedClock
from inspector_app.services.context import Services
from inspector_app.services.setup import FirstAccount, PointProfile, create_database

SAMPLE_MOMENT = datetime(2026, 11, 25, 10, 30)


def fill_sample(services: Services) -> dict[str, str]:
    """Create one record of every kind; returns ``kind -> id``."""
    s = services
    aigerim = s.persons.create({
        "surname": "Сейтқалиева", "first_name": "Әйгерім", "patronymic": "Нұрланқызы",
        "iin": "900215400102", "address": "г. Атырау, ул. Абая, 12, кв. 5",
        "phone": "87011234567", "notes": "Проживает с матерью и двумя детьми"})
    marat = s.persons.create({
        "surname": "Жұмабаев", "first_name": "Марат", "patronymic": "Серікұлы",
        "iin": "850612300122", "address": "г. Атырау, ул. Абая, 12, кв. 5",
        "phone": "+7 702 555 12 34"})
    ksk = s.organisations.create({
        "kind": "ksk", "name": "КСК «Нұр-Әлем»", "bin": "120740012306",
        "chair": "Ахметова Гүлнар Қайратқызы", "phone": "87122 45 67 89",
        "chat_link": "https://chat.whatsapp.com/AbCdEf123", "address": "г. Атырау, ул. Абая, 10"})
    address = s.addresses.create({"street": "ул. Абая", "house": "12", "dwelling_kind": "flat",
                                  "flats": 60, "residents": 154, "organisation": ksk.id,
                                  "notes": "Домофон не работает, вход со двора"})
    registration = s.registrations.create({
        "person": marat.id, "category": "protective_order", "tags": "domestic_brawler",
        "basis_document": "Защитное предписание № 17/245 от 20.11.2026",
        "start_date": "2026-11-20", "end_date": "2027-11-20",
        "notes": "Проверять в вечернее время"})
    offence = s.offences.create({
        "committed_at": datetime(2026, 11, 24, 23, 40), "place": "г. Атырау, ул. Абая, 12, кв. 5",
        "offender": marat.id, "victim": aigerim.id, "article": "73-1",
        "description": "Находясь в квартире, в ходе ссоры выражался нецензурной бранью в адрес "
                       "сожительницы, на замечания не реагировал.",
        "penalty": "fine", "fine_mrp": Decimal("10"), "status": "drawn_up"})
    appeal = s.appeals.create({
        "received_at": datetime(2026, 11, 25, 9, 15), "channel": "personal_reception",
        "applicant": aigerim.id, "topic": "family_conflict",
        "substance": "Просит принять меры к сожителю Жұмабаеву М.С., который в ночное время "
                     "устраивает скандалы, угрожает физической расправой.",
        "decision": "protocol_drawn_up", "offence": offence.id})
    visit = s.visits.create({
        "visited_at": datetime(2026, 11, 24, 19, 0), "kind": "registration_check",
        "address": address.id, "flat": "5", "dwelling_kind": "flat",
        "registration": registration.id, "persons_met": "Жұмабаев М.С., Сейтқалиева Ә.Н.",
        "findings": "family_conflict,alcohol_abuse",
        "notes": "Проведена профилактическая беседа, разъяснены требования предписания."})
    meeting = s.meetings.create({
        "held_at": datetime(2026, 11, 20, 18, 0), "kind": "report_meeting",
        "place": "г. Атырау, СШ № 17, актовый зал", "attendance": 46,
        "questions": "Освещение улиц; безнадзорные собаки; шум от кафе «Жұлдыз» по ночам.",
        "decisions": "Направить письмо в акимат; провести рейд по кафе в пятницу."})
    feedback = s.feedback.create({
        "collected_at": datetime(2026, 11, 20, 19, 0), "meeting": meeting.id,
        "channel": "report_meeting", "rating": 4, "trusts_police": True,
        "concerns": "street_lighting,stray_animals,alcohol",
        "comment": "Участковый приходит быстро, но вечером на улице темно."})
    crime_report = s.crime_reports.create({
        "received_at": datetime(2026, 11, 24, 22, 10), "source": "written_statement",
        "reporter": aigerim.id, "substance": "Из подъезда дома по ул. Абая, 12 украден "
        "велосипед «Stels», стоимость около 90 000 тенге.",
        "registered_at": datetime(2026, 11, 25, 9, 0), "kui_number": "264000031000123",
        "check_due": "2026-12-04", "handed_to": "СО УП г. Атырау, следователь Ахметов Д.",
        "handed_on": "2026-11-25"})
    staff = s.staff.create({
        "full_name": "Тұрсынов Бауыржан Ерланұлы", "rank": "senior_lieutenant",
        "badge_number": "АТ-04512", "personal_number": "Б-118204",
        "position": "Помощник участкового инспектора",
        "role": "assistant", "login": "tursynov", "password": "Steppe-Wind-2026"})
    return {"person": aigerim.id, "organisation": ksk.id, "address": address.id,
            "registration": registration.id, "offence": offence.id, "appeal": appeal.id,
            "preventive_visit": visit.id, "meeting": meeting.id, "feedback": feedback.id,
            "crime_report": crime_report.id, "staff": staff.id}


def render_forms(ctx, ids: dict[str, str], out_dir: Path, *, new_kinds=("appeal",)) -> list[Path]:
    """Open each form at its default size and save it as ``<kind>.png`` in ``out_dir``: on its
    sample record, or as a new record (``<kind>-new.png``) for a kind with no sample yet."""
    from PySide6.QtWidgets import QApplication

    from ui.kinds import FORM_KINDS

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    jobs = [(kind, ids[kind], kind) for kind in FORM_KINDS if kind in ids]
    jobs += [(kind, None, f"{kind}-new") for kind in FORM_KINDS
             if kind in new_kinds or kind not in ids]
    for kind, record_id, name in jobs:
        form = FORM_KINDS[kind](ctx, record_id)
        form.show()
        QApplication.processEvents()
        path = out_dir / f"{name}.png"
        form.grab().save(str(path))
        written.append(path)
        form.done(0)
        form.deleteLater()
    QApplication.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    """Render the forms of a sample database into the folder given on the command line."""
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0] if args else "form-previews")
    lang = args[1] if len(args) > 1 else "ru"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.context import UiContext
    from ui.i18n import install_language

    app = QApplication.instance() or QApplication([])
    install_language(lang)
    with tempfile.TemporaryDirectory() as folder:
        services = create_database(
            Path(folder) / "preview.db",
            PointProfile(code="ATY-017", name="УПП №17", district="Атырау"),
            FirstAccount(login="erzhanov", full_name="Ержанов Асхат Серікұлы",
                         password="Kz-Secret-2026", rank="captain"),
            clock=FixedClock(SAMPLE_MOMENT))
        ids = fill_sample(services)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        ctx = UiContext(services, settings, lang)
        for path in render_forms(ctx, ids, out_dir):
            print(path)
        services.db.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
