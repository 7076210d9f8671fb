"""The benchmark runner's figures, JSON file and growth exponents (a tiny run, no timings)."""

from __future__ import annotations

import json
import math

import pytest

from bench.__main__ import exponent, growth_table, main
from bench.common import Figure


def test_exponent_of_time_against_size():
    assert exponent([1000, 2000, 4000], [1.0, 4.0, 16.0]) == pytest.approx(2.0)
    assert exponent([100_000, 1_500_000], [3.0, 3.0]) == pytest.approx(0.0)
    assert exponent([10, 100, 1000], [0.5, 1.6, 5.0]) == pytest.approx(0.5, abs=0.01)


def test_ratio_is_larger_when_worse_for_times_and_throughputs():
    slow = Figure("search", 6.0, "ms", floor=2.0, records=10)
    assert slow.ratio == 3.0 and slow.seconds() == 6.0
    rate = Figure("import", 5_000, "records/s", floor=20_000, records=100_000)
    assert rate.ratio == 4.0 and rate.seconds() == 20.0
    assert Figure("open", 0.1, "s").ratio is None
    assert set(rate.as_json()) == {"name", "value", "unit", "floor", "ratio", "records"}


def test_growth_table_prints_an_exponent_per_headline_figure():
    figures = [Figure("import, 1 000 records", r / (r / 1000) ** 1.0 * 10, "records/s",
                      floor=1, records=r, key="import rate") for r in (1000, 8000)]
    figures += [Figure("p95", 2.0 * (r / 1000) ** (1 / 3), "ms", floor=1, records=r, key="p95")
                for r in (1000, 8000)]
    table = growth_table(figures, (1000, 8000))
    rows = {line.split("(")[0].strip(): line.split()[-1] for line in table.splitlines()[2:]}
    assert rows == {"import rate": "1.00", "p95": "0.33"}


def test_tiny_growth_run_writes_every_figure_with_floor_and_ratio(tmp_path, capsys):
    out = tmp_path / "figures.json"
    assert main(["--growth", "--growth-sizes", "600,1200", "--only", "search", "--only", "open",
                 "--cache", str(tmp_path / "cache"), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert all(set(f) == {"name", "value", "unit", "floor", "ratio", "records"}
               for f in figures)
    assert {f["records"] for f in figures} == {600, 1200}
    p95 = [f for f in figures if f["name"] == "person search p95"]
    assert [f["records"] for f in p95] == [600, 1200]
    for figure in p95:
        assert figure["floor"] > 0
        assert math.isclose(figure["ratio"], figure["value"] / figure["floor"])
    assert all(f["floor"] is None and f["ratio"] is None
               for f in figures if f["name"].startswith("open_services"))
    growth = printed[printed.index("growth: time"):].splitlines()
    row = next(line for line in growth if line.strip().startswith("person search p95 (ms)"))
    values = [float(x) for x in row.split()[-3:]]
    # printed with three decimals: a fast machine's 0.046 ms is 0.0456 in the file
    assert values[:2] == pytest.approx([p95[0]["value"], p95[1]["value"]], abs=5.1e-4)
    assert values[2] == pytest.approx(
        exponent([600, 1200], [p95[0]["value"], p95[1]["value"]]), abs=0.01)


@pytest.mark.parametrize("sizes", ["1000", "a,b", "0,1000", "1000,1000"])
def test_wrong_growth_sizes_are_refused(sizes, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--growth", "--growth-sizes", sizes])
    assert exit_.value.code == 2
    assert "--growth-sizes" in capsys.readouterr().err
