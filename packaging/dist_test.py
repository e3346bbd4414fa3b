"""``make dist-test``: the frozen app (``make dist``) does what the virtual environment does.

Run with the virtual environment's Python, headless (``QT_QPA_PLATFORM=offscreen``). Each
check runs the same command twice, once with ``dist/OpsDesk/opsdesk`` and once with
``python -m opsdesk``, each in its own scratch folder (data, logs and Qt settings there too),
and compares them:

- ``--version`` prints the version in pyproject.toml;
- ``init`` then ``check`` on a new file;
- ``shot`` of Overview, Tasks, Timeline and KPIs on the sample: PNG files of the asked size
  that are not blank (many colours, most rows not one colour), no traceback on stderr, and
  nearly the same pixels as the virtual environment's;
- ``report --week``: a PDF whose Chinese font is embedded (``pdffonts``), with the same text
  (``pdftotext``) and the same fonts as the virtual environment's;
- ``import`` of a GNOME Planner file into the new plan's database, then its tasks listed;
- a damaged file and a file that is not a database: their one-line message, exit code 1;
- the desktop app itself (no command): the overview painted with the sample's data;
- the bundle holds the translations (OpsDesk's and Qt's zh_CN), the templates, the
  migrations, the sample and the icon.

Exit status 0 when every check passes; each failure is printed with what differed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import bundle  # noqa: E402

DIST = ROOT / "dist" / bundle.NAME
SAMPLE = ROOT / "opsdesk.db.sample"
TODAY = "2026-11-20"  # the sample's "today"
WEEK = "2026-W47"
VIEWS = ("overview", "tasks", "timeline", "kpis")
TIMEOUT_S = 180
PASSWORD = "dist-test-pw-1"
# A shot from the frozen app may differ from the virtual environment's in this share of
# pixels at most (the same code and fonts draw both: in practice they are identical).
MAX_PIXEL_DIFF = 0.01


def executable(dist: Path = DIST) -> Path:
    """The frozen CLI: ``opsdesk`` (Linux, macOS), ``opsdesk-cli.exe`` (Windows)."""
    if sys.platform == "win32":
        return dist / f"{bundle.EXE}-cli.exe"
    return dist / bundle.EXE


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float


class Side:
    """One way to run OpsDesk (frozen or the virtual environment), in its own folder."""

    def __init__(self, name: str, cmd: Sequence[str], home: Path) -> None:
        self.name, self.cmd, self.home = name, list(cmd), home
        home.mkdir(parents=True, exist_ok=True)
        self.env = dict(os.environ)
        self.env.update(QT_QPA_PLATFORM="offscreen", OPSDESK_DATA_DIR=str(home / "data"),
                        OPSDESK_LOG_DIR=str(home / "log"), XDG_CONFIG_HOME=str(home / "config"),
                        LC_ALL="C.UTF-8", LANG="C.UTF-8", PYTHONIOENCODING="utf-8")
        for name in ("OPSDESK_DB", "OPSDESK_TODAY", "OPSDESK_PASSWORD", "OPSDESK_NEW_PASSWORD"):
            self.env.pop(name, None)
        conf = home / "config" / "OpsDesk" / "OpsDesk.conf"  # no modal font warning
        conf.parent.mkdir(parents=True, exist_ok=True)
        conf.write_text("[general]\ncjk_font_warned=true\n", encoding="utf-8")

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Run:
        began = time.perf_counter()
        r = subprocess.run([*self.cmd, *args], capture_output=True, text=True, encoding="utf-8",
                           errors="replace", env={**self.env, **(env or {})}, cwd=self.home,
                           timeout=TIMEOUT_S)
        return Run(r.returncode, r.stdout, r.stderr, time.perf_counter() - began)

    def norm(self, text: str) -> str:
        """Output with this side's folder written as ``HOME`` (to compare the two sides)."""
        return text.replace(str(self.home), "HOME").strip()


class Checks:
    def __init__(self) -> None:
        self.failed: list[str] = []
        self.passed = 0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"  ok    {name}")
        else:
            self.failed.append(name)
            print(f"  FAIL  {name}" + (f"\n        {detail}" if detail else ""))
        return ok

    def same(self, name: str, frozen: str, venv: str) -> bool:
        return self.check(name, frozen == venv, f"frozen: {frozen!r}\n        venv:   {venv!r}")


def no_traceback(run: Run) -> bool:
    return "Traceback" not in run.err and "unexpected error" not in run.err


def describe(run: Run) -> str:
    return f"exit {run.code}; stderr: {run.err.strip()[-800:]!r}"


# ---- images

def image_facts(path: Path) -> dict[str, float]:
    """Width, height, distinct colours (sampled), and the share of rows of one colour."""
    from PySide6.QtGui import QImage

    img = QImage(str(path))
    if img.isNull():
        return {"width": 0, "height": 0, "colors": 0, "flat_rows": 1.0}
    img = img.convertToFormat(QImage.Format.Format_RGB32)
    w, h = img.width(), img.height()
    colors: set[int] = set()
    flat = 0
    rows = range(0, h, 4)
    for y in rows:
        line = {img.pixel(x, y) for x in range(0, w, 3)}
        colors |= line
        flat += len(line) == 1
    return {"width": w, "height": h, "colors": len(colors), "flat_rows": flat / len(rows)}


def pixel_diff(a: Path, b: Path) -> float:
    """The share of pixels that differ between two images of the same size (1.0 otherwise)."""
    from PySide6.QtGui import QImage

    ia = QImage(str(a)).convertToFormat(QImage.Format.Format_RGB32)
    ib = QImage(str(b)).convertToFormat(QImage.Format.Format_RGB32)
    if ia.size() != ib.size() or ia.isNull():
        return 1.0
    ba, bb = bytes(ia.constBits()), bytes(ib.constBits())  # type: ignore[call-overload]
    differ = sum(1 for i in range(0, len(ba), 4) if ba[i:i + 4] != bb[i:i + 4])
    return differ / (len(ba) // 4)


def folder_bytes(folder: Path) -> int:
    """The bytes of the files in ``folder`` (a symbolic link counted once, as itself)."""
    total = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


# ---- PDF

CJK_FONT = re.compile(r"CJK|Han ?Sans|Han ?Serif|YaHei|Hei|Song|Kai|Noto Sans SC|Noto Serif SC|"
                      r"WenQuanYi|PingFang|Droid Sans Fallback", re.IGNORECASE)


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name without the subset prefix, embedded) per font ``pdffonts`` lists."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True,
                         timeout=60).stdout.splitlines()
    fonts = []
    for line in out[2:]:
        parts = line.split()
        if len(parts) < 5:
            continue
        # name type [encoding…] emb sub uni object ID: emb is the 5th field from the end
        name = re.sub(r"^[A-Z]{6}\+", "", parts[0])
        fonts.append((name, parts[-5] == "yes"))
    return fonts


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout


# ---- the checks

def make_planner(path: Path) -> None:
    """A small GNOME Planner file (the interchange tests' plan: phases, a milestone, links)."""
    from opsdesk.interchange.planner import write_planner
    from tests.unit.test_interchange import sample_doc

    path.write_bytes(write_planner(sample_doc()))


def run_checks(frozen: Side, venv: Side, c: Checks) -> None:
    sides = (frozen, venv)

    print("--version")
    runs = [s("--version") for s in sides]
    c.check("frozen --version prints pyproject.toml's version",
            runs[0].code == 0 and runs[0].out.strip() == f"opsdesk {bundle.version()}",
            f"{runs[0].out.strip()!r}; {describe(runs[0])}")
    c.same("--version as from the virtual environment", runs[0].out.strip(), runs[1].out.strip())

    print("init, then check, on a new file")
    for s in sides:
        r = s("--db", "new.db", "init", "--launch", "2026-09-01", env={"OPSDESK_PASSWORD": PASSWORD})
        c.check(f"{s.name}: init exits 0", r.code == 0 and no_traceback(r), describe(r))
        s.init_out = s.norm(r.out)  # type: ignore[attr-defined]
        r = s("--db", "new.db", "check")
        c.check(f"{s.name}: check exits 0 and says ok", r.code == 0 and ": ok" in r.out, describe(r))
        s.check_out = s.norm(r.out)  # type: ignore[attr-defined]
    c.same("init prints the same", frozen.init_out, venv.init_out)  # type: ignore[attr-defined]
    c.same("check prints the same", frozen.check_out, venv.check_out)  # type: ignore[attr-defined]

    print("shot of " + ", ".join(VIEWS))
    for s in sides:
        shutil.copyfile(SAMPLE, s.home / "sample.db")
    for view in VIEWS:
        pngs = []
        for s in sides:
            out = s.home / f"{view}.png"
            r = s("--db", "sample.db", "shot", "--view", view, "--lang", "zh_CN", "--today",
                  TODAY, "--out", str(out))
            c.check(f"{s.name}: shot {view} exits 0, no traceback",
                    r.code == 0 and no_traceback(r) and out.exists(), describe(r))
            pngs.append(out)
        facts = image_facts(pngs[0])
        c.check(f"frozen {view}.png is 1280x800 and not blank",
                (facts["width"], facts["height"]) == (1280, 800) and facts["colors"] >= 40
                and facts["flat_rows"] < 0.8, f"{facts}")
        diff = pixel_diff(pngs[0], pngs[1])
        c.check(f"frozen {view}.png looks as the venv's (pixels differing: {diff:.2%})",
                diff <= MAX_PIXEL_DIFF, f"{diff:.2%} of the pixels differ")

    print(f"report --week {WEEK}")
    pdfs = []
    for s in sides:
        out = s.home / "week.pdf"
        r = s("--db", "sample.db", "report", "--week", WEEK, "--lang", "zh_CN", "--out", str(out))
        c.check(f"{s.name}: report exits 0, no traceback",
                r.code == 0 and no_traceback(r) and out.exists() and out.stat().st_size > 1000,
                describe(r))
        pdfs.append(out)
    if all(p.exists() for p in pdfs) and shutil.which("pdffonts"):
        fonts = [pdf_fonts(p) for p in pdfs]
        cjk = [name for name, emb in fonts[0] if emb and CJK_FONT.search(name)]
        c.check("frozen report embeds a Chinese font", bool(cjk), f"fonts: {fonts[0]}")
        c.check("frozen report has no font left unembedded", all(emb for _n, emb in fonts[0]),
                f"fonts: {fonts[0]}")
        c.same("report uses the same fonts", repr(sorted(set(fonts[0]))),
               repr(sorted(set(fonts[1]))))
        texts = [pdf_text(p) for p in pdfs]
        c.check("frozen report's text holds Chinese", re.search(r"[\u4e00-\u9fff]", texts[0]) is not None)
        c.same("report has the same text", texts[0], texts[1])
    elif not shutil.which("pdffonts"):
        c.check("pdffonts (poppler-utils) is installed", False, "apt install poppler-utils")

    print("import of a GNOME Planner file")
    for s in sides:
        planner = s.home / "shop.planner"
        make_planner(planner)
        r = s("--db", "new.db", "import", str(planner), "--user", "admin",
              env={"OPSDESK_PASSWORD": PASSWORD})
        c.check(f"{s.name}: import exits 0", r.code == 0 and no_traceback(r), describe(r))
        s.import_out = s.norm(r.out)  # type: ignore[attr-defined]
        r = s("--db", "new.db", "tasks", "list", "--json", "--plan", "2")
        c.check(f"{s.name}: the imported plan's tasks are listed", r.code == 0 and "开业大促" in r.out,
                describe(r))
        # (when the import ran differs: the done time of a task done in the file)
        s.tasks_out = re.sub(r'"done_at": "[^"]*"', '"done_at": "…"', s.norm(r.out))  # type: ignore[attr-defined]
    c.same("import prints the same", frozen.import_out, venv.import_out)  # type: ignore[attr-defined]
    c.same("the imported tasks are the same", frozen.tasks_out, venv.tasks_out)  # type: ignore[attr-defined]

    print("a damaged file, a file that is not a database")
    bad: dict[str, Callable[[Path], None]] = {
        "damaged.db": lambda p: p.write_bytes(SAMPLE.read_bytes()[:20000]),
        "notes.db": lambda p: p.write_text("just text\n", encoding="utf-8"),
    }
    for name, make in bad.items():
        errs = []
        for s in sides:
            make(s.home / name)
            r = s("--db", name, "check")
            lines = r.err.strip().splitlines()
            c.check(f"{s.name}: {name}: exit 1 and one line",
                    r.code == 1 and len(lines) == 1 and lines[0].startswith("opsdesk: "),
                    describe(r))
            errs.append(s.norm(r.err))
        c.same(f"{name}: the same message", errs[0], errs[1])

    print("the desktop app (no command): window painted, then the overview with data")
    try:
        from benchmarks import startup

        db = frozen.home / "gui.db"
        startup.copy_db(SAMPLE, db)
        login = startup.signin_login(db)
        env = startup.child_env(frozen.home / "gui", TODAY)
        seen = startup.time_to_markers(
            [*frozen.cmd, "--db", str(db), "--user", login, "--lang", "zh_CN"], env,
            (startup.MARKER, startup.DATA_MARKER), cwd=frozen.home, timeout=TIMEOUT_S)
        c.check(f"frozen GUI: first paint {seen[startup.MARKER]:.2f} s, data "
                f"{seen[startup.DATA_MARKER]:.2f} s", True)
    except Exception as exc:  # noqa: BLE001 - reported as a failed check
        c.check("frozen GUI shows the overview with data", False, f"{type(exc).__name__}: {exc}")


def check_bundle(c: Checks) -> None:
    print("what the bundle holds")
    internal = DIST / "_internal" if (DIST / "_internal").is_dir() else DIST
    wanted = {
        "OpsDesk's translations": ["resources/i18n/opsdesk_zh_CN.qm", "resources/i18n/opsdesk_en.qm"],
        "Qt's zh_CN translations": ["PySide6/Qt/translations/qtbase_zh_CN.qm",
                                    "PySide6/Qt/translations/qt_zh_CN.qm"],
        "the templates": ["resources/templates/ecommerce_launch.toml"],
        "the migrations": ["opsdesk/store/migrations/env.py",
                           "opsdesk/store/migrations/versions/0001_initial_schema.py"],
        "the sample": ["opsdesk.db.sample"],
        "the icon": [bundle.ICON_PNG],
        "the style sheet": ["resources/styles/app.qss"],
    }
    for what, paths in wanted.items():
        missing = [p for p in paths if not (internal / p).exists()]
        c.check(f"bundle holds {what}", not missing, f"missing: {missing}")
    versions = sorted(p.name for p in (ROOT / "opsdesk/store/migrations/versions").glob("*.py"))
    bundled = sorted(p.name for p in (internal / "opsdesk/store/migrations/versions").glob("*.py"))
    c.same("bundle holds every migration", repr(bundled), repr(versions))
    size = folder_bytes(DIST) / 1e6
    c.check(f"dist folder is {size:.0f} MB (at most 250)", size <= 250)


def main() -> int:
    exe = executable()
    if not exe.exists():
        print(f"dist-test: {exe} does not exist; run `make dist` first", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage
    c = Checks()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="opsdesk-dist-test-") as tmp:
        frozen = Side("frozen", [str(exe)], Path(tmp) / "frozen")
        venv = Side("venv", [sys.executable, "-m", "opsdesk"], Path(tmp) / "venv")
        venv.env["PYTHONPATH"] = str(ROOT)
        check_bundle(c)
        run_checks(frozen, venv, c)
    print(f"\n{c.passed} checks passed, {len(c.failed)} failed "
          f"({time.perf_counter() - began:.0f} s)")
    for name in c.failed:
        print(f"  failed: {name}")
    return 1 if c.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
