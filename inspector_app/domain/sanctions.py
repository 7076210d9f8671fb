"""What one part of a КоАП article allows, as the offence catalogue (version 2) gives it.

Each part lists its sanctions: a warning, a fine in МРП per subject (``individual``,
``official``, ``small_business``, ``medium_business``, ``large_business``), public works in
hours and arrest in days, each a range whose missing limit means "not found in a public
source" (the general limits below then apply). ``court_only`` names the sanctions only a court
imposes: the inspector then records the referral to court (:data:`COURT_REFERRAL`), and the
court's sanction once the case is considered. ``consent_needed``: public works need the
offender's consent, recorded on the protocol (:meth:`PartSanctions.asks_consent`).
``fine_payer`` ``"parents"``: the parents of the minor pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from inspector_app.domain.catalogues import Item

COURT_REFERRAL = "court_referral"
"""The penalty code of a protocol sent to court: the inspector imposes nothing."""
CONSIDERED = "considered"
"""The offence status under which the court's decision (its sanction) is recorded."""
WARNING, FINE, PUBLIC_WORKS, ARREST = "warning", "fine", "public_works", "arrest"
ORDER = (WARNING, FINE, PUBLIC_WORKS, ARREST)
AMOUNT_FIELDS = {FINE: "fine_mrp", PUBLIC_WORKS: "public_works_hours", ARREST: "arrest_days"}
"""The offence field that holds each sanction's size."""
GENERAL_LIMITS: dict[str, tuple[Decimal, Decimal]] = {
    FINE: (Decimal("0.01"), Decimal(2000)),
    PUBLIC_WORKS: (Decimal(1), Decimal(240)),
    ARREST: (Decimal(1), Decimal(45)),
}
"""The limits a field accepts where the part's own limit was not found."""
INDIVIDUAL = "individual"
CONSENT_GIVEN = "given"
"""The ``consent_answers`` code under which public works may be imposed."""


@dataclass(frozen=True)
class Limits:
    """A sanction's range; ``None`` for a limit no source gave."""

    low: Decimal | None
    high: Decimal | None

    @classmethod
    def of(cls, value: dict[str, Any]) -> Limits:
        def number(key: str) -> Decimal | None:
            raw = value.get(key)
            return None if raw is None else Decimal(str(raw))
        return cls(number("min"), number("max"))

    def bounds(self, sanction: str) -> tuple[Decimal, Decimal]:
        """The range a value must fall in: the part's limits, the general ones where missing."""
        low, high = GENERAL_LIMITS[sanction]
        return (low if self.low is None else self.low, high if self.high is None else self.high)

    def shape(self) -> str:
        """``exact``, ``between``, ``at_most``, ``at_least`` or ``free`` (no limit known)."""
        if self.low is not None and self.high is not None:
            return "exact" if self.low == self.high else "between"
        if self.high is not None:
            return "at_most"
        return "at_least" if self.low is not None else "free"


@dataclass(frozen=True)
class PartSanctions:
    """The sanctions of one article part."""

    warning: bool
    fines: dict[str, Limits]
    public_works: Limits | None
    arrest: Limits | None
    court_only: frozenset[str]
    consent_needed: bool
    fine_payer: str | None

    @classmethod
    def of(cls, item: Item) -> PartSanctions:
        extra = item.extra
        given = extra.get("sanctions") or {}
        fines = {subject: Limits.of(limits)
                 for subject, limits in (given.get("fine_mrp") or {}).items()}
        works, arrest = given.get("public_works_hours"), given.get("arrest_days")
        return cls(bool(given.get("warning")), fines,
                   Limits.of(works) if works is not None else None,
                   Limits.of(arrest) if arrest is not None else None,
                   frozenset(extra.get("court_only") or ()), bool(extra.get("consent_needed")),
                   extra.get("fine_payer"))

    def provided(self) -> list[str]:
        """The sanctions the part provides, in the Code's order."""
        present = {WARNING: self.warning, FINE: bool(self.fines),
                   PUBLIC_WORKS: self.public_works is not None, ARREST: self.arrest is not None}
        return [s for s in ORDER if present[s]]

    def limits(self, sanction: str, subject: str = INDIVIDUAL) -> Limits | None:
        """The range of ``sanction`` for ``subject`` (None: the part has no such sanction)."""
        if sanction == FINE:
            return self.fines.get(subject)
        return {PUBLIC_WORKS: self.public_works, ARREST: self.arrest}.get(sanction)

    def choices(self, status: str | None) -> list[str]:
        """The penalties an offence under this part may record with ``status``: what the
        police impose, the referral when a court-only sanction exists, and the court's
        sanctions once the case is considered."""
        provided = self.provided()
        result = [s for s in provided if s not in self.court_only]
        if any(s in self.court_only for s in provided):
            result.append(COURT_REFERRAL)
            if status == CONSIDERED:
                result.extend(s for s in provided if s in self.court_only)
        return result

    def asks_consent(self, penalty: str | None) -> bool:
        """Whether a protocol with ``penalty`` records the offender's consent to public works:
        public works themselves, or a referral to the court that may impose them."""
        if not self.consent_needed or self.public_works is None:
            return False
        return penalty == PUBLIC_WORKS or (
            penalty == COURT_REFERRAL and PUBLIC_WORKS in self.court_only)

