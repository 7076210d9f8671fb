"""Planning the demo before any record is made: how many of each kind, on which days.

Counts are exact: the records asked for are split over the kinds by fixed shares, then
spread over the days with weekday weights and day-to-day noise (systematic rounding keeps
the total). Registrations and meetings are planned whole (dates of every check) so the
visit budget can make room for the checks.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from inspector_app.services.appeals import add_months
from inspector_app.services.registrations import interval_for_reports

SHARES = {  # of the records left after the area passport
    "person": 0.16, "appeal": 0.21, "visit": 0.36, "offence": 0.08, "registration": 0.025,
    "meeting": 0.008, "feedback": 0.147, "crime_report": 0.01,
}
MAX_BUILDINGS = 400
# Weekday weights (Mon..Sun) of everyday work per kind.
WEEKDAYS = {
    "appeal": (1.2, 1.1, 1.1, 1.1, 1.0, 0.5, 0.25),
    "visit": (1.0, 1.1, 1.1, 1.1, 1.0, 0.7, 0.2),
    "offence": (0.9, 0.9, 0.9, 1.0, 1.2, 1.5, 1.4),
    "feedback": (1.0, 1.0, 1.0, 1.0, 1.0, 0.4, 0.1),
    "crime_report": (1.0, 1.0, 1.0, 1.0, 1.1, 1.3, 1.2),
}
REGISTRATION_RULES = {  # category: (weight, shortest, longest duration in days)
    "protective_order": (30, 30, 30),
    "special_requirements": (8, 90, 365),
    "parole": (10, 180, 730),
    "admin_supervision": (12, 180, 1095),
    "official_warning": (15, 180, 365),
    "probation": (15, 365, 1095),
    "criminal_record": (10, 730, 2190),
}
MEETING_RULES = {  # kind: (weight, least, most attendance)
    "report_meeting": (20, 40, 150),
    "assembly": (20, 15, 60),
    "ksk_meeting": (30, 8, 40),
    "school_meeting": (15, 30, 200),
    "workplace_meeting": (15, 15, 80),
}


@dataclass
class Budget:
    """How many records of each kind (``area`` = buildings + KSK/OSI, planned apart)."""

    buildings: int
    counts: dict[str, int]


def split_budget(records: int, organisations_for: Callable[[int], int]) -> Budget:
    """Split ``records`` into the area passport and the kinds' shares (exact total)."""
    buildings = min(MAX_BUILDINGS, records // 40)
    area = buildings + organisations_for(buildings)
    rest = max(0, records - area)
    if area > records:
        buildings, rest = 0, records
    raw = {kind: rest * share for kind, share in SHARES.items()}
    counts = {kind: int(value) for kind, value in raw.items()}
    left = rest - sum(counts.values())
    for kind in sorted(raw, key=lambda k: raw[k] - counts[k], reverse=True)[:left]:
        counts[kind] += 1
    if rest and not counts["person"]:  # every register needs someone to refer to
        largest = max(counts, key=counts.get)
        counts[largest] -= 1
        counts["person"] += 1
    return Budget(buildings, counts)


def spread(total: int, weights: list[float], rng: random.Random) -> list[int]:
    """``total`` events over days in proportion to ``weights`` (exact, smooth rounding)."""
    whole = sum(weights)
    if total <= 0 or whole <= 0:
        return [0] * len(weights)
    result = []
    cumulative, offset, given = 0.0, rng.random(), 0
    for weight in weights:
        cumulative += weight * total / whole
        upto = min(total, int(cumulative + offset))
        result.append(upto - given)
        given = upto
    result[-1] += total - given
    return result


def day_weights(days: list[date], kind: str, rng: random.Random,
                today_share: float) -> list[float]:
    """Weights of each day for a kind: weekday habit, noise, a thinner partial today."""
    pattern = WEEKDAYS[kind]
    weights = [pattern[d.weekday()] * rng.uniform(0.6, 1.4) for d in days]
    weights[-1] *= today_share
    return weights


@dataclass
class RegistrationPlan:
    category: str
    start: date
    created: date
    end: date | None
    interval: int
    closed_on: date | None
    close_reason_index: int
    checks: list[date] = field(default_factory=list)
    reports_per_month: int | None = None
    """Special requirements: how often the court ordered the person to report."""


def plan_registrations(count: int, days: list[date], intervals: dict[str, int],
                       rng: random.Random) -> list[RegistrationPlan]:
    """Registrations with their dates and the dates of every check, oldest first.

    About 15% were opened before the period (entered in its first week); about 15% of the
    open ones have lapsed checks, so they show as overdue today.
    """
    first, today = days[0], days[-1]
    categories = list(REGISTRATION_RULES)
    weights = [REGISTRATION_RULES[c][0] for c in categories]
    plans = []
    for _ in range(count):
        category = rng.choices(categories, weights)[0]
        _, shortest, longest = REGISTRATION_RULES[category]
        court_set = category == "special_requirements"  # 3–12 months, 1–4 reports a month
        if rng.random() < 0.15 and category != "protective_order" and not court_set:
            created = first + timedelta(days=rng.randrange(0, min(7, len(days))))
            start = created - timedelta(days=rng.randrange(1, 700))
        else:
            created = start = rng.choice(days)
        end = start + timedelta(days=rng.randint(shortest, longest))
        if end <= created:
            end = created + timedelta(days=rng.randint(30, 365))
        interval = intervals[category]
        reports = None
        if court_set:
            end = add_months(start, rng.randint(3, 12))
            reports = rng.randint(1, 4)
            interval = interval_for_reports(reports)
        closed_on, reason = None, 0
        if rng.random() < 0.08 and (today - created).days > 40:
            closed_on = created + timedelta(days=rng.randrange(30, (today - created).days))
            reason = rng.randrange(1, 4)
        elif end <= today:
            closed_on = min(today, end + timedelta(days=rng.randrange(0, 4)))
        plan = RegistrationPlan(category, start, created, end, interval, closed_on, reason,
                                reports_per_month=reports)
        stop = closed_on or today
        if closed_on is None and rng.random() < 0.15:
            stop = today - timedelta(days=rng.randint(interval + 3, interval * 3 + 3))
        check = created + timedelta(days=rng.randint(1, max(1, interval // 2)))
        while check <= stop:
            plan.checks.append(check)
            check += timedelta(days=max(1, interval + rng.randint(-1, 2)))
        plans.append(plan)
    plans.sort(key=lambda p: p.created)
    return plans


@dataclass
class MeetingPlan:
    kind: str
    day: date
    attendance: int
    feedback: int = 0


def plan_meetings(count: int, feedback: int, days: list[date], has_organisations: bool,
                  rng: random.Random) -> list[MeetingPlan]:
    """Meetings on working days and Saturdays, with the survey answers collected at each."""
    kinds = [k for k in MEETING_RULES if has_organisations or k != "ksk_meeting"]
    weights = [MEETING_RULES[k][0] for k in kinds]
    usable = [d for d in days[:-1] if d.weekday() < 6] or days
    plans = []
    for _ in range(count):
        kind = rng.choices(kinds, weights)[0]
        _, least, most = MEETING_RULES[kind]
        plans.append(MeetingPlan(kind, rng.choice(usable), rng.randint(least, most)))
    plans.sort(key=lambda p: p.day)
    capacity = [p.attendance // 2 for p in plans]
    for plan, share in zip(plans, spread(min(feedback, sum(capacity)), capacity, rng),
                           strict=True):
        plan.feedback = share
    return plans
