"""Issue #12: `init` on an existing database, `backup --out`, `restore` and `migrate-to` need a
manager's sign-in; restore onto a damaged file; no manager without a password; the CLI's
wrong passwords are counted in the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.integration.test_cli import digest, opsdesk, sample_in_use

BOSS = {"OPSDESK_PASSWORD": "opsdesk"}  # the sample's manager
NO_PW = {"OPSDESK_PASSWORD": ""}


def _rows(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _people_and_plans(db: Path) -> tuple[list[tuple], list[tuple]]:
    return (_rows(db, "SELECT login, is_manager, password_hash FROM users ORDER BY id"),
            _rows(db, "SELECT id, name FROM plans ORDER BY id"))


@pytest.fixture
def sample(tmp_path):
    return sample_in_use(tmp_path / "shop.db")


# ---- init


def test_init_on_a_new_database_asks_for_the_first_managers_password(tmp_path):
    db = tmp_path / "new.db"
    r = opsdesk("init", "--launch", "2027-03-01", "--db", str(db), env=NO_PW, tmp=tmp_path)
    assert r.returncode == 1
    assert "OPSDESK_PASSWORD" in r.stderr and "terminal" in r.stderr  # says how to give it
    assert len(r.stderr.strip().splitlines()) == 1 and not db.exists()
    r = opsdesk("init", "--launch", "2027-03-01", "--db", str(db), env={"OPSDESK_PASSWORD": " "},
                tmp=tmp_path)
    assert r.returncode == 1 and "cannot be empty" in r.stderr and not db.exists()
    r = opsdesk("init", "--launch", "2027-03-01", "--db", str(db), "--manager", "boss",
                env={"OPSDESK_PASSWORD": "first-pw"}, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    ((login, is_manager, hashed),) = _people_and_plans(db)[0]
    assert (login, is_manager) == ("boss", 1) and hashed.startswith("$argon2id$")
    # the manager signs in with that password
    r = opsdesk("--db", str(db), "backup", "--user", "boss", env=NO_PW, tmp=tmp_path)
    assert r.returncode == 1 and "boss signs in with a password" in r.stderr
    r = opsdesk("--db", str(db), "backup", "--user", "boss", env={"OPSDESK_PASSWORD": "first-pw"},
                tmp=tmp_path)
    assert r.returncode == 0, r.stderr


def test_init_on_an_existing_database_needs_a_manager(sample, tmp_path):
    before = _people_and_plans(sample)
    refused = [
        (["--manager", "boss2"], NO_PW, "first manager of a new database"),
        ([], NO_PW, "Say who you are with --user"),
        (["--user", "kefu1"], NO_PW, "may not edit the plan"),
        (["--user", "manager"], NO_PW, "manager signs in with a password"),
        (["--user", "manager"], {"OPSDESK_PASSWORD": "wrong"}, "not correct"),
    ]
    for extra, env, message in refused:
        r = opsdesk("--db", str(sample), "init", "--launch", "2027-01-01", *extra, env=env,
                    tmp=tmp_path)
        assert r.returncode == 1 and message in r.stderr, (extra, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1
        assert _people_and_plans(sample) == before
    r = opsdesk("--db", str(sample), "init", "--launch", "2027-01-01", "--user", "manager",
                env=BOSS, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    people, plans = _people_and_plans(sample)
    assert people == before[0] and len(plans) == len(before[1]) + 1


# ---- backup --out, restore, migrate-to


def test_storage_commands_need_a_manager(sample, tmp_path):
    out = tmp_path / "copy.db"
    before = digest(sample)
    for command in (["backup", "--out", str(out)], ["restore", str(sample)],
                    ["migrate-to", "postgresql+psycopg://x@127.0.0.1:9/none"]):
        r = opsdesk("--db", str(sample), *command, env=NO_PW, tmp=tmp_path)
        assert r.returncode == 1 and "Say who you are with --user" in r.stderr, r.stderr
        r = opsdesk("--db", str(sample), *command, "--user", "kefu1", env=NO_PW, tmp=tmp_path)
        assert r.returncode == 1 and "may not" in r.stderr and "manager only" in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    assert not out.exists() and digest(sample) == before
    # a backup into the backups folder: anyone signed in
    r = opsdesk("--db", str(sample), "backup", "--user", "kefu1", env=NO_PW, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    # the manager copies anywhere and restores
    r = opsdesk("--db", str(sample), "backup", "--out", str(out), "--user", "manager", env=BOSS,
                tmp=tmp_path)
    assert r.returncode == 0 and out.exists(), r.stderr
    r = opsdesk("--db", str(sample), "restore", str(out), "--user", "manager", env=BOSS,
                tmp=tmp_path)
    assert r.returncode == 0 and "previous content is kept" in r.stdout, r.stderr


def test_restore_onto_a_damaged_file(sample, tmp_path):
    good = tmp_path / "good.db"
    assert opsdesk("--db", str(sample), "backup", "--out", str(good), "--user", "manager",
                   env=BOSS, tmp=tmp_path).returncode == 0
    sample.write_bytes(sample.read_bytes()[:20000])  # damaged
    damaged = digest(sample)
    refused = [([], NO_PW, "sign in with --user as a manager of the backup"),
               (["--user", "kefu1"], NO_PW, "may not restore backups"),
               (["--user", "manager"], {"OPSDESK_PASSWORD": "wrong"}, "not correct"),
               (["--user", "nobody"], NO_PW, "no active person")]
    for extra, env, message in refused:
        r = opsdesk("--db", str(sample), "restore", str(good), *extra, env=env, tmp=tmp_path)
        assert r.returncode == 1 and message in r.stderr, (extra, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1 and digest(sample) == damaged
    r = opsdesk("--db", str(sample), "restore", str(good), "--user", "manager", env=BOSS,
                tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    kept = [p for p in sample.parent.iterdir() if p.name.startswith("shop.db.damaged-")]
    assert len(kept) == 1 and digest(kept[0]) == damaged and str(kept[0]) in r.stdout
    assert opsdesk("--db", str(sample), "check", tmp=tmp_path).returncode == 0
    assert _people_and_plans(sample) == _people_and_plans(good)


# ---- no manager without a password; passwd


def test_a_passwordless_manager_is_told_to_set_one(sample, tmp_path):
    con = sqlite3.connect(sample)
    con.execute("UPDATE users SET is_manager = TRUE WHERE login = 'kefu1'")  # an old file's manager
    con.commit()
    con.close()
    r = opsdesk("--db", str(sample), "backup", "--user", "kefu1", env=NO_PW, tmp=tmp_path)
    assert r.returncode == 1 and "opsdesk passwd --user kefu1" in r.stderr, r.stderr
    r = opsdesk("--db", str(sample), "passwd", "--user", "kefu1", env=NO_PW, tmp=tmp_path)
    assert r.returncode == 1 and "OPSDESK_NEW_PASSWORD" in r.stderr
    r = opsdesk("--db", str(sample), "passwd", "--user", "kefu1",
                env={**NO_PW, "OPSDESK_NEW_PASSWORD": "kefu-pw"}, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    r = opsdesk("--db", str(sample), "backup", "--user", "kefu1", env=NO_PW, tmp=tmp_path)
    assert r.returncode == 1 and "signs in with a password" in r.stderr
    r = opsdesk("--db", str(sample), "backup", "--user", "kefu1",
                env={"OPSDESK_PASSWORD": "kefu-pw"}, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    # now it is set, passwd asks for the old one
    r = opsdesk("--db", str(sample), "passwd", "--user", "kefu1",
                env={**NO_PW, "OPSDESK_NEW_PASSWORD": "taken-over"}, tmp=tmp_path)
    assert r.returncode == 1 and "signs in with a password" in r.stderr
    r = opsdesk("--db", str(sample), "passwd", "--user", "kefu1",
                env={"OPSDESK_PASSWORD": "kefu-pw", "OPSDESK_NEW_PASSWORD": "kefu-pw2"},
                tmp=tmp_path)
    assert r.returncode == 0, r.stderr


# ---- wrong passwords from the CLI are counted in the database


def test_cli_wrong_passwords_are_counted_and_slowed(sample, tmp_path):
    from opsdesk.services.people import FREE_TRIES

    for _ in range(FREE_TRIES):  # each a process of its own
        r = opsdesk("--db", str(sample), "backup", "--user", "manager",
                    env={"OPSDESK_PASSWORD": "wrong"}, tmp=tmp_path)
        assert r.returncode == 1 and "not correct" in r.stderr
    ((count, until),) = _rows(sample, "SELECT failed_logins, locked_until FROM users "
                                      "WHERE login = 'manager'")
    assert count == FREE_TRIES and until is not None
    con = sqlite3.connect(sample)  # make the wait long enough to outlast the next process
    con.execute("UPDATE users SET locked_until = '2999-01-01 00:00:00' WHERE login = 'manager'")
    con.commit()
    con.close()
    r = opsdesk("--db", str(sample), "backup", "--user", "manager", env=BOSS, tmp=tmp_path)
    assert r.returncode == 1 and "Too many wrong passwords for manager" in r.stderr
