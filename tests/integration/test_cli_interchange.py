"""``opsdesk export``, ``import`` and ``report`` from the command line."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest

from opsdesk.interchange.planner import write_planner
from tests.integration.test_cli import SAMPLE, opsdesk
from tests.unit.test_interchange import sample_doc


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample.db"
    shutil.copy(SAMPLE, path)
    return path


def test_export_formats(sample, tmp_path):
    for fmt, name in (("csv", "t.csv"), ("xlsx", "t.xlsx"), ("mspdi", "t.xml"), ("ics", "t.ics")):
        out = tmp_path / name
        r = opsdesk("--db", str(sample), "export", "--format", fmt, "--out", str(out), tmp=tmp_path)
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 200
    r = opsdesk("--db", str(sample), "export", "--format", "ics", "--person", "nobody", "--out",
                str(tmp_path / "x.ics"), tmp=tmp_path)
    assert r.returncode == 1 and "nobody" in r.stderr


def test_import_planner_dry_run_then_for_real(sample, tmp_path):
    f = tmp_path / "plan.planner"
    f.write_bytes(write_planner(sample_doc()))
    dry = opsdesk("--db", str(sample), "import", str(f), "--dry-run", "--user", "manager",
                  env={"OPSDESK_PASSWORD": "opsdesk"}, tmp=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "2 phases" in dry.stdout and "4 tasks" in dry.stdout and "财务" in dry.stdout
    staff = opsdesk("--db", str(sample), "import", str(f), "--user", "kefu1", tmp=tmp_path)
    assert staff.returncode == 1 and "may not" in staff.stderr
    real = opsdesk("--db", str(sample), "import", str(f), "--user", "manager",
                   env={"OPSDESK_PASSWORD": "opsdesk"}, tmp=tmp_path)
    assert real.returncode == 0, real.stderr
    tasks = json.loads(opsdesk("--db", str(sample), "tasks", "list", "--json", "--plan", "2").stdout)
    assert {t["title"] for t in tasks} == {"组建团队", "招聘美工", "团队完成", "开业大促"}


def test_import_of_a_hostile_file_is_refused(sample, tmp_path):
    f = tmp_path / "bomb.planner"
    f.write_bytes(b"<?xml version='1.0'?><!DOCTYPE p [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;'>]>"
                  b"<project name='&b;'/>")
    r = opsdesk("--db", str(sample), "import", str(f), "--user", "manager",
                env={"OPSDESK_PASSWORD": "opsdesk"}, tmp=tmp_path)
    assert r.returncode == 1 and "refused for safety" in r.stderr


def test_weekly_report_pdf_embeds_chinese(sample, tmp_path):
    out = tmp_path / "report.pdf"
    r = opsdesk("--db", str(sample), "report", "--week", "2026-W47", "--out", str(out), tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"/FontFile2" in data  # the CJK font is embedded
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "云栖茶业" in text and "准备孕育期" in text
    bad = opsdesk("--db", str(sample), "report", "--week", "2026-W60", "--out", str(out), tmp=tmp_path)
    assert bad.returncode == 1 and "is not a week" in bad.stderr


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_an_english_report_keeps_its_digits_as_text(sample, tmp_path):
    """Latin text set in Noto Sans CJK came out of Qt's PDF writer with no text behind its
    digits: a search or a copy of an English report found no number (pdf_font)."""
    out = tmp_path / "report-en.pdf"
    r = opsdesk("--db", str(sample), "report", "--lang", "en", "--week", "2026-W47",
                "--out", str(out), tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "2026-W47" in text and "16 Nov 2026" in text and "云栖茶业" in text


def test_parse_week():
    from opsdesk.cli_interchange import parse_week

    assert parse_week("2026-W47") == (dt.date(2026, 11, 16), dt.date(2026, 11, 22))


def test_an_empty_calendar_fails_and_counts_read_as_english(sample, tmp_path):
    out = tmp_path / "m.ics"
    r = opsdesk("--db", str(sample), "export", "--format", "ics", "--milestones", "--person",
                "kefu1", "--out", str(out), tmp=tmp_path)
    assert r.returncode == 1 and "has no milestones with dates" in r.stderr
    assert not out.exists()
    r = opsdesk("--db", str(sample), "export", "--format", "ics", "--milestones", "--person",
                "tuiguang", "--out", str(out), tmp=tmp_path)
    # tuiguang's 3 milestones and the promotion role's unassigned one, as My work shows (#15)
    assert r.returncode == 0 and r.stdout.startswith("4 rows written"), r.stdout
    from opsdesk.cli_interchange import plural

    assert (plural(1, "task"), plural(0, "task"), plural(2, "phase")) == (
        "1 task", "0 tasks", "2 phases")


def test_a_task_import_keeps_unmatched_values_and_names_their_lines(sample, tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("编号,任务,负责人,岗位,截止\n11,产品知识与服务话术培训,Nobody Here,Nonrole,\n"
                 "12,仓管产品知识培训,,,2026-08-10\n", encoding="utf-8")
    r = opsdesk("--db", str(sample), "import", str(f), "--plan", "1", "--user", "manager",
                env={"OPSDESK_PASSWORD": "opsdesk"}, tmp=tmp_path)
    assert r.returncode == 1
    assert "Nobody Here (line 2)" in r.stdout and "Nonrole (line 2)" in r.stdout
    assert "line 3, column 截止: the due date 2026-08-10 is before" in r.stderr
    assert "1 problem;" in r.stderr and "CHECK constraint" not in r.stderr


def test_import_of_a_plan_with_a_link_cycle_is_refused_naming_the_tasks(sample, tmp_path):
    from opsdesk.interchange.plan_doc import LinkDoc

    doc = sample_doc()
    doc.links.append(LinkDoc("5", "2"))  # 2 → 3 → 5 → 2
    f = tmp_path / "cycle.planner"
    f.write_bytes(write_planner(doc))
    r = opsdesk("--db", str(sample), "import", str(f), "--user", "manager",
                env={"OPSDESK_PASSWORD": "opsdesk"}, tmp=tmp_path)
    assert r.returncode == 1 and "cycle" in r.stderr
    assert "2 “组建团队”" in r.stderr and "5 “开业大促”" in r.stderr
    from opsdesk.services import Services
    from opsdesk.store import open_store

    store = open_store(sample)
    try:
        assert len(Services(store).plans.list()) == 1  # nothing was written
    finally:
        store.close()


def test_a_plan_with_warnings_is_imported_only_when_they_are_accepted(sample, tmp_path):
    from tests.unit.test_plan_import_checks import planner, task

    _data, name = planner(tmp_path, task("1", "准备") + task(
        "3", "任务B", start="20270106T000000Z", end="20261201T170000Z"))
    f = str(tmp_path / name)
    pw = {"OPSDESK_PASSWORD": "opsdesk"}
    refused = opsdesk("--db", str(sample), "import", f, "--user", "manager", env=pw, tmp=tmp_path)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "warning:" in refused.stderr and "任务B" in refused.stderr
    assert "--accept-warnings" in refused.stderr and "imported as plan" not in refused.stdout
    accepted = opsdesk("--db", str(sample), "import", f, "--user", "manager",
                       "--accept-warnings", env=pw, tmp=tmp_path)
    assert accepted.returncode == 0, accepted.stderr
    assert "imported as plan" in accepted.stdout
