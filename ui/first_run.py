"""First run: a short wizard that creates the database, the point's profile and first account.

Three pages: what this computer is (a precinct point or the district office), the point's
profile (code, name, region and district from the regions and districts catalogues: all of
Kazakhstan, Atyrau chosen first; address, reception hours) and the
first account, the head of the point who manages the others' accounts (password typed twice).
The core's ``create_database`` does the work in one transaction and takes back what it made on
a refusal; its validation messages are shown on the last page.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from inspector_app.errors import InspectorError, ValidationError
from inspector_app.paths import resource
from inspector_app.services.context import Services
from inspector_app.services.setup import (
    DISTRICT,
    POINT,
    FirstAccount,
    PointProfile,
    create_database,
)
from ui.icons import app_icon
from ui.recovery_dialog import RecoverySheetDialog

DEFAULT_RECEPTION_HOURS = "Пн–Пт 17:00–20:00"
FIRST_REGION = "atyrau"
"""The region chosen when the wizard opens (the program's first points are in Atyrau)."""


def catalogue_items(name: str, lang: str, **match: str) -> list[tuple[str, str, str]]:
    """(code, title in ``lang``, Russian title) of a bundled catalogue file's items, those
    whose fields equal ``match`` (e.g. ``region="atyrau"``) when given."""
    with open(resource("catalogues", f"{name}.json"), encoding="utf-8") as f:
        items = json.load(f)["items"]
    return [(i["code"], i.get(lang) or i["ru"], i["ru"]) for i in items
            if all(i.get(k) == v for k, v in match.items())]


class KindPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("This computer has no database yet. Three short steps "
                                 "create it."))
        self.point = QRadioButton(self.tr("Precinct police point (UPP): the inspector's "
                                          "database"), self)
        self.district = QRadioButton(self.tr("District police office: collects the points' "
                                             "files"), self)
        self.point.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.point)
        layout.addWidget(self.district)
        layout.addStretch(1)

    def kind(self) -> str:
        return DISTRICT if self.district.isChecked() else POINT


class ProfilePage(QWizardPage):
    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("The point"))
        self.setSubTitle(self.tr("How the point is named in registers, talons and reports."))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("ATY-017")
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. UPP No. 17"))
        self.lang = lang
        self.region = QComboBox(self)
        for code, title, russian in catalogue_items("regions", lang):
            self.region.addItem(title, (code, russian))
        self.district = QComboBox(self)
        self.region.currentIndexChanged.connect(self._fill_districts)
        codes = [self.region.itemData(i)[0] for i in range(self.region.count())]
        self.region.setCurrentIndex(codes.index(FIRST_REGION) if FIRST_REGION in codes else 0)
        self._fill_districts()
        self.address = QLineEdit(self)
        self.reception_hours = QLineEdit(DEFAULT_RECEPTION_HOURS, self)
        self.reception_label = QLabel(self.tr("Reception hours:"), self)
        form = QFormLayout(self)
        form.addRow(self.tr("Point code:"), self.code)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Region:"), self.region)
        form.addRow(self.tr("District:"), self.district)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.reception_label, self.reception_hours)
        self.registerField("code*", self.code)
        self.registerField("name*", self.name)

    def _fill_districts(self) -> None:
        """The districts and cities of the chosen region."""
        self.district.clear()
        region = self.region.currentData()
        for _code, title, russian in catalogue_items("districts", self.lang,
                                                     region=region[0] if region else ""):
            self.district.addItem(title, russian)

    def initializePage(self) -> None:
        district_office = self.wizard().kind_page.kind() == DISTRICT
        self.setTitle(self.tr("The district office") if district_office else self.tr("The point"))
        self.reception_label.setVisible(not district_office)
        self.reception_hours.setVisible(not district_office)

    def profile(self) -> PointProfile:
        return PointProfile(code=self.code.text().strip(), name=self.name.text().strip(),
                            district=self.district.currentData(),
                            region=self.region.currentData()[1],
                            address=self.address.text().strip(),
                            reception_hours=self.reception_hours.text().strip())


class AccountPage(QWizardPage):
    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.setTitle(self.tr("Your account"))
        self.full_name = QLineEdit(self)
        self.full_name.setPlaceholderText(self.tr("Surname Name Patronymic"))
        self.rank = QComboBox(self)
        self.rank.addItem("", "")
        for code, title, _russian in catalogue_items("ranks", lang):
            self.rank.addItem(title, code)
        self.login = QLineEdit(self)
        self.login.setPlaceholderText("erzhanov")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.encrypt = QCheckBox(self.tr("Encrypt the database file (recommended)"), self)
        self.encrypt.setChecked(True)
        self.encrypt_note = QLabel(self.tr("The file then opens only with an account's "
                                           "password; a recovery sheet for the point's safe "
                                           "is saved next."), self)
        self.encrypt_note.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Rank:"), self.rank)
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.repeat)
        form.addRow(self.encrypt)
        form.addRow(self.encrypt_note)
        form.addRow(self.message)
        self.registerField("full_name*", self.full_name)
        self.registerField("login*", self.login)
        self.registerField("password*", self.password)

    def initializePage(self) -> None:
        if self.wizard().kind_page.kind() == DISTRICT:
            self.setSubTitle(self.tr("The district office's operator, who imports the points' "
                                     "files."))
        else:
            self.setSubTitle(self.tr("The head of the point (senior inspector): records like "
                                     "any inspector and, on the Accounts page, gives the "
                                     "point's other officers their accounts."))

    def account(self) -> FirstAccount:
        return FirstAccount(login=self.login.text().strip(),
                            full_name=self.full_name.text().strip(),
                            password=self.password.text(), rank=self.rank.currentData())

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def validatePage(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.show_message(self.tr("The passwords do not match."))
            self.repeat.clear()
            self.repeat.setFocus()
            return False
        return self.wizard().create()


class FirstRunWizard(QWizard):
    """Creates the database at ``path``; afterwards ``services`` is logged in."""

    def __init__(self, path: str | Path, lang: str, parent: QWidget | None = None, *,
                 clock=None):
        super().__init__(parent)
        self.path = Path(path)
        self.lang = lang
        self.clock = clock
        self.services: Services | None = None
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Setting up the program"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.kind_page = KindPage(self)
        self.profile_page = ProfilePage(lang, self)
        self.account_page = AccountPage(lang, self)
        for page in (self.kind_page, self.profile_page, self.account_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create"))
        self.setMinimumSize(560, 420)

    def create(self) -> bool:
        """Create and open the database; False (with a message) when the input is refused."""
        account = self.account_page.account()
        encrypt = self.account_page.encrypt.isChecked()
        self.account_page.show_message("")  # no old complaint left behind what follows
        try:
            services = create_database(self.path, self.profile_page.profile(), account,
                                       kind=self.kind_page.kind(), clock=self.clock,
                                       encrypt=encrypt)
        except ValidationError as exc:
            self.account_page.show_message(
                "\n".join(error.message(self.lang) for error in exc.errors))
            return False
        except InspectorError as exc:
            self.account_page.show_message(exc.message(self.lang))
            return False
        services.login(account.login, account.password)
        self.services = services
        if encrypt:
            self.hand_over_recovery_key(services)
        return True

    def hand_over_recovery_key(self, services: Services) -> None:
        """The recovery key exists only now: explain it, save its sheet, confirm it is kept."""
        point = services.points.current()
        RecoverySheetDialog(services.keyring.recovery_key, point_code=point.code,
                            point_name=point.name, database_file=str(self.path),
                            created_at=services.clock.now_local(), lang=self.lang,
                            parent=self).exec()
