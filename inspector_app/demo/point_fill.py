"""One point's demo fill, made in this process or in a child process on the second core.

Making a record (the simulation, its row, its link in the audit trail's hash chain) is Python
work that takes about as long as SQLite's work storing it. For a large fill a child process
therefore makes the records and sends them in chunks down a pipe, and this process, which
owns the transaction, writes them: the two halves run on two cores. The child runs the very
same :class:`PointHistory` from the same seed, so the database ends up identical either way.
Any failure on either side ends the fill and the caller's transaction is rolled back; a
child outliving a dead parent ends at the broken pipe.
"""

from __future__ import annotations

import gc
import random
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from inspector_app.child_process import QueuedSender, receive, spawn_context
from inspector_app.demo.common import DemoError
from inspector_app.demo.generator import DemoStaff, Period, PointHistory
from inspector_app.demo.schedule import split_budget
from inspector_app.demo.world import organisations_for
from inspector_app.demo.writer import BulkWriter

Progress = Callable[[int], bool] | None


@dataclass(frozen=True)
class FillPlan:
    """What making a point's history needs (plain values: it crosses to the child)."""

    point_code: str
    records: int
    seed: int
    period: Period
    staff: list[DemoStaff]
    talons: dict[int, int]
    protocols: dict[int, int]


@dataclass
class Made:
    """What a fill made: records per table, and where the paper numbers ended."""

    counts: dict[str, int]
    talons: dict[int, int]
    protocols: dict[int, int]


def _history(services, writer: BulkWriter, plan: FillPlan) -> PointHistory:
    return PointHistory(services, writer, random.Random(plan.seed),
                        split_budget(plan.records, organisations_for), plan.period, plan.staff,
                        plan.point_code, set(), dict(plan.talons), dict(plan.protocols))


def fill_here(services, writer: BulkWriter, plan: FillPlan, progress: Progress) -> Made | None:
    """Make and write the records in this process; None when ``progress`` stopped it."""
    history = _history(services, writer, plan)
    if not writer.run(history.run, progress):
        return None
    return Made(history.counts, history.talons, history.protocols)


def fill_in_child(services, writer: BulkWriter, plan: FillPlan,
                  progress: Progress) -> Made | None:
    """Make the records in a child process and write them here; None when stopped."""
    context = spawn_context()
    receiver, sender = context.Pipe(duplex=False)
    database = services.db
    process = context.Process(
        target=_child_main, name="demo-fill", daemon=True,
        args=(sender, str(database.database), getattr(database, "database_key", None), plan,
              writer.chain_state()))
    process.start()
    sender.close()
    made: list[Made] = []

    def take_chunks() -> None:
        while True:
            try:
                kind, payload = receive(receiver)
            except EOFError:
                raise DemoError("error.demo_failed", reason="the producer process ended") \
                    from None
            if kind == "chunk":
                writer.take(payload)
            elif kind == "done":
                writer.continue_chain(payload[1])
                made.append(payload[0])
                return
            else:
                raise DemoError("error.demo_failed", reason=payload)

    try:
        finished = writer.run(take_chunks, progress)
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    return made[0] if finished else None


class _ChunkSender(BulkWriter):
    """The child's writer: each full chunk goes down the pipe instead of into the database."""

    def __init__(self, db, point_code: str, sender: QueuedSender):
        super().__init__(db, point_code)
        self.sender = sender

    def take(self, chunk: dict[type, list]) -> None:
        self.sender.send(("chunk", chunk))


def _child_main(connection, db_path: str, key: bytes | None, plan: FillPlan,
                chain: tuple[int, str, int]) -> None:
    """The producer process: make every record of ``plan``, send chunks, then the result."""
    from inspector_app.services.context import Services
    from inspector_app.storage.database import open_database

    gc.disable()  # millions of short-lived rows, no cycles: collections only cost time here
    db = open_database(db_path, credentials=key)
    sender = QueuedSender(connection, depth=3)  # a chunk is some 4 MB
    writer = _ChunkSender(db, plan.point_code, sender)
    try:
        writer.continue_chain(chain)
        history = _history(Services(db), writer, plan)
        history.run()
        writer.flush()
        sender.send(("done", (Made(history.counts, history.talons, history.protocols),
                              writer.chain_state())))
    except (BrokenPipeError, KeyboardInterrupt):
        pass
    except Exception:  # noqa: BLE001 - reported to the writing process
        try:
            sender.send(("error", traceback.format_exc(limit=5)))
        except BrokenPipeError:
            pass
    finally:
        sender.close()
        db.close()
        connection.close()
