"""`stats`, `report` and `export-table`: the activity figures, printed reports, spreadsheets."""

from __future__ import annotations

import argparse
import json
from datetime import date

from inspector_app.errors import InspectorError
from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.reports import REPORT_KINDS
from inspector_app.reports.formatting import format_change, format_date, format_number
from inspector_app.services.validation import parse_date

REPORT_LANGS = ("ru", "kk", "en")
LABEL_WIDTH = 64


def _add_period(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--from", dest="date_from", required=required, metavar="DATE",
                        help="first day, dd.mm.yyyy or yyyy-mm-dd")
    parser.add_argument("--to", dest="date_to", required=required, metavar="DATE",
                        help="last day (inclusive)")
    parser.add_argument("--inspector", metavar="LOGIN", help="only this officer's records")


def register(commands) -> None:
    p = commands.add_parser("stats", help="activity figures for a period, beside last year's")
    _add_period(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run_stats)

    p = commands.add_parser("report", help="write a PDF report")
    p.add_argument("kind", choices=REPORT_KINDS)
    _add_period(p, required=False)
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--register", choices=tuple(REGISTERS), help="register to print")
    p.add_argument("--talon", metavar="NUMBER", help="talon number (report talon)")
    p.add_argument("--appeal", metavar="ID", help="appeal record id (report talon)")
    p.add_argument("--protocol", metavar="NUMBER", help="protocol number (report protocol)")
    p.add_argument("--record", metavar="ID",
                   help="offence, visit or КУИ record id (report protocol, visit, kui_notice)")
    p.add_argument("--point", action="append", default=[], metavar="CODE",
                   help="point code (repeatable; district report: default all points)")
    p.add_argument("--lang", dest="report_lang", choices=REPORT_LANGS,
                   help="language of the report (default: the messages' language)")
    p.set_defaults(handler=run_report)

    p = commands.add_parser("export-table", help="export a register to .xlsx or .csv")
    p.add_argument("register", choices=tuple(REGISTERS))
    _add_period(p, required=False)
    p.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv")
    p.add_argument("--lang", dest="report_lang", choices=REPORT_LANGS,
                   help="language of headings and titles")
    p.set_defaults(handler=run_export)


# -- shared -------------------------------------------------------------------------------
def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise InspectorError("v.bad_date", value=text) from None


def _period(args) -> tuple[date | None, date | None]:
    start, end = _date(args.date_from), _date(args.date_to)
    if (start is None) != (end is None):
        raise InspectorError("report.needs_period")
    if start and end and start > end:
        raise InspectorError("stats.bad_period", start=format_date(start), end=format_date(end))
    return start, end


def _inspector_id(services, login: str | None) -> str | None:
    if not login:
        return None
    staff = services.staff.by_login(login)
    if staff is None:
        raise InspectorError("stats.unknown_inspector", login=login)
    return staff.id


# -- stats --------------------------------------------------------------------------------
def run_stats(args: argparse.Namespace, ctx) -> int:
    from inspector_app.queries.stats import StatsScope, compute

    services = ctx.services()
    start, end = _period(args)
    scope = StatsScope(start, end, _inspector_id(services, args.inspector))
    stats = compute(services, scope)
    if args.json:
        ctx.out(json.dumps(stats.to_dict(ctx.lang, services.catalogues), ensure_ascii=False,
                           indent=1))
        return 0
    prev = stats.previous_scope
    ctx.out(ctx.t("stats.period", start=format_date(start), end=format_date(end),
                  prev_start=format_date(prev.date_from), prev_end=format_date(prev.date_to)))
    years = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    head = (f"{ctx.t('report.column.indicator'):<{LABEL_WIDTH}} {years:>12} "
            f"{ctx.t('report.column.appg'):>12} {ctx.t('report.column.change'):>8}")
    for section in stats.sections:
        ctx.out("")
        ctx.out(ctx.t(section.title).upper())
        ctx.out(head)
        group = None
        for row in section.rows:
            if row.group and row.group != group:
                ctx.out(f"  {ctx.t(row.group)}")
            group = row.group
            label = ("    " if row.group else "") + row.text(ctx.lang, services.catalogues)
            if len(label) > LABEL_WIDTH:
                label = label[:LABEL_WIDTH - 1] + "…"
            ctx.out(f"{label:<{LABEL_WIDTH}} "
                    f"{format_number(row.current, row.kind, ctx.lang):>12} "
                    f"{format_number(row.previous, row.kind, ctx.lang):>12} "
                    f"{format_change(row.change_pct, ctx.lang):>8}")
    return 0


# -- report -------------------------------------------------------------------------------
def run_report(args: argparse.Namespace, ctx) -> int:
    from inspector_app.reports import ReportRequest, find_appeal, find_offence, generate

    lang = args.report_lang or ctx.lang
    services = ctx.services()
    start, end = _period(args)
    appeal_id = record_id = None
    if args.kind == "talon":
        if not (args.talon or args.appeal):
            raise InspectorError("report.talon_needed")
        appeal_id = find_appeal(services, appeal_id=args.appeal, talon_number=args.talon).id
    elif args.kind in ("protocol", "visit", "kui_notice"):
        record_id = args.record
        if args.kind == "protocol" and args.protocol:
            record_id = find_offence(services, args.protocol).id
        if not record_id:
            raise InspectorError("report.record_needed")
    elif args.kind != "register" and start is None:
        raise InspectorError("report.needs_period")
    request = ReportRequest(args.kind, start, end, _inspector_id(services, args.inspector),
                            args.register, appeal_id, tuple(p.upper() for p in args.point), lang,
                            record_id)
    pages = generate(services, request, args.out)
    ctx.out(ctx.t("report.done", path=args.out, pages=pages))
    return 0


# -- export-table -------------------------------------------------------------------------
def run_export(args: argparse.Namespace, ctx) -> int:
    from inspector_app.queries.export_table import export_register

    lang = args.report_lang or ctx.lang
    services = ctx.services()
    start, end = _period(args)
    filters = Filters(date_from=start, date_to=end,
                      inspector_id=_inspector_id(services, args.inspector))
    rows = export_register(services, REGISTERS[args.register], filters, args.out, lang=lang)
    ctx.out(ctx.t("export.done", rows=rows, path=args.out))
    return 0
