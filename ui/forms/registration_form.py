"""The preventive registration form: a person the inspector watches and checks regularly.

Choosing a category fills in its default check interval (from the catalogue) unless the
interval was typed by hand. The last check and the next check due are computed by the core
from the checks done and shown read-only. Closing a registration takes a date and a reason.

Domestic violence: a protective order's last day comes from the ``deadlines`` catalogue when
left blank, and an extension takes its new last day and basis; special requirements take how
often the court ordered the person to report (1–4 times a month), which sets the check
interval. The protocols under КоАП art. 461 that name the registration as breached are listed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from inspector_app.services.registrations import (
    PROTECTIVE_ORDER,
    SPECIAL_REQUIREMENTS,
    interval_for_reports,
)
from ui.forms.base_form import RecordForm
from ui.forms.choices import CheckList, CodeCombo, StaffCombo
from ui.forms.fields import DateField, LineField, NumberField, TextArea
from ui.forms.person_picker import PersonPicker


class RegistrationForm(RecordForm):
    """Person, category, tags, basis document, dates, check interval, closing."""

    kind = "registration"
    icon_name = "registration"
    columns = 2

    def build(self) -> None:
        cats, lang = self.services.catalogues, self.lang
        self._interval_auto = self.record is None
        self.person = PersonPicker(self.ctx)
        self.add_field("person", self.tr("Person"), self.person)
        self.category = self.add_field("category", self.tr("Category"),
                                       CodeCombo(cats, "registration_categories", lang))
        self.tags = self.add_field("tags", self.tr("Tags"),
                                   CheckList(cats, "registration_tags", lang))
        self.basis = self.add_field("basis_document", self.tr("Basis document"), LineField())
        self.basis.setMaxLength(300)
        self.basis.setPlaceholderText(self.tr("court decision, protective order №…"))
        self.notes = self.add_field("notes", self.tr("Notes"), TextArea(3))
        self.reports = self.add_field("reports_per_month",
                                      self.tr("Reports to the police (times a month)"),
                                      NumberField(1))
        self.reports.setToolTip(self.tr("Special requirements: the court sets 1 to 4 times a "
                                        "month; the checks follow it"))
        self.extended_until = self.add_field("extended_until", self.tr("Order extended until"),
                                             DateField())
        self.extension_basis = self.add_field("extension_basis",
                                              self.tr("Basis of the extension"), LineField())
        self.extension_basis.setMaxLength(300)
        self.support_referral = self.add_field("support_referral",
                                               self.tr("Support centre referral"), LineField())
        self.support_referral.setMaxLength(300)
        self.support_referral.setPlaceholderText(self.tr("who, to which centre"))
        self.support_referred_on = self.add_field("support_referred_on", self.tr("Referred on"),
                                                  DateField())
        self.breaches = QLabel()
        self.breaches.setWordWrap(True)
        self.add_note(self.breaches, self.tr("Breaches (art. 461)"))
        self.start_date = self.add_field("start_date", self.tr("Registered on"), DateField(),
                                         column=1)
        self.end_date = self.add_field("end_date", self.tr("Until"), DateField(), column=1)
        self.interval = self.add_field("check_interval_days", self.tr("Check every (days)"),
                                       NumberField(3), column=1)
        self.schedule = QLabel()
        self.schedule.setWordWrap(True)
        self.add_note(self.schedule, self.tr("Checks"), column=1)
        self.inspector = self.add_field("inspector", self.tr("Inspector"),
                                        StaffCombo(self.services), column=1)
        self.closed_on = self.add_field("closed_on", self.tr("Closed on"), DateField(),
                                        column=1)
        self.close_reason = self.add_field("close_reason", self.tr("Reason for closing"),
                                           LineField(), column=1)
        self.close_reason.setMaxLength(300)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.interval.textEdited.connect(self._interval_edited)
        self.reports.textEdited.connect(self._reports_edited)
        self.body.setMinimumWidth(820)
        self.first_focus = self.person

    def defaults(self) -> dict[str, Any]:
        values = {"start_date": self.services.clock.today(), "inspector": self.current_staff_id(),
                  "category": "protective_order"}
        values["check_interval_days"] = self._default_interval(values["category"])
        return values

    def load(self, values: dict[str, Any]) -> None:
        super().load(values)
        self._show_schedule()
        self._show_domestic_violence()

    def title(self) -> str:
        if self.record is None:
            return self.tr("New preventive registration")
        name = self.person.edit.text().split(",")[0]
        return self.tr("Preventive registration: {name}").format(name=name)

    def _default_interval(self, category: str | None) -> int | None:
        item = self.services.catalogues.get("registration_categories", category or "")
        return item.extra.get("default_check_interval_days") if item else None

    def _category_changed(self) -> None:
        if self._interval_auto and not self.read_only:
            self.interval.set_value(self._default_interval(self.category.value()))
        self._show_domestic_violence()

    def _show_domestic_violence(self) -> None:
        """Reporting for special requirements, the extension for a protective order."""
        category = self.category.value()
        editable = not self.read_only
        self.reports.setEnabled(editable and category == SPECIAL_REQUIREMENTS)
        for widget in (self.extended_until, self.extension_basis):
            widget.setEnabled(editable and category == PROTECTIVE_ORDER)
        if category == SPECIAL_REQUIREMENTS:
            self._reports_edited()
        found = ([f"{o.protocol_number} ({o.committed_at:%d.%m.%Y})"
                  for o in self.services.registrations.breaches(self.record)]
                 if self.record is not None else [])
        self.breaches.setText(", ".join(found) if found else self.tr("none"))
        self.mark_required()

    def _reports_edited(self) -> None:
        reports = self.reports.value()
        if reports and str(reports).isdigit() and 1 <= int(reports) <= 31:
            self.interval.set_value(interval_for_reports(int(reports)))

    def _interval_edited(self) -> None:
        self._interval_auto = False

    def _show_schedule(self) -> None:
        record = self.record
        if record is None:
            self.schedule.setText(self.tr("the first check is due one interval after the "
                                          "registration date"))
            return
        last = record.last_check_on.strftime("%d.%m.%Y") if record.last_check_on else "—"
        due = record.next_check_due.strftime("%d.%m.%Y") if record.next_check_due else "—"
        self.schedule.setText(self.tr("last check {last}, next due {due}").format(
            last=last, due=due))
