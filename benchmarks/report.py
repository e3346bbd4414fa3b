"""The targets, the printed table, and ``benchmarks/results.json`` (one flat object).

Every figure in results.json comes from the run that wrote it: a figure this run did not
measure (its part was not run, failed, or could not run here) is written as null, never
kept from an earlier run."""

from __future__ import annotations

import json
import os
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"

# metric → (the limit it must not exceed, what the figure is)
TARGETS: dict[str, tuple[float | None, str]] = {
    "cold_start_s": (None, "sample db: spawn → main window's first paint (median of 5)"),
    "cold_start_data_s": (None, "sample db: spawn → overview painted with its data"),
    "bare_qt_start_s": (None, "bare QMainWindow: spawn → first paint (median of 5)"),
    "cold_start_ratio": (2.5, "cold_start_s / bare_qt_start_s"),
    "open_100k_first_paint_s": (1.0, "100k-task db: spawn → overview painted with data (median of 3)"),
    "tickoff_service_ms_p50": (5.0, "tasks.tick_off on the 10k plan, 200 calls"),
    "tickoff_service_ms_p95": (None, "tasks.tick_off on the 10k plan, 200 calls"),
    "shift_10k_plan_s": (1.0, "plans.shift of the 10k plan (median of 3)"),
    "sample_db_mb": (2.0, "size of opsdesk.db.sample"),
}


def missed(results: dict[str, float | None]) -> list[str]:
    return [k for k, v in results.items()
            if v is not None and k in TARGETS and TARGETS[k][0] is not None and v > TARGETS[k][0]]


def not_measured(results: dict[str, float | None]) -> list[str]:
    """The known figures this run has no value for (written as null)."""
    return [k for k in TARGETS if results.get(k) is None]


def table(results: dict[str, float | None], notes: dict[str, str] | None = None) -> str:
    notes = notes or {}
    rows = [("metric", "value", "target", "", "what")]
    for key, (limit, what) in TARGETS.items():
        if results.get(key) is None:
            rows.append((key, "null", "", "skip", notes.get(key, "not measured in this run")))
            continue
        value = results[key]
        if limit is None:
            target, verdict = "", ""
        else:
            target, verdict = f"≤ {limit:g}", "ok" if value <= limit else "MISS"
        rows.append((key, f"{value:g}", target, verdict, notes.get(key, what)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)) + "  " + r[4])
        if n == 0:
            lines.append("-" * (sum(widths) + 8 + max(len(r[4]) for r in rows)))
    return "\n".join(lines)


def write_results(results: dict[str, float | None], path: Path = RESULTS
                  ) -> dict[str, float | None]:
    """Write this run's ``results`` to ``path``, replacing what was there: every known figure
    (``TARGETS``) is in it, null when this run did not measure it."""
    merged: dict[str, float | None] = {key: None for key in TARGETS}
    merged.update(results)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(merged, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return merged
