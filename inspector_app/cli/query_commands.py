"""`search`, `check` and `retention`: find persons and records; verify the database; list
the records kept past their register's retention period."""

from __future__ import annotations

import argparse

from inspector_app.errors import DatabaseDamaged
from inspector_app.faults import clear_damage, record_damage
from inspector_app.kinds import KINDS
from inspector_app.messages import translate
from inspector_app.protection.integrity import audit_entry_count, check_database
from inspector_app.queries.registers import REGISTERS, Filters
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
