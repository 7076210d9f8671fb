"""`search`, `check`, `retention` and `breaches`: find persons and records; verify the database;
list the records kept past their register's retention period (``retention destroy``: destroy
them); list the art. 461 protocols that name no protective order."""

from __future__ import annotations

import argparse
import sys

from inspector_app.errors import DatabaseDamaged, InspectorError
from inspector_app.faults import clear_damage, record_damage
from inspector_app.kinds import KINDS
from inspector_app.messages import translate
from inspector_app.protection.backup import default_backup_folder
from inspector_app.protection.integrity import audit_entry_count, check_database
from inspector_app.queries.registers import REGISTERS, Filters
from inspector_app.services.breach_links import unlinked_breaches
from inspector_app.services.destruction import destroy_records, plan_destruction, retention_kinds
from inspector_app.services.people import full_name
from inspector_app.services.retention import past_retention


def register(commands) -> None:
    p = commands.add_parser("search", help="find persons and records by any words")
    p.add_argument("text", help="words to find (name parts, ИИН, phone, address, text)")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(handler=run_search)
    p = commands.add_parser("check", help="verify integrity, foreign keys and the audit trail")
    p.set_defaults(handler=run_check, works_when_damaged=True)
    p = commands.add_parser("retention",
                            help="records kept past their register's retention period")
    p.set_defaults(handler=run_retention)
    actions = p.add_subparsers(dest="retention_action", metavar="destroy")
    d = actions.add_parser("destroy", help="destroy one register's records past the period "
                                           "(the district destroys its copies too)")
    d.add_argument("--kind", default=None, metavar="KIND",
                   help="the register: appeal, crime_report, preventive_visit, registration, "
                        "offence, meeting, feedback")
    d.add_argument("--dry-run", action="store_true", help="only list what would be destroyed")
    d.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    d.add_argument("--folder", default=None, metavar="FOLDER",
                   help="backup folder whose list of destroyed records is updated too "
                        "(default: the backup command's default folder)")
    d.set_defaults(handler=run_destroy)
    p = commands.add_parser("breaches", help="protocols under КоАП art. 461 not linked to the "
                                             "protective order or special requirements")
    p.set_defaults(handler=run_breaches)


def run_search(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    persons = services.search.persons(args.text, args.limit)
    for person in persons:
        birth = person.birth_date.strftime("%d.%m.%Y") if person.birth_date else ""
        ctx.out(f"{ctx.t('register.persons')}\t{full_name(person)}\t{person.iin or ''}\t"
                f"{birth}\t{person.address}\t{person.phone}")
    hits = 0
    for register in REGISTERS.values():
        if register.name == "persons":
            continue
        rows = register.page(Filters(text=args.text), limit=args.limit)
        for row in rows:
            cells = [register.display(row, c, services.catalogues, ctx.lang)
                     for c in register.columns[:6]]
            ctx.out("\t".join([ctx.t(register.title), *cells]))
            hits += 1
    if not persons and not hits:
        ctx.out(ctx.t("search.none"))
    return 0


def run_check(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    problems = check_database(services.db)
    for problem in problems:
        ctx.error(ctx.t(problem.code, **problem.params))
    damage = [p.params["detail"] for p in problems if p.code == "check.integrity"]
    if damage:
        record_damage(ctx.db_path, damage[0])
        raise DatabaseDamaged(path=str(ctx.db_path), detail=damage[0])
    if problems:
        return 1
    clear_damage(ctx.db_path)  # sound again (e.g. repaired by hand): writes are allowed
    ctx.out(ctx.t("check.ok", entries=audit_entry_count()))
    return 0


def run_retention(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    for past in past_retention(services):
        register = REGISTERS[KINDS[past.kind].register]
        ctx.out(ctx.t(
            "retention.line", register=ctx.t(register.title), count=past.count,
            years=past.years, field=translate(f"field.{past.kind}.{past.counted_from}",
                                              ctx.lang),
            cutoff=past.cutoff.strftime("%d.%m.%Y"),
            oldest=past.oldest.strftime("%d.%m.%Y") if past.oldest else "—",
            status=ctx.t(f"retention.status.{past.status}")))
    return 0


def run_breaches(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    left = unlinked_breaches(services)
    if not left:
        ctx.out(ctx.t("breaches.none"))
        return 0
    ctx.out(ctx.t("breaches.count", count=len(left)))
    names = services.persons.full_names([u.offence.offender_id for u in left])
    for item in left:
        offence = item.offence
        reason = ctx.t("breaches.no_order") if item.candidates == 0 else \
            ctx.t("breaches.several", count=item.candidates)
        ctx.out(f"{offence.protocol_number}\t{offence.committed_at:%d.%m.%Y}\t"
                f"{names.get(offence.offender_id, '')}\t{reason}")
    return 0


def run_destroy(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    if not args.kind:
        raise InspectorError("retention.kind_missing", kinds=", ".join(retention_kinds(services)))
    plan = plan_destruction(services, args.kind)  # an unknown register is refused here
    if not args.dry_run and not args.user:  # the destruction names who did it
        raise InspectorError("retention.destroy_needs_user")
    register = ctx.t(REGISTERS[KINDS[args.kind].register].title)
    if plan.ids:
        ctx.out(ctx.t("retention.destroy_list", register=register, count=len(plan.ids),
                      cutoff=plan.cutoff.strftime("%d.%m.%Y")))
        for record_id in plan.ids:
            ctx.out(f"{record_id}\t{plan.dated[record_id]:%d.%m.%Y}")
    else:
        ctx.out(ctx.t("retention.destroy_none", register=register))
    if plan.kept:
        ctx.out(ctx.t("retention.destroy_kept", count=len(plan.kept), ids=", ".join(plan.kept)))
    if args.dry_run:
        ctx.out(ctx.t("retention.destroy_dry_run"))
        return 0
    if not plan.ids:
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise InspectorError("cli.no_tty")
        if input(ctx.t("retention.destroy_confirm", count=len(plan.ids))).strip().lower() \
                != "yes":
            ctx.out(ctx.t("retention.destroy_aborted"))
            return 1
    done = destroy_records(services, args.kind, list(plan.ids),
                           backup_folder=args.folder or default_backup_folder())
    ctx.out(ctx.t("retention.destroy_done", register=register, count=len(done.plan.ids),
                  entry=done.audit_entry))
    beside = done.beside_backups
    if beside is not None and beside.missed is None:
        ctx.out(ctx.t("retention.destroy_folder_listed", path=beside.path))
    elif beside is not None:
        ctx.out(ctx.t("retention.destroy_folder_missed", reason=beside.missed.message(ctx.lang)))
    if done.log_truncated is None:
        ctx.out(ctx.t("retention.destroy_server_vacuum"))
    elif not done.log_truncated:
        ctx.out(ctx.t("retention.destroy_log_busy"))
    return 0
