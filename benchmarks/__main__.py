"""``python -m benchmarks`` (``make bench``): measure, print a table, write results.json.

results.json holds this run's figures only: one not measured here (a part not run, failed,
or unable to run, e.g. without a PostgreSQL server) is null, and the run says which.

Run headless with ``QT_QPA_PLATFORM=offscreen`` (the Makefile does); the GUI timings run the
app in child processes, the service timings run in this one.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchmarks
from benchmarks import generate, report, startup, writes

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "opsdesk.db.sample"
CORE_PARTS = ("sample", "startup", "open", "writes")


def plugin_parts() -> dict[str, object]:
    """``benchmarks/bench_<part>.py`` modules, each with ``TARGETS`` (merged into the
    report's) and ``run(plans, log) -> dict[str, float]``; ``plans`` maps task counts
    (1k, 10k, 100k) to ``generate.Generated`` (copy ``plans[n].path`` before writing)."""
    found = {}
    for info in pkgutil.iter_modules(benchmarks.__path__):
        if info.name.startswith("bench_"):
            module = importlib.import_module(f"benchmarks.{info.name}")
            found[info.name.removeprefix("bench_")] = module
            report.TARGETS.update(getattr(module, "TARGETS", {}))
    return found


PLUGINS = plugin_parts()
PARTS = CORE_PARTS + tuple(PLUGINS)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def sample_for_startup(tmp: Path, fallback: generate.Generated
                       ) -> tuple[Path, str | None, str | None, str]:
    """(database, login, today, note) to time the cold start on."""
    if SAMPLE.exists():
        return SAMPLE, None, None, "opsdesk.db.sample"
    out = tmp / "sample.db"
    log("opsdesk.db.sample is missing: building one with `python -m opsdesk sample`…")
    try:
        subprocess.run([sys.executable, "-m", "opsdesk", "sample", "--out", str(out)], cwd=ROOT,
                       check=True, capture_output=True, text=True, timeout=600)
        return out, None, None, "sample built by `opsdesk sample` (opsdesk.db.sample missing)"
    except (subprocess.SubprocessError, OSError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        log(f"  that failed ({detail.strip().splitlines()[-1] if detail.strip() else exc}); "
            "using the generated 1k-task plan instead")
        return (Path(fallback.path), fallback.manager_login, fallback.as_of,
                "generated 1k plan (no sample could be built)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--only", action="append", choices=PARTS,
                        help="run only these parts (repeatable); default: all")
    parser.add_argument("--strict", action="store_true",
                        help="exit with status 1 when a figure misses its target")
    args = parser.parse_args(argv)
    parts = set(args.only or PARTS)
    began = time.perf_counter()

    plans = {n: generate.cached(n, log=log) for n in generate.SIZES}
    results: dict[str, float | None] = {}
    notes: dict[str, str] = {}

    if "sample" in parts:
        if SAMPLE.exists():
            results["sample_db_mb"] = round(SAMPLE.stat().st_size / 1e6, 2)
        else:
            notes["sample_db_mb"] = "opsdesk.db.sample does not exist yet"

    if "writes" in parts:
        log("tick-off and shift on a copy of the 10k plan…")
        results.update(writes.tickoff_and_shift(plans[10_000], log=log))

    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        if "startup" in parts:
            db, login, today, what = sample_for_startup(Path(tmp), plans[1_000])
            log(f"cold start on a copy of {what}, interleaved with bare Qt…")
            results.update(startup.cold_start(db, login, today=today, log=log))
            if db != SAMPLE:
                notes["cold_start_s"] = f"on the {what}"

        if "open" in parts:
            big = plans[100_000]
            log("opening the 100k-task plan…")
            login = startup.signin_login(Path(big.path))  # (the manager has a password)
            results["open_100k_first_paint_s"] = startup.open_first_paint(
                Path(big.path), login, big.as_of, log=log)

    for name, module in PLUGINS.items():
        if name in parts:
            log(f"{name}…")
            try:
                results.update(module.run(plans, log))
            except Exception as exc:  # one broken part must not lose the others' figures
                notes[name] = f"failed: {type(exc).__name__}: {exc}"
                log(f"  {name} failed: {exc!r}")
                for key in getattr(module, "TARGETS", {}):
                    notes.setdefault(key, f"null: the {name} part failed ({type(exc).__name__})")

    path = report.RESULTS
    report.write_results(results, path)
    print(report.table(results, notes))
    print(f"\nwritten to {path.relative_to(ROOT)} "
          f"({time.perf_counter() - began:.0f} s in all)")
    missing = report.not_measured(results)
    if missing:
        print("not measured in this run, written as null: " + ", ".join(missing))
    misses = report.missed(results)
    if misses:
        print("missed targets: " + ", ".join(misses))
    broken = sorted(name for name, note in notes.items()
                    if name in PARTS and note.startswith("failed"))
    if broken:  # their figures in results.json are null: say so, and fail the make
        print("FAILED parts (their figures are null): " + ", ".join(broken))
        return 2
    return 1 if (misses and args.strict) else 0


if __name__ == "__main__":
    raise SystemExit(main())
