"""``opsdesk plan copy`` and ``opsdesk plan template``, then ``init --template`` (#13)."""

from __future__ import annotations

import json

from tests.integration.test_cli import opsdesk, sample_in_use

PW = {"OPSDESK_PASSWORD": "opsdesk"}  # the sample manager's


def test_copy_save_as_template_and_init_from_it(tmp_path):
    db = sample_in_use(tmp_path / "sample.db")
    r = opsdesk("--db", str(db), "--user", "manager", "plan", "copy", "--from", "1",
                "--launch", "2027-09-01", "--name", "2027 shop", env=PW, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "plan 2 “2027 shop” launches 2027-09-01" in r.stdout and "warning" not in r.stderr
    r = opsdesk("--db", str(db), "--user", "manager", "plan", "template", "--plan", "2",
                "--key", "shop-2027", "--name-en", "Shop 2027", env=PW, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "data" / "templates" / "shop-2027.toml").is_file()
    new = tmp_path / "new.db"
    r = opsdesk("init", "--template", "shop-2027", "--launch", "2028-09-01", "--db", str(new),
                env={"OPSDESK_PASSWORD": "first-pw"}, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    tasks = json.loads(opsdesk("--db", str(new), "tasks", "list", "--json").stdout)
    due = {t["title"]: t["due"] for t in tasks}
    assert due["中秋促销"] == "2028-10-03" and due["双11限时购"] == "2028-11-11"
    assert due["天猫店上线"] == "2028-09-01"


def test_copy_into_a_late_launch_warns_and_bad_input_is_one_line(tmp_path):
    db = sample_in_use(tmp_path / "sample.db")
    r = opsdesk("--db", str(db), "--user", "manager", "plan", "copy", "--from", "1",
                "--launch", "2027-11-20", env=PW, tmp=tmp_path)
    assert r.returncode == 0 and "warning: “双11限时购” (2027-11-11) is already late" in r.stderr
    bad = opsdesk("--db", str(db), "--user", "manager", "plan", "copy", "--from", "1",
                  "--launch", "next year", env=PW, tmp=tmp_path)
    assert bad.returncode == 1 and "next year" in bad.stderr
    bad = opsdesk("--db", str(db), "--user", "manager", "plan", "template", "--key", "我的 模板",
                  env=PW, tmp=tmp_path)
    assert bad.returncode == 1 and "cannot be a template key" in bad.stderr
    staff = opsdesk("--db", str(db), "--user", "yunying", "plan", "copy", "--from", "1",
                    "--launch", "2027-09-01", tmp=tmp_path)
    assert staff.returncode == 1 and "may not edit the plan (manager only)" in staff.stderr
