"""The frozen desktop app (``make dist``, issue #18): its size, and its start next to the
virtual environment's.

- ``dist_size_mb``: the bytes of every file in ``dist/OpsDesk/`` (MB = 10^6 bytes, as
  ``sample_db_mb``).
- ``frozen_open_ratio``: spawn → the overview painted with the sample's data
  (``opsdesk:data-ready``, as ``cold_start_data_s`` in ``startup.py``), the frozen
  executable's median over the virtual environment's (``python main.py``), the two
  interleaved in the same run, on the same copy of the sample, with the same environment.

Both are null when ``dist/OpsDesk`` has not been built (``make dist``), or was built before
the code last changed (``newer_sources``): the benchmark does not build it.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks import startup

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "OpsDesk"
SAMPLE = ROOT / "opsdesk.db.sample"
RUNS = 5

TARGETS = {
    "dist_size_mb": (250.0, "make dist: size of the dist/OpsDesk folder"),
    "frozen_open_ratio": (1.1, "sample db: spawn → overview with data, frozen app / venv (median of 5)"),
}


def frozen_executable() -> Path:
    if sys.platform == "win32":
        return DIST / "opsdesk-cli.exe"
    return DIST / "opsdesk"


def dist_size_mb(dist: Path = DIST) -> float:
    """Every file's bytes, a symbolic link (PyInstaller links libraries) counted as itself."""
    total = 0
    for dirpath, _dirs, names in os.walk(dist):
        total += sum(os.lstat(os.path.join(dirpath, name)).st_size for name in names)
    return round(total / 1e6, 1)


def open_ratio(exe: Path, runs: int = RUNS, log=None) -> dict[str, float]:
    """Medians of spawn → data shown, frozen and venv interleaved, and their ratio."""
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-dist-") as tmp:
        home = Path(tmp)
        db = home / "sample.db"
        startup.copy_db(SAMPLE, db)
        login = startup.signin_login(db)
        env = startup.child_env(home)
        venv = startup.app_cmd(db, login)
        frozen = [str(exe), *venv[2:]]  # the same arguments after `python main.py`
        for cmd in (frozen, venv):  # warm-up: OS caches, byte-code, font cache
            startup.time_to_marker(cmd, env, marker=startup.DATA_MARKER)
        frozen_s, venv_s = [], []
        for i in range(runs):
            frozen_s.append(startup.time_to_marker(frozen, env, marker=startup.DATA_MARKER))
            venv_s.append(startup.time_to_marker(venv, env, marker=startup.DATA_MARKER))
            if log:
                log(f"  open run {i + 1}/{runs}: frozen {frozen_s[-1]:.3f} s, "
                    f"venv {venv_s[-1]:.3f} s")
    f, v = statistics.median(frozen_s), statistics.median(venv_s)
    return {"frozen_open_s": round(f, 3), "venv_open_s": round(v, 3),
            "frozen_open_ratio": round(f / v, 2)}


SOURCES = ("main.py", "pyproject.toml", "opsdesk", "resources")
"""What the frozen app is built from: a build older than any of it is not this code's."""


def newer_sources(exe: Path, root: Path | None = None) -> list[Path]:
    """Source files (of ``root``, the project) changed since ``exe`` was built."""
    root = root or ROOT
    built = exe.stat().st_mtime
    newer = []
    for name in SOURCES:
        top = root / name
        files = [top] if top.is_file() else (p for p in top.rglob("*") if p.is_file()
                                              and "__pycache__" not in p.parts)
        newer += [p for p in files if p.stat().st_mtime > built]
    return newer


def run(plans, log) -> dict[str, float]:
    exe = frozen_executable()
    if not exe.exists():
        log(f"  {exe.relative_to(ROOT)} is not built (make dist): dist_size_mb and "
            "frozen_open_ratio are null")
        return {}
    stale = newer_sources(exe)
    if stale:  # (its figures would be another version's: null, never an old value)
        log(f"  {exe.relative_to(ROOT)} is older than {len(stale)} source file(s) "
            f"({stale[0].relative_to(ROOT)}, …): make dist again; dist_size_mb and "
            "frozen_open_ratio are null")
        return {}
    results: dict[str, float] = {"dist_size_mb": dist_size_mb()}
    timed = open_ratio(exe, log=log)
    log(f"  frozen {timed['frozen_open_s']:.3f} s, venv {timed['venv_open_s']:.3f} s")
    results["frozen_open_ratio"] = timed["frozen_open_ratio"]
    return results


if __name__ == "__main__":  # python -m benchmarks.bench_dist: just these two, printed
    def _log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    print(run({}, _log))
