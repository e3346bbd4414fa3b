"""Build the sample database (``opsdesk.db.sample``): a tea shop's Tmall launch plan, as of a
fixed day, with its team, their work and three months of KPI actuals.

Everything is written through the services, with a fixed random seed and a fake clock, so two
builds produce byte-for-byte the same file. No Qt.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from opsdesk.services import Actor, Services, permissions
from opsdesk.services.plans import template_dates
from opsdesk.store import open_store
from opsdesk.templates import Template, load_template

__all__ = ["AS_OF", "SAMPLE_LOGINS", "build_sample", "kpi_series"]

SEED = 20260901
LAUNCH = dt.date(2026, 9, 1)
AS_OF = dt.date(2026, 11, 20)  # "today" in the sample: everything after it is the future
PLAN_NAME = "云栖茶业天猫旗舰店运营计划"
TEMPLATE = "ecommerce-launch"
MANAGER_PASSWORD = "opsdesk"
_SALT = b"opsdesk-sample-1"  # a fixed argon2 salt: only for a reproducible sample file
_UTC_OFFSET = dt.timedelta(hours=8)  # the office is in China; timestamps are stored in UTC

# login → (name, role key, password or None); staff sign in without a password.
SAMPLE_LOGINS: dict[str, tuple[str, str, str | None]] = {
    "manager": ("王经理", "operations", MANAGER_PASSWORD),
    "yunying": ("陈晓明", "operations", None),
    "meigong": ("林雨桐", "designer", None),
    "kefu1": ("张敏", "customer_service", None),
    "kefu2": ("刘佳怡", "customer_service", None),
    "cangguan": ("赵强", "warehouse", None),
    "tuiguang": ("孙浩", "promotion", None),
    "cehua": ("周婷", "planning", None),
}

# ---- the story of the tasks

# Who the manager gives each template task to; ``None`` leaves it to the role.
ASSIGN: dict[str, str | None] = {
    "team": "manager", "team_hire_first": "manager", "team_sop": "manager",
    "ms_team": "manager", "targets": "manager", "ms_online": "manager",
    "ms_first_month": "manager", "halfyear_review": "manager",
    "selection": "yunying", "ms_selection": "yunying", "tmall_upload": "yunying",
    "step1": "yunying", "step2": "yunying", "cstore": "yunying", "ms_cstore": "yunying",
    "training": "kefu1", "double11_service": "kefu2",
    "step5": None, "double12": None, "distribution": None, "ms_distribution": None,
    "review_care": None,
}
DONE_SHIFT = {"step2": 2, "ms_first_month": 1, "step3": 3, "tmall_upload": 0}
# Template tasks that end (as of AS_OF) otherwise than the rule (done when due before AS_OF).
BLOCKED = {"cstore": (dt.date(2026, 11, 10), "yunying",
                      "C店实名认证卡住了:需要公司营业执照副本扫描件,已找财务要,预计下周到。")}
ROUTINE_MISSED = {AS_OF - dt.timedelta(days=1)}  # the day the order check slipped
REWORK = {"tmall_detail": "主图尺寸不符合天猫 800×800 的要求,请重新导出后再勾选。"}


@dataclass(frozen=True)
class Extra:
    """A task the manager adds while the plan runs."""

    key: str
    title: str
    role: str
    login: str | None
    start: dt.date
    due: dt.date
    outcome: str  # done, doing, todo, blocked
    notes: str = ""


def _d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


EXTRAS = (
    Extra("x_ztc", "直通车关键词优化", "promotion", "tuiguang", _d(9, 14), _d(9, 30), "done",
          "每周剔除低点击词,补充长尾词;目标平均点击单价 ≤1.5 元。"),
    Extra("x_badreview", "中差评回访", "customer_service", "kefu2", _d(9, 15), _d(9, 30), "done"),
    Extra("x_report_sep", "9月经营数据月报", "operations", "yunying", _d(10, 1), _d(10, 5), "done"),
    Extra("x_taoke", "淘宝客佣金方案", "promotion", "tuiguang", _d(10, 5), _d(10, 20), "done"),
    Extra("x_detail_v2", "详情页优化第二版(龙井系列)", "designer", "meigong", _d(10, 10),
          _d(11, 15), "doing", "根据9月数据,首屏突出产地与检测报告,缩短详情页长度。"),
    Extra("x_buyershow", "买家秀征集活动", "planning", "cehua", _d(10, 20), _d(11, 8), "done"),
    Extra("x_script_d11", "客服话术库更新(双11版)", "customer_service", "kefu1", _d(10, 25),
          _d(11, 5), "done", "预售、定金、发货时间、赠品四类问题的统一回复。"),
    Extra("x_stocktake", "10月库存盘点", "warehouse", "cangguan", _d(10, 28), _d(10, 31), "done"),
    Extra("x_report_oct", "10月经营数据月报", "operations", "yunying", _d(11, 1), _d(11, 5), "done"),
    Extra("x_courier", "快递费率年度复议", "warehouse", "cangguan", _d(11, 2), _d(11, 17), "todo"),
    Extra("x_juhuasuan", "报名聚划算(龙井礼盒)", "promotion", "tuiguang", _d(11, 2), _d(11, 14),
          "blocked"),
    Extra("x_member", "会员体系方案", "planning", "cehua", _d(11, 10), _d(11, 30), "doing"),
    Extra("x_d11_exceptions", "双11发货异常件处理", "warehouse", "cangguan", _d(11, 12),
          _d(11, 18), "doing", "破损、错发、漏发登记,补发后通知客服回访。"),
    Extra("x_winter_home", "店铺首页冬季改版", "designer", "meigong", _d(11, 23), _d(12, 5), "todo"),
    Extra("x_d12_shifts", "双12客服排班", "customer_service", None, _d(12, 1), _d(12, 10), "todo"),
)
BLOCKED_EXTRA = {"x_juhuasuan": (_d(11, 9), "tuiguang",
                                 "聚划算要求报名单品近30天销量≥300件,龙井礼盒目前约240件,审核没通过,双11后再报。")}

# (task key, day, local hh, mm, login, text); {placeholders} are filled from the KPI figures.
COMMENTS = (
    ("team", _d(8, 3), 9, 40, "manager", "美工和客服本周到岗;运营、推广、仓管下周面试。"),
    ("team_sop", _d(8, 8), 15, 10, "manager", "SOP 初稿已发群里,周一前每个岗位提修改意见。"),
    ("selection", _d(8, 12), 16, 25, "yunying",
     "竞品分析表已放共享盘:主推明前龙井和白茶礼盒,引流款用 9.9 元试饮装。"),
    ("tmall_photos", _d(8, 18), 17, 5, "meigong", "第一批 32 款已拍完,白底图今天处理完,场景图明天补拍。"),
    ("logistics", _d(8, 20), 11, 30, "cangguan",
     "对比了中通、圆通、顺丰:江浙沪首重 5 元,偏远地区另计;建议礼盒走顺丰。"),
    ("training", _d(8, 21), 10, 15, "kefu1", "话术里关于冲泡方法和保质期的问题,能不能给一份标准答案?"),
    ("training", _d(8, 21), 14, 0, "yunying", "已整理到《客服话术V1》,在共享盘/客服 目录下。"),
    ("tmall_detail", _d(8, 22), 18, 0, "meigong", "详情页完成 12/20,龙井和白茶礼盒已上传,请王经理过目。"),
    ("tmall_detail", _d(8, 23), 9, 20, "manager", "首屏卖点再突出一点,产地和检测报告放到前三屏。"),
    ("warmup", _d(8, 28), 16, 45, "tuiguang", "微博预热文已发 3 篇,转发 420 次;门户软文周一上线。"),
    ("opening_promo", _d(9, 2), 11, 20, "kefu2",
     "很多顾客问“满199减30”能不能和店铺券叠加,请给统一口径。"),
    ("opening_promo", _d(9, 2), 11, 45, "cehua", "不能叠加,已补充到活动说明,客服按这个回复。"),
    ("step1", _d(9, 9), 10, 5, "yunying", "搜索词前三:西湖龙井 明前、龙井 礼盒、福鼎白茶。"),
    ("midautumn_prep", _d(9, 14), 17, 30, "meigong", "中秋礼盒主图和海报初稿出了 3 版,等策划选。"),
    ("midautumn_prep", _d(9, 15), 9, 50, "cehua", "选第 2 版;文案“送长辈”改成“中秋送礼”。"),
    ("midautumn", _d(9, 23), 15, 40, "cangguan", "礼盒库存 600 套,已提前打包 200 套,25 号前下单当天发。"),
    ("ms_first_month", _d(10, 1), 10, 30, "manager",
     "9月销售额 {sep_sales} 元,完成首月目标的 {sep_pct}%;转化率偏低,10月重点优化详情页。"),
    ("step3", _d(10, 8), 14, 10, "tuiguang", "直通车日预算调到 100 元,关键词 58 个,平均点击单价 1.2 元。"),
    ("doubleninth_prep", _d(10, 12), 11, 0, "cehua", "重阳主题“敬老茶礼”,老白茶礼盒 8.5 折,页面请美工周三前出。"),
    ("weibo", _d(10, 20), 16, 20, "tuiguang", "重阳话题微博阅读 3.2 万,带来店铺访客约 900。"),
    ("double11_prep", _d(10, 25), 10, 40, "cehua", "双11 报名已提交,活动价 10 月 30 日锁定,请大家核对价格表。"),
    ("x_detail_v2", _d(10, 28), 17, 50, "meigong", "龙井系列 6 个详情页改完 2 个,双11 页面优先,这个顺延。"),
    ("double11_pages", _d(11, 2), 18, 10, "meigong", "双11 主会场页面完成 80%,倒计时模块明天上线。"),
    ("x_report_oct", _d(11, 4), 17, 40, "yunying",
     "10月销售额 {oct_sales} 元,完成目标的 {oct_pct}%,差一点;主要是国庆假期流量下滑。"),
    ("x_report_oct", _d(11, 5), 9, 10, "manager", "差得不多,双11 要补回来。"),
    ("double11_stock", _d(11, 5), 15, 0, "cangguan", "按预测单量的 1.5 倍备货;已约快递 11、12 日加派两趟揽收车。"),
    ("double11", _d(11, 12), 9, 15, "manager",
     "双11 当天 {d11_orders} 单,销售额 {d11_sales} 元。辛苦大家!售后和发货这周盯紧。"),
    ("double11_service", _d(11, 13), 11, 30, "kefu1",
     "售后咨询量是平时的 5 倍,“什么时候发货”最多;统一回复:48 小时内发货。"),
    ("double11_service", _d(11, 14), 10, 20, "kefu2", "有 3 单快递破损要求补发,已登记,仓管请核对。"),
    ("x_d11_exceptions", _d(11, 14), 14, 35, "cangguan", "3 单破损已补发;还有 5 单地址错误在联系买家。"),
    ("review_care", _d(11, 16), 16, 0, "kefu2", "12–15 日好评率掉到 98.5% 以下,主要是物流慢,已逐一回访。"),
    ("cstore", _d(11, 17), 10, 0, "manager", "营业执照副本已寄出,到了马上继续。"),
    ("x_detail_v2", _d(11, 19), 17, 20, "manager", "已经超期了,这周五前先上线龙井 3 个页面。"),
)

# ---- KPI actuals

MONTH_TARGETS = {9: 200_000, 10: 400_000, 11: 900_000}  # the template's monthly sales targets
SALES_AIM = {9: 203_000, 10: 384_000, 11: 588_000}  # what the sample's months add up to
UV_KNOTS = ((_d(9, 1), 1450.0), (_d(9, 30), 3100.0), (_d(10, 31), 6950.0), (_d(11, 20), 9400.0))
WEEKDAY_UV = (1.00, 0.97, 0.98, 0.99, 0.93, 1.07, 1.12)
# day → (visitor factor, conversion points added, typical order value)
PROMOS: dict[dt.date, tuple[float, float, float]] = {
    **{_d(9, 1 + i): (f, c, 240.0) for i, (f, c) in enumerate(
        [(1.7, 0.2), (1.5, 0.15), (1.35, 0.1), (1.25, 0.08), (1.15, 0.05), (1.1, 0.03)])},
    **{_d(9, 18 + i): (1.1 + 0.08 * i, 0.05 + 0.02 * i, 285.0) for i in range(7)},
    _d(9, 25): (1.8, 0.25, 295.0), _d(9, 26): (0.9, 0.0, 250.0),
    **{_d(10, d): (0.9, -0.05, 228.0) for d in range(1, 8)},  # National Day holiday: away
    _d(10, 16): (1.1, 0.05, 250.0), _d(10, 17): (1.2, 0.1, 255.0),
    _d(10, 18): (1.6, 0.22, 262.0),
    **{_d(11, d): (1.25, -0.15, 240.0) for d in range(1, 11)},  # Double 11 warm-up: carts
    _d(11, 11): (4.2, 0.35, 268.0), _d(11, 12): (1.4, 0.05, 245.0),
}
KPI_ENTRY = {  # KPI key → who enters it (a person of the owner role)
    "sales": "yunying", "conversion": "yunying", "target_completion": "yunying",
    "gross_margin": "manager", "roi": "tuiguang", "marketing_share": "tuiguang",
    "daily_visitors": "tuiguang", "daily_orders": "kefu1", "repurchase": "kefu1",
    "positive_reviews": "kefu2", "staff_share": "manager", "operations_share": "manager",
    "team_cost": "manager", "ztc_daily_spend": "tuiguang", "hot_item_sales": "yunying",
}


def _days() -> list[dt.date]:
    return [LAUNCH + dt.timedelta(days=i) for i in range((AS_OF - LAUNCH).days + 1)]


def _interp(day: dt.date) -> float:
    for (d0, v0), (d1, v1) in zip(UV_KNOTS, UV_KNOTS[1:], strict=False):
        if d0 <= day <= d1:
            return v0 + (v1 - v0) * (day - d0).days / (d1 - d0).days
    return UV_KNOTS[-1][1]


def kpi_series(rng: random.Random) -> dict[str, list[tuple[dt.date, float]]]:
    """Daily actuals for the template's KPIs, consistent with each other (see the tests)."""
    days = _days()
    n = len(days)
    span = max(1, n - 1)
    noise = [rng.gauss(1.0, 0.06) for _ in days]
    conv_noise = [rng.gauss(0.0, 0.05) for _ in days]
    aov_noise = [rng.gauss(1.0, 0.04) for _ in days]
    roi_draw = []
    for _ in days:
        p = rng.random()
        roi_draw.append(rng.uniform(2.5, 2.98) if p < 0.08 else rng.uniform(5.02, 5.8)
                        if p < 0.15 else rng.uniform(3.15, 4.85))
    review_draw = [rng.uniform(98.0, 98.45) if rng.random() < 0.06 else
                   min(99.9, rng.gauss(99.05, 0.25)) for _ in days]
    repurchase_noise = [rng.gauss(0.0, 0.9) for _ in days]
    margin_noise = [rng.gauss(0.0, 1.5) for _ in days]

    conv = []
    for i, day in enumerate(days):
        promo = PROMOS.get(day, (1.0, 0.0, 228.0))
        weekend = 0.03 if day.weekday() >= 5 else 0.0
        c = 0.88 + 0.24 * i / span + promo[1] + weekend + conv_noise[i]
        conv.append(round(min(1.45, max(0.78, c)), 2))
    aov = [PROMOS.get(day, (1.0, 0.0, 228.0))[2] * aov_noise[i] for i, day in enumerate(days)]

    def build(scale: dict[int, float]) -> tuple[list[int], list[int], list[int]]:
        uv, orders, sales = [], [], []
        for i, day in enumerate(days):
            promo = PROMOS.get(day, (1.0, 0.0, 228.0))[0]
            v = round(_interp(day) * WEEKDAY_UV[day.weekday()] * promo * noise[i]
                      * scale[day.month])
            o = round(v * conv[i] / 100)
            uv.append(v)
            orders.append(o)
            sales.append(round(o * aov[i]))
        return uv, orders, sales

    scale = dict.fromkeys(MONTH_TARGETS, 1.0)
    for _ in range(3):  # calibrate each month's visitors so its sales land near the aim
        _, _, sales = build(scale)
        for month, aim in SALES_AIM.items():
            total = sum(s for d, s in zip(days, sales, strict=True) if d.month == month)
            if total:
                scale[month] *= aim / total
    uv, orders, sales = build(scale)

    roi, share, completion, reviews, repurchase, margin = [], [], [], [], [], []
    month_to_date = 0
    for i, day in enumerate(days):
        if day.day == 1:
            month_to_date = 0
        month_to_date += sales[i]
        target = roi_draw[i]
        if _d(11, 1) <= day <= _d(11, 10):
            target = 2.6 + (target - 2.5) / 3.3 * 0.7  # heavy paid traffic before Double 11
        elif day == _d(11, 11):
            target = 6.1
        spend = max(1, round(sales[i] / target))
        roi.append(round(sales[i] / spend, 2))
        share.append(round(spend / sales[i] * 100, 1) if sales[i] else 0.0)
        completion.append(round(month_to_date / MONTH_TARGETS[day.month] * 100, 1))
        review = review_draw[i]
        if _d(11, 12) <= day <= _d(11, 15):  # parcels late after Double 11
            review = 97.9 + 0.55 * ((i * 7) % 10) / 10
        reviews.append(round(review, 2))
        repurchase.append(round(max(6.0, 10.0 + 17.0 * i / span + repurchase_noise[i]), 1))
        base = 50.5
        if day in PROMOS:
            base = 53.0 if PROMOS[day][2] >= 280 else 47.0
        if day == _d(11, 11):
            base = 44.8
        margin.append(round(min(56.0, max(42.0, base + margin_noise[i])), 1))

    # the budget and cost-structure figures: their own random stream (the rest stays as it was)
    more = random.Random(SEED + 11)
    team, staff, operating, ztc, hot = [], [], [], [], []
    for i, day in enumerate(days):
        month_days = ((day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
                      - dt.timedelta(days=1)).day
        cost = round(20_000 / month_days * more.gauss(0.97, 0.03))  # 2万/月 for the six
        team.append(cost)
        staff.append(round(cost / sales[i] * 100, 1) if sales[i] else 0.0)
        operating.append(round(min(29.0, max(19.0, more.gauss(24.0, 1.5))), 1))
        ztc.append(round(min(110.0, max(45.0, more.gauss(78.0, 12.0)))))
        step = (day - LAUNCH).days
        per_day = 0.4 if step < 14 else 1.0 if day.month == 9 else 1.5 if day.month == 10 else 8.0
        hot.append(max(0, round(more.gauss(per_day, per_day * 0.3))))

    columns: dict[str, Sequence[float]] = {
        "sales": sales, "roi": roi, "conversion": conv, "repurchase": repurchase,
        "positive_reviews": reviews, "target_completion": completion,
        "marketing_share": share, "gross_margin": margin, "daily_orders": orders,
        "daily_visitors": uv, "staff_share": staff, "operations_share": operating,
        "team_cost": team, "ztc_daily_spend": ztc, "hot_item_sales": hot,
    }
    return {k: list(zip(days, v, strict=True)) for k, v in columns.items()}


# ---- building

class _Clock:
    """The fake clock the services read: set to each action's moment before it runs."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A local office time on ``day``, as the naive UTC the database stores."""
    return dt.datetime.combine(day, dt.time(hour, minute)) - _UTC_OFFSET


def _office(rng: random.Random, day: dt.date, first: int = 10, last: int = 18) -> dt.datetime:
    return _at(day, rng.randint(first, last - 1), rng.randrange(0, 60))


class _Builder:
    def __init__(self, services: Services, clock: _Clock, rng: random.Random,
                 template: Template) -> None:
        self.sv, self.clock, self.rng, self.template = services, clock, rng, template
        self.dates = template_dates(template, LAUNCH)  # (start, due) by task key, festivals too
        self.events: list[tuple[dt.datetime, int, Callable[[], object]]] = []
        self.users: dict[str, int] = {}
        self.actors: dict[str, Actor] = {}
        self.role_ids: dict[str, int] = {}
        self.tasks: dict[str, int] = {}
        self.plan_id = 0

    def later(self, when: dt.datetime, action: Callable[[], object]) -> None:
        self.events.append((when, len(self.events), action))

    def run(self) -> None:
        for when, _, action in sorted(self.events, key=lambda e: (e[0], e[1])):
            self.clock.now = when
            action()
        self.events.clear()

    def actor(self, login: str | None) -> Actor:
        return self.actors[login or "manager"]

    # -- people and the plan

    def people_and_plan(self) -> None:
        sv = self.sv  # set up like `opsdesk init`: the plan (and its roles), then the manager
        self.clock.now = _at(_d(7, 30), 9, 0)
        created = sv.plans.create_from_template(Actor.system(), self.template, LAUNCH,
                                                PLAN_NAME, lang="zh_CN", routines=True)
        assert created.plan_id is not None  # a new plan's Changes name it
        self.plan_id = created.plan_id
        self.role_ids = {r.key: r.id for r in sv.people.roles()}
        self.clock.now = _at(_d(7, 30), 9, 5)
        name, role, password = SAMPLE_LOGINS["manager"]
        self.users["manager"] = min(sv.people.create_user(
            Actor.system(), name, "manager", role, is_manager=True, password=password,
            _salt=_SALT).ids)
        self.actors["manager"] = sv.people.actor_for(self.users["manager"])
        manager = self.actors["manager"]
        for minute, (login, (name, role, password)) in enumerate(SAMPLE_LOGINS.items()):
            if login == "manager":
                continue
            self.clock.now = _at(_d(7, 30), 10, minute * 3)
            self.users[login] = min(sv.people.create_user(
                manager, name, login, role, password=password, _salt=_SALT).ids)
            self.actors[login] = sv.people.actor_for(self.users[login])
        keys = [t.key for t in self.template.tasks]
        rows = sv.tasks.list(self.plan_id)
        by_position = {r.position: r.id for r in rows}
        self.tasks = {key: by_position[pos] for pos, key in enumerate(keys)}

    def assignee_for(self, key: str, role: str | None) -> str | None:
        if key in ASSIGN:
            return ASSIGN[key]
        staff = [login for login, (_, r, _) in SAMPLE_LOGINS.items()
                 if r == role and login != "manager"]
        if not staff:
            return "manager" if role == SAMPLE_LOGINS["manager"][1] else None
        return staff[sum(map(ord, key)) % len(staff)]

    # -- template tasks

    def template_tasks(self) -> None:
        phase_of = {t.key: t.phase for t in self.template.tasks}
        specs = {t.key: t for t in self.template.tasks}
        owners = {k: self.assignee_for(k, t.role) for k, t in specs.items()}
        minute = 0
        for key in specs:  # the manager hands out the work in two sittings
            login = owners[key]
            if login is None:
                continue
            day, hour = (_d(7, 31), 10) if phase_of[key] != "growth" else (_d(9, 28), 14)
            minute += 1
            self.later(_at(day, hour + minute // 60, minute % 60), self._assign(key, login))
        done = self._done_times(specs)
        for key, spec in specs.items():
            start, due = self.dates[key]
            actor = self.actor(owners[key] or self._role_staff(spec.role))
            if key in done:
                if key in REWORK:
                    first = done[key] - dt.timedelta(days=1, hours=2)
                    self.later(first, self._tick(key, actor))
                    self.later(first + dt.timedelta(hours=3), self._reopen(key, REWORK[key]))
                self.later(done[key], self._tick(key, actor))
            elif start is not None and start <= AS_OF and (due is None or due >= AS_OF
                                                           or key in BLOCKED):
                self.later(_office(self.rng, start, 9, 10), self._status(key, "doing"))
            if key in BLOCKED:
                day, login, text = BLOCKED[key]
                self.later(_at(day, 15, 20), self._comment(key, login, text))
                self.later(_at(day, 15, 45), self._status(key, "blocked"))

    # -- routines: customer service checks the orders every day, operations meets and sums up

    def routine_work(self) -> None:
        """Tick each routine occurrence due before AS_OF on its day (one day's order check
        is left overdue); a separate random stream keeps the rest of the story unchanged."""
        rng = random.Random(SEED + 5)
        snap = self.sv.series.snapshot(self.plan_id)
        kefu = ("kefu1", "kefu2")
        for row in sorted(snap.tasks, key=lambda r: (r["due"], r["id"])):
            due = row["due"]
            if due >= AS_OF or due in ROUTINE_MISSED:
                continue
            if row["role_id"] == self.role_ids["customer_service"]:
                login, when = kefu[due.toordinal() % 2], _office(rng, due, 9, 10)
            elif row["series_id"] == min(r["series_id"] for r in snap.tasks
                                         if r["role_id"] == row["role_id"]):
                login, when = "manager", _at(due, 16, rng.randint(0, 50))
            else:
                login, when = "yunying", _at(due, 17, rng.randint(10, 55))
            self.later(when, self._tick_id(row["id"], self.actor(login)))

    def _tick_id(self, task_id: int, actor: Actor) -> Callable[[], object]:
        return lambda: self.sv.tasks.tick_off(actor, task_id)

    def _role_staff(self, role: str | None) -> str:
        for login, (_, r, _) in SAMPLE_LOGINS.items():
            if r == role and login != "manager":
                return login
        return "manager"

    def _done_times(self, specs: dict) -> dict[str, dt.datetime]:
        """When each task due before AS_OF was ticked: on or near its due day, after its
        predecessors and subtasks."""
        children: dict[str, list[str]] = {}
        for k, t in specs.items():
            if t.parent:
                children.setdefault(t.parent, []).append(k)
        memo: dict[str, dt.datetime | None] = {}

        def when(key: str) -> dt.datetime | None:
            if key in memo:
                return memo[key]
            spec = specs[key]
            start, due = self.dates[key]
            memo[key] = None
            if due is None or due >= AS_OF or key in BLOCKED:
                return None
            shift = DONE_SHIFT.get(key)
            if shift is None:
                shift = 0 if spec.milestone else self.rng.choices(
                    (-2, -1, 0, 1, 2), weights=(1, 2, 4, 2, 1))[0]
            day = min(AS_OF, due + dt.timedelta(days=shift))
            if start is not None:
                day = max(day, start)
            moment = _office(self.rng, day)
            for other in (*spec.after, *children.get(key, ())):
                before = when(other) if other in specs else None
                if before is not None and before >= moment:
                    moment = before + dt.timedelta(minutes=self.rng.randint(10, 40))
            memo[key] = moment
            return moment

        return {k: v for k in specs if (v := when(k)) is not None}

    # -- tasks the manager adds along the way

    def extra_tasks(self) -> None:
        phases = self.sv.plans.phases(self.plan_id)
        for x in EXTRAS:
            phase = next((p.id for p in phases if p.start <= x.start <= p.end), phases[-1].id)
            created = min(AS_OF, x.start - dt.timedelta(days=3))
            self.later(_office(self.rng, created, 9, 12), self._create(x, phase))
            actor = self.actor(x.login or self._role_staff(x.role))
            if x.outcome == "done":
                shift = self.rng.choices((-1, 0, 1, 2), weights=(2, 4, 2, 1))[0]
                day = max(x.start, min(AS_OF, x.due + dt.timedelta(days=shift)))
                self.later(_office(self.rng, day), self._tick(x.key, actor))
            elif x.outcome in ("doing", "blocked") and x.start <= AS_OF:
                self.later(_office(self.rng, x.start, 9, 10), self._status(x.key, "doing"))
            if x.key in BLOCKED_EXTRA:
                day, login, text = BLOCKED_EXTRA[x.key]
                self.later(_at(day, 16, 5), self._comment(x.key, login, text))
                self.later(_at(day, 16, 30), self._status(x.key, "blocked"))

    # -- comments and KPI values

    def comments(self, figures: dict[str, str]) -> None:
        known = {*self.tasks, *(x.key for x in EXTRAS)}
        for key, day, hour, minute, login, text in COMMENTS:
            if key in known and day <= AS_OF:
                self.later(_at(day, hour, minute), self._comment(key, login, text.format(**figures)))

    def kpi_values(self, series: dict[str, list[tuple[dt.date, float]]]) -> None:
        kpis = {k.key: k for k in self.sv.kpis.list(self.plan_id)}
        for key, values in series.items():
            kpi = kpis.get(key)
            if kpi is None:
                continue
            actor = self.actor(KPI_ENTRY.get(key))
            if not permissions.can_enter_kpi(actor, kpi.owner_role_id):
                actor = self.actor("manager")
            batch: list[tuple[dt.date, float]] = []
            for day, value in values:
                batch.append((day, value))
                if day.weekday() == 6 or day == AS_OF:  # entered each Monday, and on AS_OF
                    entry = day + dt.timedelta(days=1) if day != AS_OF else day
                    when = _office(self.rng, entry, 10, 12) if day != AS_OF else _at(day, 18, 20)
                    self.later(when, self._record(actor, kpi.id, batch))
                    batch = []

    def spending(self) -> None:
        """Money out, as the manager enters it: the team's 2万/月 and an ad budget from
        August, 直通车 at 50–100 元 a day from launch (the seeds' traffic step), 淘宝客 and
        钻展 from October, monthly staff and operations costs; entered each Monday."""
        manager = self.actor("manager")
        ads_budget = {8: 1500.0, 9: 3000.0, 10: 4500.0, 11: 6000.0, 12: 6000.0}
        budgets = [(_d(m, 1), "staff", 20_000.0) for m in range(8, 13)]
        budgets += [(_d(m, 1), "ads", amount) for m, amount in ads_budget.items()]
        self.later(_at(_d(8, 3), 9, 30),
                   lambda: self.sv.spending.set_budgets(manager, self.plan_id, budgets))
        batch: list[tuple[dt.date, bool, str, float | None, str]] = []
        day = _d(9, 1)
        while day <= AS_OF:
            batch.append((day, False, "ztc", float(self.rng.randrange(50, 101)), ""))
            if day.month >= 10:
                batch.append((day, False, "taobaoke", float(self.rng.randrange(20, 61)), ""))
                if day.weekday() == 4:  # a Friday booth slot
                    batch.append((day, False, "zuanzhan", 300.0, ""))
            if day.day == 1:
                batch.append((day, True, "staff", 20_000.0, ""))
                batch.append((day, True, "operations", 2_500.0, "软件、快递耗材"))
            if day.weekday() == 6 or day == AS_OF:
                self.later(_office(self.rng, day + dt.timedelta(days=1), 9, 11) if day != AS_OF
                           else _at(day, 18, 30), self._spend(manager, list(batch)))
                batch = []
            day += dt.timedelta(days=1)

    # -- actions (run later, in time order)

    def _spend(self, actor: Actor,
               entries: list[tuple[dt.date, bool, str, float | None, str]]) -> Callable[[], object]:
        return lambda: self.sv.spending.enter(actor, self.plan_id, entries)

    def _assign(self, key: str, login: str) -> Callable[[], object]:
        return lambda: self.sv.tasks.update(self.actor("manager"), self.tasks[key],
                                            assignee_id=self.users[login])

    def _status(self, key: str, status: str) -> Callable[[], object]:
        return lambda: self.sv.tasks.update(self.actor("manager"), self.tasks[key], status=status)

    def _tick(self, key: str, actor: Actor) -> Callable[[], object]:
        return lambda: self.sv.tasks.tick_off(actor, self.tasks[key])

    def _reopen(self, key: str, why: str) -> Callable[[], object]:
        def action() -> None:
            self.sv.tasks.comment(self.actor("manager"), self.tasks[key], why)
            self.sv.tasks.reopen(self.actor("manager"), self.tasks[key])
        return action

    def _comment(self, key: str, login: str, text: str) -> Callable[[], object]:
        return lambda: self.sv.tasks.comment(self.actor(login), self.tasks[key], text)

    def _record(self, actor: Actor, kpi_id: int,
                batch: list[tuple[dt.date, float]]) -> Callable[[], object]:
        values = list(batch)
        return lambda: self.sv.kpis.record(actor, kpi_id, values)

    def _create(self, x: Extra, phase_id: int) -> Callable[[], object]:
        def action() -> None:
            changes = self.sv.tasks.create(
                self.actor("manager"), self.plan_id, title=x.title, notes=x.notes,
                phase_id=phase_id, role_id=self.role_ids[x.role],
                assignee_id=self.users[x.login] if x.login else None,
                start=x.start, due=x.due, position=1000 + EXTRAS.index(x))
            self.tasks[x.key] = min(changes.ids)
        return action


def _figures(series: dict[str, list[tuple[dt.date, float]]]) -> dict[str, str]:
    def month(key: str, m: int) -> float:
        return sum(v for d, v in series[key] if d.month == m)

    d11 = _d(11, 11)
    return {
        "sep_sales": f"{month('sales', 9):,.0f}", "oct_sales": f"{month('sales', 10):,.0f}",
        "sep_pct": f"{month('sales', 9) / MONTH_TARGETS[9] * 100:.1f}",
        "oct_pct": f"{month('sales', 10) / MONTH_TARGETS[10] * 100:.1f}",
        "d11_orders": f"{next(v for d, v in series['daily_orders'] if d == d11):.0f}",
        "d11_sales": f"{next(v for d, v in series['sales'] if d == d11):,.0f}",
    }


def build_sample(out: Path) -> None:
    """Write the sample database to ``out`` (replaced if it exists); reproducible."""
    out = Path(out)
    tmp = out.with_name(out.name + ".building")
    for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    rng = random.Random(SEED)
    clock = _Clock(_at(_d(7, 30), 9, 0))
    store = open_store(tmp, create=True)
    try:
        builder = _Builder(Services(store, clock=clock), clock, rng, load_template(TEMPLATE))
        series = kpi_series(rng)
        builder.people_and_plan()
        builder.template_tasks()
        builder.routine_work()
        builder.extra_tasks()
        builder.comments(_figures(series))
        builder.kpi_values(series)
        builder.spending()
        builder.run()  # every action in time order, so the change log reads as it happened
    finally:
        store.close()
    con = sqlite3.connect(tmp, isolation_level=None)
    try:  # one self-contained file: fold the WAL in, leave WAL mode, and compact
        con.execute("PRAGMA journal_mode = DELETE")
        con.execute("VACUUM")
    finally:
        con.close()
    from opsdesk.store import files

    files.replace_user_file(tmp, out)  # never over a database open in this process


def _main() -> None:  # pragma: no cover - `python -m opsdesk.sample OUT`
    import sys

    build_sample(Path(sys.argv[1] if len(sys.argv) > 1 else "opsdesk.db.sample"))


if __name__ == "__main__":  # pragma: no cover
    _main()

