"""The activity report's figures: each indicator for a period beside the same period last year.

:func:`compute` runs one aggregate statement per register (:mod:`inspector_app.queries.stats_sql`:
GROUP BY over indexed date ranges, the period and its АППГ together, tombstones excluded) and
folds the few grouped rows into an :class:`ActivityStats`: sections of :class:`Indicator` rows
(code, label message code, current, previous, change in %). Grouped by owner point as well,
the same statements serve :func:`compute_summary` (the district summary) in one pass.
``inspector-cli stats``, the PDF reports and the GUI all read their numbers from here.

Definitions (the period is ``[date_from, date_to]``, both inclusive; АППГ is the same dates a
year earlier, 29 February becoming 28 February):

- appeals: received in the period, by channel, topic and decision; *resolved* = of those, the
  ones resolved; *overdue* = of those, resolved after the due date or still open past it today;
- reports and information on criminal offences (КУИ) received in the period, by source and
  decision; *late* = of those, registered after the registration deadline or still
  unregistered past it now; *in ЕРДР* = of those, with an ЕРДР number;
- preventive visits in the period by kind; *households* = distinct addresses (and flats) of the
  door-to-door rounds, by dwelling kind; findings counted per flag;
- registrations: *on registration at period end*, *added* (start in the period), *removed*
  (closed, or end date passed, in the period), *checked* (a check visit in the period) and
  *overdue* (active at the period end, or today if earlier, with the next check, counted from
  the last check before that day, already past);
- offences by article and penalty, fines in МРП and tenge, public-works hours, arrest days;
- protective orders (registration category), art. 461 breaches, minors, migration violations;
- meetings held and their attendance; survey responses, average rating, trust %.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from inspector_app.messages import translate
from inspector_app.queries.stats_sql import (
    Raw,
    StatsScope,
    catalogue_codes,
    previous_year,
    query,
    split_by_point,
)

if TYPE_CHECKING:
    from inspector_app.domain.catalogues import Catalogues
    from inspector_app.services.context import Services

Number = int | float | Decimal

__all__ = ["ActivityStats", "Indicator", "Section", "StatsScope", "compute", "compute_summary",
           "previous_year"]

PROTECTIVE_ORDER = "protective_order"
ARTICLE_LABEL = "stats.offences.article"
MINOR_ARTICLES = ("442", "435", "127")
MIGRATION_ARTICLES = ("492", "493")


@dataclass(frozen=True)
class Indicator:
    """One line of the report: the figure now, a year ago, and the change in %.

    ``label`` is a message code; ``item`` (catalogue, code) names a catalogue entry whose title
    is the label (or fills ``{title}`` in it); ``group`` is the message code of the breakdown
    this line belongs to (None for a main figure); ``kind`` tells how to print the value.
    """

    code: str
    label: str
    current: Number
    previous: Number
    kind: str = "count"  # count | mrp | tenge | hours | days | rating | percent
    group: str | None = None
    item: tuple[str, str] | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def change_pct(self) -> float | None:
        """(current - previous) / previous in %, one decimal; None when previous is 0."""
        if not self.previous:
            return None
        return round(float(self.current - self.previous) / float(self.previous) * 100, 1)

    def text(self, lang: str, catalogues: Catalogues) -> str:
        """The row's label in ``lang``."""
        if self.item is None:
            return translate(self.label, lang, **self.params)
        title = catalogues.title(self.item[0], self.item[1], lang)
        if self.label == ARTICLE_LABEL:
            title = title.split(" — ", 1)[-1].split(" (", 1)[0]
            return translate(self.label, lang, title=title, **self.params)
        return title


@dataclass(frozen=True)
class Section:
    code: str
    title: str  # message code
    rows: tuple[Indicator, ...]


@dataclass(frozen=True)
class ActivityStats:
    """Every section of the activity report for one scope."""

    scope: StatsScope
    sections: tuple[Section, ...]

    @property
    def previous_scope(self) -> StatsScope:
        return self.scope.previous

    def indicator(self, code: str) -> Indicator | None:
        for section in self.sections:
            for row in section.rows:
                if row.code == code:
                    return row
        return None

    def value(self, code: str, previous: bool = False) -> Number:
        """The figure of ``code`` (0 when the line is absent: nothing to count)."""
        row = self.indicator(code)
        if row is None:
            return 0
        return row.previous if previous else row.current

    def to_dict(self, lang: str, catalogues: Catalogues) -> dict[str, Any]:
        """Plain data for JSON: period, previous period, sections with labelled rows."""
        def number(value: Number) -> Any:
            return float(value) if isinstance(value, Decimal) else value

        prev = self.previous_scope
        return {
            "from": self.scope.date_from.isoformat(), "to": self.scope.date_to.isoformat(),
            "previous_from": prev.date_from.isoformat(), "previous_to": prev.date_to.isoformat(),
            "sections": [
                {"code": s.code, "title": translate(s.title, lang), "rows": [
                    {"code": r.code, "label": r.text(lang, catalogues),
                     "group": translate(r.group, lang) if r.group else None, "kind": r.kind,
                     "current": number(r.current), "previous": number(r.previous),
                     "change_pct": r.change_pct}
                    for r in s.rows]}
                for s in self.sections],
        }


# -- folding ------------------------------------------------------------------------------
class _Tally:
    """Sums per (key, period), over the grouped rows of the points asked for."""

    def __init__(self):
        self.values: dict[tuple, list] = defaultdict(lambda: [0, 0])
        self._codes: dict[str, list[str]] | None = None

    def add(self, key, period: int, value: Number) -> None:
        self.values[key][period] += value

    def get(self, key) -> tuple[Number, Number]:
        pair = self.values.get(key, (0, 0))
        return pair[0], pair[1]

    def codes_of(self, group: str) -> list[str]:
        """The codes seen under ``(group, code)`` keys, sorted (indexed once)."""
        if self._codes is None:
            self._codes = defaultdict(list)
            for key in self.values:
                if isinstance(key, tuple):
                    self._codes[key[0]].append(key[1])
            for codes in self._codes.values():
                codes.sort(key=str)
        return self._codes.get(group, [])

    @classmethod
    def merged(cls, tallies: list[_Tally]) -> _Tally:
        """The sums of several tallies (the district's total from its points' figures)."""
        total = cls()
        for tally in tallies:
            for key, (current, previous) in tally.values.items():
                pair = total.values[key]
                pair[0] += current
                pair[1] += previous
        return total


def _article(catalogues: Catalogues, code: str) -> str:
    item = catalogues.get("offence_articles", code)
    if item is not None and item.extra.get("article"):
        return str(item.extra["article"])
    return code.rsplit("-", 1)[0] if "-" in code else code


def _split(codes: str | None) -> list[str]:
    """The codes of a stored code list ("a,b"), each once."""
    return list(dict.fromkeys(c for c in (codes or "").split(",") if c))


def _fold(raw: Raw, catalogues: Catalogues) -> _Tally:
    """Sum the grouped rows into the figures' keys (a few hundred rows, not records)."""
    t = _Tally()
    for p, _, channel, topic, decision, n, resolved, overdue in raw.appeals:
        t.add("appeals.received", p, n)
        t.add("appeals.resolved", p, resolved or 0)
        t.add("appeals.overdue", p, overdue or 0)
        t.add(("appeal_channel", channel), p, n)
        t.add(("appeal_topic", topic), p, n)
        t.add(("appeal_decision", decision or "none"), p, n)
    for p, _, kind, dwelling, n, households, *flags in raw.visits:
        t.add("visits.total", p, n)
        t.add(("visit_kind", kind), p, n)
        t.add("visits.households", p, households)
        t.add(("households", dwelling), p, households)
        for code, count in zip(raw.findings, flags, strict=False):
            t.add(("finding", code), p, count or 0)
    for p, _, category, minor, at_end, added, removed, checked, overdue in raw.registrations:
        for measure, value in (("at_end", at_end), ("added", added), ("removed", removed),
                               ("checked", checked), ("overdue", overdue)):
            t.add(f"registrations.{measure}", p, value or 0)
            t.add((measure, category), p, value or 0)
            if minor:
                t.add(("minor", measure), p, value or 0)
    for p, _, article_code, penalty, n, mrp, tenge, hours, days in raw.offences:
        t.add("offences.total", p, n)
        t.add(("article", _article(catalogues, article_code)), p, n)
        t.add(("penalty", penalty), p, n)
        t.add("offences.fine_mrp", p, Decimal(str(round(mrp, 2))))
        t.add("offences.fine_tenge", p, int(tenge))
        t.add("offences.public_works_hours", p, int(hours))
        t.add("offences.arrest_days", p, int(days))
    for p, _, source, decision, n, late, erdr in raw.crime_reports:
        t.add("kui.received", p, n)
        t.add("kui.late", p, late or 0)
        t.add("kui.erdr", p, erdr or 0)
        t.add(("kui_source", source), p, n)
        t.add(("kui_decision", decision or "none"), p, n)
    for p, _, kind, n, attendance in raw.meetings:
        t.add("meetings.held", p, n)
        t.add("meetings.attendance", p, int(attendance))
        t.add(("meeting_kind", kind), p, n)
    for p, _, codes, n, ratings, trusts in raw.feedback:
        t.add("survey.responses", p, n)
        t.add("survey.rating_sum", p, ratings)
        t.add("survey.trusts", p, trusts)
        for code in _split(codes):
            t.add(("concern", code), p, n)
    return t


# -- sections -----------------------------------------------------------------------------
class _Builder:
    def __init__(self, tally: _Tally, catalogues: Catalogues, codes: dict[str, list[str]]):
        self.t, self.cats, self._codes = tally, catalogues, codes

    def catalogue_codes(self, catalogue: str) -> list[str]:
        """A catalogue's codes, read once per computation (shared by every point's figures)."""
        if catalogue not in self._codes:
            self._codes[catalogue] = catalogue_codes(self.cats, catalogue)
        return self._codes[catalogue]

    def main(self, code: str, kind: str = "count", key=None) -> Indicator:
        current, previous = self.t.get(key or code)
        return Indicator(code, f"stats.{code}", current, previous, kind)

    def breakdown(self, prefix: str, key: str, catalogue: str, group: str, *,
                  always: bool = False, extra: tuple[str, ...] = ()) -> list[Indicator]:
        """One line per catalogue item (then any unlisted code seen); zero lines dropped
        unless ``always``."""
        listed = self.catalogue_codes(catalogue)
        known = set(listed)
        codes = listed + [c for c in self.t.codes_of(key) if c not in known and c not in extra]
        lines = []
        for code in [*codes, *extra]:
            current, previous = self.t.get((key, code))
            if always or current or previous:
                item = (catalogue, code) if code not in extra else None
                label = f"stats.{prefix}.{code}" if item is None else group
                lines.append(Indicator(f"{prefix}.{code}", label, current, previous,
                                       group=group, item=item))
        return lines

    def pair(self, code: str, key) -> Indicator:
        current, previous = self.t.get(key)
        return Indicator(code, f"stats.{code}", current, previous)

    def ratio(self, code: str, numerator: str, scale: int, kind: str) -> Indicator:
        n_cur, n_prev = self.t.get(numerator)
        d_cur, d_prev = self.t.get("survey.responses")
        def r(n, d):
            return round(float(n) / d * scale, 1) if d else 0
        return Indicator(code, f"stats.{code}", r(n_cur, d_cur), r(n_prev, d_prev), kind)


def _sections(tally: _Tally, cats: Catalogues,
              codes: dict[str, list[str]] | None = None) -> tuple[Section, ...]:
    """The figures' sections from ``tally``; ``codes`` caches catalogue codes across calls."""
    b = _Builder(tally, cats, {} if codes is None else codes)
    articles = []
    article_codes = b.catalogue_codes("offence_articles")
    article_numbers = dict.fromkeys(_article(cats, c) for c in article_codes)
    seen = tally.codes_of("article")
    first_code = {}
    for code in article_codes:
        first_code.setdefault(_article(cats, code), code)
    for number in [*article_numbers, *(s for s in seen if s not in article_numbers)]:
        current, previous = tally.get(("article", number))
        if current or previous:
            item = ("offence_articles", first_code.get(number, number))
            articles.append(Indicator(f"offences.article.{number}", ARTICLE_LABEL, current,
                                      previous, group="stats.group.by_article", item=item,
                                      params={"article": number}))
    registration_lines = []
    for measure in ("at_end", "added", "removed", "checked", "overdue"):
        registration_lines += b.breakdown(f"registrations.{measure}", measure,
                                          "registration_categories",
                                          f"stats.group.{measure}_by_category",
                                          always=measure == "at_end")
    minors_articles = [b.pair(f"minors.article_{a}", ("article", a)) for a in MINOR_ARTICLES]
    migration_articles = [b.pair(f"migration.article_{a}", ("article", a))
                          for a in MIGRATION_ARTICLES]
    sections = [
        ("appeals", [
            b.main("appeals.received"), b.main("appeals.resolved"), b.main("appeals.overdue"),
            *b.breakdown("appeals.channel", "appeal_channel", "channels",
                         "stats.group.by_channel"),
            *b.breakdown("appeals.topic", "appeal_topic", "appeal_topics",
                         "stats.group.by_topic"),
            *b.breakdown("appeals.decision", "appeal_decision", "appeal_decisions",
                         "stats.group.by_decision", extra=("none",)),
        ]),
        ("crime_reports", [
            b.main("kui.received"), b.main("kui.late"), b.main("kui.erdr"),
            *b.breakdown("kui.source", "kui_source", "crime_report_sources",
                         "stats.group.by_source"),
            *b.breakdown("kui.decision", "kui_decision", "crime_report_decisions",
                         "stats.group.by_decision", extra=("none",)),
        ]),
        ("prevention", [
            b.main("visits.total"), b.main("visits.households"),
            *b.breakdown("visits.households", "households", "dwelling_kinds",
                         "stats.group.households", always=True),
            *b.breakdown("visits.kind", "visit_kind", "visit_kinds", "stats.group.by_kind",
                         always=True),
            *b.breakdown("visits.finding", "finding", "visit_findings",
                         "stats.group.findings"),
        ]),
        ("registrations", [
            b.main("registrations.at_end"), b.main("registrations.added"),
            b.main("registrations.removed"), b.main("registrations.checked"),
            b.main("registrations.overdue"), *registration_lines,
        ]),
        ("offences", [
            b.main("offences.total"), *articles,
            *b.breakdown("offences.penalty", "penalty", "penalties", "stats.group.by_penalty"),
            b.main("offences.fine_mrp", "mrp"), b.main("offences.fine_tenge", "tenge"),
            b.main("offences.public_works_hours", "hours"),
            b.main("offences.arrest_days", "days"),
        ]),
        ("protective", [
            b.pair("protective.at_end", ("at_end", PROTECTIVE_ORDER)),
            b.pair("protective.added", ("added", PROTECTIVE_ORDER)),
            b.pair("protective.breaches", ("article", "461")),
        ]),
        ("minors", [
            b.pair("minors.appeals", ("appeal_topic", "minors")),
            b.pair("minors.pdn_at_end", ("minor", "at_end")),
            b.pair("minors.pdn_added", ("minor", "added")),
            *minors_articles,
            b.pair("minors.at_risk_found", ("finding", "minors_at_risk")),
        ]),
        ("migration", [
            b.pair("migration.appeals", ("appeal_topic", "registration_migration")),
            *migration_articles,
            b.pair("migration.unregistered_found", ("finding", "unregistered_residents")),
            b.pair("migration.rented_without_documents",
                   ("finding", "rented_without_documents")),
        ]),
        ("meetings", [
            b.main("meetings.held"), b.main("meetings.attendance"),
            *b.breakdown("meetings.kind", "meeting_kind", "meeting_kinds",
                         "stats.group.by_kind"),
        ]),
        ("survey", [
            b.main("survey.responses"),
            b.ratio("survey.avg_rating", "survey.rating_sum", 1, "rating"),
            b.ratio("survey.trust_pct", "survey.trusts", 100, "percent"),
            *b.breakdown("survey.concern", "concern", "security_concerns",
                         "stats.group.concerns"),
        ]),
    ]
    return tuple(Section(code, f"stats.section.{code}", tuple(rows)) for code, rows in sections)


# -- public API ---------------------------------------------------------------------------
def compute(services: Services, scope: StatsScope) -> ActivityStats:
    """The activity figures of ``scope`` and of the same period last year."""
    raw = query(services, scope)
    return ActivityStats(scope, _sections(_fold(raw, services.catalogues),
                                          services.catalogues))


def compute_summary(services: Services, scope: StatsScope
                    ) -> tuple[ActivityStats, dict[str, ActivityStats]]:
    """The figures of the whole scope and of every point with records in it (one query set).

    The district summary's rows and its totals line come from the same grouped rows.
    """
    raw = query(services, scope, by_point=True)
    cats = services.catalogues
    codes: dict[str, list[str]] = {}
    tallies = {code: _fold(part, cats) for code, part in sorted(split_by_point(raw).items())}
    per_point = {}
    for code, tally in tallies.items():
        point_scope = StatsScope(scope.date_from, scope.date_to, scope.inspector_id, (code,),
                                 scope.today)
        per_point[code] = ActivityStats(point_scope, _sections(tally, cats, codes))
    total = ActivityStats(scope, _sections(_Tally.merged(list(tallies.values())), cats, codes))
    return total, per_point
