"""OpsDesk benchmarks: ``make bench`` (``python -m benchmarks``) prints a table of figures
against their targets and merges them into ``benchmarks/results.json``.

Modules: ``generate`` (cached plans with 1k/10k/100k tasks, built through the services),
``startup`` (process spawn → first paint, and the bare-Qt baseline ``bare_qt.py``),
``writes`` (tick-off and plan-shift service timings), ``report`` (targets, table, JSON).
"""
