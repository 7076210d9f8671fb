"""``python -m bench [--records 1500000] [--only NAME] [--json FILE] [--growth]``: run the
speed benchmarks.

Headline figures carry their floor (``bench.floors``: the same work done directly) and the
ratio. ``--json FILE`` writes every figure as ``{"name", "value", "unit", "floor", "ratio",
"records"}``; ``--growth`` runs the benchmarks at several region sizes (``--growth-sizes``)
and prints, per headline figure, the exponent k of time ∝ size^k.

To add one, write ``bench/bench_<name>.py`` with ``NAME`` and ``run(ctx) -> list[Figure]``
(``ctx`` is a :class:`bench.common.BenchContext`) and list it in :data:`BENCHMARKS`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import platform
import sqlite3
import sys
import time
from dataclasses import replace
from pathlib import Path

from bench.common import CACHE, BenchContext, Figure

BENCHMARKS = (
    "bench.bench_demo",
    "bench.bench_open",
    "bench.bench_search",
    "bench.bench_stats",
    "bench.bench_reports",
    "bench.bench_gui",
    "bench.bench_sync",
    "bench.bench_server",
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
    parser.add_argument("--json", type=Path, metavar="FILE",
                        help="also write every figure to FILE as a JSON list")
    parser.add_argument("--growth", action="store_true",
                        help="run at each of --growth-sizes and print time ∝ size^k per figure")
    parser.add_argument("--growth-sizes", type=_sizes, default=GROWTH_SIZES, metavar="N,N,...",
                        help="region sizes of --growth (default 100000,500000,1500000)")
    parser.add_argument("--cache", type=Path, default=CACHE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    modules = [importlib.import_module(name) for name in BENCHMARKS]
    names = [m.NAME for m in modules]
    unknown = set(args.only or ()) - set(names)
    if unknown:
        parser.error(f"unknown benchmark {', '.join(sorted(unknown))}; known: {', '.join(names)}")
    chosen = [m for m in modules if not args.only or m.NAME in args.only]
    if args.growth:  # the demo fill writes its own records, whatever the region's size
        chosen = [m for m in chosen if m.NAME != "demo"]
    print(f"inspector-app benchmarks {time.strftime('%Y-%m-%d %H:%M')} | Python "
          f"{platform.python_version()} | SQLite {sqlite3.sqlite_version} | "
          f"load {' '.join(f'{x:.2f}' for x in _load())}")
    figures: list[Figure] = []
    for records in args.growth_sizes if args.growth else [args.records]:
        if args.growth:
            print(f"== {records:,} records".replace(",", " "), flush=True)
        ctx = BenchContext(records, args.seed, args.demo_records, args.rebuild, args.cache)
        for module in chosen:
            print(f"{module.NAME}:", flush=True)
            for figure in module.run(ctx):
                if figure.records is None:
                    figure = replace(figure, records=records)
                print(figure.row(), flush=True)
                figures.append(figure)
    missed = sum(figure.ok is False for figure in figures)
    if missed:
        print(f"{missed} target(s) missed")
    if args.growth:
        print(growth_table(figures, args.growth_sizes))
    if args.json:
        args.json.write_text(json.dumps([f.as_json() for f in figures], ensure_ascii=False,
                                        indent=1), encoding="utf-8")
    return 0


GROWTH_SIZES = (100_000, 500_000, 1_500_000)


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(part) for part in text.split(",")}))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of record counts: {text!r}") from None
    if len(sizes) < 2 or sizes[0] < 1:
        raise argparse.ArgumentTypeError("give at least two different positive sizes")
    return sizes


def exponent(sizes: list[float], times: list[float]) -> float:
    """k of ``time ∝ size^k``: the least-squares slope of log(time) over log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in times]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return (sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
            / sum((x - mean_x) ** 2 for x in xs))


def growth_table(figures: list[Figure], sizes: tuple[int, ...]) -> str:
    """Per headline figure (one with a floor), its value at each size and the exponent k
    (for a throughput, of the time its records took)."""
    lines = ["growth: time ∝ size^k", "  " + f"{'figure':<46}" + "".join(
        f"{size:>12,}".replace(",", " ") for size in sizes) + f"{'k':>8}"]
    by_key: dict[str, dict[int, Figure]] = {}
    for figure in figures:
        if figure.key:
            by_key.setdefault(figure.key, {})[figure.records] = figure
    for key, at in by_key.items():
        measured = [s for s in sizes if s in at and at[s].seconds() > 0]
        k = (f"{exponent(measured, [at[s].seconds() for s in measured]):8.2f}"
             if len(measured) >= 2 else f"{'-':>8}")
        unit = next(iter(at.values())).unit
        lines.append(f"  {key + ' (' + unit + ')':<46}" + "".join(
            f"{at[s].value:>12.3f}" if s in at else f"{'':>12}" for s in sizes) + k)
    return "\n".join(lines)


def _load() -> tuple[float, ...]:
    try:
        with open("/proc/loadavg") as f:
            return tuple(float(x) for x in f.read().split()[:3])
    except OSError:
        return ()


if __name__ == "__main__":
    sys.exit(main())
