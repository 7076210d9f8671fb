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
REGISTRATION_MEASURES = ("at_end", "added", "removed", "checked", "overdue")


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


class _Layout:
    """What the figures' lines take from the catalogues, read once per computation and shared
    by every point's figures: each catalogue's codes, and the article number of each offence
    article code."""

    def __init__(self, catalogues: Catalogues):
        self.catalogues = catalogues
        self._codes: dict[str, tuple[list[str], set[str]]] = {}
        self.article_codes = self.codes("offence_articles")
        self.article_of = {code: _article(catalogues, code) for code in self.article_codes}
        self.article_numbers = list(dict.fromkeys(self.article_of.values()))
        self.first_code: dict[str, str] = {}
        for code, number in self.article_of.items():
            self.first_code.setdefault(number, code)

    def codes(self, catalogue: str) -> list[str]:
        """The catalogue's codes (inactive ones too), in its order."""
        return self._listed(catalogue)[0]

    def known(self, catalogue: str) -> set[str]:
        return self._listed(catalogue)[1]

    def _listed(self, catalogue: str) -> tuple[list[str], set[str]]:
        if catalogue not in self._codes:
            codes = catalogue_codes(self.catalogues, catalogue)
            self._codes[catalogue] = codes, set(codes)
        return self._codes[catalogue]


def _fold(raw: Raw, layout: _Layout) -> _Tally:
    """Sum the grouped rows into the figures' keys (a few hundred rows, not records)."""
    t = _Tally()
    v = t.values  # the sums, added to directly: this loop runs once per grouped row and point
    for p, _, channel, topic, decision, n, resolved, overdue in raw.appeals:
        v["appeals.received"][p] += n
        v["appeals.resolved"][p] += resolved or 0
        v["appeals.overdue"][p] += overdue or 0
        v["appeal_channel", channel][p] += n
        v["appeal_topic", topic][p] += n
        v["appeal_decision", decision or "none"][p] += n
    findings = raw.findings
    for p, _, kind, dwelling, n, households, *flags in raw.visits:
        v["visits.total"][p] += n
        v["visit_kind", kind][p] += n
        v["visits.households"][p] += households
        v["households", dwelling][p] += households
        for code, count in zip(findings, flags, strict=False):
            v["finding", code][p] += count or 0
    for p, _, category, minor, *values in raw.registrations:
        for measure, value in zip(REGISTRATION_MEASURES, values, strict=True):
            value = value or 0
            v[f"registrations.{measure}"][p] += value
            v[measure, category][p] += value
            if minor:
                v["minor", measure][p] += value
    article_of = layout.article_of
    for p, _, article_code, penalty, n, mrp, tenge, hours, days in raw.offences:
        v["offences.total"][p] += n
        article = article_of.get(article_code)
        if article is None:
            article = _article(layout.catalogues, article_code)
        v["article", article][p] += n
        v["penalty", penalty][p] += n
        v["offences.fine_mrp"][p] += Decimal(str(round(mrp, 2)))
        v["offences.fine_tenge"][p] += int(tenge)
        v["offences.public_works_hours"][p] += int(hours)
        v["offences.arrest_days"][p] += int(days)
    for p, _, source, decision, n, late, erdr in raw.crime_reports:
        v["kui.received"][p] += n
        v["kui.late"][p] += late or 0
        v["kui.erdr"][p] += erdr or 0
        v["kui_source", source][p] += n
        v["kui_decision", decision or "none"][p] += n
    for p, _, kind, n, attendance in raw.meetings:
        v["meetings.held"][p] += n
        v["meetings.attendance"][p] += int(attendance)
        v["meeting_kind", kind][p] += n
    for p, _, codes, n, ratings, trusts in raw.feedback:
        v["survey.responses"][p] += n
        v["survey.rating_sum"][p] += ratings
        v["survey.trusts"][p] += trusts
        for code in _split(codes):
            v["concern", code][p] += n
    return t


# -- sections -----------------------------------------------------------------------------
class _Builder:
    def __init__(self, tally: _Tally, layout: _Layout):
        self.t, self.layout = tally, layout

    def main(self, code: str, kind: str = "count", key=None) -> Indicator:
        current, previous = self.t.get(key or code)
        return Indicator(code, f"stats.{code}", current, previous, kind)

    def breakdown(self, prefix: str, key: str, catalogue: str, group: str, *,
                  always: bool = False, extra: tuple[str, ...] = ()) -> list[Indicator]:
        """One line per catalogue item (then any unlisted code seen); zero lines dropped
        unless ``always``."""
        listed, known = self.layout.codes(catalogue), self.layout.known(catalogue)
        codes = listed + [c for c in self.t.codes_of(key) if c not in known and c not in extra]
        lines = []
        values = self.t.values
        for code in [*codes, *extra]:
            current, previous = values.get((key, code), (0, 0))
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


def _sections(tally: _Tally, layout: _Layout) -> tuple[Section, ...]:
    """The figures' sections from ``tally``."""
    b = _Builder(tally, layout)
    articles = []
    article_numbers, first_code = layout.article_numbers, layout.first_code
    listed = set(article_numbers)
    seen = tally.codes_of("article")
    for number in [*article_numbers, *(s for s in seen if s not in listed)]:
        current, previous = tally.get(("article", number))
        if current or previous:
            item = ("offence_articles", first_code.get(number, number))
            articles.append(Indicator(f"offences.article.{number}", ARTICLE_LABEL, current,
                                      previous, group="stats.group.by_article", item=item,
                                      params={"article": number}))
    registration_lines = []
    for measure in REGISTRATION_MEASURES:
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
    layout = _Layout(services.catalogues)
    return ActivityStats(scope, _sections(_fold(query(services, scope), layout), layout))


def compute_summary(services: Services, scope: StatsScope
                    ) -> tuple[ActivityStats, dict[str, ActivityStats]]:
    """The figures of the whole scope and of every point with records in it (one query set).

    The district summary's rows and its totals line come from the same grouped rows.
    """
    raw = query(services, scope, by_point=True)
    layout = _Layout(services.catalogues)
    tallies = {code: _fold(part, layout) for code, part in sorted(split_by_point(raw).items())}
    per_point = {}
    for code, tally in tallies.items():
        point_scope = StatsScope(scope.date_from, scope.date_to, scope.inspector_id, (code,),
                                 scope.today)
        per_point[code] = ActivityStats(point_scope, _sections(tally, layout))
    total = ActivityStats(scope, _sections(_Tally.merged(list(tallies.values())), layout))
    return total, per_point
