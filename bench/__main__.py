"""``python -m bench [--records 1500000] [--only NAME]``: run the speed benchmarks.

To add one, write ``bench/bench_<name>.py`` with ``NAME`` and ``run(ctx) -> list[Figure]``
(``ctx`` is a :class:`bench.common.BenchContext`) and list it in :data:`BENCHMARKS`.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sqlite3
import sys
import time

from bench.common import BenchContext

BENCHMARKS = (
    "bench.bench_demo",
    "bench.bench_open",
    "bench.bench_search",
    "bench.bench_stats",
    "bench.bench_reports",
    "bench.bench_gui",
    "bench.bench_sync",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--records", type=int, default=1_500_000,
                        help="records of the cached region database (default 1,500,000)")
    parser.add_argument("--demo-records", type=int, default=200_000,
                        help="records written by the demo speed benchmark (default 200,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only this benchmark (repeatable)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    args = parser.parse_args(argv)
    modules = [importlib.import_module(name) for name in BENCHMARKS]
    names = [m.NAME for m in modules]
    unknown = set(args.only or ()) - set(names)
    if unknown:
        parser.error(f"unknown benchmark {', '.join(sorted(unknown))}; known: {', '.join(names)}")
    ctx = BenchContext(args.records, args.seed, args.demo_records, args.rebuild)
    print(f"inspector-app benchmarks {time.strftime('%Y-%m-%d %H:%M')} | Python "
          f"{platform.python_version()} | SQLite {sqlite3.sqlite_version} | "
          f"load {' '.join(f'{x:.2f}' for x in _load())}")
    missed = 0
    for module in modules:
        if args.only and module.NAME not in args.only:
            continue
        print(f"{module.NAME}:", flush=True)
        for figure in module.run(ctx):
            print(figure.row(), flush=True)
            missed += figure.ok is False
    if missed:
        print(f"{missed} target(s) missed")
    return 0


def _load() -> tuple[float, ...]:
    try:
        with open("/proc/loadavg") as f:
            return tuple(float(x) for x in f.read().split()[:3])
    except OSError:
        return ()


if __name__ == "__main__":
    sys.exit(main())
