"""KPI import: number and date forms, encodings, bad input named by file/line/column,
all-or-nothing, skip-bad, idempotent re-import, cancel, XLSX, the CLI."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from opsdesk import cli
from opsdesk.errors import ValidationError
from opsdesk.services import Services
from opsdesk.services import kpi_import as ki
from opsdesk.services.kpi_parse import detect_encoding, parse_day, parse_number
from tests.conftest import count_changes, dump

D = dt.date


@pytest.fixture
def services(store, clock):
    return Services(store, clock)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(("text", "value"), [
    ("1234", 1234), ("1,234.5", 1234.5), ("1，234", 1234), ("12.5%", 12.5), ("20W", 200_000),
    ("20w", 200_000), ("20万", 200_000), ("1.5万", 15_000), ("¥3,000", 3000), ("-2", -2),
    ("０.５", 0.5), (" 7 ", 7), (3, 3.0), ("2亿", 2e8)])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "万", "%", "1.2.3", "nan", "inf", "12元x"])
def test_parse_number_refuses(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("text", ["2026-09-01", "2026/9/1", "20260901", "2026年9月1日",
                                  "2026.09.01", "2026-9-1 00:00:00", dt.datetime(2026, 9, 1, 8)])
def test_parse_day(text):
    assert parse_day(text) == D(2026, 9, 1)


@pytest.mark.parametrize("text", ["2026-02-30", "2026/13/1", "1 Sept", "20261301", ""])
def test_parse_day_refuses(text):
    with pytest.raises(ValueError):
        parse_day(text)


CSV = "日期,销售额,日单量\n2026-09-01,\"1,234\",12\n2026/9/2,1.5万,20\n20260903,20W,30\n2026年9月4日,12%,40\n"


@pytest.mark.parametrize(("encoding", "detected"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gbk"), ("gb18030", "gbk")])
def test_every_encoding_and_date_form(tmp_path, services, world, encoding, detected):
    path = write(tmp_path, f"{encoding}.csv", CSV, encoding)
    assert detect_encoding(path.read_bytes()) == detected
    prep, changes = ki.import_file(services, world.manager, world.plan_id, path)
    assert prep.ok and prep.new == 8 and changes.kpis
    sales = dict(services.kpis.values(world.kpis["sales"]))
    assert sales == {D(2026, 9, 1): 1234, D(2026, 9, 2): 15_000, D(2026, 9, 3): 200_000,
                     D(2026, 9, 4): 12}
    assert dict(services.kpis.values(world.kpis["daily_orders"]))[D(2026, 9, 4)] == 40


def test_gb18030_only_characters(tmp_path, services, world):
    # "𠀀" exists in GB18030 but not in GBK: the detector must fall through to GB18030
    text = "日期,销售额,备注\n2026-09-01,5,𠀀\n"
    path = write(tmp_path, "g.csv", text, "gb18030")
    assert detect_encoding(path.read_bytes()) == "gb18030"
    prep, _ = ki.import_file(services, world.manager, world.plan_id, path)
    assert prep.new == 1


def test_gbk_file_read_as_utf8_names_line_and_column(tmp_path, services, world):
    path = write(tmp_path, "gbk.csv", "date,sales\n2026-09-01,5\n2026-09-02,五\n", "gbk")
    with pytest.raises(ValidationError) as err:
        ki.read_table(path, "utf-8")
    assert "gbk.csv, line 3, column 12" in err.value.message and "UTF-8" in err.value.message


def test_tab_separated_and_long_files(tmp_path, services, world):
    path = write(tmp_path, "t.tsv", "日期\t指标\t数值\n2026-09-01\t销售额\t100\n2026-09-01\tdaily_orders\t7\n")
    table = ki.read_table(path)
    prep = ki.prepare(services, world.manager, world.plan_id, table,
                      ki.Mapping.parse(["date=日期", "kpi=指标", "value=数值"]))
    assert prep.ok and sorted(prep.entries) == sorted([
        (world.kpis["sales"], D(2026, 9, 1), 100.0), (world.kpis["daily_orders"], D(2026, 9, 1), 7.0)])


BAD = ("日期,销售额,日单量\n"
       "2026-09-01,100,1\n"       # line 2: good
       "2026-02-30,100,1\n"       # line 3: no such day
       "2026-09-03,abc,1\n"       # line 4: text in a number column
       "2030-01-01,100,1\n"       # line 5: outside the plan
       "2026-09-05,100,-3\n")     # line 6: a negative count (the sales cell is fine)


def test_bad_rows_are_named_and_nothing_is_written(tmp_path, services, world, store):
    path = write(tmp_path, "bad.csv", BAD)
    before = dump(store)
    table = ki.read_table(path)
    prep = ki.prepare(services, world.manager, world.plan_id, table, ki.guess_mapping(table.headers, services.kpis.list(world.plan_id)))
    messages = [p.message for p in prep.problems]
    assert messages[0].startswith("bad.csv, line 3, column A (日期): “2026-02-30” is not a date")
    assert messages[1] == "bad.csv, line 4, column B (销售额): “abc” is not a number."
    assert messages[2].startswith("bad.csv, line 5, column A (日期): 2030-01-01 is outside the plan")
    assert messages[3] == "bad.csv, line 6, column C (日单量): a count cannot be negative (-3)."
    with pytest.raises(ValidationError, match="4 problem"):
        ki.apply(services, world.manager, prep)
    assert dump(store) == before
    # skipping the bad rows imports the good rows only (a row with one bad cell is skipped whole)
    ki.apply(services, world.manager, prep, skip_bad=True)
    assert dict(services.kpis.values(world.kpis["sales"])) == {D(2026, 9, 1): 100}
    assert dict(services.kpis.values(world.kpis["daily_orders"])) == {D(2026, 9, 1): 1}


def test_missing_column(tmp_path, services, world):
    path = write(tmp_path, "m.csv", "日期,销售额\n2026-09-01,1\n")
    table = ki.read_table(path)
    with pytest.raises(ValidationError) as err:
        ki.prepare(services, world.manager, world.plan_id, table,
                   ki.Mapping("日期", {"sales": "销售额", "daily_orders": "订单数"}))
    assert err.value.message == "m.csv, line 1: there is no column “订单数”."


def test_staff_may_import_only_their_kpis(tmp_path, services, world, store):
    path = write(tmp_path, "cs.csv", "日期,销售额,日单量\n2026-09-01,100,5\n")
    before = dump(store)
    cs = world.actors["cs"]  # customer service owns daily orders, not sales
    table = ki.read_table(path)
    prep = ki.prepare(services, cs, world.plan_id, table, ki.guess_mapping(table.headers, services.kpis.list(world.plan_id)))
    assert [p.message for p in prep.problems] == [
        "cs.csv, line 2, column B (销售额): Cs may not enter values for “销售额” (only its owner role or a manager)."]
    with pytest.raises(ValidationError):
        ki.apply(services, cs, prep)
    assert dump(store) == before
    # mapping only the column they own imports it
    prep = ki.prepare(services, cs, world.plan_id, table, ki.Mapping("日期", {"daily_orders": "日单量"}))
    assert prep.ok
    ki.apply(services, cs, prep)
    assert dict(services.kpis.values(world.kpis["daily_orders"])) == {D(2026, 9, 1): 5}


def test_a_200_mb_file_is_refused(tmp_path, services, world):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written
    with pytest.raises(ValidationError) as err:
        ki.read_table(path)
    assert err.value.message == "huge.csv: the file is 200 MB; files up to 50 MB can be imported."


def test_reimport_changes_nothing(tmp_path, services, world, store):
    path = write(tmp_path, "r.csv", CSV)
    ki.import_file(services, world.manager, world.plan_id, path)
    before, logged = dump(store), count_changes(store)
    prep, changes = ki.import_file(services, world.manager, world.plan_id, path)
    assert (prep.new, prep.changed, prep.unchanged) == (0, 0, 8)
    assert not changes.kpis and changes.change_id is None
    assert dump(store) == before and count_changes(store) == logged
    # one value changed in the file: exactly one update
    write(tmp_path, "r.csv", CSV.replace("20W", "21W"))
    prep, changes = ki.import_file(services, world.manager, world.plan_id, path)
    assert (prep.new, prep.changed, prep.unchanged) == (0, 1, 7)
    assert count_changes(store) == logged + 1


def test_cancel_leaves_the_database_unchanged(tmp_path, services, world, store):
    rows = "\n".join(f"{(D(2026, 9, 1) + dt.timedelta(days=i % 150)).isoformat()},{i}" for i in range(5000))
    path = write(tmp_path, "c.csv", "日期,销售额\n" + rows + "\n")
    before = dump(store)
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done < 2000  # cancel at the second report

    with pytest.raises(ki.ImportCancelled):
        ki.import_file(services, world.manager, world.plan_id, path, progress=progress)
    assert calls == [(0, 5000), (2000, 5000)]
    assert dump(store) == before


def test_xlsx(tmp_path, services, world):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["统计日期", "销售额", "日单量"])
    ws.append([dt.datetime(2026, 9, 1), 1234.5, 3])
    ws.append(["2026/9/2", "1.5万", "4"])
    path = tmp_path / "shop.xlsx"
    wb.save(path)
    prep, _ = ki.import_file(services, world.manager, world.plan_id, path)
    assert prep.ok and prep.new == 4
    assert dict(services.kpis.values(world.kpis["sales"])) == {D(2026, 9, 1): 1234.5, D(2026, 9, 2): 15_000}


def test_not_a_workbook(tmp_path, services, world):
    path = write(tmp_path, "x.xlsx", "not a zip")
    with pytest.raises(ValidationError, match="x.xlsx: not a readable"):
        ki.read_table(path)


@pytest.mark.sqlite_only  # the CLI is pointed at the database file
def test_cli_import(tmp_path, store, world, capsys, monkeypatch):
    store.close()
    db = str(tmp_path / "t.db")
    path = write(tmp_path, "cli.csv", CSV, "gbk")
    monkeypatch.delenv("OPSDESK_PASSWORD", raising=False)
    args = ["kpi", "import", str(path), "--db", db, "--user", "cs"]
    assert cli.main(args) == 1  # cs does not own sales: nothing imported
    assert "line 2, column B (销售额)" in capsys.readouterr().err
    assert cli.main([*args, "--map", "date=日期", "--map", "daily_orders=日单量"]) == 0
    assert "4 new" in capsys.readouterr().out
    assert cli.main([*args, "--map", "date=日期", "--map", "daily_orders=日单量"]) == 0
    assert "0 new, 0 changed, 4 unchanged" in capsys.readouterr().out
    assert cli.main([*args, "--skip-bad"]) == 0
    assert "4 skipped" in capsys.readouterr().out
    assert os.path.exists(db)


def test_a_cell_over_two_lines_does_not_shift_the_line_numbers(tmp_path, services, world):
    path = write(tmp_path, "notes.csv",
                 "日期,销售额,备注\n"
                 '2026-09-01,100,"第一行\n第二行"\n'  # lines 2–3: one row
                 "2026-09-03,abc,x\n")                 # line 4
    table = ki.read_table(path)
    prep = ki.prepare(services, world.manager, world.plan_id, table,
                      ki.guess_mapping(table.headers, services.kpis.list(world.plan_id)))
    assert [p.message for p in prep.problems] == [
        "notes.csv, line 4, column B (销售额): “abc” is not a number."]
