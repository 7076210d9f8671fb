"""Person search over the region database: 200 queries of name prefixes, ИИН prefixes and
phone fragments taken from real rows (target p95 < 50 ms)."""

from __future__ import annotations

import random
import statistics

from bench.common import BenchContext, Figure, cpu_timed, grouped, percentile

NAME = "search"
TARGET_MS = 50
QUERIES = 200


def queries(rng: random.Random, persons: list[tuple[str, str, str, str]]) -> list[str]:
    """Typed the way a user types: 4-6 letters of a surname (perhaps lower case, perhaps
    with a first-name prefix), 6-10 leading ИИН digits, or a phone fragment."""
    result = []
    for index in range(QUERIES):
        surname, first_name, iin, phone = persons[rng.randrange(len(persons))]
        kind = index % 10
        if kind < 4:
            text = surname[:rng.randint(4, 6)]
            if rng.random() < 0.4:
                text += " " + first_name[:rng.randint(2, 3)]
            result.append(text.lower() if rng.random() < 0.5 else text)
        elif kind < 7 and iin:
            result.append(iin[:rng.randint(6, 10)])
        elif phone:
            digits = "".join(ch for ch in phone if ch.isdigit())
            result.append(f"{digits[1:4]} {digits[4:7]}" if rng.random() < 0.5
                          else digits[-7:][:rng.randint(4, 7)])
        else:
            result.append(surname[:5])
    return result


def run(ctx: BenchContext) -> list[Figure]:
    from bench.floors import PrefixFloor
    from inspector_app.storage.models import Person

    services = ctx.open_region()
    floor = PrefixFloor(ctx.region_path())
    try:
        sample = services.db.execute_sql(
            "SELECT surname, first_name, iin, phone FROM person WHERE rowid % 37 = 0").fetchall()
        texts = queries(random.Random(ctx.seed), sample)
        services.search.persons(texts[0])  # first query loads the statement cache
        floor.lookup(texts[0])
        times, cpu, floors, floors_cpu, found = [], [], [], [], 0
        for text in texts:  # the app and its floor in turn, so both see the same machine
            seconds, cpu_seconds, hits = cpu_timed(
                lambda text=text: services.search.persons(text, 50))
            times.append(seconds * 1000)
            cpu.append(cpu_seconds * 1000)
            found += bool(hits)
            seconds, cpu_seconds, _ = cpu_timed(lambda text=text: floor.lookup(text, 50))
            floors.append(seconds * 1000)
            floors_cpu.append(cpu_seconds * 1000)
        total = Person.select().count()
    finally:
        floor.close()
        services.db.close()
    p95 = percentile(times, 0.95)
    note = f"{grouped(total)} persons; {found}/{len(texts)} queries found someone"
    return [Figure(f"person search p95 ({len(texts)} queries)", p95, "ms", f"< {TARGET_MS}",
                   p95 < TARGET_MS, note, floor=percentile(floors, 0.95), records=ctx.records,
                   key="person search p95"),
            Figure("person search p95, CPU time", percentile(cpu, 0.95), "ms",
                   note="the same queries, without the waits for a core",
                   floor=percentile(floors_cpu, 0.95), records=ctx.records,
                   key="person search p95, CPU time"),
            Figure("person search median", statistics.median(times), "ms",
                   floor=statistics.median(floors), records=ctx.records),
            Figure("person search slowest", max(times), "ms", records=ctx.records)]
