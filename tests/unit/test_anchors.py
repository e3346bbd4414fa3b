"""Anchored dates (issue #13): festivals on their calendar and lunar dates whatever the
launch day, work hanging on them, moving launch day, next season's plan and templates."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from lunardate import LunarDate
from sqlalchemy import select

from opsdesk.errors import PermissionDenied, ValidationError
from opsdesk.model import Kpi, KpiTarget, Task
from opsdesk.model import anchors as A
from opsdesk.paths import SAMPLE_DB
from opsdesk.sample import MANAGER_PASSWORD
from opsdesk.services import Services
from opsdesk.services.series import occurrence_dates
from opsdesk.store import open_store
from opsdesk.templates import load_template
from opsdesk.templates.loader import parse_template

D = dt.date
FESTIVALS = {"中秋": (8, 15), "重阳": (9, 9), "春节": (1, 1), "端午": (5, 5)}


# ---- the calendar itself


@pytest.mark.parametrize("year", range(2026, 2031))
@pytest.mark.parametrize("name", FESTIVALS)
def test_lunar_festivals_match_the_library(name, year):
    month, day = FESTIVALS[name]
    found = A.on(A.LUNAR, month, day, year)
    assert found.date == LunarDate(year, month, day).to_solar_date()
    assert not found.fell_back
    assert A.year_of(A.LUNAR, found.date) == year
    # the first 中秋 on or after 1 January is that year's
    assert A.first_on_or_after(A.LUNAR, month, day, D(year, 1, 1)).date == found.date


def test_known_dates():
    assert A.on(A.LUNAR, 8, 15, 2026).date == D(2026, 9, 25)
    assert A.on(A.LUNAR, 9, 9, 2026).date == D(2026, 10, 18)
    assert A.on(A.LUNAR, 8, 15, 2027).date == D(2027, 9, 15)
    assert A.on(A.LUNAR, 1, 1, 2027).date == D(2027, 2, 6)
    assert A.lunar_label_zh(8, 15) == "八月十五" and A.lunar_label_zh(1, 1) == "正月初一"
    assert A.lunar_label_zh(12, 30) == "腊月三十" and A.lunar_label_zh(9, 9) == "九月初九"


def test_missing_lunar_day_falls_back_to_the_months_last_day():
    found = A.on(A.LUNAR, 12, 30, 2026)  # 腊月 of 2026 has 29 days
    with pytest.raises(ValueError):
        LunarDate(2026, 12, 30).to_solar_date()
    assert found.fell_back and found.day == 29
    assert found.date == LunarDate(2026, 12, 29).to_solar_date()
    assert A.on(A.DATE, 2, 29, 2027).date == D(2027, 2, 28)
    assert A.on(A.DATE, 2, 29, 2028).date == D(2028, 2, 29)


@pytest.mark.parametrize(("kind", "month", "day"), [
    (A.DATE, 2, 30), (A.DATE, 13, 1), (A.DATE, 4, 31), (A.LUNAR, 8, 31), (A.LUNAR, 0, 1)])
def test_impossible_month_days(kind, month, day):
    assert A.check(kind, month, day) is not None
    with pytest.raises(ValueError):
        A.on(kind, month, day, 2027)


# ---- the template in a plan


def _by_title(services: Services, plan_id: int) -> dict[str, object]:
    return {t.title: t for t in services.tasks.list(plan_id)}


def test_plan_launched_2027_09_01_has_2027s_festivals(services, world):
    ch = services.plans.create_from_template(world.manager, world.template, D(2027, 9, 1))
    tasks = _by_title(services, ch.plan_id)
    assert tasks["中秋促销"].due == LunarDate(2027, 8, 15).to_solar_date() == D(2027, 9, 15)
    assert tasks["重阳促销"].due == LunarDate(2027, 9, 9).to_solar_date() == D(2027, 10, 8)
    assert tasks["双11限时购"].due == D(2027, 11, 11)
    assert tasks["双12秒杀"].due == D(2027, 12, 12)
    # preparation hangs on its festival: 双11 pages due 3 days before, 13 days long
    pages = tasks["双11活动页面与主图"]
    assert (pages.start, pages.due) == (D(2027, 10, 26), D(2027, 11, 8))
    assert tasks["中秋活动策划与准备"].due == D(2027, 9, 13)
    # launch-relative work still follows launch day
    assert tasks["天猫店上线"].due == D(2027, 9, 1)
    assert not services.anchors.warnings(ch.plan_id)


def test_plan_launched_in_march_keeps_festivals_on_their_dates(services, world):
    ch = services.plans.create_from_template(world.manager, world.template, D(2027, 3, 1),
                                             lang="en")
    tasks = _by_title(services, ch.plan_id)
    assert tasks["Mid-Autumn promotion"].due == D(2027, 9, 15)  # not 2027-03-25
    assert tasks["11.11 flash sale"].due == D(2027, 11, 11)  # not 2027-05-11
    assert tasks["12.12 flash deals"].due == D(2027, 12, 12)


def test_launch_in_january_warns_that_double_12_is_already_late(services, world):
    ch = services.plans.create_from_template(world.manager, world.template, D(2027, 1, 2))
    tasks = _by_title(services, ch.plan_id)
    assert tasks["双12秒杀"].due == D(2026, 12, 12)  # the first one after the plan starts
    text = " ".join(w.message for w in services.anchors.warnings(ch.plan_id))
    assert "“双12秒杀” (2026-12-12) is already late" in text
    assert "“中秋促销”" not in text  # 2027-09-15 is fine


# ---- setting an anchor (the task dialog's Anchor row)


def test_anchor_a_task_on_a_lunar_date_and_undo(services, world):
    task = world.tasks["opening_promo"]
    before = services.tasks.get(task)
    ch = services.anchors.set(world.manager, task, A.LUNAR, month=5, day=5, year=2027)
    after = services.tasks.get(task)
    assert after.due == LunarDate(2027, 5, 5).to_solar_date()
    assert (after.due - after.start) == (before.due - before.start)  # keeps its length
    info = services.anchors.get(task)
    assert (info.kind, info.month, info.day, info.base) == (A.LUNAR, 5, 5, after.due)
    services.history.revert(world.manager, ch.change_id)
    assert services.tasks.get(task).due == before.due
    assert services.anchors.get(task).kind == A.LAUNCH


def test_lunar_30th_that_does_not_exist_says_so(services, world):
    res = services.anchors.preview(world.plan_id, world.tasks["opening_promo"], A.LUNAR,
                                   month=12, day=30, year=2026, title="除夕促销")
    assert res.due == LunarDate(2026, 12, 29).to_solar_date()
    (warning,) = res.warnings
    assert "Lunar 腊月三十 does not exist in 2026" in warning.message
    assert "腊月廿九" in warning.message


def test_fixed_date_before_the_plan_starts_is_allowed_with_a_warning(services, world):
    task = world.tasks["opening_promo"]
    res = services.anchors.preview(world.plan_id, task, A.DATE, month=6, day=18, year=2026,
                                   title="618")
    assert res.due == D(2026, 6, 18)
    assert any("before the plan starts (2026-08-01)" in w.message for w in res.warnings)
    services.anchors.set(world.manager, task, A.DATE, month=6, day=18, year=2026)
    assert services.tasks.get(task).due == D(2026, 6, 18)
    assert any("before the plan starts" in w.message
               for w in services.anchors.warnings(world.plan_id))


def test_moving_a_festival_moves_what_hangs_on_it_and_undo(services, world):
    double11, prep = world.tasks["double11"], world.tasks["double11_prep"]
    pages, service = world.tasks["double11_pages"], world.tasks["double11_service"]
    before = {i: (services.tasks.get(i).start, services.tasks.get(i).due)
              for i in (double11, prep, pages, service)}
    ch = services.tasks.update(world.manager, double11, start=D(2026, 11, 13), due=D(2026, 11, 13))
    assert {prep, pages, service} <= ch.ids
    for i in (prep, pages, service):
        start, due = before[i]
        assert (services.tasks.get(i).start, services.tasks.get(i).due) == (
            start + dt.timedelta(days=2), due + dt.timedelta(days=2))
    assert services.anchors.get(double11).days == 2  # 11-11 plus two days
    services.history.revert(world.manager, ch.change_id)
    assert {i: (services.tasks.get(i).start, services.tasks.get(i).due)
            for i in before} == before


def test_launch_move_says_why_festivals_stay(services, world):
    preview = services.plans.launch_move(world.plan_id, D(2026, 9, 15))
    reasons = {t[0]: (t[2], t[3]) for t in preview.staying}
    assert reasons[world.tasks["midautumn"]] == (A.LUNAR, "")
    assert reasons[world.tasks["double11"]] == (A.DATE, "")
    assert reasons[world.tasks["double11_pages"]] == ("with", "双11限时购")
    assert world.tasks["ms_online"] in {i for i, _ in preview.moving}
    assert preview.days == 14


def test_hanging_a_task_on_another(services, world):
    task, d11 = world.tasks["step5"], world.tasks["double11"]
    services.anchors.set(world.manager, task, A.TASK, anchor_task_id=d11, days=-10)
    assert services.tasks.get(task).due == D(2026, 11, 1)
    services.tasks.update(world.manager, d11, start=D(2026, 11, 12), due=D(2026, 11, 12))
    assert services.tasks.get(task).due == D(2026, 11, 2)


@pytest.mark.parametrize(("kwargs", "text"), [
    (dict(kind="week"), "is not a kind of anchor"),
    (dict(kind=A.DATE, month=2, day=30, year=2027), "2-30 is not a valid date date"),
    (dict(kind=A.LUNAR, month=13, day=1, year=2027), "is not a valid lunar date"),
    (dict(kind=A.LUNAR, month=8, day=15, year=2150), "known from 1900 to 2099"),
    (dict(kind=A.DATE, month=None, day=None), "not a valid date date"),
    (dict(kind=A.TASK), "Choose the task this one hangs on"),
    (dict(kind=A.TASK, anchor_task_id=999_999), "Choose the task this one hangs on"),
    (dict(kind=A.TASK, days=5000, anchor_task_id=-1), "outside"),
])
def test_bad_anchors_are_refused_and_change_nothing(services, world, snapshot, kwargs, text):
    kwargs = dict(kwargs)
    if kwargs.get("anchor_task_id") == -1:
        kwargs["anchor_task_id"] = world.tasks["double11"]
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        services.anchors.set(world.manager, world.tasks["step5"], **kwargs)
    assert text in info.value.message
    assert snapshot() == before


def test_anchor_loops_and_self_are_refused(services, world, snapshot):
    d11, prep = world.tasks["double11"], world.tasks["double11_prep"]
    before = snapshot()
    with pytest.raises(ValidationError, match="hang on itself"):
        services.anchors.set(world.manager, d11, A.TASK, anchor_task_id=d11)
    with pytest.raises(ValidationError, match="already hangs on this task"):
        services.anchors.set(world.manager, d11, A.TASK, anchor_task_id=prep)
    with pytest.raises(PermissionDenied):
        services.anchors.set(world.actors["ops"], d11, A.DATE, month=11, day=12)
    assert snapshot() == before


def test_a_deleted_anchor_leaves_the_task_on_launch_day(services, world):
    d11, service = world.tasks["double11"], world.tasks["double11_service"]
    services.tasks.delete(world.manager, d11)
    assert services.anchors.get(service).kind == A.LAUNCH
    services.plans.shift(world.manager, world.plan_id, 3)  # now moves with launch day
    assert services.tasks.get(service).due == D(2026, 11, 23)


# ---- moving launch day in the sample


@pytest.fixture
def sample(tmp_path: Path):
    path = tmp_path / "sample.db"
    shutil.copyfile(SAMPLE_DB, path)
    store = open_store(path)
    services = Services(store)
    yield services, services.people.authenticate("manager", MANAGER_PASSWORD)
    store.close()


def _state(services: Services):
    with services.store.read() as s:
        tasks = {r.id: r for r in s.execute(select(
            Task.id, Task.title, Task.status, Task.start, Task.due, Task.anchor_kind,
            Task.series_id).where(Task.plan_id == 1))}
        targets = {r.id: (r.period_start, r.period_end) for r in s.execute(
            select(KpiTarget.id, KpiTarget.period_start, KpiTarget.period_end)
            .join(Kpi, Kpi.id == KpiTarget.kpi_id).where(Kpi.plan_id == 1))}
    return tasks, targets


def test_moving_launch_day_in_the_sample_moves_only_what_depends_on_it(sample):
    services, manager = sample
    tasks, targets = _state(services)
    preview = services.plans.launch_move(1, D(2026, 9, 8))
    stay = preview.stay_ids()
    titles = {tasks[i].title: i for i in tasks if tasks[i].series_id is None}
    for festival in ("双11限时购", "双12秒杀", "中秋促销", "重阳促销", "双12秒杀策划与准备"):
        assert titles[festival] in stay
    assert titles["天猫店上线"] in stay  # done on 1 September
    reasons = {t[0]: t[2] for t in preview.staying}
    assert reasons[titles["双12秒杀"]] == "date"  # 双11 and 中秋 are done by 20 November
    assert reasons[titles["天猫店上线"]] == "done"
    assert reasons[titles["双12秒杀策划与准备"]] == "with"
    assert len(preview.moving) + len(preview.staying) == len(tasks)
    assert preview.targets_staying >= 5 and preview.targets_moving >= 5

    ch = services.plans.set_launch_date(manager, 1, D(2026, 9, 8))
    after, after_targets = _state(services)
    week = dt.timedelta(days=7)
    moved = {i for i, _ in preview.moving}
    rules = {sid: services.series.get(sid) for sid in {r.series_id for r in tasks.values()} - {None}}
    for i, r in tasks.items():
        a = after[i]
        if i in moved and r.series_id is not None:  # a routine's day, by its shifted rule
            info = rules[r.series_id]
            assert a.due in occurrence_dates(info.rule, info.start, info.until or a.due), r.title
            assert abs((a.due - r.due).days - 7) <= 31, r.title
        elif i in moved:
            assert r.status not in ("done", "skipped") and r.anchor_kind == "launch"
            assert (a.start, a.due) == (r.start and r.start + week, r.due and r.due + week), r.title
        else:
            assert (a.start, a.due) == (r.start, r.due), r.title
    monthly = [i for i in moved if tasks[i].title == "月度例会"]
    assert monthly and all(after[i].due.weekday() == 0 and after[i].due.day <= 7 for i in monthly)
    assert moved and all(tasks[i].status == "done" for i in stay if reasons[i] == "done")
    # the monthly targets stay on calendar months (the sales chart's lines), the rest move
    for i, (start, end) in targets.items():
        monthly = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
        assert after_targets[i] == ((start, end) if monthly else (start + week, end + week))
    assert services.plans.get(1).launch_date == D(2026, 9, 8)

    services.history.revert(manager, ch.change_id)  # one undo step puts everything back
    assert _state(services) == (tasks, targets)
    assert services.plans.get(1).launch_date == D(2026, 9, 1)


# ---- next season: copy plan, save as template, init --template


def test_copy_plan_to_next_year(sample):
    services, manager = sample
    result = services.plan_copy.copy(manager, 1, D(2027, 9, 1))
    new = result.changes.plan_id
    assert services.plans.get(new).name != services.plans.get(1).name
    old_tasks = {t.title: t for t in services.tasks.list(1)}
    tasks = {t.title: t for t in services.tasks.list(new)}
    assert tasks["中秋促销"].due == D(2027, 9, 15) and tasks["重阳促销"].due == D(2027, 10, 8)
    assert tasks["双11限时购"].due == D(2027, 11, 11) and tasks["双12秒杀"].due == D(2027, 12, 12)
    assert tasks["天猫店上线"].due == D(2027, 9, 1)
    assert tasks["组建运营团队"].due == old_tasks["组建运营团队"].due + dt.timedelta(days=365)
    assert {t.status for t in tasks.values()} == {"todo"}
    assert not any(services.tasks.comments(t.id) for t in tasks.values())
    assert tasks["天猫店上线"].assignee_id == old_tasks["天猫店上线"].assignee_id
    for k in services.kpis.list(new):
        assert not services.kpis.values(k.id)
    sales = next(k for k in services.kpis.list(new) if k.key == "sales")
    assert (D(2027, 10, 1), D(2027, 10, 31)) in {
        (t.period_start, t.period_end) for t in services.kpis.targets(sales.id)}
    assert not result.warnings
    services.history.revert(manager, result.changes.change_id)
    assert [p.id for p in services.plans.list()] == [1]


def test_copy_into_a_late_launch_warns_which_tasks_are_already_late(sample):
    services, manager = sample
    result = services.plan_copy.copy(manager, 1, D(2027, 11, 20), name="晚开店")
    text = "\n".join(w.message for w in result.warnings)
    assert "“双11限时购” (2027-11-11) is already late" in text
    assert "“双11活动页面与主图”" in text
    assert "双12秒杀”" not in text  # 2027-12-12 comes after launch day


def test_copy_refuses_bad_input(sample):
    services, manager = sample
    with pytest.raises(ValidationError):
        services.plan_copy.copy(manager, 1, D(2101, 1, 1))
    staff = services.people.authenticate("yunying")
    with pytest.raises(PermissionDenied):
        services.plan_copy.copy(staff, 1, D(2027, 9, 1))
    with pytest.raises(ValidationError, match="cannot be a template key"):
        services.plan_copy.template_text(1, "我的 模板", "x", "x")
    assert [p.id for p in services.plans.list()] == [1]


def _shape(services: Services, plan_id: int):
    with services.store.read() as s:
        rows = s.execute(select(Task.title, Task.start, Task.due, Task.anchor_kind,
                                Task.anchor_month, Task.anchor_day, Task.anchor_days,
                                Task.is_milestone, Task.priority, Task.series_id.is_(None))
                         .where(Task.plan_id == plan_id)).all()
    return sorted(tuple(r) for r in rows)


def test_copy_then_save_as_template_then_init_round_trips(sample, tmp_path):
    services, manager = sample
    copy = services.plan_copy.copy(manager, 1, D(2027, 9, 1)).changes.plan_id
    path = services.plan_copy.save_template(manager, copy, tmp_path / "shop-2027.toml",
                                            "shop-2027", "开店计划2027", "Shop plan 2027")
    text = path.read_text(encoding="utf-8")
    assert 'anchor = "lunar:08-15"' in text and 'anchor = "11-11"' in text
    assert 'title_en = "11.11 flash sale"' in text  # both languages, from the template
    template = load_template(path)
    assert template.name.get("en") == "Shop plan 2027"
    again = services.plans.create_from_template(manager, template, D(2027, 9, 1),
                                                routines=True).plan_id
    assert _shape(services, again) == _shape(services, copy)
    assert [(p.key, p.start, p.end) for p in services.plans.phases(again)] == [
        (p.key, p.start, p.end) for p in services.plans.phases(copy)]
    targets = {k.key: sorted((t.period_start, t.period_end, t.low, t.high)
                             for t in services.kpis.targets(k.id))
               for k in services.kpis.list(copy)}
    assert {k.key: sorted((t.period_start, t.period_end, t.low, t.high)
                          for t in services.kpis.targets(k.id))
            for k in services.kpis.list(again)} == targets
    # and a year later the festivals land on 2028's dates
    later = services.plans.create_from_template(manager, template, D(2028, 9, 1)).plan_id
    tasks = {t.title: t for t in services.tasks.list(later)}
    assert tasks["中秋促销"].due == LunarDate(2028, 8, 15).to_solar_date()
    assert tasks["双11限时购"].due == D(2028, 11, 11)


def test_saved_template_is_offered_by_init(sample, tmp_path):
    from opsdesk.templates import available_templates
    from opsdesk.templates.loader import user_template_dir

    services, manager = sample
    services.plan_copy.save_template(manager, 1, user_template_dir() / "mine.toml", "mine",
                                     "我的模板", "My template")
    try:
        assert "mine" in available_templates() and "ecommerce-launch" in available_templates()
        assert load_template("mine").name.get("zh_CN") == "我的模板"
    finally:
        (user_template_dir() / "mine.toml").unlink()


# ---- the template file's anchors


def _template(tasks: str) -> dict:
    import tomllib

    return tomllib.loads('[template]\nkey = "t"\nname_zh = "t"\n[[phases]]\nkey = "p"\n'
                        'name_zh = "p"\nstart = "L"\nend = "L+1m"\n' + tasks)


@pytest.mark.parametrize(("tasks", "text"), [
    ('[[tasks]]\nkey = "a"\nphase = "p"\ntitle_zh = "a"\nanchor = "02-30"\n', "bad anchor"),
    ('[[tasks]]\nkey = "a"\nphase = "p"\ntitle_zh = "a"\nanchor = "lunar:13-01"\n', "bad anchor"),
    ('[[tasks]]\nkey = "a"\nphase = "p"\ntitle_zh = "a"\nanchor = "task:b"\n', "unknown task b"),
    ('[[tasks]]\nkey = "a"\nphase = "p"\ntitle_zh = "a"\nanchor = "task:a"\n', "on itself"),
    ('[[tasks]]\nkey = "a"\nphase = "p"\ntitle_zh = "a"\nanchor = "task:b"\n'
     '[[tasks]]\nkey = "b"\nphase = "p"\ntitle_zh = "b"\nanchor = "task:a"\n', "make a loop"),
])
def test_bad_template_anchors(tasks, text):
    with pytest.raises(ValidationError) as info:
        parse_template(_template(tasks), "bad.toml")
    assert text in info.value.message and "bad.toml" in info.value.message
