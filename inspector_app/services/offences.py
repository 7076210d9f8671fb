"""Administrative offence protocols (КоАП РК): article and part, penalty, fine in МРП and ₸."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from inspector_app.domain.catalogues import Item
from inspector_app.domain.sanctions import (
    AMOUNT_FIELDS,
    CONSENT_GIVEN,
    CONSIDERED,
    COURT_REFERRAL,
    FINE,
    GENERAL_LIMITS,
    INDIVIDUAL,
    PUBLIC_WORKS,
    WARNING,
    Limits,
    PartSanctions,
)
from inspector_app.messages import translate
from inspector_app.services.people import full_name
from inspector_app.services.records import RecordService
from inspector_app.services.registrations import (
    BREACHED_CATEGORIES,
    is_breach_article,
    last_day,
    runs_on,
)
from inspector_app.storage.models import Offence, Person, Registration

CONSENT_FIELDS = ("works_consent", "works_consent_on")
SANCTION_FIELDS = ("article", "offender_subject", "penalty", *AMOUNT_FIELDS.values(),
                   *CONSENT_FIELDS)
"""What a stored protocol's sanction is made of (see :meth:`OffenceService.sanction_rules`)."""


def article_params(item: Item) -> dict[str, str]:
    """The article and part a sanction message names."""
    return {"article": str(item.extra.get("article", item.code)),
            "part": str(item.extra.get("part", ""))}


def fine_in_tenge(fine_mrp: Decimal | None, mrp: int | None) -> int | None:
    """The fine in tenge: МРП count times the МРП of the offence's year, rounded."""
    if fine_mrp is None or mrp is None:
        return None
    return int((fine_mrp * mrp).to_integral_value(rounding=ROUND_HALF_UP))


def offence_search_parts(values: dict[str, Any], offender: Person | None) -> list[Any]:
    """What a protocol is found by; ``offender`` is the person (or an object with its names)."""
    return [values.get("protocol_number"), full_name(offender),
            offender.iin if offender else None, values.get("article"),
            values.get("place"), values.get("description"), values.get("erap_number")]


def _range(limits: Limits, lang: str) -> str:
    return translate(f"sanction.range.{limits.shape()}", lang, low=limits.low, high=limits.high)


def sanction_summary(item: Item, lang: str, subject: str | None = None) -> str:
    """What the part provides, one sanction a line: its range (the fine for ``subject``, an
    individual by default), who imposes it and whether consent is needed, who pays the fine."""
    sanctions = PartSanctions.of(item)
    lines = []
    for sanction in sanctions.provided():
        text = translate(f"sanction.{sanction}", lang)
        if sanction != WARNING:
            limits = sanctions.limits(sanction, subject or INDIVIDUAL)
            text = f"{text} {_range(limits, lang)}" if limits else text
        notes = []
        if sanction in sanctions.court_only:
            notes.append(translate("sanction.by_court", lang))
        if sanction == PUBLIC_WORKS and sanctions.consent_needed:
            notes.append(translate("sanction.consent", lang))
        if sanction == FINE and sanctions.fine_payer == "parents":
            notes.append(translate("sanction.parents_pay", lang))
        lines.append(f"{text} ({'; '.join(notes)})" if notes else text)
    return "\n".join(lines)


def source_summary(item: Item, lang: str) -> str:
    """The part's legal source: act, article and part, edition, address and status."""
    source = item.extra.get("source") or {}
    lines = [translate("sanction.source", lang, act=source.get("act", "—"),
                       article=source.get("article", "—"), part=source.get("part", "—"))]
    if source.get("edition"):
        lines.append(translate("sanction.edition", lang, edition=source["edition"]))
    if source.get("url"):
        lines.append(source["url"])
    lines.append(translate(f"sanction.status.{source.get('status', 'unverified')}", lang))
    return "\n".join(lines)


class OffenceService(RecordService):
    model = Offence
    kind = "offence"

    def clean(self, data: dict[str, Any], existing: Offence | None) -> dict[str, Any]:
        services = self.services
        cats = services.catalogues
        check = self.checker(data)
        committed = check.moment("committed_at", now=services.clock.now_local())
        if (existing is not None and committed is not None
                and committed.year != existing.committed_at.year):
            # the protocol number carries the year: a protocol stays dated in it
            check.fail("committed_at", "v.protocol_year_fixed",
                       number=existing.protocol_number, year=existing.committed_at.year)
        check.place("place", 300, cats, required=True)
        check.reference("offender", Person)
        check.reference("victim", Person, required=False)
        if check.values["victim"] and check.values["victim"] == check.values["offender"]:
            check.fail("victim", "v.victim_is_offender")
        article = check.choice("article", cats, "offence_articles")
        self.check_breach(check, article, committed, existing)
        subject = check.choice("offender_subject", cats, "offender_subjects", required=False)
        subject = check.values["offender_subject"] = subject or INDIVIDUAL
        check.text("description", 4000, required=True, multiline=True)
        status = check.choice("status", cats, "offence_statuses", required=False)
        status = check.values["status"] = status or "drawn_up"
        penalty = check.choice("penalty", cats, "penalties")
        item = cats.get("offence_articles", article) if article else None
        amounts = {}
        for sanction, field in AMOUNT_FIELDS.items():
            low, high = GENERAL_LIMITS[sanction]
            if sanction == FINE:
                amounts[sanction] = check.decimal(field, low, high, required=penalty == sanction)
            else:
                amounts[sanction] = check.integer(field, int(low), int(high),
                                                  required=penalty == sanction)
            if penalty != sanction:
                check.values[field] = amounts[sanction] = None
        asked = item is not None and PartSanctions.of(item).asks_consent(penalty)
        self.read_consent(check, asked)
        rules = self.sanction_rules(check, existing)
        if item is not None and penalty and not check.has_error("penalty") and rules:
            self.check_sanction(check, item, penalty, amounts.get(penalty), status, subject)
        if asked:
            self.check_consent(check, item, penalty, committed, rules)
        if penalty == COURT_REFERRAL and status == "drawn_up":
            check.values["status"] = "sent_to_court"
        fine = amounts[FINE]
        check.values["fine_tenge"] = None
        if fine is not None and committed is not None:
            mrp = cats.mrp(committed.year)
            if mrp is None:
                check.fail("fine_mrp", "v.no_mrp_for_year", year=committed.year)
            check.values["fine_tenge"] = fine_in_tenge(fine, mrp)
        check.text("erap_number", 32)
        self.staff_or_current(check)
        check.finish()
        return check.values

    @staticmethod
    def check_sanction(check, item: Item, penalty: str, amount: Decimal | int | None,
                       status: str, subject: str = INDIVIDUAL) -> None:
        """The penalty is one the part provides (a court-only one only as the court's
        decision, a fine only for the subjects the part fines) and its size lies in the
        part's range for ``subject``."""
        sanctions = PartSanctions.of(item)
        if penalty in sanctions.court_only and status != CONSIDERED:
            check.fail("penalty", "v.sanction_by_court", **article_params(item))
            return
        if penalty not in sanctions.choices(CONSIDERED):
            check.fail("penalty", "v.penalty_not_for_article", article=item.title())
            return
        if penalty == FINE and subject not in sanctions.fines:
            check.fail("offender_subject", "v.subject_not_for_article", **article_params(item))
            return
        limits = sanctions.limits(penalty, subject)
        field = AMOUNT_FIELDS.get(penalty)
        if amount is None or limits is None or check.has_error(field):
            return
        low, high = limits.bounds(penalty)
        if not low <= amount <= high:
            check.fail(field, f"v.range.{penalty}.{limits.shape()}", low=low, high=high,
                       **article_params(item))

    @staticmethod
    def check_breach(check, article: str | None, committed: datetime | None,
                     existing: Offence | None) -> None:
        """A protocol under КоАП art. 461 names the protective order or special requirements
        of the offender it breaches, running on the offence's day; other articles name none.
        A stored protocol made before the link was kept stays valid until its article or link
        changes (entry rules only: a package is taken as the point saved it)."""
        entry = check.policy.entry_rules
        breach = is_breach_article(article)
        required = breach and entry and (existing is None or existing.article != article
                                         or existing.breached_registration_id is not None)
        registration = check.reference("breached_registration", Registration,
                                       required=required)
        if not breach:
            check.values["breached_registration"] = None
            return
        if registration is None or not entry:
            return
        if registration.category not in BREACHED_CATEGORIES:
            check.fail("breached_registration", "v.breach_not_an_order")
        elif registration.person_id != check.values.get("offender"):
            check.fail("breached_registration", "v.breach_of_another_person")
        elif committed is not None and not runs_on(registration, committed.date()):
            end = last_day(registration)
            check.fail("breached_registration", "v.breach_outside_term",
                       start=registration.start_date.strftime("%d.%m.%Y"),
                       end=end.strftime("%d.%m.%Y") if end else "—")

    def read_consent(self, check, asked: bool) -> None:
        """The offender's answer to public works and its day, kept only where the chosen
        penalty asks it (:meth:`PartSanctions.asks_consent`)."""
        if not asked:
            check.values.update(works_consent="", works_consent_on=None)
            return
        answer = check.choice("works_consent", self.services.catalogues, "consent_answers",
                              required=False)
        check.values["works_consent"] = answer or ""
        check.date("works_consent_on", today=self.services.clock.today())

    @staticmethod
    def check_consent(check, item: Item, penalty: str, committed: datetime | None,
                      rules: bool) -> None:
        """An answer comes with its day, not before the offence; public works only with
        consent given (under ``rules``: not a stored protocol recorded before consent was)."""
        if check.has_error("works_consent") or check.has_error("works_consent_on"):
            return
        answer = check.values["works_consent"] or None
        day = check.values["works_consent_on"]
        if answer is None and (day is not None or (rules and penalty == PUBLIC_WORKS)):
            check.fail("works_consent", "v.required")
        if answer is not None and day is None:
            check.fail("works_consent_on", "v.required")
        if (check.policy.entry_rules and day is not None and committed is not None
                and day < committed.date()):
            check.fail("works_consent_on", "v.consent_before_offence",
                       date=committed.strftime("%d.%m.%Y"))
        if rules and penalty == PUBLIC_WORKS and answer not in (None, CONSENT_GIVEN):
            check.fail("works_consent", "v.consent_refused", **article_params(item))

    def sanction_rules(self, check, existing: Offence | None) -> bool:
        """Whether a sanction's size is held to its part's range: an officer's entry (an entry
        rule, so not a package from an older program) and not a stored protocol whose
        article and sanction are unchanged (drawn up under an earlier catalogue)."""
        if not check.policy.entry_rules:
            return False
        if existing is None:
            return True
        return any(not _same(getattr(existing, f), check.values.get(f)) for f in SANCTION_FIELDS)

    def owned_by_actor(self, record: Offence) -> bool:
        return record.inspector_id == self.services.current_staff_id()

    def before_insert(self, values: dict[str, Any]) -> None:
        values["protocol_number"] = self.services.next_number(
            "protocol", values["committed_at"].year)

    def search_parts(self, values: dict[str, Any]) -> list[Any]:
        offender = self.services.resolver.by_id(Person, values.get("offender"))
        return offence_search_parts(values, offender)


def _same(stored: Any, cleaned: Any) -> bool:
    if isinstance(stored, Decimal) or isinstance(cleaned, Decimal):
        return stored is not None and cleaned is not None and Decimal(stored) == Decimal(cleaned)
    return stored == cleaned
