"""The activity report's figures: each indicator for a period beside the same period last year.

:func:`compute` runs one aggregate query per register (GROUP BY over indexed date ranges,
both periods in one ``UNION ALL``; tombstones excluded) and folds the few grouped rows into an
:class:`ActivityStats`: sections of :class:`Indicator` rows (code, label message code, current,
previous, change in %). The same grouped rows carry the owner point, so
:func:`compute_summary` serves the district summary without another pass. ``inspector-cli
stats``, the PDF reports and the GUI all read their numbers from here.

Definitions (the period is ``[date_from, date_to]``, both inclusive; АППГ is the same dates a
year earlier, 29 February becoming 28 February):

- appeals: received in the period, by channel, topic and decision; *resolved* = of those, the
  ones resolved; *overdue* = of those, resolved after the due date or still open past it today;
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
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from inspector_app.messages import translate

if TYPE_CHECKING:
    from inspector_app.catalogues import Catalogues
    from inspector_app.services.context import Services

Number = int | float | Decimal

CURRENT, PREVIOUS = 0, 1
ROUND_KINDS = ("household_round", "apartment_round")
PROTECTIVE_ORDER = "protective_order"
MINOR_TAG = "minor_pdn"
ARTICLE_LABEL = "stats.offences.article"
MINOR_ARTICLES = ("442", "435", "127")
MIGRATION_ARTICLES = ("492", "493")
REMOVAL_SQL = ("MIN(COALESCE(r.closed_on, '9999-12-31'), "
               "COALESCE(date(r.end_date, '+1 day'), '9999-12-31'))")
"""The day a registration ``r`` stops being active: closed, or the day after its end date."""
LAST_CHECK_SQL = ("CASE WHEN r.last_check_on IS NULL OR r.last_check_on <= :ref "
                  "THEN r.last_check_on ELSE (SELECT date(MAX(v.visited_at)) "
                  "FROM preventive_visit v WHERE v.registration_id = r.id AND v.deleted = 0 "
                  "AND v.visited_at < :ref_next) END")
"""The last check of ``r`` on day ``:ref``: the stored last check (kept by the services with
every check visit) unless that came later, when the visits are read."""
DUE_SQL = (f"date(COALESCE({LAST_CHECK_SQL}, r.start_date), "
           "'+' || r.check_interval_days || ' days')")
"""The day the next check of ``r`` was due, as seen on day ``:ref``."""


def previous_year(day: date) -> date:
    """The same day a year earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class StatsScope:
    """What to count: a period, optionally one inspector and a set of points (empty: all)."""

    date_from: date
    date_to: date
    inspector_id: str | None = None
    point_codes: tuple[str, ...] = ()
    today: date | None = None

    @property
    def previous(self) -> StatsScope:
        """The same period a year earlier (АППГ)."""
        return StatsScope(previous_year(self.date_from), previous_year(self.date_to),
                          self.inspector_id, self.point_codes, self.today)


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


# -- queries ------------------------------------------------------------------------------
def day_after(day: date) -> str:
    return (day + timedelta(days=1)).isoformat()


def where_terms(table: str, inspector_column: str, scope: StatsScope) -> tuple[str, dict]:
    """The WHERE terms every query shares (tombstones, points, inspector), named parameters."""
    clauses, params = [f"{table}.deleted = 0"], {}
    if scope.point_codes:
        names = [f":point{i}" for i in range(len(scope.point_codes))]
        clauses.append(f"{table}.owner_point IN ({', '.join(names)})")
        params.update({n[1:]: code for n, code in zip(names, scope.point_codes, strict=True)})
    if scope.inspector_id:
        clauses.append(f"{table}.{inspector_column} = :inspector")
        params["inspector"] = scope.inspector_id
    return " AND ".join(clauses), params


def _point_column(table: str, by_point: bool) -> str:
    """The owner point when figures are wanted per point, else one constant group."""
    return f"{table}.owner_point" if by_point else "''"


def _covers_most(db, table: str, column: str, start: date, end: date) -> bool:
    """Whether [start, end] spans at least half the dates the table holds (two index seeks)."""
    first, last = db.execute_sql(f"SELECT (SELECT MIN({column}) FROM {table}), "
                                 f"(SELECT MAX({column}) FROM {table})").fetchone()
    if not first:
        return False
    span = (date.fromisoformat(str(last)[:10]) - date.fromisoformat(str(first)[:10])).days
    inside = (min(end, date.fromisoformat(str(last)[:10]))
              - max(start, date.fromisoformat(str(first)[:10]))).days
    return span > 0 and inside >= span / 2


def _both_periods(db, scope: StatsScope, table: str, date_column: str, inspector_column: str,
                  select: str, group: str, by_point: bool, **extra: Any) -> list[tuple]:
    """``(period, point, <select>...)`` rows for both periods, grouped; one statement.

    Periods that overlap or touch (a year and the year before; a long span) are read in one
    pass with a flag per period, so no record is read twice; distant ones (a month and the
    same month last year) as two index ranges joined by ``UNION ALL``.
    """
    where, params = where_terms(table, inspector_column, scope)
    params.update(extra)
    point = _point_column(table, by_point)
    column = f"{table}.{date_column}"
    current, previous = scope, scope.previous
    for period, bounds in ((CURRENT, current), (PREVIOUS, previous)):
        params[f"from{period}"] = bounds.date_from.isoformat()
        params[f"to{period}"] = day_after(bounds.date_to)
    if previous.date_to >= current.date_from - timedelta(days=1):
        flags = [f"({column} >= :from{p} AND {column} < :to{p})" for p in (CURRENT, PREVIOUS)]
        # most of the table: reading it in order beats jumping through the date index
        bound = f"+{column}" if _covers_most(db, table, column, previous.date_from,
                                              current.date_to) else column
        sql = (f"SELECT {flags[0]} AS in0, {flags[1]} AS in1, {point}, {select} FROM {table} "
               f"WHERE {where} AND {bound} >= :from1 AND {bound} < :to0 "
               f"GROUP BY in0, in1, {point}, {group}")
        rows = []
        for in_current, in_previous, *rest in db.execute_sql(sql, params).fetchall():
            if in_current:
                rows.append((CURRENT, *rest))
            if in_previous:
                rows.append((PREVIOUS, *rest))
        return rows
    parts = [f"SELECT {p}, {point}, {select} FROM {table} WHERE {where} "
             f"AND {column} >= :from{p} AND {column} < :to{p} GROUP BY {point}, {group}"
             for p in (CURRENT, PREVIOUS)]
    return db.execute_sql(" UNION ALL ".join(parts), params).fetchall()


def _flag_sums(column: str, codes: list[str]) -> str:
    """One ``SUM`` per code of a code-list column ("a,b"); empty lists (most) cost nothing."""
    return ", ".join(f"SUM(CASE WHEN {column} = '' THEN 0 "
                     f"ELSE instr(',' || {column} || ',', ',{code},') > 0 END)"
                     for code in codes) or "0"


def _codes(catalogues: Catalogues, name: str) -> list[str]:
    return [i.code for i in catalogues.items(name, include_inactive=True)]


@dataclass
class _Raw:
    """Grouped rows of every register, each starting with (period, point or "")."""

    appeals: list[tuple]
    visits: list[tuple]
    findings: list[str]
    registrations: list[tuple]
    offences: list[tuple]
    meetings: list[tuple]
    feedback: list[tuple]


def _query(services: Services, scope: StatsScope, by_point: bool = False) -> _Raw:
    db = services.db
    today = scope.today or services.clock.today()
    appeals = _both_periods(
        db, scope, "appeal", "received_at", "officer_id",
        "channel, topic, decision, COUNT(*), SUM(resolved_on IS NOT NULL), "
        "SUM(due_date IS NOT NULL AND COALESCE(resolved_on > due_date, due_date < :today))",
        "channel, topic, decision", by_point, today=today.isoformat())
    findings = _codes(services.catalogues, "visit_findings")
    visits = _both_periods(
        db, scope, "preventive_visit", "visited_at", "inspector_id",
        "kind, dwelling_kind, COUNT(*), COUNT(DISTINCT CASE WHEN kind IN "
        f"({', '.join(repr(k) for k in ROUND_KINDS)}) THEN "
        "COALESCE(address_id, address_text) || '|' || flat END), "
        + _flag_sums("findings", findings), "kind, dwelling_kind", by_point)
    offences = _both_periods(
        db, scope, "offence", "committed_at", "inspector_id",
        "article, penalty, COUNT(*), TOTAL(fine_mrp), TOTAL(fine_tenge), "
        "TOTAL(public_works_hours), TOTAL(arrest_days)", "article, penalty", by_point)
    meetings = _both_periods(db, scope, "meeting", "held_at", "inspector_id",
                             "kind, COUNT(*), TOTAL(attendance)", "kind", by_point)
    feedback = _both_periods(
        db, scope, "feedback", "collected_at", "inspector_id",
        # code lists ("a,b") take few distinct values: grouped by the text, split here
        "concerns, COUNT(*), TOTAL(rating), TOTAL(trusts_police)", "concerns", by_point)
    registrations = []
    for period, current in ((CURRENT, scope), (PREVIOUS, scope.previous)):
        registrations += _registrations(db, current, min(current.date_to, today), period,
                                        by_point)
    return _Raw(appeals, visits, findings, registrations, offences, meetings, feedback)


def _registrations(db, scope: StatsScope, ref: date, period: int,
                   by_point: bool) -> list[tuple]:
    """Registrations touching the period, by point, category and minor tag (one query)."""
    where, params = where_terms("r", "inspector_id", scope)
    removal = REMOVAL_SQL
    point = _point_column("r", by_point)
    due = DUE_SQL
    sql = f"""
        SELECT {period}, {point}, r.category,
               (',' || r.tags || ',' LIKE '%,{MINOR_TAG},%') AS minor,
               SUM({removal} > :to), SUM(r.start_date >= :from),
               SUM({removal} BETWEEN :from AND :to),
               SUM(EXISTS (SELECT 1 FROM preventive_visit v WHERE v.registration_id = r.id
                           AND v.deleted = 0 AND v.visited_at >= :from
                           AND v.visited_at < :to_next)),
               SUM(r.start_date <= :ref AND {removal} > :ref AND {due} < :ref)
        FROM registration r
        WHERE {where} AND r.start_date <= :to AND {removal} >= :from
        GROUP BY {point}, r.category, minor"""
    params.update({"from": scope.date_from.isoformat(), "to": scope.date_to.isoformat(),
                   "to_next": day_after(scope.date_to), "ref": ref.isoformat(),
                   "ref_next": day_after(ref)})
    return db.execute_sql(sql, params).fetchall()


# -- folding ------------------------------------------------------------------------------
class _Tally:
    """Sums per (key, period), over the grouped rows of the points asked for."""

    def __init__(self):
        self.values: dict[tuple, list] = defaultdict(lambda: [0, 0])

    def add(self, key, period: int, value: Number) -> None:
        self.values[key][period] += value

    def get(self, key) -> tuple[Number, Number]:
        pair = self.values.get(key, (0, 0))
        return pair[0], pair[1]


def _article(catalogues: Catalogues, code: str) -> str:
    item = catalogues.get("offence_articles", code)
    if item is not None and item.extra.get("article"):
        return str(item.extra["article"])
    return code.rsplit("-", 1)[0] if "-" in code else code


def _split(codes: str | None) -> list[str]:
    """The codes of a stored code list ("a,b"), each once."""
    return list(dict.fromkeys(c for c in (codes or "").split(",") if c))


def _fold(raw: _Raw, catalogues: Catalogues) -> _Tally:
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
    def __init__(self, tally: _Tally, catalogues: Catalogues):
        self.t, self.cats = tally, catalogues

    def main(self, code: str, kind: str = "count", key=None) -> Indicator:
        current, previous = self.t.get(key or code)
        return Indicator(code, f"stats.{code}", current, previous, kind)

    def breakdown(self, prefix: str, key: str, catalogue: str, group: str, *,
                  always: bool = False, extra: tuple[str, ...] = ()) -> list[Indicator]:
        """One line per catalogue item (then any unlisted code seen); zero lines dropped
        unless ``always``."""
        codes = _codes(self.cats, catalogue)
        seen = [k[1] for k in self.t.values if isinstance(k, tuple) and k[0] == key]
        codes += [c for c in seen if c not in codes and c not in extra]
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


def _sections(tally: _Tally, cats: Catalogues) -> tuple[Section, ...]:
    b = _Builder(tally, cats)
    articles = []
    article_numbers = dict.fromkeys(_article(cats, c) for c in _codes(cats, "offence_articles"))
    seen = [k[1] for k in tally.values if isinstance(k, tuple) and k[0] == "article"]
    first_code = {}
    for code in _codes(cats, "offence_articles"):
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
    raw = _query(services, scope)
    return ActivityStats(scope, _sections(_fold(raw, services.catalogues),
                                          services.catalogues))


def _by_point(raw: _Raw) -> dict[str, _Raw]:
    """The grouped rows split by their point (one pass)."""
    tables = [f.name for f in fields(_Raw) if f.name != "findings"]
    parts: dict[str, _Raw] = {}
    for name in tables:
        for row in getattr(raw, name):
            part = parts.get(row[1])
            if part is None:
                part = parts[row[1]] = _Raw(**{t: [] for t in tables}, findings=raw.findings)
            getattr(part, name).append(row)
    return parts


def compute_summary(services: Services, scope: StatsScope
                    ) -> tuple[ActivityStats, dict[str, ActivityStats]]:
    """The figures of the whole scope and of every point with records in it (one query set).

    The district summary's rows and its totals line come from the same grouped rows.
    """
    raw = _query(services, scope, by_point=True)
    cats = services.catalogues
    total = ActivityStats(scope, _sections(_fold(raw, cats), cats))
    per_point = {}
    for code, part in sorted(_by_point(raw).items()):
        point_scope = StatsScope(scope.date_from, scope.date_to, scope.inspector_id, (code,),
                                 scope.today)
        per_point[code] = ActivityStats(point_scope, _sections(_fold(part, cats), cats))
    return total, per_point
