"""GNOME Planner itself opens the ``.planner`` file OpsDesk writes (issue #17: Planner 0.14.91
crashed on it) and stays up showing the plan: the real ``planner`` on a private ``Xvfb``
display. Skipped where Planner, Xvfb or xwininfo are not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from opsdesk.interchange.plan_doc import PlanDoc
from opsdesk.interchange.planner import write_planner
from opsdesk.services.exports import ExportService
from opsdesk.store import open_store

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("planner", "Xvfb", "xwininfo")

pytestmark = pytest.mark.skipif(not all(shutil.which(t) for t in TOOLS),
                                reason="GNOME Planner, Xvfb or xwininfo is not installed")


def _cpu_ticks(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return None


def _start_xvfb() -> tuple[subprocess.Popen, str | None]:
    """An Xvfb server and its display once it answers (None: it did not come up)."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    if not number.isdigit():
        return server, None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and server.poll() is None:
        if subprocess.run(["xwininfo", "-root", "-display", f":{number}"],
                          capture_output=True).returncode == 0:
            time.sleep(0.2)  # (a server that lost the race for the number quits by now: the
            if server.poll() is None:  # display would then be another test's server)
                return server, f":{number}"
            break
        time.sleep(0.05)
    return server, None


@pytest.fixture
def display():
    """A display number of an Xvfb server of this test (Xvfb picks a free one; two started
    at once, as two test workers may, can pick the same one and one of them then quits:
    it is started again until its display answers)."""
    for _try in range(3):
        server, name = _start_xvfb()
        if name is not None:
            break
        server.kill()
        server.wait()
    assert name is not None, "Xvfb did not start"
    try:
        yield name
    finally:
        server.kill()
        server.wait()


def _sample_doc(tmp_path: Path) -> PlanDoc:
    shutil.copy(ROOT / "opsdesk.db.sample", tmp_path / "sample.db")
    store = open_store(tmp_path / "sample.db", readonly=True)
    try:
        return ExportService(store).plan_doc(1)
    finally:
        store.close()


@pytest.mark.parametrize("which", ["sample", "awkward"])
def test_gnome_planner_opens_the_written_plan_and_stays_up(display, tmp_path, which):
    """The sample plan as OpsDesk exports it, and a document with text ids, dangling links and
    a task under a missing parent (test_planner_writer's ``awkward_doc``)."""
    from tests.unit.test_planner_writer import awkward_doc

    doc = _sample_doc(tmp_path) if which == "sample" else awkward_doc()
    file = tmp_path / f"{which}.planner"
    file.write_bytes(write_planner(doc))
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "DISPLAY": display, "HOME": str(home), "GSETTINGS_BACKEND": "memory"}
    env.pop("QT_QPA_PLATFORM", None)
    title = f'"{doc.name} - Planner"'  # the window's title once the file is loaded
    proc = subprocess.Popen(["planner", str(file)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:  # until the window shows the plan's name
            assert proc.poll() is None, (f"Planner ended with status {proc.returncode}: "
                                         + proc.stderr.read().decode(errors="replace")[-500:])
            tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True,
                                  text=True).stdout
            if title in tree:
                break
            assert time.monotonic() < deadline, "Planner showed no window with the plan's name"
            time.sleep(0.1)
        last, still = _cpu_ticks(proc.pid), time.monotonic()
        while time.monotonic() - still < 1.0:  # then done with it: its CPU still for a second
            assert time.monotonic() < deadline, "Planner did not settle"
            time.sleep(0.05)
            ticks = _cpu_ticks(proc.pid)
            assert ticks is not None and proc.poll() is None, \
                f"Planner ended with status {proc.poll()} while showing the plan"
            if ticks != last:
                last, still = ticks, time.monotonic()
        assert proc.poll() is None
    finally:
        proc.kill()
        proc.wait()
        proc.stderr.close()
