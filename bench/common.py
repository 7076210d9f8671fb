"""What every benchmark shares: the figures it reports, timing helpers, the cached databases.

The region-size database (``--records``, 92 points over ten years, built by the demo
generator as a district office would hold it after sync) is built once into
``bench/.cache`` and reused while the generator, the schema and the arguments stay the same.
Every benchmark uses the same fixed clock, so the cached data never lies in the future.
"""

from __future__ import annotations

import hashlib
import math
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from inspector_app.domain.clock import FixedClock

try:
    import fcntl
except ImportError:  # Windows: runs are not expected to overlap there
    fcntl = None

BENCH_NOW = datetime(2026, 11, 25, 10, 30)
CACHE = Path(__file__).resolve().parent / ".cache"
REGION_POINTS = 92
REGION_YEARS = 10


@dataclass(frozen=True)
class Figure:
    """One measured figure; ``target`` as text (e.g. "< 0.2 s"), ``ok`` None when no target."""

    name: str
    value: float
    unit: str
    target: str = ""
    ok: bool | None = None
    note: str = ""
    floor: float | None = None
    """The same work done directly (``bench.floors``), in the same unit, measured this run."""
    records: int | None = None
    """The records the work was done on: the region's size, or the records written."""
    key: str = ""
    """A name that stays the same at every size (the growth table's rows); the name if empty."""

    @property
    def throughput(self) -> bool:
        return self.unit.endswith("/s")

    @property
    def ratio(self) -> float | None:
        """How many times the floor's cost this is: value / floor (floor / value for a
        throughput), larger is worse."""
        if not self.floor or not self.value:
            return None
        return self.floor / self.value if self.throughput else self.value / self.floor

    def seconds(self) -> float:
        """The figure as a time: a throughput is turned into the time for its records."""
        return (self.records or 0) / self.value if self.throughput else self.value

    def as_json(self) -> dict:
        return {"name": self.key or self.name, "value": self.value, "unit": self.unit,
                "floor": self.floor, "ratio": self.ratio, "records": self.records}

    def row(self) -> str:
        verdict = {True: "met", False: "MISSED", None: ""}[self.ok]
        floor = ""
        if self.floor is not None:
            floor = f"floor {_number(self.floor)}, {self.ratio:.1f}x"
        return (f"  {self.name:<46} {_number(self.value):>12} {self.unit:<10} "
                f"{self.target:<12} {verdict:<7} {floor:<22} {self.note}")


def _number(value: float) -> str:
    return grouped(value) if value >= 100 else f"{value:.3f}"


def grouped(number: float) -> str:
    """``1 500 000``: thousands separated by spaces, as Russian readers write them."""
    return f"{number:,.0f}".replace(",", " ")


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds ``action()`` took, and what it returned."""
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def cpu_timed(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall seconds and this thread's CPU seconds ``action()`` took, and what it returned.

    On a machine shared beyond its cores, a short call that loses its core waits a whole
    time slice (10-30 ms seen at load 8 on 2 cores); its CPU time stays what it needed."""
    wall, cpu = time.perf_counter(), time.thread_time()
    result = action()
    return time.perf_counter() - wall, time.thread_time() - cpu, result


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile (0..1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@contextmanager
def build_lock(cache: Path) -> Iterator[None]:
    """Hold the cache folder's lock (POSIX): one run at a time builds a cached database."""
    with open(cache / ".build.lock", "w") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _source_digest() -> str:
    """Changes when the demo generator or the schema changes (the cache is then rebuilt)."""
    from inspector_app.storage.migrations import LATEST_VERSION

    digest = hashlib.sha1(str(LATEST_VERSION).encode())
    demo = Path(__file__).resolve().parents[1] / "inspector_app" / "demo"
    for path in sorted(demo.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


class BenchContext:
    """The options, the fixed clock and the cached region database of one run."""

    def __init__(self, records: int, seed: int, demo_records: int, rebuild: bool = False,
                 cache: Path = CACHE):
        self.cache = cache
        self.records = records
        self.seed = seed
        self.demo_records = demo_records
        self.rebuild = rebuild
        self.clock = FixedClock(BENCH_NOW)
        self.built: tuple[int, float] | None = None  # (records, seconds) if built this run
        self._region: Path | None = None

    def say(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def region_path(self) -> Path:
        """The cached region database, built first if missing, unfinished or out of date.

        The name carries a digest of the generator's and schema's sources (taken once per
        run); a ``.done`` file beside it says the build finished.
        """
        if self._region is not None:
            return self._region
        self.cache.mkdir(parents=True, exist_ok=True)
        with build_lock(self.cache):  # another run building the same file: wait for it, then reuse
            self._region = self._region_locked()
        return self._region

    def _region_locked(self) -> Path:
        name = f"region-{self.records}-seed{self.seed}-{_source_digest()}.db"
        path = self.cache / name
        done = self.cache / (name + ".done")
        if done.exists() and path.exists() and not self.rebuild:
            return path
        for old in self.cache.glob(f"region-{self.records}-seed{self.seed}-*"):  # out of date
            shutil.rmtree(old) if old.is_dir() else old.unlink()
        from inspector_app.demo import create_demo_district

        self.say(f"building {path.name}: {self.records:,} records, {REGION_POINTS} points, "
                 f"{REGION_YEARS} years (once; reused afterwards)")
        last = [-1]

        def progress(done: int, total: int) -> bool:
            tenth = 10 * done // max(1, total)
            if tenth != last[0]:
                last[0] = tenth
                self.say(f"  {10 * tenth}%")
            return True

        seconds, services = timed(lambda: create_demo_district(
            path, self.records, REGION_POINTS, self.seed, years=REGION_YEARS, clock=self.clock,
            progress=progress))
        services.db.close()
        done.write_text(f"{self.records} records built in {seconds:.0f} s\n")
        self.built = (self.records, seconds)
        return path

    def open_region(self):
        """Services of the cached region database (the caller closes ``services.db``)."""
        from inspector_app.services.setup import open_services

        return open_services(self.region_path(), clock=self.clock)
