"""peewee models of every record the point keeps.

Every record that can travel to the district office is a :class:`SyncedModel`: a UUID key made
where the record is born, the owner point's code, UTC created/updated, the author, a row
version, the per-database change sequence of its last write, and tombstone fields instead of
physical deletes. The schema itself is created by the numbered migrations, not from here.
"""

from __future__ import annotations

import uuid
from datetime import date

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

from inspector_app.errors import DatabaseNotBound

database = SqliteDatabase(None)


def new_id() -> str:
    """A new record key: a random UUID as 32 hex digits."""
    return uuid.uuid4().hex


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


PLAIN_TEXT_LENGTH = 4000
"""The longest plain multi-line text (a :class:`TextField` marked :func:`plain`)."""
PLAIN_INTEGER_MAX = 1_000_000_000


def plain(field: Field) -> Field:
    """Mark a field whose value is entered as is: the services check it by its type alone
    (a text's length and characters, a date, a whole number from 0 to
    :data:`PLAIN_INTEGER_MAX`, yes/no; :meth:`~inspector_app.services.validation.Checker.finish`)
    and need no rule of their own. A plain field takes a migration, its line here, its place
    in the form and its translations. It must be nullable or have a default."""
    assert field.null or field.default is not None, "a plain field needs NULL or a default"
    field.plain = True
    return field


class SyncedModel(BaseModel):
    """Fields every travelling record carries (see docs/sync-format.md)."""

    id = CharField(primary_key=True, max_length=32, default=new_id)
    owner_point = CharField(max_length=32)
    created_at = DateTimeField()
    created_by = CharField(max_length=64)
    updated_at = DateTimeField()
    updated_by = CharField(max_length=64)
    row_version = IntegerField(default=1)
    change_seq = IntegerField(index=True)
    deleted = BooleanField(default=False)
    deleted_at = DateTimeField(null=True)
    deleted_by = CharField(max_length=64, null=True)

    @classmethod
    def not_deleted(cls):
        """The condition "not tombstoned", with a literal 0 so that SQLite's choice of the
        live-row indexes (migration 0004, the only date and name indexes) never depends on a
        bound value."""
        return cls.deleted == SQL("0")


class Meta(BaseModel):
    """Key/value facts about this database: kind, point code, database id, change sequence."""

    key = CharField(primary_key=True, max_length=64)
    value = TextField()


class Point(SyncedModel):
    """A precinct point (УПП) or, in a district database, the department itself."""

    code = CharField(max_length=32, unique=True)
    name = CharField(max_length=200)
    address = CharField(max_length=300, default="")
    region = CharField(max_length=200, default="")
    district = CharField(max_length=200, default="")
    department = CharField(max_length=200, default="")
    reception_hours = CharField(max_length=200, default="")
    shares_housing = BooleanField(default=False)
    area_number = CharField(max_length=32, default="")
    population = IntegerField(null=True)
    is_district_office = BooleanField(default=False)


class Staff(SyncedModel):
    """An officer or assistant of the point; the login and its password hash."""

    full_name = CharField(max_length=200)
    rank = CharField(max_length=64, default="")
    badge_number = CharField(max_length=32, default="")
    """The badge (жетон) number."""
    personal_number = CharField(max_length=32, default="")
    """The personnel number of the officer's service record (личный номер)."""
    position = CharField(max_length=200, default="")
    role = CharField(max_length=32)
    login = CharField(max_length=64)
    password_hash = CharField(max_length=300)
    active = BooleanField(default=True)

    class Meta:
        indexes = ((("owner_point", "login"), True),)


class Person(SyncedModel):
    """A citizen, entered once and referred to by every register."""

    surname = CharField(max_length=100)
    first_name = CharField(max_length=100)
    patronymic = CharField(max_length=100, default="")
    iin = CharField(max_length=12, null=True, index=True)
    birth_date = DateField(null=True)
    sex = CharField(max_length=1, null=True)
    address = CharField(max_length=300, default="")
    phone = CharField(max_length=20, default="")
    notes = TextField(default="")
    sort_name = CharField(max_length=310)
    search_text = TextField(default="")


class Organisation(SyncedModel):
    """A housing cooperative (КСК/ОСИ) or other organisation in the area."""

    kind = CharField(max_length=32)
    name = CharField(max_length=200)
    bin = CharField(max_length=12, default="")
    chair = CharField(max_length=200, default="")
    phone = CharField(max_length=20, default="")
    chat_link = CharField(max_length=300, default="")
    address = CharField(max_length=300, default="")
    search_text = TextField(default="")


class Address(SyncedModel):
    """A building of the administrative area, the unit of the door-to-door round."""

    street = CharField(max_length=200)
    house = CharField(max_length=32)
    dwelling_kind = CharField(max_length=32)
    flats = IntegerField(null=True)
    residents = IntegerField(null=True)
    organisation = ForeignKeyField(Organisation, null=True, backref="addresses")
    notes = TextField(default="")
    sort_key = CharField(max_length=250, index=True)
    search_text = TextField(default="")


class Registration(SyncedModel):
    """A person on preventive registration and the schedule of checks."""

    person = ForeignKeyField(Person, backref="registrations")
    category = CharField(max_length=32)
    tags = CharField(max_length=200, default="")
    basis_document = CharField(max_length=300, default="")
    start_date = DateField()
    end_date = DateField(null=True)
    check_interval_days = IntegerField()
    last_check_on = DateField(null=True)
    next_check_due = DateField()
    inspector = ForeignKeyField(Staff, backref="registrations")
    closed_on = DateField(null=True)
    close_reason = CharField(max_length=300, default="")
    notes = TextField(default="")
    search_text = TextField(default="")
    # migration 0012: domestic violence (protective orders, special requirements)
    reports_per_month = IntegerField(null=True)
    """Special requirements: how often the court ordered the person to report (1–4 a month);
    it sets the check interval."""
    extended_until = DateField(null=True)
    """A protective order extended: its new last day."""
    extension_basis = CharField(max_length=300, default="")
    # migration 0015: the referral to a support centre (Law 245-VIII, domestic violence)
    support_referral = plain(CharField(max_length=300, default=""))
    """Who was referred to which support (crisis) centre, as the inspector writes it."""
    support_referred_on = plain(DateField(null=True))


class Offence(SyncedModel):
    """An administrative offence protocol under the КоАП РК."""

    protocol_number = CharField(max_length=40)
    committed_at = DateTimeField()
    place = CharField(max_length=300)
    offender = ForeignKeyField(Person, backref="offences")
    victim = ForeignKeyField(Person, null=True, backref="offences_suffered")
    offender_subject = CharField(max_length=32, default="individual")
    """Whom the part's fine is set for (the ``offender_subjects`` catalogue)."""
    article = CharField(max_length=32, index=True)
    description = TextField()
    penalty = CharField(max_length=32)
    fine_mrp = DecimalField(max_digits=8, decimal_places=2, null=True)
    fine_tenge = IntegerField(null=True)
    public_works_hours = IntegerField(null=True)
    arrest_days = IntegerField(null=True)
    status = CharField(max_length=32)
    erap_number = CharField(max_length=32, default="")
    inspector = ForeignKeyField(Staff, backref="offences")
    search_text = TextField(default="")
    # migration 0013
    works_consent = CharField(max_length=32, default="")
    """The offender's answer to public works (``consent_answers``), where the chosen sanction
    needs consent (:meth:`~inspector_app.domain.sanctions.PartSanctions.asks_consent`)."""
    works_consent_on = DateField(null=True)
    """The day the consent was given or refused."""
    breached_registration = ForeignKeyField(Registration, null=True, backref="breaches")
    """Under КоАП art. 461: the protective order or special requirements breached."""


class Appeal(SyncedModel):
    """A citizen's visit or appeal, with the talon given to the citizen."""

    talon_number = CharField(max_length=40)
    received_at = DateTimeField()
    channel = CharField(max_length=32)
    applicant = ForeignKeyField(Person, null=True, backref="appeals")
    anonymous = BooleanField(default=False)
    topic = CharField(max_length=32)
    substance = TextField()
    decision = CharField(max_length=32, null=True)
    executor = ForeignKeyField(Staff, null=True, backref="appeals_executed")
    officer = ForeignKeyField(Staff, backref="appeals_received")
    due_date = DateField(null=True)
    status = CharField(max_length=32)
    resolved_on = DateField(null=True)
    offence = ForeignKeyField(Offence, null=True, backref="appeals")
    erdr_number = CharField(max_length=32, default="")
    search_text = TextField(default="")
    # migration 0012: АППК art. 76 (see the ``deadlines`` catalogue)
    registered_on = DateField(null=True)
    """The day the term counts from: the next working day for one received on a day off
    (None on appeals registered before migration 0012: the day received)."""
    eotinish_number = CharField(max_length=32, default="")
    """The official number «Электронные обращения» (eOtinish) gave it."""
    outside_competence = BooleanField(default=False)
    """Not the police's to decide: forwarded within its own short term, never extended."""
    forwarded_to = CharField(max_length=300, default="")
    extended_on = DateField(null=True)
    """The day of the head's reasoned decision extending the term."""
    extension_reason = TextField(default="")
    extended_until = DateField(null=True)
    extension_notified_on = DateField(null=True)
    """The day the citizen was told of the extension."""

    OPEN_STATUSES = ("registered", "in_progress")
    """Every status but "resolved" (``appeal_statuses``): named, not "!= resolved", so that
    the (status, due_date) index finds the few open appeals of a large office."""

    @classmethod
    def past_due(cls, today: date):
        """The condition "not resolved and past its due date"."""
        return cls.status.in_(cls.OPEN_STATUSES) & (cls.due_date < today)


class CrimeReport(SyncedModel):
    """A report or information on a criminal offence in the book of information (КУИ): a
    statement, a message or an officer's report, registered within its deadline, checked, and
    closed by a decision (registered in the ЕРДР, handed over, ...). Not an appeal: the Criminal
    Procedure Code (art. 180) and Prosecutor General's order № 89 govern it, not АППК."""

    received_at = DateTimeField()
    source = CharField(max_length=32)
    reporter = ForeignKeyField(Person, null=True, backref="crime_reports")
    substance = TextField()
    officer = ForeignKeyField(Staff, backref="crime_reports_received")
    registration_due = DateTimeField()
    """Received + the ``kui_registration`` deadline (24 h: unverified reference data)."""
    registered_at = DateTimeField(null=True)
    kui_number = CharField(max_length=40, default="")
    check_due = DateField(null=True)
    check_extended_until = DateField(null=True)
    extension_reason = TextField(default="")
    decision = CharField(max_length=32, null=True)
    decided_on = DateField(null=True)
    erdr_number = CharField(max_length=32, default="")
    handed_to = CharField(max_length=200, default="")
    handed_on = DateField(null=True)
    status = CharField(max_length=32)
    due_at = DateTimeField(null=True)
    """The next deadline: registration, then the check (extended); None once decided."""
    search_text = TextField(default="")


class PreventiveVisit(SyncedModel):
    """A door-to-door visit, preventive conversation, check of a registered person or raid."""

    visited_at = DateTimeField()
    kind = CharField(max_length=32)
    address = ForeignKeyField(Address, null=True, backref="visits")
    address_text = CharField(max_length=300, default="")
    flat = CharField(max_length=16, default="")
    dwelling_kind = CharField(max_length=32)
    person = ForeignKeyField(Person, null=True, backref="visits")
    registration = ForeignKeyField(Registration, null=True, backref="checks")
    persons_met = TextField(default="")
    findings = CharField(max_length=300, default="")
    notes = TextField(default="")
    inspector = ForeignKeyField(Staff, backref="visits")
    search_text = TextField(default="")


class Meeting(SyncedModel):
    """A meeting with the population: report meeting, assembly, meeting with a КСК."""

    held_at = DateTimeField()
    kind = CharField(max_length=32)
    place = CharField(max_length=300)
    attendance = IntegerField()
    questions = TextField(default="")
    decisions = TextField(default="")
    inspector = ForeignKeyField(Staff, backref="meetings")
    search_text = TextField(default="")


class Feedback(SyncedModel):
    """One resident's answers to the short survey on police work."""

    collected_at = DateTimeField()
    meeting = ForeignKeyField(Meeting, null=True, backref="feedback")
    channel = CharField(max_length=32, default="")
    rating = IntegerField()
    trusts_police = BooleanField()
    concerns = CharField(max_length=300, default="")
    comment = TextField(default="")
    inspector = ForeignKeyField(Staff, backref="feedback")
    search_text = TextField(default="")


class CatalogueItem(BaseModel):
    """One entry of a reference catalogue (topics, articles, categories...)."""

    id = AutoField()
    catalogue = CharField(max_length=64)
    code = CharField(max_length=64)
    title_ru = CharField(max_length=300)
    title_kk = CharField(max_length=300)
    title_en = CharField(max_length=300)
    position = IntegerField()
    active = BooleanField(default=True)
    extra = TextField(default="{}")

    class Meta:
        indexes = ((("catalogue", "code"), True),)


class CatalogueVersion(BaseModel):
    catalogue = CharField(primary_key=True, max_length=64)
    version = IntegerField()
    loaded_at = DateTimeField()


class MrpRate(BaseModel):
    """The monthly calculation index (МРП) in tenge for a year."""

    year = IntegerField(primary_key=True)
    amount = IntegerField()


class NumberSequence(BaseModel):
    """Last human number given per point, kind (talon/protocol) and year."""

    point_code = CharField(max_length=32)
    kind = CharField(max_length=16)
    year = IntegerField()
    last = IntegerField()

    class Meta:
        primary_key = False
        indexes = ((("point_code", "kind", "year"), True),)


class AuditEntry(BaseModel):
    """Append-only trail: who changed which record when, old and new values, chained by hash."""

    id = AutoField()
    at = DateTimeField()
    actor = CharField(max_length=64)
    action = CharField(max_length=16)
    table_name = CharField(max_length=64)
    record_id = CharField(max_length=32, index=True)
    change_seq = IntegerField()
    old_values = TextField(null=True)
    new_values = TextField(null=True)
    prev_hash = CharField(max_length=64)
    entry_hash = CharField(max_length=64)


SYNCED_MODELS: tuple[type[SyncedModel], ...] = (
    Point,
    Staff,
    Person,
    Organisation,
    Address,
    Registration,
    Meeting,
    Offence,
    Appeal,
    PreventiveVisit,
    Feedback,
    CrimeReport,
)
"""Travelling record kinds, in an order where references point to earlier kinds."""

ALL_MODELS = (Meta, *SYNCED_MODELS, CatalogueItem, CatalogueVersion, MrpRate, NumberSequence,
              AuditEntry)


def require_bound(db) -> None:
    """Raise :class:`DatabaseNotBound` unless the models query ``db`` (the rule of
    :mod:`inspector_app.storage.database`)."""
    bound = Meta._meta.database
    if bound is not db:
        raise DatabaseNotBound(bound=str(bound.database), given=str(db.database))
