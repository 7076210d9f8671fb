"""`demo`: fill a point database with realistic, reproducible demo data."""

from __future__ import annotations

import argparse
import sys

from inspector_app.demo import (
    DEMO_ACCOUNTS,
    DemoCancelled,
    create_demo_point,
    demo_complete,
    discard_database,
    fill_demo,
)
from inspector_app.errors import InspectorError
from inspector_app.protection.instance_lock import InstanceLock


def register(commands) -> None:
    accounts = ", ".join(f"{login} / {password}" for login, password, *_ in DEMO_ACCOUNTS)
    p = commands.add_parser(
        "demo", help="fill a new point database with demo data (never a database in use)",
        description="Writes RECORDS demo records (persons, area passport, all six registers) "
                    "over the last YEARS years up to today. The same seed gives the same "
                    "data. The database must hold no persons or registers yet. With --create "
                    f"a new demo point ATY-017 is made first, with the accounts {accounts}.")
    p.add_argument("--records", type=int, required=True, metavar="N",
                   help="how many records to write (0 or more)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--years", type=int, default=3, choices=range(1, 21), metavar="YEARS",
                   help="years of history, 1 to 20 (default 3)")
    p.add_argument("--create", action="store_true",
                   help="create the database file as a new demo point first")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(handler=run_demo, needs_database=False)  # --create makes it


def run_demo(args: argparse.Namespace, ctx) -> int:
    if args.records < 0:
        raise InspectorError("demo.bad_records", records=args.records)
    # One long writing transaction: not beside an open desktop client, whose saves would
    # wait longer than the busy timeout.
    with InstanceLock(ctx.db_path):
        return _fill(args, ctx)


def _fill(args: argparse.Namespace, ctx) -> int:
    progress = None if args.quiet else _progress_printer()
    if args.create:
        services = create_demo_point(ctx.db_path)
        ctx.out(ctx.t("demo.created_plain", path=ctx.db_path))
    else:
        services = ctx.services()
    try:
        result = fill_demo(services, args.records, seed=args.seed, years=args.years,
                           progress=progress)
        if result.cancelled:
            raise DemoCancelled()
    except BaseException:
        if args.create:
            discard_database(services, ctx.db_path)
        raise
    if args.create:
        demo_complete(ctx.db_path)
        ctx.adopt(services)
    if progress is not None:
        print(file=sys.stderr)
    ctx.out(ctx.t("demo.done", records=result.total, seconds=round(result.seconds, 1),
                  rate=round(result.per_second), first=f"{result.first_day:%d.%m.%Y}",
                  last=f"{result.last_day:%d.%m.%Y}"))
    for table, count in result.counts.items():
        ctx.out(f"  {table}\t{count}")
    return 0


def _progress_printer():
    last = [-1]

    def show(done: int, total: int) -> bool:
        percent = 100 * done // total if total else 100
        if percent != last[0]:
            last[0] = percent
            print(f"\r{percent:3d}%", end="", file=sys.stderr, flush=True)
        return True

    return show
