"""The frozen app's benchmark measures only a build of the code as it is: a build older
than a source file gives null figures, never another version's (#17, #18)."""

from __future__ import annotations

import os
from pathlib import Path

from benchmarks import bench_dist


def _tree(root: Path) -> Path:
    (root / "opsdesk" / "ui").mkdir(parents=True)
    (root / "opsdesk" / "ui" / "view.py").write_text("x = 1\n", encoding="utf-8")
    (root / "opsdesk" / "__pycache__").mkdir()
    (root / "resources").mkdir()
    (root / "resources" / "app.qss").write_text("QWidget {}\n", encoding="utf-8")
    (root / "main.py").write_text("\n", encoding="utf-8")
    (root / "pyproject.toml").write_text("\n", encoding="utf-8")
    exe = root / "dist" / "OpsDesk" / "opsdesk"
    exe.parent.mkdir(parents=True)
    exe.write_text("", encoding="utf-8")
    return exe


def _age(path: Path, seconds: float) -> None:
    stamp = path.stat().st_mtime - seconds
    os.utime(path, (stamp, stamp))


def test_a_build_newer_than_the_sources_is_measured(tmp_path):
    exe = _tree(tmp_path)
    for path in tmp_path.rglob("*"):
        if path.is_file() and path != exe:
            _age(path, 60)
    (tmp_path / "opsdesk" / "__pycache__" / "view.pyc").write_bytes(b"")  # (not a source)
    assert bench_dist.newer_sources(exe, tmp_path) == []


def test_a_build_older_than_a_source_is_not(tmp_path):
    exe = _tree(tmp_path)
    _age(exe, 60)
    newer = bench_dist.newer_sources(exe, tmp_path)
    assert tmp_path / "opsdesk" / "ui" / "view.py" in newer
    assert tmp_path / "resources" / "app.qss" in newer and tmp_path / "main.py" in newer


def test_the_part_gives_no_figures_for_an_old_build(tmp_path, monkeypatch):
    exe = _tree(tmp_path)
    _age(exe, 60)
    monkeypatch.setattr(bench_dist, "ROOT", tmp_path)
    monkeypatch.setattr(bench_dist, "frozen_executable", lambda: exe)
    said: list[str] = []
    assert bench_dist.run({}, said.append) == {}  # (null: the report says which)
    assert "make dist again" in said[0]
