"""Plan templates: the built-in one loads, date offsets compute right, and a broken template
gives a ValidationError that says what is wrong."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from opsdesk.errors import ValidationError
from opsdesk.templates import available_templates, load_template
from opsdesk.templates.loader import Offset, parse_template

D = dt.date
LAUNCH = D(2026, 9, 1)


# ---- the built-in template


def test_builtin_template_loads():
    assert "ecommerce-launch" in available_templates()
    t = load_template("ecommerce-launch")
    assert t.key == "ecommerce-launch" and t.currency == "CNY"
    assert t.name.get("zh_CN") == "电商开店运营计划"
    assert t.name.get("en") == "E-commerce shop launch plan"
    assert [r.key for r in t.roles] == ["operations", "designer", "customer_service",
                                        "warehouse", "promotion", "planning"]
    assert [p.key for p in t.phases] == ["preparation", "launch", "growth"]
    keys = [task.key for task in t.tasks]
    assert len(keys) == len(set(keys)) >= 40
    online = next(task for task in t.tasks if task.key == "ms_online")
    assert online.milestone and online.start == online.due == Offset(0, 0)
    assert set(online.after) == {"tmall_ready", "logistics", "training", "warmup"}
    sales = next(k for k in t.kpis if k.key == "sales")
    assert [tg.low for tg in sales.targets] == [200000, 400000, 900000, 1500000, 3000000]
    # loading by path gives the same template
    assert load_template(available_templates()["ecommerce-launch"]) == t


def test_builtin_template_dates_are_consistent():
    from opsdesk.services.plans import template_dates

    t = load_template("ecommerce-launch")
    phases = {p.key: (p.start.on(LAUNCH), p.end.on(LAUNCH)) for p in t.phases}
    dates = template_dates(t, LAUNCH)  # anchored festivals: their 2026 dates
    for task in t.tasks:
        start, due = dates[task.key]
        assert start is not None and due is not None and start <= due, task.key
        lo, hi = phases[task.phase]
        assert lo <= start and due <= hi, f"{task.key} lies outside its phase"


def test_builtin_template_holds_what_the_seeds_say():
    """Issue #13, item 6: the cost structure, the budget figures, the daily-order floors,
    seed 000's launch-phase and growth work, the routines, operators' English."""
    t = load_template("ecommerce-launch")
    kpis = {k.key: k for k in t.kpis}

    def bounds(key: str) -> list[tuple]:
        return [(tg.low, tg.high) for tg in kpis[key].targets]

    assert bounds("marketing_share") == [(10, 15)]
    assert bounds("staff_share") == [(None, 10)] and kpis["staff_share"].direction == "lower"
    assert bounds("operations_share") == [(None, 25)]
    assert bounds("gross_margin") == [(50, None)]
    assert set(bounds("team_cost")) == {(None, 20000)} and len(bounds("team_cost")) == 5
    assert kpis["team_cost"].aggregation == "sum" and kpis["team_cost"].unit == "CNY"
    (ztc,) = kpis["ztc_daily_spend"].targets
    assert (ztc.low, ztc.high, ztc.start, ztc.end) == (50, 100, Offset(1, 0), Offset(2, -1))
    step3 = next(task for task in t.tasks if task.key == "step3")
    assert (step3.start, step3.due) == (ztc.start, ztc.end)  # the traffic step it belongs to
    floors = [tg.low for tg in kpis["daily_orders"].targets]
    assert floors[-3:] == [30, 50, 200]
    assert next(tg for tg in kpis["daily_orders"].targets if tg.low == 30).start == Offset(2, 0)
    assert bounds("hot_item_sales") == [(10, 20), (30, 60), (200, 300)]
    titles = {task.title.zh: task for task in t.tasks}
    for zh in ("店铺装修、描述页优化,塑造品牌形象", "关联搭配与套餐优化", "会员等级与积分制,老客户优惠",
               "微博、微信、微淘内容与论坛推广", "公司官网建设与维护",
               "店铺小促销:满减、优惠券、+1元换购、一元拍、淘金币"):
        assert zh in titles, zh
    assert "7折" in titles["店铺小促销:满减、优惠券、+1元换购、一元拍、淘金币"].notes.zh
    routines = {r.title.zh: r for r in t.routines}
    assert "月度例会" in routines and "月度经理会议" not in routines
    assert routines["月度例会"].rule == "FREQ=MONTHLY;BYDAY=+1MO"
    assert routines["客服回访"].role == "customer_service"
    assert "月度数据复盘" in routines
    english = {task.title.en for task in t.tasks}
    assert "12.12 flash deals" in english
    assert any("Zhitongche (pay-per-click ads)" in e for e in english)
    assert next(p for p in t.phases if p.key == "launch").name.en == "Launch (soft launch)"
    for task in t.tasks:
        assert not task.title.zh.startswith("里程碑") and not task.title.en.startswith("Milestone")
    anchors = {task.key: task.anchor for task in t.tasks if task.anchor is not None}
    assert anchors["double11"].text() == "11-11" and anchors["double12"].text() == "12-12"
    assert anchors["midautumn"].text() == "lunar:08-15"
    assert anchors["doubleninth"].text() == "lunar:09-09"
    assert anchors["double11_pages"].text() == "task:double11"
    assert anchors["double11_pages"].days == -3


def test_unknown_template_key():
    with pytest.raises(ValidationError) as info:
        load_template("space-launch")
    assert "There is no template “space-launch”" in info.value.message
    assert "ecommerce-launch" in info.value.message


# ---- offsets


@pytest.mark.parametrize(
    ("text", "offset", "day"),
    [
        ("L", Offset(0, 0), D(2026, 9, 1)),
        ("L-22", Offset(0, -22), D(2026, 8, 10)),
        ("L+6", Offset(0, 6), D(2026, 9, 7)),
        ("L+1m", Offset(1, 0), D(2026, 10, 1)),
        ("L-1m", Offset(-1, 0), D(2026, 8, 1)),
        ("L+3m-1", Offset(3, -1), D(2026, 11, 30)),
        ("L+4m-1", Offset(4, -1), D(2026, 12, 31)),
        ("L+4m-7", Offset(4, -7), D(2026, 12, 25)),
        ("L+6m-1", Offset(6, -1), D(2027, 2, 28)),
        ("L+12m", Offset(12, 0), D(2027, 9, 1)),
        ("L + 1m - 1", Offset(1, -1), D(2026, 9, 30)),
        ("L+102", Offset(0, 102), D(2026, 12, 12)),
    ],
)
def test_offsets(text, offset, day):
    assert Offset.parse(text) == offset
    assert offset.on(LAUNCH) == day


@pytest.mark.parametrize(
    ("launch", "text", "day"),
    [
        (D(2026, 1, 31), "L+1m", D(2026, 2, 28)),  # clamped to the month's last day
        (D(2028, 1, 31), "L+1m", D(2028, 2, 29)),  # leap year
        (D(2026, 3, 31), "L-1m", D(2026, 2, 28)),
        (D(2026, 3, 31), "L+1m-1", D(2026, 4, 29)),  # months first, then days
        (D(2026, 12, 15), "L+1m", D(2027, 1, 15)),
        (D(2026, 1, 15), "L-1m", D(2025, 12, 15)),
    ],
)
def test_offsets_at_month_ends(launch, text, day):
    assert Offset.parse(text).on(launch) == day


@pytest.mark.parametrize("text", ["", "X+1", "L+1d", "L+m", "L+1.5", "L1", "l+1", "L+1m+", "22",
                                  "L-1m-1m"])
def test_bad_offsets(text):
    with pytest.raises(ValueError, match="bad date offset"):
        Offset.parse(text)


# ---- broken templates

GOOD = """
[template]
key = "mini"
name_zh = "迷你"
name_en = "Mini"

[[roles]]
key = "ops"
name_zh = "运营"
name_en = "Operations"

[[phases]]
key = "prep"
name_zh = "准备"
start = "L-1m"
end = "L-1"

[[tasks]]
key = "a"
phase = "prep"
title_zh = "甲"
role = "ops"
start = "L-10"
due = "L-5"

[[tasks]]
key = "b"
phase = "prep"
title_zh = "乙"
role = "ops"
start = "L-4"
due = "L-1"
after = ["a"]

[[kpis]]
key = "sales"
name_zh = "销售额"
unit = "CNY"
direction = "higher"
aggregation = "sum"
owner = "ops"
targets = [{ start = "L", end = "L+1m-1", low = 100 }]
"""


def _write(tmp_path: Path, text: str, name: str = "mini.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_small_template_loads_and_english_falls_back_to_chinese(tmp_path):
    t = load_template(_write(tmp_path, GOOD))
    assert t.key == "mini" and t.currency == "CNY"
    assert t.phases[0].name.get("en") == "准备"
    assert t.tasks[1].after == ("a",)
    assert t.kpis[0].targets[0].low == 100 and t.kpis[0].targets[0].high is None


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        ('role = "ops"\nstart = "L-10"', 'role = "cook"\nstart = "L-10"',
         ["task a: unknown role cook"]),
        ('owner = "ops"', 'owner = "finance"', ["kpi sales: unknown role finance"]),
        ('phase = "prep"\ntitle_zh = "乙"', 'phase = "later"\ntitle_zh = "乙"',
         ["task b: unknown phase later"]),
        ('after = ["a"]', 'after = ["zzz"]', ["task b: unknown task zzz"]),
        ('key = "b"', 'key = "a"', ["duplicate task keys"]),
        ('due = "L-5"', 'due = "L-5d"', ["bad date offset", "L-5d"]),
        ('start = "L-1m"', 'start = "next monday"', ["bad date offset", "next monday"]),
        ('end = "L+1m-1", low = 100', 'end = "L+1m-1", low = 100, high = 1e9',
         None),  # still valid
        ('[template]\nkey = "mini"', '[template]\nname = "mini"', ["key"]),
        ('unit = "CNY"\n', '', ["unit"]),
        ('key = "a"\nphase = "prep"', 'phase = "prep"', ["key"]),
        ('after = ["a"]', 'after = ["b"]', ["task b", "make a loop"]),
        ('role = "ops"\nstart = "L-10"', 'role = "ops"\nafter = ["b"]\nstart = "L-10"',
         ["loop"]),
        ('due = "L-5"', 'due = "L-5"\npriority = "asap"', ["task a", "unknown priority asap"]),
        ('direction = "higher"', 'direction = "up"', ["kpi sales", "unknown direction up"]),
    ],
    ids=["task-role", "kpi-owner", "phase", "after", "duplicate", "bad-offset",
         "phase-offset", "valid-high", "no-key", "no-unit", "task-no-key", "after-self",
         "after-cycle", "bad-priority", "bad-direction"],
)
def test_broken_template(tmp_path, old, new, fragments):
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new, 1))
    if fragments is None:
        load_template(path)
        return
    with pytest.raises(ValidationError) as info:
        load_template(path)
    assert info.value.field == "template"
    message = info.value.message
    assert message.startswith("The template mini.toml is not valid:")
    for fragment in fragments:
        assert fragment in message


def test_several_problems_are_all_reported(tmp_path):
    text = GOOD.replace('owner = "ops"', 'owner = "finance"').replace(
        'after = ["a"]', 'after = ["zzz"]')
    with pytest.raises(ValidationError) as info:
        load_template(_write(tmp_path, text))
    assert "unknown role finance" in info.value.message
    assert "unknown task zzz" in info.value.message


def test_subtask_listed_before_its_parent_is_refused(tmp_path):
    text = GOOD.replace('key = "a"\nphase = "prep"', 'key = "a"\nparent = "b"\nphase = "prep"')
    with pytest.raises(ValidationError) as info:
        load_template(_write(tmp_path, text))
    assert "task a: its parent b must come before it" in info.value.message


@pytest.mark.parametrize(
    "text",
    [
        'this is not = = toml',
        '[template]\nkey = "x"\n[template]\nkey = "y"\n',  # table defined twice
        '[template\nkey = "x"',
        'key = "unterminated',
    ],
)
def test_bad_toml(tmp_path, text):
    path = _write(tmp_path, text, "broken.toml")
    with pytest.raises(ValidationError) as info:
        load_template(path)
    assert info.value.field == "template"
    assert info.value.message.startswith("The template broken.toml is not valid:")
    assert len(info.value.message) > len("The template broken.toml is not valid: ")


def test_parse_template_needs_a_template_table():
    with pytest.raises(ValidationError) as info:
        parse_template({"roles": []}, "dict")
    assert "The template dict is not valid" in info.value.message
