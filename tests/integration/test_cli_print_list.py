"""``opsdesk print-list``: a person's checklist for today or this week as an A4 PDF, Chinese
titles and dates in its text; someone else's only for a manager."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from tests.integration.test_cli import SAMPLE, opsdesk


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample.db"
    shutil.copy(SAMPLE, path)
    return path


def _text(pdf) -> str:
    """The PDF's text (NFKC: a CJK font's 月 may come back as the radical ⽉)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_print_list_writes_todays_and_this_weeks_checklist(sample, tmp_path):
    today = tmp_path / "today.pdf"
    r = opsdesk("--db", str(sample), "print-list", "--user", "kefu1", "--today", "2026-12-03",
                "--out", str(today), tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    assert today.read_bytes().startswith(b"%PDF")
    text = _text(today)
    assert "张敏" in text and "打印并核对当日订单" in text
    assert "12月3日" in text and "11月19日" in text  # today's date, the missed days' range
    assert text.count("□") >= 4  # tick boxes (and empty lines to write on)
    assert "双12客服排班" not in text  # due next week: not on today's list

    week = tmp_path / "week.pdf"
    r = opsdesk("--db", str(sample), "print-list", "--user", "kefu1", "--week", "--today",
                "2026-12-03", "--out", str(week), tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    text = _text(week)
    assert "12月3日" in text and "12月6日" in text and "12月4日" in text  # Thursday to Sunday
    assert "双12客服排班" not in text  # (due 10 Dec: next week)
    r = opsdesk("--db", str(sample), "print-list", "--user", "kefu1", "--week", "--today",
                "2026-12-08", "--out", str(week), "--lang", "en", tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    text = _text(week)
    assert "list for this week" in text and "双12客服排班" in text  # due that Thursday


def test_only_a_manager_prints_someone_elses_or_a_roles_list(sample, tmp_path):
    out = tmp_path / "x.pdf"
    r = opsdesk("--db", str(sample), "print-list", "--user", "kefu1", "--person", "kefu2",
                "--out", str(out), tmp=tmp_path)
    assert r.returncode == 1 and "manager only" in r.stderr and not out.exists()
    r = opsdesk("--db", str(sample), "print-list", "--user", "manager", "--role",
                "customer_service", "--today", "2026-12-03", "--out", str(out),
                env={"OPSDESK_PASSWORD": "opsdesk"}, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF")
    r = opsdesk("--db", str(sample), "print-list", "--user", "manager", "--role", "nope",
                "--out", str(out), env={"OPSDESK_PASSWORD": "opsdesk"}, tmp=tmp_path)
    assert r.returncode == 1 and "nope" in r.stderr
