"""Speed benchmarks of inspector-app: ``python -m bench`` (see ``bench/__main__.py``).

Each benchmark is a module with ``NAME`` and ``run(ctx) -> list[Figure]``, listed in
:data:`bench.__main__.BENCHMARKS`. They print figures, not pass/fail: results and the machine
they ran on go to ``docs/benchmarks.md``.
"""
