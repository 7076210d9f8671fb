"""The offence form: an administrative offence protocol under the КоАП РК.

The penalty list holds only what the chosen part allows (``PartSanctions.choices``): the
sanctions the police impose, «Referral to court» where a sanction is the court's alone, and
the court's sanctions once the status is «Considered»; below it the part's sanctions with their
ranges, who imposes them and who pays. The fine is entered in МРП and its amount in tenge is
shown as it is typed, from the МРП table of the offence's year; the public-works hours and
arrest days are open only for those penalties. Where the chosen penalty needs the offender's
consent (public works, or a referral to the court that may impose them: ``asks_consent``) the
form asks the answer and its day; elsewhere those rows are hidden. Under КоАП art. 461 the
form asks which of the offender's protective orders or special requirements running on the
offence's day was breached. After the
first save the protocol number is shown at the top and in the title, and Print protocol
(Ctrl+P) previews the printable protocol with signature lines.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from inspector_app.domain.numbers import NBSP, group_thousands
from inspector_app.domain.sanctions import COURT_REFERRAL, PartSanctions
from inspector_app.services.offences import fine_in_tenge, sanction_summary
from inspector_app.services.registrations import is_breach_article, registration_title
from ui.forms.article_picker import ArticlePicker
from ui.forms.base_form import RecordForm
from ui.forms.choices import ChoiceCombo, CodeCombo, StaffCombo
from ui.forms.fields import (
    DateField,
    DateTimeField,
    LineField,
    NumberField,
    PlaceField,
    TextArea,
)
from ui.forms.person_picker import PersonPicker


def tenge(amount: int) -> str:
    """``43 250 ₸`` with a non-breaking thousands separator."""
    return f"{group_thousands(amount)}{NBSP}₸"


class FineField(QWidget):
    """The fine in МРП with its amount in tenge beside it and the МРП rate used below."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        row = QHBoxLayout()
        self.mrp = NumberField(7, self)
        self.amount = QLabel(self)
        self.amount.setObjectName("tengeAmount")
        row.addWidget(self.mrp)
        row.addWidget(self.amount, 1)
        outer.addLayout(row)
        self.rate = QLabel(self)
        self.rate.setStyleSheet("color: #555;")
        outer.addWidget(self.rate)
        self.setFocusProxy(self.mrp)

    def value(self) -> str | None:
        return self.mrp.value()

    def set_value(self, value: Any) -> None:
        self.mrp.set_value(value)

    def set_read_only(self, flag: bool) -> None:
        self.mrp.set_read_only(flag)


class OffenceForm(RecordForm):
    """When and where, offender and victim, article, description, penalty, status."""

    kind = "offence"
    icon_name = "offence"
    columns = 2

    def build(self) -> None:
        cats, lang = self.services.catalogues, self.lang
        self.committed_at = self.add_field("committed_at", self.tr("Committed"),
                                           DateTimeField())
        self.place = self.add_field("place", self.tr("Place"), PlaceField(self.place_prefix()))
        self.offender = PersonPicker(self.ctx)
        self.add_field("offender", self.tr("Offender"), self.offender)
        self.victim = PersonPicker(self.ctx)
        self.add_field("victim", self.tr("Victim"), self.victim)
        self.subject = self.add_field("offender_subject", self.tr("Liable as"),
                                      CodeCombo(cats, "offender_subjects", lang))
        self.article = ArticlePicker(cats, lang)
        self.add_field("article", self.tr("Article, part"), self.article)
        self.breached = ChoiceCombo(blank=True)
        self.add_field("breached_registration", self.tr("Breached order"), self.breached,
                       read=lambda: {"breached_registration": self.breached.value()
                                     if self._breach_article() else None})
        self.description = self.add_field("description", self.tr("Description"), TextArea(6))
        self.penalty = CodeCombo(cats, "penalties", lang)
        self.sanctions = QLabel()
        self.sanctions.setObjectName("sanctionSummary")
        self.sanctions.setWordWrap(True)
        self.sanctions.setStyleSheet("color: #555;")
        penalty_box = QWidget()
        box = QVBoxLayout(penalty_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(self.penalty)
        box.addWidget(self.sanctions)
        penalty_box.setFocusProxy(self.penalty)
        self.add_field("penalty", self.tr("Penalty"), penalty_box, column=1,
                       read=lambda: {"penalty": self.penalty.value()},
                       write=lambda values: self.penalty.set_value(values.get("penalty")))
        self.fine = FineField()
        self.add_field("fine_mrp", self.tr("Fine, МРП"), self.fine, column=1,
                       aliases=("fine_tenge",))
        self.hours = self.add_field("public_works_hours", self.tr("Public works, hours"),
                                    NumberField(3), column=1)
        self.days = self.add_field("arrest_days", self.tr("Arrest, days"), NumberField(2),
                                   column=1)
        self.consent = self.add_field(
            "works_consent", self.tr("Consent to public works"),
            CodeCombo(cats, "consent_answers", lang, blank=True), column=1)
        self.consent_on = self.add_field(
            "works_consent_on", self.tr("Consent given or refused on"), DateField(), column=1)
        self.status = self.add_field("status", self.tr("Status"),
                                     CodeCombo(cats, "offence_statuses", lang), column=1)
        self.erap = self.add_field("erap_number", self.tr("ЕРАП number"), LineField(),
                                   column=1)
        self.erap.setMaxLength(32)
        self.inspector = self.add_field("inspector", self.tr("Inspector"),
                                        StaffCombo(self.services), column=1)
        self.article.changed.connect(lambda: self._article_changed())
        self.penalty.currentIndexChanged.connect(self._penalty_changed)
        self.status.currentIndexChanged.connect(lambda: self._article_changed(keep_current=True))
        self.subject.currentIndexChanged.connect(lambda: self._article_changed(keep_current=True))
        self.fine.mrp.textChanged.connect(self.update_tenge)
        self.committed_at.edited.connect(self.update_tenge)
        self.committed_at.edited.connect(self._offer_breached)
        self.offender.changed.connect(self._offer_breached)
        self.body.setMinimumWidth(830)
        self.first_focus = self.place
        self.add_print_button(self.tr("Print protocol"),
                              self.tr("Preview and print the protocol (Ctrl+P)"))

    def defaults(self) -> dict[str, Any]:
        return {"committed_at": self.now(), "inspector": self.current_staff_id(),
                "status": "drawn_up", "penalty": "fine", "place": self.place_prefix(),
                "offender_subject": "individual"}

    def load(self, values: dict[str, Any]) -> None:
        super().load(values)
        self._article_changed(keep_current=True)

    def title(self) -> str:
        if self.record is None:
            return self.tr("New offence protocol")
        return self.tr("Offence protocol № {number}").format(
            number=self.record.protocol_number)

    def after_save(self, created: bool) -> None:
        if not created:
            self.accept()
            return
        self.show_banner(self.tr("Saved. Protocol № {number}").format(
            number=self.record.protocol_number), "info")
        self.rename_button(self.cancel_button, self.tr("Close"))

    # -- behaviour ------------------------------------------------------------------------
    def _article_changed(self, keep_current: bool = False) -> None:
        """Offer only the penalties the part allows under the chosen status.

        A stored record keeps its penalty on opening even if the catalogue changed since
        (the core reports it on save); a newly chosen article moves to an allowed one.
        """
        item = self.article.item()
        sanctions = PartSanctions.of(item) if item else None
        allowed = sanctions.choices(self.status.value()) if sanctions else None
        subject = self.subject.value()
        self.subject.blockSignals(True)
        self.subject.restrict(list(sanctions.fines) or ["individual"] if sanctions else None)
        self.subject.set_value(subject if keep_current or sanctions is None
                               or subject in sanctions.fines else "individual")
        self.subject.blockSignals(False)
        self.sanctions.setText(sanction_summary(item, self.lang, self.subject.value())
                               if item else "")
        self.sanctions.setVisible(item is not None)
        self._offer_breached()
        current = self.penalty.value()
        self.penalty.blockSignals(True)
        self.penalty.restrict(allowed)
        if keep_current and current:
            self.penalty.set_value(current)
        elif allowed and current not in allowed:
            self.penalty.set_value("fine" if "fine" in allowed else allowed[0])
        else:
            self.penalty.set_value(current)
        self.penalty.blockSignals(False)
        self._penalty_changed()

    def _breach_article(self) -> bool:
        item = self.article.item()
        return item is not None and is_breach_article(item.code)

    def _offer_breached(self) -> None:
        """Under art. 461 offer the offender's protective orders and special requirements
        running on the offence's day (and the one stored); elsewhere hide the row."""
        shown = self._breach_article()
        self.form_columns[0].setRowVisible(self.binding("breached_registration").container,
                                           shown)
        if not shown:
            return
        registrations = self.services.registrations
        moment = self.committed_at.value()
        day = moment.date() if isinstance(moment, datetime) else None
        offered = registrations.breachable(self.offender.value(), day)
        current = self.breached.value()
        if current and current not in {r.id for r in offered}:
            offered += [r for r in registrations.breachable(self.offender.value(), None)
                        if r.id == current]
        self.breached.set_choices((r.id, registration_title(r, self.services.catalogues,
                                                            self.lang)) for r in offered)

    def _penalty_changed(self) -> None:
        penalty = self.penalty.value()
        if penalty == COURT_REFERRAL and self.status.value() == "drawn_up":
            self.status.set_value("sent_to_court")  # the protocol goes to court
        editable = not self.read_only
        self.fine.setEnabled(editable and penalty == "fine")
        self.hours.setEnabled(editable and penalty == "public_works")
        self.days.setEnabled(editable and penalty == "arrest")
        item = self.article.item()
        asked = item is not None and PartSanctions.of(item).asks_consent(penalty)
        layout = self.form_columns[1]
        for field in ("works_consent", "works_consent_on"):
            layout.setRowVisible(self.binding(field).container, asked)
        self.update_tenge()
        self.mark_required()

    def update_tenge(self) -> None:
        """Show the fine in tenge by the МРП of the offence's year."""
        amount, rate = self.fine.amount, self.fine.rate
        if self.penalty.value() != "fine":
            amount.setText("")
            rate.setText("")
            return
        moment = self.committed_at.value()
        year = moment.year if isinstance(moment, datetime) else self.now().year
        mrp = self.services.catalogues.mrp(year)
        if mrp is None:
            amount.setText("")
            rate.setText(self.tr("no МРП for {year} in the table").format(year=year))
            return
        rate.setText(self.tr("1 МРП in {year} = {amount}").format(year=year, amount=tenge(mrp)))
        try:
            count = Decimal((self.fine.value() or "").replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            count = None
        if count is None or not count.is_finite():
            amount.setText("")
            return
        amount.setText(f"= {tenge(fine_in_tenge(count, mrp))}")
