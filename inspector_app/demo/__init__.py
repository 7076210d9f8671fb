"""Demo data: a point's realistic, reproducible history for trying the app and measuring it.

``fill_demo(services, records)`` writes ``records`` travelling records (persons, the area
passport and the six registers, mixed as in an inspector's work) over the last ``years``
years up to the clock's today. The same seed gives the same data, ids included. Records are
stored exactly as the services would store them (stamps, change sequence, search text,
audit trail, talon and protocol numbers continuing in ``number_sequence``) but written in
bulk, over ten thousand a second. ``create_demo_database`` makes a new demo point with
three accounts (see :data:`DEMO_ACCOUNTS`); ``create_demo_district`` a district office
database holding many points' histories as sync delivers them (region-size benchmarks).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from inspector_app.child_process import children_available
from inspector_app.demo.common import (
    Cancelled,
    DemoCancelled,
    DemoError,
    DemoResult,
    discard_database,
    load_sequences,
    make_period,
    point_staff,
    refuse_used_database,
    remove_files_of,
    store_sequences,
)
from inspector_app.demo.point_fill import FillPlan, fill_here, fill_in_child
from inspector_app.demo.region import create_demo_district, fill_demo_district
from inspector_app.demo.writer import BulkWriter
from inspector_app.domain.clock import Clock
from inspector_app.domain.permissions import Action, Role
from inspector_app.faults import reported
from inspector_app.services.context import Services
from inspector_app.services.setup import FirstAccount, PointProfile, create_database
from inspector_app.storage.database import pragma_while
from inspector_app.storage.models import Staff

__all__ = [
    "DEMO_ACCOUNTS", "DEMO_LOGIN", "DEMO_PASSWORD", "DEMO_PROFILE", "DemoCancelled",
    "DemoError", "DemoResult", "create_demo_database", "create_demo_district",
    "create_demo_point", "discard_database", "fill_demo", "fill_demo_district",
]

DEMO_PROFILE = PointProfile(
    code="ATY-017", name="УПП №17 «Жилгородок»", district="Атырау",
    address="г. Атырау, мкр. Жилгородок, ул. Сатпаева, 17", region="Атырауская область",
    department="УП г. Атырау",
)
DEMO_LOGIN = "demo"
DEMO_PASSWORD = "demo-inspector"
DEMO_ACCOUNTS = (
    # login, password, full name, role, rank, badge
    (DEMO_LOGIN, DEMO_PASSWORD, "Сейтжанов Арман Бауыржанұлы", Role.INSPECTOR, "captain",
     "АТ-01734"),
    ("kenzhebaev", "demo-senior", "Кенжебаев Нурлан Маратович", Role.SENIOR_INSPECTOR, "major",
     "АТ-00912"),
    ("utegenova", "demo-assistant", "Утегенова Динара Ерлановна", Role.ASSISTANT, "sergeant",
     "АТ-02251"),
)
"""The demo point's accounts. The demo inspector's password contains its login, which the
password rules refuse for real accounts; it is set for the demo database only."""



CHILD_PROCESS_RECORDS = 20_000
"""From this many records on, :func:`fill_demo` makes them in a child process (see
:mod:`inspector_app.demo.point_fill`); below it, starting one costs more than it saves."""


def fill_demo(services: Services, records: int, seed: int = 1, years: int = 3,
              progress: Callable[[int, int], bool] | None = None, *,
              in_child: bool | None = None) -> DemoResult:
    """Write ``records`` demo records into the point of ``services`` (one transaction).

    ``progress(done, total)`` is called as the work goes; returning ``False`` cancels and
    rolls everything back. Refuses a database that already holds persons or registers:
    demo data must never mix with real citizens' data. ``in_child`` chooses where the
    records are made (default: a child process from :data:`CHILD_PROCESS_RECORDS` on, when
    this program may start one); the data is the same either way.

    The fill and the checkpoint after it skip fsync (``synchronous = OFF``): a power cut in
    those seconds can cost the demo database, which holds nothing but demo data (see
    :func:`refuse_used_database`), and writing is faster by the time of a flush to disk.
    """
    services.require(Action.CREATE, "person")
    if records < 0:
        raise ValueError("records must be >= 0")
    refuse_used_database()
    started = time.perf_counter()
    period = make_period(services.clock, years)
    point_code = services.point_code
    plan = FillPlan(point_code, records, seed, period, point_staff(point_code),
                    load_sequences(point_code, "talon"), load_sequences(point_code, "protocol"))
    if in_child is None:
        in_child = records >= CHILD_PROCESS_RECORDS and children_available()
    result = DemoResult(first_day=period.days[0], last_day=period.days[-1])
    services.catalogues.mrp_table()  # load the cached catalogues before the producer runs
    report = None
    if progress is not None:
        def report(done: int) -> bool:
            return progress(min(done, records), records)
    try:
        with pragma_while(services.db, "synchronous", "OFF"), services.db.atomic():
            if progress is not None and progress(0, records) is False:
                raise Cancelled
            writer = BulkWriter(services.db, point_code)
            made = (fill_in_child if in_child else fill_here)(services, writer, plan, report)
            if made is None:
                raise Cancelled
            store_sequences(point_code, "talon", made.talons)
            store_sequences(point_code, "protocol", made.protocols)
    except Cancelled:
        result.cancelled = True
        result.seconds = time.perf_counter() - started
        return result
    result.counts = dict(sorted(made.counts.items()))
    result.seconds = time.perf_counter() - started
    return result


def create_demo_point(path: str | Path, *, clock: Clock | None = None) -> Services:
    """A new, empty demo point database at ``path`` with the :data:`DEMO_ACCOUNTS`.

    The point is ``ATY-017`` «Жилгородок» (Атырау, УП г. Атырау); no one is logged in.
    Until :func:`demo_complete` is called a marker beside the file says the point is still
    being made: a ``demo --create`` killed half-way leaves a file the next one replaces
    instead of refusing it as "not empty".
    """
    from inspector_app.services.accounts import hash_password

    path = Path(path)
    marker = _creating_marker(path)
    if marker.exists():  # a killed demo --create: start again from nothing
        remove_files_of(path)
    fresh = not path.exists()
    with reported(path):
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("demo --create", encoding="utf-8")
    login, password, name, first_role, rank, badge = DEMO_ACCOUNTS[0]
    try:
        services = create_database(
            path, DEMO_PROFILE,
            FirstAccount(login=login, full_name=name, password="Placeholder-2026-kz",
                         rank=rank, badge_number=badge, role=first_role),
            clock=clock)
    except BaseException:
        if fresh:
            remove_files_of(path)
        else:  # somebody's file was there (and refused): leave it as it was
            marker.unlink(missing_ok=True)
        raise
    try:
        with services.db.atomic():
            for other_login, other_password, other_name, role, other_rank, other_badge in \
                    DEMO_ACCOUNTS[1:]:
                services.staff.create({
                    "login": other_login, "password": other_password, "full_name": other_name,
                    "role": role, "rank": other_rank, "badge_number": other_badge,
                    "position": "",
                })
            # The password hash is masked in the audit trail, so setting it leaves no trace
            # to fake; only the demo account gets a password the rules would refuse.
            Staff.update(password_hash=hash_password(password)).where(
                Staff.login == login).execute()
    except BaseException:
        discard_database(services, path)
        raise
    return services


def create_demo_database(path: str | Path, records: int, seed: int = 1, *, years: int = 3,
                         clock: Clock | None = None,
                         progress: Callable[[int, int], bool] | None = None) -> Services:
    """A new demo point database at ``path`` filled by :func:`fill_demo`.

    The returned services are logged in as the demo inspector (``demo`` / ``demo-inspector``).
    If the progress callback cancels (:class:`DemoCancelled`) or anything fails, the new file
    is removed again.
    """
    services = create_demo_point(path, clock=clock)
    try:
        result = fill_demo(services, records, seed=seed, years=years, progress=progress)
        if result.cancelled:
            raise DemoCancelled()
        services.login(DEMO_LOGIN, DEMO_PASSWORD)
    except BaseException:
        discard_database(services, path)
        raise
    demo_complete(path)
    return services


CREATING_SUFFIX = ".demo-creating"


def _creating_marker(path: Path) -> Path:
    return path.with_name(path.name + CREATING_SUFFIX)


def demo_complete(path: str | Path) -> None:
    """The demo point at ``path`` is whole (see :func:`create_demo_point`)."""
    _creating_marker(Path(path)).unlink(missing_ok=True)
